/**
 * `import FILE`: merges an export (JSON backup or markdown checklist) into the
 * active roadmap's progress by stable key, and says what changed. A file that
 * cannot be imported changes nothing.
 */
import { resolve } from 'node:path';
import { DAY_MS } from '../core/activity.js';
import { dict, own } from '../core/dict.js';
import { decodeBackup, ImportProblem, timeAfter, type Backup, type ExportedRoadmap } from '../core/backup.js';
import { looksLikeChecklist, readChecklist, type Checklist } from '../core/checklist.js';
import { mergeState, type MergeCounts } from '../core/merge.js';
import type { Status } from '../core/model.js';
import {
  applyChanges,
  roadmapTally,
  statusOf,
  withFileMarks,
  type Progress,
  type StatusChange,
  type Tally,
} from '../core/progress.js';
import { emptyRoadmapState, type Note, type RoadmapState } from '../core/state.js';
import { walk } from '../core/tree.js';
import { ImportFileError } from '../errors.js';
import { readImportFile } from '../io/files.js';
import { document, progressJson, type DocumentHead, type ProgressJson } from '../render/json.js';
import { renderImport } from '../render/transfer.js';
import type { Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';
import { transact } from './transaction.js';

export interface ImportInput {
  /** The file as the user named it, for messages. */
  readonly name: string;
  readonly content: string;
  /** Import a file exported from another roadmap. */
  readonly force: boolean;
  /** Say what would change, and save nothing. */
  readonly dryRun: boolean;
}

export interface ImportedChange {
  readonly key: string;
  /** The item's ID and title, when the roadmap has it (progress of other keys is kept all the same). */
  readonly id?: string;
  readonly title?: string;
  readonly from: Status;
  readonly to: Status;
}

export interface ImportResult {
  readonly file: string;
  readonly format: 'json' | 'md';
  readonly from: ExportedRoadmap;
  readonly exportedAt: string;
  /** Items whose status is different after the import, as the learner sees them. */
  readonly changed: readonly ImportedChange[];
  readonly added: MergeCounts;
  /** Lines of a markdown file that name no item of the roadmap. */
  readonly unmatched: readonly number[];
  /**
   * Items whose mark in a markdown file differs from the saved status, which was
   * changed after the file was exported: the newer saved status is kept.
   */
  readonly keptNewer: readonly ImportedChange[];
  readonly dryRun: boolean;
  /** False when the import changed (or, with dryRun, would change) nothing at all. */
  readonly changedAnything: boolean;
  readonly tally: Tally;
}

type Parsed =
  | { readonly format: 'json'; readonly roadmap: ExportedRoadmap; readonly exportedAt: string; readonly backup: Backup }
  | {
      readonly format: 'md';
      readonly roadmap: ExportedRoadmap;
      readonly exportedAt: string;
      readonly checklist: Checklist;
    };

/** The latest time an export may hold: now, and a day more for a clock that is a little off. */
const latest = (ctx: Context): number => ctx.now().getTime() + DAY_MS;

/** Reads the file by its content: a JSON backup or a markdown checklist. */
function parse(ctx: Context, content: string): Parsed {
  const text = content.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ImportProblem(`is not valid JSON (${(error as Error).message})`);
    }
    const backup = decodeBackup(data);
    // The later time wins a merge: a time in the future would outrank every change made until then.
    const late = timeAfter(backup, latest(ctx));
    if (late) {
      throw new ImportProblem(
        `dates ${late.what} ${late.at}, which is later than now; its times have been changed or the clock was wrong`,
      );
    }
    return { format: 'json', roadmap: backup.roadmap, exportedAt: backup.exportedAt, backup };
  }
  if (looksLikeChecklist(text)) {
    const checklist = readChecklist(text, ctx.roadmap);
    // Its marks count as of that time: a checklist dated in the future would outrank every saved status.
    if (Date.parse(checklist.exportedAt) > latest(ctx)) {
      throw new ImportProblem(
        `says it was exported at ${checklist.exportedAt}, which is later than now; its header has been changed or the clock was wrong`,
      );
    }
    return { format: 'md', roadmap: checklist.roadmap, exportedAt: checklist.exportedAt, checklist };
  }
  if (/^(<!doctype html|<html|<svg)/i.test(start)) {
    throw new ImportProblem(
      'is a picture (an HTML or SVG export), which holds no progress to import; import a JSON or markdown export',
    );
  }
  if (start === '') throw new ImportProblem('is empty');
  throw new ImportProblem(
    'is neither a JSON nor a markdown export of roadmap progress (make one with "roadmap export")',
  );
}

async function importProgress(ctx: Context, input: ImportInput): Promise<ImportResult> {
  const { roadmap } = ctx;
  let parsed: Parsed;
  try {
    parsed = parse(ctx, input.content);
  } catch (error) {
    if (error instanceof ImportProblem) throw new ImportFileError(`cannot import ${input.name}: it ${error.message}`);
    throw error;
  }
  if (parsed.roadmap.id !== ctx.roadmapId && !input.force) {
    throw new ImportFileError(
      `cannot import ${input.name}: it holds progress for "${parsed.roadmap.title}", not for "${roadmap.title}", the roadmap followed now; ` +
        `follow that roadmap (--file PATH) to import it, or add --force to merge it into this one by key`,
    );
  }

  const at = ctx.now().toISOString();
  const { result: outcome, progress } = await transact(
    ctx,
    (current, seen) => {
      const merged =
        parsed.format === 'json'
          ? mergeJson(current, seen, parsed.backup.progress)
          : mergeChecklist(current, seen, parsed.checklist, at);
      return { state: merged.state, result: merged };
    },
    { dryRun: input.dryRun },
  );

  const named = new Map<string, { id: string; title: string }>();
  walk(roadmap.parts, (item) => named.set(item.key, item));
  for (const project of roadmap.projects) named.set(project.key, project);
  // In document order (projects after the tree), then what the roadmap no longer has.
  const order = new Map([...named.keys()].map((key, i) => [key, i]));
  const position = (key: string): number => order.get(key) ?? order.size;
  const changes = [...outcome.changes].sort((a, b) => position(a.key) - position(b.key));
  const describe = (c: { key: string; from: Status; to: Status }): ImportedChange => {
    const item = named.get(c.key);
    return { key: c.key, ...(item ? { id: item.id, title: item.title } : {}), from: c.from, to: c.to };
  };
  return {
    file: input.name,
    format: parsed.format,
    from: parsed.roadmap,
    exportedAt: parsed.exportedAt,
    changed: changes.map(describe),
    added: outcome.added,
    unmatched: parsed.format === 'md' ? parsed.checklist.unmatched : [],
    keptNewer: [...outcome.kept].sort((a, b) => position(a.key) - position(b.key)).map(describe),
    dryRun: input.dryRun,
    changedAnything: outcome.state !== undefined,
    tally: roadmapTally(roadmap, progress),
  };

  /** A JSON backup: statuses by later time, history, notes and reviews as a union. */
  function mergeJson(current: RoadmapState, before: Progress, incoming: Parameters<typeof mergeState>[1]): Outcome {
    const merged = mergeState(current, incoming);
    if (!merged.changed) return { state: undefined, changes: [], added: merged.added, kept: [] };
    // The progress the merged state would show: what the change reports, before it is saved.
    const after = withFileMarks(roadmap, merged.state.items);
    const changes = merged.statusChanges
      .map((c) => ({ key: c.key, from: statusOf(before, c.key), to: statusOf(after, c.key) }))
      .filter((c) => c.from !== c.to);
    return { state: merged.state, changes, added: merged.added, kept: [] };
  }
}

interface Outcome {
  /** Undefined when nothing changes. */
  readonly state: RoadmapState | undefined;
  readonly changes: readonly { readonly key: string; readonly from: Status; readonly to: Status }[];
  readonly added: MergeCounts;
  /** Marks not applied because the saved status is newer than the file (markdown only). */
  readonly kept: readonly { readonly key: string; readonly from: Status; readonly to: Status }[];
}

/**
 * A markdown checklist: each mark that differs from what the learner sees now
 * is a status change at the time of the import, unless the saved status was
 * set after the file was exported: an old checklist never undoes newer progress
 * (as with a JSON backup, the later status wins). Notes are added unless held.
 * A note written by hand without a time is dated now, and not added again when
 * its item already has a note with that text.
 */
function mergeChecklist(current: RoadmapState, seen: Progress, checklist: Checklist, at: string): Outcome {
  const changes: StatusChange[] = [];
  const kept: { key: string; from: Status; to: Status }[] = [];
  const exported = Date.parse(checklist.exportedAt);
  for (const [key, to] of checklist.marks) {
    const from = statusOf(seen, key);
    if (from === to) continue;
    const saved = own(current.items, key);
    if (saved !== undefined && Date.parse(saved.at) > exported) kept.push({ key, from: to, to: from });
    else changes.push({ key, from, to, at });
  }
  const notes = dict<Note[]>();
  for (const [key, list] of checklist.notes) {
    const held = new Set((own(current.notes, key) ?? []).map((n) => n.text));
    notes[key] = list.flatMap((n) => {
      if (n.at !== undefined) return [{ at: n.at, text: n.text }];
      if (held.has(n.text)) return [];
      held.add(n.text);
      return [{ at, text: n.text }];
    });
  }
  const withStatuses: RoadmapState =
    changes.length === 0
      ? current
      : { ...current, items: applyChanges(current.items, changes), history: [...current.history, ...changes] };
  const merged = mergeState(withStatuses, { ...emptyRoadmapState(), notes });
  const added = { ...merged.added, records: changes.length, history: changes.length };
  if (changes.length === 0 && !merged.changed) return { state: undefined, changes: [], added, kept };
  return { state: merged.state, changes, added, kept };
}

interface ChangeJson {
  readonly key: string;
  readonly id: string | null;
  readonly title: string | null;
  readonly from: Status;
  readonly to: Status;
}

export interface ImportJson extends DocumentHead<'import'> {
  readonly file: string;
  readonly format: 'json' | 'md';
  readonly roadmap: { readonly id: string; readonly title: string };
  readonly exportedAt: string;
  readonly dryRun: boolean;
  readonly changedAnything: boolean;
  readonly changed: ChangeJson[];
  readonly added: MergeCounts;
  readonly unmatchedLines: readonly number[];
  readonly keptNewer: {
    readonly key: string;
    readonly id: string | null;
    readonly title: string | null;
    readonly file: Status;
    readonly kept: Status;
  }[];
  readonly progress: ProgressJson;
}

function importJson(r: ImportResult): ImportJson {
  return document('import', {
    file: r.file,
    format: r.format,
    roadmap: { id: r.from.id, title: r.from.title },
    exportedAt: r.exportedAt,
    dryRun: r.dryRun,
    changedAnything: r.changedAnything,
    changed: r.changed.map((c) => ({ key: c.key, id: c.id ?? null, title: c.title ?? null, from: c.from, to: c.to })),
    added: { ...r.added },
    unmatchedLines: r.unmatched,
    keptNewer: r.keptNewer.map((c) => ({
      key: c.key,
      id: c.id ?? null,
      title: c.title ?? null,
      file: c.from,
      kept: c.to,
    })),
    progress: progressJson(r.tally),
  });
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'merge progress from a JSON or markdown export into yours, by stable key, and say what changed',
  args: [{ name: 'file', description: 'a file made by "roadmap export" (json or md); - reads stdin', required: true }],
  options: [
    { flags: '--dry-run', description: 'say what would change, and save nothing' },
    { flags: '--force', description: 'import an export of another roadmap (a renamed one, say), merging by key' },
  ],
  examples: [
    'roadmap import roadmap-backup.json',
    'roadmap import progress.md --dry-run',
    'curl -s https://example.com/progress.md | roadmap import -',
  ],
  help:
    'For each item the status with the later time wins; history, notes and reviews are added to yours.\n' +
    'A markdown mark that differs from yours is recorded at the time of the import.\n' +
    'Importing the same file again changes nothing. A file that cannot be imported changes nothing (exit 5).',
  run: async ({
    args: { file },
    options,
    session,
  }: Invocation<{ readonly file: string }, { readonly dryRun?: boolean; readonly force?: boolean }>) => {
    // Messages name the file as typed; `-` is standard input.
    const name = file === '-' ? 'standard input' : file;
    const content = readImportFile(file === '-' ? '-' : resolve(session.io.cwd, file), name);
    const input = { name, content, force: options.force === true, dryRun: options.dryRun === true };
    return importProgress(await session.context(), input);
  },
  text: (result, { style, zone }) => renderImport(result, style, zone),
  json: importJson,
});
