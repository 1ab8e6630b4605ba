/** Status maths: what is done, how much, and what comes next. Pure functions of tree + records. */
import { dict, own, type Dict } from './dict.js';
import type { Item, Roadmap, Status, TopicIndex, TopicRef } from './model.js';
import { topicsOf } from './tree.js';

export interface StatusRecord {
  readonly status: Status;
  /** ISO 8601 time of the last change. */
  readonly at: string;
}

/** Saved statuses by item key. A key with no record is `todo`. */
export type Progress = Dict<StatusRecord>;

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
  return own(progress, key)?.status ?? 'todo';
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

/**
 * Progress in words, the one way every output for people says it (status, next,
 * done, stats, the menu, the markdown checklist, the picture): `3/44 topics, 6%`,
 * and `, 2 skipped` when some are.
 */
export function progressWords(t: Tally): string {
  const skipped = t.skipped > 0 ? `, ${t.skipped} skipped` : '';
  return `${t.done}/${t.total} topics, ${t.percent}%${skipped}`;
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
 * learning-path order (parts by stage, then as in the document). Skipped topics
 * are never offered. Works from the topic index alone.
 */
export function nextTopics(roadmap: Roadmap, progress: Progress, count: number): TopicRef[] {
  const { ids, keys } = roadmap.topics;
  // This runs on every `next`, on roadmaps of thousands of topics: when nothing is
  // started, stop at the first unfinished topics instead of looking at every one.
  const anyStarted = Object.values(progress).some((record) => record.status === 'doing');
  const started: number[] = [];
  const todo: number[] = [];
  for (const i of inPathOrder(roadmap)) {
    if (!anyStarted && todo.length === count) break;
    const status = statusOf(progress, keys[i]!);
    if (status === 'doing') started.push(i);
    else if (status === 'todo' && todo.length < count) todo.push(i);
  }
  return [...started, ...todo].slice(0, count).map((i) => ({ id: ids[i]!, key: keys[i]! }));
}

/** Topic positions in learning-path order: parts by stage (no sort of the topics), then as in the document. */
function* inPathOrder(roadmap: Roadmap): Generator<number> {
  const { ids } = roadmap.topics;
  if (Object.keys(roadmap.partStages).length === 0) {
    for (let i = 0; i < ids.length; i++) yield i;
    return;
  }
  const byStage = new Map<number, number[]>();
  ids.forEach((id, i) => {
    const dot = id.indexOf('.');
    const stage = own(roadmap.partStages, dot < 0 ? id : id.slice(0, dot)) ?? 0;
    const bucket = byStage.get(stage);
    if (bucket) bucket.push(i);
    else byStage.set(stage, [i]);
  });
  for (const stage of [...byStage.keys()].sort((a, b) => a - b)) yield* byStage.get(stage)!;
}

/**
 * What setting `status` on every key changes: keys already in that status are
 * reported as unchanged. `progress` is what the learner sees (file marks included).
 */
export function statusChanges(
  progress: Progress,
  keys: readonly string[],
  status: Status,
  at: string,
): { changes: StatusChange[]; unchanged: string[] } {
  const changes: StatusChange[] = [];
  const unchanged: string[] = [];
  for (const key of new Set(keys)) {
    const from = statusOf(progress, key);
    if (from === status) unchanged.push(key);
    else changes.push({ key, from, to: status, at });
  }
  return { changes, unchanged };
}

/** Saved progress with the changes recorded, each with its time. */
export function applyChanges(saved: Progress, changes: readonly StatusChange[]): Progress {
  const next = dict(Object.entries(saved));
  for (const change of changes) next[change.key] = { status: change.to, at: change.at };
  return next;
}

const keySets = new WeakMap<TopicIndex, ReadonlySet<string>>();
const keyPositions = new WeakMap<TopicIndex, ReadonlyMap<string, number>>();

/**
 * The keys of every topic of the roadmap, built once per topic index. A Set of
 * the keys is built by the engine in one native step: this runs on every `next`,
 * on roadmaps of thousands of topics.
 */
export function topicKeySet(roadmap: Roadmap): ReadonlySet<string> {
  let known = keySets.get(roadmap.topics);
  if (!known) keySets.set(roadmap.topics, (known = new Set(roadmap.topics.keys)));
  return known;
}

/** The position (in document order) of every topic of the roadmap by key, built once per topic index. */
export function topicKeys(roadmap: Roadmap): ReadonlyMap<string, number> {
  let known = keyPositions.get(roadmap.topics);
  if (!known) keyPositions.set(roadmap.topics, (known = new Map(roadmap.topics.keys.map((key, i) => [key, i]))));
  return known;
}

/**
 * The whole roadmap's tally, from the topic index and the saved records: the
 * records are few, the topics maybe thousands, and the map of keys is built once.
 */
export function roadmapTally(roadmap: Roadmap, progress: Progress): Tally {
  const known = topicKeySet(roadmap);
  let done = 0;
  let doing = 0;
  let skipped = 0;
  for (const [key, { status }] of Object.entries(progress)) {
    if (!known.has(key)) continue;
    if (status === 'done') done++;
    else if (status === 'doing') doing++;
    else if (status === 'skipped') skipped++;
  }
  const total = roadmap.topics.keys.length;
  return { done, doing, skipped, total, percent: percentOf(done, total) };
}

/** The time given to a mark that comes from the file itself rather than from the learner. */
export const FILE_MARK_TIME = '1970-01-01T00:00:00.000Z';

/**
 * The learner's saved statuses over the file's own ticks: a topic checked in
 * the file (`- [x]`) is done until the learner says otherwise.
 */
export function withFileMarks(roadmap: Roadmap, saved: Progress): Progress {
  const { checked } = roadmap.topics;
  if (checked.length === 0) return saved;
  const marks = checked.map((key): [string, StatusRecord] => [key, { status: 'done', at: FILE_MARK_TIME }]);
  return dict([...marks, ...Object.entries(saved)]);
}
