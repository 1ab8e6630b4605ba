/**
 * `review`: finished topics come back 7 and 30 days after they were finished
 * (see core/review.ts). Alone it lists what is due; with a REF it records that
 * the topic was reviewed, and says when the next review is.
 */
import { own, withEntry } from '../core/dict.js';
import type { Item } from '../core/model.js';
import { statusOf, topicKeys } from '../core/progress.js';
import { finishTimes, REVIEW_DAYS, reviewPlan, scheduleOf, type ReviewEntry } from '../core/review.js';
import { topicsOf } from '../core/tree.js';
import { localDay } from '../core/zone.js';
import { UsageError } from '../errors.js';
import { document, refJson, type DocumentHead, type RefJson } from '../render/json.js';
import { renderReviewDone, renderReviews } from '../render/review.js';
import { savedProgress, type Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';
import { transact, type Change } from './transaction.js';
import { resolveOrThrow } from './resolve.js';
import { AT_OPTION, recordedAt } from './at.js';
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
  const { state: saved, progress } = savedProgress(ctx);
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
export async function recordReview(ctx: Context, ref: string, when?: string): Promise<ReviewDoneResult> {
  const target = resolveOrThrow(ctx.roadmap, ref);
  if (target.type === 'project' || target.item.kind !== 'topic') {
    const named = target.type === 'project' ? target.project : target.item;
    const what = target.type === 'project' ? 'a project' : `a ${target.item.kind}`;
    throw new UsageError(`review takes one topic; ${named.id} "${named.title}" is ${what} (see "roadmap review")`);
  }
  const topic: Item = target.item;
  const name = `${topic.id} "${topic.title}"`;
  // With --at, the review is recorded, and checked for being due, as of that time.
  const at = recordedAt(when, ctx.now());
  const now = new Date(at);
  const { result } = await transact(ctx, (current, progress): Change<ReviewDoneResult> => {
    if (statusOf(progress, topic.key) !== 'done') {
      throw new UsageError(`${name} is not done; only finished topics come back for review`);
    }
    const finishedAt = finishTimes(current.history, progress, (key) => key === topic.key).get(topic.key);
    if (finishedAt === undefined) {
      throw new UsageError(`${name} is ticked in the roadmap file, so there is no finish time to review it from`);
    }
    const done = own(current.reviews, topic.key) ?? [];
    const last = done.at(-1);
    if (last !== undefined && Date.parse(last) > now.getTime()) {
      throw new UsageError(`${name} was already reviewed later, at ${last}; give a time after it, or none`);
    }
    const schedule = scheduleOf(finishedAt, done, now);
    if (schedule.kind === 'settled') {
      throw new UsageError(`${name} has had its ${REVIEW_DAYS.length} reviews; it is settled`);
    }
    if (!schedule.due) {
      throw new UsageError(
        `${name} is not due for review until ${localDay(schedule.dueAt, ctx.zone)} (review ${schedule.review} of ${REVIEW_DAYS.length}); see "roadmap review"`,
      );
    }
    const after = scheduleOf(finishedAt, [...done, at], now);
    const result: ReviewDoneResult = {
      invocation: ctx.invocation,
      topic: refOf(topic),
      at,
      review: schedule.review,
      of: REVIEW_DAYS.length,
      ...(after.kind === 'scheduled' ? { next: { review: after.review, dueAt: after.dueAt } } : {}),
    };
    return { state: { ...current, reviews: withEntry(current.reviews, topic.key, [...done, at]) }, result };
  });
  return result;
}

export interface ReviewItemJson extends RefJson {
  readonly finishedAt: string;
  readonly review: number;
  readonly of: number;
  readonly dueAt: string;
}

export interface ReviewsJson extends DocumentHead<'review'> {
  readonly due: ReviewItemJson[];
  readonly upcoming: ReviewItemJson[];
  readonly settled: number;
}

export interface ReviewDoneJson extends DocumentHead<'review'> {
  readonly reviewed: RefJson & { readonly at: string; readonly review: number; readonly of: number };
  readonly next: { readonly review: number; readonly dueAt: string } | null;
}

const reviewItemJson = (r: ReviewItem): ReviewItemJson => ({
  ...refJson(r),
  finishedAt: r.finishedAt,
  review: r.review,
  of: r.of,
  dueAt: r.dueAt,
});

type ReviewOutcome =
  | { readonly kind: 'list'; readonly list: ReviewListResult }
  | { readonly kind: 'recorded'; readonly recorded: ReviewDoneResult };

export const reviewCommand = defineCommand({
  name: 'review',
  summary: 'finished topics due for spaced review (7 and 30 days on); with REF, record a review',
  args: [{ name: 'ref', description: 'the topic you reviewed: an ID (1.1.1), a slug or part of a title' }],
  options: [AT_OPTION],
  examples: ['roadmap review', 'roadmap review 1.1.1', 'roadmap review 1.1.1 --at 2026-11-28', 'roadmap review --json'],
  help:
    'A topic comes back 7 days after you finished it, and again 30 days after (at\n' +
    'least 7 days after its first review). After the second review it is settled.\n' +
    'A review is recorded only when one is due.',
  run: async ({
    args,
    options,
    session,
  }: Invocation<{ readonly ref?: string }, { readonly at?: string }>): Promise<ReviewOutcome> => {
    if (args.ref === undefined && options.at !== undefined) {
      throw new UsageError('--at needs the topic you reviewed, such as "roadmap review 1.1.1 --at 2026-11-28"');
    }
    const ctx = await session.context();
    return args.ref === undefined
      ? { kind: 'list', list: reviews(ctx) }
      : { kind: 'recorded', recorded: await recordReview(ctx, args.ref, options.at) };
  },
  text: (result, { style, zone, columns }) =>
    result.kind === 'list'
      ? renderReviews(result.list, { style, zone, columns })
      : renderReviewDone(result.recorded, style, zone),
  json: (result): ReviewsJson | ReviewDoneJson => {
    if (result.kind === 'list') {
      const { due, upcoming, settled } = result.list;
      return document('review', { due: due.map(reviewItemJson), upcoming: upcoming.map(reviewItemJson), settled });
    }
    const r = result.recorded;
    return document('review', {
      reviewed: { ...refJson(r.topic), at: r.at, review: r.review, of: r.of },
      next: r.next ? { review: r.next.review, dueAt: r.next.dueAt } : null,
    });
  },
});
