import { describe, expect, it } from 'vitest';
import { decodeState, SCHEMA_VERSION, StateProblem } from '../../src/core/state.js';

const at = '2026-11-26T10:00:00.000Z';
const valid = {
  schemaVersion: 1,
  roadmaps: {
    bundled: {
      items: { 'a/b': { status: 'done', at } },
      history: [{ key: 'a/b', from: 'todo', to: 'done', at }],
    },
  },
};

describe('decodeState', () => {
  it('accepts a well-formed document', () => {
    expect(decodeState(valid)).toEqual(valid);
  });

  it.each([
    ['an array', [], /JSON object/],
    ['a string', 'hello', /JSON object/],
    ['null', null, /JSON object/],
    ['no schema version', { roadmaps: {} }, /schemaVersion/],
    ['a schema version of 0', { schemaVersion: 0, roadmaps: {} }, /schemaVersion/],
    ['a newer schema version', { schemaVersion: SCHEMA_VERSION + 1, roadmaps: {} }, /newer roadmap.*upgrade/],
    ['no roadmaps', { schemaVersion: 1 }, /roadmaps/],
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
      'a bad history entry',
      { schemaVersion: 1, roadmaps: { x: { items: {}, history: [{ key: 'k' }] } } },
      /history entry \(number 1\)/,
    ],
  ])('rejects %s', (_name, data, message) => {
    expect(() => decodeState(data)).toThrow(StateProblem);
    expect(() => decodeState(data)).toThrow(message);
  });
});
