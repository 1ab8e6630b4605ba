/**
 * A class following one roadmap together: each member's progress and last
 * activity, how many finished each topic, and who has gone quiet. Pure: the
 * members' logs come from a shared sync repository (src/io/cohort.ts).
 */
import { mergeEvents, type SyncEvent } from './events.js';
import { own } from './dict.js';
import type { Roadmap } from './model.js';
import { roadmapTally, statusOf, withFileMarks, type Tally } from './progress.js';
import { topicsOf } from './tree.js';

/** A member with no change for this many days is idle. */
export const IDLE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MemberProgress {
  readonly name: string;
  readonly tally: Tally;
  /** Their latest change to this roadmap (ISO UTC); undefined if they have none. */
  readonly lastActivity?: string;
  readonly idle: boolean;
}

export interface TopicFinishes {
  readonly id: string;
  readonly title: string;
  readonly key: string;
  /** Members who finished it. */
  readonly finished: number;
}

export interface Cohort {
  readonly title: string;
  readonly now: string;
  /** By progress, most done first, then by name. */
  readonly members: readonly MemberProgress[];
  /** Every topic, in roadmap order. */
  readonly topics: readonly TopicFinishes[];
}

export function cohortOf(
  roadmap: Roadmap,
  roadmapId: string,
  logs: ReadonlyMap<string, readonly SyncEvent[]>,
  now: Date,
): Cohort {
  const topics = topicsOf(roadmap.parts);
  const finished = new Map<string, number>();
  const members: MemberProgress[] = [];
  for (const [name, events] of logs) {
    const mine = events.filter((e) => e.roadmap === roadmapId);
    const state = own(mergeEvents(mine), roadmapId);
    const progress = withFileMarks(roadmap, state?.items ?? {});
    for (const topic of topics) {
      if (statusOf(progress, topic.key) === 'done') finished.set(topic.key, (finished.get(topic.key) ?? 0) + 1);
    }
    let last: string | undefined;
    for (const event of mine) if (last === undefined || Date.parse(event.time) > Date.parse(last)) last = event.time;
    members.push({
      name,
      tally: roadmapTally(roadmap, progress),
      ...(last === undefined ? {} : { lastActivity: last }),
      idle: last === undefined || now.getTime() - Date.parse(last) > IDLE_DAYS * DAY_MS,
    });
  }
  members.sort((a, b) => b.tally.done - a.tally.done || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    title: roadmap.title,
    now: now.toISOString(),
    members,
    topics: topics.map((t) => ({ id: t.id, title: t.title, key: t.key, finished: finished.get(t.key) ?? 0 })),
  };
}
