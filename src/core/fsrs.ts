/**
 * FSRS, the Free Spaced Repetition Scheduler (through ts-fsrs), for topics whose
 * reviews were graded. A topic's schedule is worked out afresh from its log each
 * time (nothing derived is saved): finishing the topic is its first answer,
 * graded good, and each review since is an answer with its grade.
 *
 * The build keeps this module (with ts-fsrs) in a bundle of its own, loaded the
 * first time a graded topic is scheduled (scripts/build.mjs): `next` and
 * `status` for a learner who never grades do not load it.
 */
import { createEmptyCard, fsrs, Rating, type Card, type FSRS, type FSRSParameters } from 'ts-fsrs';
import type { Grade } from './state.js';

/** One answer in a topic's log. */
export interface Answer {
  readonly at: string;
  readonly grade: Grade;
}

/** Where a topic stands after an answer. */
export interface FsrsStep {
  readonly at: string;
  readonly grade: Grade;
  /** When the next review is due. */
  readonly dueAt: string;
  /** Whole days from this answer to the next review. */
  readonly intervalDays: number;
  /** FSRS's memory state: the days until recall falls to 90%, and how hard the topic is (1-10). */
  readonly stability: number;
  readonly difficulty: number;
}

const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;

/**
 * The scheduler roadmap uses: the library's default weights and 90% retention,
 * but no short-term steps (a topic comes back after days, never minutes: an
 * "again" brings it back the next day) and no fuzz (the same log always gives
 * the same dates, on every machine, so nothing needs saving).
 */
export const ROADMAP_FSRS: Partial<FSRSParameters> = { enable_short_term: false, enable_fuzz: false };

/** Made once, on first use: making a scheduler costs more than replaying a topic's log. */
let roadmapScheduler: FSRS | undefined;

/**
 * Every answer in order, each with the schedule it leads to. `answers` must be
 * oldest first; the first one is the topic's first learning (for a topic: its
 * finish). `parameters` are for tests against the library's published examples.
 */
export function replay(
  answers: readonly Answer[],
  parameters: Partial<FSRSParameters> = ROADMAP_FSRS,
): readonly FsrsStep[] {
  const scheduler = parameters === ROADMAP_FSRS ? (roadmapScheduler ??= fsrs(ROADMAP_FSRS)) : fsrs(parameters);
  let card: Card = createEmptyCard(answers[0] === undefined ? new Date(0) : new Date(answers[0].at));
  return answers.map(({ at, grade }) => {
    card = scheduler.next(card, new Date(at), RATINGS[grade]).card;
    return {
      at,
      grade,
      dueAt: card.due.toISOString(),
      intervalDays: card.scheduled_days,
      stability: card.stability,
      difficulty: card.difficulty,
    };
  });
}

/**
 * When a topic finished at `finishedAt` and reviewed since (oldest first) is
 * next due: finishing it counts as a first, good, answer.
 */
export function fsrsDue(finishedAt: string, reviews: readonly Answer[]): string {
  return replay([{ at: finishedAt, grade: 'good' }, ...reviews]).at(-1)!.dueAt;
}
