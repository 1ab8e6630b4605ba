import { fitBudget, loggedMinutes, workLeft, type BudgetChoice } from '../core/budget.js';
import type { Roadmap } from '../core/model.js';
import { nextTopics, roadmapTally, topicKeySet, withFileMarks, type Tally } from '../core/progress.js';
import { projectReadiness, recommendProject, type ProjectReadiness } from '../core/readiness.js';
import { reviewPlan } from '../core/review.js';
import type { RoadmapState } from '../core/state.js';
import { placeById } from '../core/tree.js';
import {
  document,
  progressJson,
  projectJson,
  topicJson,
  type DocumentHead,
  type ProgressJson,
  type ProjectJson,
  type TopicJson,
} from '../render/json.js';
import { renderNext } from '../render/next.js';
import { heldBackJson, holdBack, type HeldBack, type HeldBackJson } from './hold-back.js';
import { BUDGET_OPTION, budgetJson, budgetMinutes, type BudgetJson } from './budget.js';
import type { Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';
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
  /** Finished topics due for spaced review now (see `roadmap review`). */
  readonly reviewsDue: number;
  /** Set when new topics are held back, more reviews being due than the limit (`topics` are the started ones). */
  readonly heldBack?: HeldBack;
  /** With --budget: the topics that fit in it (they are `topics`), and their times. */
  readonly budget?: BudgetChoice;
}

export function next(ctx: Context, options: { count: number; budget?: number }): NextResult {
  return nextOf(ctx.roadmap, ctx.store.read(ctx.roadmapId), options.count, ctx.invocation, ctx.now(), options.budget);
}

/** What comes next, from one roadmap's saved state (statuses, notes, history and reviews). */
export function nextOf(
  roadmap: Roadmap,
  state: RoadmapState,
  count: number,
  invocation: string,
  now: Date,
  budget?: number,
): NextResult {
  const progress = withFileMarks(roadmap, state.items);
  const fit = budget === undefined ? undefined : fitBudget(workLeft(roadmap, progress, loggedMinutes(state)), budget);
  const topics = (fit ? fit.topics : nextTopics(roadmap, progress, count)).map((t) =>
    topicView(roadmap, placeById(roadmap, t.id)!, progress, state.notes),
  );
  const tally = roadmapTally(roadmap, progress);
  const project = topics.length === 0 ? recommendProject(projectReadiness(roadmap, progress)) : undefined;
  // Only the number due is shown, so any position will do for the topics (no map of positions to build).
  const known = topicKeySet(roadmap);
  let reviewsDue: number | undefined;
  return {
    invocation,
    topics,
    tally,
    hasProjects: roadmap.projects.length > 0,
    ...(project ? { project } : {}),
    // Counted when first read: `status` and `done` never show it, and for a learner who
    // grades reviews counting them loads FSRS (core/fsrs.ts).
    get reviewsDue(): number {
      return (reviewsDue ??= reviewPlan(state, progress, now, (key) => (known.has(key) ? 0 : undefined)).due.length);
    },
    ...(fit ? { budget: fit } : {}),
  };
}

export interface NextJson extends DocumentHead<'next'> {
  readonly progress: ProgressJson;
  readonly topics: TopicJson[];
  readonly recommendedProject: ProjectJson | null;
  readonly reviewsDue: number;
  readonly heldBack: HeldBackJson | null;
  /** With --budget, what fits in it; null without. */
  readonly budget: BudgetJson | null;
}

export function nextJson(result: NextResult): NextJson {
  return document('next', {
    progress: progressJson(result.tally),
    topics: result.topics.map(topicJson),
    recommendedProject: result.project ? projectJson(result.project) : null,
    reviewsDue: result.reviewsDue,
    heldBack: result.heldBack ? heldBackJson(result.heldBack) : null,
    budget: result.budget ? budgetJson(result.budget) : null,
  });
}

export const nextCommand = defineCommand({
  name: 'next',
  summary: 'show the next topic to study, where it sits, and how to mark it done',
  options: [
    { flags: '-n, --number <count>', description: 'show this many topics', count: {}, default: 1 },
    BUDGET_OPTION,
  ],
  examples: ['roadmap next', 'roadmap next -n 3', 'roadmap next --budget 45m'],
  fast: {},
  run: async ({ session, options }: Invocation<object, { readonly number?: number; readonly budget?: string }>) => {
    const ctx = await session.context();
    return holdBack(ctx, next(ctx, { count: options.number ?? 1, ...budgetMinutes(options.budget) }));
  },
  text: (result, { style, zone }) => renderNext(result, style, zone),
  json: nextJson,
});
