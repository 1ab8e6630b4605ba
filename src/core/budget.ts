/**
 * What is left to study and how long it should take, and `next --budget`: the
 * next topics that fit in a length of time. Pure: the roadmap, the progress, the
 * minutes logged on each topic and the budget in; the choice out.
 *
 * The rules (docs/plan.md):
 * - Order: started topics first, then the rest in learning-path order, as
 *   `next` offers them (done and skipped topics are never offered).
 * - A topic without an estimate counts as the median of the roadmap's topic
 *   estimates, or as an hour when no topic has one.
 * - A started topic's remaining time is its estimate minus the time logged on
 *   it, but never less than a quarter of the estimate: a topic that has taken
 *   longer than estimated is not finished yet.
 * - A topic longer than what is left of the budget is passed over and the next
 *   ones are tried; when not one fits, the first is offered anyway, marked as
 *   longer than the budget.
 */
import { own } from './dict.js';
import type { Roadmap } from './model.js';
import { nextTopics, statusOf, topicKeys, type Progress } from './progress.js';
import type { RoadmapState } from './state.js';

/** What a topic counts as when no topic of the roadmap has an estimate. */
export const FALLBACK_MINUTES = 60;

/** How the minutes of a topic without an estimate were chosen. */
export type DefaultRule = 'median' | 'fallback';

export interface DefaultEstimate {
  readonly minutes: number;
  readonly rule: DefaultRule;
}

/** One topic still to study, with the time it should still take. */
export interface Work {
  readonly id: string;
  readonly key: string;
  readonly started: boolean;
  /** Its own estimate in minutes; undefined when it has none (then `minutes` comes from the default). */
  readonly estimate: number | undefined;
  /** Minutes logged on it (study sessions). */
  readonly logged: number;
  /** The minutes it should still take. */
  readonly minutes: number;
}

/** Every topic still to study in the order `next` offers them, and the default used for those without an estimate. */
export interface WorkLeft {
  readonly topics: readonly Work[];
  readonly default: DefaultEstimate;
  /** How many of `topics` have no estimate of their own. */
  readonly unestimated: number;
}

/**
 * The estimate of each topic in document order (0 = none), from the topic
 * index, so that choosing topics does not need the tree.
 */
export function topicEstimates(roadmap: Roadmap): readonly number[] {
  // `minutes` is optional in the topic index (a roadmap parsed before estimates existed has none).
  return (roadmap.topics as { readonly minutes?: readonly number[] }).minutes ?? [];
}

/** The median of the roadmap's topic estimates, or an hour when no topic has one. */
export function defaultEstimate(estimates: readonly number[]): DefaultEstimate {
  const known = estimates.filter((m) => m > 0).sort((a, b) => a - b);
  if (known.length === 0) return { minutes: FALLBACK_MINUTES, rule: 'fallback' };
  const middle = Math.floor(known.length / 2);
  const median = known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
  return { minutes: Math.round(median), rule: 'median' };
}

/** A started topic's time still to go: its estimate less what was logged, never under a quarter of the estimate. */
export function remainingMinutes(estimate: number, logged: number): number {
  return Math.max(estimate - logged, Math.ceil(estimate / 4));
}

/** Every topic still to study, started ones first, then in learning-path order. */
export function workLeft(roadmap: Roadmap, progress: Progress, logged: (key: string) => number): WorkLeft {
  const estimates = topicEstimates(roadmap);
  const fallback = defaultEstimate(estimates);
  const positions = topicKeys(roadmap);
  let unestimated = 0;
  const topics = nextTopics(roadmap, progress, roadmap.topics.keys.length).map(({ id, key }): Work => {
    const own = estimates[positions.get(key)!] ?? 0;
    const estimate = own > 0 ? own : undefined;
    if (estimate === undefined) unestimated++;
    const started = statusOf(progress, key) === 'doing';
    const spent = logged(key);
    const minutes = started ? remainingMinutes(estimate ?? fallback.minutes, spent) : (estimate ?? fallback.minutes);
    return { id, key, started, estimate, logged: spent, minutes };
  });
  return { topics, default: fallback, unestimated };
}

export interface BudgetChoice {
  /** The budget, in minutes. */
  readonly budget: number;
  /** The topics chosen, in the order to study them. */
  readonly topics: readonly Work[];
  /** Their minutes together. */
  readonly used: number;
  /** True when nothing fits and the one topic offered takes longer than the budget. */
  readonly over: boolean;
  readonly default: DefaultEstimate;
  /** How many of the chosen topics count with the default. */
  readonly unestimated: number;
}

/** The next topics that fit in `budget` minutes, by the rules above. */
export function fitBudget(work: WorkLeft, budget: number): BudgetChoice {
  const chosen: Work[] = [];
  let left = budget;
  for (const topic of work.topics) {
    if (left <= 0) break;
    if (topic.minutes > left) continue;
    chosen.push(topic);
    left -= topic.minutes;
  }
  const over = chosen.length === 0 && work.topics.length > 0;
  const topics = over ? [work.topics[0]!] : chosen;
  return {
    budget,
    topics,
    used: topics.reduce((sum, t) => sum + t.minutes, 0),
    over,
    default: work.default,
    unestimated: topics.filter((t) => t.estimate === undefined).length,
  };
}

/** The minutes logged on each topic with `roadmap log` (its study sessions together), by key. */
export function loggedMinutes(state: Pick<RoadmapState, 'sessions'>): (key: string) => number {
  return (key) => (own(state.sessions, key) ?? []).reduce((sum, s) => sum + s.minutes, 0);
}
