/** Property tests: the parser never throws on any text, and every tree it builds keeps its invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownOf } from '../helpers/markdown.js';
import { seeded } from '../helpers/seed.js';
import type { Status } from '../../src/core/model.js';
import { parseRoadmap, RoadmapProblem } from '../../src/core/parse.js';
import { roadmapTally, tally, type Progress } from '../../src/core/progress.js';
import { resolveRef } from '../../src/core/refs.js';
import { topicsOf, walk } from '../../src/core/tree.js';

/** Lines built from the pieces roadmaps are made of, so generated files hit the parser's real paths. */
const piece = fc.constantFrom(
  '# ',
  '## ',
  '### ',
  '#### ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '- [ ] ',
  '- [x] ',
  '  ',
  '    ',
  '\t',
  '> ',
  '**bold**',
  '_em_',
  '`code`',
  '[link](https://example.com/a)',
  '[toc](#part)',
  '![img](x.png)',
  '<b>',
  '</b>',
  '```',
  'Projects',
  'Learning Path',
  'Part 1:',
  'word',
  'Ünïcödé',
  '📖',
  ':zap:',
  ':',
  '&amp;',
  '\u001b[31m',
  '\u202e',
  '\r',
  '',
);
const markdown = markdownOf(piece, 8);
const anyText = fc.oneof(markdown, fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }));

function parses(text: string) {
  try {
    return parseRoadmap(text);
  } catch (error) {
    // The one error the parser may raise: a file it refuses, with a reason.
    expect(error).toBeInstanceOf(RoadmapProblem);
    return undefined;
  }
}

describe('parseRoadmap on generated input', () => {
  it('never throws anything but a RoadmapProblem', () => {
    fc.assert(
      fc.property(anyText, (text) => void parses(text)),
      { numRuns: 400, ...seeded },
    );
  });

  it('builds trees whose IDs and keys are unique and whose topics resolve by ID, key and unique slug', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const roadmap = parses(text);
        if (!roadmap) return;
        const ids: string[] = [];
        const keys: string[] = [];
        walk(roadmap.parts, (item) => {
          ids.push(item.id);
          keys.push(item.key);
        });
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(keys).size).toBe(keys.length);
        const slugCount = new Map<string, number>();
        walk(roadmap.parts, (item) => slugCount.set(item.slug, (slugCount.get(item.slug) ?? 0) + 1));
        for (const project of roadmap.projects) slugCount.set(project.slug, (slugCount.get(project.slug) ?? 0) + 1);
        for (const topic of topicsOf(roadmap.parts)) {
          // A unique slug names its item, unless it reads as an ID (a title "2." has the slug "2"; a REF
          // without a letter, like the slug "1-1" of a title "1. 1.", is a mistyped ID) or is
          // another item's key: IDs come first, then keys (seed 733083714 found a topic whose slug "link"
          // is the key of the topic before it, whose own slug became "link-toc").
          const slugIsUsable =
            slugCount.get(topic.slug) === 1 &&
            /\p{L}/u.test(topic.slug) &&
            !/^p?\d+$/.test(topic.slug) &&
            !keys.some((key) => key === topic.slug && key !== topic.key);
          const refs = [topic.id, topic.key, ...(slugIsUsable ? [topic.slug] : [])];
          for (const ref of refs) {
            const result = resolveRef(roadmap, ref);
            expect(result.ok && result.target.type === 'item' ? result.target.item.id : result).toBe(topic.id);
          }
        }
      }),
      { numRuns: 300, ...seeded },
    );
  });

  it('counts every topic exactly once, whatever the statuses', () => {
    const statuses = fc.array(fc.constantFrom<Status>('todo', 'doing', 'done', 'skipped'), { maxLength: 200 });
    fc.assert(
      fc.property(markdown, statuses, (text, picks) => {
        const roadmap = parses(text);
        if (!roadmap) return;
        const topics = topicsOf(roadmap.parts);
        const progress: Progress = Object.fromEntries(
          topics.map((t, i) => [t.key, { status: picks[i % Math.max(1, picks.length)] ?? 'todo', at: 'x' }]),
        );
        const t = tally(roadmap.parts, progress);
        const todo = topics.filter((topic) => (progress[topic.key]?.status ?? 'todo') === 'todo').length;
        expect(t.done + t.doing + t.skipped + todo).toBe(t.total);
        expect(t.total).toBe(topics.length);
        // The topic index agrees with the tree, and parts' tallies add up to the roadmap's.
        expect(roadmap.topics.ids).toEqual(topics.map((topic) => topic.id));
        expect(roadmap.topics.keys).toEqual(topics.map((topic) => topic.key));
        expect(roadmapTally(roadmap, progress)).toEqual(t);
        expect(roadmap.parts.reduce((n, p) => n + tally([p], progress).total, 0)).toBe(t.total);
      }),
      { numRuns: 300, ...seeded },
    );
  });
});

describe('REF precedence', () => {
  it("a key wins over a slug: the slug that is another topic's key names that topic", () => {
    const roadmap = parseRoadmap(
      '- [ ] [link](https://example.com/a)\n[toc](#part)\n- [ ] [link](https://example.com/a)',
    );
    const [first, second] = topicsOf(roadmap.parts);
    expect(first!.key).toBe('link');
    expect(second!.slug).toBe('link');
    const result = resolveRef(roadmap, 'link');
    expect(result.ok && result.target.type === 'item' ? result.target.item.id : result).toBe(first!.id);
  });
});
