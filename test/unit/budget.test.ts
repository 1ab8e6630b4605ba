/** core/budget: the work left (order, defaults, time logged) and `next --budget`'s choice of topics. */
import { describe, expect, it } from 'vitest';
import {
  defaultEstimate,
  fitBudget,
  FALLBACK_MINUTES,
  loggedMinutes,
  remainingMinutes,
  workLeft,
  type WorkLeft,
} from '../../src/core/budget.js';
import { dict } from '../../src/core/dict.js';
import type { Roadmap, Status } from '../../src/core/model.js';
import { parseRoadmap } from '../../src/core/parse.js';
import type { Progress } from '../../src/core/progress.js';
import { workOf } from '../helpers/work.js';

/** Five topics in two sections, with `minutes` as the topic index's estimates (0 = none). */
function roadmapWith(minutes: readonly number[]): Roadmap {
  const parsed = parseRoadmap(
    ['# R', '## Part 1: One', '1. **A**:', '   - a1', '   - a2', '   - a3', '2. **B**:', '   - b1', '   - b2', ''].join(
      '\n',
    ),
  );
  return { ...parsed, topics: { ...parsed.topics, minutes } };
}

const progressOf = (statuses: Record<string, Status>): Progress =>
  dict(Object.entries(statuses).map(([key, status]) => [key, { status, at: '2026-11-01T00:00:00.000Z' }]));

const none = (): number => 0;

describe('defaultEstimate', () => {
  it.each([
    ['no estimates: an hour', [], FALLBACK_MINUTES, 'fallback'],
    ['only zeros (no estimate) count as none', [0, 0], FALLBACK_MINUTES, 'fallback'],
    ['one estimate', [0, 30, 0], 30, 'median'],
    ['odd count: the middle one', [120, 30, 45], 45, 'median'],
    ['even count: between the middle two', [30, 60, 90, 600], 75, 'median'],
  ] as const)('%s', (_name, estimates, minutes, rule) => {
    expect(defaultEstimate(estimates)).toEqual({ minutes, rule });
  });
});

describe('remainingMinutes (a started topic)', () => {
  it.each([
    ['nothing logged', 120, 0, 120],
    ['some logged', 120, 45, 75],
    ['all of it logged: a quarter still to go', 120, 120, 30],
    ['more than all logged: a quarter still to go', 120, 500, 30],
    ['a quarter rounds up', 10, 10, 3],
  ])('%s', (_name, estimate, logged, left) => {
    expect(remainingMinutes(estimate, logged)).toBe(left);
  });
});

describe('workLeft', () => {
  it('puts started topics first, then learning-path order, without done or skipped ones', () => {
    const roadmap = roadmapWith([30, 30, 30, 30, 30]);
    const keys = roadmap.topics.keys;
    const progress = progressOf({ [keys[0]!]: 'done', [keys[1]!]: 'skipped', [keys[3]!]: 'doing' });
    expect(workLeft(roadmap, progress, none).topics.map((t) => t.id)).toEqual(['1.2.1', '1.1.3', '1.2.2']);
  });

  it('counts topics without an estimate as the median, and says how many', () => {
    const work = workLeft(roadmapWith([30, 0, 90, 0, 60]), progressOf({}), none);
    expect(work.default).toEqual({ minutes: 60, rule: 'median' });
    expect(work.unestimated).toBe(2);
    expect(work.topics.map((t) => [t.estimate, t.minutes])).toEqual([
      [30, 30],
      [undefined, 60],
      [90, 90],
      [undefined, 60],
      [60, 60],
    ]);
  });

  it('takes the time logged off a started topic only', () => {
    const roadmap = roadmapWith([120, 120, 0, 0, 0]);
    const [first, second] = roadmap.topics.keys;
    const logged = (key: string): number => (key === first || key === second ? 50 : 0);
    const work = workLeft(roadmap, progressOf({ [first!]: 'doing' }), logged);
    expect(work.topics.slice(0, 2).map((t) => [t.id, t.started, t.logged, t.minutes])).toEqual([
      ['1.1.1', true, 50, 70],
      ['1.1.2', false, 50, 120],
    ]);
  });

  it('works on a roadmap whose topic index has no estimates at all (parsed before estimates)', () => {
    const parsed = parseRoadmap('# R\n\n- one\n- two\n');
    const work = workLeft(parsed, progressOf({}), none);
    expect(work.topics.map((t) => t.minutes)).toEqual([FALLBACK_MINUTES, FALLBACK_MINUTES]);
    expect(work.default.rule).toBe('fallback');
  });
});

describe('fitBudget', () => {
  const work = workOf;

  it.each([
    ['takes topics in order while they fit', [20, 20, 20], 45, ['t1', 't2'], 40, false],
    ['passes over one too long and keeps looking', [20, 60, 15, 30], 45, ['t1', 't3'], 35, false],
    ['exactly the budget', [30, 15, 10], 45, ['t1', 't2'], 45, false],
    ['nothing fits: the first anyway, marked as over', [90, 60], 45, ['t1'], 90, true],
    ['nothing left at all', [], 45, [], 0, false],
  ])('%s', (_name, minutes, budget, ids, used, over) => {
    const choice = fitBudget(work(minutes), budget);
    expect(choice.topics.map((t) => t.id)).toEqual(ids);
    expect(choice.used).toBe(used);
    expect(choice.over).toBe(over);
    expect(choice.budget).toBe(budget);
  });

  it('counts how many chosen topics have no estimate of their own', () => {
    const left: WorkLeft = {
      ...work([]),
      topics: [
        { id: 'a', key: 'a', started: false, estimate: undefined, logged: 0, minutes: 60 },
        { id: 'b', key: 'b', started: false, estimate: 30, logged: 0, minutes: 30 },
      ],
    };
    expect(fitBudget(left, 120).unestimated).toBe(1);
    expect(fitBudget(left, 30).unestimated).toBe(0);
  });
});

describe('loggedMinutes', () => {
  it('adds up the sessions logged on a topic; a topic with none has 0', () => {
    const sessions = dict([
      [
        'a',
        [
          { at: '2026-11-01T10:00:00.000Z', minutes: 30 },
          { at: '2026-11-02T10:00:00.000Z', minutes: 45 },
        ],
      ],
    ]);
    const logged = loggedMinutes({ sessions });
    expect(logged('a')).toBe(75);
    expect(logged('b')).toBe(0);
    expect(logged('constructor')).toBe(0);
  });
});
