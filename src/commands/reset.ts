/** `reset [REF]`: what would be cleared, the question asked before clearing it, and the clearing. */
import { statusOf } from '../core/progress.js';
import { keysOf } from '../core/refs.js';
import { topicsOf } from '../core/tree.js';
import { clean } from '../core/text.js';
import { UsageError } from '../errors.js';
import type { Prompter } from '../io/prompts.js';
import { savedProgress, type Context } from './context.js';
import { renderNothingToReset, renderStatusChange } from '../render/set-status.js';
import {
  setKeysStatus,
  statusChangeJson,
  statusChangeResult,
  type StatusChangeJson,
  type StatusChangeResult,
} from './set-status.js';
import { defineCommand, type Invocation } from './spec.js';
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
function resetPlan(ctx: Context, ref: string | undefined): ResetPlan {
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
  const { progress } = savedProgress(ctx);
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

type ResetOutcome =
  | { readonly kind: 'reset'; readonly result: StatusChangeResult }
  | { readonly kind: 'nothing'; readonly what: string; readonly result: StatusChangeResult }
  | { readonly kind: 'declined' };

/**
 * Clears REF's progress (or the whole roadmap's) after asking, unless `yes`.
 * Nothing to clear is nothing to confirm, at a terminal or in a script, and
 * nothing is written; where there is something and no one can be asked, it is
 * a usage error and nothing is saved. `prompter` is called only when a
 * question is really needed.
 */
export async function reset(
  ctx: Context,
  ref: string | undefined,
  options: { readonly yes: boolean; readonly prompter: () => Prompter | undefined },
): Promise<ResetOutcome> {
  const plan = resetPlan(ctx, ref);
  if (plan.affected === 0) {
    // Read, not saved: nothing to clear takes no lock and creates no folder.
    const { state, progress } = savedProgress(ctx);
    return { kind: 'nothing', what: plan.what, result: statusChangeResult(ctx, 'todo', [], [], state, progress) };
  }
  if (!options.yes) {
    const prompter = options.prompter();
    if (!prompter) {
      throw new UsageError(
        `reset asks before it clears progress, and cannot ask here; run "roadmap reset${ref === undefined ? '' : ` ${ref}`} --yes" to clear it without asking`,
      );
    }
    if (!(await prompter.confirm(plan.question))) return { kind: 'declined' };
  }
  return { kind: 'reset', result: await setKeysStatus(ctx, plan.targets, 'todo') };
}

export const resetCommand = defineCommand({
  name: 'reset',
  summary: 'clear progress: every topic and project, or only REF (asks first; --yes for scripts)',
  schema: 'mark',
  args: [{ name: 'ref', description: 'a topic, section, part or project; without it, the whole roadmap' }],
  options: [{ flags: '-y, --yes', description: 'do not ask for confirmation' }],
  examples: ['roadmap reset 2', 'roadmap reset', 'roadmap reset --yes 1.1'],
  run: async ({
    args,
    options,
    session,
    prompter,
  }: Invocation<{ readonly ref?: string }, { readonly yes?: boolean }>) =>
    reset(await session.context(), args.ref, { yes: options.yes === true, prompter }),
  text: (outcome, { style }) =>
    outcome.kind === 'reset'
      ? renderStatusChange(outcome.result, style)
      : outcome.kind === 'nothing'
        ? renderNothingToReset(outcome.what)
        : '',
  notice: (outcome) => (outcome.kind === 'declined' ? 'Nothing was reset.\n' : undefined),
  json: (outcome): StatusChangeJson<'reset'> | undefined =>
    outcome.kind === 'declined' ? undefined : statusChangeJson(outcome.result, 'reset'),
});
