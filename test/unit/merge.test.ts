/** Merging imported progress by stable key: later record wins, history/notes/reviews are unions, twice is a no-op. */
import { describe, expect, it } from 'vitest';
import { mergeState, unionBy, type Incoming } from '../../src/core/merge.js';
import { emptyRoadmapState, type RoadmapState } from '../../src/core/state.js';

const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-02T10:00:00.000Z';
const T3 = '2026-11-03T10:00:00.000Z';

const state = (partial: Partial<RoadmapState>): RoadmapState => ({ ...emptyRoadmapState(), ...partial });
const incoming = (partial: Partial<Incoming>): Incoming => ({ ...emptyRoadmapState(), ...partial });

describe('mergeState: status records', () => {
  it.each([
    ['a key only in the import is taken', {}, { a: { status: 'done', at: T1 } }, { status: 'done', at: T1 }, 'todo'],
    [
      'a later imported record wins',
      { a: { status: 'doing', at: T1 } },
      { a: { status: 'done', at: T2 } },
      { status: 'done', at: T2 },
      'doing',
    ],
    [
      'an earlier imported record loses',
      { a: { status: 'done', at: T2 } },
      { a: { status: 'todo', at: T1 } },
      { status: 'done', at: T2 },
      undefined,
    ],
    [
      'on a tie the saved record stays',
      { a: { status: 'done', at: T2 } },
      { a: { status: 'skipped', at: T2 } },
      { status: 'done', at: T2 },
      undefined,
    ],
    [
      'the same status with a later time updates the record, not the status',
      { a: { status: 'done', at: T1 } },
      { a: { status: 'done', at: T2 } },
      { status: 'done', at: T2 },
      undefined,
    ],
  ] as const)('%s', (_name, saved, imported, expected, changedFrom) => {
    const result = mergeState(state({ items: saved }), incoming({ items: imported }));
    expect(result.state.items.a).toEqual(expected);
    expect(result.statusChanges).toEqual(
      changedFrom === undefined ? [] : [{ key: 'a', from: changedFrom, to: expected.status }],
    );
  });

  it('keeps keys the import does not mention, and keys the roadmap may not have', () => {
    const result = mergeState(
      state({ items: { kept: { status: 'done', at: T1 } } }),
      incoming({ items: { 'gone/topic': { status: 'skipped', at: T2 } } }),
    );
    expect(Object.keys(result.state.items).sort()).toEqual(['gone/topic', 'kept']);
  });
});

describe('mergeState: history, notes and reviews are unions', () => {
  const h = (key: string, at: string) => ({ key, from: 'todo' as const, to: 'done' as const, at });

  it('adds only the entries not held, interleaved by time', () => {
    const saved = state({
      history: [h('a', T1), h('c', T3)],
      notes: { a: [{ at: T1, text: 'one' }] },
      reviews: { a: [T2] },
    });
    const result = mergeState(
      saved,
      incoming({
        history: [h('a', T1), h('b', T2)],
        notes: {
          a: [
            { at: T1, text: 'one' },
            { at: T2, text: 'two' },
          ],
          b: [{ at: T3, text: 'x' }],
        },
        reviews: { a: [T1, T2] },
      }),
    );
    expect(result.state.history).toEqual([h('a', T1), h('b', T2), h('c', T3)]);
    expect(result.state.notes).toEqual({
      a: [
        { at: T1, text: 'one' },
        { at: T2, text: 'two' },
      ],
      b: [{ at: T3, text: 'x' }],
    });
    expect(result.state.reviews).toEqual({ a: [T1, T2] });
    expect(result.added).toEqual({ records: 0, history: 1, notes: 2, reviews: 1, grades: 0, sessions: 0 });
  });

  it('a note with the same time but other text is another note', () => {
    const result = mergeState(
      state({ notes: { a: [{ at: T1, text: 'one' }] } }),
      incoming({ notes: { a: [{ at: T1, text: 'One' }] } }),
    );
    expect(result.state.notes.a).toHaveLength(2);
  });

  it('into an empty state, the import is kept exactly, repeated entries and order included', () => {
    const imported = incoming({
      items: { a: { status: 'done', at: T2 } },
      history: [h('a', T2), h('a', T2), h('b', T1)],
      notes: {
        a: [
          { at: T3, text: 'later' },
          { at: T1, text: 'earlier' },
        ],
      },
      reviews: { a: [T3, T3] },
    });
    const result = mergeState(emptyRoadmapState(), imported);
    expect(result.state).toEqual({ ...imported });
  });

  it('merging the same import twice changes nothing the second time', () => {
    const imported = incoming({
      items: { a: { status: 'done', at: T2 }, b: { status: 'doing', at: T1 } },
      history: [h('a', T2)],
      notes: { a: [{ at: T3, text: 'n' }] },
      reviews: { a: [T3] },
    });
    const once = mergeState(state({ items: { a: { status: 'todo', at: T1 } }, history: [h('z', T1)] }), imported);
    expect(once.changed).toBe(true);
    const twice = mergeState(once.state, imported);
    expect(twice.changed).toBe(false);
    expect(twice.state).toBe(once.state);
    expect(twice.statusChanges).toEqual([]);
    expect(twice.added).toEqual({ records: 0, history: 0, notes: 0, reviews: 0, grades: 0, sessions: 0 });
  });
});

describe('unionBy', () => {
  it.each([
    [[], [], []],
    [['1'], [], ['1']],
    [[], ['2', '1'], ['2', '1']],
    [['1', '3'], ['2'], ['1', '2', '3']],
    [['1', '1'], ['1'], ['1', '1']],
    [['1'], ['1', '1'], ['1', '1']],
  ])('%j + %j = %j', (saved, more, expected) => {
    const time = (n: string) => `2026-11-0${n}T00:00:00.000Z`;
    expect(unionBy(saved, more, (x) => x, time).list).toEqual(expected);
  });
});
