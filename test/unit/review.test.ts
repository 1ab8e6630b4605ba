/** core/review: when a finished topic comes back for review, with an injected now. */
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/activity.js';
import type { Progress, StatusChange } from '../../src/core/progress.js';
import { fsrsDue } from '../../src/core/fsrs.js';
import { finishTimes, reviewPlan, scheduleOf } from '../../src/core/review.js';
import type { GradedReview } from '../../src/core/state.js';
import { byTime } from '../../src/core/time.js';

const finished = '2026-11-01T10:00:00.000Z';
const plus = (days: number, from = finished): string => new Date(Date.parse(from) + days * DAY_MS).toISOString();
const at = (iso: string): Date => new Date(iso);

describe('scheduleOf', () => {
  it.each([
    ['6 days on: review 1 not due yet', [], plus(6), 1, plus(7), false],
    ['7 days on: review 1 due', [], plus(7), 1, plus(7), true],
    ['45 days on, never reviewed: still review 1 (overdue)', [], plus(45), 1, plus(7), true],
    ['reviewed at day 8: review 2 at day 30', [plus(8)], plus(29), 2, plus(30), false],
    ['reviewed at day 8, now day 30: review 2 due', [plus(8)], plus(30), 2, plus(30), true],
    ['reviewed late at day 28: review 2 not before day 35', [plus(28)], plus(31), 2, plus(35), false],
    ['a review from before the last finish does not count', [plus(-20)], plus(7), 1, plus(7), true],
  ] as const)('%s', (_name, reviews, now, review, dueAt, due) => {
    expect(scheduleOf(finished, reviews, at(now))).toEqual({
      kind: 'scheduled',
      finishedAt: finished,
      review,
      dueAt,
      due,
      graded: false,
    });
  });

  it('is settled after two reviews', () => {
    expect(scheduleOf(finished, [plus(30), plus(8)], at(plus(90)))).toEqual({
      kind: 'settled',
      finishedAt: finished,
      reviewedAt: [plus(8), plus(30)],
    });
  });
});

const change = (key: string, to: StatusChange['to'], iso: string): StatusChange => ({
  key,
  from: to === 'done' ? 'todo' : 'done',
  to,
  at: iso,
});

describe('finishTimes', () => {
  it('is the last time each topic that is done now was marked done', () => {
    const history = [
      change('a', 'done', plus(0)),
      change('a', 'todo', plus(1)),
      change('a', 'done', plus(2)),
      change('b', 'done', plus(0)),
      change('b', 'todo', plus(1)), // not done now
      change('p1', 'done', plus(0)), // not a topic
    ];
    const progress: Progress = {
      a: { status: 'done', at: plus(2) },
      b: { status: 'todo', at: plus(1) },
      p1: { status: 'done', at: plus(0) },
      ticked: { status: 'done', at: '1970-01-01T00:00:00.000Z' }, // done in the file: no history
    };
    expect([...finishTimes(history, progress, (k) => k !== 'p1')]).toEqual([['a', plus(2)]]);
  });
});

describe('reviewPlan', () => {
  it('splits due from upcoming and settled, the longest waiting first, ties in document order', () => {
    const keys = ['first', 'second', 'third', 'fourth', 'fifth'];
    const history = [
      change('second', 'done', plus(0)),
      change('first', 'done', plus(0)),
      change('third', 'done', plus(3)),
      change('fourth', 'done', plus(9)),
      change('fifth', 'done', plus(0)),
    ];
    const progress: Progress = Object.fromEntries(keys.map((k) => [k, { status: 'done', at: plus(0) }]));
    const log = { history, reviews: { fifth: [plus(8), plus(31)] }, grades: {} };
    const plan = reviewPlan(log, progress, at(plus(12)), (k) => (keys.includes(k) ? keys.indexOf(k) : undefined));
    expect(plan.due.map((e) => e.key)).toEqual(['first', 'second', 'third']);
    expect(plan.upcoming.map((e) => [e.key, e.schedule.dueAt])).toEqual([['fourth', plus(16)]]);
    expect(plan.settled).toBe(1);
  });
});

describe('scheduleOf, once a review is graded: FSRS from the whole log since the finish', () => {
  const good = (iso: string): GradedReview => ({ at: iso, grade: 'good' });

  it('a graded review: due when FSRS says (finish good, day 7 good), never settled, no "of"', () => {
    expect(scheduleOf(finished, [plus(7)], at(plus(27)), [good(plus(7))])).toEqual({
      kind: 'scheduled',
      finishedAt: finished,
      review: 2,
      dueAt: fsrsDue(finished, [good(plus(7))]),
      due: false,
      graded: true,
    });
    expect(fsrsDue(finished, [good(plus(7))])).toBe(plus(28));
    expect(scheduleOf(finished, [plus(7)], at(plus(28)), [good(plus(7))])).toMatchObject({ due: true });
  });

  it('two reviews, the second graded: not settled; the ungraded first counts as good', () => {
    const log = [plus(8), plus(30)];
    const hard: GradedReview = { at: plus(30), grade: 'hard' };
    expect(scheduleOf(finished, log, at(plus(31)), [hard])).toMatchObject({
      kind: 'scheduled',
      review: 3,
      dueAt: fsrsDue(finished, [good(plus(8)), hard]),
      graded: true,
    });
  });

  it('grades from before the last finish do not count: the 7/30-day rule again', () => {
    expect(scheduleOf(finished, [plus(-20)], at(plus(7)), [good(plus(-20))])).toMatchObject({
      review: 1,
      dueAt: plus(7),
      due: true,
      graded: false,
    });
  });

  it('a graded review missing from the reviews (a file edited by hand) still counts', () => {
    expect(scheduleOf(finished, [], at(plus(7)), [good(plus(7))])).toMatchObject({
      dueAt: fsrsDue(finished, [good(plus(7))]),
      graded: true,
    });
  });
});

describe('byTime', () => {
  it('orders ISO times by the instant, whatever their precision', () => {
    const times = ['2026-11-27T09:00:00.500Z', '2026-11-27T09:00:00Z', '2026-11-26T23:59:59.999Z'];
    expect([...times].sort(byTime)).toEqual([
      '2026-11-26T23:59:59.999Z',
      '2026-11-27T09:00:00Z',
      '2026-11-27T09:00:00.500Z',
    ]);
  });
});
