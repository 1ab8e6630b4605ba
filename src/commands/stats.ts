/** `stats`: topics finished per week, the streak, the pace and when the roadmap would be finished. */
import { roadmapTally, topicKeys, withFileMarks, type Tally } from '../core/progress.js';
import { statsOf, type Stats } from '../core/stats.js';
import type { Context } from './context.js';

export interface StatsResult extends Stats {
  readonly title: string;
  readonly tally: Tally;
}

export function stats(ctx: Context, options: { weeks: number }): StatsResult {
  const saved = ctx.store.read(ctx.roadmapId);
  const tally = roadmapTally(ctx.roadmap, withFileMarks(ctx.roadmap, saved.items));
  const known = topicKeys(ctx.roadmap);
  return {
    title: ctx.roadmap.title,
    tally,
    ...statsOf(saved.history, tally, ctx.now(), { weeks: options.weeks, counts: (key) => known.has(key) }),
  };
}
