/**
 * `--at DATE` on done, undone, start, skip and review: the change is saved at
 * the time it really happened. A day means local noon (or now, for today
 * before noon); a time is local unless it names its zone. A future or
 * impossible date is refused and nothing is saved. ROADMAP_NOW is now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/cli.js';
import { configPath, expectUnchanged, snapshot, useConfigDir } from '../helpers/bundled-roadmap.js';

// In-process runs read the local time zone of this process: pin it, whatever the machine's.
// (Node notices an assignment to process.env.TZ.)
process.env.TZ = 'UTC';

const { dir, runWith, spawn } = useConfigDir();

const NOW = '2026-12-01T09:00:00.000Z';
const KEY_111 = 'fundamentals/core-programming-skills/python-basics/syntax-data-types-control-structures-oop-concepts';
const KEY_112 =
  'fundamentals/core-programming-skills/python-basics/python-standard-libraries-os-sys-datetime-collections-itertools-functools';

const at = (now: string, ...args: string[]): Promise<RunResult> => runWith(args, { env: { ROADMAP_NOW: now } });
async function ok(now: string, ...args: string[]): Promise<string> {
  const result = await at(now, ...args);
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code, `roadmap ${args.join(' ')}`).toBe(0);
  return result.stdout;
}

interface Saved {
  items: Record<string, { status: string; at: string }>;
  history: { key: string; to: string; at: string }[];
  reviews: Record<string, string[]>;
}
const saved = (): Saved =>
  (JSON.parse(readFileSync(configPath(dir()), 'utf8')) as { roadmaps: { bundled: Saved } }).roadmaps.bundled;

describe('--at records when it really happened', () => {
  it('a day is that day at local noon (in UTC, as this file pins it)', async () => {
    await ok(NOW, 'done', '1.1.1', '--at', '2026-11-28');
    expect(saved().items[KEY_111]).toEqual({ status: 'done', at: '2026-11-28T12:00:00.000Z' });
    expect(saved().history).toEqual([{ key: KEY_111, from: 'todo', to: 'done', at: '2026-11-28T12:00:00.000Z' }]);
  });

  it('today before noon is now, never a time still to come', async () => {
    await ok(NOW, 'start', '1.1.1', '--at', '2026-12-01');
    expect(saved().items[KEY_111]!.at).toBe(NOW);
  });

  it('a time is read in the local time zone unless it names its own', async () => {
    await ok(NOW, 'skip', '1.1.1', '--at', '2026-11-28T14:30');
    expect(saved().items[KEY_111]!.at).toBe('2026-11-28T14:30:00.000Z');
    await ok(NOW, 'done', '1.1.2', '--at', '2026-11-28T14:30:00+01:00');
    expect(saved().items[KEY_112]!.at).toBe('2026-11-28T13:30:00.000Z');
  });

  it('in another time zone, a day is noon there and a time is that time there (spawned with TZ)', () => {
    const env = { ROADMAP_NOW: NOW, TZ: 'America/New_York' };
    expect(spawn(['done', '1.1.1', '--at', '2026-11-28'], { env }).code).toBe(0);
    expect(spawn(['done', '1.1.2', '--at', '2026-11-29T08:15'], { env }).code).toBe(0);
    expect(saved().items[KEY_111]!.at).toBe('2026-11-28T17:00:00.000Z');
    expect(saved().items[KEY_112]!.at).toBe('2026-11-29T13:15:00.000Z');
  });

  it('undone takes --at, and the history stays in time order', async () => {
    await ok('2026-11-20T09:00:00.000Z', 'done', '1.1.1');
    await ok(NOW, 'done', '1.1.2', '--at', '2026-11-10');
    await ok(NOW, 'undone', '1.1.1', '--at', '2026-11-25T18:00');
    expect(saved().history.map((c) => `${c.key === KEY_111 ? '1.1.1' : '1.1.2'} ${c.to} ${c.at}`)).toEqual([
      '1.1.2 done 2026-11-10T12:00:00.000Z',
      '1.1.1 done 2026-11-20T09:00:00.000Z',
      '1.1.1 todo 2026-11-25T18:00:00.000Z',
    ]);
  });

  it('review --at records the review then, and checks it was due then', async () => {
    await ok('2026-11-01T10:00:00.000Z', 'done', '1.1.1');
    expect((await at(NOW, 'review', '1.1.1', '--at', '2026-11-05')).code).toBe(2);
    expect(await ok(NOW, 'review', '1.1.1', '--at', '2026-11-09')).toContain('Reviewed: 1.1.1');
    expect(saved().reviews[KEY_111]).toEqual(['2026-11-09T12:00:00.000Z']);
  });

  it('undo of a backdated change restores what was there, time included', async () => {
    await ok('2026-11-20T09:00:00.000Z', 'start', '1.1.1');
    await ok(NOW, 'done', '1.1.1', '--at', '2026-11-28');
    await ok(NOW, 'undo');
    expect(saved().items[KEY_111]).toEqual({ status: 'doing', at: '2026-11-20T09:00:00.000Z' });
    expect(saved().history).toHaveLength(1);
  });
});

describe('--at refuses what cannot be true, and saves nothing', () => {
  it.each([
    [
      'a future day',
      ['done', '1.1.1', '--at', '2026-12-02'],
      /^error: --at 2026-12-02 is in the future; roadmap records only what has already happened\n$/,
    ],
    ['a time later today', ['done', '1.1.1', '--at', '2026-12-01T09:01'], /is in the future/],
    [
      'a day not on the calendar',
      ['done', '1.1.1', '--at', '2026-02-30'],
      /^error: --at takes a day on the calendar \(2026-11-28\) or a time \(2026-11-28T14:30\), not "2026-02-30"\n$/,
    ],
    ['an hour that does not exist', ['start', '1.1.1', '--at', '2026-11-28T24:10'], /--at takes a day/],
    ['words', ['skip', '1.1.1', '--at', 'yesterday'], /not "yesterday"/],
    [
      'a time before the last change',
      ['undone', '1.1.1', '--at', '2026-11-01'],
      /is before the last change of 1\.1\.1/,
    ],
  ])('%s: exit 2, one line', async (_name, args, message) => {
    await ok('2026-11-20T09:00:00.000Z', 'done', '1.1.1');
    const file = snapshot(configPath(dir()));
    const result = await at(NOW, ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectUnchanged(configPath(dir()), file);
  });
});
