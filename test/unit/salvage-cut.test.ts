/** Salvage of a progress file cut at every possible place: whole values kept, never half of one. */
import { describe, expect, it } from 'vitest';
import { salvageState } from '../../src/core/salvage.js';
import { decodeState } from '../../src/core/state.js';

const at = (i: number): string => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
const document = {
  schemaVersion: 2,
  settings: { roadmap: '/home/me/plan.md' },
  roadmaps: {
    bundled: {
      items: { 'a/one': { status: 'done', at: at(1) }, 'a/two': { status: 'doing', at: at(2) } },
      history: [{ key: 'a/one', from: 'todo', to: 'done', at: at(1) }],
      notes: {
        'a/one': [
          { at: at(3), text: 'a "quoted" word, a \\ backslash, a } brace and a ] bracket' },
          { at: at(4), text: 'second\nline' },
        ],
        ['__proto__']: [{ at: at(5), text: 'a key that is a built-in name' }],
      },
      reviews: { 'a/one': [at(6), at(7)], 'a/two': [at(8)] },
    },
  },
};
const text = JSON.stringify(document, undefined, '\t');
const notes = Object.entries(document.roadmaps.bundled.notes).flatMap(([key, list]) =>
  list.map((n) => ({ key, ...n })),
);

describe('salvaging a file cut at any place', () => {
  it('keeps only notes and reviews that are whole, each under its own key, more the later the cut', () => {
    let before = { notes: 0, reviews: 0 };
    for (let cut = 0; cut <= text.length; cut++) {
      const result = salvageState(text.slice(0, cut));
      const bundled = result.state.roadmaps.bundled;
      const kept = Object.entries(bundled?.notes ?? {}).flatMap(([key, list]) => list.map((n) => ({ key, ...n })));
      for (const note of kept) expect(notes).toContainEqual(note);
      for (const [key, times] of Object.entries(bundled?.reviews ?? {})) {
        for (const time of times) expect(document.roadmaps.bundled.reviews[key as 'a/one']).toContain(time);
      }
      expect(result.notes).toBe(kept.length);
      expect(result.notes).toBeGreaterThanOrEqual(before.notes);
      expect(result.reviews).toBeGreaterThanOrEqual(before.reviews);
      before = { notes: result.notes, reviews: result.reviews };
      expect(() => decodeState(JSON.parse(JSON.stringify(result.state)))).not.toThrow();
    }
    expect(before).toEqual({ notes: 3, reviews: 3 });
  });

  it('keeps everything when only the closing brackets are missing', () => {
    const result = salvageState(text.replace(/[\s}]+$/, ''));
    expect(result.state.roadmaps.bundled?.notes).toEqual(document.roadmaps.bundled.notes);
    expect(result.state.roadmaps.bundled?.reviews).toEqual(document.roadmaps.bundled.reviews);
  });
});
