import { describe, expect, it } from 'vitest';
import { DAY_MS, finishedPerWeek, standingFinishes } from '../../src/core/activity.js';
import type { StatusChange } from '../../src/core/progress.js';
import { UTC } from '../../src/core/zone.js';

const now = new Date('2026-11-27T12:00:00.000Z');
const daysAgo = (d: number): string => new Date(now.getTime() - d * DAY_MS).toISOString();
const done = (key: string, d: number): StatusChange => ({ key, from: 'todo', to: 'done', at: daysAgo(d) });

describe('finishedPerWeek', () => {
  it('counts distinct topics finished in each seven-day window, oldest first', () => {
    const history = [
      done('a', 0.5),
      done('b', 6.4), // 02:24 on the 21st: this week, which starts at midnight
      done('c', 7.1),
      done('a', 1), // the same topic twice in one week counts once
      { key: 'd', from: 'done', to: 'todo', at: daysAgo(2) } as StatusChange,
      done('e', 20),
      done('old', 40), // before the first window
      done('project', 1),
    ];
    const weeks = finishedPerWeek(history, now, 4, (k) => k !== 'project', UTC);
    expect(weeks.map((w) => w.finished)).toEqual([0, 1, 1, 2]);
    // Weeks start at midnight: the last is today and the six days before it, up to now.
    expect(weeks[3]).toMatchObject({
      start: '2026-11-21T00:00:00.000Z',
      end: now.toISOString(),
      firstDay: '2026-11-21',
      lastDay: '2026-11-27',
    });
    expect(weeks[2]).toMatchObject({ start: '2026-11-14T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z' });
    expect(weeks[0]).toMatchObject({
      start: '2026-10-31T00:00:00.000Z',
      firstDay: '2026-10-31',
      lastDay: '2026-11-06',
    });
  });

  it('ignores changes dated after now', () => {
    expect(finishedPerWeek([done('a', -1)], now, 2, () => true, UTC).map((w) => w.finished)).toEqual([0, 0]);
  });
});

describe('standingFinishes', () => {
  it('keeps the last finish of each topic still done; undone finishes and projects drop out', () => {
    const history: StatusChange[] = [
      done('a', 10),
      { key: 'a', from: 'done', to: 'todo', at: daysAgo(9) },
      done('a', 3), // finished again: only this one stands
      done('b', 5),
      { key: 'b', from: 'done', to: 'todo', at: daysAgo(4) }, // taken back, not done now
      done('p1', 2),
    ];
    const doneNow = new Set(['a']);
    expect(standingFinishes(history, (k) => doneNow.has(k))).toEqual([done('a', 3)]);
  });
});
