/** `done`, `undone` and `reset`: set the status of topics, sections, parts or projects. */
import type { Status } from '../core/model.js';
import {
  applyChanges,
  roadmapTally,
  statusChanges,
  withFileMarks,
  type Progress,
  type StatusChange,
  type Tally,
} from '../core/progress.js';
import { keysOf } from '../core/refs.js';
import { topicsOf } from '../core/tree.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';
import { nextOf, type NextResult } from './next.js';
import { resolveAll } from './resolve.js';
import { refOf, type Ref } from './views.js';

export interface MarkResult {
  readonly status: Status;
  readonly changed: readonly (Ref & { readonly from: Status })[];
  /** REFs that were already in that status, so nothing changed for them. */
  readonly unchanged: readonly Ref[];
  readonly tally: Tally;
  readonly next: NextResult;
}

/** What one locked save changed, and the progress it left. */
export interface Saved {
  readonly changes: readonly StatusChange[];
  readonly progress: Progress;
}

/**
 * Sets each group's keys to its status in one locked read-modify-write, so that
 * a set of changes lands whole or not at all. Keys already in the status (as the
 * learner sees it, file marks included) are left alone and not recorded.
 */
export async function saveStatuses(
  ctx: Context,
  groups: readonly { readonly keys: readonly string[]; readonly status: Status }[],
): Promise<Saved> {
  const at = ctx.now().toISOString();
  let changes: StatusChange[] = [];
  const saved = await ctx.store.update(ctx.roadmapId, (current) => {
    const seen = withFileMarks(ctx.roadmap, current.items);
    changes = groups.flatMap((group) => statusChanges(seen, group.keys, group.status, at).changes);
    if (changes.length === 0) return undefined;
    return {
      ...current,
      items: applyChanges(current.items, changes),
      history: [...current.history, ...changes],
      ...(ctx.source === undefined ? {} : { source: ctx.source }),
    };
  });
  return { changes, progress: withFileMarks(ctx.roadmap, saved.items) };
}

/** Item and project titles by key, for reporting changes. */
export function refsByKey(ctx: Context): Map<string, Ref> {
  const titles = new Map<string, Ref>();
  for (const topic of topicsOf(ctx.roadmap.parts)) titles.set(topic.key, refOf(topic));
  for (const project of ctx.roadmap.projects) titles.set(project.key, refOf(project));
  return titles;
}

export async function mark(ctx: Context, refs: readonly string[], status: Status): Promise<MarkResult> {
  if (refs.length === 0) throw new UsageError('name at least one topic, section, part or project (see "roadmap list")');
  const targets = resolveAll(ctx.roadmap, refs);
  return markKeys(
    ctx,
    targets.map((t) => ({ ref: refOf(t.type === 'project' ? t.project : t.item), keys: keysOf(t) })),
    status,
  );
}

/** Marks resolved targets, reporting each as changed (per key) or as already in that status. */
export async function markKeys(
  ctx: Context,
  targets: readonly { readonly ref: Ref; readonly keys: readonly string[] }[],
  status: Status,
): Promise<MarkResult> {
  const { changes, progress } = await saveStatuses(ctx, [{ keys: targets.flatMap((t) => t.keys), status }]);
  const changedKeys = new Set(changes.map((c) => c.key));
  const titles = refsByKey(ctx);
  return {
    status,
    changed: changes.map((c) => ({ ...titles.get(c.key)!, from: c.from })),
    // A target none of whose keys changed was already in that status.
    unchanged: targets.filter((t) => !t.keys.some((k) => changedKeys.has(k))).map((t) => t.ref),
    tally: roadmapTally(ctx.roadmap, progress),
    next: nextOf(ctx.roadmap, progress, 1, ctx.invocation),
  };
}
