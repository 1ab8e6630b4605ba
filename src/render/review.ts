import type { ReviewDoneResult, ReviewItem, ReviewListResult } from '../commands/review.js';
import type { ZoneOffset } from '../core/zone.js';
import { clean, count, day, type Style } from './style.js';

/** Upcoming reviews shown when listing: the soonest few. */
const UPCOMING_SHOWN = 3;

const line = (r: ReviewItem, style: Style, zone: ZoneOffset, when: string): string =>
  `  ${style.cyan(r.id)}  ${clean(r.title)}  ${style.dim(`finished ${day(r.finishedAt, zone)}; review ${r.review} of ${r.of} ${when} ${day(r.dueAt, zone)}`)}`;

export function renderReviews(result: ReviewListResult, style: Style, zone: ZoneOffset): string {
  const lines: string[] = [];
  if (result.due.length > 0) {
    lines.push(style.bold(`Due for review (${result.due.length})`));
    for (const r of result.due) lines.push(line(r, style, zone, 'due since'));
    lines.push('');
    lines.push(
      `Go over a topic again, then record it: ${style.green(`${result.invocation} review ${result.due[0]!.id}`)}`,
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
    for (const r of result.upcoming.slice(0, UPCOMING_SHOWN)) lines.push(line(r, style, zone, 'due'));
    const more = result.upcoming.length - UPCOMING_SHOWN;
    if (more > 0) lines.push(style.dim(`  and ${count(more, 'more topic')}`));
  }
  if (result.settled > 0) lines.push(style.dim(`${count(result.settled, 'topic')} reviewed twice: settled.`));
  return `${lines.join('\n')}\n`;
}

export function renderReviewDone(result: ReviewDoneResult, style: Style, zone: ZoneOffset): string {
  const lines = [
    `${style.green('Reviewed:')} ${style.cyan(result.topic.id)} ${clean(result.topic.title)} ${style.dim(`(review ${result.review} of ${result.of})`)}`,
    result.next
      ? `Next review (${result.next.review} of ${result.of}) is due ${day(result.next.dueAt, zone)}.`
      : 'That was its last review: it is settled.',
  ];
  return `${lines.join('\n')}\n`;
}
