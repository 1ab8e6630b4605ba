/**
 * Which record of the progress file belongs to a roadmap file. A titled file is
 * named by its title, so it keeps its progress wherever it moves. An untitled
 * one is named by its full path (`file:/home/me/data-science/README.md`): two
 * plans that are both a README.md without a `#` title never share progress,
 * whatever folders they sit in.
 */
import { realpathSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Roadmap } from '../core/model.js';
import { own } from '../core/dict.js';
import { slugify } from '../core/text.js';
import type { ProgressStore } from './store.js';

export interface RoadmapIdentity {
  readonly id: string;
  /** Where an untitled file's progress was saved before: under its file name alone (`title:readme`). */
  readonly formerId?: string;
}

export function identify(title: string, path: string): RoadmapIdentity {
  if (title) return { id: `title:${slugify(title) || 'untitled'}` };
  const name = slugify(basename(path, extname(path)));
  return { id: `file:${realPath(path)}`, formerId: `title:${name || 'untitled'}` };
}

/** The path with links resolved, so a file reached through a symlinked folder is still one roadmap. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The record to read and write for this file. Progress an untitled file saved
 * under its former id (its file name alone) moves to its own id, once, under
 * the store's lock, when it is surely this file's: the record was last saved
 * from this very file, or it records no file and holds items this roadmap has.
 * A record saved from another file (even one that is gone: a titled roadmap
 * that moved is named the same way) is left where it is. If the move cannot be
 * written now, the former record is used as it is, so nothing is lost.
 */
export async function adoptFormerProgress(
  store: ProgressStore,
  { id, formerId, path, roadmap }: RoadmapIdentity & { readonly path?: string; readonly roadmap: Roadmap },
): Promise<string> {
  if (formerId === undefined || path === undefined) return id;
  const belongsHere = (roadmaps: SavedRoadmaps): boolean => {
    const former = own(roadmaps, formerId);
    if (former === undefined || own(roadmaps, id) !== undefined) return false;
    if (former.source !== undefined) return former.source === path || former.source === realPath(path);
    // Rare (a record from before files were recorded), so the keys are gathered only then.
    const known = new Set([...roadmap.topics.keys, ...roadmap.projects.map((p) => p.key)]);
    return Object.keys(former.items).some((key) => known.has(key));
  };
  try {
    if (!belongsHere(store.snapshot().roadmaps)) return id;
  } catch {
    return id; // An unreadable progress file: the command itself says so.
  }
  try {
    await store.updateAll((all) => {
      if (!belongsHere(all.roadmaps)) return undefined;
      const { [formerId]: former, ...others } = all.roadmaps;
      return { ...all, roadmaps: { ...others, [id]: former! } };
    });
    return id;
  } catch {
    return formerId;
  }
}

type SavedRoadmaps = ReturnType<ProgressStore['snapshot']>['roadmaps'];
