/**
 * Recovering what can be read from a damaged progress file: every record that
 * is still well-formed, whether the file is valid JSON of the wrong shape or a
 * truncated, half-overwritten text.
 */
import { dict } from './dict.js';
import { isIsoTime } from './time.js';
import type { Status } from './model.js';
import type { StatusChange, StatusRecord } from './progress.js';
import {
  copyGrade,
  copySession,
  emptyRoadmapState,
  isGradedReview,
  isSession,
  knownSettings,
  SCHEMA_VERSION,
  type Note,
  type RoadmapState,
  type SavedState,
} from './state.js';

export interface Salvage {
  readonly state: SavedState;
  /** How many status records were kept. */
  readonly records: number;
  /** How many notes and reviews were kept. */
  readonly notes: number;
  readonly reviews: number;
}

const STATUSES = new Set<string>(['todo', 'doing', 'done', 'skipped']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const validTime = isIsoTime;
const validRecord = (v: unknown): v is StatusRecord =>
  isObject(v) && STATUSES.has(String(v.status)) && typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at));
const validChange = (v: unknown): v is StatusChange =>
  isObject(v) &&
  typeof v.key === 'string' &&
  STATUSES.has(String(v.from)) &&
  STATUSES.has(String(v.to)) &&
  typeof v.at === 'string' &&
  !Number.isNaN(Date.parse(v.at));

export function salvageState(text: string): Salvage {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Cut short (a write killed half-way): the document up to the cut keeps notes and reviews
    // in their places. Other damage: the records that can still be found in the text.
    const scanned = fromText(text);
    const prefix = completePrefix(text);
    if (prefix === undefined) return scanned;
    const structured = fromData(prefix);
    return structured.records >= scanned.records ? structured : scanned;
  }
  return fromData(data);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPENERS: Readonly<Record<number, number>> = { 0x7b: 0x7d, 0x5b: 0x5d };

/**
 * The longest prefix of a JSON text that is cut just after a complete value
 * (before a comma, or after a closing bracket), closed with the brackets still
 * open there and parsed: a file cut anywhere gives back every value that was
 * whole before the cut, in its place. Never a half value: a string cut short is
 * dropped with the object or entry holding it. Undefined if no such prefix
 * parses. Linear: the brackets open at a cut are the bottom of the stack at the
 * end, since leaving one of them would make a later cut.
 */
function completePrefix(text: string): unknown {
  const open: number[] = [];
  let cut = -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (OPENERS[c] !== undefined) {
      open.push(OPENERS[c]);
    } else if (c === COMMA && open.length > 0) {
      cut = i;
      depth = open.length;
    } else if (c === 0x7d || c === 0x5d) {
      // A closer that closes nothing open: what follows is not this document any more.
      if (open.pop() !== c) break;
      cut = i + 1;
      depth = open.length;
      if (depth === 0) break;
    }
  }
  if (cut < 0) return undefined;
  const closers = open
    .slice(0, depth)
    .reverse()
    .map((c) => String.fromCharCode(c))
    .join('');
  try {
    return JSON.parse(text.slice(0, cut) + closers) as unknown;
  } catch {
    return undefined;
  }
}

/** The well-formed records of a parsed document, whatever its shape. */
function fromData(data: unknown): Salvage {
  const roadmaps = dict<RoadmapState>();
  let records = 0;
  if (isObject(data) && isObject(data.roadmaps)) {
    for (const [id, value] of Object.entries(data.roadmaps)) {
      if (!isObject(value)) continue;
      const items = dict(
        Object.entries(isObject(value.items) ? value.items : {})
          .filter(([, record]) => validRecord(record))
          .map(([key, record]) => [key, { status: (record as StatusRecord).status, at: (record as StatusRecord).at }]),
      );
      const history = (Array.isArray(value.history) ? value.history : []).filter(validChange).map((c) => ({
        key: c.key,
        from: c.from,
        to: c.to,
        at: c.at,
      }));
      records += Object.keys(items).length;
      roadmaps[id] = {
        items,
        history,
        notes: keyedEntries(
          value.notes,
          (n): n is Note => isObject(n) && validTime(n.at) && typeof n.text === 'string',
          (n) => ({ at: n.at, text: n.text }),
        ),
        reviews: keyedEntries(value.reviews, validTime, (t) => t),
        grades: keyedEntries(value.grades, isGradedReview, copyGrade),
        sessions: keyedEntries(value.sessions, isSession, copySession),
        // A salvaged file starts a new journal: the old entries may not match what was kept.
        journal: [],
        ...(typeof value.source === 'string' ? { source: value.source } : {}),
      };
    }
  }
  const settings = isObject(data) && isObject(data.settings) ? knownSettings(data.settings) : {};
  return { state: { schemaVersion: SCHEMA_VERSION, settings, roadmaps }, records, ...counts(roadmaps) };
}

function counts(roadmaps: Readonly<Record<string, RoadmapState>>): { notes: number; reviews: number } {
  const total = (keyed: Readonly<Record<string, readonly unknown[]>>): number =>
    Object.values(keyed).reduce((n, list) => n + list.length, 0);
  const all = Object.values(roadmaps);
  return {
    notes: all.reduce((n, r) => n + total(r.notes), 0),
    reviews: all.reduce((n, r) => n + total(r.reviews), 0),
  };
}

/** The well-formed entries of a `{ key: [entry, ...] }` map (notes, reviews); the rest is dropped. */
function keyedEntries<T>(value: unknown, valid: (v: unknown) => v is T, copy: (v: T) => T): Record<string, T[]> {
  const out = dict<T[]>();
  for (const [key, entries] of Object.entries(isObject(value) ? value : {})) {
    const kept = (Array.isArray(entries) ? entries : []).filter(valid).map(copy);
    if (kept.length > 0) out[key] = kept;
  }
  return out;
}

/** A JSON string body as text; undefined if its escapes are broken. */
function unescape(body: string): string | undefined {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return undefined;
  }
}

/**
 * Not JSON any more, nor a JSON text cut short (overwritten in places): find
 * the status records that are still whole. Notes and reviews are not looked
 * for here: without the JSON structure a note cannot be tied to its topic with
 * certainty.
 */
function fromText(text: string): Salvage {
  const roadmaps = dict<RoadmapState & { items: Record<string, StatusRecord>; history: StatusChange[] }>();
  const roadmapStart = /"((?:[^"\\]|\\.)*)"\s*:\s*\{\s*"items"\s*:/g;
  const starts = [...text.matchAll(roadmapStart)].map((m) => ({ at: m.index, id: unescape(m[1]!) ?? 'bundled' }));
  const ownerAt = (index: number): { items: Record<string, StatusRecord>; history: StatusChange[] } => {
    const owner = starts.filter((s) => s.at < index).at(-1)?.id ?? 'bundled';
    return (roadmaps[owner] ??= { ...emptyRoadmapState(), items: dict(), history: [] });
  };
  const status = '(todo|doing|done|skipped)';
  const string = '"((?:[^"\\\\]|\\\\.)*)"';
  const recordPattern = new RegExp(
    `${string}\\s*:\\s*\\{\\s*"status"\\s*:\\s*"${status}"\\s*,\\s*"at"\\s*:\\s*${string}\\s*\\}`,
    'g',
  );
  const changePattern = new RegExp(
    `\\{\\s*"key"\\s*:\\s*${string}\\s*,\\s*"from"\\s*:\\s*"${status}"\\s*,\\s*"to"\\s*:\\s*"${status}"\\s*,\\s*"at"\\s*:\\s*${string}\\s*\\}`,
    'g',
  );
  let records = 0;
  for (const match of text.matchAll(recordPattern)) {
    const key = unescape(match[1]!);
    const at = unescape(match[3]!);
    if (key === undefined || at === undefined || Number.isNaN(Date.parse(at))) continue;
    ownerAt(match.index).items[key] = { status: match[2] as Status, at };
    records++;
  }
  for (const match of text.matchAll(changePattern)) {
    const key = unescape(match[1]!);
    const at = unescape(match[4]!);
    if (key === undefined || at === undefined || Number.isNaN(Date.parse(at))) continue;
    ownerAt(match.index).history.push({ key, from: match[2] as Status, to: match[3] as Status, at });
  }
  // The chosen roadmap, so that after a repair the learner still sees the roadmap they follow.
  const chosen = /"settings"\s*:\s*\{\s*"roadmap"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  const roadmap = chosen ? unescape(chosen[1]!) : undefined;
  return {
    state: { schemaVersion: SCHEMA_VERSION, settings: roadmap === undefined ? {} : { roadmap }, roadmaps },
    records,
    notes: 0,
    reviews: 0,
  };
}
