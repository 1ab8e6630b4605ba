import { sumOf, totalEstimate, type EstimateTotal } from '../core/estimates.js';
import type { Detail, Item, ItemKind, Status } from '../core/model.js';
import { itemStatus, roadmapTally, tally, type Progress, type Tally } from '../core/progress.js';
import type { Note } from '../core/state.js';
import { UsageError } from '../errors.js';
import {
  detailsJson,
  document,
  notesJson,
  progressJson,
  refJson,
  type DetailJson,
  type DocumentHead,
  type NoteJson,
  type ProgressJson,
  type RefJson,
} from '../render/json.js';
import { estimateJson, estimateTotalJson, type EstimateJson, type EstimateTotalJson } from '../render/estimate.js';
import { renderList, renderPlain } from '../render/list.js';
import { progressOf, type Context } from './context.js';
import { resolveOrThrow } from './resolve.js';
import { defineCommand, type Invocation } from './spec.js';
import { notesOf } from './views.js';

export interface ListNode {
  readonly id: string;
  readonly key: string;
  readonly kind: ItemKind;
  readonly title: string;
  readonly label?: string;
  /** The rest of a long title; a table row's other cells. */
  readonly description?: string;
  readonly details: readonly Detail[];
  readonly status: Status;
  /** Progress of a part or section (absent on topics). */
  readonly tally?: Tally;
  /** The item's own estimate, in minutes. */
  readonly estimate?: number;
  /** Its own estimate, or what is below it added up (core/estimates.ts); absent when there is none. */
  readonly total?: EstimateTotal;
  /** The learner's notes on the item, oldest first. */
  readonly notes: readonly Note[];
  readonly children: readonly ListNode[];
}

export interface ListResult {
  /** The roadmap's title, or the item the listing is scoped to. */
  readonly title:
    string | { readonly id: string; readonly key: string; readonly kind: ItemKind; readonly title: string };
  readonly tally: Tally;
  /** The estimate of everything listed. */
  readonly total?: EstimateTotal;
  readonly nodes: readonly ListNode[];
}

export interface ListScope {
  readonly ref?: string | undefined;
  /** Hide finished items. */
  readonly todo?: boolean | undefined;
  /** Levels shown, counting the top of the listing as 1. */
  readonly depth?: number | undefined;
  /** Only items with these statuses (and the parts and sections above them). */
  readonly status?: ReadonlySet<Status> | undefined;
}

const STATUS_WORDS: readonly Status[] = ['todo', 'doing', 'done', 'skipped'];

/**
 * `--status todo,doing`: a comma list of statuses. "started" is read as doing,
 * the word the `start` command and the text output use.
 */
export function statusesOf(text: string): ReadonlySet<Status> {
  const words = text.split(',').map((w) => w.trim().toLowerCase());
  const wrong = words.filter((w) => w !== 'started' && !(STATUS_WORDS as readonly string[]).includes(w));
  if (wrong.length > 0 || words.length === 0) {
    throw new UsageError(
      `--status takes ${STATUS_WORDS.join(', ')} (or several, comma-separated), not "${wrong[0] ?? text}"`,
    );
  }
  return new Set(words.map((w) => (w === 'started' ? 'doing' : (w as Status))));
}

export function list(ctx: Context, options: ListScope): ListResult {
  const { roadmap } = ctx;
  const progress = progressOf(ctx);
  const { notes } = ctx.store.read(ctx.roadmapId);
  let top: readonly Item[] = roadmap.parts;
  let title: ListResult['title'] = roadmap.title;
  if (options.ref !== undefined) {
    const target = resolveOrThrow(roadmap, options.ref);
    if (target.type === 'project') {
      throw new UsageError(`${target.project.id} is a project; see it with "roadmap project ${target.project.id}"`);
    }
    top = [target.item];
    title = { id: target.item.id, key: target.item.key, kind: target.item.kind, title: target.item.title };
  }
  const depth = options.depth ?? Number.POSITIVE_INFINITY;
  const { status } = options;
  // An item of another status stays when something below it is shown: where it sits.
  const shown = (n: ListNode): boolean =>
    !(options.todo && n.status === 'done') && (!status || status.has(n.status) || n.children.length > 0);
  const build = (items: readonly Item[], level: number): ListNode[] =>
    items
      .map((item) =>
        node(item, progress, notesOf(notes, item.key), level < depth ? build(item.children, level + 1) : []),
      )
      .filter(shown);
  const total = options.ref === undefined ? sumOf(top) : totalEstimate(top[0]!);
  return {
    title,
    tally: options.ref === undefined ? roadmapTally(roadmap, progress) : tally(top, progress),
    ...(total ? { total } : {}),
    nodes: build(top, 1),
  };
}

function node(item: Item, progress: Progress, notes: readonly Note[], children: ListNode[]): ListNode {
  const total = totalEstimate(item);
  return {
    id: item.id,
    key: item.key,
    kind: item.kind,
    title: item.title,
    ...(item.label ? { label: item.label } : {}),
    ...(item.description ? { description: item.description } : {}),
    details: item.details ?? [],
    status: itemStatus(item, progress),
    ...(item.kind === 'topic' ? {} : { tally: tally([item], progress) }),
    ...(item.estimate !== undefined ? { estimate: item.estimate } : {}),
    ...(total ? { total } : {}),
    notes,
    children,
  };
}

export interface ListNodeJson extends RefJson, EstimateJson {
  readonly kind: ItemKind;
  readonly label: string | null;
  readonly description: string | null;
  readonly details: DetailJson[];
  readonly status: Status;
  readonly progress: ProgressJson | null;
  readonly notes: NoteJson[];
  readonly children: ListNodeJson[];
}

export interface ListJson extends DocumentHead<'list'> {
  readonly scope: RefJson | null;
  readonly progress: ProgressJson;
  readonly estimateTotal: EstimateTotalJson | null;
  readonly items: ListNodeJson[];
}

const nodeJson = (n: ListNode): ListNodeJson => ({
  ...refJson(n),
  kind: n.kind,
  label: n.label ?? null,
  description: n.description ?? null,
  details: detailsJson(n.details),
  status: n.status,
  progress: n.tally ? progressJson(n.tally) : null,
  ...estimateJson(n.estimate, n.total),
  notes: notesJson(n.notes),
  children: n.children.map(nodeJson),
});

function listJson(result: ListResult): ListJson {
  // The roadmap's title is in every document's `roadmap` (src/execute.ts); a scope is the item listed.
  const scope = typeof result.title === 'string' ? null : refJson(result.title);
  return document('list', {
    scope,
    progress: progressJson(result.tally),
    estimateTotal: estimateTotalJson(result.total),
    items: result.nodes.map(nodeJson),
  });
}

interface ListOptions {
  readonly todo?: boolean;
  readonly status?: string;
  readonly depth?: number;
  readonly plain?: boolean;
  readonly notes?: boolean;
}

export const listCommand = defineCommand({
  name: 'list',
  summary: 'show the roadmap (or the part or section REF) with status marks and progress bars',
  args: [{ name: 'ref', description: 'an ID (2, 2.3), a slug or part of a title' }],
  options: [
    { flags: '--todo', description: 'hide finished items' },
    {
      flags: '--status <statuses>',
      description: 'only items with these statuses, comma-separated: todo, doing (started), done, skipped',
    },
    { flags: '--depth <levels>', description: 'show this many levels (1 = parts only)', count: {} },
    {
      flags: '--plain',
      description: 'one line per item: ID, status, title and kind (part, section, topic), tab-separated, for scripts',
    },
    { flags: '--notes', description: 'show your notes under each item' },
  ],
  examples: [
    'roadmap list',
    'roadmap list 2',
    'roadmap list --depth 2',
    'roadmap list --todo 3',
    'roadmap list --notes',
    'roadmap list --status doing,skipped',
    "roadmap list --plain | awk -F'\\t' '$2 == \"todo\"'",
  ],
  help: 'Marks: [x] done, [~] started or partly done, [ ] to do, [-] skipped. "~2h": an estimate; "~12h+": a total some topics have none for (docs/estimates.md).',
  fast: {},
  run: async ({ args, options, session }: Invocation<{ readonly ref?: string }, ListOptions>) =>
    list(await session.context(), {
      ref: args.ref,
      todo: options.todo,
      depth: options.depth,
      status: options.status === undefined ? undefined : statusesOf(options.status),
    }),
  text: (result, { style, zone, options }) =>
    options.plain ? renderPlain(result) : renderList(result, style, { notes: options.notes === true, zone }),
  json: listJson,
});
