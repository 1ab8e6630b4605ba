/** Finding, reading and parsing the roadmap the learner follows. */
import { closeSync, existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { applyEstimates, overlayOf } from '../core/estimates.js';
import type { Roadmap } from '../core/model.js';
import { RoadmapFileError } from '../errors.js';
import { MAX_ROADMAP_BYTES, openRegularFile, readCapped, readRegularFile, UnreadableFile } from './files.js';
import type { ParseCache } from './parse-cache.js';
import { identify } from './roadmap-identity.js';
import { packageRoot } from './paths.js';

/** Which roadmap, and who chose it: `--file` beats ROADMAP_FILE beats `roadmap use` beats the bundled one. */
export type RoadmapChoice =
  | { readonly kind: 'bundled' }
  | { readonly kind: 'file'; readonly path: string; readonly via: '--file' | 'ROADMAP_FILE' | 'roadmap use' };

export function chooseRoadmap(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  saved: string | undefined,
  cwd: string,
): RoadmapChoice {
  if (flag !== undefined) return { kind: 'file', path: resolve(cwd, flag), via: '--file' };
  if (env.ROADMAP_FILE) return { kind: 'file', path: resolve(cwd, env.ROADMAP_FILE), via: 'ROADMAP_FILE' };
  if (saved !== undefined) return { kind: 'file', path: saved, via: 'roadmap use' };
  return { kind: 'bundled' };
}

export interface LoadedRoadmap {
  /**
   * Names this roadmap's progress in the store: `bundled`, `title:` and the
   * slug of the file's title, or for a file without one `file:` and its full
   * path (see roadmap-identity.ts). Moving or renaming a
   * titled file, or editing its topics, keeps the progress; changing the title
   * starts a new one.
   */
  readonly id: string;
  /** Where an untitled file's progress was saved before it was keyed by its path. */
  readonly formerId?: string;
  /** The file it was read from; undefined for the bundled roadmap. */
  readonly path?: string;
  readonly roadmap: Roadmap;
  /**
   * The bundled roadmap's estimates overlay, where it went wrong: keys naming
   * no item, values that are no length, or a file that is no JSON object
   * (`unreadable`). Those estimates are left out; `roadmap doctor` reports them.
   */
  readonly overlay?: OverlayProblems;
}

export interface OverlayProblems {
  readonly unknown: readonly string[];
  readonly invalid: readonly string[];
  readonly unreadable: boolean;
}

export const BUNDLED_ID = 'bundled';

/**
 * The bundled roadmap's markdown, our estimates for it (an overlay, so that the
 * markdown stays the seed's, byte for byte), and the tree the build made of
 * the two (see scripts/build.mjs).
 */
export const bundledPaths = (): { markdown: string; estimates: string; compiled: string } => {
  const root = packageRoot();
  return {
    markdown: join(root, 'data', 'roadmap.md'),
    estimates: join(root, 'data', 'estimates.json'),
    compiled: join(root, 'dist', 'roadmap.json'),
  };
};

export async function loadRoadmap(choice: RoadmapChoice, cache: ParseCache): Promise<LoadedRoadmap> {
  if (choice.kind === 'bundled') return { id: BUNDLED_ID, ...(await readBundled()) };
  const roadmap = await readRoadmap(choice.path, cache);
  const name = basename(choice.path, extname(choice.path));
  const titled = roadmap.title ? roadmap : { ...roadmap, title: name };
  return { ...identify(roadmap.title, choice.path), path: choice.path, roadmap: titled };
}

/**
 * The build parses data/roadmap.md into dist/roadmap.json, with the estimates
 * of data/estimates.json, keeping the texts it read; the tree is used only
 * while both are still the files', so an edited roadmap or overlay is never
 * served from a stale tree.
 */
async function readBundled(): Promise<{ roadmap: Roadmap; overlay?: OverlayProblems }> {
  const { markdown, estimates, compiled } = bundledPaths();
  const text = readText(markdown, readBytes(markdown));
  const overlayText = readOverlay(estimates);
  if (existsSync(compiled)) {
    try {
      const built = JSON.parse(readFileSync(compiled, 'utf8')) as {
        source?: string;
        estimates?: string;
        roadmap?: Roadmap;
      };
      if (built.source === text && (built.estimates ?? '') === overlayText && built.roadmap)
        return { roadmap: built.roadmap };
    } catch {
      // A damaged build output: parse the markdown instead.
    }
  }
  const parsed = await parse(markdown, text);
  if (overlayText === '') return { roadmap: parsed };
  const overlay = overlayOf(overlayText);
  if (overlay === undefined) return { roadmap: parsed, overlay: { unknown: [], invalid: [], unreadable: true } };
  const { roadmap, unknown, invalid } = applyEstimates(parsed, overlay);
  const problems = unknown.length + invalid.length > 0;
  return { roadmap, ...(problems ? { overlay: { unknown, invalid, unreadable: false } } : {}) };
}

/** The overlay's text; '' when there is none (a roadmap without estimates of ours is still a roadmap). */
function readOverlay(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Reads and parses a roadmap file; anything that makes no roadmap is one sentence and exit code 4. */
export async function readRoadmap(path: string, cache: ParseCache): Promise<Roadmap> {
  let bytes: Buffer;
  let stamp;
  let opened;
  try {
    opened = openRegularFile(path, MAX_ROADMAP_BYTES);
  } catch (error) {
    throw asRoadmapError(path, error);
  }
  try {
    const { stat } = opened;
    stamp = { path, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
    const cached = cache.get(stamp);
    if (cached) return cached;
    bytes = readCapped(opened.fd, MAX_ROADMAP_BYTES);
  } catch (error) {
    throw asRoadmapError(path, error);
  } finally {
    closeSync(opened.fd);
  }
  const roadmap = await parse(path, readText(path, bytes));
  cache.set(stamp, roadmap);
  return roadmap;
}

function asRoadmapError(path: string, error: unknown): RoadmapFileError {
  if (error instanceof RoadmapFileError) return error;
  if (error instanceof UnreadableFile) {
    // A folder is named as users expect a roadmap to be: a markdown file.
    const reason = error.message.startsWith('is a folder') ? 'is a folder, not a markdown file' : error.message;
    return new RoadmapFileError(path, `it ${reason}`);
  }
  const code = (error as NodeJS.ErrnoException).code;
  return new RoadmapFileError(path, code === 'ENOENT' ? 'no such file' : (error as Error).message);
}

function readBytes(path: string): Buffer {
  try {
    return readRegularFile(path, MAX_ROADMAP_BYTES);
  } catch (error) {
    throw asRoadmapError(path, error);
  }
}

function readText(path: string, bytes: Buffer): string {
  if (bytes.includes(0)) throw new RoadmapFileError(path, 'it holds binary data, not markdown text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new RoadmapFileError(path, 'it is not UTF-8 text');
  }
}

async function parse(path: string, text: string): Promise<Roadmap> {
  // The parser brings in marked's lexer: only a roadmap that is not cached pays for it.
  const { parseRoadmap } = await import('../core/parse.js');
  let roadmap: Roadmap;
  try {
    roadmap = parseRoadmap(text);
  } catch (error) {
    if (error instanceof Error && error.name === 'RoadmapProblem') throw new RoadmapFileError(path, error.message);
    throw error;
  }
  if (roadmap.topics.ids.length === 0) {
    throw new RoadmapFileError(
      path,
      'it has no topics to follow (list items, checkboxes, table rows or headings with text; "roadmap inspect" shows how it was read)',
    );
  }
  return roadmap;
}

/** What `roadmap inspect` reads: the chosen file's text parsed with every decision recorded. */
export interface InspectedRoadmap {
  /** The file, or undefined for the bundled roadmap. */
  readonly path?: string;
  readonly roadmap: Roadmap;
  readonly trace: import('../core/parse.js').Trace;
}

/** Parses the chosen roadmap afresh (never from the cache), recording why each block became what it is. */
export async function inspectRoadmap(choice: RoadmapChoice): Promise<InspectedRoadmap> {
  const path = choice.kind === 'bundled' ? bundledPaths().markdown : choice.path;
  const text = readText(path, readBytes(path));
  const { parseRoadmap } = await import('../core/parse.js');
  const trace: import('../core/parse.js').Trace = { decisions: [] };
  try {
    const roadmap = parseRoadmap(text, trace);
    return { ...(choice.kind === 'bundled' ? {} : { path }), roadmap, trace };
  } catch (error) {
    if (error instanceof Error && error.name === 'RoadmapProblem') throw new RoadmapFileError(path, error.message);
    throw error;
  }
}
