/**
 * Saves are atomic whatever the environment: with SNAP set (snap-packaged
 * terminals and editors export it) conf would write the file in place, so a
 * kill mid-write truncated it. The progress file must always be replaced whole.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { decodeState } from '../../src/core/state.js';
import { run, tempDir } from '../helpers/cli.js';
import { finished, savedNotes, start } from './writers.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

const file = (): string => join(temp.dir, 'config.json');
const snap = { SNAP: '/snap/some-terminal/1' };

it('with SNAP set, a save replaces the file (a new inode, mode 0600) and leaves no temp file', () => {
  expect(run(temp.dir, ['note', '1.1.1', 'first'], { env: snap }).code).toBe(0);
  const before = statSync(file());
  expect(run(temp.dir, ['note', '1.1.1', 'second'], { env: snap }).code).toBe(0);
  const after = statSync(file());
  // Written in place, the inode would stay: a kill in the middle would leave it truncated.
  expect(after.ino).not.toBe(before.ino);
  expect(after.mode & 0o777).toBe(0o600);
  expect(readdirSync(temp.dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  expect(savedNotes(temp.dir)).toEqual(['first', 'second']);
});

it('with SNAP set, writers killed mid-save of a large file leave it whole every time', async () => {
  expect(run(temp.dir, ['note', '1.1.1', 'seed'], { env: snap }).code).toBe(0);
  // Several MB, so that a save takes long enough to be killed in the middle of its write.
  const data = JSON.parse(readFileSync(file(), 'utf8')) as {
    roadmaps: { bundled: { notes: Record<string, { at: string; text: string }[]> } };
  };
  const key = Object.keys(data.roadmaps.bundled.notes)[0]!;
  data.roadmaps.bundled.notes[key] = Array.from({ length: 40_000 }, (_, i) => ({
    at: '2026-11-01T10:00:00.000Z',
    text: `note ${i} ${'y'.repeat(100)}`,
  }));
  writeFileSync(file(), JSON.stringify(data), { mode: 0o600 });
  const started = performance.now();
  expect(run(temp.dir, ['note', '1.1.1', 'timed'], { env: snap }).code).toBe(0);
  const oneSave = performance.now() - started;

  const kills = 20;
  for (let i = 0; i < kills; i++) {
    const child = start(temp.dir, ['note', '1.1.1', `k${i}`], snap);
    const exit = finished(child);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * oneSave * 1.2));
    child.kill('SIGKILL');
    await exit;
    expect(existsSync(file())).toBe(true);
    const state = decodeState(JSON.parse(readFileSync(file(), 'utf8')));
    expect(state.roadmaps.bundled!.notes[key]!.length).toBeGreaterThanOrEqual(40_000);
  }
  console.info(
    `SNAP set: ${kills} writers killed during saves of a ${statSync(file()).size} byte file; every file whole`,
  );
}, 600_000);
