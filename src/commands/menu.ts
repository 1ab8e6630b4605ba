/**
 * The interactive navigator (`roadmap` on a terminal), and the pick list of
 * `roadmap done` without a REF. Every prompt goes through a Prompter (src/io/prompts.ts),
 * every change through the same code as the commands, and every screen states
 * the progress. Every list ends with "Go back" (the main menu with Quit), and
 * Escape does the same: what was on screen is dropped, nothing is saved, and the
 * screen before comes back. Ctrl-C throws Interrupted: the run ends, nothing saved.
 */
import { dict, own } from '../core/dict.js';
import type { Item, Status } from '../core/model.js';
import type { Grade } from '../core/state.js';
import { nextTopics, roadmapTally, statusOf, tally, withFileMarks, type Progress } from '../core/progress.js';
import { projectReadiness } from '../core/readiness.js';
import { firstWebAddress } from '../core/links.js';
import { chaptersOf, placeById, topicsOf, walk, type Chapter } from '../core/tree.js';
import { CliError, Interrupted, UsageError } from '../errors.js';
import { renderUndo } from '../render/undo.js';
import { undo, type UndoResult } from './undo.js';
import { WentBack, type Choice, type Prompter } from '../io/prompts.js';
import {
  changesText,
  chapterChoiceName,
  chapterName,
  checklistMessage,
  GRADE_CHOICES,
  progressLine,
  projectChoiceName,
  reviewDescription,
  reviewHeading,
  reviewsEntryName,
  statusLabel,
  topicChoiceName,
} from '../render/menu.js';
import { nothingLeft, renderTopic } from '../render/next.js';
import { renderNote } from '../render/note.js';
import { renderProjectDetail } from '../render/project.js';
import { renderReviewDone, renderReviews } from '../render/review.js';
import { renderStats } from '../render/stats.js';
import { clean, type Style } from '../render/style.js';
import type { Context } from './context.js';
import { note } from './note.js';
import { openForMenu } from './open.js';
import { recordReview, reviews, type ReviewItem } from './review.js';
import { refsByKey, saveStatuses } from './set-status.js';
import { projectDetail } from './project.js';
import { STATS_WEEKS, stats } from './stats.js';
import { topicView } from './views.js';

export interface MenuIo {
  readonly prompter: Prompter;
  readonly out: (text: string) => void;
  readonly style: Style;
  /** The terminal's columns, which screens fit. */
  readonly columns?: number | undefined;
  /** The environment, for "Open link" ($BROWSER, DISPLAY); without it no topic offers one. */
  readonly env?: NodeJS.ProcessEnv;
}

type MainChoice = 'next' | 'browse' | 'find' | 'review' | 'projects' | 'stats' | 'undo' | 'quit';
type TopicAction = Status | 'note' | 'open' | 'back';

/** The answer to a prompt, or `back` when Escape was pressed on it. */
async function orBack<T, B>(asked: Promise<T>, back: B): Promise<T | B> {
  try {
    return await asked;
  } catch (error) {
    if (error instanceof WentBack) return back;
    throw error;
  }
}

/**
 * Runs a change the command behind it may refuse (a review no longer due, a note
 * too long): the refusal is said, in the command's words, and the menu goes on.
 */
async function orRefusal<R>(io: MenuIo, change: () => Promise<R>): Promise<R | undefined> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.out(`${io.style.yellow(clean(error.message))}\nNothing was saved.\n`);
    return undefined;
  }
}

/** The progress as saved now: the menu runs for minutes, and another roadmap may write meanwhile. */
function freshProgress(ctx: Context): Progress {
  return withFileMarks(ctx.roadmap, own(ctx.store.reload().roadmaps, ctx.roadmapId)?.items ?? dict());
}

/** The whole roadmap's progress, as every screen shows it. */
const overall = (ctx: Context, progress: Progress, io: MenuIo): string =>
  progressLine(roadmapTally(ctx.roadmap, progress), io.style);

export async function runMenu(ctx: Context, io: MenuIo): Promise<void> {
  let last: MainChoice = 'next';
  for (;;) {
    const progress = freshProgress(ctx);
    const [upNext] = nextTopics(ctx.roadmap, progress, 1);
    const tallied = roadmapTally(ctx.roadmap, progress);
    const nothing = tallied.skipped > 0 ? 'nothing left but what you skipped' : 'every topic is done';
    const nextTitle = upNext ? `${upNext.id} ${placeById(ctx.roadmap, upNext.id)!.item.title}` : nothing;
    // Escape here goes back out of the menu: the same as Quit.
    const choice: MainChoice = await orBack(
      io.prompter.select<MainChoice>(
        `${clean(ctx.roadmap.title)} · ${progressLine(tallied, io.style)}`,
        [
          { value: 'next', name: `Next up: ${clean(nextTitle)}`, short: 'Next up' },
          { value: 'browse', name: 'Browse parts and tick off topics', short: 'Browse' },
          { value: 'find', name: 'Find a topic', short: 'Find' },
          { value: 'review', name: reviewsEntryName(reviews(ctx).due.length), short: 'Review' },
          {
            value: 'projects',
            name: 'Projects',
            ...(ctx.roadmap.projects.length === 0 ? { disabled: '(this roadmap suggests none)' } : {}),
          },
          { value: 'stats', name: 'Stats: your pace, streak and weeks', short: 'Stats' },
          { value: 'undo', name: 'Undo the last change', short: 'Undo' },
          { value: 'quit', name: 'Quit' },
        ],
        { default: last },
      ),
      'quit' as const,
    );
    last = choice;
    if (choice === 'quit') return;
    await SCREENS[choice](ctx, io);
  }
}

const SCREENS: Record<Exclude<MainChoice, 'quit'>, (ctx: Context, io: MenuIo) => Promise<void>> = {
  next: nextUp,
  browse,
  find,
  review: reviewScreen,
  projects: projectsScreen,
  stats: statsScreen,
  undo: undoScreen,
};

/** The next topic's ID with the progress it was found in; when none is left, says so. */
function upNextOrDone(ctx: Context, io: MenuIo): { readonly id: string; readonly progress: Progress } | undefined {
  const progress = freshProgress(ctx);
  const [upNext] = nextTopics(ctx.roadmap, progress, 1);
  if (upNext) return { id: upNext.id, progress };
  io.out(`${io.style.green.bold(nothingLeft({ tally: roadmapTally(ctx.roadmap, progress) }))}\n`);
  return undefined;
}

async function nextUp(ctx: Context, io: MenuIo): Promise<void> {
  const upNext = upNextOrDone(ctx, io);
  if (upNext) await topicScreen(ctx, io, upNext.id, 'Next up');
}

/** One topic as saved now: where it sits, its links and notes; returns its status and the progress. */
function showTopic(ctx: Context, io: MenuIo, id: string, heading: string): { status: Status; progress: Progress } {
  const progress = freshProgress(ctx);
  const view = topicView(ctx.roadmap, placeById(ctx.roadmap, id)!, progress, ctx.store.read(ctx.roadmapId).notes);
  // The topic block without its "done?" hint: here the choices below are the way to act.
  io.out(
    `\n${io.style.bold(heading)}\n${renderTopic(view, io.style, ctx.invocation, ctx.zone).slice(0, -1).join('\n')}\n`,
  );
  return { status: view.status, progress };
}

/** One topic, and what to do with it: change its status (then back), or add a note (then the topic again). */
async function topicScreen(ctx: Context, io: MenuIo, id: string, heading: string): Promise<void> {
  const item = placeById(ctx.roadmap, id)!.item;
  const link = io.env === undefined ? undefined : firstWebAddress(item);
  for (;;) {
    const { status, progress } = showTopic(ctx, io, id, heading);
    const actions: Choice<TopicAction>[] = [
      status === 'done' ? { value: 'todo', name: 'Mark it not done' } : { value: 'done', name: 'Mark it done' },
      ...(status === 'todo' || status === 'skipped' ? [{ value: 'doing' as const, name: 'Start it' }] : []),
      ...(status === 'skipped' ? [] : [{ value: 'skipped' as const, name: 'Skip it' }]),
      ...(status === 'doing' || status === 'skipped' ? [{ value: 'todo' as const, name: 'Back to not started' }] : []),
      { value: 'note', name: 'Add a note' },
      ...(link === undefined ? [] : [{ value: 'open' as const, name: `Open link (${clean(new URL(link).host)})` }]),
      { value: 'back', name: 'Go back' },
    ];
    const action = await orBack(
      io.prompter.select<TopicAction>(
        `What now with ${id} (${statusLabel(status)})? · ${overall(ctx, progress, io)}`,
        actions,
      ),
      'back' as const,
    );
    if (action === 'back') return;
    if (action === 'note') {
      await addNote(ctx, io, id);
      continue;
    }
    if (action === 'open') {
      io.out(await openForMenu(link!, io.env!, io.style));
      continue;
    }
    await markAsShown(ctx, io, { id, key: item.key, title: item.title }, status, action);
    return;
  }
}

/** Asks for a note and saves it as `roadmap note ID "text"` does; an empty answer, or Escape, saves nothing. */
async function addNote(ctx: Context, io: MenuIo, id: string): Promise<void> {
  const text = await orBack(io.prompter.input(`Note on ${id} (Enter saves it, Escape goes back):`), '');
  if (text.trim() === '') {
    io.out('No note added.\n');
    return;
  }
  const added = await orRefusal(io, () => note(ctx, id, { kind: 'add', text: { from: 'words', text } }));
  if (added) io.out(renderNote(added, io.style, ctx.zone));
}

/**
 * Sets one item's status, unless it changed since its screen was drawn (another
 * `roadmap` may have run meanwhile): acting on what the screen showed could undo
 * that change, so the person is told instead, and nothing is saved.
 */
async function markAsShown(
  ctx: Context,
  io: MenuIo,
  item: { readonly id: string; readonly key: string; readonly title: string },
  shown: Status,
  to: Status,
): Promise<void> {
  const saved = await saveStatuses(ctx, (seen) => {
    const found = statusOf(seen, item.key);
    return { groups: found === shown ? [{ keys: [item.key], status: to }] : [], result: found };
  });
  const found = saved.result;
  if (found !== shown) {
    const name = `${item.id} "${clean(item.title)}"`;
    io.out(
      found === to
        ? `${name} was already ${statusLabel(found)}; nothing changed.\n`
        : `${io.style.yellow(`${name} is ${statusLabel(found)} now`)} (changed since this screen was shown); nothing was changed.\n`,
    );
  }
  const tallied = roadmapTally(ctx.roadmap, saved.progress);
  io.out(changesText(saved.changes, refsByKey(ctx), tallied, io.style, { sayIfNothing: found === shown }));
}

async function browse(ctx: Context, io: MenuIo): Promise<void> {
  const chapters = chaptersOf(ctx.roadmap.parts);
  let last: string | undefined;
  for (;;) {
    const progress = freshProgress(ctx);
    const choices: Choice<string>[] = chapters.map((chapter) => {
      const t = tally(chapter.items, progress);
      return {
        value: chapter.id,
        name: chapterChoiceName(chapter, t, io.style),
        short: chapterName(chapter),
        ...(t.total === 0 ? { disabled: '(no topics)' } : {}),
      };
    });
    const choice = await orBack(
      io.prompter.select<string | null>(
        `Browse: choose a part · ${overall(ctx, progress, io)}`,
        [...choices, { value: null, name: 'Go back' }],
        last === undefined ? {} : { default: last },
      ),
      null,
    );
    if (choice === null) return;
    last = choice;
    await tickChapter(
      ctx,
      io,
      chapters.find((c) => c.id === choice)!,
    );
  }
}

/**
 * A chapter's topics as a checklist, the finished ones ticked; saves exactly what
 * was changed. A checklist has no "Go back" line (it would be ticked, not chosen):
 * Escape, named in its key help, leaves it unsaved.
 */
async function tickChapter(ctx: Context, io: MenuIo, chapter: Chapter): Promise<void> {
  const progress = freshProgress(ctx);
  const topics = topicsOf(chapter.items);
  const wasDone = new Set(topics.filter((t) => statusOf(progress, t.key) === 'done').map((t) => t.key));
  const ticked = await orBack(
    io.prompter.checkbox<string>(
      checklistMessage('', chapter, tally(chapter.items, progress), roadmapTally(ctx.roadmap, progress), io.style),
      topicChoices(chapter.items, progress, (topic) => wasDone.has(topic.key)),
    ),
    undefined,
  );
  if (ticked === undefined) return;
  const nowDone = new Set(ticked);
  const saved = await saveStatuses(ctx, () => ({
    groups: [
      { keys: [...nowDone].filter((k) => !wasDone.has(k)), status: 'done' },
      { keys: [...wasDone].filter((k) => !nowDone.has(k)), status: 'todo' },
    ],
    result: undefined,
  }));
  io.out(changesText(saved.changes, refsByKey(ctx), roadmapTally(ctx.roadmap, saved.progress), io.style));
}

/** Checkbox choices for the topics under `scope`, each named with its section. */
function topicChoices(
  scope: readonly Item[],
  progress: Progress,
  checked: (topic: Item) => boolean,
  include: (topic: Item) => boolean = () => true,
): Choice<string>[] {
  const choices: Choice<string>[] = [];
  walk(scope, (item, ancestors) => {
    if (item.kind !== 'topic' || !include(item)) return;
    const section = ancestors.length > 1 ? ancestors.at(-1)! : undefined;
    choices.push({
      value: item.key,
      name: topicChoiceName(item, statusOf(progress, item.key)),
      short: item.id,
      checked: checked(item),
      ...(section ? { description: `${section.id} ${clean(section.title)}` } : {}),
    });
  });
  return choices;
}

/** Find: a search over every topic as you type; a chosen topic's screen returns here. */
async function find(ctx: Context, io: MenuIo): Promise<void> {
  for (;;) {
    const progress = freshProgress(ctx);
    const entries: FindEntry[] = [];
    walk(ctx.roadmap.parts, (item, ancestors) => {
      if (item.kind !== 'topic') return;
      const where = ancestors.map((a) => `${a.id} ${a.title}`).join(' › ');
      entries.push({
        id: item.id,
        label: topicChoiceName(item, statusOf(progress, item.key), { ticked: false }),
        where,
        haystack: `${item.id} ${item.title} ${where}`.toLowerCase(),
      });
    });
    const id = await orBack(
      io.prompter.search<string>(
        `Find a topic (type an ID or part of a title) · ${overall(ctx, progress, io)}`,
        (term) => findChoices(entries, term),
      ),
      '',
    );
    if (id === '') return;
    await topicScreen(ctx, io, id, 'Found');
  }
}

interface FindEntry {
  readonly id: string;
  readonly label: string;
  readonly where: string;
  readonly haystack: string;
}

/**
 * The topics holding every word typed. A typed ID comes first, then the IDs
 * under it (so `6.1` finds 6.1.1 before 2.2.6.1, and `1` finds 1.1 before 10.1),
 * then the rest in document order. "Go back" ends the list, as it ends every list.
 */
export function findChoices(entries: readonly FindEntry[], term: string): Choice<string>[] {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  const typed = words.length === 1 ? words[0]! : undefined;
  const rank = (e: FindEntry): number =>
    e.id === typed ? 0 : typed !== undefined && e.id.startsWith(`${typed}.`) ? 1 : 2;
  const found = entries
    .filter((e) => words.every((w) => e.haystack.includes(w)))
    .sort((a, b) => rank(a) - rank(b))
    .map((e) => ({ value: e.id, name: e.label, short: e.id, description: clean(e.where) }));
  if (found.length === 0 && words.length > 0)
    return [{ value: '', name: `Go back (nothing matches "${clean(term.trim())}")`, short: 'Go back' }];
  return [...found, { value: '', name: 'Go back', short: 'Go back' }];
}

async function projectsScreen(ctx: Context, io: MenuIo): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const progress = freshProgress(ctx);
    const list = projectReadiness(ctx.roadmap, progress);
    const choice = await orBack(
      io.prompter.select<string>(
        `Projects: how ready you are for each · ${overall(ctx, progress, io)}`,
        [
          ...list.map((entry) => ({
            value: entry.project.id,
            name: projectChoiceName(entry, io.style),
            short: entry.project.id,
          })),
          { value: '', name: 'Go back' },
        ],
        last === undefined ? {} : { default: last },
      ),
      '',
    );
    if (choice === '') return;
    last = choice;
    const detail = projectDetail(ctx, choice);
    io.out(`\n${renderProjectDetail(detail, io.style, io.columns, ctx.zone)}`);
    const built = detail.entry.status === 'done';
    const action = await orBack(
      io.prompter.select<'done' | 'todo' | 'back'>(
        `${choice} ${clean(detail.entry.project.title)} · ${detail.entry.tally.percent}% ready · ${overall(ctx, progress, io)}`,
        [
          built ? { value: 'todo', name: 'Mark it not built' } : { value: 'done', name: 'Mark it built (done)' },
          { value: 'back', name: 'Go back' },
        ],
      ),
      'back' as const,
    );
    const { project, status } = detail.entry;
    if (action !== 'back') await markAsShown(ctx, io, project, status, action);
  }
}

/**
 * Review: the topics due for spaced review; one chosen is shown (its links, to go
 * over it again), then recorded as `roadmap review ID` records it. With none due,
 * what `roadmap review` says (when the next are due), and back to the main menu.
 */
async function reviewScreen(ctx: Context, io: MenuIo): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const progress = freshProgress(ctx);
    const list = reviews(ctx);
    if (list.due.length === 0) {
      io.out(`\n${renderReviews(list, { style: io.style, zone: ctx.zone, columns: io.columns })}`);
      return;
    }
    const id = await orBack(
      io.prompter.select<string>(
        `Due for review (${list.due.length}) · ${overall(ctx, progress, io)}`,
        [
          ...list.due.map((r) => ({
            value: r.id,
            name: clean(`${r.id}  ${r.title}`),
            short: r.id,
            description: reviewDescription(r, ctx.zone),
          })),
          { value: '', name: 'Go back' },
        ],
        last !== undefined && list.due.some((r) => r.id === last) ? { default: last } : {},
      ),
      '',
    );
    if (id === '') return;
    last = id;
    await reviewTopic(
      ctx,
      io,
      list.due.find((r) => r.id === id)!,
    );
  }
}

/**
 * One due topic: shown in full, then recorded as reviewed with how it went (the
 * grade FSRS schedules its next review from), or not.
 */
async function reviewTopic(ctx: Context, io: MenuIo, due: ReviewItem): Promise<void> {
  const { progress } = showTopic(ctx, io, due.id, reviewHeading(due));
  const grade = await orBack(
    io.prompter.select<Grade | 'back'>(
      `Went over ${due.id} again: how well did you remember it? · ${overall(ctx, progress, io)}`,
      [...GRADE_CHOICES, { value: 'back', name: 'Go back' }],
      { default: 'good' },
    ),
    'back' as const,
  );
  if (grade === 'back') return;
  const recorded = await orRefusal(io, () => recordReview(ctx, due.id, undefined, grade));
  if (recorded) io.out(renderReviewDone(recorded, io.style, ctx.zone));
}

/** Stats: what `roadmap stats` shows, then the main menu again. */
function statsScreen(ctx: Context, io: MenuIo): Promise<void> {
  freshProgress(ctx);
  io.out(`\n${renderStats(stats(ctx, { weeks: STATS_WEEKS }), io.style, ctx.zone)}`);
  return Promise.resolve();
}

/** Undo: what `roadmap undo --dry-run` shows, then a yes before anything is reverted. */
async function undoScreen(ctx: Context, io: MenuIo): Promise<void> {
  let preview: UndoResult;
  try {
    preview = await undo(ctx, 1, true);
  } catch (error) {
    // "Nothing to undo" (and why) is said, and the menu goes on.
    if (!(error instanceof CliError) || error instanceof Interrupted) throw error;
    io.out(`\n${io.style.yellow(clean(error.message))}\n`);
    return;
  }
  io.out(`\n${renderUndo(preview, io.style, ctx.zone)}`);
  const action = await orBack(
    io.prompter.select<'undo' | 'back'>('Undo it?', [
      { value: 'undo', name: 'Undo it' },
      { value: 'back', name: 'Go back' },
    ]),
    'back' as const,
  );
  if (action === 'back') return;
  const done = await orRefusal(io, () => undo(ctx, 1, false));
  if (done) io.out(renderUndo(done, io.style, ctx.zone));
}

/** `roadmap done` without a REF: tick the finished topics of the part being studied. */
export async function pickDone(ctx: Context, io: MenuIo): Promise<void> {
  const upNext = upNextOrDone(ctx, io);
  if (!upNext) return;
  const { progress } = upNext;
  const chapter = chaptersOf(ctx.roadmap.parts).find((c) =>
    c.items.some((item) => item.id === upNext.id || upNext.id.startsWith(`${item.id}.`)),
  )!;
  const ticked = await io.prompter.checkbox<string>(
    checklistMessage(
      'Which did you finish? ',
      chapter,
      tally(chapter.items, progress),
      roadmapTally(ctx.roadmap, progress),
      io.style,
    ),
    topicChoices(
      chapter.items,
      progress,
      () => false,
      (topic) => statusOf(progress, topic.key) !== 'done',
    ),
  );
  const saved = await saveStatuses(ctx, () => ({ groups: [{ keys: ticked, status: 'done' }], result: undefined }));
  io.out(changesText(saved.changes, refsByKey(ctx), roadmapTally(ctx.roadmap, saved.progress), io.style));
}
