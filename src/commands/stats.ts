/** `stats`: topics finished per week, the streak, the pace and when the roadmap would be finished. */
import { standingFinishes } from '../core/activity.js';
import { MIN_PACE_TOPICS, roadmapPace, type PersonalPace } from '../core/pace.js';
import { roadmapTally, statusOf, topicKeys, type Tally } from '../core/progress.js';
import { oneDecimal, statsOf, type Stats } from '../core/stats.js';
import { document, progressJson, type DocumentHead, type ProgressJson } from '../render/json.js';
import { renderStats } from '../render/stats.js';
import { savedProgress, type Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';

export interface StatsResult extends Stats {
  readonly title: string;
  readonly tally: Tally;
  /** Estimated against actual time on the finished topics that have both, and the pace factor. */
  readonly time: PersonalPace;
}

export function stats(ctx: Context, options: { weeks: number }): StatsResult {
  const { state: saved, progress } = savedProgress(ctx);
  const tally = roadmapTally(ctx.roadmap, progress);
  const known = topicKeys(ctx.roadmap);
  const finishes = standingFinishes(saved.history, (key) => known.has(key) && statusOf(progress, key) === 'done');
  return {
    title: ctx.roadmap.title,
    tally,
    ...statsOf(finishes, tally, ctx.now(), { weeks: options.weeks, counts: () => true, zone: ctx.zone }),
    time: roadmapPace(ctx.roadmap, saved, progress, ctx.now()),
  };
}

export interface StatsJson extends DocumentHead<'stats'> {
  readonly now: string;
  readonly weeks: { readonly start: string; readonly end: string; readonly finished: number }[];
  readonly streak: { readonly days: number; readonly since: string | null };
  readonly pace: { readonly finished: number; readonly weeks: number; readonly perWeek: number };
  readonly remaining: number;
  readonly estimate: { readonly weeks: number; readonly finishOn: string } | null;
  readonly time: TimeJson;
  readonly progress: ProgressJson;
}

/** Estimated against actual minutes on the finished topics that have both; factor null below minimumTopics of them. */
export interface TimeJson {
  readonly topics: number;
  readonly estimated: number;
  readonly actual: number;
  readonly factor: number | null;
  readonly minimumTopics: number;
}

const timeJson = (t: PersonalPace): TimeJson => ({
  topics: t.topics,
  estimated: t.estimated,
  actual: t.actual,
  factor: t.factor === undefined ? null : Math.round(t.factor * 100) / 100,
  minimumTopics: MIN_PACE_TOPICS,
});

function statsJson(s: StatsResult): StatsJson {
  return document('stats', {
    now: s.now,
    weeks: s.perWeek.map((w) => ({ start: w.start, end: w.end, finished: w.finished })),
    streak: { days: s.streak.days, since: s.streak.since ?? null },
    pace: { finished: s.pace.finished, weeks: s.pace.weeks, perWeek: oneDecimal(s.pace.perWeek) },
    remaining: s.remaining,
    estimate: s.estimate ? { weeks: oneDecimal(s.estimate.weeks), finishOn: s.estimate.finishOn } : null,
    time: timeJson(s.time),
    progress: progressJson(s.tally),
  });
}

/** The weeks `stats` charts unless told (the menu's Stats shows as many). */
export const STATS_WEEKS = 8;

/** The longest chart `stats --weeks` draws: ten years. */
const MAX_WEEKS = 520;

export const statsCommand = defineCommand({
  name: 'stats',
  summary:
    'topics finished per week as a chart, your streak, your pace, when you would finish, and time against estimates',
  options: [
    { flags: '--weeks <count>', description: 'weeks in the chart', count: { max: MAX_WEEKS }, default: STATS_WEEKS },
  ],
  examples: [
    'roadmap stats',
    'roadmap stats --weeks 12',
    'roadmap stats --json | jq .estimate',
    'roadmap stats --json | jq .time',
  ],
  help:
    'Days are your local days (TZ): a week is 7 days from local midnight, the last\n' +
    'one ending now; the streak counts local days.\n' +
    'Pace: topics finished in the last 4 weeks, divided by 4. Estimate: topics left\n' +
    '(to do or started; not skipped) at that pace.\n' +
    'Time: your actual time on the finished topics that have an estimate, against those\n' +
    'estimates; from 3 such topics, their ratio is your pace factor (docs/time.md).',
  run: async ({ options, session }: Invocation<object, { readonly weeks: number }>) =>
    stats(await session.context(), { weeks: options.weeks }),
  text: (result, { style, zone }) => renderStats(result, style, zone),
  json: statsJson,
});
