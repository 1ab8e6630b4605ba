/**
 * Which record of the progress file belongs to a roadmap file. A titled file is
 * named by its title, so it keeps its progress wherever it moves. An untitled
 * one is named by its folder and file name (`file:data-science/readme`), so two
 * plans that are both a README.md without a `#` title never share progress.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
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
  const where = [slugify(basename(dirname(path))), name].filter((part) => part !== '');
  return { id: `file:${where.join('/') || 'untitled'}`, formerId: `title:${name || 'untitled'}` };
}

/**
 * The record to read and write for this file. Progress an untitled file saved
 * under its former id moves to its own id, once, under the store's lock, when
 * it is this file's: the record was last saved from this file, from a file that
 * is gone (this one, moved), or from an unrecorded one. If the move cannot be
 * written now, the former record is used as it is, so nothing is lost.
 */
export async function adoptFormerProgress(
  store: ProgressStore,
  { id, formerId, path }: RoadmapIdentity & { readonly path?: string },
): Promise<string> {
  if (formerId === undefined || path === undefined) return id;
  const belongsHere = (roadmaps: SavedRoadmaps): boolean => {
    const former = roadmaps[formerId];
    if (former === undefined || roadmaps[id] !== undefined) return false;
    return former.source === undefined || former.source === path || !existsSync(former.source);
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
