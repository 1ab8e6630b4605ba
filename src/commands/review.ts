/**
 * `review`: finished topics come back 7 and 30 days after they were finished
 * (see core/review.ts). Alone it lists what is due; with a REF it records that
 * the topic was reviewed, and says when the next review is.
 */
import { own, withEntry } from '../core/dict.js';
import type { Item } from '../core/model.js';
import { statusOf, topicKeys, withFileMarks } from '../core/progress.js';
import { finishTimes, REVIEW_DAYS, reviewPlan, scheduleOf, type ReviewEntry } from '../core/review.js';
import { topicsOf } from '../core/tree.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';
import { resolveOrThrow } from './resolve.js';
import { refOf, type Ref } from './views.js';

export interface ReviewItem extends Ref {
  readonly finishedAt: string;
  /** Which review, 1-based, of `of`. */
  readonly review: number;
  readonly of: number;
  readonly dueAt: string;
}

export interface ReviewListResult {
  readonly invocation: string;
  readonly due: readonly ReviewItem[];
  readonly upcoming: readonly ReviewItem[];
  readonly settled: number;
}

export interface ReviewDoneResult {
  readonly invocation: string;
  readonly topic: Ref;
  readonly at: string;
  readonly review: number;
  readonly of: number;
  /** The review after this one; absent when the topic is settled. */
  readonly next?: { readonly review: number; readonly dueAt: string };
}

export function reviews(ctx: Context): ReviewListResult {
  const saved = ctx.store.read(ctx.roadmapId);
  const progress = withFileMarks(ctx.roadmap, saved.items);
  const known = topicKeys(ctx.roadmap);
  const plan = reviewPlan(saved.history, progress, saved.reviews, ctx.now(), (key) => known.get(key));
  const topics = new Map(topicsOf(ctx.roadmap.parts).map((t) => [t.key, t]));
  const view = (entry: ReviewEntry): ReviewItem => ({
    ...refOf(topics.get(entry.key)!),
    finishedAt: entry.schedule.finishedAt,
    review: entry.schedule.review,
    of: REVIEW_DAYS.length,
    dueAt: entry.schedule.dueAt,
  });
  return {
    invocation: ctx.invocation,
    due: plan.due.map(view),
    upcoming: plan.upcoming.map(view),
    settled: plan.settled,
  };
}

/** Records a review of a topic that is due for one; anything else is a usage error and saves nothing. */
export async function recordReview(ctx: Context, ref: string): Promise<ReviewDoneResult> {
  const target = resolveOrThrow(ctx.roadmap, ref);
  if (target.type === 'project' || target.item.kind !== 'topic') {
    const named = target.type === 'project' ? target.project : target.item;
    const what = target.type === 'project' ? 'a project' : `a ${target.item.kind}`;
    throw new UsageError(`review takes one topic; ${named.id} "${named.title}" is ${what} (see "roadmap review")`);
  }
  const topic: Item = target.item;
  const name = `${topic.id} "${topic.title}"`;
  const now = ctx.now();
  const at = now.toISOString();
  let result: ReviewDoneResult | undefined;
  await ctx.store.update(ctx.roadmapId, (current) => {
    const progress = withFileMarks(ctx.roadmap, current.items);
    if (statusOf(progress, topic.key) !== 'done') {
      throw new UsageError(`${name} is not done; only finished topics come back for review`);
    }
    const finishedAt = finishTimes(current.history, progress, (key) => key === topic.key).get(topic.key);
    if (finishedAt === undefined) {
      throw new UsageError(`${name} is ticked in the roadmap file, so there is no finish time to review it from`);
    }
    const done = own(current.reviews, topic.key) ?? [];
    const schedule = scheduleOf(finishedAt, done, now);
    if (schedule.kind === 'settled') {
      throw new UsageError(`${name} has had its ${REVIEW_DAYS.length} reviews; it is settled`);
    }
    if (!schedule.due) {
      throw new UsageError(
        `${name} is not due for review until ${schedule.dueAt.slice(0, 10)} (review ${schedule.review} of ${REVIEW_DAYS.length}); see "roadmap review"`,
      );
    }
    const after = scheduleOf(finishedAt, [...done, at], now);
    result = {
      invocation: ctx.invocation,
      topic: refOf(topic),
      at,
      review: schedule.review,
      of: REVIEW_DAYS.length,
      ...(after.kind === 'scheduled' ? { next: { review: after.review, dueAt: after.dueAt } } : {}),
    };
    return {
      ...current,
      reviews: withEntry(current.reviews, topic.key, [...done, at]),
      ...(ctx.source === undefined ? {} : { source: ctx.source }),
    };
  });
  return result!;
}
