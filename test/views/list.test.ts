/** `roadmap list`: the tree with status marks, progress bars and percentages. */
import { describe, expect, it } from 'vitest';
import { expectCleanError, PARTS, progressText, TOTAL, useConfigDir } from '../helpers/bundled-roadmap.js';

const { roadmap, spawn } = useConfigDir();

/** A part or section line: mark, name, a 10-cell bar, percentage, done/total, and the estimate (docs/estimates.md). */
function rowOf(stdout: string, name: string): RegExpExecArray | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^ *(\\[.\\]) ${escaped} +([█░]{10}) +(\\d+)% +(\\d+)/(\\d+)(?: +(~.+))?$`, 'm').exec(stdout);
}

describe('the oracle', () => {
  it('finds the 9 parts of the bundled roadmap', () => {
    expect(PARTS.map(([id]) => id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('roadmap list', () => {
  it('shows all 9 parts, each with a bar, a percentage and its topic count', () => {
    // Spawned: the fast path in the built binary, once per fast command (the rest run in-process).
    const result = spawn(['list']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toContain(progressText(0));
    let topics = 0;
    for (const [id, title] of PARTS) {
      const row = rowOf(result.stdout, `Part ${id}: ${title}`);
      expect(row, `Part ${id}`).not.toBeNull();
      expect(row![1]).toBe('[ ]');
      expect(row![2]).toBe('░'.repeat(10));
      expect(row![3]).toBe('0');
      expect(row![4]).toBe('0');
      topics += Number(row![5]);
    }
    expect(topics).toBe(TOTAL);
    // Sections and topics are shown too.
    expect(result.stdout).toMatch(/^ +\[ \] 1\.1 Python Basics /m);
    expect(result.stdout).toMatch(/^ +\[ \] 1\.1\.1 Syntax, data types/m);
  });

  it('--depth 1 shows only the header and the 9 part lines', async () => {
    const result = await roadmap('list', '--depth', '1');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + PARTS.length);
    expect(lines[0]).toContain(progressText(0));
    lines.slice(1).forEach((line, i) => {
      const [id, title] = PARTS[i]!;
      expect(line.startsWith(`[ ] Part ${id}: ${title} `)).toBe(true);
      expect(line).toMatch(/[█░]{10} +0%/);
    });
  });

  it('--depth 2 shows parts and sections but no topics', async () => {
    const result = await roadmap('list', '--depth', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ +\[ \] 2\.3 Dependency Injection /m);
    expect(result.stdout).not.toMatch(/\d+\.\d+\.\d+/);
  });

  it('--todo after done 1 hides Part 1 and keeps the others', async () => {
    expect((await roadmap('done', '1')).code).toBe(0);
    const full = await roadmap('list');
    expect(rowOf(full.stdout, 'Part 1: Fundamentals')?.[1]).toBe('[x]');
    expect(rowOf(full.stdout, 'Part 1: Fundamentals')?.[3]).toBe('100');

    const result = await roadmap('list', '--todo');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Part 1:');
    expect(result.stdout).not.toMatch(/^ *\[.\] 1\.\d/m);
    for (const [id, title] of PARTS.slice(1)) expect(result.stdout).toContain(`Part ${id}: ${title}`);
  });

  it('list 2 after done dependency-injection: 2.3 is [x], 100%, 1/1; the other sections are at 0%', async () => {
    expect((await roadmap('done', 'dependency-injection')).code).toBe(0);
    const result = await roadmap('list', '2');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const row = rowOf(result.stdout, '2.3 Dependency Injection');
    expect(row).not.toBeNull();
    expect(row![1]).toBe('[x]');
    expect(row![2]).toBe('█'.repeat(10));
    expect([row![3], row![4], row![5]]).toEqual(['100', '1', '1']);
    expect(result.stdout).toMatch(/^ *\[x\] 2\.3\.1 Reusable components/m);

    for (const name of ['2.1 Introduction', '2.2 Request and Response', '2.4 Validation with Pydantic']) {
      const other = rowOf(result.stdout, name);
      expect(other, name).not.toBeNull();
      expect(other![1]).toBe('[ ]');
      expect(other![3]).toBe('0');
      expect(other![4]).toBe('0');
    }
    // Only part 2 is listed, and it is in progress.
    expect(result.stdout).not.toContain('Part 1:');
    expect(result.stdout).not.toMatch(/^ *\[.\] 3\.\d/m);
    expect(rowOf(result.stdout, 'Part 2: FastAPI Basics')?.[1]).toBe('[~]');
  });

  it.each([['nonsense'], ['p2']])('list %s is a usage error (exit 2)', async (ref) => {
    expectCleanError(await roadmap('list', ref), 2);
  });

  it('--depth 0 is a usage error (exit 2)', async () => {
    expectCleanError(await roadmap('list', '--depth', '0'), 2);
  });
});
