/**
 * Spaced review. A finished topic comes back 7 days after it was finished and
 * again 30 days after (and at least 7 days after the first review); after the
 * second review it is settled. That is the rule for reviews without a grade.
 * Once a review of the topic is graded (again, hard, good, easy), FSRS schedules
 * it from then on, from its whole log since the finish (core/fsrs.ts): an
 * ungraded review in that log counts as good, and the topic is never settled.
 * Pure: the schedule is worked out from the saved history, the recorded reviews
 * and grades, and a given now.
 */
import { DAY_MS } from './activity.js';
import { own } from './dict.js';
import { fsrsDue, type Answer } from './fsrs.js';
import type { Progress, StatusChange } from './progress.js';
import type { GradedReview, RoadmapState } from './state.js';
import { byTime } from './time.js';

/** Days after the finish each review is due. */
export const REVIEW_DAYS: readonly number[] = [7, 30];
/** The least time between two reviews of one topic. */
export const REVIEW_GAP_DAYS = 7;
/** `next` holds back new topics while more than this many reviews are due, unless the learner set another limit. */
export const DEFAULT_REVIEW_LIMIT = 20;

export type ReviewSchedule =
  | {
      readonly kind: 'scheduled';
      /** When the topic was (last) finished. */
      readonly finishedAt: string;
      /** Which review comes next, 1-based (of REVIEW_DAYS.length, unless graded). */
      readonly review: number;
      readonly dueAt: string;
      readonly due: boolean;
      /** Scheduled by FSRS from its grades, rather than by REVIEW_DAYS. */
      readonly graded: boolean;
    }
  | { readonly kind: 'settled'; readonly finishedAt: string; readonly reviewedAt: readonly string[] };

/**
 * The schedule of one topic finished at `finishedAt`. Reviews and grades
 * recorded before that finish (the topic was undone and done again since) do
 * not count: the schedule starts again.
 */
export function scheduleOf(
  finishedAt: string,
  reviews: readonly string[],
  now: Date,
  grades: readonly GradedReview[] = [],
): ReviewSchedule {
  const finish = Date.parse(finishedAt);
  const counted = reviews.filter((r) => Date.parse(r) >= finish).sort();
  const graded = grades.filter((g) => Date.parse(g.at) >= finish);
  if (graded.length > 0) {
    const dueAt = fsrsDue(finishedAt, answersOf(counted, graded));
    return {
      kind: 'scheduled',
      finishedAt,
      review: counted.length + 1,
      dueAt,
      due: now >= new Date(dueAt),
      graded: true,
    };
  }
  if (counted.length >= REVIEW_DAYS.length) return { kind: 'settled', finishedAt, reviewedAt: counted };
  const last = counted.at(-1);
  const dueTime = Math.max(
    finish + REVIEW_DAYS[counted.length]! * DAY_MS,
    last === undefined ? 0 : Date.parse(last) + REVIEW_GAP_DAYS * DAY_MS,
  );
  return {
    kind: 'scheduled',
    finishedAt,
    review: counted.length + 1,
    dueAt: new Date(dueTime).toISOString(),
    due: now.getTime() >= dueTime,
    graded: false,
  };
}

/** The reviews as FSRS answers, oldest first: each with its grade, or good when it has none. */
function answersOf(reviews: readonly string[], grades: readonly GradedReview[]): Answer[] {
  const gradeAt = new Map(grades.map((g) => [g.at, g.grade]));
  // Every graded review is a review; one missing from `reviews` (a hand-edited file) still counts.
  const times = [...new Set([...reviews, ...gradeAt.keys()])].sort(byTime);
  return times.map((at) => ({ at, grade: gradeAt.get(at) ?? 'good' }));
}

/** What a review schedule is worked out from: a roadmap's saved history, reviews and grades. */
export type ReviewLog = Pick<RoadmapState, 'history' | 'reviews' | 'grades'>;

/**
 * When each topic that is done now was last marked done, from the history.
 * Topics done only because the file ticks them have no finish time, and no reviews.
 */
export function finishTimes(
  history: readonly StatusChange[],
  progress: Progress,
  counts: (key: string) => boolean,
): Map<string, string> {
  const finished = new Map<string, string>();
  for (const change of history) {
    if (change.to !== 'done' || !counts(change.key)) continue;
    const before = finished.get(change.key);
    if (before === undefined || Date.parse(change.at) >= Date.parse(before)) finished.set(change.key, change.at);
  }
  for (const key of finished.keys()) {
    if (own(progress, key)?.status !== 'done') finished.delete(key);
  }
  return finished;
}

export interface ReviewEntry {
  readonly key: string;
  readonly schedule: ReviewSchedule & { readonly kind: 'scheduled' };
}

export interface ReviewPlan {
  /** Due now, the longest-waiting first. */
  readonly due: readonly ReviewEntry[];
  /** Not due yet, the soonest first. */
  readonly upcoming: readonly ReviewEntry[];
  /** Topics reviewed as often as they will be. */
  readonly settled: number;
}

/**
 * Every finished topic's place in the schedule. `position` gives a topic's
 * place in the document (ties in time are shown in document order), undefined
 * for keys that are not topics of the roadmap (projects, removed items).
 */
export function reviewPlan(
  log: ReviewLog,
  progress: Progress,
  now: Date,
  position: (key: string) => number | undefined,
): ReviewPlan {
  const due: ReviewEntry[] = [];
  const upcoming: ReviewEntry[] = [];
  let settled = 0;
  const counts = (key: string): boolean => position(key) !== undefined;
  for (const [key, finishedAt] of finishTimes(log.history, progress, counts)) {
    const schedule = scheduleOf(finishedAt, own(log.reviews, key) ?? [], now, own(log.grades, key) ?? []);
    if (schedule.kind === 'settled') settled++;
    else (schedule.due ? due : upcoming).push({ key, schedule });
  }
  const byDue = (a: ReviewEntry, b: ReviewEntry): number =>
    byTime(a.schedule.dueAt, b.schedule.dueAt) || position(a.key)! - position(b.key)!;
  return { due: due.sort(byDue), upcoming: upcoming.sort(byDue), settled };
}
