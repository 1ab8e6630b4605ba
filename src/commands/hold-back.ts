/**
 * `next` holds back new topics while more reviews are due than the learner's
 * limit (Settings.reviewLimit, `roadmap config review-limit N`), as Anki holds
 * back new cards: the reviews come first, and topics already started still show.
 */
import { topicKeys } from '../core/progress.js';
import { DEFAULT_REVIEW_LIMIT, reviewPlan } from '../core/review.js';
import { placeById } from '../core/tree.js';
import { refJson, type RefJson } from '../render/json.js';
import { savedProgress, type Context } from './context.js';
import type { NextResult } from './next.js';
import { refOf, type Ref } from './views.js';

/** Due reviews `next` names when it holds back new topics: the longest-waiting few. */
export const HELD_BACK_SHOWN = 3;

export interface HeldBack {
  /** The setting in force: new topics wait while more than this many reviews are due. */
  readonly limit: number;
  /** The longest-waiting due reviews, at most HELD_BACK_SHOWN, each with when it fell due. */
  readonly reviews: readonly (Ref & { readonly dueAt: string })[];
}

/** The review limit in force: the learner's setting, or the default. */
export const reviewLimit = (ctx: Context): number => ctx.store.snapshot().settings.reviewLimit ?? DEFAULT_REVIEW_LIMIT;

/** `result` as `next` shows it: with new topics held back when more reviews are due than the limit. */
export function holdBack(ctx: Context, result: NextResult): NextResult {
  const limit = reviewLimit(ctx);
  if (result.reviewsDue <= limit) return result;
  const { state, progress } = savedProgress(ctx);
  const known = topicKeys(ctx.roadmap);
  const due = reviewPlan(state, progress, ctx.now(), (key) => known.get(key)).due.slice(0, HELD_BACK_SHOWN);
  const reviews = due.map((entry) => ({
    ...refOf(placeById(ctx.roadmap, ctx.roadmap.topics.ids[known.get(entry.key)!]!)!.item),
    dueAt: entry.schedule.dueAt,
  }));
  return { ...result, topics: result.topics.filter((t) => t.status === 'doing'), heldBack: { limit, reviews } };
}

export interface HeldBackJson {
  readonly limit: number;
  readonly reviews: (RefJson & { readonly dueAt: string })[];
}

export const heldBackJson = (held: HeldBack): HeldBackJson => ({
  limit: held.limit,
  reviews: held.reviews.map((r) => ({ ...refJson(r), dueAt: r.dueAt })),
});
