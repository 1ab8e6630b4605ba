/** `done` and `undone`: set the status of topics, sections, parts or projects. */
import type { Status } from '../core/model.js';
import {
  applyChanges,
  roadmapTally,
  statusChanges,
  statusOf,
  withFileMarks,
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

export async function mark(ctx: Context, refs: readonly string[], status: Status): Promise<MarkResult> {
  if (refs.length === 0) throw new UsageError('name at least one topic, section, part or project (see "roadmap list")');
  const { roadmap } = ctx;
  const targets = resolveAll(roadmap, refs);
  const titles = new Map<string, Ref>();
  for (const topic of topicsOf(roadmap.parts)) titles.set(topic.key, refOf(topic));
  for (const project of roadmap.projects) titles.set(project.key, refOf(project));

  const at = ctx.now().toISOString();
  let changes: StatusChange[] = [];
  let unchanged: Ref[] = [];
  const saved = await ctx.store.update(ctx.roadmapId, (current) => {
    const seen = withFileMarks(roadmap, current.items);
    changes = statusChanges(seen, targets.flatMap(keysOf), status, at).changes;
    unchanged = targets
      .filter((t) => keysOf(t).every((k) => statusOf(seen, k) === status))
      .map((t) => refOf(t.type === 'project' ? t.project : t.item));
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
    next: nextOf(roadmap, progress, 1, ctx.invocation),
  };
}
