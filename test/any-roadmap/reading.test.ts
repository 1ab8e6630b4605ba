/**
 * Reading a study plan someone else wrote, as the learner sees it through the
 * built binary: a table row's cells under `next` (and in --json), the hints,
 * and `roadmap inspect` saying what became of each block and why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
const schema = (name: string) =>
  ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schema', `${name}.schema.json`), 'utf8')) as object);

const COURSES = [
  '# Math plan',
  '',
  '## Core',
  '',
  'Courses | Duration | Effort | Status',
  ':-- | :--: | :--: | :--:',
  '[Calculus 1A](https://c.example) | 13 weeks | 6 hours/week | ✅',
  '[Linear Algebra](https://l.example) | 12 weeks | 8 hours/week |',
  '',
  '## Community',
  '',
  '- Join the chat',
  '',
].join('\n');

let temp: ReturnType<typeof tempDir>;
let file: string;
const roadmap = (...args: string[]) => runIn(temp.dir, ['--file', file, ...args]);

beforeEach(() => {
  temp = tempDir();
  file = join(temp.dir, 'plan.md');
  writeFileSync(file, COURSES);
});
afterEach(() => temp.cleanup());

describe('a plan written as course tables', () => {
  it('next offers the first row not marked done, with its other cells', async () => {
    const { stdout, code } = await roadmap('next');
    expect(code).toBe(0);
    expect(stdout).toContain('1.2  Linear Algebra');
    expect(stdout).toMatch(/info {3}Duration: 12 weeks\n/);
    expect(stdout).toMatch(/info {3}Effort: 8 hours\/week\n/);
    expect(stdout).toContain('https://l.example');
    expect(stdout).toContain('Progress: 1/2 topics');
    expect(stdout).not.toContain('Join the chat');
  });

  it('next --json and list --json carry the cells as details, as the schemas say', async () => {
    const next = JSON.parse((await roadmap('next', '--json')).stdout) as { topics: { details: unknown }[] };
    expect(schema('next')(next)).toBe(true);
    expect(next.topics[0]!.details).toEqual([
      { label: 'Duration', value: '12 weeks' },
      { label: 'Effort', value: '8 hours/week' },
    ]);
    const list = JSON.parse((await roadmap('list', '--json')).stdout) as {
      items: { children: { title: string; status: string; details: unknown }[] }[];
    };
    expect(schema('list')(list)).toBe(true);
    expect(list.items[0]!.children.map((c) => [c.title, c.status])).toEqual([
      ['Calculus 1A', 'done'],
      ['Linear Algebra', 'todo'],
    ]);
  });
});

describe('a long title', () => {
  it('next shows the name as the title and the rest as what it is about', async () => {
    writeFileSync(file, '# Plan\n## Books\n- [SICP](https://s.example) - the wizard book\n');
    const { stdout, code } = await roadmap('next');
    expect(code).toBe(0);
    expect(stdout).toContain('1.1  SICP\n');
    expect(stdout).toMatch(/about {2}the wizard book\n/);
    const next = JSON.parse((await roadmap('next', '--json')).stdout) as { topics: { description: string | null }[] };
    expect(next.topics[0]!.description).toBe('the wizard book');
  });
});

describe('roadmap inspect', () => {
  it('names, line by line, what each block became and the rule that decided', async () => {
    const { stdout, code } = await roadmap('inspect');
    expect(code).toBe(0);
    expect(stdout).toContain('Math plan  2 topics');
    expect(stdout).toMatch(/L 7 {2}topic +Calculus 1A {2}← table row: the header names "Courses"/);
    expect(stdout).toMatch(/L10 {2}skipped +Community {2}← admin section \("Community"\): never topics/);
  });

  it('--json is one document that inspect.schema.json describes', async () => {
    const { stdout, code } = await roadmap('inspect', '--json');
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as { mode: string; blocks: { line: number; role: string }[] };
    expect(schema('inspect')(document)).toBe(true);
    expect(document.mode).toBe('table rows');
    expect(document.blocks.filter((b) => b.role === 'topic').map((b) => b.line)).toEqual([7, 8]);
  });

  it('shows the effect of a hint: a skipped section, a list made topics', async () => {
    writeFileSync(
      file,
      [
        '# Plan',
        '<!-- roadmap: skip -->',
        '## Old notes',
        '- not this',
        '## Study',
        '- [ ] one',
        '<!-- roadmap: topics -->',
        '- two',
        '',
      ].join('\n'),
    );
    const list = JSON.parse((await roadmap('list', '--json')).stdout) as { items: { children: { title: string }[] }[] };
    expect(list.items.map((p) => p.children.map((c) => c.title))).toEqual([['one', 'two']]);
    const { stdout } = await roadmap('inspect');
    expect(stdout).toMatch(/L3 {2}skipped +Old notes {2}← hint: <!-- roadmap: skip -->/);
    expect(stdout).toMatch(/L8 {2}topic +two {2}← hint: <!-- roadmap: topics -->/);
  });

  it('explains a file with nothing to follow instead of refusing it', async () => {
    writeFileSync(file, '# Notes\n\nJust prose.\n');
    const refused = await roadmap('next');
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('roadmap inspect');
    const { stdout, code } = await roadmap('inspect');
    expect(code).toBe(0);
    expect(stdout).toContain('Notes  0 topics');
  });
});

describe('a hostile line', () => {
  it('reads a file with a 100 KB line of `_a` (issue 13): the rest of the plan still works', async () => {
    writeFileSync(file, `# Plan\n## A\n- first\n\n${'_a'.repeat(50_000)}\n\n- second\n`);
    const { stdout, code } = await roadmap('list', '--json');
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { items: { children: { title: string }[] }[] };
    expect(list.items[0]!.children.map((c) => c.title)).toEqual(['first', 'second']);
  });
});
