/**
 * The learner's pace against the estimates: how much longer (or shorter) than
 * estimated their finished topics really took. `stats` shows it; `plan` scales
 * the time left by it. Pure.
 *
 * The factor is the ratio of totals, actual minutes over estimated minutes,
 * over the finished topics that have both numbers, rather than the mean of
 * each topic's ratio: a ten-minute topic that took forty minutes should not
 * weigh as much as a ten-hour one. Below MIN_PACE_TOPICS such topics there is
 * no factor (undefined): two topics say more about those topics than about the
 * learner, and whoever plans with it then takes the estimates as they are
 * (a factor of 1) and says so.
 */
import { actualTimes, type ActualTime, type StudyRecords } from './actual-time.js';
import type { Roadmap } from './model.js';
import { statusOf, type Progress } from './progress.js';

/** Finished topics with both an estimate and an actual time needed for a pace factor. */
export const MIN_PACE_TOPICS = 3;

/** A finished topic with both numbers, in minutes. */
export interface TimedTopic {
  readonly key: string;
  readonly estimate: number;
  readonly actual: number;
}

export interface PersonalPace {
  /** Finished topics with both an estimate and an actual time. */
  readonly topics: number;
  /** Their estimates, in minutes, added up. */
  readonly estimated: number;
  /** Their actual times, in minutes, added up. */
  readonly actual: number;
  /** actual / estimated, unrounded; absent below MIN_PACE_TOPICS topics. */
  readonly factor?: number;
  /** Each topic's actual / estimate, in the order given (for a range around the factor). */
  readonly ratios: readonly number[];
}

/** actual / estimated over the topics; undefined below MIN_PACE_TOPICS of them. */
export function paceFactor(timed: readonly TimedTopic[]): number | undefined {
  return personalPace(timed).factor;
}

export function personalPace(timed: readonly TimedTopic[]): PersonalPace {
  const usable = timed.filter((t) => t.estimate > 0 && t.actual > 0);
  const estimated = usable.reduce((sum, t) => sum + t.estimate, 0);
  const actual = usable.reduce((sum, t) => sum + t.actual, 0);
  return {
    topics: usable.length,
    estimated,
    actual,
    ...(usable.length >= MIN_PACE_TOPICS ? { factor: actual / estimated } : {}),
    ratios: usable.map((t) => t.actual / t.estimate),
  };
}

/**
 * Each topic's own estimate in minutes, parallel to `roadmap.topics.keys`
 * (0 = none). Read from the topic index so that no part of the tree is loaded;
 * a roadmap parsed before estimates existed has none.
 */
export function topicEstimates(roadmap: Roadmap): readonly number[] {
  return (roadmap.topics as { readonly minutes?: readonly number[] }).minutes ?? [];
}

/** The topics done now that have both an estimate and an actual time, in document order. */
export function timedTopics(
  roadmap: Roadmap,
  records: StudyRecords,
  progress: Progress,
  now: Date,
): { readonly timed: TimedTopic[]; readonly times: ReadonlyMap<string, ActualTime> } {
  const { keys } = roadmap.topics;
  const estimates = topicEstimates(roadmap);
  const finished = keys.filter((key) => statusOf(progress, key) === 'done');
  const times = actualTimes(records, progress, finished, now);
  const timed: TimedTopic[] = [];
  keys.forEach((key, i) => {
    const estimate = estimates[i] ?? 0;
    const actual = times.get(key)?.minutes ?? 0;
    if (estimate > 0 && actual > 0) timed.push({ key, estimate, actual });
  });
  return { timed, times };
}

/** The learner's pace on this roadmap, from their finished topics. */
export function roadmapPace(roadmap: Roadmap, records: StudyRecords, progress: Progress, now: Date): PersonalPace {
  return personalPace(timedTopics(roadmap, records, progress, now).timed);
}
