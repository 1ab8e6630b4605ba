/** `roadmap next` and bare `roadmap`: what to study next, from a fresh start to the very end. */
import { describe, expect, it } from 'vitest';
import { progressText, TOTAL, useConfigDir } from '../helpers/bundled-roadmap.js';

const { roadmap, spawn } = useConfigDir();

describe('the oracle', () => {
  it('counts the 44 topics of the bundled roadmap', () => {
    // Guards the tests below against an oracle that silently counts nothing.
    expect(TOTAL).toBe(44);
  });
});

describe('roadmap next on a fresh state', () => {
  it('shows the first topic, where it sits, its stage, the progress and how to mark it done', () => {
    // Spawned: the fast path in the built binary, once per fast command (the rest run in-process).
    const result = spawn(['next']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toMatch(/^1\.1\.1 +Syntax, data types, control structures, OOP concepts\.$/m);
    expect(out).toContain('Part 1: Fundamentals › 1.1 Python Basics');
    expect(out).toContain('1 of 4: Start with Python and basic FastAPI.');
    expect(out).toContain(progressText(0));
    expect(out).toContain('0/44 topics, 0%');
    expect(out).toContain('roadmap done 1.1.1');
    // Only one topic by default.
    expect(out).not.toContain('1.1.2');
  });

  it.each([['-n'], ['--number']])('%s 3 shows three topics in order: 1.1.1, 1.1.2, 1.2.1', async (flag) => {
    const result = await roadmap('next', flag, '3');
    expect(result.code).toBe(0);
    const shown = [...result.stdout.matchAll(/^(\d+\.\d+\.\d+) {2}/gm)].map((m) => m[1]);
    expect(shown).toEqual(['1.1.1', '1.1.2', '1.2.1']);
    for (const id of ['1.1.1', '1.1.2', '1.2.1']) expect(result.stdout).toContain(`roadmap done ${id}`);
    expect(result.stdout).toContain('Part 1: Fundamentals › 1.2 Advanced Python');
    expect(result.stdout).toContain(progressText(0));
  });

  it.each([['0'], ['-1'], ['abc']])('-n %s is a usage error (exit 2)', async (count) => {
    const result = await roadmap('next', '-n', count);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error:/);
    expect(result.stderr).not.toContain('    at ');
  });
});

describe('bare roadmap (stdin and stdout not a terminal)', () => {
  it('prints the same as roadmap next, plus a hint on stderr, and never prompts', async () => {
    const bare = await roadmap();
    const next = await roadmap('next');
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(next.stdout);
    expect(bare.stdout).toContain('roadmap done 1.1.1');
    expect(bare.stderr).not.toBe('');
    expect(bare.stderr).toContain('roadmap --help');
    expect(bare.stderr).not.toContain('1.1.1');
  });

  it('follows progress like next does', async () => {
    expect((await roadmap('done', '1.1')).code).toBe(0);
    const bare = await roadmap();
    expect(bare.stdout).toBe((await roadmap('next')).stdout);
    expect(bare.stdout).toMatch(/^1\.2\.1 +Decorators/m);
  });
});

describe('roadmap next when every topic is done', () => {
  it('says every topic is done and recommends a project to build', async () => {
    const marked = await roadmap('done', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    expect(marked.code).toBe(0);
    expect(marked.stdout).toContain(progressText(TOTAL));

    const result = await roadmap('next');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/every topic is done/i);
    expect(result.stdout).toContain(`${TOTAL}/${TOTAL} topics, 100%`);
    expect(result.stdout).toMatch(/roadmap project p[1-4]\b/);
    expect(result.stdout).not.toMatch(/roadmap done \d/);
  });

  it('recommends a project that is not built yet', async () => {
    await roadmap('done', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'p1');
    const result = await roadmap('next');
    expect(result.code).toBe(0);
    const recommended = /roadmap project (p\d)/.exec(result.stdout)?.[1];
    expect(recommended).toMatch(/^p[2-4]$/);
  });
});
