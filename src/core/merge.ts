/**
 * Merging imported progress into saved progress, by stable key. Pure.
 *
 * - Status records: for each key, the record with the later `at` wins (on a tie
 *   the saved one stays).
 * - History, notes, reviews, grades and study sessions: a union. An imported entry identical to a saved
 *   one is not added again (counted as a multiset, so a backup restored into an
 *   empty folder keeps every entry it had); the result keeps both lists' order,
 *   interleaved by time.
 * So merging the same progress twice changes nothing the second time.
 */
import { dict, own, type Dict } from './dict.js';
import type { Status } from './model.js';
import { statusOf, type StatusRecord } from './progress.js';
import type { ProgressData, RoadmapState } from './state.js';

/** What is merged in: everything of a RoadmapState but where it was saved from. */
export type Incoming = ProgressData;

export interface StatusChangeByKey {
  readonly key: string;
  readonly from: Status;
  readonly to: Status;
}

export interface MergeCounts {
  /** Records taken from the import (a new status, or the same status with a later time). */
  readonly records: number;
  readonly history: number;
  readonly notes: number;
  readonly reviews: number;
  readonly grades: number;
  readonly sessions: number;
}

export interface MergeResult {
  readonly state: RoadmapState;
  /** Keys whose saved status is different after the merge, in the import's order. */
  readonly statusChanges: readonly StatusChangeByKey[];
  readonly added: MergeCounts;
  /** False when the merge changes nothing at all (then `state` is the saved state itself). */
  readonly changed: boolean;
}

export function mergeState(saved: RoadmapState, incoming: Incoming): MergeResult {
  const items = dict<StatusRecord>(Object.entries(saved.items));
  const statusChanges: StatusChangeByKey[] = [];
  let records = 0;
  for (const [key, record] of Object.entries(incoming.items)) {
    const current = own(saved.items, key);
    if (current && Date.parse(record.at) <= Date.parse(current.at)) continue;
    items[key] = { status: record.status, at: record.at };
    records++;
    const from = statusOf(saved.items, key);
    if (from !== record.status) statusChanges.push({ key, from, to: record.status });
  }
  const history = unionBy(
    saved.history,
    incoming.history,
    (c) => `${c.key}\n${c.from}\n${c.to}\n${c.at}`,
    (c) => c.at,
  );
  const notes = unionKeyed(
    saved.notes,
    incoming.notes,
    (n) => `${n.at}\n${n.text}`,
    (n) => n.at,
  );
  const reviews = unionKeyed(
    saved.reviews,
    incoming.reviews,
    (t) => t,
    (t) => t,
  );
  const grades = unionKeyed(
    saved.grades,
    incoming.grades,
    (g) => `${g.at}\n${g.grade}`,
    (g) => g.at,
  );
  const sessions = unionKeyed(
    saved.sessions,
    incoming.sessions,
    (s) => `${s.at}\n${s.minutes}`,
    (s) => s.at,
  );
  const added = {
    records,
    history: history.added,
    notes: notes.added,
    reviews: reviews.added,
    grades: grades.added,
    sessions: sessions.added,
  };
  const changed = records + added.history + added.notes + added.reviews + added.grades + added.sessions > 0;
  if (!changed) return { state: saved, statusChanges, added, changed };
  return {
    state: {
      ...saved,
      items,
      history: history.list,
      notes: notes.map,
      reviews: reviews.map,
      grades: grades.map,
      sessions: sessions.map,
    },
    statusChanges,
    added,
    changed,
  };
}

/**
 * `saved` with the entries of `incoming` it does not hold yet, merged by time
 * like the merge step of a merge sort: each list's own order is kept.
 */
export function unionBy<T>(
  saved: readonly T[],
  incoming: readonly T[],
  identity: (entry: T) => string,
  time: (entry: T) => string,
): { list: readonly T[]; added: number } {
  const held = new Map<string, number>();
  for (const entry of saved) held.set(identity(entry), (held.get(identity(entry)) ?? 0) + 1);
  const fresh: T[] = [];
  for (const entry of incoming) {
    const id = identity(entry);
    const n = held.get(id) ?? 0;
    if (n > 0) held.set(id, n - 1);
    else fresh.push(entry);
  }
  if (fresh.length === 0) return { list: saved, added: 0 };
  const list: T[] = [];
  let i = 0;
  let j = 0;
  while (i < saved.length || j < fresh.length) {
    const takeSaved =
      j >= fresh.length || (i < saved.length && Date.parse(time(saved[i]!)) <= Date.parse(time(fresh[j]!)));
    list.push(takeSaved ? saved[i++]! : fresh[j++]!);
  }
  return { list, added: fresh.length };
}

function unionKeyed<T>(
  saved: Dict<readonly T[]>,
  incoming: Dict<readonly T[]>,
  identity: (entry: T) => string,
  time: (entry: T) => string,
): { map: Dict<readonly T[]>; added: number } {
  const map = dict(Object.entries(saved));
  let added = 0;
  for (const [key, entries] of Object.entries(incoming)) {
    const union = unionBy(own(saved, key) ?? [], entries, identity, time);
    if (union.added === 0) continue;
    map[key] = union.list;
    added += union.added;
  }
  return { map, added };
}
