import type { Item } from '../core/model.js';
import { statusOf } from '../core/progress.js';
import { projectReadiness, recommendProject, type ProjectReadiness } from '../core/readiness.js';
import { topicsOf } from '../core/tree.js';
import { UsageError } from '../errors.js';
import type { Note } from '../core/state.js';
import { progressOf, savedProgress, type Context } from './context.js';
import { resolveRef } from '../core/refs.js';
import { resolveOrThrow } from './resolve.js';
import {
  document,
  notesJson,
  projectJson,
  refJson,
  type DocumentHead,
  type NoteJson,
  type ProjectJson,
  type RefJson,
} from '../render/json.js';
import { renderProjectDetail, renderProjects } from '../render/project.js';
import { defineCommand, type Invocation } from './spec.js';
import { notesOf } from './views.js';

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
  /** The learner's notes on the project, oldest first. */
  readonly notes: readonly Note[];
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
  const { state, progress } = savedProgress(ctx);
  const entry = projectReadiness(ctx.roadmap, progress).find((p) => p.project.id === target.project.id)!;
  const scope = entry.sections.length > 0 ? entry.sections : ctx.roadmap.parts;
  const toLearn = topicsOf(scope).filter((t) => statusOf(progress, t.key) !== 'done');
  return { invocation: ctx.invocation, entry, toLearn, notes: notesOf(state.notes, target.project.key) };
}

export interface ProjectsJson extends DocumentHead<'project'> {
  readonly projects: ProjectJson[];
  /** The same as next's recommendedProject. */
  readonly recommendedProject: ProjectJson | null;
}

export interface ProjectDetailJson extends DocumentHead<'project'> {
  readonly project: ProjectJson;
  readonly toLearn: RefJson[];
  readonly notes: NoteJson[];
}

type ProjectOutcome =
  { readonly kind: 'all'; readonly all: ProjectsResult } | { readonly kind: 'one'; readonly one: ProjectDetail };

export const projectCommand = defineCommand({
  name: 'project',
  summary: 'show the suggested projects and how ready you are for each; with REF, one in detail',
  args: [{ name: 'ref', description: 'a project ID (p1) or part of its title' }],
  examples: ['roadmap project', 'roadmap project p2', 'roadmap project chat'],
  fast: {},
  run: async ({ args, session }: Invocation<{ readonly ref?: string }, object>): Promise<ProjectOutcome> => {
    const ctx = await session.context();
    return args.ref === undefined
      ? { kind: 'all', all: projects(ctx) }
      : { kind: 'one', one: projectDetail(ctx, args.ref) };
  },
  text: (result, { style, columns, zone }) =>
    result.kind === 'all'
      ? renderProjects(result.all, style, columns)
      : renderProjectDetail(result.one, style, columns, zone),
  json: (result): ProjectsJson | ProjectDetailJson =>
    result.kind === 'all'
      ? document('project', {
          projects: result.all.projects.map(projectJson),
          recommendedProject: result.all.recommended ? projectJson(result.all.recommended) : null,
        })
      : document('project', {
          project: projectJson(result.one.entry),
          toLearn: result.one.toLearn.map(refJson),
          notes: notesJson(result.one.notes),
        }),
});
