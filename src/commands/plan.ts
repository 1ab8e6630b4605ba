/**
 * `roadmap plan --hours-per-week 6`: every topic left, week by week, at that
 * many hours a week and the learner's pace, and the day the roadmap would be
 * finished, with a range (src/core/plan.ts has the rules).
 */
import { loggedMinutes, workLeft, type DefaultRule } from '../core/budget.js';
import { STUDY_WEEK_MINUTES } from '../core/duration.js';
import { roadmapPace } from '../core/pace.js';
import { paceOf, planOf, type Pace, type Plan } from '../core/plan.js';
import { roadmapTally, type Tally } from '../core/progress.js';
import { topicsOf } from '../core/tree.js';
import { localDay } from '../core/zone.js';
import { UsageError } from '../errors.js';
import { document, progressJson, type DocumentHead, type ProgressJson } from '../render/json.js';
import { renderPlan } from '../render/plan.js';
import { savedProgress, type Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';

/** Hours a week when not told: a study week (src/core/duration.ts). */
export const DEFAULT_HOURS_PER_WEEK = STUDY_WEEK_MINUTES / 60;
/** More than this is not a week of study (24 × 7 = 168). */
const MAX_HOURS_PER_WEEK = 100;

export interface PlanResult {
  readonly title: string;
  readonly invocation: string;
  readonly now: string;
  readonly hoursPerWeek: number;
  /** True when --hours-per-week was not given and the study week is used. */
  readonly hoursAssumed: boolean;
  readonly plan: Plan;
  /** Each planned topic's title, by ID. */
  readonly titles: ReadonlyMap<string, string>;
  readonly tally: Tally;
}

export interface PlanOptions {
  readonly hoursPerWeek?: number;
  /** The first day of the plan, `YYYY-MM-DD`; today (local) when absent. */
  readonly from?: string;
}

/**
 * Everything left, week by week, at the learner's own pace: the factor and the
 * per-topic spread come from their finished topics (src/core/pace.ts); with too
 * few of them the estimates are taken as they are.
 */
export function plan(ctx: Context, options: PlanOptions): PlanResult {
  const { state, progress } = savedProgress(ctx);
  const now = ctx.now();
  const hoursPerWeek = options.hoursPerWeek ?? DEFAULT_HOURS_PER_WEEK;
  const work = workLeft(ctx.roadmap, progress, loggedMinutes(state));
  const { factor, ratios } = roadmapPace(ctx.roadmap, state, progress, now);
  const from = options.from ?? localDay(now.getTime(), ctx.zone);
  const planned = planOf(work, Math.round(hoursPerWeek * 60), paceOf(factor, ratios), from);
  const wanted = new Set(work.topics.map((t) => t.id));
  const titles = new Map(topicsOf(ctx.roadmap.parts).flatMap((t) => (wanted.has(t.id) ? [[t.id, t.title]] : [])));
  return {
    title: ctx.roadmap.title,
    invocation: ctx.invocation,
    now: now.toISOString(),
    hoursPerWeek,
    hoursAssumed: options.hoursPerWeek === undefined,
    plan: planned,
    titles,
    tally: roadmapTally(ctx.roadmap, progress),
  };
}

/** `--hours-per-week 6` or `7.5`: hours, more than none and at most MAX_HOURS_PER_WEEK. */
export function hoursOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const hours = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(hours > 0 && hours <= MAX_HOURS_PER_WEEK)) {
    throw new UsageError(
      `--hours-per-week takes a number of hours above 0 and up to ${MAX_HOURS_PER_WEEK}, not "${text}"`,
    );
  }
  return hours;
}

/** `--from 2027-01-04`: a day on the calendar. */
export function dayOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const day = text.trim();
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : undefined;
  if (!calendar || Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== day) {
    throw new UsageError(`--from takes a day on the calendar such as 2027-01-04, not "${text}"`);
  }
  return day;
}

export interface PlanTopicJson {
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly minutes: number;
  readonly total: number;
  readonly finishes: boolean;
  readonly continued: boolean;
}

export interface PlanJson extends DocumentHead<'plan'> {
  readonly now: string;
  readonly from: string;
  readonly hoursPerWeek: number;
  readonly pace: Pace;
  readonly left: {
    readonly topics: number;
    readonly estimatedMinutes: number;
    readonly plannedMinutes: number;
    readonly unestimated: number;
    readonly default: { readonly minutes: number; readonly rule: DefaultRule };
  };
  readonly finish: {
    readonly on: string;
    readonly earliest: string;
    readonly latest: string;
    readonly weeks: number;
  } | null;
  readonly weeks: {
    readonly number: number;
    readonly start: string;
    readonly end: string;
    readonly minutes: number;
    readonly topics: PlanTopicJson[];
  }[];
  readonly progress: ProgressJson;
}

const twoDecimals = (n: number): number => Math.round(n * 100) / 100;

export function planJson(result: PlanResult): PlanJson {
  const { plan: p } = result;
  return document('plan', {
    now: result.now,
    from: p.from,
    hoursPerWeek: result.hoursPerWeek,
    pace: {
      factor: twoDecimals(p.pace.factor),
      low: twoDecimals(p.pace.low),
      high: twoDecimals(p.pace.high),
      basis: p.pace.basis,
      range: p.pace.range,
      topics: p.pace.topics,
    },
    left: {
      topics: p.topics,
      estimatedMinutes: p.estimatedMinutes,
      plannedMinutes: p.plannedMinutes,
      unestimated: p.unestimated,
      default: { minutes: p.default.minutes, rule: p.default.rule },
    },
    finish: p.finish ? { ...p.finish, weeks: twoDecimals(p.finish.weeks) } : null,
    weeks: p.weeks.map((w) => ({
      number: w.number,
      start: w.start,
      end: w.end,
      minutes: w.minutes,
      topics: w.topics.map((t) => ({
        id: t.id,
        key: t.key,
        title: result.titles.get(t.id) ?? '',
        minutes: t.minutes,
        total: t.total,
        finishes: t.finishes,
        continued: t.continued,
      })),
    })),
    progress: progressJson(result.tally),
  });
}

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'a dated plan to the end of the roadmap, week by week, with a finish date and its range',
  options: [
    {
      flags: '--hours-per-week <hours>',
      description: `hours of study a week (6, 7.5); ${DEFAULT_HOURS_PER_WEEK} unless told`,
    },
    { flags: '--from <day>', description: 'the first day of the plan (2027-01-04); today unless told' },
  ],
  examples: [
    'roadmap plan --hours-per-week 6',
    'roadmap plan --hours-per-week 4 --from 2027-01-04',
    'roadmap plan --json | jq .finish',
  ],
  help:
    "Each topic takes its estimate (or, without one, the median of the roadmap's\n" +
    'estimates; an hour when none has one), less the time logged on a started topic,\n' +
    'times your pace (your actual time over your estimates; 1 until 3 finished topics\n' +
    "have both). The finish range is the middle half of your topics' pace once 5\n" +
    'have both, else ±25%. See docs/plan.md.',
  run: async ({ session, options }: Invocation<object, { readonly hoursPerWeek?: string; readonly from?: string }>) => {
    const hoursPerWeek = hoursOf(options.hoursPerWeek);
    const from = dayOf(options.from);
    return plan(await session.context(), {
      ...(hoursPerWeek === undefined ? {} : { hoursPerWeek }),
      ...(from === undefined ? {} : { from }),
    });
  },
  text: (result, { style, columns }) => renderPlan(result, style, columns),
  json: planJson,
});
