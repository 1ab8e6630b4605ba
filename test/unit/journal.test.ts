import { describe, expect, it } from 'vitest';
import { dict } from '../../src/core/dict.js';
import { appendEntry, applyDelta, diffStates, invert, JOURNAL_LIMIT } from '../../src/core/journal.js';
import { emptyRoadmapState, type RoadmapState } from '../../src/core/state.js';

const at = (day: number): string => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

const before: RoadmapState = {
  ...emptyRoadmapState(),
  items: dict([
    ['a', { status: 'doing', at: at(1) }],
    ['b', { status: 'done', at: at(2) }],
  ]),
  history: [
    { key: 'a', from: 'todo', to: 'doing', at: at(1) },
    { key: 'b', from: 'todo', to: 'done', at: at(2) },
  ],
  notes: dict([['a', [{ at: at(1), text: 'first' }]]]),
  sessions: dict([['a', [{ at: at(1), minutes: 30 }]]]),
};

/**
 * A later change: a done, a new record, a note, a graded review, a study
 * session, and a backdated history entry put in order.
 */
const after: RoadmapState = {
  ...before,
  items: dict([
    ['a', { status: 'done', at: at(5) }],
    ['b', { status: 'done', at: at(2) }],
    ['c', { status: 'skipped', at: at(1) }],
  ]),
  history: [
    { key: 'a', from: 'todo', to: 'doing', at: at(1) },
    { key: 'c', from: 'todo', to: 'skipped', at: at(1) },
    { key: 'b', from: 'todo', to: 'done', at: at(2) },
    { key: 'a', from: 'doing', to: 'done', at: at(5) },
  ],
  notes: dict([
    [
      'a',
      [
        { at: at(1), text: 'first' },
        { at: at(5), text: 'second' },
      ],
    ],
  ]),
  reviews: dict([['b', [at(9)]]]),
  grades: dict([['b', [{ at: at(9), grade: 'hard' }]]]),
  sessions: dict([
    [
      'a',
      [
        { at: at(1), minutes: 30 },
        { at: at(4), minutes: 45 },
      ],
    ],
  ]),
};

const text = (state: RoadmapState): string => JSON.stringify(state);

describe('the journal of changes', () => {
  it('a change and its inverse: applying the diff to before gives after, its inverse to after gives before, exactly', () => {
    const delta = diffStates(before, after)!;
    expect(Object.keys(delta.items)).toEqual(['a', 'c']);
    expect(delta.items.c).toEqual({ before: null, after: { status: 'skipped', at: at(1) } });
    expect(text(applyDelta(after, invert(delta)))).toBe(text(before));
    expect(text(applyDelta(before, delta))).toBe(text(after));
  });

  it('no change, no entry', () => {
    expect(diffStates(before, { ...before, source: '/x.md' })).toBeUndefined();
  });

  it(`keeps the last ${JOURNAL_LIMIT} changes, numbered on`, () => {
    const delta = diffStates(before, after)!;
    let journal = appendEntry([], delta, { at: at(1), command: 'done' });
    for (let i = 0; i < JOURNAL_LIMIT + 4; i++) journal = appendEntry(journal, delta, { at: at(1), command: 'done' });
    expect(journal).toHaveLength(JOURNAL_LIMIT);
    expect(journal[0]!.id).toBe(6);
    expect(journal.at(-1)!.id).toBe(JOURNAL_LIMIT + 5);
  });
});
