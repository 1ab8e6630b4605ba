/**
 * `review`: finished topics come back 7 and 30 days after they were finished,
 * or, once a review is graded, when FSRS says (see core/review.ts). Alone it
 * lists what is due; with a REF it records that the topic was reviewed (and
 * how it went, with --grade), and says when the next review is.
 */
import { own, withEntry } from '../core/dict.js';
import type { Item } from '../core/model.js';
import { statusOf, topicKeys } from '../core/progress.js';
import { finishTimes, REVIEW_DAYS, reviewPlan, scheduleOf, type ReviewEntry } from '../core/review.js';
import { GRADES, type Grade } from '../core/state.js';
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
  /** Which review, 1-based, of `of`; a topic scheduled from its grades (FSRS) has no `of`. */
  readonly review: number;
  readonly of?: number;
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
  /** Absent when the topic is scheduled from its grades (FSRS): no review is its last. */
  readonly of?: number;
  readonly grade?: Grade;
  /** The review after this one; absent when the topic is settled. */
  readonly next?: { readonly review: number; readonly dueAt: string; readonly graded: boolean };
}

export function reviews(ctx: Context): ReviewListResult {
  const { state: saved, progress } = savedProgress(ctx);
  const known = topicKeys(ctx.roadmap);
  const plan = reviewPlan(saved, progress, ctx.now(), (key) => known.get(key));
  const topics = new Map(topicsOf(ctx.roadmap.parts).map((t) => [t.key, t]));
  const view = (entry: ReviewEntry): ReviewItem => ({
    ...refOf(topics.get(entry.key)!),
    finishedAt: entry.schedule.finishedAt,
    review: entry.schedule.review,
    ...(entry.schedule.graded ? {} : { of: REVIEW_DAYS.length }),
    dueAt: entry.schedule.dueAt,
  });
  return {
    invocation: ctx.invocation,
    due: plan.due.map(view),
    upcoming: plan.upcoming.map(view),
    settled: plan.settled,
  };
}

/**
 * Records a review of a topic that is due for one, with how it went when
 * `grade` is given; anything else is a usage error and saves nothing.
 */
export async function recordReview(ctx: Context, ref: string, when?: string, grade?: Grade): Promise<ReviewDoneResult> {
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
    const gradedSoFar = own(current.grades, topic.key) ?? [];
    const last = done.at(-1);
    if (last !== undefined && Date.parse(last) > now.getTime()) {
      throw new UsageError(`${name} was already reviewed later, at ${last}; give a time after it, or none`);
    }
    const schedule = scheduleOf(finishedAt, done, now, gradedSoFar);
    if (schedule.kind === 'settled') {
      throw new UsageError(`${name} has had its ${REVIEW_DAYS.length} reviews; it is settled`);
    }
    if (!schedule.due) {
      const which = schedule.graded
        ? 'scheduled from its grades'
        : `review ${schedule.review} of ${REVIEW_DAYS.length}`;
      throw new UsageError(
        `${name} is not due for review until ${localDay(schedule.dueAt, ctx.zone)} (${which}); see "roadmap review"`,
      );
    }
    const grades = grade === undefined ? gradedSoFar : [...gradedSoFar, { at, grade }];
    const after = scheduleOf(finishedAt, [...done, at], now, grades);
    const result: ReviewDoneResult = {
      invocation: ctx.invocation,
      topic: refOf(topic),
      at,
      review: schedule.review,
      ...(after.kind === 'scheduled' && after.graded ? {} : { of: REVIEW_DAYS.length }),
      ...(grade === undefined ? {} : { grade }),
      ...(after.kind === 'scheduled'
        ? { next: { review: after.review, dueAt: after.dueAt, graded: after.graded } }
        : {}),
    };
    const state = {
      ...current,
      reviews: withEntry(current.reviews, topic.key, [...done, at]),
      ...(grade === undefined ? {} : { grades: withEntry(current.grades, topic.key, grades) }),
    };
    return { state, result };
  });
  return result;
}

export interface ReviewItemJson extends RefJson {
  readonly finishedAt: string;
  readonly review: number;
  /** null for a topic scheduled from its grades (FSRS), which has no last review. */
  readonly of: number | null;
  readonly dueAt: string;
  /** What schedules it: the 7- and 30-day rule, or FSRS from its grades. */
  readonly scheduler: Scheduler;
}

export type Scheduler = 'days' | 'fsrs';

export interface ReviewsJson extends DocumentHead<'review'> {
  readonly due: ReviewItemJson[];
  readonly upcoming: ReviewItemJson[];
  readonly settled: number;
}

export interface ReviewDoneJson extends DocumentHead<'review'> {
  readonly reviewed: RefJson & {
    readonly at: string;
    readonly review: number;
    readonly of: number | null;
    readonly grade: Grade | null;
  };
  readonly next: { readonly review: number; readonly dueAt: string; readonly scheduler: Scheduler } | null;
}

const reviewItemJson = (r: ReviewItem): ReviewItemJson => ({
  ...refJson(r),
  finishedAt: r.finishedAt,
  review: r.review,
  of: r.of ?? null,
  dueAt: r.dueAt,
  scheduler: r.of === undefined ? 'fsrs' : 'days',
});

type ReviewOutcome =
  | { readonly kind: 'list'; readonly list: ReviewListResult }
  | { readonly kind: 'recorded'; readonly recorded: ReviewDoneResult };

export const reviewCommand = defineCommand({
  name: 'review',
  summary: 'finished topics due for spaced review; with REF, record a review (--grade: how it went)',
  args: [{ name: 'ref', description: 'the topic you reviewed: an ID (1.1.1), a slug or part of a title' }],
  options: [
    {
      flags: '--grade <grade>',
      description: 'how well you remembered it; FSRS then schedules its next reviews',
      choices: GRADES,
    },
    AT_OPTION,
  ],
  examples: [
    'roadmap review',
    'roadmap review 1.1.1 --grade good',
    'roadmap review 1.1.1',
    'roadmap review 1.1.1 --grade hard --at 2026-11-28',
    'roadmap review --json',
  ],
  help:
    'A topic comes back 7 days after you finished it, and again 30 days after (at\n' +
    'least 7 days after its first review). After the second review it is settled.\n' +
    'Grade a review (again: forgotten, hard, good, easy) and FSRS schedules that\n' +
    'topic from then on: sooner when it was hard, later when easy, and it is never\n' +
    'settled. A review is recorded only when one is due. See docs/review.md.',
  run: async ({
    args,
    options,
    session,
  }: Invocation<
    { readonly ref?: string },
    { readonly at?: string; readonly grade?: Grade }
  >): Promise<ReviewOutcome> => {
    if (args.ref === undefined && (options.at !== undefined || options.grade !== undefined)) {
      const flag = options.grade === undefined ? '--at' : '--grade';
      throw new UsageError(`${flag} needs the topic you reviewed, such as "roadmap review 1.1.1 --grade good"`);
    }
    const ctx = await session.context();
    return args.ref === undefined
      ? { kind: 'list', list: reviews(ctx) }
      : { kind: 'recorded', recorded: await recordReview(ctx, args.ref, options.at, options.grade) };
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
      reviewed: { ...refJson(r.topic), at: r.at, review: r.review, of: r.of ?? null, grade: r.grade ?? null },
      next: r.next ? { review: r.next.review, dueAt: r.next.dueAt, scheduler: r.next.graded ? 'fsrs' : 'days' } : null,
    });
  },
});
