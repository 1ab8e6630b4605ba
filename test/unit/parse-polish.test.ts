/**
 * Rules added after a review on realistic plans: a table's row-number column is
 * not a detail; a bare URL in an item's title is its link; generic link words
 * ("link", "video") after a title are resources, not part of the title.
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/core/model.js';
import { parseRoadmap, type Trace } from '../../src/core/parse.js';
import { topicsOf } from '../../src/core/tree.js';

const topics = (md: string): Item[] => topicsOf(parseRoadmap(md).parts);
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('a table column that only numbers the rows is not a detail', () => {
  it.each([
    ['"#" with an unnumbered row', '#', ['1', '—', '2']],
    ['"No." with a dash row', 'No.', ['1', '2', '-']],
    ['"Nr" with a blank row', 'Nr', ['1', '', '2']],
    ['"N°" and words in it', 'N°', ['1', '2', 'bonus']],
    ['no header, numbers and a blank', '', ['1', '', '2']],
  ])('%s', (_name, head, numbers) => {
    const md = lines(
      '# P',
      '## Schedule',
      `| ${head} | Date | Topic |`,
      '|---|---|---|',
      ...numbers.map((n, i) => `| ${n} | Sep ${i + 1} | Lesson ${i + 1} |`),
    );
    expect(topics(md).map((t) => [t.title, t.details])).toEqual(
      numbers.map((_n, i) => [`Lesson ${i + 1}`, [{ label: 'Date', value: `Sep ${i + 1}` }]]),
    );
  });

  it('a "Week" column of numbers says something: it stays a detail', () => {
    const md = lines('# P', '## A', '| Week | Topic |', '|---|---|', '| 1 | Arrays |', '| — | Review |');
    expect(topics(md)[0]?.details).toEqual([{ label: 'Week', value: '1' }]);
  });
});

describe('a bare URL in an item is its link, not part of its title', () => {
  it.each([
    ['in brackets', '- Flexbox Froggy (https://flexboxfroggy.com)', 'Flexbox Froggy', 'a/flexbox-froggy'],
    ['after the title', '- Flexbox Froggy https://flexboxfroggy.com', 'Flexbox Froggy', 'a/flexbox-froggy'],
    ['after a separator', '- Flexbox Froggy - https://flexboxfroggy.com/', 'Flexbox Froggy', 'a/flexbox-froggy'],
    ['in angle brackets', '- Flexbox Froggy <https://flexboxfroggy.com>', 'Flexbox Froggy', 'a/flexbox-froggy'],
    ['after a colon, www.', '- tool to see floats: www.float.exposed', 'tool to see floats', 'a/tool-to-see-floats'],
    ['a checkbox', '- [ ] Flexbox Froggy (https://flexboxfroggy.com)', 'Flexbox Froggy', 'a/flexbox-froggy'],
  ])('%s', (_name, item, title, keyStart) => {
    const [first] = topics(lines('# P', '## A', item));
    expect(first?.title).toBe(title);
    // The key is still the whole line's, as before this rule, so progress saved under it stays put.
    expect(first?.key.startsWith(`${keyStart}-`)).toBe(true);
    expect(first?.links).toHaveLength(1);
    expect(first?.links[0]?.href).toMatch(/^(?:https?:\/\/)?(?:www\.)?f/);
  });

  it('a title that is only a URL keeps it', () => {
    expect(topics(lines('# P', '## A', '- https://flexboxfroggy.com'))[0]?.title).toBe('https://flexboxfroggy.com');
  });
});

describe('generic link words after a title are resources, not part of it', () => {
  it.each([
    ['a colon, then [link]', '- Big-O notation: [link](https://b)', 'Big-O notation', ['https://b']],
    [
      'a dash, then two',
      '- Strings — [video](https://v) | [article](https://a)',
      'Strings',
      ['https://v', 'https://a'],
    ],
    ['in brackets', '- Closures ([video](https://v))', 'Closures', ['https://v']],
    ['joined by "or"', '- [ ] Heaps - [slides](https://s) or [notes](https://n)', 'Heaps', ['https://s', 'https://n']],
    ['a link that names something stays', '- Exercises: [Level 1](https://1)', 'Exercises: Level 1', ['https://1']],
    ['a title of only a generic link stays', '- [video](https://v)', 'video', ['https://v']],
    [
      'a generic word inside the sentence stays',
      '- Read [here](https://h) about closures',
      'Read here about closures',
      ['https://h'],
    ],
  ])('%s', (_name, item, title, hrefs) => {
    const [first] = topics(lines('# P', '## A', item));
    expect([first?.title, first?.links.map((l) => l.href)]).toEqual([title, hrefs]);
  });

  it('keeps the key the whole line gave before', () => {
    const [first] = topics(lines('# P', '## A', '- Big-O notation: [link](https://b)'));
    expect([first?.key, first?.slug]).toEqual(['a/big-o-notation-link', 'big-o-notation']);
  });
});

describe('the trace says once what a projects heading became', () => {
  const traced = (md: string): [number, string, string][] => {
    const trace: Trace = { decisions: [] };
    parseRoadmap(md, trace);
    return trace.decisions.filter((d) => d.line === 4).map((d) => [d.line, d.role, d.text]);
  };
  it.each([
    ['with prose only, a topic', lines('# P', '## Week 3', '- DOM', '### Weekend project', 'Build an app.'), 'topic'],
    [
      'with a list, the label of the projects',
      lines('# P', '## Week 3', '- DOM', '## Projects', '- A to-do app'),
      'label',
    ],
    ['in a checklist, with a list', lines('# P', '## Week 3', '- [ ] DOM', '## Projects', '- A to-do app'), 'label'],
  ])('%s', (_name, md, role) => {
    const title = md.split('\n')[3]!.replace(/^#+ /, '');
    expect(traced(md)).toEqual([[4, role, title]]);
  });
});
