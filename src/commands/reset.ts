/** `reset [REF]`: what would be cleared, the question asked before clearing it, and the clearing. */
import { statusOf, withFileMarks } from '../core/progress.js';
import { keysOf } from '../core/refs.js';
import { topicsOf } from '../core/tree.js';
import { clean } from '../core/text.js';
import { UsageError } from '../errors.js';
import type { Prompter } from '../io/prompts.js';
import type { Context } from './context.js';
import { markKeys, type MarkResult } from './mark.js';
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

export type ResetOutcome =
  | { readonly kind: 'reset'; readonly result: MarkResult }
  | { readonly kind: 'nothing'; readonly what: string }
  | { readonly kind: 'declined' };

/**
 * Clears REF's progress (or the whole roadmap's) after asking, unless `yes`.
 * Nothing to clear is nothing to confirm, at a terminal or in a script; where
 * there is something and no one can be asked, it is a usage error and nothing
 * is saved. `prompter` is called only when a question is really needed.
 */
export async function reset(
  ctx: Context,
  ref: string | undefined,
  options: { readonly yes: boolean; readonly prompter: () => Prompter | undefined },
): Promise<ResetOutcome> {
  const plan = resetPlan(ctx, ref);
  if (plan.affected === 0) return { kind: 'nothing', what: plan.what };
  if (!options.yes) {
    const prompter = options.prompter();
    if (!prompter) {
      throw new UsageError(
        `reset asks before it clears progress, and cannot ask here; run "roadmap reset${ref === undefined ? '' : ` ${ref}`} --yes" to clear it without asking`,
      );
    }
    if (!(await prompter.confirm(plan.question))) return { kind: 'declined' };
  }
  return { kind: 'reset', result: await markKeys(ctx, plan.targets, 'todo') };
}
