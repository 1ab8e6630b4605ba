/** core/plan: the pace range and the week-by-week plan behind `roadmap plan`, from hand-made work lists. */
import { describe, expect, it } from 'vitest';
import { workOf } from '../helpers/work.js';
import { dayReached, paceOf, planOf, type Pace } from '../../src/core/plan.js';

const work = workOf;

const even: Pace = paceOf(undefined, []);

describe('paceOf', () => {
  it.each([
    ['no factor, no data: the estimates as they are, ±25%', undefined, [], 1, 0.75, 1.25, 'assumed', 'fixed'],
    ['a factor, too few topics for a spread: ±25% of it', 1.2, [1, 1.4], 1.2, 0.9, 1.5, 'measured', 'fixed'],
    ['five topics: the middle half of their pace', 1.2, [0.8, 1, 1.2, 1.4, 2], 1.2, 1, 1.4, 'measured', 'spread'],
    ['the factor stays inside its range', 2.5, [0.8, 1, 1.2, 1.4, 2], 2.5, 1, 2.5, 'measured', 'spread'],
    ['interpolates between neighbours', 1, [1, 1, 2, 2, 3, 3], 1, 1, 2.75, 'measured', 'spread'],
    ['ignores ratios that are not a pace', undefined, [0, -1, Number.NaN, 1], 1, 0.75, 1.25, 'assumed', 'fixed'],
  ] as const)('%s', (_name, factor, ratios, point, low, high, basis, range) => {
    const pace = paceOf(factor, ratios);
    expect(pace.factor).toBeCloseTo(point);
    expect(pace.low).toBeCloseTo(low);
    expect(pace.high).toBeCloseTo(high);
    expect(pace.basis).toBe(basis);
    expect(pace.range).toBe(range);
  });
});

describe('dayReached (study spread evenly over the seven days of a week)', () => {
  it.each([
    ['a few minutes: the first day', 10, '2026-12-01'],
    ['exactly a week: its seventh day', 360, '2026-12-07'],
    ['half a week: the fourth day', 180, '2026-12-04'],
    ['a week and a minute: the eighth day', 361, '2026-12-08'],
    ['ten weeks', 3600, '2027-02-08'],
  ])('%s', (_name, minutes, day) => {
    expect(dayReached('2026-12-01', minutes, 360)).toBe(day);
  });
});

describe('planOf', () => {
  it('fills weeks in order and carries a long topic over into the next week', () => {
    const plan = planOf(work([120, 120, 240, 60]), 360, even, '2026-12-01');
    expect(plan.weeks.map((w) => [w.number, w.start, w.end, w.minutes])).toEqual([
      [1, '2026-12-01', '2026-12-07', 360],
      [2, '2026-12-08', '2026-12-14', 180],
    ]);
    expect(plan.weeks[0]!.topics.map((t) => [t.id, t.minutes, t.finishes, t.continued])).toEqual([
      ['t1', 120, true, false],
      ['t2', 120, true, false],
      ['t3', 120, false, false],
    ]);
    expect(plan.weeks[1]!.topics.map((t) => [t.id, t.minutes, t.finishes, t.continued])).toEqual([
      ['t3', 120, true, true],
      ['t4', 60, true, false],
    ]);
    expect(plan.topics).toBe(4);
    expect(plan.estimatedMinutes).toBe(540);
    expect(plan.plannedMinutes).toBe(540);
    // 540 minutes at 360 a week: 1.5 weeks, 10.5 days: the eleventh day.
    expect(plan.finish).toEqual({ on: '2026-12-11', earliest: '2026-12-08', latest: '2026-12-14', weeks: 1.5 });
  });

  it('a topic longer than a week spans several', () => {
    const plan = planOf(work([1000]), 360, even, '2026-12-01');
    expect(plan.weeks.map((w) => w.topics.map((t) => [t.minutes, t.finishes, t.continued]))).toEqual([
      [[360, false, false]],
      [[360, false, true]],
      [[280, true, true]],
    ]);
  });

  it('multiplies each topic by the pace factor, and the range by its ends', () => {
    const slow = paceOf(1.5, []);
    const plan = planOf(work([60, 60, 60, 60]), 360, slow, '2026-12-01');
    expect(plan.weeks[0]!.topics.map((t) => t.total)).toEqual([90, 90, 90, 90]);
    expect(plan.plannedMinutes).toBe(360);
    expect(plan.estimatedMinutes).toBe(240);
    // 360 at 360 a week: the seventh day; 240 × 1.125 = 270 and 240 × 1.875 = 450.
    expect(plan.finish).toEqual({ on: '2026-12-07', earliest: '2026-12-06', latest: '2026-12-09', weeks: 1 });
  });

  it('has no weeks and no finish when nothing is left', () => {
    const plan = planOf(work([]), 360, even, '2026-12-01');
    expect(plan.weeks).toEqual([]);
    expect(plan.finish).toBeUndefined();
  });

  it('crosses the end of a month and of a year', () => {
    const plan = planOf(work([600]), 120, even, '2026-12-28');
    expect(plan.weeks.map((w) => `${w.start}..${w.end}`)).toEqual([
      '2026-12-28..2027-01-03',
      '2027-01-04..2027-01-10',
      '2027-01-11..2027-01-17',
      '2027-01-18..2027-01-24',
      '2027-01-25..2027-01-31',
    ]);
    expect(plan.finish?.on).toBe('2027-01-31');
  });
});
