/**
 * core/fsrs: the FSRS schedule of a graded topic, checked against ts-fsrs's own
 * published examples (its repository's packages/fsrs/__tests__), then the
 * dates roadmap's own settings give.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../src/core/activity.js';
import { fsrsDue, replay, type Answer } from '../../src/core/fsrs.js';
import type { Grade } from '../../src/core/state.js';

/**
 * Answers the way the library's examples give them: each one when the answer
 * before it made the card due.
 */
function answeredWhenDue(
  grades: readonly Grade[],
  parameters: Parameters<typeof replay>[1],
): ReturnType<typeof replay> {
  const answers: Answer[] = [];
  let at = '2022-12-29T12:30:00.000Z';
  for (const grade of grades) {
    answers.push({ at, grade });
    at = replay(answers, parameters).at(-1)!.dueAt;
  }
  return replay(answers, parameters);
}

const [again, hard, good, easy] = ['again', 'hard', 'good', 'easy'] as const;

describe('replay against the library: __tests__/impl/long-term_scheduler.test.ts', () => {
  // The weights those examples use (FSRS-5's 19; the library fills in the rest, and says so on console.debug).
  const w = [
    0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178, 2.0225, 0.0904, 0.3025,
    2.1214, 0.2498, 2.9466, 0.4891, 0.6468,
  ];
  const parameters = { w, enable_short_term: false };
  beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it.each([
    [
      'test1',
      [good, good, good, good, good, good, again, again, good, good, good, good, good],
      [3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773],
      [
        3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739, 16.63063166, 3.01732209,
        11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648,
      ],
      [
        4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071, 5.55956298, 5.26323756,
        4.98688448, 4.72915759, 4.4888015, 4.26464541,
      ],
    ],
    [
      'test2',
      [again, hard, good, easy, again, hard, good, easy],
      [1, 2, 6, 41, 4, 7, 21, 133],
      [0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155, 132.81849454],
      [7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922, 5.36588547],
    ],
    [
      'test3',
      [hard, good, easy, again, hard, good, easy, again],
      [2, 7, 54, 5, 8, 26, 171, 8],
      [1.1869, 6.59167572, 53.76078737, 5.0853693, 8.09786749, 25.52991279, 171.16195166, 8.11072373],
      [6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736, 5.71619151],
    ],
  ] as const)(
    '%s: the intervals, stabilities and difficulties published',
    (_name, grades, days, stability, difficulty) => {
      const steps = answeredWhenDue(grades, parameters);
      expect(steps.map((s) => s.intervalDays)).toEqual(days);
      expect(steps.map((s) => s.stability)).toEqual(stability);
      expect(steps.map((s) => s.difficulty)).toEqual(difficulty);
      // The due date is the answer plus the interval, to the millisecond.
      for (const s of steps) expect(Date.parse(s.dueAt) - Date.parse(s.at)).toBe(s.intervalDays * DAY_MS);
    },
  );
});

describe('replay against the library: __tests__/FSRS-6.test.ts, "memory state[long-term]"', () => {
  it('again, then good five times, 0, 0, 1, 3, 8 and 21 days apart: the memory state fsrs-rs gives', () => {
    const w = [
      0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
      1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];
    let time = Date.parse('2022-12-29T12:30:00.000Z');
    const answers = [again, good, good, good, good, good].map((grade, i) => {
      time += [0, 0, 1, 3, 8, 21][i]! * DAY_MS;
      return { at: new Date(time).toISOString(), grade };
    });
    const last = replay(answers, { w, enable_short_term: false }).at(-1)!;
    expect(last.stability).toBeCloseTo(53.335106, 4);
    expect(last.difficulty).toBeCloseTo(6.3574867, 4);
  });
});

describe("fsrsDue with roadmap's settings (default weights, 90% retention, whole days, no fuzz)", () => {
  const finished = '2026-11-01T10:00:00.000Z';
  const day = (n: number): string => new Date(Date.parse(finished) + n * DAY_MS).toISOString();

  it('finishing counts as a first good answer: with no review yet, due 3 days on', () => {
    expect(fsrsDue(finished, [])).toBe(day(3));
  });

  it.each([
    [again, 8],
    [hard, 21],
    [good, 28],
    [easy, 45],
  ] as const)('reviewed 7 days on and graded %s: due on day %i', (grade, due) => {
    expect(fsrsDue(finished, [{ at: day(7), grade }])).toBe(day(due));
  });

  it('is the same every time for the same log (no fuzz)', () => {
    const log = [
      { at: day(7), grade: good },
      { at: day(29), grade: hard },
    ];
    expect(fsrsDue(finished, log)).toBe(fsrsDue(finished, log));
    expect(Date.parse(fsrsDue(finished, log))).toBeGreaterThan(Date.parse(day(29)));
  });
});
