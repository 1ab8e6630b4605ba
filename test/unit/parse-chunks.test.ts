/**
 * A roadmap lexed a stretch at a time (src/core/parse/chunks.ts) parses to
 * exactly what the whole file lexed at once gives: keys are stored progress, and
 * a changed key would lose it. `chunkChars` Infinity is the whole-file reading
 * (one lex, the title known before the walk); 0 cuts before every heading line
 * the lexer allows, so small files exercise every cut; the default is what runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS } from '../../src/core/parse/chunks.js';
import { parseRoadmap, type Trace } from '../../src/core/parse.js';
import { generateRoadmap } from '../../bench/generate.mjs';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { markdownOf } from '../helpers/markdown.js';
import { seeded } from '../helpers/seed.js';

/** The parse and every decision `roadmap inspect` shows, or the refusal. */
function reading(markdown: string, chunkChars: number): unknown {
  const trace: Trace = { decisions: [] };
  try {
    return { roadmap: parseRoadmap(markdown, trace, chunkChars), trace };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

function expectSameInChunks(markdown: string, sizes: readonly number[] = [0, 1000, CHUNK_CHARS]): void {
  const whole = reading(markdown, Infinity);
  for (const size of sizes) expect(reading(markdown, size), `stretches of ${size}`).toEqual(whole);
}

const fixtures = join(repoRoot, 'test/fixtures/real-roadmaps');

describe('a roadmap read in stretches', () => {
  it.each(readdirSync(fixtures).filter((name) => name.endsWith('.md')))('parses %s as the whole file does', (name) => {
    expectSameInChunks(readFileSync(join(fixtures, name), 'utf8'));
  });

  it('parses the bundled roadmap as the whole file does', () => {
    expectSameInChunks(readFileSync(join(repoRoot, 'data/roadmap.md'), 'utf8'));
  });

  it('parses generated roadmaps of 1,000 and 10,000 topics as the whole file does', () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const topics of [1000, 10_000]) {
        const file = join(dir, `${topics}.md`);
        generateRoadmap(file, topics);
        expectSameInChunks(readFileSync(file, 'utf8'), [0, 20_000, CHUNK_CHARS]);
      }
    } finally {
      cleanup();
    }
  }, 300_000);

  // Each: what whole-file lexing shares across a heading line, which a cut there would break.
  const spans: [string, string][] = [
    [
      'a fence left open over headings',
      '# T\n\n## A\n- [ ] a\n```\n# not a heading\n## nor this\n```\n## B\n- [ ] b\n',
    ],
    ['an unclosed fence to the end', '# T\n## A\n- [ ] a\n~~~\n# code\n## code\n'],
    ['an HTML comment over headings', '# T\n## A\n- [ ] a\n<!--\n## hidden\n- [ ] hidden\n-->\n## B\n- [ ] b\n'],
    ['an HTML block with no blank line', '# T\n<div>\n## inside the div\n</div>\n\n## A\n- [ ] a\n'],
    ['a quote', '# T\n> quoted\n## A\n- [ ] a\n'],
    ['a list run into a heading', '# T\n- a\n- b\n## A\n1. x\n2. y\n'],
    ['a table run into a heading', '# T\n| a | b |\n|---|---|\n| x | y |\n## A\n| c | d |\n|---|---|\n| z | w |\n'],
    ['setext headings', '# T\n## A\n- a\n\nB\n===\n- b\n\nC\n---\n- c\n'],
    [
      'reference links used before and after they are defined',
      '# T\n## A\n- [one][x]\n- [two][y]\n## B\n[x]: https://x.example\n- [three][x]\n## C\n[y]: https://y.example "Y"\n[x]: https://late.example\n- [four][y]\n',
    ],
    ['a reference link defined in a list', '# T\n## A\n- [a][r]\n## B\n- [r]: https://r.example\n'],
    ['several # headings', '# One\n- [ ] a\n# Two\n- [ ] b\n## Three\n- [ ] c\n'],
    ['an admin # before the title', '# Contents\n- [A](#a)\n# Python\n## A\n- [ ] a\n'],
    ['a # after the title', '## Intro\ntext\n# Python\n## A\n- [ ] a\n# Python\n## A\n- [ ] a\n'],
    ['a title hint', '# Big\n## A\n- [ ] a\n<!-- roadmap: title -->\n### Real title\n## B\n- [ ] b\n'],
    ['an HTML h1', '<h1>Title</h1>\n\n## A\n- [ ] a\n## B\n- [ ] b\n'],
    ['front matter', '---\ntitle: Front\nlast line\n---\n## A\n- [ ] a\n## B\n- [ ] b\n'],
    ['a lone ##', 'intro\n\n## Only\n- a\n- b\n'],
    [
      '<details> over headings',
      '# T\n## A\n<details>\n<summary>Q?</summary>\n\n## inside\n[r](https://r.example)\n</details>\n## B\n- [ ] b\n',
    ],
    [
      'a skipped section',
      '# T\n## Contents\n- [A](#a)\n## A\n- [ ] a\n<!-- roadmap: skip -->\n## B\n- b\n## C\n- [ ] c\n',
    ],
    ['headings with nothing between', '# T\n## A\n## B\n### C\n#\n##\n- x\n'],
    ['a heading at the very end', '# T\n## A\n- a\n## B'],
    ['a line cut for length', `# T\n## A\n- ${'x'.repeat(10_050)}\n## B\n- b\n`],
    ['CRLF line endings', '# T\r\n## A\r\n- [ ] a\r\n## B\r\n- [ ] b\r\n'],
    [
      'estimates under headings, in titles and in tables',
      '# T\n## A (2 weeks)\nEstimated time: 1 week\n\n- a ~2h\n## B\n**Estimated time:** 3h\n- b (45 min)\n## C\nEstimated time: 1h\n## D\n| Course | Duration | Effort |\n|---|---|---|\n| x | 2 weeks | 3-5 hours/week |\n',
    ],
  ];
  it.each(spans)('parses %s as the whole file does', (_, markdown) => {
    expectSameInChunks(markdown, [0, 1, 10, 30]);
  });

  /** Lines from the blocks that reach across a heading line, and the headings themselves. */
  const piece = fc.constantFrom(
    '# ',
    '## ',
    '### ',
    '#',
    '- ',
    '1. ',
    '- [ ] ',
    '  ',
    '    ',
    '> ',
    '```',
    '~~~',
    '<!--',
    '-->',
    '<!-- roadmap: title -->',
    '<!-- roadmap: skip -->',
    '<div>',
    '</div>',
    '<details>',
    '<summary>Q</summary>',
    '</details>',
    '<h1>H</h1>',
    '[a]: https://a.example',
    '[b]: <https://b.example> "B"',
    '[a]',
    '[b][]',
    '[x][a]',
    '[link](https://example.com)',
    '**bold**',
    '===',
    '---',
    '| a | b |',
    '|---|---|',
    'Contents',
    'Projects',
    'Resources:',
    'Estimated time: 2h',
    ' ~2h',
    ' (3 h)',
    'word',
    '',
  );
  const markdown = markdownOf(piece, 5);

  it('parses generated markdown as the whole file does', () => {
    fc.assert(
      fc.property(markdown, fc.constantFrom(0, 1, 20, 80), (text, size) => {
        expect(reading(text, size)).toEqual(reading(text, Infinity));
      }),
      { numRuns: 500, ...seeded },
    );
  });
});
