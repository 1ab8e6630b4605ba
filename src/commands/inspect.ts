/**
 * `roadmap inspect`: how the parser read the roadmap, block by block, so a
 * learner can see why something is (or is not) a topic and which hint to add.
 */
import type { Decision, Mode } from '../core/parse.js';
import { topicsOf } from '../core/tree.js';
import { inspectRoadmap, type RoadmapChoice } from '../io/roadmap-source.js';

export interface InspectResult {
  /** The file read; undefined for the bundled roadmap. */
  readonly file?: string;
  readonly title: string;
  /** The kind of item the file's topics were taken from. */
  readonly mode: Mode;
  readonly topics: number;
  /** Every block's fate, in line order. */
  readonly decisions: readonly Decision[];
}

export async function inspect(choice: RoadmapChoice): Promise<InspectResult> {
  const { path, roadmap, trace } = await inspectRoadmap(choice);
  return {
    ...(path === undefined ? {} : { file: path }),
    title: roadmap.title,
    mode: trace.mode ?? 'leaves',
    topics: topicsOf(roadmap.parts).length,
    decisions: trace.decisions,
  };
}
