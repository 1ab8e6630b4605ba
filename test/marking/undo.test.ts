/**
 * `roadmap undo [N]`: each command's change reverted exactly (the saved
 * records, times included, compared with config.json before the change), undo
 * of several changes, undo of an undo, dry runs, nothing to undo, and a
 * progress file from before the journal.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, type RunResult } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';
import { configPath, expectUnchanged, snapshot, useConfigDir } from '../helpers/bundled-roadmap.js';
import { SCHEMA_VERSION } from '../../src/core/state.js';

const { dir, runWith } = useConfigDir();

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-09T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';
const T3 = '2026-11-21T10:00:00.000Z';

const KEY_111 = 'fundamentals/core-programming-skills/python-basics/syntax-data-types-control-structures-oop-concepts';

/** `roadmap ...args` at the time `now`; it must succeed. */
async function ok(now: string, ...args: string[]): Promise<string> {
  const result = await runWith(args, { env: { ROADMAP_NOW: now } });
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code, `roadmap ${args.join(' ')}`).toBe(0);
  return result.stdout;
}
const at = (now: string, ...args: string[]): Promise<RunResult> => runWith(args, { env: { ROADMAP_NOW: now } });

interface Saved {
  schemaVersion: number;
  roadmaps: Record<
    string,
    { journal?: { id: number; command: string; undoes?: number[] }[] } & Record<string, unknown>
  >;
}
const readSaved = (): Saved => JSON.parse(readFileSync(configPath(dir()), 'utf8')) as Saved;

/** The saved progress as written (key order kept), without the journal: what undo must restore exactly. */
function progressText(): string {
  if (!existsSync(configPath(dir()))) return '(no file)';
  const saved = readSaved();
  for (const roadmap of Object.values(saved.roadmaps)) delete roadmap.journal;
  return JSON.stringify(saved, undefined, 1);
}

/** Runs `command` at T2, checks it changed progress, undoes it at T3, and checks progress is back exactly. */
async function expectUndone(...command: string[]): Promise<string> {
  const before = progressText();
  await ok(T2, ...command);
  expect(progressText()).not.toBe(before);
  const out = await ok(T3, 'undo');
  expect(progressText()).toBe(before);
  return out;
}

describe('roadmap undo reverts each command exactly, times included', () => {
  it('done: the records, history and time before it come back', async () => {
    await ok(T0, 'start', '1.1.1');
    const out = await expectUndone('done', '1.1');
    expect(out).toBe(
      'Undid change 2 (done, 2026-11-20 10:00 UTC):\n' +
        '  1.1.1 Syntax, data types, control structures, OOP concepts.  done (2026-11-20) → started (2026-11-01)\n' +
        '  1.1.2 Python standard libraries: os, sys, datetime, collections, itertools, functools.  done (2026-11-20) → not done\n' +
        'Progress: 0/44 topics, 0%\n',
    );
    const record = (readSaved().roadmaps.bundled!.items as Record<string, unknown>)[KEY_111];
    expect(record).toEqual({ status: 'doing', at: T0 });
  });

  it('undone: a slip that cleared a section gives back the real finish times', async () => {
    await ok(T0, 'done', '1.1.1');
    await ok(T1, 'done', '1.1.2');
    await expectUndone('undone', '1.1');
  });

  it.each([
    ['start', ['start', '1.2']],
    ['skip', ['skip', '1.1.2', '1.2.1']],
    ['reset', ['reset', '--yes']],
    ['note', ['note', '1.1.1', 'keep this']],
  ])('%s', async (_name, command) => {
    await ok(T0, 'done', '1.1.1');
    await ok(T1, 'start', '1.1.2');
    await expectUndone(...command);
  });

  it('review: the review it recorded is removed again', async () => {
    await ok(T0, 'done', '1.1.1');
    const out = await expectUndone('review', '1.1.1');
    expect(out).toContain('  1 review taken back\n');
    expect(await ok(T3, 'review')).toContain('Due for review (1)');
  });

  it('import: the statuses, history and notes it merged are taken back', async () => {
    const other = tempDir();
    try {
      await runIn(other.dir, ['done', '1.1.1', '1.2.1'], { env: { ROADMAP_NOW: T1 } });
      await runIn(other.dir, ['note', '1.1.1', 'from the laptop'], { env: { ROADMAP_NOW: T1 } });
      const backup = await runIn(other.dir, ['export'], { env: { ROADMAP_NOW: T1 } });
      writeFileSync(join(dir(), 'backup.json'), backup.stdout);
    } finally {
      other.cleanup();
    }
    await ok(T0, 'start', '1.1.1');
    await ok(T0, 'done', '1.1.2');
    const out = await expectUndone('import', 'backup.json');
    expect(out).toMatch(/^Undid change 3 \(import, /);
    expect(out).toContain('  1 note taken back\n');
  });
});

describe('roadmap undo N, and undo of undo', () => {
  it('undo 3 reverts the last three changes, latest first, as one change', async () => {
    await ok(T0, 'done', '1.1.1');
    const before = progressText();
    await ok(T1, 'done', '1.1.2');
    await ok(T1, 'skip', '1.2.1');
    await ok(T2, 'undone', '1.1.1');
    const out = await ok(T3, 'undo', '3');
    expect([...out.matchAll(/^Undid change (\d) \((\w+),/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      '4 undone',
      '3 skip',
      '2 done',
    ]);
    expect(progressText()).toBe(before);
    const journal = readSaved().roadmaps.bundled!.journal!;
    expect(journal.at(-1)).toMatchObject({ id: 5, command: 'undo', undoes: [4, 3, 2] });
  });

  it('undo of an undo redoes: the change is back exactly, with its original time', async () => {
    await ok(T0, 'done', '1.1.1');
    const after = progressText();
    await ok(T1, 'undo');
    expect(progressText()).not.toBe(after);
    const out = await ok(T2, 'undo');
    expect(out).toMatch(
      /^Undid change 2 \(undo of change 1, 2026-11-09 10:00 UTC\):\n {2}1\.1\.1 Syntax.*not done → done \(2026-11-01\)\n/,
    );
    expect(progressText()).toBe(after);
  });

  it('--dry-run says what it would revert and writes nothing', async () => {
    await ok(T0, 'done', '1.1.1');
    const file = snapshot(configPath(dir()));
    const out = await ok(T1, 'undo', '--dry-run');
    expect(out).toMatch(/^Would undo change 1 \(done, /);
    expect(out).toContain('Progress: 0/44 topics, 0%\nNothing was saved (--dry-run).\n');
    expectUnchanged(configPath(dir()), file);
  });

  it('--json says what was reverted, each record from and to', async () => {
    await ok(T0, 'start', '1.1.1');
    await ok(T1, 'done', '1.1.1');
    const document = JSON.parse(await ok(T2, 'undo', '--json')) as Record<string, unknown>;
    expect(document).toMatchObject({
      command: 'undo',
      dryRun: false,
      reverted: [
        {
          change: 2,
          command: 'done',
          undoes: null,
          records: [{ id: '1.1.1', key: KEY_111, from: { status: 'done', at: T1 }, to: { status: 'doing', at: T0 } }],
        },
      ],
      progress: { done: 0, doing: 1 },
    });
  });
});

describe('nothing to undo', () => {
  it('with no change recorded: exit 1, one sentence saying so, no file made', async () => {
    const result = await at(T0, 'undo');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe("error: nothing to undo: no change to this roadmap's progress has been recorded yet\n");
    expect(existsSync(configPath(dir()))).toBe(false);
  });

  it('more changes than the journal holds: exit 2, nothing changed', async () => {
    await ok(T0, 'done', '1.1.1');
    const file = snapshot(configPath(dir()));
    const result = await at(T1, 'undo', '2');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: only 1 change can be undone; the journal keeps the last 100/);
    expectUnchanged(configPath(dir()), file);
    expect((await at(T1, 'undo', 'two')).code).toBe(2);
  });
});

describe('a progress file from before the journal (schema version 2)', () => {
  const v2 = {
    schemaVersion: 2,
    settings: {},
    roadmaps: {
      bundled: {
        items: { [KEY_111]: { status: 'done', at: T0 } },
        history: [{ key: KEY_111, from: 'todo', to: 'done', at: T0 }],
        notes: { [KEY_111]: [{ at: T0, text: 'an old note' }] },
        reviews: {},
      },
    },
  };

  it('is read by this build, and its changes cannot be undone: undo says why', async () => {
    writeFileSync(configPath(dir()), JSON.stringify(v2));
    const file = snapshot(configPath(dir()));
    expect(await ok(T1, 'list', '1.1')).toMatch(/^ {2}\[x\] 1\.1\.1 Syntax/m);
    const result = await at(T1, 'undo');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: nothing to undo: the progress saved so far was changed before roadmap kept a journal of changes (progress file version 3), and such changes cannot be undone\n',
    );
    expectUnchanged(configPath(dir()), file);
  });

  it('is saved as the current version on the next change, which can be undone back to what the old file held', async () => {
    writeFileSync(configPath(dir()), JSON.stringify(v2));
    await ok(T1, 'done', '1.1.2');
    const saved = readSaved();
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.roadmaps.bundled!.journal).toHaveLength(1);
    await ok(T2, 'undo');
    const restored = readSaved() as unknown as { roadmaps: { bundled: Record<string, unknown> } };
    const { journal, grades, sessions, ...rest } = restored.roadmaps.bundled;
    expect([journal, grades, sessions]).toEqual([expect.any(Array), {}, {}]);
    expect({ ...restored, roadmaps: { bundled: rest } }).toEqual({ ...v2, schemaVersion: SCHEMA_VERSION });
  });

  it('a file of a newer version is refused, exit 3, and left as it is', async () => {
    writeFileSync(configPath(dir()), JSON.stringify({ ...v2, schemaVersion: SCHEMA_VERSION + 1 }));
    const file = snapshot(configPath(dir()));
    const result = await at(T1, 'undo');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `was written by a newer roadmap (schema version ${SCHEMA_VERSION + 1}; this one knows ${SCHEMA_VERSION})`,
    );
    expectUnchanged(configPath(dir()), file);
  });
});
