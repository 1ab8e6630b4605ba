import type { Item } from '../core/model.js';
import { statusOf } from '../core/progress.js';
import { projectReadiness, recommendProject, type ProjectReadiness } from '../core/readiness.js';
import { topicsOf } from '../core/tree.js';
import { UsageError } from '../errors.js';
import { progressOf, type Context } from './context.js';
import { resolveOrThrow } from './resolve.js';

export interface ProjectsResult {
  readonly invocation: string;
  readonly projects: readonly ProjectReadiness[];
  readonly recommended?: ProjectReadiness;
}

export interface ProjectDetail {
  readonly invocation: string;
  readonly entry: ProjectReadiness;
  /** Topics of the sections it draws on that are not done yet. */
  readonly toLearn: readonly Item[];
}

export function projects(ctx: Context): ProjectsResult {
  const list = projectReadiness(ctx.roadmap, progressOf(ctx));
  const recommended = recommendProject(list);
  return { invocation: ctx.invocation, projects: list, ...(recommended ? { recommended } : {}) };
}

export function projectDetail(ctx: Context, ref: string): ProjectDetail {
  const target = resolveOrThrow(ctx.roadmap, ref);
  if (target.type !== 'project') {
    throw new UsageError(
      `${target.item.id} "${target.item.title}" is not a project; see "roadmap project" for the projects`,
    );
  }
  const progress = progressOf(ctx);
  const entry = projectReadiness(ctx.roadmap, progress).find((p) => p.project.id === target.project.id)!;
  const scope = entry.sections.length > 0 ? entry.sections : ctx.roadmap.parts;
  const toLearn = topicsOf(scope).filter((t) => statusOf(progress, t.key) !== 'done');
  return { invocation: ctx.invocation, entry, toLearn };
}
