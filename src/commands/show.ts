/**
 * `roadmap show REF`: one topic, section, part or project in full: where it
 * sits, its status and dates, links, details, notes, review state and history.
 */
import { own } from '../core/dict.js';
import { totalEstimate, type EstimateTotal } from '../core/estimates.js';
import { changesOf, groupDates, leafDates, type ItemDates } from '../core/item-dates.js';
import type { Detail, Item, ItemKind, Link, Status } from '../core/model.js';
import { itemStatus, statusOf, tally, type Progress, type StatusChange, type Tally } from '../core/progress.js';
import { projectReadiness } from '../core/readiness.js';
import { finishTimes, REVIEW_DAYS, reviewPlan, scheduleOf } from '../core/review.js';
import type { Note, RoadmapState } from '../core/state.js';
import { placeById, topicsOf } from '../core/tree.js';
import {
  detailsJson,
  document,
  notesJson,
  progressJson,
  refJson,
  type DetailJson,
  type DocumentHead,
  type NoteJson,
  type ProgressJson,
  type RefJson,
} from '../render/json.js';
import { estimateJson, type EstimateJson } from '../render/estimate.js';
import { renderShow } from '../render/show.js';
import { savedProgress, type Context } from './context.js';
import { resolveOrThrow } from './resolve.js';
import { defineCommand, type Invocation } from './spec.js';
import { notesOf, refOf, type Ref } from './views.js';

/** A topic's place in spaced review. */
export type TopicReview =
  | { readonly state: 'not done' }
  /** Done because the file ticks it: no finish time to count from. */
  | { readonly state: 'ticked in the file' }
  | {
      readonly state: 'scheduled';
      readonly finishedAt: string;
      /** The review that comes next, 1-based, of `of` (none for a topic scheduled from its grades). */
      readonly review: number;
      readonly of?: number;
      readonly dueAt: string;
      readonly due: boolean;
      readonly reviewedAt: readonly string[];
    }
  | { readonly state: 'settled'; readonly finishedAt: string; readonly reviewedAt: readonly string[] };

/** How the finished topics of a part or section stand in spaced review. */
export interface GroupReviews {
  readonly due: number;
  readonly upcoming: number;
  readonly settled: number;
}

/** One status change; `topic` names the topic when the item shown is a part or section. */
export interface HistoryLine {
  readonly at: string;
  readonly from: Status;
  readonly to: Status;
  readonly topic?: Ref;
}

export interface ShowChild extends Ref {
  readonly kind: ItemKind;
  readonly status: Status;
  readonly estimate?: number;
  readonly total?: EstimateTotal;
}

export interface ShowResult extends Ref {
  readonly invocation: string;
  readonly kind: ItemKind | 'project';
  readonly key: string;
  /** 1-based line in the roadmap file. */
  readonly line: number;
  /** The part, section... that hold it, from the part down. */
  readonly where: readonly Ref[];
  readonly label?: string;
  readonly description?: string;
  readonly stage?: { readonly number: number; readonly of: number; readonly title: string };
  readonly status: Status;
  /** Ticked in the roadmap file itself. */
  readonly checked: boolean;
  readonly dates: ItemDates;
  /** A part's or section's topics, or the topics a project draws on. */
  readonly tally?: Tally;
  /** The item's own estimate, in minutes. */
  readonly estimate?: number;
  /** Its own estimate, or what is below it added up; absent when there is none (and on projects). */
  readonly total?: EstimateTotal;
  readonly links: readonly Link[];
  readonly details: readonly Detail[];
  readonly notes: readonly Note[];
  /** A part's sections or a section's topics. */
  readonly children: readonly ShowChild[];
  /** The sections a project draws on. */
  readonly sections: readonly Ref[];
  readonly review?: TopicReview;
  readonly reviews?: GroupReviews;
  readonly history: readonly HistoryLine[];
}

function topicReview(state: RoadmapState, progress: Progress, key: string, now: Date): TopicReview {
  if (statusOf(progress, key) !== 'done') return { state: 'not done' };
  const finishedAt = finishTimes(state.history, progress, (k) => k === key).get(key);
  if (finishedAt === undefined) return { state: 'ticked in the file' };
  const schedule = scheduleOf(finishedAt, own(state.reviews, key) ?? [], now, own(state.grades, key) ?? []);
  if (schedule.kind === 'settled') return { state: 'settled', finishedAt, reviewedAt: schedule.reviewedAt };
  const reviewedAt = (own(state.reviews, key) ?? []).filter((r) => Date.parse(r) >= Date.parse(finishedAt)).sort();
  const { review, dueAt, due } = schedule;
  // A topic scheduled from its grades (FSRS) has no last review: no `of`.
  const of = schedule.graded ? {} : { of: REVIEW_DAYS.length };
  return { state: 'scheduled', finishedAt, review, ...of, dueAt, due, reviewedAt };
}

function groupReviews(state: RoadmapState, progress: Progress, topics: readonly Item[], now: Date): GroupReviews {
  const position = new Map(topics.map((t, i) => [t.key, i]));
  const plan = reviewPlan(state, progress, now, (key) => position.get(key));
  return { due: plan.due.length, upcoming: plan.upcoming.length, settled: plan.settled };
}

function itemShown(ctx: Context, item: Item): ShowResult {
  const { state, progress } = savedProgress(ctx);
  const { ancestors } = placeById(ctx.roadmap, item.id) ?? { ancestors: [] };
  const status = itemStatus(item, progress);
  const topics = item.kind === 'topic' ? [item] : topicsOf([item]);
  const byKey = new Map(topics.map((t) => [t.key, t]));
  const changes = changesOf(state.history, new Set(byKey.keys()));
  const dates =
    item.kind === 'topic'
      ? leafDates(changes, status)
      : groupDates(
          topics.map((t) => leafDates(changesOf(changes, new Set([t.key])), statusOf(progress, t.key))),
          status,
        );
  const part = ancestors[0] ?? item;
  const stageNumber = own(ctx.roadmap.partStages, part.id);
  const stage = stageNumber === undefined ? undefined : ctx.roadmap.stages[stageNumber - 1];
  return {
    ...refOf(item),
    invocation: ctx.invocation,
    kind: item.kind,
    key: item.key,
    line: item.line,
    where: ancestors.map(refOf),
    ...(item.label ? { label: item.label } : {}),
    ...(item.description ? { description: item.description } : {}),
    ...(stage ? { stage: { number: stage.number, of: ctx.roadmap.stages.length, title: stage.title } } : {}),
    status,
    checked: item.checked === true,
    dates,
    ...(item.kind === 'topic' ? {} : { tally: tally([item], progress) }),
    ...estimateOf(item),
    links: item.links,
    details: item.details ?? [],
    notes: notesOf(state.notes, item.key),
    children: item.children.map((c) => ({
      ...refOf(c),
      kind: c.kind,
      status: itemStatus(c, progress),
      ...estimateOf(c),
    })),
    sections: [],
    ...(item.kind === 'topic'
      ? { review: topicReview(state, progress, item.key, ctx.now()) }
      : { reviews: groupReviews(state, progress, topics, ctx.now()) }),
    history: changes.map((c) => ({
      at: c.at,
      from: c.from,
      to: c.to,
      ...(item.kind === 'topic' ? {} : { topic: refOf(byKey.get(c.key)!) }),
    })),
  };
}

/** An item's own estimate and its total, where it has them. */
function estimateOf(item: Item): { estimate?: number; total?: EstimateTotal } {
  const total = totalEstimate(item);
  return { ...(item.estimate !== undefined ? { estimate: item.estimate } : {}), ...(total ? { total } : {}) };
}

function projectShown(ctx: Context, id: string): ShowResult {
  const { state, progress } = savedProgress(ctx);
  const entry = projectReadiness(ctx.roadmap, progress).find((p) => p.project.id === id)!;
  const { project } = entry;
  const changes: StatusChange[] = changesOf(state.history, new Set([project.key]));
  return {
    ...refOf(project),
    invocation: ctx.invocation,
    kind: 'project',
    key: project.key,
    line: project.line,
    where: [],
    status: entry.status,
    checked: false,
    dates: leafDates(changes, entry.status),
    tally: entry.tally,
    links: [],
    details: [],
    notes: notesOf(state.notes, project.key),
    children: [],
    sections: entry.sections.map(refOf),
    history: changes.map((c) => ({ at: c.at, from: c.from, to: c.to })),
  };
}

export function show(ctx: Context, ref: string): ShowResult {
  const target = resolveOrThrow(ctx.roadmap, ref);
  return target.type === 'project' ? projectShown(ctx, target.project.id) : itemShown(ctx, target.item);
}

export interface ShowDocument extends DocumentHead<'show'>, EstimateJson {
  readonly id: string;
  readonly kind: ItemKind | 'project';
  readonly title: string;
  readonly key: string;
  readonly line: number;
  readonly where: RefJson[];
  readonly label: string | null;
  readonly description: string | null;
  readonly stage: { readonly number: number; readonly of: number; readonly title: string } | null;
  readonly status: Status;
  readonly checked: boolean;
  readonly started: string | null;
  readonly done: string | null;
  readonly skipped: string | null;
  readonly progress: ProgressJson | null;
  readonly links: { readonly text: string; readonly href: string }[];
  readonly details: DetailJson[];
  readonly notes: NoteJson[];
  readonly children: (RefJson & EstimateJson & { readonly kind: ItemKind; readonly status: Status })[];
  readonly sections: RefJson[];
  readonly review:
    | { readonly state: 'not done' | 'ticked in the file' }
    | {
        readonly state: 'scheduled' | 'settled';
        readonly finishedAt: string;
        readonly next: {
          readonly review: number;
          /** null for a topic scheduled from its grades (FSRS). */
          readonly of: number | null;
          readonly dueAt: string;
          readonly due: boolean;
        } | null;
        readonly reviewedAt: string[];
      }
    | null;
  readonly reviews: GroupReviews | null;
  readonly history: {
    readonly at: string;
    readonly from: Status;
    readonly to: Status;
    readonly topic: RefJson | null;
  }[];
}

function reviewJson(review: TopicReview | undefined): ShowDocument['review'] {
  if (review === undefined) return null;
  if (review.state === 'not done' || review.state === 'ticked in the file') return { state: review.state };
  return {
    state: review.state,
    finishedAt: review.finishedAt,
    next:
      review.state === 'scheduled'
        ? { review: review.review, of: review.of ?? null, dueAt: review.dueAt, due: review.due }
        : null,
    reviewedAt: [...review.reviewedAt],
  };
}

function showJson(r: ShowResult): ShowDocument {
  return document('show', {
    id: r.id,
    kind: r.kind,
    title: r.title,
    key: r.key,
    line: r.line,
    where: r.where.map(refJson),
    label: r.label ?? null,
    description: r.description ?? null,
    stage: r.stage ? { number: r.stage.number, of: r.stage.of, title: r.stage.title } : null,
    status: r.status,
    checked: r.checked,
    started: r.dates.started ?? null,
    done: r.dates.done ?? null,
    skipped: r.dates.skipped ?? null,
    progress: r.tally ? progressJson(r.tally) : null,
    ...estimateJson(r.estimate, r.total),
    links: r.links.map((l) => ({ text: l.text, href: l.href })),
    details: detailsJson(r.details),
    notes: notesJson(r.notes),
    children: r.children.map((c) => ({
      ...refJson(c),
      kind: c.kind,
      status: c.status,
      ...estimateJson(c.estimate, c.total),
    })),
    sections: r.sections.map(refJson),
    review: reviewJson(r.review),
    reviews: r.reviews ? { due: r.reviews.due, upcoming: r.reviews.upcoming, settled: r.reviews.settled } : null,
    history: r.history.map((h) => ({ at: h.at, from: h.from, to: h.to, topic: h.topic ? refJson(h.topic) : null })),
  });
}

export const showCommand = defineCommand({
  name: 'show',
  summary: 'show a topic, section, part or project in full: status and dates, links, notes, review and history',
  args: [
    {
      name: 'ref',
      description: 'an ID (1.1.1, 2.3, p2), a slug or part of a title',
      required: true,
      missing: () => 'show needs a REF: roadmap show 2.3.1 (see "roadmap list" for the IDs)',
    },
  ],
  examples: ['roadmap show 2.3.1', 'roadmap show 2.3', 'roadmap show p2', 'roadmap show 2.3.1 --json | jq .history'],
  run: async ({ args, session }: Invocation<{ readonly ref: string }, object>) =>
    show(await session.context(), args.ref),
  text: (result, { style, zone }) => renderShow(result, style, zone),
  json: showJson,
});
