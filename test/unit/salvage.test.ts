import { describe, expect, it } from 'vitest';
import { salvageState } from '../../src/core/salvage.js';
import { decodeState } from '../../src/core/state.js';

const at = '2026-11-26T10:00:00.000Z';
const good = {
  schemaVersion: 4,
  roadmaps: {
    bundled: {
      items: {
        'a/one': { status: 'done', at },
        'a/two': { status: 'doing', at },
      },
      history: [{ key: 'a/one', from: 'todo', to: 'done', at }],
      notes: { 'a/one': [{ at, text: 'read the docs twice' }] },
      reviews: { 'a/one': [at] },
      grades: { 'a/one': [{ at, grade: 'good' }] },
      sessions: { 'a/one': [{ at, minutes: 25 }] },
      journal: [],
    },
    'file:x': {
      items: { 'b/three': { status: 'skipped', at } },
      history: [],
      notes: {},
      reviews: {},
      grades: {},
      sessions: {},
      journal: [],
      source: '/home/me/plan.md',
    },
  },
};
const text = JSON.stringify(good, null, '\t');

describe('salvageState', () => {
  it('keeps everything from a readable document', () => {
    const result = salvageState(text);
    expect(result.records).toBe(3);
    expect(result.state).toEqual({ ...good, settings: {} });
  });

  it('keeps the well-formed records of a document of the wrong shape', () => {
    const damaged = structuredClone(good) as unknown as { roadmaps: { bundled: { items: Record<string, unknown> } } };
    damaged.roadmaps.bundled.items['a/bad'] = { status: 'finished', at };
    damaged.roadmaps.bundled.items['a/worse'] = 'done';
    const result = salvageState(JSON.stringify({ ...damaged, schemaVersion: 'one' }));
    expect(result.records).toBe(3);
    expect(Object.keys(result.state.roadmaps.bundled!.items)).toEqual(['a/one', 'a/two']);
  });

  it('finds the whole records of a truncated file, under the roadmap they belong to', () => {
    const cut = text.slice(0, text.indexOf('}', text.indexOf('b/three')) + 1);
    const result = salvageState(cut);
    expect(result.state.roadmaps.bundled?.items).toEqual(good.roadmaps.bundled.items);
    expect(result.state.roadmaps['file:x']?.items).toEqual({ 'b/three': { status: 'skipped', at } });
  });

  it.each([
    ['an empty file', ''],
    ['binary bytes', '\u0000\u0001\u0002\uFFFD\u0007'],
    ['a JSON array', '[1, 2, 3]'],
    ['a record cut in half', text.slice(0, text.indexOf('"done"') + 3)],
  ])('salvages nothing from %s, and still gives a valid document', (_name, input) => {
    const result = salvageState(input);
    expect(result.records).toBe(0);
    expect(decodeState(result.state)).toEqual(result.state);
  });

  it('always returns a document the store can read back', () => {
    for (let cut = 0; cut <= text.length; cut += 7) {
      const { state } = salvageState(text.slice(0, cut));
      expect(() => decodeState(JSON.parse(JSON.stringify(state)))).not.toThrow();
    }
  });
});

describe('salvaging a truncated file keeps more than the records', () => {
  it('keeps the chosen roadmap and the whole history entries', () => {
    const withSettings = JSON.stringify(
      { schemaVersion: 1, settings: { roadmap: '/home/me/plan.md' }, roadmaps: good.roadmaps },
      null,
      '\t',
    );
    const cut = withSettings.slice(0, withSettings.indexOf('"file:x"'));
    const { state } = salvageState(cut);
    expect(state.settings).toEqual({ roadmap: '/home/me/plan.md' });
    expect(state.roadmaps.bundled?.history).toEqual(good.roadmaps.bundled.history);
    expect(state.roadmaps.bundled?.items).toEqual(good.roadmaps.bundled.items);
  });
});
