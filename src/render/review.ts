import type { ReviewDoneResult, ReviewItem, ReviewListResult } from '../commands/review.js';
import { displayWidth, truncateColumns } from '../core/width.js';
import type { ZoneOffset } from '../core/zone.js';
import { clean, count, day, type Style } from './style.js';

/** Upcoming reviews shown when listing: the soonest few. */
const UPCOMING_SHOWN = 3;

/** What a listed review shows; `columns` fits it: the title cut, and the schedule on a line of its own. */
interface Fit {
  readonly style: Style;
  readonly zone: ZoneOffset;
  readonly columns: number | undefined;
}

/** `review 1 of 2`, or `review 3 (FSRS)` for a topic scheduled from its grades. */
export const whichReview = (r: { readonly review: number; readonly of?: number }): string =>
  r.of === undefined ? `review ${r.review} (FSRS)` : `review ${r.review} of ${r.of}`;

function line(r: ReviewItem, { style, zone, columns }: Fit, when: string): string[] {
  const schedule = `finished ${day(r.finishedAt, zone)}; ${whichReview(r)} ${when} ${day(r.dueAt, zone)}`;
  const title = clean(r.title);
  const one = `  ${r.id}  ${title}  ${schedule}`;
  if (columns === undefined || displayWidth(one) <= columns)
    return [`  ${style.cyan(r.id)}  ${title}  ${style.dim(schedule)}`];
  const indent = ' '.repeat(4 + displayWidth(r.id));
  return [
    `  ${style.cyan(r.id)}  ${truncateColumns(title, columns - indent.length)}`,
    `${indent}${style.dim(truncateColumns(schedule, columns - indent.length))}`,
  ];
}

export function renderReviews(result: ReviewListResult, fit: Fit): string {
  const { style } = fit;
  const lines: string[] = [];
  if (result.due.length > 0) {
    lines.push(style.bold(`Due for review (${result.due.length})`));
    for (const r of result.due) lines.push(...line(r, fit, 'due since'));
    lines.push('');
    lines.push(
      'Go over a topic again, then record how it went (again, hard, good or easy):',
      `  ${style.green(`${result.invocation} review ${result.due[0]!.id} --grade good`)}`,
    );
  } else {
    lines.push(
      result.upcoming.length > 0 || result.settled > 0
        ? 'Nothing is due for review.'
        : 'Nothing to review yet: a topic you finish comes back for review 7 and 30 days later.',
    );
  }
  if (result.upcoming.length > 0) {
    lines.push('');
    lines.push(style.bold('Coming up'));
    for (const r of result.upcoming.slice(0, UPCOMING_SHOWN)) lines.push(...line(r, fit, 'due'));
    const more = result.upcoming.length - UPCOMING_SHOWN;
    if (more > 0) lines.push(style.dim(`  and ${count(more, 'more topic')}`));
  }
  if (result.settled > 0) lines.push(style.dim(`${count(result.settled, 'topic')} reviewed twice: settled.`));
  return `${lines.join('\n')}\n`;
}

export function renderReviewDone(result: ReviewDoneResult, style: Style, zone: ZoneOffset): string {
  const which = result.of === undefined ? `review ${result.review}` : `review ${result.review} of ${result.of}`;
  const how = result.grade === undefined ? '' : `, ${result.grade}`;
  const next = result.next;
  const lines = [
    `${style.green('Reviewed:')} ${style.cyan(result.topic.id)} ${clean(result.topic.title)} ${style.dim(`(${which}${how})`)}`,
    next === undefined
      ? 'That was its last review: it is settled.'
      : next.graded
        ? `Next review is due ${day(next.dueAt, zone)} (FSRS, from your grades).`
        : `Next review (${next.review} of ${result.of}) is due ${day(next.dueAt, zone)}.`,
  ];
  return `${lines.join('\n')}\n`;
}
