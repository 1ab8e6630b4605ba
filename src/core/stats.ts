/**
 * `stats`: what the learner did over time, from the saved history, a given now
 * and the learner's time zone. Pure. Days are local days (the zone is passed in),
 * so a topic finished at 23:30 counts on the day the learner finished it.
 */
import { DAY_MS, finishedPerWeek, type WeekActivity } from './activity.js';
import type { StatusChange, Tally } from './progress.js';
import { dayAfter, localDay, midnightBefore, type ZoneOffset } from './zone.js';

/** Pace is measured over this many weeks before now. */
export const PACE_WEEKS = 4;

export interface Streak {
  /** Consecutive local days, ending today or yesterday, on each of which at least one topic was finished. */
  readonly days: number;
  /** The first day of the streak (`YYYY-MM-DD`, local); absent when there is no streak. */
  readonly since?: string;
}

export interface Pace {
  /** Distinct topics finished in the last PACE_WEEKS weeks (from local midnight, as the chart's weeks). */
  readonly finished: number;
  readonly weeks: number;
  /** finished / weeks, unrounded. */
  readonly perWeek: number;
}

export interface Estimate {
  /** Weeks left at the pace, unrounded. */
  readonly weeks: number;
  /** The day (`YYYY-MM-DD`, local) the roadmap would be finished at that pace. */
  readonly finishOn: string;
}

export interface Stats {
  readonly now: string;
  readonly perWeek: readonly WeekActivity[];
  readonly streak: Streak;
  readonly pace: Pace;
  /** Topics still to study (to do or started; skipped and done ones are not). */
  readonly remaining: number;
  /** Absent when nothing remains or there is no pace yet. */
  readonly estimate?: Estimate;
}

/**
 * The current streak: how many local days in a row, ending today (or yesterday,
 * so a streak is not lost before the day is over), at least one topic was
 * finished. Only keys `counts` accepts are counted.
 */
export function streakOf(
  history: readonly StatusChange[],
  now: Date,
  counts: (key: string) => boolean,
  zone: ZoneOffset,
): Streak {
  const end = now.getTime();
  const days = new Set<string>();
  for (const change of history) {
    const at = Date.parse(change.at);
    if (change.to === 'done' && at <= end && counts(change.key)) days.add(localDay(at, zone));
  }
  let day = localDay(end, zone);
  if (!days.has(day)) day = dayAfter(day, -1);
  let count = 0;
  while (days.has(day)) {
    count++;
    day = dayAfter(day, -1);
  }
  return count === 0 ? { days: 0 } : { days: count, since: dayAfter(day, 1) };
}

/** Distinct topics finished in the PACE_WEEKS weeks before now (from local midnight, as the chart's weeks), per week. */
export function paceOf(
  history: readonly StatusChange[],
  now: Date,
  counts: (key: string) => boolean,
  zone: ZoneOffset,
): Pace {
  const end = now.getTime();
  const start = midnightBefore(end, zone, -(PACE_WEEKS * 7 - 1));
  const keys = new Set<string>();
  for (const change of history) {
    const at = Date.parse(change.at);
    if (change.to === 'done' && at >= start && at <= end && counts(change.key)) keys.add(change.key);
  }
  return { finished: keys.size, weeks: PACE_WEEKS, perWeek: keys.size / PACE_WEEKS };
}

/** When the topics left would be finished at this pace; undefined without a pace or with nothing left. */
export function estimateOf(remaining: number, perWeek: number, now: Date, zone: ZoneOffset): Estimate | undefined {
  if (remaining <= 0 || perWeek <= 0) return undefined;
  const weeks = remaining / perWeek;
  return { weeks, finishOn: localDay(now.getTime() + weeks * 7 * DAY_MS, zone) };
}

export function statsOf(
  history: readonly StatusChange[],
  tally: Tally,
  now: Date,
  options: { readonly weeks: number; readonly counts: (key: string) => boolean; readonly zone: ZoneOffset },
): Stats {
  const { zone } = options;
  const pace = paceOf(history, now, options.counts, zone);
  const remaining = tally.total - tally.done - tally.skipped;
  const estimate = estimateOf(remaining, pace.perWeek, now, zone);
  return {
    now: now.toISOString(),
    perWeek: finishedPerWeek(history, now, options.weeks, options.counts, zone),
    streak: streakOf(history, now, options.counts, zone),
    pace,
    remaining,
    ...(estimate ? { estimate } : {}),
  };
}

/** A number as people read it: at most one decimal, none when whole (`4.2`, `3`). */
export function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}
