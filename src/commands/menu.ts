/**
 * The interactive navigator (`roadmap` on a terminal), and the pick list of
 * `roadmap done` without a REF. Every prompt goes through a Prompter (src/io/prompts.ts),
 * every change through the same saves as the commands, and every screen states
 * the progress. Leaving a prompt (Ctrl-C, Escape) throws Interrupted from the
 * Prompter: whatever was on screen is dropped and nothing is saved.
 */
import { dict, own } from '../core/dict.js';
import type { Item, Status } from '../core/model.js';
import { nextTopics, roadmapTally, statusOf, tally, withFileMarks, type Progress } from '../core/progress.js';
import { projectReadiness } from '../core/readiness.js';
import { chaptersOf, placeById, topicsOf, walk, type Chapter } from '../core/tree.js';
import type { Choice, Prompter } from '../io/prompts.js';
import {
  changesText,
  chapterChoiceName,
  chapterName,
  checklistMessage,
  progressLine,
  projectChoiceName,
  statusLabel,
  topicChoiceName,
} from '../render/menu.js';
import { nothingLeft, renderTopic } from '../render/next.js';
import { renderProjectDetail } from '../render/project.js';
import { clean, type Style } from '../render/style.js';
import type { Context } from './context.js';
import { refsByKey, saveStatuses } from './set-status.js';
import { projectDetail } from './project.js';
import { topicView } from './views.js';

export interface MenuIo {
  readonly prompter: Prompter;
  readonly out: (text: string) => void;
  readonly style: Style;
  /** The terminal's columns, which screens fit. */
  readonly columns?: number | undefined;
}

type MainChoice = 'next' | 'browse' | 'find' | 'projects' | 'quit';
type TopicAction = Status | 'back';

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
    const choice: MainChoice = await io.prompter.select<MainChoice>(
      `${clean(ctx.roadmap.title)} · ${progressLine(tallied, io.style)}`,
      [
        { value: 'next', name: `Next up: ${clean(nextTitle)}`, short: 'Next up' },
        { value: 'browse', name: 'Browse parts and tick off topics', short: 'Browse' },
        { value: 'find', name: 'Find a topic', short: 'Find' },
        {
          value: 'projects',
          name: 'Projects',
          ...(ctx.roadmap.projects.length === 0 ? { disabled: '(this roadmap suggests none)' } : {}),
        },
        { value: 'quit', name: 'Quit' },
      ],
      { default: last },
    );
    last = choice;
    if (choice === 'quit') return;
    if (choice === 'next') await nextUp(ctx, io);
    else if (choice === 'browse') await browse(ctx, io);
    else if (choice === 'find') await find(ctx, io);
    else await projectsScreen(ctx, io);
  }
}

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

/** One topic: where it sits, its links, and what to do with it. */
async function topicScreen(ctx: Context, io: MenuIo, id: string, heading: string): Promise<void> {
  const progress = freshProgress(ctx);
  const placed = placeById(ctx.roadmap, id)!;
  const view = topicView(ctx.roadmap, placed, progress, ctx.store.read(ctx.roadmapId).notes);
  // The topic block without its "done?" hint: here the choices below are the way to act.
  io.out(
    `\n${io.style.bold(heading)}\n${renderTopic(view, io.style, ctx.invocation, ctx.zone).slice(0, -1).join('\n')}\n`,
  );
  const status = view.status;
  const actions: Choice<TopicAction>[] = [
    status === 'done' ? { value: 'todo', name: 'Mark it not done' } : { value: 'done', name: 'Mark it done' },
    ...(status === 'todo' || status === 'skipped' ? [{ value: 'doing' as const, name: 'Start it' }] : []),
    ...(status === 'skipped' ? [] : [{ value: 'skipped' as const, name: 'Skip it' }]),
    ...(status === 'doing' || status === 'skipped' ? [{ value: 'todo' as const, name: 'Back to not started' }] : []),
    { value: 'back', name: 'Go back' },
  ];
  const action = await io.prompter.select<TopicAction>(
    `What now with ${id} (${statusLabel(status)})? · ${overall(ctx, progress, io)}`,
    actions,
  );
  if (action === 'back') return;
  await markAsShown(ctx, io, { id, key: placed.item.key, title: placed.item.title }, status, action);
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
    const choice = await io.prompter.select<string | null>(
      `Browse: choose a part · ${overall(ctx, progress, io)}`,
      [...choices, { value: null, name: 'Go back' }],
      last === undefined ? {} : { default: last },
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

/** A chapter's topics as a checklist, the finished ones ticked; saves exactly what was changed. */
async function tickChapter(ctx: Context, io: MenuIo, chapter: Chapter): Promise<void> {
  const progress = freshProgress(ctx);
  const topics = topicsOf(chapter.items);
  const wasDone = new Set(topics.filter((t) => statusOf(progress, t.key) === 'done').map((t) => t.key));
  const ticked = await io.prompter.checkbox<string>(
    checklistMessage('', chapter, tally(chapter.items, progress), roadmapTally(ctx.roadmap, progress), io.style),
    topicChoices(chapter.items, progress, (topic) => wasDone.has(topic.key)),
  );
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
    const id = await io.prompter.search<string>(
      `Find a topic (type an ID or part of a title) · ${overall(ctx, progress, io)}`,
      (term) => findChoices(entries, term),
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
 * then the rest in document order. "Go back" leads an empty search and ends every list.
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
  if (words.length === 0) return [{ value: '', name: 'Go back', short: 'Go back' }, ...found];
  if (found.length === 0)
    return [{ value: '', name: `Go back (nothing matches "${clean(term.trim())}")`, short: 'Go back' }];
  return [...found, { value: '', name: 'Go back', short: 'Go back' }];
}

async function projectsScreen(ctx: Context, io: MenuIo): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const progress = freshProgress(ctx);
    const list = projectReadiness(ctx.roadmap, progress);
    const choice = await io.prompter.select<string>(
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
    );
    if (choice === '') return;
    last = choice;
    const detail = projectDetail(ctx, choice);
    io.out(`\n${renderProjectDetail(detail, io.style, io.columns, ctx.zone)}`);
    const built = detail.entry.status === 'done';
    const action = await io.prompter.select<'done' | 'todo' | 'back'>(
      `${choice} ${clean(detail.entry.project.title)} · ${detail.entry.tally.percent}% ready · ${overall(ctx, progress, io)}`,
      [
        built ? { value: 'todo', name: 'Mark it not built' } : { value: 'done', name: 'Mark it built (done)' },
        { value: 'back', name: 'Go back' },
      ],
    );
    const { project, status } = detail.entry;
    if (action !== 'back') await markAsShown(ctx, io, project, status, action);
  }
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
