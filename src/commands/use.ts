/** `use`: which roadmap `roadmap` follows when no --file or ROADMAP_FILE says otherwise. */
import { roadmapTally, withFileMarks, type Tally } from '../core/progress.js';
import { UsageError } from '../errors.js';
import { adoptFormerProgress } from '../io/roadmap-identity.js';
import { loadRoadmap, type RoadmapChoice } from '../io/roadmap-source.js';
import type { ParseCache } from '../io/parse-cache.js';
import type { ProgressStore } from '../io/store.js';
import { resolve } from 'node:path';
import { document, progressJson, type DocumentHead, type ProgressJson } from '../render/json.js';
import { renderUse } from '../render/use.js';
import { defineCommand, type Invocation } from './spec.js';

export interface UseResult {
  /** What this call did: only showed the choice, or changed the default. */
  readonly changed: boolean;
  /** The roadmap followed now: its progress ID and its title. */
  readonly roadmap: { readonly id: string; readonly title: string };
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
      // The other settings (review-limit) stay as they are.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { roadmap: _old, ...others } = all.settings;
      return { ...all, settings: choice.kind === 'file' ? { ...others, roadmap: choice.path } : others };
    });
  }
  const id = await adoptFormerProgress(store, loaded);
  const saved = store.read(id).items;
  return {
    changed,
    roadmap: { id, title: loaded.roadmap.title },
    ...(loaded.path === undefined ? {} : { path: loaded.path }),
    via: choice.kind === 'file' ? choice.via : 'bundled',
    tally: roadmapTally(loaded.roadmap, withFileMarks(loaded.roadmap, saved)),
    ...(changed && current.kind === 'file' && current.via !== 'roadmap use'
      ? { overridden: { via: current.via, path: current.path } }
      : {}),
  };
}

export interface UseJson extends DocumentHead<'use'> {
  readonly changed: boolean;
  /** The roadmap followed now. */
  readonly roadmap: { readonly id: string; readonly title: string };
  readonly path: string | null;
  readonly via: string;
  readonly progress: ProgressJson;
  readonly overridden: { readonly via: string; readonly path: string } | null;
}

function useJson(result: UseResult): UseJson {
  return document('use', {
    changed: result.changed,
    roadmap: { id: result.roadmap.id, title: result.roadmap.title },
    path: result.path ?? null,
    via: result.via,
    progress: progressJson(result.tally),
    overridden: result.overridden ?? null,
  });
}

export const useCommand = defineCommand({
  name: 'use',
  summary: 'choose the roadmap to follow: a markdown file, or --bundled; alone, say which is followed',
  args: [{ name: 'path', description: 'a markdown roadmap file' }],
  options: [{ flags: '--bundled', description: 'go back to the bundled FastAPI roadmap' }],
  examples: [
    'roadmap use',
    'roadmap use ~/notes/study-plan.md',
    'roadmap use --bundled',
    'roadmap --file plan.md next',
  ],
  run: ({ args, options, session }: Invocation<{ readonly path?: string }, { readonly bundled?: boolean }>) => {
    const store = session.store();
    return use(store, session.cache(), session.choice(store), { path: args.path, bundled: options.bundled }, (p) =>
      resolve(session.io.cwd, p),
    );
  },
  text: (result, { style }) => renderUse(result, style),
  json: useJson,
});
