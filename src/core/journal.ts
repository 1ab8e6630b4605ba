/**
 * The journal of changes: one entry per command run that changed a roadmap's
 * progress, holding exactly what it changed, so `roadmap undo` can put it back.
 * Pure: the entry is computed from the state before and after the change
 * (src/commands/transaction.ts does it once, for every command that writes).
 *
 * An entry is a plain, self-describing record (issue 18 syncs it as an event):
 * its id, when it was made, the command, each status record before and after
 * (null: no record), and the history entries, notes and reviews it added or
 * removed. Undoing an entry applies its inverse (after becomes before, added
 * becomes removed); an undo is an entry too, so undoing it redoes.
 */
import { dict, own, type Dict } from './dict.js';
import type { Status } from './model.js';
import type { StatusChange, StatusRecord } from './progress.js';
import type { GradedReview, Note, RoadmapState, StudySession } from './state.js';
import { byTime } from './time.js';

/** How many changes a roadmap's journal keeps: older ones fall off and can no longer be undone. */
export const JOURNAL_LIMIT = 100;

export interface RecordChange {
  /** The record before the change; null when the item had none. */
  readonly before: StatusRecord | null;
  readonly after: StatusRecord | null;
}

/** Entries of the lists a change adds to or removes from. */
export interface JournalEntries {
  readonly history: readonly StatusChange[];
  readonly notes: Dict<readonly Note[]>;
  readonly reviews: Dict<readonly string[]>;
  readonly grades: Dict<readonly GradedReview[]>;
  readonly sessions: Dict<readonly StudySession[]>;
}

/** What one change did to a roadmap's progress. */
export interface Delta {
  readonly items: Dict<RecordChange>;
  readonly added: JournalEntries;
  readonly removed: JournalEntries;
}

export interface JournalEntry extends Delta {
  /** Counts up within the roadmap's journal (not reused when old entries fall off). */
  readonly id: number;
  /** When the command ran (not a backdated --at: that is in the records). */
  readonly at: string;
  /** The command that made the change: done, undone, start, skip, reset, import, review, note, undo, ... */
  readonly command: string;
  /** For an undo: the ids of the entries it reverted, latest first. */
  readonly undoes?: readonly number[];
}

const noEntries = (): JournalEntries => ({
  history: [],
  notes: dict(),
  reviews: dict(),
  grades: dict(),
  sessions: dict(),
});

const changeIdentity = (c: StatusChange): string => `${c.key}\n${c.from}\n${c.to}\n${c.at}`;
const noteIdentity = (n: Note): string => `${n.at}\n${n.text}`;
const gradeIdentity = (g: GradedReview): string => `${g.at}\n${g.grade}`;
const sessionIdentity = (s: StudySession): string => `${s.at}\n${s.minutes}`;
const same = (a: StatusRecord | undefined, b: StatusRecord | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.status === b.status && a.at === b.at);

/** What `after` changed from `before`; undefined when nothing did. */
export function diffStates(before: RoadmapState, after: RoadmapState): Delta | undefined {
  const items = dict<RecordChange>();
  let changed = 0;
  if (before.items !== after.items) {
    for (const key of new Set([...Object.keys(before.items), ...Object.keys(after.items)])) {
      const was = own(before.items, key);
      const is = own(after.items, key);
      if (same(was, is)) continue;
      items[key] = { before: was ? record(was) : null, after: is ? record(is) : null };
      changed++;
    }
  }
  const history = listDiff(before.history, after.history, changeIdentity);
  const notes = keyedDiff(before.notes, after.notes, noteIdentity);
  const reviews = keyedDiff(before.reviews, after.reviews, (t) => t);
  const grades = keyedDiff(before.grades, after.grades, gradeIdentity);
  const sessions = keyedDiff(before.sessions, after.sessions, sessionIdentity);
  changed +=
    history.added.length + history.removed.length + notes.count + reviews.count + grades.count + sessions.count;
  if (changed === 0) return undefined;
  return {
    items,
    added: {
      history: history.added,
      notes: notes.added,
      reviews: reviews.added,
      grades: grades.added,
      sessions: sessions.added,
    },
    removed: {
      history: history.removed,
      notes: notes.removed,
      reviews: reviews.removed,
      grades: grades.removed,
      sessions: sessions.removed,
    },
  };
}

const record = (r: StatusRecord): StatusRecord => ({ status: r.status, at: r.at });

/** The entries of `after` not in `before`, and of `before` not in `after` (as multisets, in list order). */
function listDiff<T>(
  before: readonly T[],
  after: readonly T[],
  identity: (entry: T) => string,
): { added: T[]; removed: T[] } {
  if (before === after) return { added: [], removed: [] };
  // The common case, a list appended to: its old entries are the same objects.
  if (after.length >= before.length && before.every((entry, i) => after[i] === entry)) {
    return { added: after.slice(before.length), removed: [] };
  }
  const held = new Map<string, number>();
  for (const entry of before) held.set(identity(entry), (held.get(identity(entry)) ?? 0) + 1);
  const added: T[] = [];
  for (const entry of after) {
    const id = identity(entry);
    const n = held.get(id) ?? 0;
    if (n > 0) held.set(id, n - 1);
    else added.push(entry);
  }
  const removed = before.filter((entry) => {
    const id = identity(entry);
    const n = held.get(id) ?? 0;
    if (n === 0) return false;
    held.set(id, n - 1);
    return true;
  });
  return { added, removed };
}

function keyedDiff<T>(
  before: Dict<readonly T[]>,
  after: Dict<readonly T[]>,
  identity: (entry: T) => string,
): { added: Record<string, T[]>; removed: Record<string, T[]>; count: number } {
  const added = dict<T[]>();
  const removed = dict<T[]>();
  let count = 0;
  if (before === after) return { added, removed, count };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const diff = listDiff(own(before, key) ?? [], own(after, key) ?? [], identity);
    if (diff.added.length > 0) added[key] = diff.added;
    if (diff.removed.length > 0) removed[key] = diff.removed;
    count += diff.added.length + diff.removed.length;
  }
  return { added, removed, count };
}

/** The change that takes a delta back. */
export function invert(delta: Delta): Delta {
  const items = dict<RecordChange>();
  for (const [key, change] of Object.entries(delta.items)) items[key] = { before: change.after, after: change.before };
  return { items, added: delta.removed, removed: delta.added };
}

/**
 * `state` with the delta applied: each record set to its `after` (or removed),
 * removed entries taken out (the last one alike), added entries put in by time,
 * and a note or review list left empty dropped, as it was before it was added.
 */
export function applyDelta(state: RoadmapState, delta: Delta): RoadmapState {
  return {
    ...state,
    items: patchDict(
      state.items,
      (key, saved) => {
        const change = own(delta.items, key);
        if (change === undefined) return saved;
        return change.after === null ? undefined : record(change.after);
      },
      Object.keys(delta.items),
    ),
    history: patchList(state.history, delta.removed.history, delta.added.history, changeIdentity, (c) => c.at),
    notes: patchKeyed(state.notes, delta.removed.notes, delta.added.notes, noteIdentity, (n) => n.at),
    reviews: patchKeyed(
      state.reviews,
      delta.removed.reviews,
      delta.added.reviews,
      (t) => t,
      (t) => t,
    ),
    grades: patchKeyed(state.grades, delta.removed.grades, delta.added.grades, gradeIdentity, (g) => g.at),
    sessions: patchKeyed(state.sessions, delta.removed.sessions, delta.added.sessions, sessionIdentity, (s) => s.at),
  };
}

function patchList<T>(
  list: readonly T[],
  remove: readonly T[],
  add: readonly T[],
  identity: (entry: T) => string,
  time: (entry: T) => string,
): readonly T[] {
  if (remove.length === 0 && add.length === 0) return list;
  const out = [...list];
  for (const entry of remove) {
    const id = identity(entry);
    const at = out.findLastIndex((e) => identity(e) === id);
    if (at >= 0) out.splice(at, 1);
  }
  return insertByTime(out, add, time);
}

/**
 * `add` put into `list` in time order, each after every entry not later than it,
 * so entries appended at the time of a change go back where they were.
 */
export function insertByTime<T>(list: readonly T[], add: readonly T[], time: (entry: T) => string): T[] {
  const out = [...list];
  for (const entry of add) {
    let at = out.length;
    while (at > 0 && byTime(time(out[at - 1]!), time(entry)) > 0) at--;
    out.splice(at, 0, entry);
  }
  return out;
}

function patchKeyed<T>(
  keyed: Dict<readonly T[]>,
  remove: Dict<readonly T[]>,
  add: Dict<readonly T[]>,
  identity: (entry: T) => string,
  time: (entry: T) => string,
): Dict<readonly T[]> {
  const keys = new Set([...Object.keys(remove), ...Object.keys(add)]);
  if (keys.size === 0) return keyed;
  return patchDict(
    keyed,
    (key, list) => {
      if (!keys.has(key)) return list;
      const patched = patchList(list ?? [], own(remove, key) ?? [], own(add, key) ?? [], identity, time);
      return patched.length === 0 ? undefined : patched;
    },
    keys,
  );
}

/**
 * A copy of `d` with each value replaced by `patch` (undefined drops the key),
 * keeping the keys' order; keys of `more` it does not hold come last.
 */
function patchDict<T>(
  d: Dict<T>,
  patch: (key: string, value: T | undefined) => T | undefined,
  more: Iterable<string>,
): Dict<T> {
  const out = dict<T>();
  for (const [key, value] of Object.entries(d)) {
    const patched = patch(key, value);
    if (patched !== undefined) out[key] = patched;
  }
  for (const key of more) {
    if (Object.hasOwn(d, key)) continue;
    const patched = patch(key, undefined);
    if (patched !== undefined) out[key] = patched;
  }
  return out;
}

/** The journal with an entry for `delta` added, the oldest entries beyond the limit dropped. */
export function appendEntry(
  journal: readonly JournalEntry[],
  delta: Delta,
  made: { readonly at: string; readonly command: string; readonly undoes?: readonly number[] },
  limit = JOURNAL_LIMIT,
): JournalEntry[] {
  const id = (journal.at(-1)?.id ?? 0) + 1;
  const entry: JournalEntry = {
    id,
    at: made.at,
    command: made.command,
    ...(made.undoes ? { undoes: made.undoes } : {}),
    items: delta.items,
    added: delta.added,
    removed: delta.removed,
  };
  return [...journal, entry].slice(-limit);
}

/** What a delta did to one key's status, for reports: from and to, as the saved records say. */
export const statusBefore = (change: RecordChange): Status => change.before?.status ?? 'todo';
export const statusAfter = (change: RecordChange): Status => change.after?.status ?? 'todo';

export { noEntries };
