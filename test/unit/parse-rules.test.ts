/**
 * One small synthetic file per rule of the README's "Any roadmap" section
 * (numbers as in issue 14), read by the parser: what becomes a topic, with
 * which title, description, details and links.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/core/model.js';
import { parseRoadmap, type Trace } from '../../src/core/parse.js';
import { resolveRef } from '../../src/core/refs.js';
import { topicsOf } from '../../src/core/tree.js';
import { repoRoot } from '../helpers/cli.js';

const topics = (md: string): Item[] => topicsOf(parseRoadmap(md).parts);
const titles = (md: string): string[] => topics(md).map((t) => t.title);
const topic = (md: string, title: string): Item => {
  const found = topics(md).find((t) => t.title === title);
  if (!found) throw new Error(`no topic "${title}" in ${JSON.stringify(titles(md))}`);
  return found;
};
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('1. tables', () => {
  it.each([
    [
      'a header naming the rows (with pipes)',
      lines('# P', '## A', '| Lesson | Notes |', '| --- | --- |', '| Intro | short |', '| Loops | long |'),
      ['Intro', 'Loops'],
    ],
    [
      'no leading pipes',
      lines('# P', '## A', 'Courses | Duration', ':-- | :--:', '[Calculus](https://c) | 10 weeks'),
      ['Calculus'],
    ],
    [
      'a first column that numbers the rows',
      lines('# P', '## A', '| # | Title | Notes |', '|---|---|---|', '| 1 | Intro | x |', '| 2 | Arrays | y |'),
      ['Intro', 'Arrays'],
    ],
    ['a Status column', lines('# P', '## A', '| Reading | Status |', '|---|---|', '| [MDN](https://m) | |'), ['MDN']],
    [
      'the named column, not a generic "Link" / "Solution" cell',
      lines(
        '# P',
        '## A',
        '| Problem | Solution | Article |',
        '|---|---|---|',
        '| Two Sum | [Solution](https://s) | [Article](https://a) |',
      ),
      ['Two Sum'],
    ],
    [
      'a comparison table is not topics (the lists stay)',
      lines('# P', '## A', '| Feature | Vue | React |', '|---|---|---|', '| JSX | no | yes |', '', '- learn Vue'),
      ['learn Vue'],
    ],
    [
      'a table of contents is not topics',
      lines('# P', '## A', '| Chapter |', '|---|', '| [Intro](#intro) |', '', '- learn'),
      ['learn'],
    ],
    [
      'topic tables make the lists notes',
      lines('# P', '## A', '- an instruction', '', '| Course |', '|---|', '| Calculus |'),
      ['Calculus'],
    ],
  ])('%s', (_name, md, expected) => {
    expect(titles(md)).toEqual(expected);
  });

  it('keeps the other cells as details and generic links as resources', () => {
    const md = lines(
      '# P',
      '## A',
      '| Problem | Difficulty | Solution |',
      '|---|---|---|',
      '| [Two Sum](https://t) | Easy | [Solution](https://s) |',
    );
    const row = topic(md, 'Two Sum');
    expect(row.details).toEqual([{ label: 'Difficulty', value: 'Easy' }]);
    expect(row.links.map((l) => l.href)).toEqual(['https://t', 'https://s']);
  });

  it.each(['✅', '✔', '[x]', 'Done'])('a "%s" cell starts the row as done', (mark) => {
    const md = lines(
      '# P',
      '## A',
      '| Day | Topic | Status |',
      '|---|---|---|',
      `| 1 | Arrays | ${mark} |`,
      '| 2 | Lists | |',
    );
    expect(topics(md).map((t) => [t.title, t.checked === true])).toEqual([
      ['Arrays', true],
      ['Lists', false],
    ]);
  });
});

describe('2. headings as items', () => {
  it('a lowest-level heading with prose and no list of its own is a topic', () => {
    expect(titles(lines('# P', '## Week 1', '### Day 1', 'Read chapter 1.', '### Day 2', 'Read chapter 2.'))).toEqual([
      'Day 1',
      'Day 2',
    ]);
  });

  it('a paragraph of only bold text acts as a heading; the links under it are its resources', () => {
    const md = lines(
      '# P',
      '## Week 1',
      '**Lecture 1: Intro**',
      '',
      '- [Video](https://v1)',
      '- [Slides](https://s1)',
      '',
      '**Lecture 2: Loops**',
      '',
      '- [Video](https://v2)',
    );
    expect(titles(md)).toEqual(['Lecture 1: Intro', 'Lecture 2: Loops']);
    expect(topic(md, 'Lecture 1: Intro').links.map((l) => l.href)).toEqual(['https://v1', 'https://s1']);
  });

  it('an "Instructions" heading is a label: its list is not topics, the table after it still is', () => {
    const md = lines(
      '# P',
      '## Tier 1',
      '### Instructions:',
      '- work in order',
      '',
      '| Course |',
      '|---|',
      '| [Odin](https://o) |',
    );
    expect(titles(md)).toEqual(['Odin']);
    expect(parseRoadmap(md).parts.map((p) => p.title)).toEqual(['Tier 1']);
  });
});

describe('3. <details>', () => {
  it('the summary is the topic; the body is its resources and never topics', () => {
    const md = lines(
      '# Questions',
      '',
      '<details><summary>What is a closure?</summary>',
      '',
      '#### Short answer',
      '',
      '- a function with its scope',
      '- [MDN](https://mdn)',
      '',
      '</details>',
      '',
      '<details><summary>What is hoisting?</summary>',
      '',
      'Moving declarations up.',
      '',
      '</details>',
    );
    expect(titles(md)).toEqual(['What is a closure?', 'What is hoisting?']);
    expect(topic(md, 'What is a closure?').links.map((l) => l.href)).toEqual(['https://mdn']);
  });

  it('an "Answer" summary hides the question above; options and headings inside are not topics', () => {
    const md = lines(
      '<h1>Quiz</h1>',
      '',
      '###### 1. What does this print?',
      '',
      '```js',
      'console.log(1)',
      '```',
      '',
      '- A: `1`',
      '- B: `2`',
      '',
      '<details><summary><b>Answer</b></summary>',
      '<p>',
      '',
      '#### Answer: A',
      '',
      'It prints 1.',
      '',
      '</p>',
      '</details>',
      '',
      '###### 2. And this?',
      '',
      'Some text.',
    );
    const roadmap = parseRoadmap(md);
    expect(roadmap.title).toBe('Quiz');
    expect(topicsOf(roadmap.parts).map((t) => t.title)).toEqual(['What does this print?', 'And this?']);
  });
});

describe('4. continuation lines', () => {
  it.each([
    [
      'wrapped lines join the title',
      lines('# P', '## A', '- Learn the', '  basics of C'),
      'Learn the basics of C',
      undefined,
    ],
    [
      'text after a hard line break is a description',
      lines('# P', '## A', '- Pointers  ', '  read K&R chapter 5'),
      'Pointers',
      'read K&R chapter 5',
    ],
    [
      'link text wrapped across lines is one title',
      lines('# P', '## A', '- [The Pragmatic Programmer: From Journeyman to', '  Master](https://p): a classic'),
      'The Pragmatic Programmer: From Journeyman to Master',
      'a classic',
    ],
  ])('%s', (_name, md, title, description) => {
    const [first] = topics(md);
    expect(first?.title).toBe(title);
    expect(first?.description).toBe(description);
  });

  it('keeps the key a wrapped item had when only its first line was read', () => {
    const [first] = topics(lines('# P', '## A', '- Learn the', '  basics of C'));
    expect(first?.key).toBe('a/learn-the');
  });
});

describe('5. admin and preamble', () => {
  it.each([
    ['Contributing', 'Contributing'],
    ['License', 'License'],
    ['Code of Conduct', 'Code of Conduct'],
    ['Table of contents', 'Table of contents'],
    ['a translation', '贡献'],
    ['How to use', 'How to use this guide'],
    ['FAQ', 'FAQ'],
  ])('a %s section is not topics', (_name, heading) => {
    expect(titles(lines('# P', '## Study', '- arrays', `## ${heading}`, '- not a topic'))).toEqual(['arrays']);
  });

  it('a list before the first section is preamble, unless it is checkboxes', () => {
    expect(titles(lines('# P', '- Free', '- Open source', '## Study', '- arrays'))).toEqual(['arrays']);
    expect(titles(lines('# P', '- [ ] read intro', '## Study', '- [ ] arrays'))).toEqual(['read intro', 'arrays']);
  });

  it('a language switcher is not topics', () => {
    const md = lines(
      '# P',
      '## Study',
      '- [🇩🇪 Deutsch](README-de.md)',
      '- [🇫🇷 Français](README-fr.md)',
      '### Arrays',
      '- vector',
    );
    expect(titles(md)).toEqual(['vector']);
  });

  it.each(['Prerequisites', 'Objectives', 'Outcomes', 'Pros', 'Cons', 'Disadvantages'])(
    'a %s list is prose',
    (label) => {
      expect(
        titles(lines('# P', '## Unit 1', `**${label}:**`, '', '- some prose', '', '## Unit 2', '- arrays')),
      ).toEqual(['arrays']);
      expect(titles(lines('# P', '## Unit 1', `### ${label}`, '- some prose', '## Unit 2', '- arrays'))).toEqual([
        'arrays',
      ]);
    },
  );
});

describe('6. labelled sub-lists', () => {
  it.each([
    ['a paragraph', 'Resources:'],
    ['bold text', '**Further reading**'],
    ['a heading', '### References'],
  ])('a list after a label in %s is resources of the topic above', (_name, label) => {
    const md = lines(
      '# P',
      '## Graphs',
      '- BFS',
      '',
      label,
      '',
      '- [CLRS ch. 22](https://clrs)',
      '- [Visualgo](https://v)',
    );
    expect(titles(md)).toEqual(['BFS']);
    expect(topic(md, 'BFS').links.map((l) => l.href)).toEqual(['https://clrs', 'https://v']);
  });

  it('a "Resources:" item with a sub-list gives its links to the item before', () => {
    const md = lines('# P', '## Graphs', '- BFS', '- Sources:', '  - [CLRS](https://clrs)');
    expect(titles(md)).toEqual(['BFS']);
    expect(topic(md, 'BFS').links.map((l) => l.href)).toEqual(['https://clrs']);
  });
});

describe('7. long titles', () => {
  it.each([
    ['**Term**: text', '- **Big O**: how cost grows', 'Big O', 'how cost grows'],
    [
      '[Name](url) - text',
      '- [Visualgo](https://v) - animations of algorithms',
      'Visualgo',
      'animations of algorithms',
    ],
    ['[Name](url): text', '- [Visualgo](https://v): animations', 'Visualgo', 'animations'],
    [
      'a bold link, then a line of text',
      '- **[Visualgo](https://v)**\n  animations of algorithms',
      'Visualgo',
      'animations of algorithms',
    ],
  ])('%s', (_name, item, title, description) => {
    const [first] = topics(lines('# P', '## A', item));
    expect([first?.title, first?.description]).toEqual([title, description]);
  });

  it('keeps the key the whole line gave before', () => {
    const [first] = topics(lines('# P', '## A', '- [Visualgo](https://v) - animations'));
    expect(first?.key).toBe('a/visualgo-animations');
    expect(first?.slug).toBe('visualgo');
  });
});

describe('8. title', () => {
  it.each([
    ['the first #', lines('# Plan', '## A', '- x'), 'Plan'],
    ['an HTML <h1>', lines('<div align="center"><h1>Plan</h1></div>', '', '## A', '- x', '## B', '- y'), 'Plan'],
    ['front matter title:', lines('---', 'title: Plan', 'author: Me', '---', '', '## A', '- x', '## B', '- y'), 'Plan'],
    ['a lone ##', lines('## Plan', '- x'), 'Plan'],
    ['none when # headings are the sections', lines('# Contents', '- [A](#a)', '# A', '- x', '# B', '- y'), ''],
  ])('%s', (_name, md, title) => {
    expect(parseRoadmap(md).title).toBe(title);
  });

  it('front matter is never a part', () => {
    const roadmap = parseRoadmap(
      lines('---', 'title: plan', 'date: 2024-02-27', '---', '', '# Chapters', '', '- [ ] Chapter 0'),
    );
    expect(roadmap.parts.map((p) => p.title)).toEqual(['Chapter 0']);
  });

  it('headings above the title do not own what follows it', () => {
    const roadmap = parseRoadmap(lines('### Sponsor', '', '# Plan', '', '## A', '- x'));
    expect(roadmap.parts.map((p) => p.title)).toEqual(['A']);
  });
});

describe('9. very deep IDs', () => {
  const deep = lines(
    '# P',
    ...Array.from({ length: 6 }, (_, i) => `${'#'.repeat(i + 1 === 1 ? 2 : i + 1)} Level ${i + 1}\nSee below.`).slice(
      0,
      5,
    ),
    ...Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- step ${i + 1}`),
    '- deepest leaf unique',
  );

  it('a deep topic is reached by its slug or a unique part of its title', () => {
    const roadmap = parseRoadmap(deep);
    const leaf = topicsOf(roadmap.parts).find((t) => t.title === 'step 8')!;
    expect(leaf.id.split('.').length).toBeGreaterThan(8);
    for (const ref of ['step-8', 'step 8', leaf.id, leaf.key]) {
      const found = resolveRef(roadmap, ref);
      expect(found.ok && found.target.type === 'item' && found.target.item.id, ref).toBe(leaf.id);
    }
  });
});

describe('10. hints', () => {
  it.each([
    [
      'skip: the next section is not read',
      lines('# P', '<!-- roadmap: skip -->', '## Old', '- a', '## New', '- b'),
      ['b'],
    ],
    [
      'topics: the next list is topics, even in a table file',
      lines('# P', '## A', '| Course |', '|---|', '| C1 |', '', '<!-- roadmap: topics -->', '- extra'),
      ['C1', 'extra'],
    ],
    [
      'topics: the next table is topics, whatever its header',
      lines('# P', '## A', '<!-- roadmap: topics -->', '| Thing | Why |', '|---|---|', '| Vim | speed |'),
      ['Vim'],
    ],
    [
      'not-topics: the next list is not',
      lines('# P', '## A', '<!-- roadmap: not-topics -->', '- [ ] a', '', 'Then:', '', '- [ ] b'),
      ['b'],
    ],
  ])('%s', (_name, md, expected) => {
    expect(titles(md)).toEqual(expected);
  });

  it('title: the next heading is the title', () => {
    const md = lines('# Old name', '<!-- roadmap: title -->', '## Real name', '- a');
    expect(parseRoadmap(md).title).toBe('Real name');
  });
});

describe('the trace for roadmap inspect', () => {
  it('changes nothing in what is read: the same roadmap with or without a trace', () => {
    for (const name of ['javascript-questions', 'p1xt-guides', 'cs-self-learning', 'professional-programming']) {
      const md = readFileSync(join(repoRoot, 'test/fixtures/real-roadmaps', `${name}.md`), 'utf8');
      expect(parseRoadmap(md, { decisions: [] }), name).toEqual(parseRoadmap(md));
    }
  });

  it('records each block with its line, role and rule, in line order', () => {
    const trace: Trace = { decisions: [] };
    parseRoadmap(lines('# P', '## License', 'MIT', '## Study', '- arrays'), trace);
    expect(trace.mode).toBe('leaves');
    expect(trace.decisions.map((d) => [d.line, d.role, d.text])).toEqual([
      [1, 'title', 'P'],
      [2, 'skipped', 'License'],
      [3, 'skipped', 'MIT'],
      [4, 'part', 'Study'],
      [5, 'topic', 'arrays'],
    ]);
    expect(trace.decisions[1]!.rule).toMatch(/admin section/);
  });

  it('shortens long blocks by whole characters: an emoji is never cut in half', () => {
    const trace: Trace = { decisions: [] };
    parseRoadmap(lines('# P', '## Study', '- arrays', `- ${'a'.repeat(68)}🇸🇦🇪🇬🇧🇦 and more`), trace);
    const texts = trace.decisions.map((d) => d.text);
    expect(texts.some((t) => t.endsWith('…'))).toBe(true);
    // No lone surrogate: half of a character outside the BMP.
    for (const text of texts)
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
