/** Loads the roadmap the learner follows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoadmap } from '../core/parse.js';
import type { Roadmap } from '../core/model.js';
import { RoadmapFileError } from '../errors.js';
import { packageRoot } from './paths.js';

export interface LoadedRoadmap {
  /** Names this roadmap's progress in the store. */
  readonly id: string;
  readonly path: string;
  readonly roadmap: Roadmap;
}

export function loadBundledRoadmap(): LoadedRoadmap {
  const path = join(packageRoot(), 'data', 'roadmap.md');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RoadmapFileError(`cannot read the bundled roadmap ${path}: ${(error as Error).message}`);
  }
  return { id: 'bundled', path, roadmap: parseRoadmap(text) };
}
