import type { Item } from '../core/model.js';
import { statusOf } from '../core/progress.js';
import { projectReadiness, recommendProject, type ProjectReadiness } from '../core/readiness.js';
import { topicsOf } from '../core/tree.js';
import { UsageError } from '../errors.js';
import { progressOf, type Context } from './context.js';
import { resolveRef } from '../core/refs.js';
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
  // Projects only ("websockets" names p2, not section 4.4); an item's ID gets a plain answer.
  const asItem = resolveRef(ctx.roadmap, ref, 'items');
  if (asItem.ok && asItem.target.type === 'item' && asItem.target.item.id === ref.trim()) {
    const { item } = asItem.target;
    throw new UsageError(`${item.id} "${item.title}" is not a project; see "roadmap project" for the projects`);
  }
  const target = resolveOrThrow(ctx.roadmap, ref, 'projects');
  if (target.type !== 'project') throw new Error('a project REF resolved to an item');
  const progress = progressOf(ctx);
  const entry = projectReadiness(ctx.roadmap, progress).find((p) => p.project.id === target.project.id)!;
  const scope = entry.sections.length > 0 ? entry.sections : ctx.roadmap.parts;
  const toLearn = topicsOf(scope).filter((t) => statusOf(progress, t.key) !== 'done');
  return { invocation: ctx.invocation, entry, toLearn };
}
