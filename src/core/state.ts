/**
 * The saved-progress document: its shape, its schema version, and the checks
 * that turn parsed JSON into it. Pure: reading and writing the file is io/'s job.
 */
import { dict, type Dict } from './dict.js';
import { isIsoTime } from './time.js';
import type { Status } from './model.js';
import type { JournalEntries, JournalEntry, RecordChange } from './journal.js';
import type { Progress, StatusChange, StatusRecord } from './progress.js';

export const SCHEMA_VERSION = 4;

export interface RoadmapState {
  /** Current status of each item, by stable key. */
  readonly items: Progress;
  /** Every status change, oldest first: the raw material of history and pace. */
  readonly history: readonly StatusChange[];
  /** The file this roadmap was last saved from (custom roadmaps): a record of where it lives. */
  readonly source?: string;
  /** The learner's notes on items, by stable key, oldest first. */
  readonly notes: Dict<readonly Note[]>;
  /** When each finished topic was reviewed, by stable key, oldest first (spaced review). */
  readonly reviews: Dict<readonly string[]>;
  /** How each graded review went, by stable key, oldest first (each is also in `reviews`). */
  readonly grades: Dict<readonly GradedReview[]>;
  /** Study sessions recorded with `roadmap log`, by stable key, oldest first. */
  readonly sessions: Dict<readonly StudySession[]>;
  /** The last changes, oldest first, each as it can be undone (src/core/journal.ts). */
  readonly journal: readonly JournalEntry[];
}

/** How a review went, in FSRS's (and Anki's) four words. */
export type Grade = 'again' | 'hard' | 'good' | 'easy';
export const GRADES: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

/** A graded review; its time is also in the topic's `reviews` (every graded review is a review). */
export interface GradedReview {
  readonly at: string;
  readonly grade: Grade;
}

/** Minutes of study on an item that ended at `at`, recorded with `roadmap log`. */
export interface StudySession {
  readonly at: string;
  readonly minutes: number;
}

/** The longest session one `roadmap log` records: a day. */
export const MAX_SESSION_MINUTES = 24 * 60;

/** A roadmap's progress without where it was read from and the journal: what a backup and sync carry. */
export type ProgressData = Omit<RoadmapState, 'source' | 'journal'>;

export const progressData = (state: ProgressData): ProgressData => ({
  items: state.items,
  history: state.history,
  notes: state.notes,
  reviews: state.reviews,
  grades: state.grades,
  sessions: state.sessions,
});

export interface Note {
  /** ISO 8601 time the note was written. */
  readonly at: string;
  readonly text: string;
}

export interface Settings {
  /** The roadmap file chosen with `roadmap use PATH`; absent means the bundled roadmap. */
  readonly roadmap?: string;
  /** `next` holds back new topics while more than this many reviews are due. */
  readonly reviewLimit?: number;
}

export interface SavedState {
  readonly schemaVersion: number;
  readonly settings: Settings;
  /** Each roadmap's progress by roadmap ID (a dict: the IDs come from the file). */
  readonly roadmaps: Dict<RoadmapState>;
}

export const emptyState = (): SavedState => ({ schemaVersion: SCHEMA_VERSION, settings: {}, roadmaps: dict() });
export const emptyRoadmapState = (): RoadmapState => ({
  items: dict(),
  history: [],
  notes: dict(),
  reviews: dict(),
  grades: dict(),
  sessions: dict(),
  journal: [],
});

/** Why a saved document cannot be used. The message completes "The progress file ...". */
export class StateProblem extends Error {}

const STATUSES: readonly Status[] = ['todo', 'doing', 'done', 'skipped'];

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStatus = (v: unknown): v is Status => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
const isTime = isIsoTime;

type Document = Record<string, unknown>;

/**
 * The way forward for old files: MIGRATIONS[n] turns a version-n document into
 * version n+1. A schema change bumps SCHEMA_VERSION and adds its step here, and
 * old files are upgraded when read (and saved in the new version on the next write).
 * Version 2 added notes and reviews. It is a new version, not two optional fields,
 * because a version-1 build rewrites only what it knows: it would drop the notes.
 * With the bump it refuses the file instead.
 * Version 3 added the journal of changes that `roadmap undo` reverts, for the
 * same reason: a version-2 build would save its changes without journal entries,
 * and an undo would then revert the wrong thing. Changes made before the upgrade
 * have no entries, so they cannot be undone.
 * Version 4 added graded reviews, logged study sessions and the review limit:
 * a version-3 build would drop them on its next save.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: Document) => Document>> = {
  1: (doc) => ({
    ...doc,
    schemaVersion: 2,
    roadmaps: isObject(doc.roadmaps)
      ? dict(Object.entries(doc.roadmaps).map(([id, r]) => [id, isObject(r) ? { notes: {}, reviews: {}, ...r } : r]))
      : doc.roadmaps,
  }),
  2: (doc) => ({
    ...doc,
    schemaVersion: 3,
    roadmaps: isObject(doc.roadmaps)
      ? dict(Object.entries(doc.roadmaps).map(([id, r]) => [id, isObject(r) ? { journal: [], ...r } : r]))
      : doc.roadmaps,
  }),
  // Absent grades and sessions decode as none: nothing to add.
  3: (doc) => ({ ...doc, schemaVersion: 4 }),
};

export function migrate(
  doc: Document,
  from: number,
  migrations: Readonly<Record<number, (doc: Document) => Document>>,
): Document {
  let current = doc;
  for (let step = migrations[from]; step; step = migrations[++from]) current = step(current);
  return current;
}

/**
 * Checks a parsed document and brings it to the current schema. Throws
 * StateProblem for anything this build cannot safely read, including a newer
 * schema version (so an old build never rewrites a newer file).
 */
export function decodeState(data: unknown): SavedState {
  if (!isObject(data)) throw new StateProblem('does not hold a JSON object');
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StateProblem('has no valid "schemaVersion"');
  }
  if (version > SCHEMA_VERSION) {
    throw new StateProblem(
      `was written by a newer roadmap (schema version ${version}; this one knows ${SCHEMA_VERSION}); upgrade roadmap to use it`,
    );
  }
  const current = migrate(data, version, MIGRATIONS);
  if (!isObject(current.roadmaps)) throw new StateProblem('has no "roadmaps" object');
  const roadmaps = asDict<RoadmapState>(current.roadmaps);
  for (const id of Object.keys(roadmaps)) roadmaps[id] = decodeRoadmapState(roadmaps[id], id);
  return { schemaVersion: SCHEMA_VERSION, settings: decodeSettings(current.settings), roadmaps };
}

function decodeSettings(value: unknown): Settings {
  if (value === undefined) return {};
  if (
    !isObject(value) ||
    (value.roadmap !== undefined && typeof value.roadmap !== 'string') ||
    (value.reviewLimit !== undefined && !isReviewLimit(value.reviewLimit))
  ) {
    throw new StateProblem('has malformed "settings"');
  }
  return knownSettings(value);
}

export const isReviewLimit = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The settings this build knows, from a checked (or salvaged) object. */
export function knownSettings(value: Record<string, unknown>): Settings {
  return {
    ...(typeof value.roadmap === 'string' ? { roadmap: value.roadmap } : {}),
    ...(isReviewLimit(value.reviewLimit) ? { reviewLimit: value.reviewLimit } : {}),
  };
}

/**
 * One roadmap's progress, every record checked (also for imported backups).
 * Checked where it is, not copied: the progress file is read by every command,
 * and copying each item, history entry, note and review doubled what a run
 * allocates (and the garbage collection that follows). `value` is the caller's
 * freshly parsed JSON and becomes part of the result: its keyed records turn
 * into dicts (their prototype is dropped, so "__proto__" or "constructor" stays
 * an ordinary key), and only a record with fields beyond the known ones is
 * copied, so nothing unknown reaches a save or an export.
 */
export function decodeRoadmapState(value: unknown, id: string): RoadmapState {
  if (!isObject(value) || !isObject(value.items) || !Array.isArray(value.history)) {
    throw new StateProblem(`has a malformed entry for roadmap "${id}"`);
  }
  const items = asDict<StatusRecord>(value.items);
  for (const key of Object.keys(items)) {
    const record: unknown = items[key];
    if (!isObject(record) || !isStatus(record.status) || !isTime(record.at)) {
      throw new StateProblem(`has a malformed record for "${key}"`);
    }
    if (fieldCount(record) !== 2) items[key] = { status: record.status, at: record.at };
  }
  const history = value.history as StatusChange[];
  for (let i = 0; i < history.length; i++) {
    const entry: unknown = history[i];
    if (
      !isObject(entry) ||
      typeof entry.key !== 'string' ||
      !isStatus(entry.from) ||
      !isStatus(entry.to) ||
      !isTime(entry.at)
    ) {
      throw new StateProblem(`has a malformed history entry (number ${i + 1}) for roadmap "${id}"`);
    }
    if (fieldCount(entry) !== 4) history[i] = { key: entry.key, from: entry.from, to: entry.to, at: entry.at };
  }
  if (value.source !== undefined && typeof value.source !== 'string') {
    throw new StateProblem(`has a malformed "source" for roadmap "${id}"`);
  }
  return {
    items,
    history,
    ...(typeof value.source === 'string' ? { source: value.source } : {}),
    notes: decodeKeyed(value.notes, `notes for roadmap "${id}"`, isNote, 2, (n) => ({ at: n.at, text: n.text })),
    reviews: decodeKeyed(value.reviews, `reviews for roadmap "${id}"`, isTime, 0, (t) => t),
    grades: decodeKeyed(value.grades, `grades for roadmap "${id}"`, isGradedReview, 2, copyGrade),
    sessions: decodeKeyed(value.sessions, `study sessions for roadmap "${id}"`, isSession, 2, copySession),
    journal: decodeJournal(value.journal, id),
  };
}

/**
 * The journal of changes: required from version 3 (the migration adds an empty
 * one), every entry checked and copied to its known fields.
 */
function decodeJournal(value: unknown, id: string): JournalEntry[] {
  if (!Array.isArray(value)) throw new StateProblem(`has no journal of changes for roadmap "${id}"`);
  return value.map((entry: unknown, i) => {
    const bad = (): StateProblem =>
      new StateProblem(`has a malformed journal entry (number ${i + 1}) for roadmap "${id}"`);
    if (
      !isObject(entry) ||
      !isCount(entry.id) ||
      !isTime(entry.at) ||
      typeof entry.command !== 'string' ||
      !isObject(entry.items) ||
      (entry.undoes !== undefined && !(Array.isArray(entry.undoes) && entry.undoes.every(isCount)))
    ) {
      throw bad();
    }
    const items = dict<RecordChange>();
    for (const [key, change] of Object.entries(entry.items)) {
      if (!isObject(change) || !isRecordOrNull(change.before) || !isRecordOrNull(change.after)) throw bad();
      items[key] = { before: copyRecord(change.before), after: copyRecord(change.after) };
    }
    const added = decodeEntries(entry.added);
    const removed = decodeEntries(entry.removed);
    if (!added || !removed) throw bad();
    return {
      id: entry.id,
      at: entry.at,
      command: entry.command,
      ...(Array.isArray(entry.undoes) ? { undoes: entry.undoes } : {}),
      items,
      added,
      removed,
    };
  });
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const isRecord = (v: unknown): v is StatusRecord => isObject(v) && isStatus(v.status) && isTime(v.at);
const isRecordOrNull = (v: unknown): v is StatusRecord | null => v === null || isRecord(v);
const copyRecord = (r: StatusRecord | null): StatusRecord | null =>
  r === null ? null : { status: r.status, at: r.at };
const isChange = (v: unknown): v is StatusChange =>
  isObject(v) && typeof v.key === 'string' && isStatus(v.from) && isStatus(v.to) && isTime(v.at);

/** A journal entry's added or removed lists; undefined when malformed. */
function decodeEntries(value: unknown): JournalEntries | undefined {
  if (!isObject(value) || !Array.isArray(value.history) || !value.history.every(isChange)) return undefined;
  try {
    return {
      history: value.history.map((c) => ({ key: c.key, from: c.from, to: c.to, at: c.at })),
      notes: decodeKeyed(value.notes, 'notes', isNote, 2, (n) => ({ at: n.at, text: n.text })),
      reviews: decodeKeyed(value.reviews, 'reviews', isTime, 0, (t) => t),
      grades: decodeKeyed(value.grades, 'grades', isGradedReview, 2, copyGrade),
      sessions: decodeKeyed(value.sessions, 'study sessions', isSession, 2, copySession),
    };
  } catch (error) {
    if (error instanceof StateProblem) return undefined;
    throw error;
  }
}

export const isNote = (v: unknown): v is Note => isObject(v) && isTime(v.at) && typeof v.text === 'string';
export const isGrade = (v: unknown): v is Grade => typeof v === 'string' && (GRADES as readonly string[]).includes(v);
export const isGradedReview = (v: unknown): v is GradedReview => isObject(v) && isTime(v.at) && isGrade(v.grade);
export const isSessionMinutes = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_SESSION_MINUTES;
export const isSession = (v: unknown): v is StudySession => isObject(v) && isTime(v.at) && isSessionMinutes(v.minutes);
export const copyGrade = (g: GradedReview): GradedReview => ({ at: g.at, grade: g.grade });
export const copySession = (s: StudySession): StudySession => ({ at: s.at, minutes: s.minutes });

/** A parsed JSON object as a dict, in place: without a prototype, every key is its own (see dict.ts). */
function asDict<T>(value: Record<string, unknown>): Record<string, T> {
  return Object.setPrototypeOf(value, null) as Record<string, T>;
}

/** How many keys a parsed record has (counted without making a list of them). */
function fieldCount(record: object): number {
  let count = 0;
  // A parsed JSON object (or a dict) has no inherited enumerable keys: for-in counts its own.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for (const _ in record) count++;
  return count;
}

/**
 * A `{ key: [entry, ...] }` map, every entry checked; absent means empty. An
 * object entry with more than `fields` keys is copied to the known ones.
 */
function decodeKeyed<T>(
  value: unknown,
  what: string,
  valid: (v: unknown) => v is T,
  fields: number,
  copy: (v: T) => T,
): Dict<readonly T[]> {
  if (value === undefined) return dict();
  if (!isObject(value)) throw new StateProblem(`has malformed ${what}`);
  const out = asDict<T[]>(value);
  for (const key of Object.keys(out)) {
    const entries: unknown = out[key];
    if (!Array.isArray(entries) || !entries.every(valid)) throw new StateProblem(`has malformed ${what} ("${key}")`);
    if (fields > 0 && entries.some((entry) => fieldCount(entry as object) !== fields)) out[key] = entries.map(copy);
  }
  return out;
}
