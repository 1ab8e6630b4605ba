/** `doctor`: finds what could stop roadmap from reading or saving progress, and repairs what it can. */
import { own, type Dict } from '../core/dict.js';
import type { Roadmap } from '../core/model.js';
import { salvageState } from '../core/salvage.js';
import type { RoadmapState } from '../core/state.js';
import { similarity } from '../core/text.js';
import { topicsOf, walk } from '../core/tree.js';
import type { LoadedRoadmap } from '../io/roadmap-source.js';
import { readAllLogs } from '../io/sync.js';
import { readSyncSettings, syncIsSetUp, syncRepo } from '../io/sync-settings.js';
import type { ProgressStore } from '../io/store.js';
import { renderDoctor } from '../render/doctor.js';
import { count } from '../render/style.js';
import { document, type DocumentHead } from '../render/json.js';
import { ExitCode } from '../errors.js';
import { defineCommand, type Invocation } from './spec.js';

/**
 * What doctor looks at. It must work when nothing else does, so the roadmap
 * is optional: when it cannot be loaded, `roadmapProblem` says why.
 */
export interface DoctorInput {
  readonly store: ProgressStore;
  readonly now: () => Date;
  readonly loaded?: LoadedRoadmap;
  readonly roadmapProblem?: string;
}

export type FindingKind = 'health' | 'roadmap' | 'storage' | 'lock' | 'leftovers' | 'file' | 'orphans' | 'sync';

export interface Finding {
  readonly kind: FindingKind;
  /** True when this is something wrong, false when it is a clean bill of health. */
  readonly problem: boolean;
  readonly text: string;
  readonly details: readonly string[];
  /** Whether --repair can fix it. */
  readonly repairable: boolean;
  /** What --repair did about it. */
  readonly repaired?: string;
}

export interface DoctorResult {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Problems left after any repair. */
  readonly remaining: number;
}

const ok = (text: string): Finding => ({ kind: 'health', problem: false, text, details: [], repairable: false });

export async function doctor(ctx: DoctorInput, options: { repair: boolean }): Promise<DoctorResult> {
  const findings = inspect(ctx);
  const repaired = options.repair && findings.some((f) => f.repairable) ? await repair(ctx, findings) : findings;
  return {
    file: ctx.store.file,
    findings: repaired,
    remaining: repaired.filter((f) => f.problem && f.repaired === undefined).length,
  };
}

/** Looks, changes nothing. */
function inspect(ctx: DoctorInput): Finding[] {
  const { store } = ctx;
  const findings: Finding[] = [];

  if (ctx.roadmapProblem !== undefined) {
    findings.push({
      kind: 'roadmap',
      problem: true,
      text: `The roadmap ${ctx.roadmapProblem}.`,
      details: [],
      repairable: false,
    });
  }

  const unwritable = store.unwritable();
  if (unwritable !== undefined) {
    findings.push({
      kind: 'storage',
      problem: true,
      text: `Progress cannot be saved in ${store.dir}: ${unwritable}. Fix its permissions or set ROADMAP_CONFIG_DIR.`,
      details: [],
      repairable: false,
    });
  }

  findings.push(...lockFindings(store));
  findings.push(...leftoverFindings(store));
  findings.push(...syncFindings(store.dir));

  const loaded = store.load();
  if (loaded.kind === 'absent') {
    findings.push(ok('No progress saved yet.'));
  } else if (loaded.kind === 'unreadable') {
    findings.push({
      kind: 'file',
      problem: true,
      text: `The progress file ${loaded.problem}.`,
      details: loaded.newer ? ['Upgrade roadmap to read it; doctor does not touch a newer file.'] : [],
      repairable: !loaded.newer && loaded.text !== undefined,
    });
  } else {
    const records = Object.values(loaded.state.roadmaps).reduce((n, r) => n + Object.keys(r.items).length, 0);
    findings.push(ok(`The progress file is readable: ${count(records, 'saved record')}.`));
    const saved = ctx.loaded ? own(loaded.state.roadmaps, ctx.loaded.id) : undefined;
    const orphans = ctx.loaded && saved ? orphanedKeys(ctx.loaded.roadmap, saved) : [];
    if (orphans.length > 0) {
      findings.push({
        kind: 'orphans',
        problem: true,
        text: `${orphans.length} item(s) this roadmap no longer has still have saved progress, notes or reviews; they are kept, in case the item comes back.`,
        details: orphans,
        repairable: false,
      });
    }
  }
  return findings;
}

/**
 * Fixes what can be fixed, holding the lock (taking it breaks a stale one), and
 * looking again under it: another process may have changed things meanwhile.
 */
async function repair(ctx: DoctorInput, findings: readonly Finding[]): Promise<Finding[]> {
  const { store } = ctx;
  const done = new Map<FindingKind, string>();
  // A symbolic link in the lock's place would stop the lock from being taken at all.
  if (findings.some((f) => f.kind === 'lock' && f.repairable)) store.removeBadLock();
  await store.locked(async () => {
    done.set('lock', 'removed the lock');
    store.removeFiles(store.sortedLeftovers().files);
    done.set('leftovers', 'removed them');
    const loaded = store.load();
    if (loaded.kind === 'unreadable' && !loaded.newer && loaded.text !== undefined) {
      const salvage = salvageState(loaded.text);
      const backup = store.moveAside(ctx.now());
      try {
        await store.write(salvage.state);
      } catch (error) {
        // Never leave the user with neither file: the damaged one goes back where it was.
        store.putBack(backup);
        throw error;
      }
      done.set(
        'file',
        `moved it to ${backup} and saved the ${count(salvage.records, 'record')} that could be read in a new progress file`,
      );
    }
  });
  return findings.map((finding) => {
    const what = finding.repairable ? done.get(finding.kind) : undefined;
    return what === undefined ? finding : { ...finding, repaired: what };
  });
}

/** What the lock tells: held by a live writer, stale, or something roadmap did not make. */
function lockFindings(store: ProgressStore): Finding[] {
  const lock = store.lockStatus();
  if (lock === undefined) return [];
  if (lock.state === 'held') {
    // A lock from another host, or naming no process, is judged by its time and may still be fresh.
    const by = Number.isInteger(lock.info.pid) ? ` by process ${lock.info.pid}` : '';
    return [ok(`The progress file is being written${by}.`)];
  }
  if (lock.state === 'stale') {
    return [
      {
        kind: 'lock',
        problem: true,
        text: `A stale lock ${store.lockFile}: ${lock.why}.`,
        details: [],
        repairable: true,
      },
    ];
  }
  const { problem } = lock;
  const fix = problem.removable ? '' : ' Remove it by hand if no roadmap is running.';
  return [
    {
      kind: 'lock',
      problem: true,
      text: `The lock file ${problem.what}; every save stops until it is gone.${fix}`,
      details: [store.lockFile],
      repairable: problem.removable,
    },
  ];
}

/** The sync logs, when sync is set up: each line an event, none cut short. */
function syncFindings(configDir: string): Finding[] {
  if (!syncIsSetUp(configDir)) return [];
  let logs: ReturnType<typeof readAllLogs>;
  try {
    readSyncSettings(configDir);
    logs = readAllLogs(syncRepo(configDir));
  } catch (error) {
    return [{ kind: 'sync', problem: true, text: `${(error as Error).message}.`, details: [], repairable: false }];
  }
  if (logs.problems.length > 0) {
    return [
      {
        kind: 'sync',
        problem: true,
        text: `The sync logs have lines that are not events; they are skipped when merging (a crash while saving leaves one).`,
        details: logs.problems,
        repairable: false,
      },
    ];
  }
  const devices = new Set(logs.events.map((e) => e.device)).size;
  return [ok(`The sync logs are readable: ${count(logs.events.length, 'change')} from ${count(devices, 'device')}.`)];
}

/** Temp files of interrupted saves (removable), and anything else under such a name (not touched). */
function leftoverFindings(store: ProgressStore): Finding[] {
  const { files, others } = store.sortedLeftovers();
  const findings: Finding[] = [];
  if (files.length > 0) {
    findings.push({
      kind: 'leftovers',
      problem: true,
      text: `${files.length} temporary file(s) left by interrupted saves.`,
      details: files,
      repairable: true,
    });
  }
  if (others.length > 0) {
    findings.push({
      kind: 'leftovers',
      problem: true,
      text: `${others.length} item(s) carry the name of a save's temporary file but are no file roadmap left; remove them by hand.`,
      details: others,
      repairable: false,
    });
  }
  return findings;
}

/**
 * Saved keys the roadmap no longer has (a status, notes or reviews), each with
 * what is kept for it and the closest current item as a hint.
 */
function orphanedKeys(roadmap: Roadmap, saved: RoadmapState): string[] {
  const topics = topicsOf(roadmap.parts);
  // Notes can be on parts and sections too, so every item counts as known.
  const known = new Set(roadmap.projects.map((p) => p.key));
  walk(roadmap.parts, (item) => known.add(item.key));
  const kept = (records: Dict<readonly unknown[]>): string[] =>
    Object.entries(records)
      .filter(([, list]) => list.length > 0)
      .map(([key]) => key);
  const keys = new Set([
    ...Object.keys(saved.items),
    ...kept(saved.notes),
    ...kept(saved.reviews),
    ...kept(saved.sessions),
  ]);
  return [...keys]
    .filter((key) => !known.has(key))
    .map((key) => {
      const slug = key.split('/').at(-1) ?? key;
      const closest = topics
        .map((t) => ({ t, s: similarity(slug, t.slug) }))
        .sort((a, b) => b.s - a.s)
        .at(0);
      const hint = closest && closest.s >= 0.4 ? `; closest now: ${closest.t.id} "${closest.t.title}"` : '';
      return `${key} (${keptFor(saved, key)})${hint}`;
    });
}

/** What is saved for one key, e.g. "done 2026-11-02, 2 notes, 1 review". */
function keptFor(saved: RoadmapState, key: string): string {
  const record = own(saved.items, key);
  const notes = own(saved.notes, key)?.length ?? 0;
  const reviews = own(saved.reviews, key)?.length ?? 0;
  const sessions = own(saved.sessions, key)?.length ?? 0;
  return [
    record ? `${record.status} ${record.at.slice(0, 10)}` : undefined,
    notes > 0 ? `${notes} note${notes === 1 ? '' : 's'}` : undefined,
    reviews > 0 ? `${reviews} review${reviews === 1 ? '' : 's'}` : undefined,
    sessions > 0 ? `${sessions} study session${sessions === 1 ? '' : 's'}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}

export interface DoctorJson extends DocumentHead<'doctor'> {
  readonly file: string;
  readonly findings: {
    readonly kind: FindingKind;
    readonly problem: boolean;
    readonly text: string;
    readonly details: readonly string[];
    readonly repairable: boolean;
    readonly repaired: string | null;
  }[];
  readonly remaining: number;
}

function doctorJson(result: DoctorResult): DoctorJson {
  return document('doctor', {
    file: result.file,
    findings: result.findings.map((f) => ({
      kind: f.kind,
      problem: f.problem,
      text: f.text,
      details: f.details,
      repairable: f.repairable,
      repaired: f.repaired ?? null,
    })),
    remaining: result.remaining,
  });
}

export const doctorCommand = defineCommand({
  name: 'doctor',
  summary: 'check the progress file, its lock and saved records; --repair fixes what it can',
  options: [
    {
      flags: '--repair',
      description: 'move a corrupt file aside (keeping what can be read), remove stale locks and temp files',
    },
  ],
  examples: ['roadmap doctor', 'roadmap doctor --repair'],
  run: async ({ options, session }: Invocation<object, { readonly repair?: boolean }>) =>
    doctor(await session.doctorInput(), { repair: options.repair === true }),
  text: (result, { style }) => renderDoctor(result, style),
  json: doctorJson,
  // Problems left: exit 1, after saying what they are.
  exitCode: (result) => (result.remaining > 0 ? ExitCode.failure : ExitCode.ok),
});
