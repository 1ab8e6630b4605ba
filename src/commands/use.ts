/** `use`: which roadmap `roadmap` follows when no --file or ROADMAP_FILE says otherwise. */
import { roadmapTally, withFileMarks, type Tally } from '../core/progress.js';
import { UsageError } from '../errors.js';
import { adoptFormerProgress } from '../io/roadmap-identity.js';
import { loadRoadmap, type RoadmapChoice } from '../io/roadmap-source.js';
import type { ParseCache } from '../io/parse-cache.js';
import type { ProgressStore } from '../io/store.js';

export interface UseResult {
  /** What this call did: only showed the choice, or changed the default. */
  readonly changed: boolean;
  readonly title: string;
  /** The file; undefined for the bundled roadmap. */
  readonly path?: string;
  /** Who chose it: `--file`, `ROADMAP_FILE`, `roadmap use`, or `bundled` (nobody). */
  readonly via: string;
  readonly tally: Tally;
  /** Set when the default changed but --file or ROADMAP_FILE still chooses another file here. */
  readonly overridden?: { readonly via: string; readonly path: string };
}

export interface UseOptions {
  readonly path?: string | undefined;
  readonly bundled?: boolean | undefined;
}

/**
 * `current` is the roadmap chosen for this run (flag, environment or saved
 * default); `resolvePath` makes a typed path absolute.
 */
export async function use(
  store: ProgressStore,
  cache: ParseCache,
  current: RoadmapChoice,
  options: UseOptions,
  resolvePath: (path: string) => string,
): Promise<UseResult> {
  if (options.path !== undefined && options.bundled) {
    throw new UsageError('give a roadmap file or --bundled, not both');
  }
  let choice = current;
  if (options.path !== undefined) {
    choice = { kind: 'file', path: resolvePath(options.path), via: 'roadmap use' };
  } else if (options.bundled) {
    choice = { kind: 'bundled' };
  }
  // Loading first means a file that makes no roadmap is refused before it becomes the default.
  const loaded = await loadRoadmap(choice, cache);
  const changed = options.path !== undefined || options.bundled === true;
  if (changed) {
    await store.updateAll((all) => {
      return { ...all, settings: choice.kind === 'file' ? { roadmap: choice.path } : {} };
    });
  }
  const saved = store.read(await adoptFormerProgress(store, loaded)).items;
  return {
    changed,
    title: loaded.roadmap.title,
    ...(loaded.path === undefined ? {} : { path: loaded.path }),
    via: choice.kind === 'file' ? choice.via : 'bundled',
    tally: roadmapTally(loaded.roadmap, withFileMarks(loaded.roadmap, saved)),
    ...(changed && current.kind === 'file' && current.via !== 'roadmap use'
      ? { overridden: { via: current.via, path: current.path } }
      : {}),
  };
}
