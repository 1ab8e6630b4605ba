import type { ZoneOffset } from '../core/zone.js';
/** Text of the interactive screens (src/commands/menu.ts): choice labels and what a save changed. */
import type { Item, Status } from '../core/model.js';
import type { StatusChange, Tally } from '../core/progress.js';
import type { ProjectReadiness } from '../core/readiness.js';
import type { Chapter } from '../core/tree.js';
import type { ReviewItem } from '../commands/review.js';
import type { Grade } from '../core/state.js';
import type { Choice } from '../io/prompts.js';
import type { Ref } from '../commands/views.js';
import { whichReview } from './review.js';
import { bar, clean, count, day, progressText, type Style } from './style.js';

const LABELS: Record<Status, string> = { done: 'done', doing: 'started', skipped: 'skipped', todo: 'not started' };

export const statusLabel = (status: Status): string => LABELS[status];

/** `3/44 topics, 6% █░░░░░░░░░`: the progress every screen shows. */
export function progressLine(tally: Tally, style: Style): string {
  return `${progressText(tally)} ${bar(tally.percent, style)}`;
}

/**
 * `1.1.1  Python syntax (started)`. A topic not started needs no word, nor does a
 * done one in a checklist, where its tick says so; a search result names it.
 */
export function topicChoiceName(
  topic: Item,
  status: Status,
  { ticked = true }: { readonly ticked?: boolean } = {},
): string {
  const silent = status === 'todo' || (ticked && status === 'done');
  return clean(`${topic.id}  ${topic.title}${silent ? '' : ` (${LABELS[status]})`}`);
}

const WORDS: Record<Status, string> = { done: 'done', todo: 'not done', doing: 'started', skipped: 'skipped' };

/** What one save changed, then the progress: `Marked done: 1.1.1 Python syntax`. */
export function changesText(
  changes: readonly StatusChange[],
  refs: ReadonlyMap<string, Ref>,
  tally: Tally,
  style: Style,
  { sayIfNothing = true }: { readonly sayIfNothing?: boolean } = {},
): string {
  const lines = changes.map((change) => {
    const ref = refs.get(change.key);
    const name = ref ? `${style.cyan(ref.id)} ${clean(ref.title)}` : clean(change.key);
    return `${style.green(`Marked ${WORDS[change.to]}:`)} ${name}`;
  });
  if (lines.length === 0 && sayIfNothing) lines.push('Nothing changed.');
  lines.push(`${style.bold('Progress:')} ${progressText(tally)}`);
  return `${lines.join('\n')}\n`;
}

/** `Part 1: Fundamentals`, or the chapter's own title for the topics outside any part. */
export const chapterName = (chapter: Chapter): string =>
  chapter.id === '' ? chapter.title : `Part ${chapter.id}: ${clean(chapter.title)}`;

/** ` 1  ███░░░░░░░  33%  Fundamentals` */
export function chapterChoiceName(chapter: Chapter, tally: Tally, style: Style): string {
  const title = chapter.id === '' ? chapter.title : clean(chapter.title);
  return `${chapter.id.padStart(2)}  ${bar(tally.percent, style)} ${String(tally.percent).padStart(3)}%  ${title}`;
}

/** `p2  ██████████ 100% ready  Create a real-time chat application (done)` */
export function projectChoiceName(entry: ProjectReadiness, style: Style): string {
  const status = entry.status === 'todo' ? '' : ` (${LABELS[entry.status]})`;
  return `${entry.project.id.padEnd(3)} ${bar(entry.tally.percent, style)} ${String(entry.tally.percent).padStart(3)}% ready  ${clean(entry.project.title)}${status}`;
}

/** The question above a checklist: the chapter, its progress and the whole roadmap's. */
export function checklistMessage(lead: string, chapter: Chapter, here: Tally, overall: Tally, style: Style): string {
  return `${lead}${chapterName(chapter)} · ${here.done}/${here.total} done · ${progressLine(overall, style)} in all`;
}

/** The main menu's Review line, with how many are due: `Review (2 topics due)`. */
export const reviewsEntryName = (due: number): string =>
  `Review${due === 0 ? ' (nothing due)' : ` (${count(due, 'topic')} due)`}`;

/** Above a topic being reviewed: `Review 1 of 2`, `Review 3 (FSRS)`. */
export const reviewHeading = (r: ReviewItem): string => `R${whichReview(r).slice(1)}`;

/** How a review went, as the menu asks it, Anki's way: again, hard, good, easy. */
export const GRADE_CHOICES: readonly Choice<Grade>[] = [
  { value: 'again', name: 'Again: I had forgotten it', short: 'again' },
  { value: 'hard', name: 'Hard: I remembered it, with effort', short: 'hard' },
  { value: 'good', name: 'Good: I remembered it', short: 'good' },
  { value: 'easy', name: 'Easy: I knew it at once', short: 'easy' },
];

/** Under a due review, when it is highlighted: `review 1 of 2, due since 2026-11-17 (finished 2026-11-10)`. */
export const reviewDescription = (r: ReviewItem, zone: ZoneOffset): string =>
  `${whichReview(r)}, due since ${day(r.dueAt, zone)} (finished ${day(r.finishedAt, zone)})`;
