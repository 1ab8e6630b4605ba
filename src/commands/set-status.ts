/**
 * What `done`, `undone`, `start`, `skip` and `reset` share: setting the status of
 * topics, sections, parts or projects. Starting or skipping a section or part
 * leaves its done topics done.
 */
import type { Status } from '../core/model.js';
import {
  applyChanges,
  roadmapTally,
  statusChanges,
  statusOf,
  type Progress,
  type StatusChange,
  type Tally,
} from '../core/progress.js';
import { own } from '../core/dict.js';
import { insertByTime } from '../core/journal.js';
import { keysOf, type Target } from '../core/refs.js';
import type { RoadmapState } from '../core/state.js';
import { partsWhere, topicsOf } from '../core/tree.js';
import { UsageError } from '../errors.js';
import { document, progressJson, refJson, type DocumentHead, type ProgressJson, type RefJson } from '../render/json.js';
import { renderStatusChange } from '../render/set-status.js';
import { defineCommand, type ArgumentSpec, type CommandSpec } from './spec.js';
import { AT_OPTION, recordedAt } from './at.js';
import type { Context } from './context.js';
import { nextOf, type NextResult } from './next.js';
import { resolveAll } from './resolve.js';
import { transact } from './transaction.js';
import { refOf, type Ref } from './views.js';

export interface StatusChangeResult {
  readonly status: Status;
  readonly changed: readonly (Ref & { readonly from: Status })[];
  /** REFs that were already in that status (or, for start and skip, done), so nothing changed for them. */
  readonly unchanged: readonly (Ref & { readonly status: Status })[];
  readonly tally: Tally;
  readonly next: NextResult;
}

/** What one locked save changed, the state it left, and what the plan found. */
export interface Saved<R> {
  readonly result: R;
  readonly changes: readonly StatusChange[];
  readonly state: RoadmapState;
  /** The progress the learner sees now (file marks included). */
  readonly progress: Progress;
}

export interface StatusGroup {
  readonly keys: readonly string[];
  readonly status: Status;
}

/** The statuses to set, and what the plan found on disk to report (or undefined). */
export interface StatusPlan<R> {
  readonly groups: readonly StatusGroup[];
  readonly result: R;
}

/**
 * Sets each group's keys to its status in one locked read-modify-write, so that
 * a set of changes lands whole or not at all. `plan` sees the progress as it is
 * on disk now (file marks included). Keys already in their status are left
 * alone and not recorded. `at` (from --at) backdates the changes; the history
 * stays in time order, and a change is never dated before a saved later one.
 */
export async function saveStatuses<R>(
  ctx: Context,
  plan: (seen: Progress) => StatusPlan<R>,
  backdated?: string,
): Promise<Saved<R>> {
  const at = backdated ?? ctx.now().toISOString();
  const { result, state, progress } = await transact(ctx, (current, seen) => {
    const planned = plan(seen);
    const changes = planned.groups.flatMap((group) => statusChanges(seen, group.keys, group.status, at).changes);
    const found = { changes, result: planned.result };
    if (changes.length === 0) return { result: found };
    if (backdated !== undefined) refuseBefore(ctx, current, changes, backdated);
    const history = insertByTime(current.history, changes, (c) => c.at);
    return { state: { ...current, items: applyChanges(current.items, changes), history }, result: found };
  });
  return { changes: result.changes, result: result.result, state, progress };
}

/** A backdated change must come after the item's last saved change, or its history would run backwards. */
function refuseBefore(ctx: Context, current: RoadmapState, changes: readonly StatusChange[], at: string): void {
  for (const change of changes) {
    const saved = own(current.items, change.key);
    if (saved !== undefined && Date.parse(saved.at) > Date.parse(at)) {
      const ref = refsByKey(ctx, new Set([change.key])).get(change.key);
      const name = ref ? `${ref.id} "${ref.title}"` : change.key;
      throw new UsageError(
        `--at ${at} is before the last change of ${name} (${saved.at}); give a time after it, or none`,
      );
    }
  }
}

/**
 * Item and project titles by key, for reporting changes: of the `only` keys if
 * given (reading only the parts that hold them), else of every topic.
 */
export function refsByKey(ctx: Context, only?: ReadonlySet<string>): Map<string, Ref> {
  const titles = new Map<string, Ref>();
  const parts = only ? partsWhere(ctx.roadmap, (_id, key) => only.has(key)) : ctx.roadmap.parts;
  for (const topic of topicsOf(parts)) titles.set(topic.key, refOf(topic));
  for (const project of ctx.roadmap.projects) titles.set(project.key, refOf(project));
  return titles;
}

export async function setStatus(
  ctx: Context,
  refs: readonly string[],
  status: Status,
  at?: string,
): Promise<StatusChangeResult> {
  if (refs.length === 0) throw new UsageError('name at least one topic, section, part or project (see "roadmap list")');
  const targets = resolveAll(ctx.roadmap, refs);
  return markTargets(
    ctx,
    targets.map((t) => ({
      ref: refOf(t.type === 'project' ? t.project : t.item),
      keys: (seen) => keysToMark(t, status, seen),
    })),
    status,
    at,
  );
}

/** Marks every key of each target (reset): targets as `{ ref, keys }`. */
export function setKeysStatus(
  ctx: Context,
  targets: readonly { readonly ref: Ref; readonly keys: readonly string[] }[],
  status: Status,
): Promise<StatusChangeResult> {
  return markTargets(
    ctx,
    targets.map((t) => ({ ref: t.ref, keys: () => t.keys })),
    status,
  );
}

async function markTargets(
  ctx: Context,
  targets: readonly { readonly ref: Ref; readonly keys: (seen: Progress) => readonly string[] }[],
  status: Status,
  at?: string,
): Promise<StatusChangeResult> {
  const saved = await saveStatuses(
    ctx,
    (seen) => {
      const planned = targets.map((t) => ({ ref: t.ref, keys: t.keys(seen) }));
      const unchanged: StatusChangeResult['unchanged'] = planned
        .filter((p) => p.keys.every((k) => statusOf(seen, k) === status))
        // A section left alone by start or skip is left alone because all of it is done.
        .map((p) => ({ ...p.ref, status: p.keys.length === 0 ? 'done' : status }));
      return { groups: [{ keys: planned.flatMap((p) => p.keys), status }], result: unchanged };
    },
    at,
  );
  return statusChangeResult(ctx, status, saved.changes, saved.result, saved.state, saved.progress);
}

/** What a status change reports: the changes by title, the progress now and what comes next. */
export function statusChangeResult(
  ctx: Context,
  status: Status,
  changes: readonly StatusChange[],
  unchanged: StatusChangeResult['unchanged'],
  state: RoadmapState,
  progress: Progress,
): StatusChangeResult {
  const titles = refsByKey(ctx, new Set(changes.map((c) => c.key)));
  return {
    status,
    changed: changes.map((c) => ({ ...titles.get(c.key)!, from: c.from })),
    unchanged,
    tally: roadmapTally(ctx.roadmap, progress),
    next: nextOf(ctx.roadmap, state, 1, ctx.invocation, ctx.now()),
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

/** The JSON document of a status change; `command` is the command that made it. */
export interface StatusChangeJson<C extends string> extends DocumentHead<C> {
  readonly changed: (RefJson & { readonly from: Status; readonly to: Status })[];
  readonly unchanged: (RefJson & { readonly status: Status })[];
  readonly progress: ProgressJson;
  readonly next: RefJson | null;
}

export function statusChangeJson<C extends string>(result: StatusChangeResult, command: C): StatusChangeJson<C> {
  const upNext = result.next.topics[0];
  return document(command, {
    changed: result.changed.map((c) => ({ ...refJson(c), from: c.from, to: result.status })),
    unchanged: result.unchanged.map((u) => ({ ...refJson(u), status: u.status })),
    progress: progressJson(result.tally),
    next: upNext ? refJson(upNext) : null,
  });
}

/** The time --at names (checked against the clock), or undefined without it. */
export const backdate = (ctx: Context, at: string | undefined): string | undefined =>
  at === undefined ? undefined : recordedAt(at, ctx.now());

/** The REFs of done, undone, start and skip. */
export const REFS: ArgumentSpec = {
  name: 'refs',
  description: 'IDs (1.1.1, 2.3, p2), slugs or parts of titles',
  required: true,
  variadic: true,
  missing: (command) =>
    `name at least one topic, section, part or project, such as "roadmap ${command} 1.1.1" (see "roadmap list")`,
};

/** undone, start and skip: set REFs to one status, all of them or none. */
export function setStatusCommand<C extends string>(spec: {
  readonly name: C;
  readonly status: Status;
  readonly summary: string;
  readonly examples: readonly string[];
  readonly help?: string;
  /** Whether the plain form runs on the fast path. */
  readonly fast?: boolean;
}): CommandSpec<
  { readonly refs: readonly string[] },
  { readonly at?: string },
  StatusChangeResult,
  StatusChangeJson<C>
> {
  return defineCommand({
    name: spec.name,
    summary: spec.summary,
    schema: 'mark',
    args: [REFS],
    options: [AT_OPTION],
    examples: spec.examples,
    ...(spec.help === undefined ? {} : { help: spec.help }),
    ...(spec.fast ? { fast: {} } : {}),
    run: async ({ args, options, session }) => {
      const ctx = await session.context();
      return setStatus(ctx, args.refs, spec.status, backdate(ctx, options.at));
    },
    text: (result, { style }) => renderStatusChange(result, style),
    json: (result) => statusChangeJson(result, spec.name),
  });
}
