/**
 * The one way a command changes a roadmap's saved progress: a pure change from
 * the state on disk (read under the lock) to the new state and the command's
 * result. It stamps the roadmap's source, records the change in the journal
 * (so `roadmap undo` can revert it) and computes the progress once.
 */
import { appendEntry, diffStates } from '../core/journal.js';
import { withFileMarks, type Progress } from '../core/progress.js';
import type { RoadmapState } from '../core/state.js';
import type { Context } from './context.js';

export interface Change<R> {
  /** The new state; undefined when nothing changes (nothing is written). */
  readonly state?: RoadmapState | undefined;
  readonly result: R;
  /** For an undo: the journal entries it reverts, recorded in its own entry. */
  readonly undoes?: readonly number[];
}

interface Committed<R> {
  readonly result: R;
  /** The state now saved (or, for a dry run, the state that would be). */
  readonly state: RoadmapState;
  /** The progress the learner sees now: the saved statuses over the file's own marks. */
  readonly progress: Progress;
}

/**
 * Runs `change` on the saved state under the lock and saves what it returns,
 * all or nothing. `change` sees the progress as it is on disk now (file marks
 * included); it may throw to refuse, and then nothing is saved. With `dryRun`
 * it runs on the state as read, without the lock, and nothing is saved.
 */
export async function transact<R>(
  ctx: Context,
  change: (current: RoadmapState, progress: Progress) => Change<R>,
  options: { readonly dryRun?: boolean } = {},
): Promise<Committed<R>> {
  let outcome: Change<R> | undefined;
  const apply = (current: RoadmapState): RoadmapState | undefined => {
    outcome = change(current, withFileMarks(ctx.roadmap, current.items));
    if (outcome.state === undefined) return undefined;
    // The file the roadmap came from, so a record can be matched to its file again (src/io/roadmap-identity.ts).
    const state = ctx.source === undefined ? outcome.state : { ...outcome.state, source: ctx.source };
    const delta = diffStates(current, state);
    if (delta === undefined) return state;
    const made = { at: ctx.now().toISOString(), command: ctx.command || 'menu' };
    return {
      ...state,
      journal: appendEntry(current.journal, delta, outcome.undoes ? { ...made, undoes: outcome.undoes } : made),
    };
  };
  let state: RoadmapState;
  if (options.dryRun) {
    const current = ctx.store.read(ctx.roadmapId);
    state = apply(current) ?? current;
  } else {
    state = await ctx.store.update(ctx.roadmapId, apply);
  }
  return { result: outcome!.result, state, progress: withFileMarks(ctx.roadmap, state.items) };
}
