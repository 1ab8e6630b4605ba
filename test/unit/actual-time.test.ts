/** core/actual-time: the time a topic really took, from its history (idle time capped) or its logged sessions. */
import { describe, expect, it } from 'vitest';
import { actualTimeOf, actualTimes, IDLE_CAP_MINUTES, measuredMinutes } from '../../src/core/actual-time.js';
import { dict } from '../../src/core/dict.js';
import type { Status } from '../../src/core/model.js';
import type { StatusChange } from '../../src/core/progress.js';
import type { StudySession } from '../../src/core/state.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');
/** A time on day `day` of November 2026 at `hh:mm` UTC. */
const t = (day: number, hhmm = '10:00'): string => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00.000Z`;
/** Changes of one key from a path of statuses after todo: [status, time]. */
function path(...steps: [Status, string][]): StatusChange[] {
  let from: Status = 'todo';
  return steps.map(([to, at]) => {
    const change = { key: 'k', from, to, at };
    from = to;
    return change;
  });
}
const note = (at: string): { at: string } => ({ at });

describe('measuredMinutes: from start to done, idle time capped', () => {
  it.each<[string, StatusChange[], { at: string }[], Status, number | undefined]>([
    ['never started', [], [], 'todo', undefined],
    [
      'started at 10:00, done at 11:30: an hour and a half',
      path(['doing', t(3)], ['done', t(3, '11:30')]),
      [],
      'done',
      90,
    ],
    [
      'started and left for a month before done: one study day, not a month',
      path(['doing', t(1)], ['done', '2026-12-01T10:00:00.000Z']),
      [],
      'done',
      IDLE_CAP_MINUTES,
    ],
    [
      'a note cuts the stretch: each side counts up to the cap',
      path(['doing', t(1)], ['done', t(3)]),
      [note(t(2))],
      'done',
      2 * IDLE_CAP_MINUTES,
    ],
    [
      'short pieces between notes count in full',
      path(['doing', t(3, '09:00')], ['done', t(3, '12:00')]),
      [note(t(3, '10:00')), note(t(3, '11:00'))],
      'done',
      180,
    ],
    [
      'a note outside the stretch does not cut it',
      path(['doing', t(3, '09:00')], ['done', t(3, '12:00')]),
      [note(t(2)), note(t(4))],
      'done',
      IDLE_CAP_MINUTES,
    ],
    ['done without being started: nothing measured', path(['done', t(3)]), [], 'done', undefined],
    [
      'started and done within seconds: bookkeeping, not study',
      path(['doing', t(3)], ['done', '2026-11-03T10:00:20.000Z']),
      [],
      'done',
      undefined,
    ],
    [
      'time while skipped does not count',
      path(['doing', t(3, '09:00')], ['skipped', t(3, '10:00')], ['doing', t(9, '09:00')], ['done', t(9, '09:30')]),
      [],
      'done',
      90,
    ],
    [
      'back to todo starts again: only the new stretch',
      path(
        ['doing', t(3, '09:00')],
        ['done', t(3, '10:00')],
        ['todo', t(4)],
        ['doing', t(5, '09:00')],
        ['done', t(5, '09:45')],
      ),
      [],
      'done',
      45,
    ],
    [
      'reopened after done: both stretches',
      path(['doing', t(3, '09:00')], ['done', t(3, '10:00')], ['doing', t(5, '09:00')], ['done', t(5, '09:45')]),
      [],
      'done',
      105,
    ],
    ['still started: up to now, capped', path(['doing', '2026-12-01T11:20:00.000Z']), [], 'doing', 40],
    ['started long ago and still open: the cap', path(['doing', t(1)]), [], 'doing', IDLE_CAP_MINUTES],
    [
      'a backdated finish before its start: nothing measured, not negative time',
      [
        { key: 'k', from: 'todo', to: 'doing', at: t(5) },
        { key: 'k', from: 'doing', to: 'done', at: t(3) },
      ],
      [],
      'done',
      undefined,
    ],
    [
      'changes out of order in the list are read in time order',
      path(['doing', t(3, '09:00')], ['done', t(3, '09:50')]).reverse(),
      [],
      'done',
      50,
    ],
  ])('%s', (_, changes, notes, status, expected) => {
    expect(measuredMinutes(changes, notes, status, NOW)).toBe(expected);
  });

  it('caps at two hours, a study day', () => {
    expect(IDLE_CAP_MINUTES).toBe(120);
  });
});

describe('actualTimeOf: logged sessions replace the measured guess', () => {
  const sessions: StudySession[] = [
    { at: t(3, '10:00'), minutes: 45 },
    { at: t(4, '10:00'), minutes: 30 },
  ];
  const changes = path(['doing', t(3, '09:00')], ['done', t(4, '11:00')]);

  it('sums the sessions when there are any, whatever the history says', () => {
    expect(actualTimeOf({ changes, notes: [], sessions }, 'done', NOW)).toEqual({
      minutes: 75,
      source: 'logged',
      sessions: 2,
    });
  });

  it('measures the history when no session was logged', () => {
    expect(actualTimeOf({ changes, notes: [], sessions: [] }, 'done', NOW)).toEqual({
      minutes: IDLE_CAP_MINUTES,
      source: 'measured',
      sessions: 0,
    });
  });

  it('gives a topic done without being started its logged time', () => {
    expect(actualTimeOf({ changes: path(['done', t(5)]), notes: [], sessions }, 'done', NOW)?.minutes).toBe(75);
  });

  it('has none for a topic done directly with nothing logged', () => {
    expect(actualTimeOf({ changes: path(['done', t(5)]), notes: [], sessions: [] }, 'done', NOW)).toBeUndefined();
  });
});

describe('actualTimes: every topic asked for, from the whole history', () => {
  it('reads each key its own changes, notes and sessions; keys with no time are left out', () => {
    const history: StatusChange[] = [
      { key: 'a', from: 'todo', to: 'doing', at: t(3, '09:00') },
      { key: 'b', from: 'todo', to: 'doing', at: t(3, '09:10') },
      { key: 'b', from: 'doing', to: 'done', at: t(3, '09:40') },
      { key: 'a', from: 'doing', to: 'done', at: t(3, '10:00') },
      { key: 'c', from: 'todo', to: 'done', at: t(3, '10:00') },
    ];
    const progress = dict([
      ['a', { status: 'done' as const, at: t(3, '10:00') }],
      ['b', { status: 'done' as const, at: t(3, '09:40') }],
      ['c', { status: 'done' as const, at: t(3, '10:00') }],
    ]);
    const times = actualTimes(
      { history, notes: dict(), sessions: dict([['b', [{ at: t(3, '09:40'), minutes: 25 }]]]) },
      progress,
      ['a', 'b', 'c', 'd'],
      NOW,
    );
    expect(Object.fromEntries(times)).toEqual({
      a: { minutes: 60, source: 'measured', sessions: 0 },
      b: { minutes: 25, source: 'logged', sessions: 1 },
    });
  });
});
