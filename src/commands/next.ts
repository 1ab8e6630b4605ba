import type { Roadmap } from '../core/model.js';
import { nextTopics, roadmapTally, type Progress, type Tally } from '../core/progress.js';
import { projectReadiness, recommendProject, type ProjectReadiness } from '../core/readiness.js';
import { placeById } from '../core/tree.js';
import { progressOf, type Context } from './context.js';
import { topicView, type TopicView } from './views.js';

export interface NextResult {
  /** How to run roadmap on this roadmap, for the suggested commands. */
  readonly invocation: string;
  readonly topics: readonly TopicView[];
  readonly tally: Tally;
  /** Whether the roadmap suggests any projects at all. */
  readonly hasProjects: boolean;
  /** When nothing is left to study: the project to build next, if any is unfinished. */
  readonly project?: ProjectReadiness;
}

export function next(ctx: Context, options: { count: number }): NextResult {
  return nextOf(ctx.roadmap, progressOf(ctx), options.count, ctx.invocation);
}

export function nextOf(roadmap: Roadmap, progress: Progress, count: number, invocation: string): NextResult {
  const topics = nextTopics(roadmap, progress, count).map((t) =>
    topicView(roadmap, placeById(roadmap, t.id)!, progress),
  );
  const tally = roadmapTally(roadmap, progress);
  const project = topics.length === 0 ? recommendProject(projectReadiness(roadmap, progress)) : undefined;
  return { invocation, topics, tally, hasProjects: roadmap.projects.length > 0, ...(project ? { project } : {}) };
}
