/** What every command handler gets: the roadmap, its saved progress, and the clock. */
import type { Roadmap } from '../core/model.js';
import { withFileMarks, type Progress } from '../core/progress.js';
import type { RoadmapState } from '../core/state.js';
import type { ZoneOffset } from '../core/zone.js';
import type { ProgressStore } from '../io/store.js';

export interface Context {
  readonly roadmap: Roadmap;
  /** Names this roadmap's progress in the store. */
  readonly roadmapId: string;
  /** The file the roadmap was read from; undefined for the bundled roadmap. */
  readonly source?: string;
  /** How to run roadmap on this same roadmap, for the commands we suggest: `roadmap` or `roadmap --file x.md`. */
  readonly invocation: string;
  readonly store: ProgressStore;
  readonly now: () => Date;
  /** The command being run (its spec's name), as the journal of changes records it. */
  readonly command?: string;
  /** The learner's time zone: local days and midnights (src/core/zone.ts). */
  readonly zone: ZoneOffset;
}

/** This roadmap's saved state, and the progress to show: what the learner saved, over what the file itself marks done. */
export function savedProgress(ctx: Context): { readonly state: RoadmapState; readonly progress: Progress } {
  const state = ctx.store.read(ctx.roadmapId);
  return { state, progress: withFileMarks(ctx.roadmap, state.items) };
}

/** The progress to show. */
export const progressOf = (ctx: Context): Progress => savedProgress(ctx).progress;
