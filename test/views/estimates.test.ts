/**
 * Estimates in `list` and `show` (issue 19, docs/estimates.md): "~2h" beside a
 * topic, totals on part and section lines within 80 columns, `estimate` and
 * `estimateTotal` in the --json documents; the bundled roadmap's estimates come
 * from data/estimates.json, and a changed overlay is never served stale.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/width.js';
import { ANSI, useConfigDir } from '../helpers/bundled-roadmap.js';
import { repoRoot, runEnv, tempDir, type RunResult } from '../helpers/cli.js';
import { validDocument } from '../helpers/timed.js';

const { dir, roadmap } = useConfigDir();

const PLAN = [
  '# Plan',
  '',
  '## Part 1: Basics',
  '',
  'Estimated time: 1 week',
  '',
  '- Syntax ~2h',
  '- Types (90 min)',
  '',
  '## Part 2: Web',
  '',
  '1. **HTTP**:',
  '   - Requests ~45m',
  '   - Responses',
  '2. **REST** (3 h):',
  '   - Design',
  '',
].join('\n');

/** `roadmap --file plan.md ...args`, which must succeed quietly. */
async function onPlan(...args: string[]): Promise<string> {
  const plan = join(dir(), 'plan.md');
  writeFileSync(plan, PLAN);
  const result = await roadmap('--file', plan, ...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('roadmap list with estimates', () => {
  it('shows each topic estimate beside it and the totals on part and section lines', async () => {
    expect(await onPlan('list')).toBe(
      [
        'Plan  0/5 topics, 0%  ░░░░░░░░░░  ~14h+',
        '[ ] Part 1: Basics  ░░░░░░░░░░   0%  0/2  ~10h',
        '  [ ] 1.1 Syntax  ~2h',
        '  [ ] 1.2 Types  ~1h 30m',
        '[ ] Part 2: Web     ░░░░░░░░░░   0%  0/3  ~3h 45m+',
        '  [ ] 2.1 HTTP      ░░░░░░░░░░   0%  0/2  ~45m+',
        '    [ ] 2.1.1 Requests  ~45m',
        '    [ ] 2.1.2 Responses',
        '  [ ] 2.2 REST      ░░░░░░░░░░   0%  0/1  ~3h',
        '    [ ] 2.2.1 Design',
        '',
      ].join('\n'),
    );
  });

  it('--json: each item its own estimate and its total, and the total of the listing', async () => {
    const text = await onPlan('list', '2', '--json');
    expect(text).not.toMatch(ANSI);
    const document = validDocument('list', text) as {
      estimateTotal: unknown;
      items: { estimate: unknown; estimateTotal: unknown; children: Record<string, unknown>[] }[];
    };
    expect(document.estimateTotal).toEqual({ minutes: 225, from: 'topics', unestimated: 1 });
    const [web] = document.items;
    expect(web).toMatchObject({ estimate: null, estimateTotal: { minutes: 225, from: 'topics', unestimated: 1 } });
    const [http, rest] = web!.children;
    expect(http).toMatchObject({ estimate: null, estimateTotal: { minutes: 45, from: 'topics', unestimated: 1 } });
    expect(rest).toMatchObject({ estimate: 180, estimateTotal: { minutes: 180, from: 'item', unestimated: 0 } });
    expect((http!.children as Record<string, unknown>[]).map((t) => [t.title, t.estimate, t.estimateTotal])).toEqual([
      ['Requests', 45, { minutes: 45, from: 'item', unestimated: 0 }],
      ['Responses', null, null],
    ]);
  });

  it('--plain stays as scripts read it: ID, status, title, kind', async () => {
    expect((await onPlan('list', '--plain')).split('\n')[1]).toBe('1.1\ttodo\tSyntax\ttopic');
  });
});

describe('roadmap show with estimates', () => {
  it('a part: its total, where it comes from, and each section total', async () => {
    const out = await onPlan('show', '2');
    expect(out).toContain('  estimate ~3h 45m+, the sum of its sections (1 topic without one)\n');
    expect(out).toContain('Sections\n  [ ] 2.1 HTTP  ~45m+\n  [ ] 2.2 REST  ~3h\n');
    expect(await onPlan('show', '1')).toContain('  estimate ~10h, as the roadmap gives it\n');
  });

  it('a topic: its estimate, and none where it has none', async () => {
    expect(await onPlan('show', '1.2')).toContain('  status   [ ] not started\n  estimate ~1h 30m\n');
    expect(await onPlan('show', '2.1.2')).not.toContain('estimate');
  });

  it('--json: the estimates of the item and of its children', async () => {
    const document = validDocument('show', await onPlan('show', '2.1', '--json'));
    expect(document).toMatchObject({ estimate: null, estimateTotal: { minutes: 45, from: 'topics', unestimated: 1 } });
    expect(document.children).toEqual([
      expect.objectContaining({
        id: '2.1.1',
        estimate: 45,
        estimateTotal: { minutes: 45, from: 'item', unestimated: 0 },
      }),
      expect.objectContaining({ id: '2.1.2', estimate: null, estimateTotal: null }),
    ]);
    const topic = validDocument('show', await onPlan('show', '1.1', '--json'));
    expect(topic).toMatchObject({ title: 'Syntax', key: 'basics/syntax-2h', estimate: 120 });
  });
});

describe('the bundled roadmap', () => {
  it('shows our estimates, every line within 80 columns', async () => {
    const result = await roadmap('list');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/ {2}~172h$/);
    expect(lines).toContain('[ ] Part 1: Fundamentals                    ░░░░░░░░░░   0%  0/6  ~35h');
    expect(lines).toContain('    [ ] 1.1.2 Python standard libraries: os, sys, datetime, collections, i…  ~6h');
    expect(lines).toContain('    [ ] 2.1.1 Setting up FastAPI and exploring its features.  ~2h');
    expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
    // Every topic line carries an estimate.
    expect(lines.filter((l) => /^ +\[.\] \d+\.\d+\.\d+ /.test(l) && !/ {2}~\d+[hm](?: \d+m)?$/.test(l))).toEqual([]);
  });
});

describe('the overlay reaches the built binary, and a changed one is read afresh', () => {
  /** The built package, copied (as npm installs it: package.json, dist, data) so its data can be changed. */
  function copiedPackage(root: string): string {
    const pkg = join(root, 'pkg');
    mkdirSync(join(pkg, 'data'), { recursive: true });
    cpSync(join(repoRoot, 'package.json'), join(pkg, 'package.json'));
    cpSync(join(repoRoot, 'dist/cli'), join(pkg, 'dist/cli'), { recursive: true });
    cpSync(join(repoRoot, 'dist/roadmap.json'), join(pkg, 'dist/roadmap.json'));
    cpSync(join(repoRoot, 'data/roadmap.md'), join(pkg, 'data/roadmap.md'));
    cpSync(join(repoRoot, 'data/estimates.json'), join(pkg, 'data/estimates.json'));
    return pkg;
  }

  /** The copied package's `roadmap ...args`, in the tests' pinned environment. */
  function runCopy(pkg: string, configDir: string, args: readonly string[]): RunResult {
    const result = spawnSync(process.execPath, [join(pkg, 'dist/cli/roadmap.cjs'), ...args], {
      cwd: configDir,
      env: runEnv(configDir),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { stdout: result.stdout, stderr: result.stderr, code: result.status };
  }

  it('uses the built tree while the overlay is the one it was built with, and the overlay once it changes', () => {
    const temp = tempDir();
    try {
      const pkg = copiedPackage(temp.dir);
      const config = join(temp.dir, 'config');
      mkdirSync(config);
      const list = (): Record<string, unknown> => {
        const result = runCopy(pkg, config, ['list', '2.1', '--json']);
        expect(result.stderr).toBe('');
        return validDocument('list', result.stdout);
      };
      expect(list()).toMatchObject({ estimateTotal: { minutes: 240, from: 'topics', unestimated: 0 } });

      const overlay = JSON.parse(readFileSync(join(pkg, 'data/estimates.json'), 'utf8')) as Record<string, string>;
      overlay['fastapi-basics/introduction/setting-up-fastapi-and-exploring-its-features'] = '45m';
      overlay['fastapi-basics/no-such-topic'] = '1h';
      writeFileSync(join(pkg, 'data/estimates.json'), JSON.stringify(overlay));
      expect(list()).toMatchObject({ estimateTotal: { minutes: 165, from: 'topics', unestimated: 0 } });
      const doctor = runCopy(pkg, config, ['doctor']);
      expect(doctor.stdout).toContain('1 estimate in data/estimates.json left out');
      expect(doctor.stdout).toContain('fastapi-basics/no-such-topic: names no item of the bundled roadmap');

      rmSync(join(pkg, 'data/estimates.json'));
      expect(list()).toMatchObject({ estimateTotal: null });
    } finally {
      temp.cleanup();
    }
  });
});
