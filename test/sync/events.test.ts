/** The merge rules of sync's event logs, on generated progress: pure, no git. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEvent, diffEvents, mergeEvents, migrationEvents, type SyncEvent } from '../../src/core/events.js';
import { dict } from '../../src/core/dict.js';
import type { Status } from '../../src/core/model.js';
import { emptyRoadmapState, type Grade, type RoadmapState } from '../../src/core/state.js';
import { seeded } from '../helpers/seed.js';

const time = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-11-30T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const key = fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor');
const status = fc.constantFrom<Status>('todo', 'doing', 'done', 'skipped');
const grade = fc.constantFrom<Grade>('again', 'hard', 'good', 'easy');

/** A roadmap's saved progress as commands leave it: history in time order, records matching it. */
const roadmapState = fc
  .record({
    changes: fc.array(fc.record({ key, to: status, at: time }), { maxLength: 12 }),
    notes: fc.array(fc.record({ key, at: time, text: fc.string() }), { maxLength: 5 }),
    reviews: fc.array(fc.record({ key, at: time }), { maxLength: 5 }),
    grades: fc.array(fc.record({ key, at: time, grade }), { maxLength: 4 }),
    sessions: fc.array(fc.record({ key, at: time, minutes: fc.integer({ min: 1, max: 1440 }) }), { maxLength: 4 }),
  })
  .map(({ changes, notes, reviews, grades, sessions }): RoadmapState => {
    const items = dict<{ status: Status; at: string }>();
    const history = [...changes]
      .sort((x, y) => (x.at < y.at ? -1 : 1))
      .map((c) => {
        const from = items[c.key]?.status ?? 'todo';
        items[c.key] = { status: c.to, at: c.at };
        return { key: c.key, from, to: c.to, at: c.at };
      })
      .filter((c) => c.from !== c.to);
    const byKey = <T>(list: { key: string; value: T }[]) => {
      const out = dict<T[]>();
      for (const { key: k, value } of list) (out[k] ??= []).push(value);
      return out;
    };
    return {
      ...emptyRoadmapState(),
      items,
      history,
      notes: byKey(
        [...notes]
          .sort((x, y) => (x.at < y.at ? -1 : 1))
          .map((n) => ({ key: n.key, value: { at: n.at, text: n.text } })),
      ),
      reviews: byKey([...reviews].sort((x, y) => (x.at < y.at ? -1 : 1)).map((r) => ({ key: r.key, value: r.at }))),
      grades: byKey(
        [...grades]
          .sort((x, y) => (x.at < y.at ? -1 : 1))
          .map((g) => ({ key: g.key, value: { at: g.at, grade: g.grade } })),
      ),
      sessions: byKey(
        [...sessions]
          .sort((x, y) => (x.at < y.at ? -1 : 1))
          .map((g) => ({ key: g.key, value: { at: g.at, minutes: g.minutes } })),
      ),
    };
  });

const shape = (state: RoadmapState | undefined) => ({
  items: { ...(state?.items ?? {}) },
  notes: { ...(state?.notes ?? {}) },
  reviews: { ...(state?.reviews ?? {}) },
  grades: { ...(state?.grades ?? {}) },
  sessions: { ...(state?.sessions ?? {}) },
});

describe('sync events', () => {
  it('a device first syncing: its progress as events merges back to the same records, notes and reviews', () => {
    fc.assert(
      fc.property(roadmapState, (state) => {
        const events = migrationEvents('r', state, { device: 'd', time: '2026-12-01T00:00:00.000Z', first: 0 });
        expect(shape(mergeEvents(events).r)).toEqual(shape(state));
      }),
      { numRuns: 300, ...seeded },
    );
  });

  it('a save as events: applied after the old state, they give the new one', () => {
    fc.assert(
      fc.property(roadmapState, roadmapState, (before, after) => {
        const base = migrationEvents('r', before, { device: 'd', time: '2025-01-01T00:00:00.000Z', first: 0 });
        const change = diffEvents('r', before, after, { device: 'd', time: '2026-12-01T00:00:00.000Z', first: 1000 });
        // The save happened after everything it changes, as saves do.
        const merged = mergeEvents([...base, ...change]).r ?? emptyRoadmapState();
        expect(shape(merged)).toEqual(shape(after));
      }),
      { numRuns: 300, ...seeded },
    );
  });

  it('every device merges the same events to the same state, in whatever order it holds them', () => {
    const events = fc.array(
      fc.record({
        device: fc.constantFrom('laptop', 'desktop', 'phone'),
        time,
        key,
        change: fc.oneof(
          fc.record({ set: fc.option(fc.record({ status, at: time }), { nil: null }) }),
          fc.record({ note: fc.record({ at: time, text: fc.string() }) }),
          fc.record({ unnote: time }),
          fc.record({ review: time }),
          fc.record({ unreview: time }),
          fc.record({ grade: fc.record({ at: time, grade }) }),
          fc.record({ ungrade: time }),
          fc.record({ session: fc.record({ at: time, minutes: fc.integer({ min: 1, max: 1440 }) }) }),
          fc.record({ unsession: time }),
        ),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(events, fc.integer(), (list, seed) => {
        const numbered: SyncEvent[] = list.map((e, i) => ({ ...e, id: `${e.device}.${i}`, roadmap: 'r' }));
        const rank = (id: string): number => {
          let h = seed | 0;
          for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
          return h;
        };
        const shuffled = [...numbered].sort((x, y) => rank(x.id) - rank(y.id));
        expect(mergeEvents(shuffled)).toEqual(mergeEvents(numbered));
      }),
      { numRuns: 300, ...seeded },
    );
  });

  it('grades and study sessions travel as events and come back as they were written', () => {
    const line = (change: unknown): string =>
      JSON.stringify({ id: 'd.1', device: 'd', time: '2026-11-01T00:00:00Z', roadmap: 'r', key: 'k', change });
    expect(decodeEvent(line({ grade: { at: '2026-11-01T00:00:00Z', grade: 'hard' }, n: 1 }))?.change).toEqual({
      grade: { at: '2026-11-01T00:00:00Z', grade: 'hard' },
      n: 1,
    });
    expect(decodeEvent(line({ session: { at: '2026-11-01T00:00:00Z', minutes: 45 } }))?.change).toEqual({
      session: { at: '2026-11-01T00:00:00Z', minutes: 45 },
    });
    expect(decodeEvent(line({ ungrade: '2026-11-01T00:00:00Z' }))?.change).toEqual({ ungrade: '2026-11-01T00:00:00Z' });
    expect(decodeEvent(line({ unsession: '2026-11-01T00:00:00Z' }))?.change).toEqual({
      unsession: '2026-11-01T00:00:00Z',
    });
    // A grade nobody knows, or a session of no time, is not guessed at.
    expect(decodeEvent(line({ grade: { at: '2026-11-01T00:00:00Z', grade: 'meh' } }))).toBeUndefined();
    expect(decodeEvent(line({ session: { at: '2026-11-01T00:00:00Z', minutes: 0 } }))).toBeUndefined();
  });

  it('a log line that is not an event is refused, not guessed at', () => {
    expect(decodeEvent('{"id":"half')).toBeUndefined();
    expect(decodeEvent('[]')).toBeUndefined();
    expect(
      decodeEvent(
        '{"id":"d.1","device":"d","time":"2026-11-01T00:00:00Z","roadmap":"r","key":"k","change":{"set":{"status":"finished","at":"2026-11-01T00:00:00Z"}}}',
      ),
    ).toBeUndefined();
    expect(
      decodeEvent(
        '{"id":"d.1","device":"d","time":"2026-11-01T00:00:00Z","roadmap":"r","key":"k","change":{"set":null}}',
      ),
    ).toEqual({ id: 'd.1', device: 'd', time: '2026-11-01T00:00:00Z', roadmap: 'r', key: 'k', change: { set: null } });
  });
});
