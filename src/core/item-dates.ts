/**
 * When an item was started, finished or skipped, read from the status history:
 * what `roadmap show` says beside the status. Pure.
 */
import type { Status } from './model.js';
import type { StatusChange } from './progress.js';
import { byTime } from './time.js';

export interface ItemDates {
  /** When the current stretch of work began: the first start (or finish) since it was last back to todo. */
  readonly started?: string;
  /** When it was last finished, if it is done now. */
  readonly done?: string;
  /** When it was skipped, if it is skipped now. */
  readonly skipped?: string;
}

/** The changes of the given keys, oldest first (a backdated change sits where its time puts it). */
export function changesOf(history: readonly StatusChange[], keys: ReadonlySet<string>): StatusChange[] {
  return history.filter((change) => keys.has(change.key)).sort((a, b) => byTime(a.at, b.at));
}

/** One leaf's dates from its own changes (oldest first), as its status is now. */
export function leafDates(changes: readonly StatusChange[], status: Status): ItemDates {
  let started: string | undefined;
  let done: string | undefined;
  let skipped: string | undefined;
  for (const { to, at } of changes) {
    // Back to todo (undone, reset) starts the story again.
    if (to === 'todo') started = done = skipped = undefined;
    else if (to === 'skipped') skipped = at;
    else {
      started ??= at;
      if (to === 'done') done = at;
    }
  }
  return {
    ...(started !== undefined && status !== 'todo' ? { started } : {}),
    ...(done !== undefined && status === 'done' ? { done } : {}),
    ...(skipped !== undefined && status === 'skipped' ? { skipped } : {}),
  };
}

/**
 * A part's or section's dates from its topics' dates: started with the first of
 * them, done with the last, when it is done now.
 */
export function groupDates(leaves: readonly ItemDates[], status: Status): ItemDates {
  const first = leaves
    .map((d) => d.started)
    .filter((t) => t !== undefined)
    .sort(byTime)[0];
  const last = leaves
    .map((d) => d.done)
    .filter((t) => t !== undefined)
    .sort(byTime)
    .at(-1);
  return {
    ...(first !== undefined && status !== 'todo' ? { started: first } : {}),
    ...(last !== undefined && status === 'done' ? { done: last } : {}),
  };
}
