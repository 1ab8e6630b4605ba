/** `stats`: topics finished per week, the streak, the pace and when the roadmap would be finished. */
import { standingFinishes } from '../core/activity.js';
import { roadmapTally, statusOf, topicKeys, withFileMarks, type Tally } from '../core/progress.js';
import { statsOf, type Stats } from '../core/stats.js';
import type { Context } from './context.js';

export interface StatsResult extends Stats {
  readonly title: string;
  readonly tally: Tally;
}

export function stats(ctx: Context, options: { weeks: number }): StatsResult {
  const saved = ctx.store.read(ctx.roadmapId);
  const progress = withFileMarks(ctx.roadmap, saved.items);
  const tally = roadmapTally(ctx.roadmap, progress);
  const known = topicKeys(ctx.roadmap);
  const finishes = standingFinishes(saved.history, (key) => known.has(key) && statusOf(progress, key) === 'done');
  return {
    title: ctx.roadmap.title,
    tally,
    ...statsOf(finishes, tally, ctx.now(), { weeks: options.weeks, counts: () => true }),
  };
}
