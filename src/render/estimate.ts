/** Estimates as `list` and `show` print them ("~2h", "~12h+") and as their --json documents carry them. */
import { formatDuration } from '../core/duration.js';
import type { EstimateTotal } from '../core/estimates.js';
import { displayWidth, truncateColumns } from '../core/width.js';

/** Lines with an estimate on them are kept within this many columns. */
export const LINE_COLUMNS = 80;

/**
 * "~45m", "~2h", "~1h 30m"; from ten hours on, whole hours ("~12h"): a total
 * is a rough guess, and "~171h 30m" claims more than anyone knows. A total
 * that leaves some topics out ends in "+": it is at least that.
 */
export function estimateText(total: EstimateTotal | undefined): string {
  if (total === undefined) return '';
  const { minutes } = total;
  const shown = minutes >= 600 ? `${Math.round(minutes / 60)}h` : formatDuration(minutes);
  return `~${shown}${total.unestimated > 0 ? '+' : ''}`;
}

/**
 * `head` then `  ~2h`, the head's end cut (with "…") so that the line fits in
 * LINE_COLUMNS; `fixed` is the width of what the head starts with that must
 * not be cut (the indent, the status mark, the ID).
 */
export function withEstimate(head: string, estimate: string, fixed = 0): string {
  if (estimate === '') return head;
  const room = Math.max(fixed + 8, LINE_COLUMNS - 2 - displayWidth(estimate));
  return `${truncateColumns(head, room)}  ${estimate}`;
}

/** An estimate in a --json document. */
export interface EstimateTotalJson {
  /** Minutes. */
  readonly minutes: number;
  readonly from: 'item' | 'topics';
  readonly unestimated: number;
}

/** `estimate`: the item's own, in minutes; `estimateTotal`: its own or what is below it added up. */
export interface EstimateJson {
  readonly estimate: number | null;
  readonly estimateTotal: EstimateTotalJson | null;
}

export const estimateTotalJson = (total: EstimateTotal | undefined): EstimateTotalJson | null =>
  total === undefined ? null : { minutes: total.minutes, from: total.from, unestimated: total.unestimated };

export const estimateJson = (own: number | undefined, total: EstimateTotal | undefined): EstimateJson => ({
  estimate: own ?? null,
  estimateTotal: estimateTotalJson(total),
});
