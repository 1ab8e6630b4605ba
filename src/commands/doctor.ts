/** `doctor`: finds what could stop roadmap from reading or saving progress, and repairs what it can. */
import type { Roadmap } from '../core/model.js';
import type { Progress } from '../core/progress.js';
import { salvageState } from '../core/salvage.js';
import { similarity } from '../core/text.js';
import { topicsOf } from '../core/tree.js';
import type { Context } from './context.js';

export interface Finding {
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

export async function doctor(ctx: Context, options: { repair: boolean }): Promise<DoctorResult> {
  const { store } = ctx;
  const findings: Finding[] = [];

  const unwritable = store.unwritable();
  if (unwritable !== undefined) {
    findings.push({
      problem: true,
      text: `Progress cannot be saved in ${store.dir}: ${unwritable}. Fix its permissions or set ROADMAP_CONFIG_DIR.`,
      details: [],
      repairable: false,
    });
  }

  const lock = store.lockStatus();
  if (lock?.stale !== undefined) {
    if (options.repair) store.removeFiles([store.lockFile]);
    findings.push({
      problem: true,
      text: `A stale lock ${store.lockFile}: ${lock.stale}.`,
      details: [],
      repairable: true,
      ...(options.repair ? { repaired: 'removed the lock' } : {}),
    });
  } else if (lock) {
    findings.push({
      problem: false,
      text: `The progress file is being written by process ${lock.info.pid}.`,
      details: [],
      repairable: false,
    });
  }

  const leftovers = store.leftovers();
  if (leftovers.length > 0) {
    if (options.repair) store.removeFiles(leftovers);
    findings.push({
      problem: true,
      text: `${leftovers.length} temporary file(s) left by interrupted saves.`,
      details: leftovers,
      repairable: true,
      ...(options.repair ? { repaired: 'removed them' } : {}),
    });
  }

  const loaded = store.load();
  if (loaded.kind === 'absent') {
    findings.push({ problem: false, text: 'No progress saved yet.', details: [], repairable: false });
  } else if (loaded.kind === 'unreadable') {
    let repaired: string | undefined;
    let details: string[] = [];
    if (loaded.newer) {
      details = ['Upgrade roadmap to read it; doctor does not touch a newer file.'];
    } else if (options.repair && loaded.text !== undefined) {
      const salvage = salvageState(loaded.text);
      const backup = store.moveAside(ctx.now());
      await store.replace(salvage.state);
      repaired = `moved it to ${backup} and saved the ${salvage.records} record(s) that could be read in a new progress file`;
    }
    findings.push({
      problem: true,
      text: `The progress file ${loaded.problem}.`,
      details,
      repairable: !loaded.newer && loaded.text !== undefined,
      ...(repaired ? { repaired } : {}),
    });
  } else {
    const records = Object.values(loaded.state.roadmaps).reduce((n, r) => n + Object.keys(r.items).length, 0);
    findings.push({
      problem: false,
      text: `The progress file is readable: ${records} saved record(s).`,
      details: [],
      repairable: false,
    });
    const orphans = orphanedKeys(ctx.roadmap, loaded.state.roadmaps[ctx.roadmapId]?.items ?? {});
    if (orphans.length > 0) {
      findings.push({
        problem: true,
        text: `${orphans.length} saved record(s) match no item of this roadmap; they are kept, in case the item comes back.`,
        details: orphans,
        repairable: false,
      });
    }
  }

  const remaining = findings.filter((f) => f.problem && f.repaired === undefined).length;
  return { file: store.file, findings, remaining };
}

/** Saved keys the roadmap no longer has, each with the closest current item as a hint. */
function orphanedKeys(roadmap: Roadmap, progress: Progress): string[] {
  const topics = topicsOf(roadmap.parts);
  const known = new Set([...topics.map((t) => t.key), ...roadmap.projects.map((p) => p.key)]);
  return Object.entries(progress)
    .filter(([key]) => !known.has(key))
    .map(([key, record]) => {
      const slug = key.split('/').at(-1) ?? key;
      const closest = topics
        .map((t) => ({ t, s: similarity(slug, t.slug) }))
        .sort((a, b) => b.s - a.s)
        .at(0);
      const hint = closest && closest.s > 0.3 ? `; closest now: ${closest.t.id} "${closest.t.title}"` : '';
      return `${key} (${record.status} ${record.at.slice(0, 10)})${hint}`;
    });
}
