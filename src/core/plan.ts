/**
 * `roadmap plan`: the topics still to study laid out week by week at so many
 * hours a week, and the day the roadmap would be finished, with a range. Pure:
 * the work left (src/core/budget.ts), the learner's pace and the first day in;
 * the weeks and the dates out. Days are `YYYY-MM-DD` local days.
 *
 * The rules (docs/plan.md):
 * - Each topic takes its time left (estimate, or the default) times the
 *   learner's pace factor (their actual time over their estimates; 1 when
 *   there is not enough data to know it).
 * - Weeks are seven days from the first day; a week holds `minutesPerWeek` of
 *   study, and a topic longer than what is left of a week goes on into the next.
 * - The finish is the day the last minute falls on, study being spread evenly
 *   over the days of a week. Its range comes from the spread of the learner's
 *   own per-topic pace (the middle half: the first and third quartiles of
 *   actual / estimate) once MEASURED_TOPICS topics have both numbers; with fewer,
 *   it is the pace factor ±ASSUMED_SPREAD (25%).
 */
import type { DefaultEstimate, WorkLeft } from './budget.js';
import { dayAfter } from './zone.js';

/** Topics with both an estimate and an actual time needed before their spread gives the range. */
export const MEASURED_TOPICS = 5;
/** The range either side of the pace factor when there is too little data for a spread of one's own. */
export const ASSUMED_SPREAD = 0.25;

export interface Pace {
  /** Actual time over estimated time: 1.3 means 30% longer than the estimates. */
  readonly factor: number;
  /** The fast and the slow end of the range, as factors. */
  readonly low: number;
  readonly high: number;
  /** `measured`: the factor is the learner's own; `assumed`: too little data, the estimates are taken as they are. */
  readonly basis: 'measured' | 'assumed';
  /** `spread`: the range is the middle half of the learner's per-topic pace; `fixed`: ±25%. */
  readonly range: 'spread' | 'fixed';
  /** The finished topics with both an estimate and an actual time behind the range. */
  readonly topics: number;
}

/** The value below which a share `q` of the sorted numbers lie, interpolated between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/**
 * The pace to plan with: `factor` (undefined when the learner has too few
 * finished topics to have one) and the per-topic ratios of actual to estimated
 * time behind the range.
 */
export function paceOf(factor: number | undefined, ratios: readonly number[]): Pace {
  const point = factor ?? 1;
  const basis = factor === undefined ? 'assumed' : 'measured';
  const valid = ratios.filter((r) => Number.isFinite(r) && r > 0).sort((a, b) => a - b);
  if (valid.length < MEASURED_TOPICS) {
    return {
      factor: point,
      low: point * (1 - ASSUMED_SPREAD),
      high: point * (1 + ASSUMED_SPREAD),
      basis,
      range: 'fixed',
      topics: valid.length,
    };
  }
  // The factor always lies within its own range, whatever the spread.
  const low = Math.min(quantile(valid, 0.25), point);
  const high = Math.max(quantile(valid, 0.75), point);
  return { factor: point, low, high, basis, range: 'spread', topics: valid.length };
}

/** A topic in a week of the plan. */
export interface PlannedTopic {
  readonly id: string;
  readonly key: string;
  /** Minutes of it studied in this week. */
  readonly minutes: number;
  /** Its minutes in all (time left × pace). */
  readonly total: number;
  /** Whether it is finished in this week (false: it goes on into the next). */
  readonly finishes: boolean;
  /** Whether it began in an earlier week. */
  readonly continued: boolean;
}

export interface PlanWeek {
  /** 1-based. */
  readonly number: number;
  /** Its first and last day. */
  readonly start: string;
  readonly end: string;
  /** Minutes of study planned in it. */
  readonly minutes: number;
  readonly topics: readonly PlannedTopic[];
}

export interface Finish {
  /** The day the plan ends, at the learner's pace. */
  readonly on: string;
  /** The range: at the fast and the slow end of the pace. */
  readonly earliest: string;
  readonly latest: string;
  /** Weeks of study from the first day to `on`, with a fraction. */
  readonly weeks: number;
}

export interface Plan {
  readonly from: string;
  readonly minutesPerWeek: number;
  readonly pace: Pace;
  /** How many topics are left. */
  readonly topics: number;
  /** Their time left by the estimates, and as planned (times the pace). */
  readonly estimatedMinutes: number;
  readonly plannedMinutes: number;
  readonly default: DefaultEstimate;
  /** Topics left without an estimate of their own (counted with the default). */
  readonly unestimated: number;
  readonly weeks: readonly PlanWeek[];
  /** Undefined when nothing is left to study. */
  readonly finish: Finish | undefined;
}

/** The day `minutes` of study end on, from `from`, at `minutesPerWeek` spread evenly over seven days. */
export function dayReached(from: string, minutes: number, minutesPerWeek: number): string {
  const days = Math.ceil((minutes / minutesPerWeek) * 7 - 1e-9);
  return dayAfter(from, Math.max(0, days - 1));
}

/** The plan: every topic left, week by week, from `from` at `minutesPerWeek`, and the finish with its range. */
export function planOf(work: WorkLeft, minutesPerWeek: number, pace: Pace, from: string): Plan {
  const weeks: PlanWeek[] = [];
  let current: PlannedTopic[] = [];
  let room = minutesPerWeek;
  const closeWeek = (): void => {
    const number = weeks.length + 1;
    const start = dayAfter(from, (number - 1) * 7);
    weeks.push({ number, start, end: dayAfter(start, 6), minutes: minutesPerWeek - room, topics: current });
    current = [];
    room = minutesPerWeek;
  };
  let planned = 0;
  for (const topic of work.topics) {
    const total = Math.max(1, Math.round(topic.minutes * pace.factor));
    planned += total;
    let left = total;
    while (left > 0) {
      if (room === 0) closeWeek();
      const share = Math.min(left, room);
      left -= share;
      room -= share;
      current.push({
        id: topic.id,
        key: topic.key,
        minutes: share,
        total,
        finishes: left === 0,
        continued: left + share < total,
      });
    }
  }
  if (current.length > 0) closeWeek();
  const estimated = work.topics.reduce((sum, t) => sum + t.minutes, 0);
  const on = dayReached(from, planned, minutesPerWeek);
  // Whole minutes per topic can move the planned end a day past an end of the range: the range holds it.
  const earliest = dayReached(from, estimated * pace.low, minutesPerWeek);
  const latest = dayReached(from, estimated * pace.high, minutesPerWeek);
  const finish =
    planned === 0
      ? undefined
      : {
          on,
          earliest: earliest < on ? earliest : on,
          latest: latest > on ? latest : on,
          weeks: planned / minutesPerWeek,
        };
  return {
    from,
    minutesPerWeek,
    pace,
    topics: work.topics.length,
    estimatedMinutes: estimated,
    plannedMinutes: planned,
    default: work.default,
    unestimated: work.unestimated,
    weeks,
    finish,
  };
}
