import type { GroupReviews, ShowResult, TopicReview } from '../commands/show.js';
import { REVIEW_DAYS } from '../core/review.js';
import { estimateText, withEstimate } from './estimate.js';
import { whichReview } from './review.js';
import { numberedNote } from './note.js';
import type { ZoneOffset } from '../core/zone.js';
import { bar, clean, count, day, placeName, progressText, statusBox, type Style } from './style.js';

/** The status in words: a part or section with some topics done is "in progress", a topic "started". */
function statusWords(result: ShowResult, zone: ZoneOffset): string {
  const { status, dates } = result;
  if (status === 'done') {
    if (dates.done !== undefined) return `done on ${day(dates.done, zone)}`;
    return result.checked ? 'done (ticked in the roadmap file)' : 'done';
  }
  if (status === 'skipped') return dates.skipped === undefined ? 'skipped' : `skipped on ${day(dates.skipped, zone)}`;
  if (status === 'doing') return result.kind === 'topic' || result.kind === 'project' ? 'started' : 'in progress';
  return 'not started';
}

function statusLine(result: ShowResult, style: Style, zone: ZoneOffset): string {
  const { started, done } = result.dates;
  // Marked done straight away: the start is the finish, said once.
  const since = started === undefined || started === done ? '' : style.dim(` (started ${day(started, zone)})`);
  return `${statusBox(result.status, style)} ${statusWords(result, zone)}${since}`;
}

function topicReviewLines(review: TopicReview, result: ShowResult, style: Style, zone: ZoneOffset): string[] {
  if (review.state === 'not done') {
    return [`after it is done: it comes back ${REVIEW_DAYS.join(' and ')} days later`];
  }
  if (review.state === 'ticked in the file')
    return ['ticked in the roadmap file: no finish time to count reviews from'];
  const done = review.reviewedAt.map((at) => `reviewed on ${day(at, zone)}`);
  if (review.state === 'settled') return [...done, style.green(`settled: all ${REVIEW_DAYS.length} reviews done`)];
  const due = review.due
    ? `${style.yellow('due now')}: ${style.green(`${result.invocation} review ${result.id}`)}`
    : `due on ${day(review.dueAt, zone)}`;
  return [...done, `${whichReview(review)} ${due}`];
}

function groupReviewLines(reviews: GroupReviews): string[] {
  if (reviews.due + reviews.upcoming + reviews.settled === 0) return [];
  return [`${count(reviews.due, 'topic')} due now, ${reviews.upcoming} coming up, ${reviews.settled} settled`];
}

/** "~12h, the sum of its topics (2 have no estimate)". */
function estimateWords(result: ShowResult): string {
  const total = result.total!;
  const text = estimateText(total);
  if (result.kind === 'topic') return text;
  if (total.from === 'item') return `${text}, as the roadmap gives it`;
  const below = result.children.every((c) => c.kind === 'topic') ? 'topics' : 'sections';
  const missing = total.unestimated > 0 ? ` (${count(total.unestimated, 'topic')} without one)` : '';
  return `${text}, the sum of its ${below}${missing}`;
}

/** A titled block of lines, or nothing when it has none. */
const block = (title: string, lines: readonly string[], style: Style): string[] =>
  lines.length === 0 ? [] : ['', style.bold(title), ...lines.map((l) => `  ${l}`)];

export function renderShow(result: ShowResult, style: Style, zone: ZoneOffset): string {
  const field = (label: string, text: string): string => `  ${style.dim(label.padEnd(9))}${text}`;
  const kind = result.kind === 'part' ? placeName(result, 0) : `${result.id}  ${clean(result.title)}`;
  const lines = [`${style.bold.cyan(kind)}  ${style.dim(`(${result.kind})`)}`];
  if (result.where.length > 0) {
    lines.push(field('in', result.where.map((w, i) => placeName(w, i)).join(style.dim(' › '))));
  }
  if (result.label) lines.push(field('group', clean(result.label)));
  if (result.stage)
    lines.push(field('stage', `${result.stage.number} of ${result.stage.of}: ${clean(result.stage.title)}`));
  if (result.description) lines.push(field('about', clean(result.description)));
  lines.push(field('status', statusLine(result, style, zone)));
  if (result.tally) {
    const ready = result.kind === 'project' ? ' ready' : '';
    lines.push(field('progress', `${progressText(result.tally)}${ready}  ${bar(result.tally.percent, style)}`));
  }
  if (result.total) lines.push(field('estimate', estimateWords(result)));
  for (const detail of result.details) lines.push(field('info', `${clean(detail.label)}: ${clean(detail.value)}`));
  for (const link of result.links) {
    const text = link.text === result.title || link.text === '' ? '' : `${clean(link.text)} `;
    lines.push(field('link', `${text}${style.underline(clean(link.href))}`));
  }
  lines.push(field('line', `${result.line} of the roadmap file`));

  const childTitle = result.kind === 'part' ? 'Sections' : 'Topics';
  lines.push(
    ...block(
      childTitle,
      result.children.map((c) =>
        // Two columns of indent come before each line of the block.
        withEstimate(`${statusBox(c.status, style)} ${style.cyan(c.id)} ${clean(c.title)}`, estimateText(c.total), 2),
      ),
      style,
    ),
    ...block(
      'Draws on',
      result.sections.map((s) => `${style.cyan(s.id)} ${clean(s.title)}`),
      style,
    ),
    ...block(
      'Review',
      result.review
        ? topicReviewLines(result.review, result, style, zone)
        : result.reviews
          ? groupReviewLines(result.reviews)
          : [],
      style,
    ),
  );
  if (result.notes.length > 0) {
    lines.push('', style.bold('Notes'), ...result.notes.map((n, i) => numberedNote(n, i + 1, style, zone)));
  }
  const history = result.history.map((h) => {
    const topic = h.topic ? `${style.cyan(h.topic.id)} ` : '';
    return `${day(h.at, zone)}  ${topic}${h.from} → ${h.to}`;
  });
  lines.push(...block('History', history.length > 0 ? history : ['no changes recorded yet'], style));
  if (result.status !== 'done') {
    lines.push('', `When it is done: ${style.green(`${result.invocation} done ${result.id}`)}`);
  }
  return `${lines.join('\n')}\n`;
}
