/**
 * Properties of the pure core over keys and text that come from data: any
 * string is a key like any other (JavaScript built-in names included), and a
 * note's text survives the markdown export and its import exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded } from '../helpers/seed.js';
import { readChecklist, renderChecklist } from '../../src/core/checklist.js';
import { mergeState } from '../../src/core/merge.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { applyChanges, statusOf, withFileMarks } from '../../src/core/progress.js';
import { decodeState, emptyRoadmapState, type RoadmapState } from '../../src/core/state.js';

const BUILT_IN = Object.getOwnPropertyNames(Object.prototype);
const AT = '2026-11-27T09:00:00.000Z';

/** Any UTF-16 code unit (lone surrogates included: JSON can hold them), often one that markdown or a viewer treats specially. */
const unit = fc.oneof(
  fc.constantFrom(
    '\n',
    '\r',
    '\t',
    ' ',
    '&',
    '<',
    '>',
    '%',
    '#',
    '-',
    '[',
    ']',
    '\u2028',
    '\u2029',
    '\u202e',
    '\u2066',
    '\u0085',
  ),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const anyText = fc.string({ unit, maxLength: 60 });
/** Keys as a file may hold them: built-in names, or any text (a kept record's key can be anything). */
const key = fc.oneof(fc.constantFrom(...BUILT_IN), fc.string({ unit, minLength: 1, maxLength: 20 }));
const status = fc.constantFrom('todo', 'doing', 'done', 'skipped');

/** A progress document as JSON text, every key an own property (`__proto__` too). */
const documentText = fc
  .uniqueArray(fc.tuple(key, status, fc.array(anyText, { minLength: 1, maxLength: 3 })), {
    selector: ([k]) => k,
    maxLength: 12,
  })
  .map((records) => {
    const own = <T>(entries: [string, T][]) => Object.fromEntries(entries) as Record<string, T>;
    return JSON.stringify({
      schemaVersion: 4,
      settings: {},
      roadmaps: own([
        [
          'r',
          {
            items: own(records.map(([k, s]) => [k, { status: s, at: AT }])),
            history: records.map(([k, s]) => ({ key: k, from: 'todo', to: s, at: AT })),
            notes: own(records.map(([k, , texts]) => [k, texts.map((text) => ({ at: AT, text }))])),
            reviews: own(records.map(([k]) => [k, [AT]])),
            grades: own(records.map(([k]) => [k, [{ at: AT, grade: 'hard' }]])),
            sessions: own(records.map(([k]) => [k, [{ at: AT, minutes: 10 }]])),
            journal: [
              {
                id: 1,
                at: AT,
                command: 'import',
                items: own(records.map(([k, s]) => [k, { before: null, after: { status: s, at: AT } }])),
                added: {
                  history: [],
                  notes: {},
                  reviews: own(records.map(([k]) => [k, [AT]])),
                  grades: {},
                  sessions: own(records.map(([k]) => [k, [{ at: AT, minutes: 10 }]])),
                },
                removed: { history: [], notes: {}, reviews: {}, grades: {}, sessions: {} },
              },
            ],
          },
        ],
      ]),
    });
  });

/** Every record of a roadmap's state, as plain entries (nothing inherited can show). */
const entriesOf = (state: RoadmapState) => ({
  items: Object.entries(state.items),
  notes: Object.entries(state.notes),
  reviews: Object.entries(state.reviews),
  history: state.history,
});

describe('keys from data', () => {
  it('decoding, saving (JSON), merging and status changes keep every key, built-in names included', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const raw = JSON.parse(text) as { roadmaps: { r: { items: object } } };
        const keys = Object.keys(raw.roadmaps.r.items);
        const decoded = decodeState(JSON.parse(text));
        const state = decoded.roadmaps.r!;
        expect(Object.keys(state.items)).toEqual(keys);
        expect(Object.keys(state.journal[0]!.items)).toEqual(keys);
        expect(Object.keys(state.journal[0]!.added.reviews)).toEqual(keys);
        // What is saved is what was read.
        expect(JSON.parse(JSON.stringify(decoded))).toEqual(JSON.parse(text));
        expect(entriesOf(decodeState(JSON.parse(JSON.stringify(decoded))).roadmaps.r!)).toEqual(entriesOf(state));
        // An import into an empty folder brings every record; a second one changes nothing.
        const merged = mergeState(emptyRoadmapState(), state);
        expect(entriesOf(merged.state)).toEqual(entriesOf(state));
        expect(mergeState(merged.state, state).changed).toBe(false);
        // A status change on one key leaves every other.
        const changed = applyChanges(
          state.items,
          keys.map((k) => ({ key: k, from: 'todo', to: 'skipped', at: AT })),
        );
        for (const k of keys) expect(statusOf(changed, k)).toBe('skipped');
        expect(Object.keys(changed)).toEqual(keys);
      }),
      seeded,
    );
  });
});

describe('notes through the markdown export', () => {
  const roadmap = parseRoadmap('# Plan\n\n## Constructor\n\n- toString\n- Plain topic\n');
  const header = { id: 'title:plan', title: 'Plan' };
  const topicKey = roadmap.topics.keys[0]!;
  const known = new Set([...roadmap.topics.keys, 'constructor']);

  it('reads back a kept key with notes but no status that starts like a mark ("[>]"; seed 1536519435)', () => {
    const notes = [{ at: '2026-11-01T10:00:00.000Z', text: '' }];
    const entries: [string, typeof notes][] = [
      ['[>]\n', notes],
      ['[x] done?', notes],
    ];
    const state = { ...emptyRoadmapState(), notes: Object.fromEntries(entries) };
    const md = renderChecklist(roadmap, header, AT, state, withFileMarks(roadmap, state.items));
    const read = readChecklist(md, roadmap);
    expect(read.notes).toEqual(new Map(entries));
    for (const [kept] of entries) expect(read.marks.has(kept)).toBe(false);
  });

  it('reads back every note exactly, under its item or its kept key, whatever its text', () => {
    fc.assert(
      fc.property(
        fc.array(anyText, { minLength: 1, maxLength: 4 }),
        key.filter((k) => !known.has(k) && k.trim() !== ''),
        (texts, kept) => {
          const notes = texts.map((text, i) => ({ at: `2026-11-0${i + 1}T10:00:00.000Z`, text }));
          const entries: [string, typeof notes][] = [
            [topicKey, notes],
            ['constructor', notes],
            [kept, notes],
          ];
          const state = { ...emptyRoadmapState(), notes: Object.fromEntries(entries) };
          const md = renderChecklist(roadmap, header, AT, state, withFileMarks(roadmap, state.items));
          const read = readChecklist(md, roadmap);
          expect(read.notes).toEqual(new Map(entries));
        },
      ),
      seeded,
    );
  });
});
