/** `next --budget 45m`: the option, its value in minutes, and its part of the JSON document. */
import type { BudgetChoice, DefaultRule } from '../core/budget.js';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../errors.js';
import type { OptionSpec } from './spec.js';

export const BUDGET_OPTION: OptionSpec = {
  flags: '--budget <time>',
  description: 'the next topics that fit in this much time (45m, 1h30m, 2h), started ones first',
};

/** The budget in minutes, or nothing without --budget; a value that is not a length of time is a usage error. */
export function budgetMinutes(text: string | undefined): { budget?: number } {
  if (text === undefined) return {};
  const minutes = parseDuration(text);
  if (minutes === undefined) {
    throw new UsageError(`--budget takes a length of time such as 45m, 1h30m or 2h, not "${text}"`);
  }
  return { budget: minutes };
}

export interface BudgetTopicJson {
  readonly id: string;
  readonly key: string;
  /** The minutes counted for it: its time left. */
  readonly minutes: number;
  /** Its own estimate; null when it has none and counts with the default. */
  readonly estimate: number | null;
  /** Minutes logged on it with `roadmap log`. */
  readonly logged: number;
  readonly started: boolean;
}

export interface BudgetJson {
  readonly minutes: number;
  readonly used: number;
  /** True when nothing fits and the one topic shown takes longer than the budget. */
  readonly over: boolean;
  /** What a topic without an estimate counts as, and why: the median of the roadmap's estimates, or an hour. */
  readonly default: { readonly minutes: number; readonly rule: DefaultRule };
  /** The topics chosen (the same as the document's `topics`), in order. */
  readonly topics: BudgetTopicJson[];
}

export const budgetJson = (choice: BudgetChoice): BudgetJson => ({
  minutes: choice.budget,
  used: choice.used,
  over: choice.over,
  default: { minutes: choice.default.minutes, rule: choice.default.rule },
  topics: choice.topics.map((t) => ({
    id: t.id,
    key: t.key,
    minutes: t.minutes,
    estimate: t.estimate ?? null,
    logged: t.logged,
    started: t.started,
  })),
});
