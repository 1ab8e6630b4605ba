/** Status maths: what is done, how much, and what comes next. Pure functions of tree + records. */
import type { Item, Roadmap, Status } from './model.js';
import { topicsOf } from './tree.js';

export interface StatusRecord {
  readonly status: Status;
  /** ISO 8601 time of the last change. */
  readonly at: string;
}

/** Saved statuses by item key. A key with no record is `todo`. */
export type Progress = Readonly<Record<string, StatusRecord>>;

export interface StatusChange {
  readonly key: string;
  readonly from: Status;
  readonly to: Status;
  readonly at: string;
}

export interface Tally {
  readonly done: number;
  readonly doing: number;
  readonly skipped: number;
  readonly total: number;
  /** Whole percent done, rounded down so 100 means every topic. */
  readonly percent: number;
}

export function statusOf(progress: Progress, key: string): Status {
  return Object.hasOwn(progress, key) ? progress[key]!.status : 'todo';
}

export function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

export function tally(items: readonly Item[], progress: Progress): Tally {
  let done = 0;
  let doing = 0;
  let skipped = 0;
  const topics = topicsOf(items);
  for (const topic of topics) {
    const status = statusOf(progress, topic.key);
    if (status === 'done') done++;
    else if (status === 'doing') doing++;
    else if (status === 'skipped') skipped++;
  }
  return { done, doing, skipped, total: topics.length, percent: percentOf(done, topics.length) };
}

/** A part or section is done when all its topics are, in progress when some are started or done. */
export function itemStatus(item: Item, progress: Progress): Status {
  if (item.kind === 'topic') return statusOf(progress, item.key);
  const t = tally([item], progress);
  if (t.total > 0 && t.done === t.total) return 'done';
  if (t.done > 0 || t.doing > 0) return 'doing';
  if (t.total > 0 && t.skipped === t.total) return 'skipped';
  return 'todo';
}

/**
 * The next topics to study: started topics first, then unfinished ones in
 * learning-path order. Skipped topics are never offered.
 */
export function nextTopics(orderedParts: readonly Item[], progress: Progress, count: number): Item[] {
  const topics = topicsOf(orderedParts);
  const started = topics.filter((t) => statusOf(progress, t.key) === 'doing');
  const todo = topics.filter((t) => statusOf(progress, t.key) === 'todo');
  return [...started, ...todo].slice(0, count);
}

/**
 * Sets `status` on every key; returns the changes (keys already in that status
 * are left alone and reported as unchanged) and the new progress.
 */
export function applyStatus(
  progress: Progress,
  keys: readonly string[],
  status: Status,
  at: string,
): { progress: Progress; changes: StatusChange[]; unchanged: string[] } {
  const next: Record<string, StatusRecord> = { ...progress };
  const changes: StatusChange[] = [];
  const unchanged: string[] = [];
  for (const key of new Set(keys)) {
    const from = statusOf(next, key);
    if (from === status) {
      unchanged.push(key);
      continue;
    }
    next[key] = { status, at };
    changes.push({ key, from, to: status, at });
  }
  return { progress: next, changes, unchanged };
}

export function roadmapTally(roadmap: Roadmap, progress: Progress): Tally {
  return tally(roadmap.parts, progress);
}
