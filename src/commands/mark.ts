/**
 * `done`, `undone`, `start` and `skip`: set the status of topics, sections, parts
 * or projects. Starting or skipping a section or part leaves its done topics done.
 */
import type { Status } from '../core/model.js';
import {
  applyChanges,
  roadmapTally,
  statusChanges,
  statusOf,
  withFileMarks,
  type Progress,
  type StatusChange,
  type Tally,
} from '../core/progress.js';
import { keysOf, type Target } from '../core/refs.js';
import { topicsOf } from '../core/tree.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';
import { nextOf, type NextResult } from './next.js';
import { resolveAll } from './resolve.js';
import { refOf, type Ref } from './views.js';

export interface MarkResult {
  readonly status: Status;
  readonly changed: readonly (Ref & { readonly from: Status })[];
  /** REFs that were already in that status (or, for start and skip, done), so nothing changed for them. */
  readonly unchanged: readonly (Ref & { readonly status: Status })[];
  readonly tally: Tally;
  readonly next: NextResult;
}

export async function mark(ctx: Context, refs: readonly string[], status: Status): Promise<MarkResult> {
  if (refs.length === 0) throw new UsageError('name at least one topic, section, part or project (see "roadmap list")');
  const { roadmap } = ctx;
  const targets = resolveAll(roadmap, refs);
  const titles = new Map<string, Ref>();
  for (const topic of topicsOf(roadmap.parts)) titles.set(topic.key, refOf(topic));
  for (const project of roadmap.projects) titles.set(project.key, refOf(project));

  const at = ctx.now().toISOString();
  let changes: StatusChange[] = [];
  let unchanged: MarkResult['unchanged'] = [];
  const saved = await ctx.store.update(ctx.roadmapId, (current) => {
    const seen = withFileMarks(roadmap, current.items);
    const keys = (t: Target): string[] => keysToMark(t, status, seen);
    changes = statusChanges(seen, targets.flatMap(keys), status, at).changes;
    unchanged = targets
      .filter((t) => keys(t).every((k) => statusOf(seen, k) === status))
      .map((t) => ({
        ...refOf(t.type === 'project' ? t.project : t.item),
        status: keys(t).length === 0 ? 'done' : status,
      }));
    if (changes.length === 0) return undefined;
    return {
      ...current,
      items: applyChanges(current.items, changes),
      history: [...current.history, ...changes],
      ...(ctx.source === undefined ? {} : { source: ctx.source }),
    };
  });
  const progress = withFileMarks(roadmap, saved.items);
  return {
    status,
    changed: changes.map((c) => ({ ...titles.get(c.key)!, from: c.from })),
    unchanged,
    tally: roadmapTally(roadmap, progress),
    next: nextOf(roadmap, saved, 1, ctx.invocation, ctx.now()),
  };
}

/**
 * The keys a target's new status applies to. Starting or skipping a whole
 * section or part does not take back what is done: its done topics stay done.
 * A topic named on its own always gets the status.
 */
function keysToMark(target: Target, status: Status, seen: Progress): string[] {
  const keys = keysOf(target);
  const whole = target.type === 'item' && target.item.kind !== 'topic';
  if (!whole || (status !== 'doing' && status !== 'skipped')) return keys;
  return keys.filter((key) => statusOf(seen, key) !== 'done');
}
