/** `roadmap cohort` on a shared sync repository, and the README badge (`export --format badge`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

const folders: (() => void)[] = [];
afterAll(() => folders.forEach((cleanup) => cleanup()));

async function on(machine: string, args: readonly string[], now: string): Promise<string> {
  const result = await runIn(machine, args, { env: { ROADMAP_NOW: now } });
  expect(result.code, `roadmap ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('roadmap cohort', () => {
  it("shows each member's progress and last activity, who finished what, and who is idle", async () => {
    const { dir, cleanup } = tempDir('roadmap-cohort-');
    folders.push(cleanup);
    const remote = join(dir, 'class.git');
    const ada = join(dir, 'ada');
    const bo = join(dir, 'bo');
    const cy = join(dir, 'cy');
    await on(ada, ['done', '1.1.1', '1.1.2', '1.2.1'], '2026-11-25T10:00:00Z');
    await on(ada, ['sync', 'init', remote, '--as', 'ada'], '2026-11-25T10:01:00Z');
    await on(bo, ['done', '1.1.1'], '2026-11-01T10:00:00Z');
    await on(bo, ['sync', 'init', remote, '--as', 'bo'], '2026-11-01T10:01:00Z');
    // Cy syncs from two machines: both count as Cy.
    await on(cy, ['sync', 'init', remote, '--as', 'cy'], '2026-11-28T09:00:00Z');
    await on(join(dir, 'cy-laptop'), ['sync', 'init', remote, '--as', 'cy'], '2026-11-28T09:00:00Z');
    await on(join(dir, 'cy-laptop'), ['done', '1.1.1'], '2026-11-29T09:00:00Z');
    await on(join(dir, 'cy-laptop'), ['sync'], '2026-11-29T09:01:00Z');
    await on(cy, ['start', '2.1.1'], '2026-11-30T09:00:00Z');
    await on(cy, ['sync'], '2026-11-30T09:01:00Z');
    // One repository, each learner's own progress: Cy's machines merge only Cy's logs.
    expect(await on(cy, ['status'], '2026-11-30T09:02:00Z')).toMatch(/^1\/44 topics/);

    const now = '2026-12-01T12:00:00Z';
    const json = JSON.parse(await on(join(dir, 'teacher'), ['cohort', remote, '--json'], now)) as {
      members: {
        name: string;
        progress: { done: number; doing: number };
        lastActivity: string | null;
        idle: boolean;
      }[];
      topics: { id: string; finished: number }[];
    };
    expect(json.members.map((m) => [m.name, m.progress.done, m.progress.doing, m.idle])).toEqual([
      ['ada', 3, 0, false],
      ['bo', 1, 0, true],
      ['cy', 1, 1, false],
    ]);
    // Bo's last change is the done of 10:00 (setting sync up changes nothing).
    expect(json.members.find((m) => m.name === 'bo')!.lastActivity).toBe('2026-11-01T10:00:00.000Z');
    expect(json.topics.find((t) => t.id === '1.1.1')!.finished).toBe(3);
    expect(json.topics.find((t) => t.id === '1.2.1')!.finished).toBe(1);
    expect(json.topics.find((t) => t.id === '2.1.1')!.finished).toBe(0);

    const text = await on(join(dir, 'teacher'), ['cohort', remote], now);
    expect(text).toMatch(/^ada .* 3\/44 topics, 6% .*last active 2026-11-25$/m);
    expect(text).toMatch(/^Idle for 14 days or more: bo$/m);
    expect(text).toMatch(/^ +3 +1\.1\.1 +Syntax/m);

    const html = await on(join(dir, 'teacher'), ['cohort', remote, '--format', 'html'], now);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<tr class="idle"><td>bo</td>');
  });

  it('a repository that cannot be read: exit 1 in one sentence', async () => {
    const { dir, cleanup } = tempDir('roadmap-cohort-');
    folders.push(cleanup);
    const result = await runIn(join(dir, 'me'), ['cohort', join(dir, 'nowhere.git')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: cannot read the cohort repository .*nowhere\.git: .+\n$/);
  });
});

describe('roadmap export --format badge', () => {
  it('writes shields.io endpoint JSON with the progress as its message', async () => {
    const { dir, cleanup } = tempDir('roadmap-badge-');
    folders.push(cleanup);
    const me = join(dir, 'me');
    const none = JSON.parse(await on(me, ['export', '--format', 'badge'], '2026-11-30T09:00:00Z')) as unknown;
    expect(none).toEqual({
      schemaVersion: 1,
      label: 'Backend Development Roadmap: FastAPI',
      message: '0/44',
      color: 'lightgrey',
    });
    await on(me, ['done', '1', '2'], '2026-11-30T09:00:00Z');
    await on(me, ['export', '--format', 'badge', '-o', join(dir, 'badge.json')], '2026-11-30T09:00:00Z');
    const badge = JSON.parse(readFileSync(join(dir, 'badge.json'), 'utf8')) as { message: string; color: string };
    expect(badge.message).toMatch(/^\d+\/44$/);
    expect(Number(badge.message.split('/')[0])).toBeGreaterThan(0);
    expect(badge.color).toMatch(/^(red|orange|yellow)$/);
  });
});
