/** Local days and midnights (core/zone.ts) and the time zone read from TZ (io/time-zone.ts). */
import { describe, expect, it } from 'vitest';
import { finishedPerWeek } from '../../src/core/activity.js';
import type { StatusChange } from '../../src/core/progress.js';
import { streakOf } from '../../src/core/stats.js';
import { dayAfter, localDay, localMinute, midnightBefore, midnightOf, UTC } from '../../src/core/zone.js';
import { zoneOf } from '../../src/io/time-zone.js';

const HOUR = 60 * 60 * 1000;
const auckland = zoneOf({ TZ: 'Pacific/Auckland' });
const losAngeles = zoneOf({ TZ: 'America/Los_Angeles' });
/** 23:30 UTC on 27 November: already the 28th in Auckland (UTC+13), still the 27th in Los Angeles (UTC-8). */
const lateUtc = Date.parse('2026-11-27T23:30:00Z');

describe('zoneOf (TZ)', () => {
  it('reads IANA names, with daylight saving', () => {
    expect(auckland(lateUtc)).toBe(13 * HOUR); // NZDT in November
    expect(auckland(Date.parse('2026-06-01T00:00:00Z'))).toBe(12 * HOUR);
    expect(losAngeles(lateUtc)).toBe(-8 * HOUR);
    expect(zoneOf({ TZ: ':Asia/Kolkata' })(lateUtc)).toBe(5.5 * HOUR);
  });

  it('is UTC for UTC, an empty TZ, and a name it cannot read', () => {
    expect(zoneOf({ TZ: 'UTC' })).toBe(UTC);
    expect(zoneOf({ TZ: '' })).toBe(UTC);
    expect(zoneOf({ TZ: 'Not/AZone' })(lateUtc)).toBe(0);
  });
});

describe('local days and midnights', () => {
  it('gives the day and minute the learner sees', () => {
    expect(localDay(lateUtc, auckland)).toBe('2026-11-28');
    expect(localDay('2026-11-28T00:30:00Z', losAngeles)).toBe('2026-11-27');
    expect(localMinute(lateUtc, auckland)).toBe('2026-11-28 12:30');
    expect(localDay(lateUtc, UTC)).toBe('2026-11-27');
  });

  it('finds local midnight, also across a daylight-saving change', () => {
    expect(new Date(midnightOf('2026-11-28', auckland)).toISOString()).toBe('2026-11-27T11:00:00.000Z');
    expect(new Date(midnightBefore(lateUtc, losAngeles)).toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(new Date(midnightBefore(lateUtc, auckland, -1)).toISOString()).toBe('2026-11-26T11:00:00.000Z');
    // Los Angeles went back to UTC-8 on 1 November 2026: the day before started at UTC-7.
    expect(new Date(midnightOf('2026-11-01', losAngeles)).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(new Date(midnightOf('2026-11-02', losAngeles)).toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(dayAfter('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('windows and streaks in the learner’s zone', () => {
  const done = (key: string, at: string): StatusChange => ({ key, from: 'todo', to: 'done', at });
  const now = new Date(lateUtc);

  it('a week starts at local midnight', () => {
    // 05:00 UTC on the 21st: this week's first day in UTC, but 18:00 on the 21st in Auckland,
    // whose week (to the 28th there) starts on the 22nd.
    const history = [done('a', '2026-11-21T05:00:00Z')];
    const there = finishedPerWeek(history, now, 2, () => true, auckland);
    expect(there.map((w) => w.finished)).toEqual([1, 0]);
    expect(there[1]).toMatchObject({
      firstDay: '2026-11-22',
      lastDay: '2026-11-28',
      start: '2026-11-21T11:00:00.000Z',
    });
    expect(finishedPerWeek(history, now, 2, () => true, UTC).map((w) => w.finished)).toEqual([0, 1]);
  });

  it('a streak counts local days', () => {
    // Two finishes on one UTC day (the 27th) fall on two days in Auckland (the 27th and the 28th).
    const history = [done('a', '2026-11-27T09:00:00Z'), done('b', '2026-11-27T12:00:00Z')];
    expect(streakOf(history, now, () => true, auckland)).toEqual({ days: 2, since: '2026-11-27' });
    expect(streakOf(history, now, () => true, UTC)).toEqual({ days: 1, since: '2026-11-27' });
  });
});
