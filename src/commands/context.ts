/** What every command handler gets: the roadmap, its saved progress, and the clock. */
import type { Roadmap } from '../core/model.js';
import type { ProgressStore } from '../io/store.js';

export interface Context {
  readonly roadmap: Roadmap;
  /** Names this roadmap's progress in the store. */
  readonly roadmapId: string;
  readonly store: ProgressStore;
  readonly now: () => Date;
}
