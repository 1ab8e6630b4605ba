/**
 * What the learner did over time, from the saved history: the raw numbers behind
 * `stats` and the activity chart of `export --format html|svg`. Pure.
 */
import type { StatusChange } from './progress.js';
import { dayAfter, localDay, midnightBefore, type ZoneOffset } from './zone.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface WeekActivity {
  /** ISO time the week starts (inclusive): a local midnight. */
  readonly start: string;
  /** ISO time the week ends (exclusive): the next week's start; for the last week, now (inclusive). */
  readonly end: string;
  /** The week's first and last local days (`YYYY-MM-DD`), as a header shows them. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** Distinct topics marked done in the week. */
  readonly finished: number;
}

/**
 * Topics finished in each of the last `weeks` weeks, oldest first. A week is seven
 * local days from local midnight in `zone`; the last one is the six days before today
 * and today up to now. Only keys `counts` accepts are counted (the topics the roadmap
 * has now, so projects and removed items stay out); a topic marked done twice in
 * one week counts once.
 */
export function finishedPerWeek(
  history: readonly StatusChange[],
  now: Date,
  weeks: number,
  counts: (key: string) => boolean,
  zone: ZoneOffset,
): WeekActivity[] {
  const end = now.getTime();
  const today = localDay(end, zone);
  // Week i (0 the oldest) starts at the local midnight 7 * (weeks - i) - 1 days before today's.
  const starts = Array.from({ length: weeks }, (_, i) => midnightBefore(end, zone, -(7 * (weeks - i) - 1)));
  const ends = [...starts.slice(1), end];
  const keysByWeek = starts.map(() => new Set<string>());
  for (const change of history) {
    if (change.to !== 'done' || !counts(change.key)) continue;
    const at = Date.parse(change.at);
    if (at > end || at < starts[0]!) continue;
    let week = weeks - 1;
    while (at < starts[week]!) week--;
    keysByWeek[week]!.add(change.key);
  }
  return keysByWeek.map((keys, i) => ({
    start: new Date(starts[i]!).toISOString(),
    end: new Date(ends[i]!).toISOString(),
    firstDay: dayAfter(today, -(7 * (weeks - i) - 1)),
    lastDay: dayAfter(today, -(7 * (weeks - 1 - i))),
    finished: keys.size,
  }));
}

/**
 * The history as finishes that still stand: for each topic `counts` accepts
 * (pass the topics done now), only the last change that made it done. A finish
 * taken back with `undone` is no longer one, and a topic finished twice counts once,
 * so a mistaken tick does not inflate the pace or the chart.
 */
export function standingFinishes(history: readonly StatusChange[], counts: (key: string) => boolean): StatusChange[] {
  const last = new Map<string, StatusChange>();
  for (const change of history) if (change.to === 'done' && counts(change.key)) last.set(change.key, change);
  return [...last.values()];
}
