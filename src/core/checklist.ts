/**
 * The markdown checklist export (`roadmap export --format md`) and its reader.
 * Pure. The file is the roadmap as headings and task lists, one line a topic:
 *
 *   <!-- roadmap-progress {"kind":"roadmap-progress","format":1,...} -->
 *   # Backend Development Roadmap: FastAPI
 *   ## 1 Fundamentals
 *   ### 1.1 Python Basics
 *   - [x] 1.1.1 Syntax, data types, control structures, OOP concepts. <!-- key: fundamentals/... -->
 *     > 2026-11-20T10:00:00.000Z: did the exercises
 *
 * Marks: `[x]` done, `[~]` started, `[-]` skipped, `[ ]` to do. The HTML comment
 * carries the item's stable key (GitHub does not show it); without it, a line is
 * matched by its ID and title. A note is `> TIME: text`; its further lines are
 * `>   text` (two more spaces). Markdown carries no status times: an import dates
 * the statuses it changes at the time of the import.
 */
import { isIsoTime } from './time.js';
import { own } from './dict.js';
import { checkHeader, decodeRoadmapHeader, decodeTime, EXPORT_KIND, EXPORT_VERSION, ImportProblem } from './backup.js';
import type { ExportedRoadmap } from './backup.js';
import type { Item, Roadmap, Status } from './model.js';
import { progressWords, statusOf, tally, type Progress } from './progress.js';
import { isObject, type Note, type RoadmapState } from './state.js';
import { clean } from './text.js';
import { wrapColumns } from './width.js';
import { walk } from './tree.js';

const MARKS: Record<Status, string> = { done: 'x', doing: '~', skipped: '-', todo: ' ' };
const STATUS_OF_MARK: Readonly<Record<string, Status>> = {
  x: 'done',
  X: 'done',
  '~': 'doing',
  '-': 'skipped',
  ' ': 'todo',
};
const HEADER = /^<!-- roadmap-progress (\{.*\}) -->\s*$/;
const KEY_OPENING = '<!-- key: ';

/**
 * The key comment that ends a line (` <!-- key: KEY -->`): its key, and where
 * the comment starts. Found from the last opening, then matched anchored, so a
 * long hostile line costs linear time (an unanchored `\s*<!-- key:` pattern
 * retried at every position is quadratic: 9 s for an 80 KB line of spaces).
 */
function findKeyComment(line: string): { key: string; at: number } | undefined {
  const at = line.lastIndexOf(KEY_OPENING);
  if (at < 0) return undefined;
  const found = /^<!-- key: (\S+) -->\s*$/.exec(line.slice(at))?.[1];
  return found === undefined ? undefined : { key: found, at };
}

/**
 * Untrusted text kept on one markdown line: no control characters, no bidi
 * controls, and U+2028/U+2029 as spaces (they end a line for some readers).
 */
const oneLine = (s: string): string => clean(s).replace(/[\u2028\u2029]/g, ' ');
/** Untrusted text on one markdown line, and no HTML. */
const text = (s: string): string => oneLine(s).replace(/</g, '&lt;');

/** The width of the checklist's prose. */
const CHECKLIST_COLUMNS = 80;

export function renderChecklist(
  roadmap: Roadmap,
  header: ExportedRoadmap,
  exportedAt: string,
  state: RoadmapState,
  progress: Progress,
): string {
  // Inside the comment, < and > are escaped so no title can end it early, and C1
  // and bidi controls (JSON leaves them raw) so none reaches the file: \uXXXX, as JSON reads them.
  const meta = JSON.stringify({ kind: EXPORT_KIND, format: EXPORT_VERSION, roadmap: header, exportedAt }).replace(
    /[<>\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const overall = tally(roadmap.parts, progress);
  const out: string[] = [
    `<!-- roadmap-progress ${meta} -->`,
    `# ${text(header.title) || 'Roadmap'}`,
    '',
    // A paragraph of lines that fit 80 columns, so that it reads in a terminal and a diff.
    ...wrapColumns(
      `${progressWords(overall)}. Marks: \`[x]\` done, \`[~]\` started, \`[-]\` skipped, \`[ ]\` to do. ` +
        `Exported ${exportedAt.slice(0, 10)} with \`roadmap export --format md\`; bring it back with \`roadmap import FILE\`.`,
      CHECKLIST_COLUMNS,
    ),
  ];
  const notes = (key: string, indent: string): void => {
    for (const note of own(state.notes, key) ?? []) out.push(...noteLines(note, indent));
  };
  const keyComment = (key: string): string => ` <!-- key: ${encodeKey(key)} -->`;
  const shown = new Set<string>();

  walk(roadmap.parts, (item, ancestors) => {
    shown.add(item.key);
    const depth = ancestors.length + 1;
    // Parts and sections are headings (## to ######); below a topic, or deeper than that, a nested list.
    const firstInList = ancestors.findIndex((a, i) => a.kind === 'topic' || i + 2 > 6);
    const hasNotes = (own(state.notes, item.key)?.length ?? 0) > 0;
    if (firstInList < 0 && item.kind !== 'topic' && depth + 1 <= 6) {
      out.push('');
      if (item.label) out.push(`*${text(item.label)}*`, '');
      out.push(`${'#'.repeat(depth + 1)} ${item.id} ${text(item.title)}${hasNotes ? keyComment(item.key) : ''}`);
      if (depth === 1) {
        const t = tally([item], progress);
        out.push('', progressWords(t));
      }
      if (hasNotes) out.push('');
      notes(item.key, '');
      if (item.children[0]?.kind === 'topic') out.push('');
      return;
    }
    const indent = '  '.repeat(firstInList < 0 ? 0 : ancestors.length - firstInList);
    if (item.kind === 'topic') {
      const mark = MARKS[statusOf(progress, item.key)];
      out.push(`${indent}- [${mark}] ${item.id} ${text(item.title)}${keyComment(item.key)}`);
    } else {
      out.push(`${indent}- ${item.id} ${text(item.title)}${hasNotes ? keyComment(item.key) : ''}`);
    }
    notes(item.key, `${indent}  `);
  });

  if (roadmap.projects.length > 0) {
    out.push('', '## Projects', '');
    for (const project of roadmap.projects) {
      shown.add(project.key);
      out.push(
        `- [${MARKS[statusOf(progress, project.key)]}] ${project.id} ${text(project.title)}${keyComment(project.key)}`,
      );
      notes(project.key, '  ');
    }
  }

  const kept = [...new Set([...Object.keys(state.items), ...Object.keys(state.notes)])].filter((k) => !shown.has(k));
  if (kept.length > 0) {
    out.push('', '## Kept progress of items not in this roadmap', '');
    for (const key of kept) {
      const mark = own(state.items, key) ? `[${MARKS[statusOf(state.items, key)]}] ` : '';
      // Without a mark of its own, a key that starts like one ("[>]") is escaped, or it would be read as a mark.
      const name = mark === '' && text(key).startsWith('[') ? `\\${text(key)}` : text(key);
      out.push(`- ${mark}${name}${keyComment(key)}`);
      notes(key, '  ');
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * What a note may not carry raw onto a markdown line: `&` and `<` (HTML), control
 * characters but the newline (escape codes), bidi controls (they reorder what a
 * viewer shows: Trojan Source), U+2028/U+2029 (line breaks to some readers, and
 * to the import's patterns) and lone surrogates (UTF-8 cannot hold them).
 */
const UNSAFE_IN_NOTE =
  // eslint-disable-next-line no-control-regex
  /[&<\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A note's text for a markdown line, reversibly: what UNSAFE_IN_NOTE names, as
 * character references, so no viewer meets HTML, escape codes or reordered text
 * in it, and the import gives back the note exactly.
 */
const escapeNote = (s: string): string =>
  s.replace(UNSAFE_IN_NOTE, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : `&#x${c.charCodeAt(0).toString(16)};`));
const unescapeNote = (s: string): string =>
  s.replace(/&(amp|lt|#x[0-9a-f]{1,4});/gi, (_m, name: string) =>
    name.toLowerCase() === 'amp'
      ? '&'
      : name.toLowerCase() === 'lt'
        ? '<'
        : String.fromCharCode(parseInt(name.slice(2), 16)),
  );

function noteLines(note: Note, indent: string): string[] {
  const [first = '', ...rest] = escapeNote(note.text).split('\n');
  return [`${indent}> ${note.at}:${first === '' ? '' : ` ${first}`}`, ...rest.map((line) => `${indent}>   ${line}`)];
}

/** A note read back: `at` is absent when the line carried no time (one written by hand). */
export interface ReadNote {
  readonly at?: string;
  readonly text: string;
}

export interface Checklist {
  readonly roadmap: ExportedRoadmap;
  readonly exportedAt: string;
  /** The status each listed item has in the file, by key, in file order. */
  readonly marks: ReadonlyMap<string, Status>;
  readonly notes: ReadonlyMap<string, readonly ReadNote[]>;
  /** Line numbers of checklist lines that match no item of the roadmap. */
  readonly unmatched: readonly number[];
}

/** Does this text start like a markdown export (its first line is the export's comment)? */
export function looksLikeChecklist(content: string): boolean {
  const first = content.split('\n', 1)[0]!;
  return first.startsWith('<!-- roadmap-progress');
}

export function readChecklist(content: string, roadmap: Roadmap): Checklist {
  const lines = content.split(/\r?\n/);
  const head = HEADER.exec(lines[0] ?? '');
  if (!head) throw new ImportProblem('does not start with the "<!-- roadmap-progress {...} -->" line of an export');
  let meta: unknown;
  try {
    meta = JSON.parse(head[1]!);
  } catch {
    throw new ImportProblem('has a damaged "<!-- roadmap-progress -->" first line');
  }
  if (!isObject(meta)) throw new ImportProblem('has a damaged "<!-- roadmap-progress -->" first line');
  checkHeader(meta, 'format');
  const header = decodeRoadmapHeader(meta.roadmap);
  const exportedAt = decodeTime(meta.exportedAt, 'exportedAt');

  const byId = new Map<string, { key: string; title: string }>();
  walk(roadmap.parts, (item: Item) => byId.set(item.id, item));
  for (const project of roadmap.projects) byId.set(project.id, project);

  const marks = new Map<string, Status>();
  const notes = new Map<string, ReadNote[]>();
  const unmatched: number[] = [];
  let current: string | undefined;
  let last: { at?: string; text: string } | undefined;
  lines.slice(1).forEach((line, index) => {
    const number = index + 2;
    const quote = /^\s*>(?: ?(.*))?$/.exec(line);
    if (quote) {
      if (current === undefined) return;
      const body = quote[1] ?? '';
      const dated = /^(\d{4}-\S*):(?: (.*))?$/.exec(body);
      if (dated && isIsoTime(dated[1])) {
        last = { at: dated[1], text: unescapeNote(dated[2] ?? '') };
        push(notes, current, last);
      } else if (last && (body.startsWith('  ') || body === '')) {
        last.text += `\n${unescapeNote(body.slice(2))}`;
      } else {
        last = { text: unescapeNote(body) };
        push(notes, current, last);
      }
      return;
    }
    last = undefined;
    const heading = /^#{1,6}[ \t]/.test(line);
    // Markdown allows a tab as well as spaces after the bullet and after the mark.
    const item = /^\s*[-*+][ \t]+(?:\[(.)\][ \t]+)?(.*)$/.exec(line);
    if (!heading && !item) return;
    const found = findKeyComment(line)?.key;
    const key = found === undefined ? undefined : decodeKey(found);
    current = key;
    if (!item || item[1] === undefined) return;
    const status = STATUS_OF_MARK[item[1]];
    if (status === undefined) {
      throw new ImportProblem(`has the mark "[${item[1]}]" on line ${number}; the marks are [x], [~], [-] and [ ]`);
    }
    const named = key ?? matchByIdAndTitle(item[2]!, byId);
    if (named === undefined) {
      unmatched.push(number);
      return;
    }
    current = named;
    marks.set(named, status);
  });
  return { roadmap: header, exportedAt, marks, notes, unmatched };
}

/**
 * Keys are slug paths, but a kept record's key can be anything: spaces, < > %,
 * control characters and bidi controls are %-encoded (so none reaches the file raw).
 */
const encodeKey = (key: string): string =>
  // eslint-disable-next-line no-control-regex
  key.replace(/[\s%<>\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) =>
    encodeURIComponent(c),
  );

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `1.2.3 Title...` naming the item with that ID, if its title is that title. */
function matchByIdAndTitle(
  rest: string,
  byId: ReadonlyMap<string, { key: string; title: string }>,
): string | undefined {
  const comment = findKeyComment(rest);
  const m = /^(\S+) (.*)$/.exec(comment === undefined ? rest : rest.slice(0, comment.at).trimEnd());
  if (!m) return undefined;
  const item = byId.get(m[1]!);
  const title = m[2]!.replace(/&lt;/g, '<').trim();
  return item && title.startsWith(oneLine(item.title).trim()) ? item.key : undefined;
}
