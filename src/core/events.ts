/**
 * Progress as events, for sync between machines. Each device appends what it
 * changes to a log of its own (one event per line); every device merges all
 * the logs by the same rules, so the logs of several devices never conflict
 * and any two devices that hold the same logs derive the same progress.
 *
 * The rules, per roadmap:
 * - an item's status record: the latest change wins (by the event's time, then
 *   device, then the event's number), whatever device made it;
 * - notes, reviews, grades and study sessions are unions: each is its own
 *   thing, added, edited or removed by its own events (the latest event on it
 *   wins again);
 * - an undo is not special: it is recorded as the changes it makes.
 *
 * Pure: the logs are read and written by src/io/sync-log.ts.
 */
import { dict, own, type Dict } from './dict.js';
import type { Status } from './model.js';
import type { StatusChange, StatusRecord } from './progress.js';
import {
  emptyRoadmapState,
  isGradedReview,
  isObject,
  isSession,
  type GradedReview,
  type Note,
  type ProgressData,
  type RoadmapState,
  type StudySession,
} from './state.js';
import { byTime, isIsoTime } from './time.js';

/** What one event changes about one item (by key). */
export type EventChange =
  /** The item's status record is now this one; null: it has none (todo, as never touched). */
  | { readonly set: StatusRecord | null }
  /** The note written at `note.at` (the `n`-th with that time) now reads `note.text`. */
  | { readonly note: Note; readonly n?: number }
  /** The note written at this time (the `n`-th with that time) is deleted. */
  | { readonly unnote: string; readonly n?: number }
  /** The item was reviewed at this time (the `n`-th review with that time). */
  | { readonly review: string; readonly n?: number }
  /** The review at this time is withdrawn. */
  | { readonly unreview: string; readonly n?: number }
  /** The review at `grade.at` (the `n`-th graded with that time) went as `grade.grade`. */
  | { readonly grade: GradedReview; readonly n?: number }
  /** The grade given at this time is withdrawn. */
  | { readonly ungrade: string; readonly n?: number }
  /** A study session that ended at `session.at` (the `n`-th with that time) took `session.minutes`. */
  | { readonly session: StudySession; readonly n?: number }
  /** The study session that ended at this time is withdrawn. */
  | { readonly unsession: string; readonly n?: number };

export interface SyncEvent {
  /** `<device>.<number>`: unique, and in the order the device wrote them. */
  readonly id: string;
  readonly device: string;
  /** When the change was made (ISO UTC): what orders changes between devices. */
  readonly time: string;
  /** The roadmap's ID in the progress file (`title:fastapi-backend-roadmap`). */
  readonly roadmap: string;
  /** The item's stable key. */
  readonly key: string;
  readonly change: EventChange;
}

/** Who writes the next events, when, and the number the first of them takes. */
export interface Stamp {
  readonly device: string;
  readonly time: string;
  /** The number of the first event (the device's count of events so far, plus one). */
  readonly first: number;
}

const STATUSES: readonly Status[] = ['todo', 'doing', 'done', 'skipped'];

/** Numbers events from `stamp`, in order. */
function stamped(stamp: Stamp, roadmap: string, changes: readonly (readonly [string, EventChange])[]): SyncEvent[] {
  return changes.map(([key, change], i) => ({
    id: `${stamp.device}.${stamp.first + i}`,
    device: stamp.device,
    time: stamp.time,
    roadmap,
    key,
    change,
  }));
}

/**
 * The events that turn `before` into `after` (one roadmap): one per status
 * record, note, review, grade and study session that differs. What a command changed, whichever
 * command it was: the store records every save this way.
 */
export function diffEvents(roadmap: string, before: RoadmapState, after: RoadmapState, stamp: Stamp): SyncEvent[] {
  const changes: [string, EventChange][] = [];
  for (const key of unionKeys(before.items, after.items)) {
    const was = own(before.items, key);
    const now = own(after.items, key);
    if (was?.status !== now?.status || was?.at !== now?.at) changes.push([key, { set: now ?? null }]);
  }
  keyedChanges(changes, before.notes, after.notes, {
    time: (n) => n.at,
    same: (a, b) => a.text === b.text,
    set: (note) => ({ note }),
    unset: (at) => ({ unnote: at }),
  });
  keyedChanges(changes, before.reviews, after.reviews, {
    time: (t) => t,
    same: () => true,
    set: (review) => ({ review }),
    unset: (at) => ({ unreview: at }),
  });
  keyedChanges(changes, before.grades, after.grades, {
    time: (g) => g.at,
    same: (a, b) => a.grade === b.grade,
    set: (grade) => ({ grade }),
    unset: (at) => ({ ungrade: at }),
  });
  keyedChanges(changes, before.sessions, after.sessions, {
    time: (s) => s.at,
    same: (a, b) => a.minutes === b.minutes,
    set: (session) => ({ session }),
    unset: (at) => ({ unsession: at }),
  });
  return stamped(stamp, roadmap, changes);
}

/** How the entries of one keyed list (notes, reviews, grades, sessions) become events. */
interface KeyedEvents<T> {
  readonly time: (entry: T) => string;
  /** Whether an entry with the same identity (time and place) still says the same. */
  readonly same: (before: T, after: T) => boolean;
  readonly set: (entry: T) => EventChange;
  readonly unset: (at: string) => EventChange;
}

/** An event per entry added or edited, and per entry removed, of each key's list. */
function keyedChanges<T>(
  changes: [string, EventChange][],
  before: Dict<readonly T[]>,
  after: Dict<readonly T[]>,
  how: KeyedEvents<T>,
): void {
  for (const key of unionKeys(before, after)) {
    const was = numbered(own(before, key) ?? [], how.time);
    const now = numbered(own(after, key) ?? [], how.time);
    for (const [id, { value, n }] of now) {
      const old = was.get(id);
      if (!old || !how.same(old.value, value)) changes.push([key, withN(how.set(value), n)]);
    }
    for (const [id, { value, n }] of was) if (!now.has(id)) changes.push([key, withN(how.unset(how.time(value)), n)]);
  }
}

/**
 * A roadmap's existing progress as events, for a device's first sync: its
 * status history as it happened (each change at its own time), then whatever
 * the records hold beyond that history, then the notes and reviews. Merged
 * alone, these events give back the same records, notes and reviews.
 */
export function migrationEvents(roadmap: string, state: RoadmapState, stamp: Stamp): SyncEvent[] {
  const changes: [string, EventChange][] = [];
  const times: string[] = [];
  const replayed = dict<StatusRecord>();
  for (const entry of state.history) {
    const record = { status: entry.to, at: entry.at };
    replayed[entry.key] = record;
    changes.push([entry.key, { set: record }]);
    times.push(entry.at);
  }
  const rest = diffEvents(roadmap, { ...emptyRoadmapState(), items: replayed }, state, stamp);
  for (const event of rest) {
    changes.push([event.key, event.change]);
    times.push(timeOf(event.change) ?? stamp.time);
  }
  return stamped(stamp, roadmap, changes).map((event, i) => ({ ...event, time: times[i]! }));
}

/** The time an event's change itself carries (a record's, a note's or a review's), if any. */
function timeOf(change: EventChange): string | undefined {
  if ('set' in change) return change.set?.at;
  if ('note' in change) return change.note.at;
  if ('review' in change) return change.review;
  if ('grade' in change) return change.grade.at;
  if ('session' in change) return change.session.at;
  return undefined;
}

/** Events in the one order every device merges them in. */
export function eventOrder(a: SyncEvent, b: SyncEvent): number {
  return (
    byTime(a.time, b.time) ||
    (a.device < b.device ? -1 : a.device > b.device ? 1 : 0) ||
    sequence(a.id) - sequence(b.id) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const sequence = (id: string): number => Number(id.slice(id.lastIndexOf('.') + 1)) || 0;

/**
 * The progress of every roadmap the events name, merged by the rules above.
 * `base` supplies what is not synced (each roadmap's `source`, the file it was
 * read from on this machine).
 */
export function mergeEvents(events: readonly SyncEvent[], base: Dict<RoadmapState> = dict()): Dict<RoadmapState> {
  const sorted = [...events].sort(eventOrder);
  const byRoadmap = new Map<string, SyncEvent[]>();
  for (const event of sorted) {
    let list = byRoadmap.get(event.roadmap);
    if (!list) byRoadmap.set(event.roadmap, (list = []));
    list.push(event);
  }
  const out = dict<RoadmapState>();
  for (const [roadmap, list] of byRoadmap) {
    const source = own(base, roadmap)?.source;
    out[roadmap] = { ...emptyRoadmapState(), ...foldRoadmap(list), ...(source === undefined ? {} : { source }) };
  }
  return out;
}

/** One roadmap's events, already in merge order, as its progress. */
function foldRoadmap(events: readonly SyncEvent[]): ProgressData {
  // A Map while merging: a record set to null is deleted, and a dict's keys are data.
  const items = new Map<string, StatusRecord>();
  const history: StatusChange[] = [];
  const notes = new Map<string, Map<string, { note: Note | null; order: number }>>();
  const reviews = new Map<string, Map<string, string | null>>();
  const grades = new Map<string, Map<string, GradedReview | null>>();
  const sessions = new Map<string, Map<string, StudySession | null>>();
  events.forEach((event, order) => {
    const { key, change } = event;
    if ('set' in change) {
      const from = items.get(key)?.status ?? 'todo';
      const record = change.set;
      if (record) items.set(key, record);
      else items.delete(key);
      const to = record?.status ?? 'todo';
      if (from !== to) history.push({ key, from, to, at: record?.at ?? event.time });
    } else if ('note' in change || 'unnote' in change) {
      const at = 'note' in change ? change.note.at : change.unnote;
      const note = 'note' in change ? { at, text: change.note.text } : null;
      const id = `${at}#${change.n ?? 0}`;
      const forKey = mapOf(notes, key);
      // A note keeps the place it was first written in; an edit changes its text only.
      forKey.set(id, { note, order: forKey.get(id)?.order ?? order });
    } else if ('review' in change || 'unreview' in change) {
      const at = 'review' in change ? change.review : change.unreview;
      mapOf(reviews, key).set(`${at}#${change.n ?? 0}`, 'review' in change ? at : null);
    } else if ('grade' in change || 'ungrade' in change) {
      const at = 'grade' in change ? change.grade.at : change.ungrade;
      mapOf(grades, key).set(`${at}#${change.n ?? 0}`, 'grade' in change ? change.grade : null);
    } else {
      const at = 'session' in change ? change.session.at : change.unsession;
      mapOf(sessions, key).set(`${at}#${change.n ?? 0}`, 'session' in change ? change.session : null);
    }
  });
  history.sort((a, b) => byTime(a.at, b.at));
  return {
    items: dict(items),
    history,
    notes: dict(
      [...notes]
        .map(([key, byId]) => {
          const list = [...byId.values()]
            .filter((entry): entry is { note: Note; order: number } => entry.note !== null)
            .sort((a, b) => byTime(a.note.at, b.note.at) || a.order - b.order)
            .map((entry) => entry.note);
          return [key, list] as const;
        })
        .filter(([, list]) => list.length > 0),
    ),
    reviews: keyedLists(reviews, (t) => t),
    grades: keyedLists(grades, (g) => g.at),
    sessions: keyedLists(sessions, (s) => s.at),
  };
}

/** Each key's entries that are still there, by time; keys left with none are dropped. */
function keyedLists<T>(byKey: Map<string, Map<string, T | null>>, timeOf: (entry: T) => string): Dict<readonly T[]> {
  return dict(
    [...byKey]
      .map(([key, byId]) => {
        const list = [...byId.values()].filter((entry): entry is T => entry !== null);
        return [key, list.sort((a, b) => byTime(timeOf(a), timeOf(b)))] as const;
      })
      .filter(([, list]) => list.length > 0),
  );
}

function mapOf<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map<string, V>()));
  return inner;
}

/** Every key of two dicts, each once. */
function unionKeys(a: Dict<unknown>, b: Dict<unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/** Entries by identity: the value's time, and which of the entries with that time it is. */
function numbered<T>(list: readonly T[], timeOf: (value: T) => string): Map<string, { value: T; n: number }> {
  const seen = new Map<string, number>();
  const out = new Map<string, { value: T; n: number }>();
  for (const value of list) {
    const at = timeOf(value);
    const n = seen.get(at) ?? 0;
    seen.set(at, n + 1);
    out.set(`${at}#${n}`, { value, n });
  }
  return out;
}

const withN = <C extends EventChange>(change: C, n: number): C => (n === 0 ? change : { ...change, n });

/** One log line as an event, or undefined when it is not one (a partial line, a hand edit). */
export function decodeEvent(line: string): SyncEvent | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(data)) return undefined;
  const { id, device, time, roadmap, key, change } = data;
  if (
    typeof id !== 'string' ||
    typeof device !== 'string' ||
    !isIsoTime(time) ||
    typeof roadmap !== 'string' ||
    typeof key !== 'string' ||
    !isObject(change)
  ) {
    return undefined;
  }
  const decoded = decodeChange(change);
  return decoded && { id, device, time, roadmap, key, change: decoded };
}

function decodeChange(change: Record<string, unknown>): EventChange | undefined {
  const n = change.n;
  if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 0)) return undefined;
  const nth = n === undefined ? {} : { n };
  if ('set' in change) {
    const record = change.set;
    if (record === null) return { set: null };
    if (!isObject(record) || !STATUSES.includes(record.status as Status) || !isIsoTime(record.at)) return undefined;
    return { set: { status: record.status as Status, at: record.at } };
  }
  if ('note' in change) {
    const note = change.note;
    if (!isObject(note) || !isIsoTime(note.at) || typeof note.text !== 'string') return undefined;
    return { note: { at: note.at, text: note.text }, ...nth };
  }
  if (isIsoTime(change.unnote)) return { unnote: change.unnote, ...nth };
  if (isIsoTime(change.review)) return { review: change.review, ...nth };
  if (isIsoTime(change.unreview)) return { unreview: change.unreview, ...nth };
  if ('grade' in change) {
    const grade = change.grade;
    return isGradedReview(grade) ? { grade: { at: grade.at, grade: grade.grade }, ...nth } : undefined;
  }
  if (isIsoTime(change.ungrade)) return { ungrade: change.ungrade, ...nth };
  if ('session' in change) {
    const session = change.session;
    return isSession(session) ? { session: { at: session.at, minutes: session.minutes }, ...nth } : undefined;
  }
  if (isIsoTime(change.unsession)) return { unsession: change.unsession, ...nth };
  return undefined;
}
