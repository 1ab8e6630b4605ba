/** `reset [REF]`: what would be cleared, and the question to ask before clearing it. */
import { statusOf, withFileMarks } from '../core/progress.js';
import { keysOf } from '../core/refs.js';
import { topicsOf } from '../core/tree.js';
import { clean } from '../core/text.js';
import type { Context } from './context.js';
import { resolveAll } from './resolve.js';
import { refOf, type Ref } from './views.js';

export interface ResetPlan {
  readonly targets: readonly { readonly ref: Ref; readonly keys: readonly string[] }[];
  /** How many of the keys have progress now (so would change). */
  readonly affected: number;
  /** What REF names, e.g. "Part 2: FastAPI Basics"; without REF, the roadmap's title. */
  readonly what: string;
  readonly question: string;
}

/**
 * Reset sets statuses back to "not started", as `undone` does, recording each
 * change in the history; notes and reviews are kept.
 */
export function resetPlan(ctx: Context, ref: string | undefined): ResetPlan {
  const { roadmap } = ctx;
  const resolved = ref === undefined ? [] : resolveAll(roadmap, [ref]);
  const targets =
    ref === undefined
      ? [
          ...topicsOf(roadmap.parts).map((t) => ({ ref: refOf(t), keys: [t.key] })),
          ...roadmap.projects.map((p) => ({ ref: refOf(p), keys: [p.key] })),
        ]
      : resolved.map((t) => ({
          ref: refOf(t.type === 'project' ? t.project : t.item),
          keys: keysOf(t),
        }));
  const progress = withFileMarks(roadmap, ctx.store.read(ctx.roadmapId).items);
  const affected = targets.flatMap((t) => t.keys).filter((k) => statusOf(progress, k) !== 'todo').length;
  const named = resolved[0];
  // "Reset Part 2: FastAPI Basics", not "Reset 2 FastAPI Basics", which reads like a count.
  const kind = named === undefined ? '' : named.type === 'project' ? 'project' : named.item.kind;
  const what =
    ref === undefined
      ? clean(roadmap.title)
      : kind === 'part'
        ? `Part ${targets[0]!.ref.id}: ${clean(targets[0]!.ref.title)}`
        : `${kind} ${targets[0]!.ref.id} ${clean(targets[0]!.ref.title)}`;
  const items = affected === 1 ? '1 item' : `${affected} items`;
  return {
    targets: ref === undefined ? targets.filter((t) => t.keys.some((k) => statusOf(progress, k) !== 'todo')) : targets,
    affected,
    what,
    question: `Reset ${ref === undefined ? `all progress on ${what}` : what} (${items} with progress) to not started? Notes and history are kept.`,
  };
}
