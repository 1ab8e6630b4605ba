/**
 * A deterministic guard for start-up time: which modules `roadmap next` loads,
 * checked by loading, not by timing. conf (with ajv) is for saving progress,
 * commander for the full program, marked for parsing a roadmap not parsed
 * before, @inquirer for prompts: none of them belongs on the path of `next`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, run, tempDir } from '../helpers/cli.js';

const temp = tempDir('roadmap-trace-');
afterAll(() => temp.cleanup());
let traces = 0;

/** Every module file or URL a real `roadmap ...args` process loads. */
function loadedBy(args: string[], configDir = temp.dir, env: Record<string, string> = {}): string[] {
  const trace = join(temp.dir, `trace-${++traces}.txt`);
  const result = run(configDir, args, {
    env: {
      NODE_OPTIONS: `--require ${join(import.meta.dirname, 'trace-loads.cjs')}`,
      ROADMAP_TRACE_FILE: trace,
      ...env,
    },
  });
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(trace, 'utf8').trim().split('\n');
}

/** In node_modules, or bundled by the build into their own files (dist/cli/conf.cjs holds conf and ajv). */
const heavy =
  /node_modules\/(conf|ajv|ajv-formats|atomically|@inquirer\/[^/]+|inquirer|commander|marked)\/|\/dist\/cli\/(program|parse|conf|atomically|prompts)\.cjs$/;

describe('modules loaded', () => {
  const fastForms = [
    ['next'],
    ['status'],
    ['list'],
    ['project'],
    [],
    ['next', '--json'],
    ['status', '--json'],
    ['status', '--format', '{done}/{total} {next}'],
    ['list', '--todo', '--depth', '2'],
    ['list', '--plain'],
    ['project', 'p1', '--json'],
    ['next', '-n', '3'],
  ];
  it.each(fastForms)('`roadmap %s` loads no conf, ajv, @inquirer, commander or marked', (...args) => {
    const loaded = loadedBy(args);
    expect(loaded).toContain(binPath);
    expect(loaded.filter((m) => heavy.test(m))).toEqual([]);
  });

  it.each(fastForms)('`roadmap %s` in colour (FORCE_COLOR=1) loads none of them either', (...args) => {
    const loaded = loadedBy(args, temp.dir, { FORCE_COLOR: '1' });
    expect(loaded.filter((m) => heavy.test(m))).toEqual([]);
    // Coloured for real (except --json and templates, which never are).
    const coloured = run(temp.dir, args, { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b[');
    expect(coloured).toBe(!args.includes('--json') && !args.includes('--format') && !args.includes('--plain'));
  });

  it('`roadmap next` on a custom roadmap parsed before loads no parser either', () => {
    const plan = join(temp.dir, 'plan.md');
    writeFileSync(plan, '# Plan\n## A\n- first\n- second\n');
    loadedBy(['--file', plan, 'next']);
    const loaded = loadedBy(['--file', plan, 'next']);
    expect(loaded.filter((m) => heavy.test(m))).toEqual([]);
  });

  // Without a terminal nothing may prompt; whether --no-input and CI are honoured at a
  // terminal is tested in test/menu.
  it.each([
    ['done', '1.1.1'],
    ['reset', '--yes'],
    ['next', '-n', '2'],
  ])('`roadmap %s` (no prompt shown) loads no @inquirer', (...args) => {
    const prompts = /node_modules\/@inquirer\/|\/dist\/cli\/prompts\.cjs$/;
    expect(loadedBy(args).filter((m) => prompts.test(m))).toEqual([]);
  });

  it('sees the heavy modules where they are needed (the guard can fail)', () => {
    const fresh = join(temp.dir, 'fresh');
    mkdirSync(fresh);
    const first = loadedBy(['done', '1.1.1'], fresh);
    expect(first.some((m) => m.endsWith('/dist/cli/conf.cjs'))).toBe(true);
    expect(first.some((m) => m.endsWith('/dist/cli/atomically.cjs'))).toBe(true);
    expect(loadedBy(['stats']).some((m) => m.endsWith('/dist/cli/program.cjs'))).toBe(true);
  });

  // conf places the file when a save creates it; its constructor reads the whole file and
  // compares it with assert.deepEqual, which loads assert and the stream machinery.
  it('a save to a progress file that exists loads atomically, but not conf or assert', () => {
    const folder = join(temp.dir, 'saved-before');
    mkdirSync(folder);
    loadedBy(['done', '1.1.1'], folder);
    const loaded = loadedBy(['undone', '1.1.1'], folder);
    expect(loaded.some((m) => m.endsWith('/dist/cli/atomically.cjs'))).toBe(true);
    expect(loaded.filter((m) => /\/dist\/cli\/conf\.cjs$|^(node:)?(assert|stream)$/.test(m))).toEqual([]);
    const saved = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8')) as {
      roadmaps: Record<string, { history: unknown[] }>;
    };
    expect(saved.roadmaps.bundled?.history).toHaveLength(2);
  });
});
