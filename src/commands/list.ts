import type { Detail, Item, ItemKind, Status } from '../core/model.js';
import { itemStatus, roadmapTally, tally, type Progress, type Tally } from '../core/progress.js';
import type { Note } from '../core/state.js';
import { UsageError } from '../errors.js';
import { progressOf, type Context } from './context.js';
import { resolveOrThrow } from './resolve.js';
import { notesOf } from './views.js';

export interface ListNode {
  readonly id: string;
  readonly kind: ItemKind;
  readonly title: string;
  readonly label?: string;
  /** The rest of a long title; a table row's other cells. */
  readonly description?: string;
  readonly details: readonly Detail[];
  readonly status: Status;
  /** Progress of a part or section (absent on topics). */
  readonly tally?: Tally;
  /** The learner's notes on the item, oldest first. */
  readonly notes: readonly Note[];
  readonly children: readonly ListNode[];
}

export interface ListResult {
  /** The roadmap's title, or the item the listing is scoped to. */
  readonly title: string | { readonly id: string; readonly kind: ItemKind; readonly title: string };
  readonly tally: Tally;
  readonly nodes: readonly ListNode[];
}

export interface ListOptions {
  readonly ref?: string | undefined;
  /** Hide finished items. */
  readonly todo?: boolean | undefined;
  /** Levels shown, counting the top of the listing as 1. */
  readonly depth?: number | undefined;
}

export function list(ctx: Context, options: ListOptions): ListResult {
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
    title = { id: target.item.id, kind: target.item.kind, title: target.item.title };
  }
  const depth = options.depth ?? Number.POSITIVE_INFINITY;
  const build = (items: readonly Item[], level: number): ListNode[] =>
    items
      .map((item) =>
        node(item, progress, notesOf(notes, item.key), level < depth ? build(item.children, level + 1) : []),
      )
      .filter((n) => !options.todo || n.status !== 'done');
  return {
    title,
    tally: options.ref === undefined ? roadmapTally(roadmap, progress) : tally(top, progress),
    nodes: build(top, 1),
  };
}

function node(item: Item, progress: Progress, notes: readonly Note[], children: ListNode[]): ListNode {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    ...(item.label ? { label: item.label } : {}),
    ...(item.description ? { description: item.description } : {}),
    details: item.details ?? [],
    status: itemStatus(item, progress),
    ...(item.kind === 'topic' ? {} : { tally: tally([item], progress) }),
    notes,
    children,
  };
}
