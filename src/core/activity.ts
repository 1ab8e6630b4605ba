/**
 * What the learner did over time, from the saved history: the raw numbers behind
 * `stats` and the activity chart of `export --format html|svg`. Pure.
 */
import type { StatusChange } from './progress.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

export interface WeekActivity {
  /** ISO time the week starts (inclusive). */
  readonly start: string;
  /** ISO time the week ends (exclusive). */
  readonly end: string;
  /** Distinct topics marked done in the week. */
  readonly finished: number;
}

/**
 * Topics finished in each of the last `weeks` seven-day windows ending at `now`,
 * oldest first. Only keys `counts` accepts are counted (the topics the roadmap
 * has now, so projects and removed items stay out); a topic marked done twice in
 * one week counts once.
 */
export function finishedPerWeek(
  history: readonly StatusChange[],
  now: Date,
  weeks: number,
  counts: (key: string) => boolean,
): WeekActivity[] {
  const end = now.getTime();
  const keysByWeek = Array.from({ length: weeks }, () => new Set<string>());
  for (const change of history) {
    if (change.to !== 'done' || !counts(change.key)) continue;
    const age = end - Date.parse(change.at);
    if (age < 0) continue;
    const week = Math.floor(age / WEEK_MS);
    if (week < weeks) keysByWeek[weeks - 1 - week]!.add(change.key);
  }
  return keysByWeek.map((keys, i) => ({
    start: new Date(end - (weeks - i) * WEEK_MS).toISOString(),
    end: new Date(end - (weeks - 1 - i) * WEEK_MS).toISOString(),
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
