/**
 * Markdown -> Roadmap, for the bundled roadmap and for any study plan a learner
 * points roadmap at. The rules are the README's "Any roadmap" section (longer:
 * docs/any-roadmap.md):
 *
 * - Headings give the hierarchy; items nest under the nearest heading and under
 *   their parent item (parse/walk.ts reads the blocks).
 * - The file's strongest kind of item is its topics: checkboxes, else table
 *   rows, else the leaves (parse/select.ts).
 * - Admin sections, the preamble, tables of contents, answer options, language
 *   switchers, prose lists and `<details>` bodies are never topics.
 * - Sections titled like "projects" or "learning path" hold the suggested
 *   projects and the path stages instead of topics.
 *
 * Every decision can be recorded (`trace`) for `roadmap inspect`.
 */
import type { Links, Token, TokensList } from 'marked';
import { projectSections, stagesOfParts } from './match.js';
import type { Item, Project, Roadmap, RoadmapText, Stage, TopicIndex } from './model.js';
import type { Decision } from './parse/draft.js';
import { cleanTitle } from './parse/inline.js';
import { collapseLabels, finalize, modeOf, select, type Mode } from './parse/select.js';
import { CHUNK_CHARS, lexInChunks, lexWithLinks } from './parse/chunks.js';
import { TitleFinder, type TitlePlaces, type Titled } from './parse/title.js';
import { Walker, type Walked } from './parse/walk.js';
import { RoadmapProblem } from './problems.js';
import { slugify } from './text.js';
import { minutesOf } from './estimates.js';
import { topicsOf } from './tree.js';

export type { Decision, Role } from './parse/draft.js';
export type { Mode } from './parse/select.js';

export { RoadmapProblem };
// For the build, which applies the bundled roadmap's estimates overlay with the parser it just built.
export { applyEstimates, overlayOf } from './estimates.js';

/** Limits that keep marked's lexer fast and inside its stack on hostile files. */
const MAX_LINE_LENGTH = 1_000_000;
/**
 * Longer lines are read only up to this many characters: marked's emphasis
 * scanner is quadratic on a line like `_a_a_a…` (100 KB took 7-13 s).
 */
export const MAX_READ_LINE = 10_000;
const MAX_LIST_INDENT = 400;
const MAX_QUOTE_DEPTH = 100;
const DEEP_QUOTE = new RegExp(`^(?:[ \\t]*>){${MAX_QUOTE_DEPTH + 1}}`);

/** What `roadmap inspect` shows: every block's fate, and the kind of topics the file was read for. */
export interface Trace {
  readonly decisions: Decision[];
  mode?: Mode;
}

/**
 * `chunkChars`: the file is lexed in stretches of about this many characters
 * (parse/chunks.ts), so its tokens are never all in memory at once; the tests
 * give 0 (a stretch per heading) and Infinity (the whole file at once).
 */
export function parseRoadmap(markdown: string, trace?: Trace, chunkChars = CHUNK_CHARS): Roadmap {
  checkShape(markdown);
  try {
    return parse(markdown, chunkChars, trace);
  } catch (error) {
    // marked and the tree walks recurse once per nesting level; thousands of levels exhaust the stack.
    if (error instanceof RangeError) throw new RoadmapProblem('nests its lists or headings too deeply to read');
    throw error;
  }
}

/**
 * Refuses, with the line, what would make the lexer overflow its stack or take
 * minutes: a line of megabytes, lists nested hundreds of levels deep.
 */
function checkShape(markdown: string): void {
  let start = 0;
  for (let line = 1; start <= markdown.length; line++) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const length = end - start;
    if (length > MAX_LINE_LENGTH) {
      throw new RoadmapProblem(
        `line ${line} is ${length.toLocaleString('en')} characters long; roadmap reads lines of up to ${MAX_LINE_LENGTH.toLocaleString('en')}`,
      );
    }
    const text = markdown.slice(start, Math.min(end, start + MAX_LIST_INDENT * 2 + 8));
    const indent = /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length;
    if (indent > MAX_LIST_INDENT && /^[ \t]*(?:[-*+]|\d+[.)])(?:[ \t]|$)/.test(text)) {
      throw new RoadmapProblem(`line ${line} nests a list more than ${MAX_LIST_INDENT} columns deep`);
    }
    if (DEEP_QUOTE.test(text)) {
      throw new RoadmapProblem(`line ${line} nests quotes more than ${MAX_QUOTE_DEPTH} levels deep`);
    }
    start = end + 1;
  }
}

function parse(markdown: string, chunkChars: number, trace?: Trace): Roadmap {
  const decisions = trace?.decisions;
  const { source, frontTitle, frontPart, frontLines, cut } = prepare(markdown);
  if (frontLines > 0)
    decisions?.push({ line: 1, role: 'skipped', text: '---', rule: 'YAML front matter: never a part' });
  for (const line of cut) {
    decisions?.push({
      line,
      role: 'skipped',
      text: '…',
      rule: `a line over ${MAX_READ_LINE.toLocaleString('en')} characters is read up to there`,
    });
  }
  const { walked, titled } = readBlocks(source, chunkChars, { frontTitle, frontPart, record: trace !== undefined });
  decisions?.push(...(walked.decisions ?? []));
  if (titled.rule && !titled.token) decisions?.push({ line: 1, role: 'title', text: titled.title, rule: titled.rule });
  const titleLine = titled.token ? locateAgain(source, titled.token.raw) : 0;
  const mode = modeOf(walked.root);
  if (trace) trace.mode = mode;
  const kept = select(walked.root, mode, titleLine, decisions);
  const parts = distinctKeys(finalize(collapseLabels(kept), '', '', 1, mode, decisions));
  decisions?.sort((a, b) => a.line - b.line);
  const projects: Project[] = walked.projectTitles.map((p, i) => {
    const slug = slugify(p.title);
    return { id: `p${i + 1}`, title: p.title, slug, key: `project/${slug}`, line: p.line };
  });
  const stages: Stage[] = walked.stageTitles.map((t, i) => ({ number: i + 1, title: t }));
  const text: RoadmapText = { title: titled.title, parts, projects, stages };
  return {
    ...text,
    partStages: Object.fromEntries(stagesOfParts(text)),
    projectSections: Object.fromEntries(projects.map((p) => [p.id, projectSections(text, p).map((s) => s.id)])),
    topics: topicIndex(parts),
  };
}

/**
 * Line endings made `\n`; YAML front matter blanked (its lines kept, so line
 * numbers still match); lines over MAX_READ_LINE cut there.
 */
function prepare(markdown: string): {
  source: string;
  frontTitle: string;
  frontPart: string;
  frontLines: number;
  cut: number[];
} {
  let source = markdown.replace(/\r\n?/g, '\n');
  let frontTitle = '';
  let frontPart = '';
  let frontLines = 0;
  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (front) {
    const title = /^title:[ \t]*(.+)$/m.exec(front[1]!);
    frontTitle = title ? title[1]!.trim().replace(/^(['"])(.*)\1$/, '$2') : '';
    frontLines = front[0].split('\n').length - 1;
    // The first parser read front matter as a `##` heading (the closing `---` underlining its last paragraph).
    const content = front[1]!.split('\n');
    if (content[content.length - 1]!.trim() !== '' && front[0].trimEnd().endsWith('---')) {
      const start = content.map((l) => l.trim() === '').lastIndexOf(true) + 1;
      frontPart = cleanTitle(content[start]!);
    }
    source = '\n'.repeat(frontLines) + source.slice(front[0].length);
  }
  const cut: number[] = [];
  if (source.length > MAX_READ_LINE) {
    const lines = source.split('\n');
    lines.forEach((line, i) => {
      if (line.length > MAX_READ_LINE) {
        lines[i] = line.slice(0, MAX_READ_LINE);
        cut.push(i + 1);
      }
    });
    if (cut.length > 0) source = lines.join('\n');
  }
  return { source, frontTitle, frontPart, frontLines, cut };
}

interface Reading {
  readonly frontTitle: string;
  readonly frontPart: string;
  readonly record: boolean;
}

/**
 * Lexes and walks the blocks a stretch at a time. The walk needs to know the
 * title heading as it reaches it, which depends on the whole file: a file of one
 * stretch is lexed before its walk; a longer one is walked on a guess, and walked
 * again (lexed again) in the rare file where the guess was wrong.
 */
function readBlocks(source: string, chunkChars: number, reading: Reading): { walked: Walked; titled: Titled } {
  if (source.length <= chunkChars) {
    const tokens = lex(source, {});
    const finder = new TitleFinder();
    finder.see(tokens);
    return walkStretches(source, [tokens], reading, finder.settle(reading.frontTitle).places);
  }
  const guessed = walkStretches(source, lexInChunks(source, chunkChars, lex), reading);
  if (guessed.right) return guessed;
  return walkStretches(source, lexInChunks(source, chunkChars, lex), reading, guessed.places);
}

function walkStretches(
  source: string,
  stretches: Iterable<Token[]>,
  { frontTitle, frontPart, record }: Reading,
  places?: TitlePlaces,
): { walked: Walked; titled: Titled; right: boolean; places: TitlePlaces } {
  const finder = new TitleFinder(places);
  const walker = new Walker({ locate: lineLocator(source), record, roleOf: finder.roleOf, frontPart });
  for (const tokens of stretches) {
    finder.see(tokens);
    walker.feed(tokens);
  }
  return { walked: walker.result(), ...finder.settle(frontTitle) };
}

/** The line of a raw block, found afresh (the walk's locator has moved on). */
function locateAgain(source: string, raw: string): number {
  return lineLocator(source)(raw);
}

function topicIndex(parts: readonly Item[]): TopicIndex {
  const topics = topicsOf(parts);
  return {
    ids: topics.map((t) => t.id),
    keys: topics.map((t) => t.key),
    checked: topics.filter((t) => t.checked).map((t) => t.key),
    ...minutesOf(topics),
  };
}

/** marked's lexer, whose own failures (it has them, on odd nestings) become a clear refusal. */
function lex(source: string, links: Links): TokensList {
  try {
    return lexWithLinks(source, links);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new RoadmapProblem(`could not be read as markdown (the parser failed: ${(error as Error).message})`);
  }
}

/**
 * Finds the line of each token's first line, in document order. marked keeps no
 * positions, so we search forward from the previous hit.
 */
function lineLocator(source: string): (raw: string) => number {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  let cursor = 0;
  return (raw) => {
    const line =
      raw
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    const found = line ? source.indexOf(line, cursor) : -1;
    if (found >= 0) cursor = found + 1;
    const offset = found >= 0 ? found : cursor;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Every item's key is distinct, since progress is stored by key. Keys are made
 * as the first parser made them, and a first `#` that is now a part passes its
 * items the keys they had when it was the title; those can meet a key of the
 * part itself or of a later part ("# Python / - Basics / # Basics"). The later
 * one takes `~2`, `~3`..., as same-titled siblings do; keys that were distinct
 * stay as they are.
 */
function distinctKeys(parts: readonly Item[]): Item[] {
  const used = new Set<string>();
  const visit = (item: Item): Item => {
    let key = item.key;
    for (let n = 2; used.has(key); n++) key = `${item.key}~${n}`;
    used.add(key);
    const children = item.children.map(visit);
    return key === item.key && children.every((c, i) => c === item.children[i]) ? item : { ...item, key, children };
  };
  return parts.map(visit);
}
