import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse.js';
import { indexById, placeById, topicsOf, walk } from '../../src/core/tree.js';
import { bundled } from './bundled.js';

describe('placeById', () => {
  it('finds every item of the bundled roadmap with the same ancestors as a full walk', () => {
    const index = indexById(bundled);
    walk(bundled.parts, (item) => {
      const placed = placeById(bundled, item.id);
      expect(placed?.item).toBe(item);
      expect(placed?.ancestors.map((a) => a.id)).toEqual(index.get(item.id)!.ancestors.map((a) => a.id));
    });
  });

  it.each(['0', '10', '1.9', '1.1.1.1', 'p1', '', 'x.1', '1..1'])('finds nothing for "%s"', (id) => {
    expect(placeById(bundled, id)).toBeUndefined();
  });
});

describe('topicsOf', () => {
  it('lists topics in document order, topics holding topics included', () => {
    const roadmap = parseRoadmap('## A\n- [ ] one\n  - [ ] one-a\n- [ ] two\n');
    expect(topicsOf(roadmap.parts).map((t) => t.title)).toEqual(['one', 'one-a', 'two']);
  });
});
