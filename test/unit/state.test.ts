import { describe, expect, it } from 'vitest';
import { own } from '../../src/core/dict.js';
import { decodeState, migrate, MIGRATIONS, SCHEMA_VERSION, StateProblem } from '../../src/core/state.js';

const at = '2026-11-26T10:00:00.000Z';
const none = { notes: {}, reviews: {}, grades: {}, sessions: {} };
const valid = {
  schemaVersion: 4,
  roadmaps: {
    bundled: {
      items: { 'a/b': { status: 'done', at } },
      history: [{ key: 'a/b', from: 'todo', to: 'done', at }],
      notes: { 'a/b': [{ at, text: 'Depends() is just a callable' }] },
      reviews: { 'a/b': [at] },
      grades: { 'a/b': [{ at, grade: 'good' }] },
      sessions: { 'a/b': [{ at, minutes: 45 }] },
      journal: [
        {
          id: 1,
          at,
          command: 'done',
          items: { 'a/b': { before: null, after: { status: 'done', at } } },
          added: { history: [{ key: 'a/b', from: 'todo', to: 'done', at }], ...none },
          removed: { history: [], ...none },
        },
        {
          id: 2,
          at,
          command: 'undo',
          undoes: [1],
          items: { 'a/b': { before: { status: 'done', at }, after: null } },
          added: { history: [], ...none },
          removed: { history: [{ key: 'a/b', from: 'todo', to: 'done', at }], ...none },
        },
      ],
    },
  },
};

describe('decodeState', () => {
  it('accepts a well-formed document, settings being optional', () => {
    expect(decodeState(valid)).toEqual({ ...valid, settings: {} });
    const withSettings = { ...valid, settings: { roadmap: '/home/me/plan.md' } };
    expect(decodeState(withSettings)).toEqual(withSettings);
  });

  it('upgrades a version-1 file: its records kept, with no notes and no reviews', () => {
    const v1 = {
      schemaVersion: 1,
      settings: { roadmap: '/home/me/plan.md' },
      roadmaps: { bundled: { items: valid.roadmaps.bundled.items, history: valid.roadmaps.bundled.history } },
    };
    expect(decodeState(v1)).toEqual({
      schemaVersion: 4,
      settings: { roadmap: '/home/me/plan.md' },
      roadmaps: { bundled: { ...v1.roadmaps.bundled, notes: {}, reviews: {}, grades: {}, sessions: {}, journal: [] } },
    });
  });

  it('upgrades a version-2 file: its records, notes and reviews kept, with an empty journal', () => {
    const { items, history, notes, reviews } = valid.roadmaps.bundled;
    const bundled = { items, history, notes, reviews };
    const decoded = decodeState({ schemaVersion: 2, roadmaps: { bundled } });
    expect(decoded).toEqual({
      schemaVersion: 4,
      settings: {},
      roadmaps: { bundled: { ...bundled, grades: {}, sessions: {}, journal: [] } },
    });
  });

  it('upgrades a version-3 file: everything kept, with no grades, no study sessions and no review limit', () => {
    const { items, history, notes, reviews, journal } = valid.roadmaps.bundled;
    const v3 = {
      schemaVersion: 3,
      settings: { roadmap: '/p.md' },
      roadmaps: { bundled: { items, history, notes, reviews, journal } },
    };
    expect(decodeState(structuredClone(v3))).toEqual({
      schemaVersion: 4,
      settings: { roadmap: '/p.md' },
      roadmaps: { bundled: { ...v3.roadmaps.bundled, grades: {}, sessions: {} } },
    });
  });

  it('keeps the review limit, and refuses one that is not a whole number of reviews', () => {
    expect(decodeState({ ...valid, settings: { reviewLimit: 0 } }).settings).toEqual({ reviewLimit: 0 });
    expect(decodeState({ ...valid, settings: { reviewLimit: 30, roadmap: '/p.md' } }).settings).toEqual({
      reviewLimit: 30,
      roadmap: '/p.md',
    });
    for (const reviewLimit of [-1, 2.5, '20', null]) {
      expect(() => decodeState({ ...valid, settings: { reviewLimit } })).toThrow(/malformed "settings"/);
    }
  });

  it.each([
    ['a grade nobody knows', { grades: { k: [{ at, grade: 'meh' }] } }, /malformed grades/],
    ['a grade without a time', { grades: { k: [{ grade: 'good' }] } }, /malformed grades/],
    ['a session of no time', { sessions: { k: [{ at, minutes: 0 }] } }, /malformed study sessions/],
    ['a session longer than a day', { sessions: { k: [{ at, minutes: 1441 }] } }, /malformed study sessions/],
    ['a session of part of a minute', { sessions: { k: [{ at, minutes: 1.5 }] } }, /malformed study sessions/],
  ])('refuses %s', (_, extra, message) => {
    const bundled = { ...valid.roadmaps.bundled, ...extra };
    expect(() => decodeState({ ...valid, roadmaps: { bundled } })).toThrow(message);
  });

  it.each([
    ['an array', [], /JSON object/],
    ['a string', 'hello', /JSON object/],
    ['null', null, /JSON object/],
    ['no schema version', { roadmaps: {} }, /schemaVersion/],
    ['a schema version of 0', { schemaVersion: 0, roadmaps: {} }, /schemaVersion/],
    ['a newer schema version', { schemaVersion: SCHEMA_VERSION + 1, roadmaps: {} }, /newer roadmap.*upgrade/],
    ['no roadmaps', { schemaVersion: 1 }, /roadmaps/],
    ['settings that are not an object', { schemaVersion: 1, settings: 'x', roadmaps: {} }, /settings/],
    ['a roadmap setting that is not a path', { schemaVersion: 1, settings: { roadmap: 3 }, roadmaps: {} }, /settings/],
    ['a roadmap without items', { schemaVersion: 1, roadmaps: { x: { history: [] } } }, /roadmap "x"/],
    [
      'an unknown status',
      { schemaVersion: 1, roadmaps: { x: { items: { k: { status: 'finished', at } }, history: [] } } },
      /record for "k"/,
    ],
    [
      'a bad time',
      { schemaVersion: 1, roadmaps: { x: { items: { k: { status: 'done', at: 'yesterday' } }, history: [] } } },
      /record for "k"/,
    ],
    [
      'a note without text',
      { schemaVersion: 2, roadmaps: { x: { items: {}, history: [], notes: { k: [{ at }] }, reviews: {} } } },
      /notes for roadmap "x" \("k"\)/,
    ],
    [
      'a review time that is not a time',
      { schemaVersion: 2, roadmaps: { x: { items: {}, history: [], notes: {}, reviews: { k: ['soon'] } } } },
      /reviews for roadmap "x" \("k"\)/,
    ],
    [
      'a time Date.parse reads but that is not ISO 8601',
      { schemaVersion: 2, roadmaps: { x: { items: { k: { status: 'done', at: 'December 17, 2030' } }, history: [] } } },
      /record for "k"/,
    ],
    [
      'a time beyond year 9999',
      {
        schemaVersion: 2,
        roadmaps: { x: { items: { k: { status: 'done', at: '+275760-09-12T00:00:00.000Z' } }, history: [] } },
      },
      /record for "k"/,
    ],
    [
      'a version-3 roadmap without a journal',
      { schemaVersion: 3, roadmaps: { x: { items: {}, history: [] } } },
      /no journal of changes for roadmap "x"/,
    ],
    [
      'a journal entry without an id',
      {
        schemaVersion: 3,
        roadmaps: { x: { ...valid.roadmaps.bundled, journal: [{ ...valid.roadmaps.bundled.journal[0], id: 0 }] } },
      },
      /journal entry \(number 1\) for roadmap "x"/,
    ],
    [
      'a journal record that is not a record',
      {
        schemaVersion: 3,
        roadmaps: {
          x: {
            ...valid.roadmaps.bundled,
            journal: [{ ...valid.roadmaps.bundled.journal[0], items: { k: { before: 'done', after: null } } }],
          },
        },
      },
      /journal entry \(number 1\)/,
    ],
    [
      'a journal entry with a bad added review',
      {
        schemaVersion: 3,
        roadmaps: {
          x: {
            ...valid.roadmaps.bundled,
            journal: [
              valid.roadmaps.bundled.journal[0],
              { ...valid.roadmaps.bundled.journal[1], added: { history: [], notes: {}, reviews: { k: ['soon'] } } },
            ],
          },
        },
      },
      /journal entry \(number 2\)/,
    ],
    [
      'a bad history entry',
      { schemaVersion: 1, roadmaps: { x: { items: {}, history: [{ key: 'k' }] } } },
      /history entry \(number 1\)/,
    ],
  ])('rejects %s', (_name, data, message) => {
    expect(() => decodeState(data)).toThrow(StateProblem);
    expect(() => decodeState(data)).toThrow(message);
  });
});

describe('migrate', () => {
  it('applies each step from the file version up, in order', () => {
    const steps = {
      1: (doc: Record<string, unknown>) => ({ ...doc, trail: [...(doc.trail as string[]), 'v2'] }),
      2: (doc: Record<string, unknown>) => ({ ...doc, trail: [...(doc.trail as string[]), 'v3'] }),
    };
    expect(migrate({ trail: [] }, 1, steps)).toEqual({ trail: ['v2', 'v3'] });
    expect(migrate({ trail: [] }, 2, steps)).toEqual({ trail: ['v3'] });
    expect(migrate({ trail: [] }, 3, steps)).toEqual({ trail: [] });
  });

  it('has a step for every version below the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function');
  });
});

describe('decodeState on the parsed file (checked in place, not copied)', () => {
  const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  const text = JSON.stringify({
    schemaVersion: 4,
    roadmaps: Object.fromEntries(
      ['bundled', '__proto__'].map((id) => [
        id,
        {
          items: Object.fromEntries(hostile.map((key) => [key, { status: 'done', at }])),
          history: hostile.map((key) => ({ key, from: 'todo', to: 'done', at })),
          notes: Object.fromEntries(hostile.map((key) => [key, [{ at, text: `on ${key}` }]])),
          reviews: Object.fromEntries(hostile.map((key) => [key, [at]])),
          grades: Object.fromEntries(hostile.map((key) => [key, [{ at, grade: 'easy' }]])),
          sessions: Object.fromEntries(hostile.map((key) => [key, [{ at, minutes: 20 }]])),
          journal: [],
        },
      ]),
    ),
  }).replaceAll('"hasOwnProperty"', '"__proto__x"');

  it('keeps keys like __proto__ and constructor as data, and reads no inherited member as one', () => {
    const state = decodeState(JSON.parse(text));
    for (const id of ['bundled', '__proto__']) {
      const roadmap = own(state.roadmaps, id)!;
      expect(Object.keys(roadmap.items)).toEqual(['__proto__', 'constructor', 'toString', '__proto__x']);
      for (const record of [roadmap.items, roadmap.notes, roadmap.reviews, roadmap.grades, roadmap.sessions]) {
        expect(Object.getPrototypeOf(record)).toBeNull();
        expect(Object.hasOwn(record, '__proto__')).toBe(true);
        expect('valueOf' in record).toBe(false);
      }
      expect(own(roadmap.notes, 'constructor')).toEqual([{ at, text: 'on constructor' }]);
    }
    expect(Object.getPrototypeOf(state.roadmaps)).toBeNull();
    // Saved again, it is the same document.
    const parsed = JSON.parse(text) as { roadmaps: unknown };
    expect(JSON.parse(JSON.stringify(state))).toEqual({ ...parsed, settings: {} });
    expect(JSON.stringify(state.roadmaps)).toBe(JSON.stringify(parsed.roadmaps));
  });

  it('drops fields it does not know from records, so they never reach a save or an export', () => {
    const state = decodeState({
      schemaVersion: 2,
      roadmaps: {
        bundled: {
          items: { k: { status: 'done', at, extra: 1 }, j: { status: 'todo', at } },
          history: [{ key: 'k', from: 'todo', to: 'done', at, by: 'someone' }],
          notes: { k: [{ at, text: 'kept', html: '<b>' }] },
          reviews: { k: [at] },
          grades: { k: [{ at, grade: 'good', ease: 2.5 }] },
          sessions: { k: [{ at, minutes: 30, mood: 'extra' }] },
        },
      },
    });
    expect(state.roadmaps.bundled).toEqual({
      items: { k: { status: 'done', at }, j: { status: 'todo', at } },
      history: [{ key: 'k', from: 'todo', to: 'done', at }],
      notes: { k: [{ at, text: 'kept' }] },
      reviews: { k: [at] },
      grades: { k: [{ at, grade: 'good' }] },
      sessions: { k: [{ at, minutes: 30 }] },
      journal: [],
    });
    expect(JSON.stringify(state)).not.toMatch(/extra|someone|html|ease/);
  });
});
