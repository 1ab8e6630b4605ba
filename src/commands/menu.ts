/**
 * The interactive navigator (`roadmap` on a terminal), and the pick list of
 * `roadmap done` without a REF. Every prompt goes through a Prompter (src/io/prompts.ts),
 * every change through the same saves as the commands, and every screen states
 * the progress. Leaving a prompt (Ctrl-C, Escape) throws Interrupted from the
 * Prompter: whatever was on screen is dropped and nothing is saved.
 */
import type { Item, Status } from '../core/model.js';
import { nextTopics, roadmapTally, statusOf, tally, withFileMarks, type Progress } from '../core/progress.js';
import { projectReadiness } from '../core/readiness.js';
import { placeById, topicsOf, walk } from '../core/tree.js';
import type { Choice, Prompter } from '../io/prompts.js';
import { renderMark } from '../render/mark.js';
import { changesText, progressLine, statusLabel, topicChoiceName } from '../render/menu.js';
import { renderTopic } from '../render/next.js';
import { renderProjectDetail } from '../render/project.js';
import { bar, clean, type Style } from '../render/style.js';
import type { Context } from './context.js';
import { mark, refsByKey, saveStatuses } from './mark.js';
import { projectDetail } from './project.js';
import { topicView } from './views.js';

export interface MenuIo {
  readonly prompter: Prompter;
  readonly out: (text: string) => void;
  readonly style: Style;
}

type MainChoice = 'next' | 'browse' | 'find' | 'projects' | 'quit';
type TopicAction = Status | 'back';

/** The progress as saved now: the menu runs for minutes, and another roadmap may write meanwhile. */
function freshProgress(ctx: Context): Progress {
  return withFileMarks(ctx.roadmap, ctx.store.reload().roadmaps[ctx.roadmapId]?.items ?? {});
}

export async function runMenu(ctx: Context, io: MenuIo): Promise<void> {
  let last: MainChoice = 'next';
  for (;;) {
    const progress = freshProgress(ctx);
    const [upNext] = nextTopics(ctx.roadmap, progress, 1);
    const nextTitle = upNext ? `${upNext.id} ${placeById(ctx.roadmap, upNext.id)!.item.title}` : 'every topic is done';
    const choice: MainChoice = await io.prompter.select<MainChoice>(
      `${clean(ctx.roadmap.title)} · ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)}`,
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
  io.out(
    `${io.style.green.bold('Every topic is done.')} ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)}\n`,
  );
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
  io.out(`\n${io.style.bold(heading)}\n${renderTopic(view, io.style, ctx.invocation).slice(0, -1).join('\n')}\n`);
  const status = view.status;
  const actions: Choice<TopicAction>[] = [
    status === 'done' ? { value: 'todo', name: 'Mark it not done' } : { value: 'done', name: 'Mark it done' },
    ...(status === 'todo' || status === 'skipped' ? [{ value: 'doing' as const, name: 'Start it' }] : []),
    ...(status === 'skipped' ? [] : [{ value: 'skipped' as const, name: 'Skip it' }]),
    ...(status === 'doing' || status === 'skipped' ? [{ value: 'todo' as const, name: 'Back to not started' }] : []),
    { value: 'back', name: 'Go back' },
  ];
  const action = await io.prompter.select<TopicAction>(
    `What now with ${id} (${statusLabel(status)})? · ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)}`,
    actions,
  );
  if (action === 'back') return;
  io.out(renderMark(await mark(ctx, [id], action), io.style));
}

async function browse(ctx: Context, io: MenuIo): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const progress = freshProgress(ctx);
    const partChoices: Choice<string>[] = ctx.roadmap.parts.map((part) => {
      const t = tally([part], progress);
      return {
        value: part.id,
        name: `${part.id.padStart(2)}  ${bar(t.percent, io.style)} ${String(t.percent).padStart(3)}%  ${clean(part.title)}`,
        short: `Part ${part.id}`,
        ...(t.total === 0 ? { disabled: '(no topics)' } : {}),
      };
    });
    const choice = await io.prompter.select<string>(
      `Browse: choose a part · ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)}`,
      [...partChoices, { value: '', name: 'Go back' }],
      last === undefined ? {} : { default: last },
    );
    if (choice === '') return;
    last = choice;
    await tickPart(
      ctx,
      io,
      ctx.roadmap.parts.find((p) => p.id === choice)!,
    );
  }
}

/** A part's topics as a checklist, the finished ones ticked; saves exactly what was changed. */
async function tickPart(ctx: Context, io: MenuIo, part: Item): Promise<void> {
  const progress = freshProgress(ctx);
  const topics = topicsOf([part]);
  const wasDone = new Set(topics.filter((t) => statusOf(progress, t.key) === 'done').map((t) => t.key));
  const t = tally([part], progress);
  const ticked = await io.prompter.checkbox<string>(
    `Part ${part.id}: ${clean(part.title)} · ${t.done}/${t.total} done · ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)} in all`,
    topicChoices(part, progress, (topic) => wasDone.has(topic.key)),
  );
  const nowDone = new Set(ticked);
  const saved = await saveStatuses(ctx, () => [
    { keys: [...nowDone].filter((k) => !wasDone.has(k)), status: 'done' },
    { keys: [...wasDone].filter((k) => !nowDone.has(k)), status: 'todo' },
  ]);
  io.out(changesText(saved.changes, refsByKey(ctx), roadmapTally(ctx.roadmap, saved.progress), io.style));
}

/** Checkbox choices for the topics under `scope`, each named with its section. */
function topicChoices(
  scope: Item,
  progress: Progress,
  checked: (topic: Item) => boolean,
  include: (topic: Item) => boolean = () => true,
): Choice<string>[] {
  const choices: Choice<string>[] = [];
  walk([scope], (item, ancestors) => {
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

async function find(ctx: Context, io: MenuIo): Promise<void> {
  const progress = freshProgress(ctx);
  const entries: { id: string; label: string; where: string; haystack: string }[] = [];
  walk(ctx.roadmap.parts, (item, ancestors) => {
    if (item.kind !== 'topic') return;
    const where = ancestors.map((a) => `${a.id} ${a.title}`).join(' › ');
    entries.push({
      id: item.id,
      label: topicChoiceName(item, statusOf(progress, item.key)),
      where,
      haystack: `${item.id} ${item.title} ${where}`.toLowerCase(),
    });
  });
  const id = await io.prompter.search<string>(
    `Find a topic (type part of a title) · ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)}`,
    (term) => {
      const words = term.toLowerCase().split(/\s+/).filter(Boolean);
      return entries
        .filter((e) => words.every((w) => e.haystack.includes(w)))
        .map((e) => ({ value: e.id, name: e.label, short: e.id, description: clean(e.where) }));
    },
  );
  await topicScreen(ctx, io, id, 'Found');
}

async function projectsScreen(ctx: Context, io: MenuIo): Promise<void> {
  for (;;) {
    const progress = freshProgress(ctx);
    const list = projectReadiness(ctx.roadmap, progress);
    const choice = await io.prompter.select<string>(
      `Projects: how ready you are for each · ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)}`,
      [
        ...list.map((entry) => ({
          value: entry.project.id,
          name: `${entry.project.id.padEnd(3)} ${bar(entry.tally.percent, io.style)} ${String(entry.tally.percent).padStart(3)}% ready  ${clean(entry.project.title)}${entry.status === 'todo' ? '' : ` (${statusLabel(entry.status)})`}`,
          short: entry.project.id,
        })),
        { value: '', name: 'Go back' },
      ],
    );
    if (choice === '') return;
    const detail = projectDetail(ctx, choice);
    io.out(`\n${renderProjectDetail(detail, io.style)}`);
    const built = detail.entry.status === 'done';
    const action = await io.prompter.select<'done' | 'todo' | 'back'>(
      `${choice} ${clean(detail.entry.project.title)}`,
      [
        built ? { value: 'todo', name: 'Mark it not built' } : { value: 'done', name: 'Mark it built (done)' },
        { value: 'back', name: 'Go back' },
      ],
    );
    if (action !== 'back') io.out(renderMark(await mark(ctx, [choice], action), io.style));
  }
}

/** `roadmap done` without a REF: tick the finished topics of the part being studied. */
export async function pickDone(ctx: Context, io: MenuIo): Promise<void> {
  const upNext = upNextOrDone(ctx, io);
  if (!upNext) return;
  const { progress } = upNext;
  const partId = upNext.id.split('.')[0]!;
  const part = ctx.roadmap.parts.find((p) => p.id === partId)!;
  const t = tally([part], progress);
  const ticked = await io.prompter.checkbox<string>(
    `Which did you finish? Part ${part.id}: ${clean(part.title)} · ${t.done}/${t.total} done · ${progressLine(roadmapTally(ctx.roadmap, progress), io.style)} in all`,
    topicChoices(
      part,
      progress,
      () => false,
      (topic) => statusOf(progress, topic.key) !== 'done',
    ),
  );
  const saved = await saveStatuses(ctx, () => [{ keys: ticked, status: 'done' }]);
  io.out(changesText(saved.changes, refsByKey(ctx), roadmapTally(ctx.roadmap, saved.progress), io.style));
}
