/** core/stats: the streak, the pace and the estimate behind `roadmap stats`, with an injected now. */
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/activity.js';
import type { StatusChange, Tally } from '../../src/core/progress.js';
import { estimateOf, oneDecimal, paceOf, statsOf, streakOf } from '../../src/core/stats.js';
import { blockBar, estimateText, renderStats } from '../../src/render/stats.js';
import type { StatsResult } from '../../src/commands/stats.js';
import { styleFor } from '../../src/render/colour.js';
import { UTC } from '../../src/core/zone.js';

const now = new Date('2026-11-27T09:00:00.000Z');
const at = (iso: string, key = 'a', to: StatusChange['to'] = 'done'): StatusChange => ({
  key,
  from: 'todo',
  to,
  at: iso,
});
const daysAgo = (d: number): string => new Date(now.getTime() - d * DAY_MS).toISOString();
const all = (): boolean => true;

describe('streakOf (local days; here UTC)', () => {
  it.each([
    ['nothing finished', [], 0, undefined],
    ['today only', [at('2026-11-27T00:30:00Z')], 1, '2026-11-27'],
    ['yesterday only: the streak is not lost before today ends', [at('2026-11-26T23:59:00Z')], 1, '2026-11-26'],
    ['the day before yesterday only: broken', [at('2026-11-25T12:00:00Z')], 0, undefined],
    [
      'three days in a row ending today',
      [at('2026-11-25T23:00:00Z', 'a'), at('2026-11-26T01:00:00Z', 'b'), at('2026-11-27T08:59:00Z', 'c')],
      3,
      '2026-11-25',
    ],
    [
      'a gap ends it',
      [at('2026-11-23T10:00:00Z', 'a'), at('2026-11-25T10:00:00Z', 'b'), at('2026-11-26T10:00:00Z', 'c')],
      2,
      '2026-11-25',
    ],
    ['undoing is not finishing', [at('2026-11-27T08:00:00Z', 'a', 'todo')], 0, undefined],
    ['after now does not count', [at('2026-11-27T10:00:00Z')], 0, undefined],
  ] as const)('%s', (_name, history, days, since) => {
    const streak = streakOf(history, now, all, UTC);
    expect(streak.days).toBe(days);
    expect(streak.since).toBe(since);
  });

  it('counts only the keys it is told to (projects and removed topics stay out)', () => {
    expect(streakOf([at('2026-11-27T08:00:00Z', 'project')], now, (k) => k !== 'project', UTC).days).toBe(0);
  });
});

describe('paceOf', () => {
  it('is the distinct topics finished in the last 28 days (from midnight, today included), divided by 4', () => {
    const history = [
      at(daysAgo(1), 'a'),
      at(daysAgo(2), 'a'), // the same topic again: once
      at(daysAgo(10), 'b'),
      at('2026-10-31T00:00:00Z', 'c'), // the first moment of the 28 days
      at('2026-10-30T23:59:59Z', 'd'), // too old
      at(daysAgo(3), 'e', 'skipped'),
    ];
    expect(paceOf(history, now, all, UTC)).toEqual({ finished: 3, weeks: 4, perWeek: 0.75 });
  });
});

describe('estimateOf', () => {
  it.each([
    [25, 4.2, 25 / 4.2, '2027-01-08'],
    [3, 6, 0.5, '2026-11-30'],
  ])('%i topics at %d a week', (remaining, perWeek, weeks, finishOn) => {
    const estimate = estimateOf(remaining, perWeek, now, UTC)!;
    expect(estimate.weeks).toBeCloseTo(weeks);
    expect(estimate.finishOn).toBe(finishOn);
  });

  it('has no estimate without a pace or with nothing left', () => {
    expect(estimateOf(10, 0, now, UTC)).toBeUndefined();
    expect(estimateOf(0, 3, now, UTC)).toBeUndefined();
  });
});

const tally = (done: number, total: number, skipped = 0): Tally => ({
  done,
  doing: 0,
  skipped,
  total,
  percent: Math.floor((done * 100) / total),
});

describe('statsOf', () => {
  it('leaves skipped and done topics out of what remains', () => {
    const history = Array.from({ length: 17 }, (_, i) => at(daysAgo(i + 0.5), `t${i}`));
    const s = statsOf(history, tally(17, 44, 2), now, { weeks: 8, counts: all, zone: UTC });
    expect(s.remaining).toBe(25);
    expect(s.pace.perWeek).toBe(4.25);
    expect(oneDecimal(s.estimate!.weeks)).toBe(5.9);
    expect(s.perWeek).toHaveLength(8);
    // One a day, 21:00 UTC, from the 10th to the 26th; weeks from midnight, the last the 21st to today.
    expect(s.perWeek.map((w) => w.finished)).toEqual([0, 0, 0, 0, 0, 4, 7, 6]);
    // The latest was 12 hours ago, yesterday (UTC): the streak runs from 16.5 days ago to yesterday.
    expect(s.streak).toEqual({ days: 17, since: '2026-11-10' });
  });
});

/** No finished topic with an estimate and a time. */
const noTime = { topics: 0, estimated: 0, actual: 0, ratios: [] };

describe('the chart and the words', () => {
  it.each([
    [0, 5, ''],
    [5, 5, '█'.repeat(30)],
    [1, 8, '███▊'],
    [1, 1000, '▏'],
  ])('blockBar(%i of %i)', (value, max, bar) => {
    expect(blockBar(value, max)).toBe(bar);
  });

  const result = (remaining: number, perWeek: number, skipped = 0): StatsResult => ({
    title: 'Plan',
    tally: tally(44 - remaining - skipped, 44, skipped),
    now: now.toISOString(),
    perWeek: [],
    streak: { days: 0 },
    pace: { finished: perWeek * 4, weeks: 4, perWeek },
    remaining,
    time: noTime,
    ...(estimateOf(remaining, perWeek, now, UTC) ? { estimate: estimateOf(remaining, perWeek, now, UTC)! } : {}),
  });

  it.each([
    [25, 4.2, 0, '25 topics: about 6 weeks left at 4.2 topics a week (around 2027-01-08)'],
    [3, 6, 0, '3 topics: about 4 days left at 6 topics a week (around 2026-11-30)'],
    [1, 1, 0, '1 topic: about 1 week left at 1 topic a week (around 2026-12-04)'],
    [10, 0, 0, '10 topics; no pace yet, so no estimate (finish a topic to get one)'],
    [0, 2, 0, 'nothing: every topic is done'],
    [0, 2, 3, 'nothing but the 3 topics you skipped'],
  ])('%i left at %d a week (%i skipped)', (remaining, perWeek, skipped, text) => {
    expect(estimateText(result(remaining, perWeek, skipped))).toBe(text);
  });

  it('renders without colour codes when plain', async () => {
    const s = statsOf([at(daysAgo(0.1), 'a'), at(daysAgo(8), 'b')], tally(2, 10), now, {
      weeks: 3,
      counts: all,
      zone: UTC,
    });
    const text = renderStats({ ...s, title: 'Plan', tally: tally(2, 10), time: noTime }, await styleFor(0), UTC);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/\x1b/);
    expect(text.split('\n')[0]).toBe('Plan: topics finished per week, 2026-11-07 to 2026-11-27');
    expect(text.split('\n').slice(1, 4)).toEqual([
      `  2026-11-07 – 2026-11-13  ${' '.repeat(30)}  0`,
      `  2026-11-14 – 2026-11-20  ${'█'.repeat(30)}  1`,
      `  2026-11-21 – 2026-11-27  ${'█'.repeat(30)}  1`,
    ]);
    expect(text).toContain('Streak:    1 day in a row (since 2026-11-27)');
    expect(text).toContain('Pace:      0.5 topics a week (2 topics in the last 4 weeks)');
  });
});
