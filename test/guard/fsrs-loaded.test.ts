/**
 * FSRS (ts-fsrs, in dist/cli/fsrs.cjs) is loaded only by a run that schedules a
 * graded review: `next` and `status` for a learner who never grades do not load
 * it, and the built binary's stand-in for it (scripts/build.mjs) loads it, and
 * gets the same dates as the source, when a graded topic is there. Checked by
 * loading, not by timing, on the built binary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, run, tempDir } from '../helpers/cli.js';

const temp = tempDir('roadmap-fsrs-trace-');
afterAll(() => temp.cleanup());
let traces = 0;

const T0 = '2026-11-01T10:00:00.000Z';
const day = (days: number): string => new Date(Date.parse(T0) + days * 24 * 60 * 60 * 1000).toISOString();

/** Runs the built `roadmap ...args` at `now`: its stdout, and every module file it loaded. */
function traced(now: string, args: string[]): { stdout: string; loaded: string[] } {
  const trace = join(temp.dir, `trace-${++traces}.txt`);
  const result = run(temp.dir, args, {
    env: {
      ROADMAP_NOW: now,
      NODE_OPTIONS: `--require ${join(import.meta.dirname, 'trace-loads.cjs')}`,
      ROADMAP_TRACE_FILE: trace,
    },
  });
  expect(result.code, result.stderr).toBe(0);
  return { stdout: result.stdout, loaded: readFileSync(trace, 'utf8').trim().split('\n') };
}

const loadsFsrs = (loaded: readonly string[]): boolean =>
  loaded.some((m) => m.endsWith('/dist/cli/fsrs.cjs') || m.includes('node_modules/ts-fsrs/'));

describe('FSRS is loaded only for graded reviews', () => {
  it('is in a bundle of its own: the entry and the full program hold none of it', () => {
    // 8.2956 is one of FSRS-6's default weights: it is in ts-fsrs's code, whatever the minifier names.
    const holds = (bundle: string): boolean =>
      readFileSync(join(repoRoot, 'dist/cli', bundle), 'utf8').includes('8.2956');
    expect(holds('fsrs.cjs')).toBe(true);
    expect(holds('roadmap.cjs')).toBe(false);
    expect(holds('program.cjs')).toBe(false);
  });

  it('never graded: next, status and review load no FSRS; once graded, next does, and counts it right', () => {
    traced(T0, ['done', '1.1.1', '1.1.2']);
    traced(day(7), ['review', '1.1.2']);
    for (const args of [['next'], ['status'], ['next', '--json'], ['review']]) {
      expect(loadsFsrs(traced(day(8), args).loaded), args.join(' ')).toBe(false);
    }
    // 1.1.1 graded good on day 7: due on day 28 by FSRS (test/unit/fsrs.test.ts), and not before.
    expect(loadsFsrs(traced(day(7), ['review', '1.1.1', '--grade', 'good']).loaded)).toBe(true);
    // status, and start or done, never show the reviews due: they do not count them, so they load no FSRS.
    for (const args of [['status'], ['status', '--json'], ['start', '2.1.1']]) {
      expect(loadsFsrs(traced(day(8), args).loaded), args.join(' ')).toBe(false);
    }
    const before = traced(day(27), ['next', '--json']);
    expect(loadsFsrs(before.loaded)).toBe(true);
    expect(JSON.parse(before.stdout)).toMatchObject({ reviewsDue: 0 });
    expect(JSON.parse(traced(day(28), ['next', '--json']).stdout)).toMatchObject({ reviewsDue: 1 });
  });
});
