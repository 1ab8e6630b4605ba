/**
 * The time a learner actually spent on a topic: what `stats` sets against the
 * estimates, and what the pace factor (core/pace.ts) is made of. Pure: the
 * topic's history, notes and logged sessions and a given now in; minutes out.
 *
 * The rules (docs/time.md says them for learners):
 * - Logged sessions (`roadmap log REF 45m`) are the topic's time when it has
 *   any: what the learner says replaces the guess, rather than adding to it,
 *   because a session logged while a topic was started lies inside the very
 *   stretch the guess measures, and would be counted twice.
 * - Otherwise the time is measured from the history: the time the topic spent
 *   started (`doing`), cut at each thing the learner did on it (a status
 *   change, a note). Each piece counts in full up to IDLE_CAP_MINUTES; a longer
 *   one counts IDLE_CAP_MINUTES, so a topic started and left for a month is a
 *   study day, not a month. Only the topic's own acts cut its time: activity on
 *   other topics says nothing about this one (a topic left open while ten
 *   others are studied would otherwise collect their hours).
 * - A change back to todo (undone, reset) starts the story again, as in `show`.
 * - A topic done without being started has no measured time (nothing says when
 *   the work began); nor has one whose measured time is under a minute
 *   (started and ticked off together is bookkeeping, not a minute of study).
 */
import { own } from './dict.js';
import { STUDY_DAY_MINUTES } from './duration.js';
import type { Status } from './model.js';
import { statusOf, type Progress, type StatusChange } from './progress.js';
import type { RoadmapState, StudySession } from './state.js';
import { byTime } from './time.js';

/** The most a stretch without any act of the learner on the topic counts: one study day. */
export const IDLE_CAP_MINUTES = STUDY_DAY_MINUTES;

const MINUTE_MS = 60_000;

export interface ActualTime {
  /** Whole minutes. */
  readonly minutes: number;
  /** `logged`: the sum of the sessions logged on the topic; `measured`: from its history, idle time capped. */
  readonly source: 'logged' | 'measured';
  /** How many sessions were logged on the topic. */
  readonly sessions: number;
}

/** What one topic's time is read from. */
export interface TopicRecords {
  /** The topic's own status changes, in any order. */
  readonly changes: readonly StatusChange[];
  readonly notes: readonly { readonly at: string }[];
  readonly sessions: readonly StudySession[];
}

/** The parts of a roadmap's saved progress the times are read from. */
export type StudyRecords = Pick<RoadmapState, 'history' | 'notes' | 'sessions'>;

/** Minutes from `from` to `to`, cut at `cuts` (sorted, in ms), each piece capped at IDLE_CAP_MINUTES. */
function cappedMinutes(from: number, to: number, cuts: readonly number[]): number {
  let total = 0;
  let at = from;
  for (const cut of [...cuts.filter((c) => c > from && c < to), to]) {
    total += Math.min(Math.max(0, cut - at) / MINUTE_MS, IDLE_CAP_MINUTES);
    at = cut;
  }
  return total;
}

/**
 * The time the history measures: every stretch the topic was started, up to
 * the change that ended it (or up to now while it is still started), idle time
 * capped. Undefined when nothing was measured.
 */
export function measuredMinutes(
  changes: readonly StatusChange[],
  notes: readonly { readonly at: string }[],
  status: Status,
  now: Date,
): number | undefined {
  const cuts = notes.map((n) => Date.parse(n.at)).sort((a, b) => a - b);
  let total = 0;
  let since: number | undefined;
  for (const change of [...changes].sort((a, b) => byTime(a.at, b.at))) {
    const at = Date.parse(change.at);
    if (since !== undefined) total += cappedMinutes(since, at, cuts);
    since = change.to === 'doing' ? at : undefined;
    if (change.to === 'todo') total = 0;
  }
  // A stretch still open counts up to now only if the topic is started now (a
  // backdated finish can sort before the start it ends).
  if (since !== undefined && status === 'doing') total += cappedMinutes(since, now.getTime(), cuts);
  const minutes = Math.round(total);
  return minutes > 0 ? minutes : undefined;
}

/** One topic's actual time, from its records and its status now; undefined when there is none. */
export function actualTimeOf(records: TopicRecords, status: Status, now: Date): ActualTime | undefined {
  const { sessions } = records;
  if (sessions.length > 0) {
    const minutes = sessions.reduce((sum, s) => sum + s.minutes, 0);
    return { minutes, source: 'logged', sessions: sessions.length };
  }
  const measured = measuredMinutes(records.changes, records.notes, status, now);
  return measured === undefined ? undefined : { minutes: measured, source: 'measured', sessions: 0 };
}

/**
 * The actual time of each of `keys` that has one, by key: the history is read
 * once, whatever the number of topics.
 */
export function actualTimes(
  records: StudyRecords,
  progress: Progress,
  keys: Iterable<string>,
  now: Date,
): Map<string, ActualTime> {
  const wanted = new Set(keys);
  const changes = new Map<string, StatusChange[]>();
  for (const change of records.history) {
    if (!wanted.has(change.key)) continue;
    const list = changes.get(change.key);
    if (list) list.push(change);
    else changes.set(change.key, [change]);
  }
  const times = new Map<string, ActualTime>();
  for (const key of wanted) {
    const time = actualTimeOf(
      {
        changes: changes.get(key) ?? [],
        notes: own(records.notes, key) ?? [],
        sessions: own(records.sessions, key) ?? [],
      },
      statusOf(progress, key),
      now,
    );
    if (time) times.set(key, time);
  }
  return times;
}
