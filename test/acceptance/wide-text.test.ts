/**
 * Non-Latin titles (issue 14, rule 9): a Chinese or Korean character takes two
 * terminal columns and a combining accent none, so bars and columns must line
 * up by those columns, not by the number of characters. Every check measures
 * lines as a terminal shows them, with a width count of its own here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

/** Columns a terminal gives `text`: CJK, Hangul and full-width forms two, combining marks none. */
function columns(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/\p{M}/u.test(char)) continue;
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  }
  return width;
}

/** A bar as the text output draws it: ten cells of █ and ░. */
const BAR = /[█░]{10}/;

/** The column each line's bar starts at, for the lines that have one. */
const barColumns = (lines: readonly string[]): number[] =>
  lines.filter((l) => BAR.test(l)).map((l) => columns(l.slice(0, l.search(BAR))));

const PLAN = `# 学习计划

## 数学基础

### 微积分

- 导数
- 积分

### Linear algebra

- Vectors
- Matrices

## 编程入门

### 파이썬 기초

- 변수
- 함수

### Cafe\u0301 cre\u0300me

- Espresso

## Projects

- 做一个计算器，用上导数和积分
`;

let dir: string;
let cleanup: () => void;
let file: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('roadmap-wide-'));
  file = join(dir, 'plan.md');
  writeFileSync(file, PLAN);
});
afterEach(() => cleanup());

async function roadmap(...args: string[]): Promise<string[]> {
  const result = await runIn(dir, ['--file', file, '--no-color', ...args]);
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.split('\n');
}

describe('titles in Chinese, Korean and with combining accents', () => {
  beforeEach(async () => {
    await roadmap('done', '1.1.1', '2.1.1', '2.2.1');
  });

  it('list: every bar starts in the same column', async () => {
    const [, ...rows] = await roadmap('list');
    const starts = barColumns(rows);
    expect(starts.length).toBe(6); // two parts, four sections
    expect(new Set(starts).size, rows.join('\n')).toBe(1);
    // Not by chance: the names before the bars differ in characters and in columns.
    const names = rows.filter((l) => BAR.test(l)).map((l) => l.slice(0, l.search(BAR)).trimEnd());
    expect(new Set(names.map((n) => n.length)).size).toBeGreaterThan(1);
  });

  it('report: the parts and the total line up', async () => {
    const rows = (await roadmap('report')).filter((l) => BAR.test(l));
    expect(rows.map((l) => l.split(/\s{2,}/)[0])).toEqual(['Part 1: 数学基础', 'Part 2: 编程入门', 'All']);
    expect(new Set(barColumns(rows)).size, rows.join('\n')).toBe(1);
    // And the columns after the bar, too: each row is as wide as the others up to its numbers.
    expect(new Set(rows.map((l) => columns(l.replace(/\s+\d+\/\d+$/, '')))).size).toBe(1);
  });

  it('next: the details start under the title', async () => {
    const [heading, first, ...details] = await roadmap('next');
    expect(heading).toBe('Next up');
    const title = /^(\S+\s+)(.+)$/.exec(first!)!;
    expect(title[2]).toBe('积分');
    for (const line of details.filter((l) => /^\s+(in|done\?)\s/.test(l))) {
      expect(columns(/^\s*/.exec(line)![0])).toBe(columns(title[1]!));
    }
  });

  it('project: the readiness bar starts under the title', async () => {
    const [, titleLine, barLine] = await roadmap('project');
    expect(titleLine).toContain('做一个计算器，用上导数和积分');
    expect(barColumns([barLine!])).toEqual([columns(/^\[.\] \S+\s+/.exec(titleLine!)![0])]);
  });

  it('status and stats: one line of progress, and chart rows of one width', async () => {
    expect((await roadmap('status'))[0]).toMatch(/^3\/7 topics, 42% · Part 1: 数学基础 · next 1\.1\.2$/);
    const chart = (await roadmap('stats')).filter((l) => /^\s+\d{4}-\d{2}-\d{2}\s/.test(l));
    expect(chart.length).toBeGreaterThan(1);
    expect(new Set(chart.map(columns)).size).toBe(1);
  });
});

describe('cs-self-learning (a real plan in Chinese)', () => {
  it('list and report line their bars up', async () => {
    file = join(repoRoot, 'test/fixtures/real-roadmaps/cs-self-learning.md');
    const [, ...listed] = await roadmap('list');
    // A name longer than the bar column pushes its own bar right; the others share the column.
    const starts = barColumns(listed).filter((c) => c < 48);
    expect(starts.length).toBeGreaterThan(1);
    expect(new Set(starts).size, listed.join('\n')).toBe(1);
    const reported = (await roadmap('report')).filter((l) => BAR.test(l));
    expect(new Set(barColumns(reported)).size, reported.join('\n')).toBe(1);
  });
});
