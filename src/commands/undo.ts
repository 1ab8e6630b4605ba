/**
 * `undo [N]`: reverts the last N recorded changes (one change is one command
 * run), restoring each record exactly as it was, time included, and taking
 * back the history, reviews and notes they added. The undo is recorded too, so
 * undoing it redoes. The journal it reads is src/core/journal.ts.
 */
import { applyDelta, invert, JOURNAL_LIMIT, type JournalEntry } from '../core/journal.js';
import type { Status } from '../core/model.js';
import { roadmapTally, type StatusRecord, type Tally } from '../core/progress.js';
import type { RoadmapState } from '../core/state.js';
import { walk } from '../core/tree.js';
import { CliError, UsageError } from '../errors.js';
import { document, progressJson, type DocumentHead, type ProgressJson } from '../render/json.js';
import { renderUndo } from '../render/undo.js';
import type { Context } from './context.js';
import { countOf, defineCommand, type Invocation } from './spec.js';
import { transact } from './transaction.js';

export interface RevertedRecord {
  readonly key: string;
  /** The item's ID and title, when the roadmap has it. */
  readonly id?: string;
  readonly title?: string;
  /** The record the change left (now taken back); null: it had none. */
  readonly from: StatusRecord | null;
  /** The record restored; null: the item has no record again (not started). */
  readonly to: StatusRecord | null;
}

export interface RevertedChange {
  readonly id: number;
  readonly at: string;
  readonly command: string;
  readonly undoes?: readonly number[];
  readonly records: readonly RevertedRecord[];
  /** Reviews and notes the change added, now removed; and those it removed, now back. */
  readonly reviews: { readonly removed: number; readonly restored: number };
  readonly notes: { readonly removed: number; readonly restored: number };
  /** Study sessions (roadmap log) the change added, now removed; and those it removed, now back. */
  readonly sessions: { readonly removed: number; readonly restored: number };
}

export interface UndoResult {
  readonly dryRun: boolean;
  /** Latest first. */
  readonly reverted: readonly RevertedChange[];
  readonly tally: Tally;
}

/** Why there is nothing to undo, in one sentence. */
function nothingToUndo(state: RoadmapState): string {
  const saved = state.history.length > 0 || Object.keys(state.items).length > 0;
  return saved
    ? 'nothing to undo: the progress saved so far was changed before roadmap kept a journal of changes (progress file version 3), and such changes cannot be undone'
    : "nothing to undo: no change to this roadmap's progress has been recorded yet";
}

export async function undo(ctx: Context, count: number, dryRun: boolean): Promise<UndoResult> {
  const { result, progress } = await transact(
    ctx,
    (current) => {
      const { journal } = current;
      if (journal.length === 0) throw new CliError(nothingToUndo(current));
      if (count > journal.length) {
        const changes = journal.length === 1 ? '1 change' : `${journal.length} changes`;
        throw new UsageError(
          `only ${changes} can be undone; the journal keeps the last ${JOURNAL_LIMIT}, and changes from before it began cannot be undone`,
        );
      }
      const entries = journal.slice(-count).reverse();
      const state = entries.reduce((s, entry) => applyDelta(s, invert(entry)), current);
      return { state, result: entries, undoes: entries.map((e) => e.id) };
    },
    { dryRun },
  );
  const named = itemsByKey(ctx);
  return {
    dryRun,
    reverted: result.map((entry) => reverted(entry, named)),
    tally: roadmapTally(ctx.roadmap, progress),
  };
}

/** Every item's and project's ID and title by key (notes may be on sections and parts). */
function itemsByKey(ctx: Context): Map<string, { id: string; title: string }> {
  const named = new Map<string, { id: string; title: string }>();
  walk(ctx.roadmap.parts, (item) => named.set(item.key, { id: item.id, title: item.title }));
  for (const project of ctx.roadmap.projects) named.set(project.key, { id: project.id, title: project.title });
  return named;
}

const total = (keyed: Readonly<Record<string, readonly unknown[]>>): number =>
  Object.values(keyed).reduce((n, list) => n + list.length, 0);

function reverted(entry: JournalEntry, named: ReadonlyMap<string, { id: string; title: string }>): RevertedChange {
  return {
    id: entry.id,
    at: entry.at,
    command: entry.command,
    ...(entry.undoes ? { undoes: entry.undoes } : {}),
    records: Object.entries(entry.items).map(([key, change]) => ({
      key,
      ...named.get(key),
      from: change.after,
      to: change.before,
    })),
    reviews: { removed: total(entry.added.reviews), restored: total(entry.removed.reviews) },
    notes: { removed: total(entry.added.notes), restored: total(entry.removed.notes) },
    sessions: { removed: total(entry.added.sessions), restored: total(entry.removed.sessions) },
  };
}

interface RecordJson {
  readonly status: Status;
  readonly at: string;
}

export interface UndoJson extends DocumentHead<'undo'> {
  readonly dryRun: boolean;
  readonly reverted: {
    readonly change: number;
    readonly at: string;
    readonly command: string;
    readonly undoes: readonly number[] | null;
    readonly records: {
      readonly key: string;
      readonly id: string | null;
      readonly title: string | null;
      readonly from: RecordJson | null;
      readonly to: RecordJson | null;
    }[];
    readonly reviews: { readonly removed: number; readonly restored: number };
    readonly notes: { readonly removed: number; readonly restored: number };
    readonly sessions: { readonly removed: number; readonly restored: number };
  }[];
  readonly progress: ProgressJson;
}

const recordJson = (r: StatusRecord | null): RecordJson | null => (r === null ? null : { status: r.status, at: r.at });

function undoJson(result: UndoResult): UndoJson {
  return document('undo', {
    dryRun: result.dryRun,
    reverted: result.reverted.map((c) => ({
      change: c.id,
      at: c.at,
      command: c.command,
      undoes: c.undoes ?? null,
      records: c.records.map((r) => ({
        key: r.key,
        id: r.id ?? null,
        title: r.title ?? null,
        from: recordJson(r.from),
        to: recordJson(r.to),
      })),
      reviews: c.reviews,
      notes: c.notes,
      sessions: c.sessions,
    })),
    progress: progressJson(result.tally),
  });
}

export const undoCommand = defineCommand({
  name: 'undo',
  summary: 'revert the last change (or the last N), restoring each status and its time; undo again to redo',
  args: [{ name: 'count', description: 'how many changes to revert, latest first (default 1)' }],
  options: [{ flags: '--dry-run', description: 'say what would be reverted, and save nothing' }],
  examples: ['roadmap undo', 'roadmap undo --dry-run', 'roadmap undo --json'],
  help:
    'A change is one command run: "roadmap done 2" marking five topics is one\n' +
    'change; "roadmap undo 3" reverts the last three, as one change. Undo covers\n' +
    'done, undone, start, skip, reset, import, review and note. An undo is a change\n' +
    'too, so undoing it redoes. The last 100 changes are kept; changes made before\n' +
    'roadmap kept them cannot be undone.',
  run: async ({
    args,
    options,
    session,
  }: Invocation<{ readonly count?: string }, { readonly dryRun?: boolean }>): Promise<UndoResult> => {
    const count = args.count === undefined ? 1 : countOf(args.count);
    if (count === undefined) {
      throw new UsageError(`undo takes how many changes to revert, a whole number of at least 1, not "${args.count}"`);
    }
    return undo(await session.context(), count, options.dryRun === true);
  },
  text: (result, { style, zone }) => renderUndo(result, style, zone),
  json: undoJson,
});
