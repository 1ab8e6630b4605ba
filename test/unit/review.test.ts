/** core/review: when a finished topic comes back for review, with an injected now. */
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/activity.js';
import type { Progress, StatusChange } from '../../src/core/progress.js';
import { finishTimes, reviewPlan, scheduleOf } from '../../src/core/review.js';
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
    const plan = reviewPlan(history, progress, { fifth: [plus(8), plus(31)] }, at(plus(12)), (k) =>
      keys.includes(k) ? keys.indexOf(k) : undefined,
    );
    expect(plan.due.map((e) => e.key)).toEqual(['first', 'second', 'third']);
    expect(plan.upcoming.map((e) => [e.key, e.schedule.dueAt])).toEqual([['fourth', plus(16)]]);
    expect(plan.settled).toBe(1);
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
