/**
 * Estimates (issue 19, docs/estimates.md): each form the parser reads, the
 * words it must leave alone, table columns (ossu-math's Duration and Effort),
 * sums up the tree, and the bundled roadmap's overlay. An estimate leaves the
 * title shown but never the key, which is where progress is stored.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEstimates, minutesOf, overlayOf, sumOf, totalEstimate } from '../../src/core/estimates.js';
import type { Item } from '../../src/core/model.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { lengthMinutes, rowEstimate } from '../../src/core/parse/estimate.js';
import { slugify } from '../../src/core/text.js';
import { placeById, topicsOf } from '../../src/core/tree.js';
import { repoRoot } from '../helpers/cli.js';

const H = 60;

/** The only topic of a roadmap made of one list item. */
function topic(line: string): Item {
  const [only, ...rest] = topicsOf(parseRoadmap(`# T\n\n## Part\n\n${line}\n`).parts);
  expect(rest).toEqual([]);
  return only!;
}

describe('an estimate at the end of an item', () => {
  it.each([
    ['- Pydantic ~2h', 'Pydantic', 2 * H],
    ['- Pydantic ~30m', 'Pydantic', 30],
    ['- Pydantic ~1.5h', 'Pydantic', 90],
    ['- Pydantic ~1h30m', 'Pydantic', 90],
    ['- Pydantic ~2 hours', 'Pydantic', 2 * H],
    ['- Pydantic (3 h)', 'Pydantic', 3 * H],
    ['- Pydantic (3h)', 'Pydantic', 3 * H],
    ['- Pydantic (45 min)', 'Pydantic', 45],
    ['- Pydantic (~1h 30m)', 'Pydantic', 90],
    ['- Pydantic (2-3 h)', 'Pydantic', 150],
    ['- Pydantic (3 days)', 'Pydantic', 3 * 2 * H],
    ['- Pydantic. Estimated time: 2 weeks', 'Pydantic', 2 * 10 * H],
    ['- Pydantic (Estimated time: 45m)', 'Pydantic', 45],
    ['- Pydantic - estimated time: 1 hour', 'Pydantic', H],
    ['- Pydantic\n  Estimated time: 2h', 'Pydantic', 2 * H],
    ['- [ ] Pydantic ~2h', 'Pydantic', 2 * H],
    ['- [Pydantic docs](https://docs.pydantic.dev) - the tutorial (3 h)', 'Pydantic docs', 3 * H],
    ['- **Pydantic**: ~2h', 'Pydantic', 2 * H],
  ])('%j: "%s", %i minutes', (line, title, minutes) => {
    const read = topic(line);
    expect(read.title).toBe(title);
    expect(read.estimate).toBe(minutes);
  });

  it('takes the estimate out of the title and the slug, never out of the key', () => {
    const read = topic('- Pydantic ~2h');
    expect(read).toMatchObject({ title: 'Pydantic', slug: 'pydantic', key: 'part/pydantic-2h' });
    // The same key as a file without estimates gives the same words: saved progress stays put.
    const before = parseRoadmap('# T\n\n## Part\n\n- Pydantic ~2h\n- Other\n');
    expect(topicsOf(before.parts).map((t) => t.key)).toEqual(['part/pydantic-2h', 'part/other']);
    expect(read.description).toBeUndefined();
  });

  it('in a description: taken out of it', () => {
    const read = topic('- [Docs](https://x.example) - the tutorial (3 h)');
    expect(read.description).toBe('the tutorial');
    expect(read.key).toBe(`part/${slugify('Docs - the tutorial (3 h)')}`);
  });

  it.each([
    ['prose around a length', '- Spend 3 h a day on exercises'],
    ['a length inside the title', '- How a Compiler Works in ~1 minute (video)'],
    ['a length after "in"', '- Learn Git in ~10 minutes'],
    ['a length after "under"', '- Deploy under ~5m'],
    ['a year', '- Top 10 tools (2020)'],
    ['a dimension', '- Computer graphics (3D)'],
    ['a resolution', '- Video formats (4K)'],
    ['a million', '- Scaling to (10M)'],
    ['brackets with more than a length', '- Intro (video, 5 min)'],
    ['a bare number', '- Chapter (12)'],
    ['a lone marker: it is the name', '- ~2h'],
    ['a tilde not after a space', '- HTTP/2~2h'],
    ['a length with a full stop after it', '- Pydantic ~2h.'],
    ['"Estimated" without "time"', '- Estimated: 2h'],
  ])('not an estimate: %s', (_, line) => {
    const read = topic(line);
    expect(read.estimate).toBeUndefined();
    expect(read.title).toBe(read.title.trim());
    expect(line).toContain(read.title);
  });
});

describe('an estimate on a section or a part', () => {
  const markdown = [
    '# T',
    '',
    '## Part 1: Basics (20 h)',
    '',
    '1. **Python Basics** ~4h:',
    '   - Syntax ~1h',
    '   - Libraries',
    '2. **Git**:',
    '   - Branches ~2h',
    '   - Commits ~30m',
    '',
    '## Part 2: Web',
    'Estimated time: 2 weeks',
    '',
    '- HTTP',
    '',
    '## Part 3: Data',
    '',
    '### SQL',
    '**Estimated time:** 3 days',
    '',
    '- Joins',
    '',
    '### NoSQL',
    '',
    'A paragraph first.',
    '',
    'Estimated time: 9h',
    '',
    '- Mongo ~1h',
    '- Redis',
    '',
    '## Part 4: None',
    '',
    '- Nothing here',
  ].join('\n');
  const roadmap = parseRoadmap(markdown);
  const at = (id: string): Item => placeById(roadmap, id)!.item;

  it.each([
    ['1', 'Basics', 20 * H],
    ['1.1', 'Python Basics', 4 * H],
    ['1.2', 'Git', undefined],
    ['2', 'Web', 2 * 10 * H],
    ['3.1', 'SQL', 3 * 2 * H],
    ['3.2', 'NoSQL', undefined],
  ])('%s "%s": %s minutes of its own', (id, title, minutes) => {
    expect(at(id).title).toBe(title);
    expect(at(id).estimate).toBe(minutes);
  });

  it('keeps the keys the headings and sections had', () => {
    expect(at('1').key).toBe('basics-20-h');
    expect(at('1.1').key).toBe('basics-20-h/python-basics-4h');
    expect(at('2').key).toBe('web');
  });

  it('sums: its own estimate if given, else what is below it, each section its own or its topics', () => {
    expect(totalEstimate(at('1'))).toEqual({ minutes: 20 * H, from: 'item', unestimated: 0 });
    expect(totalEstimate(at('1.1'))).toEqual({ minutes: 4 * H, from: 'item', unestimated: 0 });
    expect(totalEstimate(at('1.2'))).toEqual({ minutes: 150, from: 'topics', unestimated: 0 });
    // SQL gives its own 6h (Joins has none), NoSQL sums its topics: Redis has none.
    expect(totalEstimate(at('3'))).toEqual({ minutes: 6 * H + H, from: 'topics', unestimated: 1 });
    expect(totalEstimate(at('3.2'))).toEqual({ minutes: H, from: 'topics', unestimated: 1 });
    expect(totalEstimate(at('4'))).toBeUndefined();
    expect(totalEstimate(at('1.1.2'))).toBeUndefined();
    expect(sumOf(roadmap.parts)).toEqual({ minutes: 20 * H + 20 * H + 7 * H, from: 'topics', unestimated: 2 });
  });

  it('gives the topic index each topic own estimate, 0 for none, in document order', () => {
    expect(roadmap.topics.minutes).toEqual([60, 0, 120, 30, 0, 0, 60, 0, 0]);
    expect(roadmap.topics.minutes).toHaveLength(roadmap.topics.ids.length);
    expect(parseRoadmap('# T\n## A\n- a\n- b\n').topics.minutes).toBeUndefined();
  });
});

describe('estimate columns of a table', () => {
  it.each([
    [[['Duration', '10 weeks']], 10 * 10 * H],
    [
      [
        ['Duration', '10 weeks'],
        ['Effort', '4 hours/week'],
      ],
      40 * H,
    ],
    [
      [
        ['Duration', '13 weeks'],
        ['Effort', '6-10 hours/week'],
      ],
      13 * 8 * H,
    ],
    [
      [
        ['Duration', '1 week'],
        ['Effort', '30 minutes/week'],
      ],
      30,
    ],
    [
      [
        ['Duration', '5 days'],
        ['Effort', '2 h per day'],
      ],
      10 * H,
    ],
    [[['Effort', '20 hours']], 20 * H],
    [[['Time', '45m']], 45],
    [[['hours', '12']], 12 * H],
    [[['Hours', '6-10']], 8 * H],
    [
      [
        ['Hours', '3/week'],
        ['Duration', '4 weeks'],
      ],
      12 * H,
    ],
  ])('%j: %i minutes', (cells, minutes) => {
    expect(rowEstimate(cells.map(([label, value]) => ({ label: label!, value: value! })))).toBe(minutes);
  });

  it.each([
    [
      [
        ['Duration', '-'],
        ['Effort', '-'],
      ],
    ],
    [[['Effort', '4 hours/week']]],
    [[['Prerequisites', '3 hours']]],
    [[['Duration', 'self-paced']]],
    [[['Time', '12']]],
  ])('no estimate: %j', (cells) => {
    expect(rowEstimate(cells.map(([label, value]) => ({ label: label!, value: value! })))).toBeUndefined();
  });

  it("reads ossu-math's Duration and Effort rows as weeks x hours a week", () => {
    const text = readFileSync(join(repoRoot, 'test/fixtures/real-roadmaps/ossu-math.md'), 'utf8');
    const byTitle = new Map(topicsOf(parseRoadmap(text).parts).map((t) => [t.title, t.estimate]));
    expect(byTitle.get('Introduction to Mathematical Thinking')).toBe(10 * 4 * H);
    expect(byTitle.get('LaTeX')).toBe(30);
    expect(byTitle.get('Calculus 1A: Differentiation')).toBe(13 * 8 * H);
    expect(byTitle.get('Calculus 1B: Integration')).toBe(13 * 7.5 * H);
    expect(byTitle.get('Multivariable Calculus')).toBe(12 * 6 * H);
    expect(byTitle.get('Probability')).toBe(14 * 14 * H);
    // "- | -": no estimate.
    expect(byTitle.has('Essence of Linear Algebra')).toBe(true);
    expect(byTitle.get('Essence of Linear Algebra')).toBeUndefined();
    expect([...byTitle.values()].filter((m) => m !== undefined)).toHaveLength(20);
  });

  it('a length written with a capital single letter is a name: 3D, 4K, 10M', () => {
    expect(lengthMinutes('3D')).toBeUndefined();
    expect(lengthMinutes('3d')).toBe(2 * H * 3);
    expect(lengthMinutes('3 Hours')).toBe(3 * H);
  });
});

describe("the bundled roadmap's overlay", () => {
  const markdown = readFileSync(join(repoRoot, 'data/roadmap.md'));
  const overlayText = readFileSync(join(repoRoot, 'data/estimates.json'), 'utf8');

  it('leaves data/roadmap.md byte for byte the seed roadmap', () => {
    // The seed's SHA-256, pinned: the file itself lives outside the repository.
    expect(createHash('sha256').update(markdown).digest('hex')).toBe(
      '5c2327742534cb5909fa3974f50b80b2812dc3a7732d13f4df27dcf24895a3a2',
    );
    const seed = '/work/shared/seed/roadmap.md';
    if (existsSync(seed)) expect(markdown.equals(readFileSync(seed))).toBe(true);
  });

  it('gives every topic a length, and names nothing the roadmap does not have', () => {
    const overlay = overlayOf(overlayText)!;
    const { roadmap, unknown, invalid } = applyEstimates(parseRoadmap(markdown.toString('utf8')), overlay);
    expect(unknown).toEqual([]);
    expect(invalid).toEqual([]);
    const topics = topicsOf(roadmap.parts);
    expect(topics.filter((t) => t.estimate === undefined).map((t) => t.id)).toEqual([]);
    // Between a quarter of an hour and two study days each.
    for (const t of topics) expect(t.estimate, t.id).toSatisfy((m: number) => m >= 15 && m <= 16 * H);
    expect(roadmap.topics.minutes).toEqual(topics.map((t) => t.estimate));
  });

  it('keys in place of positions: the keys and titles stay, the estimates change', () => {
    const parsed = parseRoadmap('# T\n## A\n- one ~1h\n- two\n## B\n- three\n');
    const { roadmap, unknown, invalid } = applyEstimates(
      parsed,
      overlayOf('{"a/two": "45m", "a/one-1h": "2h", "b": "3 days", "gone": "1h", "b/three": "soon", "__proto__": 1}')!,
    );
    expect([...unknown].sort()).toEqual(['__proto__', 'gone']);
    expect(invalid).toEqual(['b/three']);
    expect(topicsOf(roadmap.parts).map((t) => [t.key, t.title, t.estimate])).toEqual([
      ['a/one-1h', 'one', 2 * H],
      ['a/two', 'two', 45],
      ['b/three', 'three', undefined],
    ]);
    expect(roadmap.parts[1]!.estimate).toBe(3 * 2 * H);
    expect(roadmap.topics).toEqual({ ...parsed.topics, minutes: [2 * H, 45, 0] });
    expect(minutesOf(topicsOf(parsed.parts))).toEqual({ minutes: [H, 0, 0] });
  });

  it.each([['[]'], ['"2h"'], ['{'], ['null']])('an overlay that is no JSON object (%s) is refused', (text) => {
    expect(overlayOf(text)).toBeUndefined();
  });
});
