import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse.js';
import { chaptersOf, indexById, placeById, topicsOf, walk } from '../../src/core/tree.js';
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

describe('chaptersOf', () => {
  const shape = (markdown: string): [string, string, string[]][] =>
    chaptersOf(parseRoadmap(markdown).parts).map((c) => [c.id, c.title, topicsOf(c.items).map((t) => t.title)]);

  it.each([
    [
      'parts only',
      '## A\n- a1\n## B\n- b1\n',
      [
        ['1', 'A', ['a1']],
        ['2', 'B', ['b1']],
      ],
    ],
    ['no parts at all', '# Plan\n- x\n- y\n', [['', 'All topics', ['x', 'y']]]],
    [
      // Checkboxes: a plain list before the first section would be preamble.
      'top-level topics before a part',
      '# Plan\n- [ ] x\n- [ ] y\n## A\n- [ ] a1\n',
      [
        ['', 'Topics outside any part', ['x', 'y']],
        ['3', 'A', ['a1']],
      ],
    ],
  ] as const)('%s', (_name, markdown, expected) => {
    expect(shape(markdown)).toEqual(expected);
  });

  it('the bundled roadmap: one chapter per part', () => {
    expect(chaptersOf(bundled.parts).map((c) => c.id)).toEqual(bundled.parts.map((p) => p.id));
  });
});
