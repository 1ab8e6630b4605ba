/**
 * Sync through git, with real git: a bare repository in a temp folder is the
 * remote, and each config folder is one machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, runEnv, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';
import type { SavedConfig } from '../helpers/saved-config.js';
import { seeded } from '../helpers/seed.js';

const folders: (() => void)[] = [];
afterAll(() => folders.forEach((cleanup) => cleanup()));

function world(): { dir: string; remote: string; machine: (name: string) => string } {
  const { dir, cleanup } = tempDir('roadmap-sync-');
  folders.push(cleanup);
  return { dir, remote: join(dir, 'remote.git'), machine: (name) => join(dir, name) };
}

/** `roadmap ...` on a machine at a fixed time; it must succeed. */
async function on(machine: string, args: readonly string[], now = '2026-11-20T09:00:00Z'): Promise<string> {
  const result = await runIn(machine, args, { env: { ROADMAP_NOW: now } });
  expect(result.code, `roadmap ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const saved = (machine: string): SavedConfig =>
  JSON.parse(readFileSync(join(machine, 'config.json'), 'utf8')) as SavedConfig;

/** What sync must make equal on every machine: each roadmap's records, history, notes and reviews. */
function progressOf(machine: string): unknown {
  const { roadmaps } = saved(machine);
  return Object.fromEntries(
    Object.entries(roadmaps)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, r]) => [id, { items: r.items, history: r.history, notes: r.notes ?? {}, reviews: r.reviews ?? {} }]),
  );
}

const bundledItems = (machine: string): Record<string, { status: string; at: string }> =>
  saved(machine).roadmaps.bundled!.items;

describe('roadmap sync', () => {
  it('two machines: changes on both, synced in either order, end the same, and nothing is lost', async () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const w = world();
      const a = w.machine('a');
      const b = w.machine('b');
      // The laptop has progress from before sync: it moves into its log, history and all.
      await on(a, ['done', '1.1.1'], '2026-11-01T10:00:00Z');
      await on(a, ['note', '1.1.1', 'first note'], '2026-11-01T10:05:00Z');
      await on(a, ['sync', 'init', w.remote, '--as', 'ada']);
      await on(b, ['sync', 'init', w.remote, '--as', 'ada']);
      await on(a, ['done', '1.1.2'], '2026-11-21T10:00:00Z');
      await on(b, ['start', '2.1.1'], '2026-11-21T11:00:00Z');
      await on(b, ['note', '1.1.1', 'from the desktop'], '2026-11-21T11:05:00Z');
      const m = { a, b };
      for (const name of [...order, ...order]) await on(m[name], ['sync'], '2026-11-22T08:00:00Z');
      expect(progressOf(a)).toEqual(progressOf(b));
      const items = bundledItems(a);
      const status = (id: string) => Object.entries(items).find(([key]) => key.includes(id))?.[1].status ?? 'todo';
      expect(
        Object.values(items)
          .map((r) => r.status)
          .sort(),
      ).toEqual(['doing', 'done', 'done']);
      expect(status('syntax-data-types')).toBe('done');
      // The first done kept its own time, not the time of the sync.
      expect(Object.values(items).find((r) => r.status === 'done' && r.at.startsWith('2026-11-01'))).toBeDefined();
      const notes = Object.values(saved(b).roadmaps.bundled!.notes ?? {}).flat();
      expect(notes.map((n) => n.text)).toEqual(['first note', 'from the desktop']);
      expect(await on(b, ['list', '1.1', '--plain'])).toMatch(/^1\.1\.1\tdone\t/m);
    }
  });

  it('grades and study sessions reach the other machine, and stay when it syncs again', async () => {
    const w = world();
    const a = w.machine('a');
    const b = w.machine('b');
    await on(a, ['done', '1.1.1'], '2026-11-01T10:00:00Z');
    // Written as the review and log commands write them (schema version 4).
    const config = saved(a) as unknown as { roadmaps: Record<string, Record<string, unknown>> };
    const key = Object.keys(bundledItems(a))[0]!;
    const at = '2026-11-09T10:00:00.000Z';
    Object.assign(config.roadmaps.bundled!, {
      reviews: { [key]: [at] },
      grades: { [key]: [{ at, grade: 'easy' }] },
      sessions: { [key]: [{ at: '2026-11-01T09:55:00.000Z', minutes: 50 }] },
    });
    writeFileSync(join(a, 'config.json'), JSON.stringify(config));
    await on(a, ['sync', 'init', w.remote]);
    await on(b, ['sync', 'init', w.remote]);
    for (const machine of [a, b, a, b]) await on(machine, ['sync'], '2026-11-22T08:00:00Z');
    for (const machine of [a, b]) {
      const bundled = saved(machine).roadmaps.bundled as unknown as Record<string, unknown>;
      expect(bundled.grades).toEqual({ [key]: [{ at, grade: 'easy' }] });
      expect(bundled.sessions).toEqual({ [key]: [{ at: '2026-11-01T09:55:00.000Z', minutes: 50 }] });
    }
  });

  it('a status changed on both machines: the later change wins, whichever syncs first', async () => {
    for (const first of ['a', 'b'] as const) {
      const w = world();
      const m = { a: w.machine('a'), b: w.machine('b') };
      await on(m.a, ['sync', 'init', w.remote]);
      await on(m.b, ['sync', 'init', w.remote]);
      // Skipped on the desktop at 11:00, done on the laptop at 12:00 (synced in either order): done.
      await on(m.b, ['skip', '3.1.1'], '2026-11-21T11:00:00Z');
      await on(m.a, ['done', '3.1.1'], '2026-11-21T12:00:00Z');
      const second: 'a' | 'b' = first === 'a' ? 'b' : 'a';
      for (const name of [first, second, first]) await on(m[name], ['sync'], '2026-11-22T08:00:00Z');
      for (const machine of [m.a, m.b]) {
        expect(Object.values(bundledItems(machine))).toEqual([{ status: 'done', at: '2026-11-21T12:00:00.000Z' }]);
      }
      expect(progressOf(m.a)).toEqual(progressOf(m.b));
    }
  });

  it('status, auto on and off, and what a background sync leaves for status to show', async () => {
    const w = world();
    const a = w.machine('a');
    await on(a, ['sync', 'init', w.remote, '--as', 'ada']);
    const status = JSON.parse(await on(a, ['sync', 'status', '--json'])) as Record<string, unknown>;
    expect(status).toMatchObject({
      command: 'sync',
      action: 'status',
      remote: w.remote,
      member: 'ada',
      auto: false,
      unsent: 0,
    });
    expect(await on(a, ['sync', 'auto', 'on'])).toMatch(/Auto sync is on/);
    await on(a, ['done', '1.1.1']);
    // The save returned at once; the background sync sends the change soon after.
    let unsent = 1;
    for (let i = 0; i < 200 && unsent !== 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      unsent = (JSON.parse(await on(a, ['sync', 'status', '--json'])) as { unsent: number }).unsent;
    }
    expect(unsent).toBe(0);
    expect(await on(a, ['sync', 'auto', 'off'])).toMatch(/Auto sync is off/);
  });

  it('a remote that refuses: exit 1 in one sentence, the change kept, and sync status says so', async () => {
    const w = world();
    const a = w.machine('a');
    await on(a, ['sync', 'init', w.remote]);
    await on(a, ['done', '1.1.1']);
    // The remote goes away (a drive that is not mounted).
    execFileSync('mv', [w.remote, `${w.remote}.gone`]);
    const failed = await runIn(a, ['sync']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: cannot reach .*remote\.git: .*; nothing was changed here\n$/);
    expect(Object.values(bundledItems(a))).toHaveLength(1);
    const status = await on(a, ['sync', 'status']);
    expect(status).toMatch(/Last sync: .* failed: cannot reach/);
    expect(status).toMatch(/Not yet sent: 1 change/);
  });

  it('without git on PATH: exit 1 and one sentence, nothing changed', () => {
    const w = world();
    const a = w.machine('a');
    const result = spawnSync(process.execPath, [binPath, 'sync', 'init', w.remote], {
      env: { ...runEnv(a), PATH: join(w.dir, 'empty-path') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'error: git is not installed (or not on PATH), and sync needs it; nothing was changed\n',
    );
    expect(existsSync(join(a, 'sync.json'))).toBe(false);
  });

  it('sync before init, and a wrong action, are usage errors', async () => {
    const w = world();
    const a = w.machine('a');
    const before = await runIn(a, ['sync']);
    expect(before.code).toBe(2);
    expect(before.stderr).toBe('error: sync is not set up on this machine; start with "roadmap sync init REMOTE"\n');
    const wrong = await runIn(a, ['sync', 'pull']);
    expect(wrong.code).toBe(2);
  });

  it('a crash in the middle of an append: the partial line is skipped, and the next save cuts it off', async () => {
    const w = world();
    const a = w.machine('a');
    await on(a, ['sync', 'init', w.remote, '--as', 'ada']);
    await on(a, ['done', '1.1.1']);
    const [log] = readdirSync(join(a, 'sync', 'ada')).map((name) => join(a, 'sync', 'ada', name));
    const whole = readFileSync(log!, 'utf8');
    appendFileSync(log!, '{"id":"half-writ');
    // doctor names the cut line; it changes nothing.
    const doctor = await runIn(a, ['doctor', '--json']);
    const findings = (
      JSON.parse(doctor.stdout) as { findings: { kind: string; problem: boolean; details: string[] }[] }
    ).findings;
    expect(findings.find((f) => f.kind === 'sync')).toMatchObject({ problem: true });
    expect(findings.find((f) => f.kind === 'sync')!.details.join()).toMatch(/ends in a line cut short/);
    await on(a, ['sync']);
    expect(Object.values(bundledItems(a))).toHaveLength(1);
    await on(a, ['done', '1.1.2']);
    const after = readFileSync(log!, 'utf8');
    expect(after.startsWith(whole)).toBe(true);
    expect(after).not.toContain('half-writ');
    expect(
      after
        .split('\n')
        .filter(Boolean)
        .every((line) => JSON.parse(line) !== undefined),
    ).toBe(true);
  });

  it('interleavings of changes and syncs on three machines converge to one state (real git)', async () => {
    const refs = ['1.1.1', '1.1.2', '1.2.1', '2.1.1'];
    const op = fc.oneof(
      fc.record({
        machine: fc.integer({ min: 0, max: 2 }),
        verb: fc.constantFrom('done', 'undone', 'start', 'skip'),
        ref: fc.constantFrom(...refs),
      }),
      fc.record({ machine: fc.integer({ min: 0, max: 2 }), verb: fc.constant('sync' as const) }),
      fc.record({
        machine: fc.integer({ min: 0, max: 2 }),
        verb: fc.constant('note' as const),
        ref: fc.constantFrom(...refs),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        const w = world();
        const machines = [0, 1, 2].map((i) => w.machine(`m${i}`));
        for (const m of machines) await on(m, ['sync', 'init', w.remote], '2026-11-20T08:00:00Z');
        let minute = 0;
        for (const o of ops) {
          const now = new Date(Date.parse('2026-11-20T09:00:00Z') + 60_000 * minute++).toISOString();
          const args =
            o.verb === 'sync' ? ['sync'] : o.verb === 'note' ? ['note', o.ref, `note ${minute}`] : [o.verb, o.ref];
          const result = await runIn(machines[o.machine]!, args, { env: { ROADMAP_NOW: now } });
          expect(result.code, result.stderr).toBe(0);
        }
        for (const m of [...machines, ...machines]) await on(m, ['sync'], '2026-11-21T08:00:00Z');
        const first = progressOf(machines[0]!);
        for (const m of machines.slice(1)) expect(progressOf(m)).toEqual(first);
      }),
      { numRuns: 50, ...seeded },
    );
  }, 600_000);

  it('a folder that is not a repository yet is made one; a missing folder too', async () => {
    const w = world();
    const a = w.machine('a');
    const drive = join(w.dir, 'drive', 'roadmap.git');
    mkdirSync(dirname(drive), { recursive: true });
    writeFileSync(join(w.dir, 'drive', 'other-file.txt'), 'not ours');
    expect(await on(a, ['sync', 'init', drive])).toMatch(/Sync is set up/);
    expect(existsSync(join(drive, 'HEAD'))).toBe(true);
  });
});
