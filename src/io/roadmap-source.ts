/** Finding, reading and parsing the roadmap the learner follows. */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Roadmap } from '../core/model.js';
import { parseRoadmap, RoadmapProblem } from '../core/parse.js';
import { slugify } from '../core/text.js';
import { topicsOf } from '../core/tree.js';
import { RoadmapFileError } from '../errors.js';
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
   * Names this roadmap's progress in the store: `bundled`, or `title:` and the
   * slug of the file's `#` title (of its file name when it has none). Moving or
   * renaming the file, or editing its topics, keeps the progress; changing the
   * title starts a new one.
   */
  readonly id: string;
  /** The file it was read from; undefined for the bundled roadmap. */
  readonly path?: string;
  readonly roadmap: Roadmap;
}

export const BUNDLED_ID = 'bundled';

export function bundledPath(): string {
  return join(packageRoot(), 'data', 'roadmap.md');
}

export function loadRoadmap(choice: RoadmapChoice): LoadedRoadmap {
  if (choice.kind === 'bundled') {
    return { id: BUNDLED_ID, roadmap: readRoadmap(bundledPath()) };
  }
  const roadmap = readRoadmap(choice.path);
  const name = basename(choice.path, extname(choice.path));
  const titled = roadmap.title ? roadmap : { ...roadmap, title: name };
  return { id: `title:${slugify(titled.title) || 'untitled'}`, path: choice.path, roadmap: titled };
}

/** Reads and parses a roadmap file; anything that makes no roadmap is one sentence and exit code 4. */
export function readRoadmap(path: string): Roadmap {
  const fail = (why: string): never => {
    throw new RoadmapFileError(path, why);
  };
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) fail('it is a folder, not a markdown file');
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof RoadmapFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  if (bytes.includes(0)) fail('it holds binary data, not markdown text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('it is not UTF-8 text');
  }
  let roadmap: Roadmap;
  try {
    roadmap = parseRoadmap(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof RoadmapProblem) return fail(error.message);
    throw error;
  }
  if (topicsOf(roadmap.parts).length === 0) {
    fail('it has no topics to follow (topics are list items, "- like this", under headings)');
  }
  return roadmap;
}
