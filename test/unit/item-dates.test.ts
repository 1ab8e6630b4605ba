/** core/item-dates: when an item was started, finished or skipped, from its history. */
import { describe, expect, it } from 'vitest';
import { changesOf, groupDates, leafDates } from '../../src/core/item-dates.js';
import type { Status } from '../../src/core/model.js';
import type { StatusChange } from '../../src/core/progress.js';

const t = (day: number): string => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
/** Changes of one key, from a path of statuses: [status, day] after todo. */
function path(...steps: [Status, number][]): StatusChange[] {
  let from: Status = 'todo';
  return steps.map(([to, day]) => {
    const change = { key: 'k', from, to, at: t(day) };
    from = to;
    return change;
  });
}

describe('leafDates', () => {
  it.each([
    ['never changed', [], 'todo', {}],
    ['started', path(['doing', 1]), 'doing', { started: t(1) }],
    ['started, then done', path(['doing', 1], ['done', 3]), 'done', { started: t(1), done: t(3) }],
    ['done straight away: started then too', path(['done', 2]), 'done', { started: t(2), done: t(2) }],
    [
      'done, undone, started again: the new start',
      path(['done', 2], ['todo', 4], ['doing', 5]),
      'doing',
      { started: t(5) },
    ],
    [
      'done twice: the last finish',
      path(['done', 2], ['doing', 3], ['done', 6]),
      'done',
      { started: t(2), done: t(6) },
    ],
    ['skipped', path(['skipped', 4]), 'skipped', { skipped: t(4) }],
    ['started, then skipped: both', path(['doing', 1], ['skipped', 4]), 'skipped', { started: t(1), skipped: t(4) }],
    [
      'a saved status the history does not reach (imported): only what holds now',
      path(['done', 2]),
      'doing',
      { started: t(2) },
    ],
  ] as const)('%s', (_name, changes, status, expected) => {
    expect(leafDates(changes, status)).toEqual(expected);
  });
});

describe('groupDates', () => {
  it('starts with its first topic, and is done with its last, only when done now', () => {
    const leaves = [{ started: t(3), done: t(4) }, { started: t(1), done: t(9) }, {}];
    expect(groupDates(leaves, 'doing')).toEqual({ started: t(1) });
    expect(groupDates(leaves, 'done')).toEqual({ started: t(1), done: t(9) });
    expect(groupDates([{}, {}], 'todo')).toEqual({});
  });
});

describe('changesOf', () => {
  it('keeps the keys asked for, ordered by time (a backdated change sits where its time puts it)', () => {
    const history: StatusChange[] = [
      { key: 'a', from: 'todo', to: 'done', at: t(5) },
      { key: 'b', from: 'todo', to: 'done', at: t(2) },
      { key: 'a', from: 'done', to: 'todo', at: t(6) },
      { key: 'a', from: 'todo', to: 'doing', at: t(1) },
    ];
    expect(changesOf(history, new Set(['a'])).map((c) => c.at)).toEqual([t(1), t(5), t(6)]);
  });
});
