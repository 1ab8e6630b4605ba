/**
 * Saves are atomic whatever the environment: with SNAP set (snap-packaged
 * terminals and editors export it) conf would write the file in place, so a
 * kill mid-write truncated it. The progress file must always be replaced whole.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { binPath, childEnv, run, tempDir } from '../helpers/cli.js';
import { savedNotes } from './writers.js';

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

// Skipped only outside CI: .ci/run installs strace, so under CI a missing strace fails the test.
const strace = spawnSync('strace', ['-o', '/dev/null', 'true']).status === 0;
it.skipIf(!strace && !process.env.CI)(
  'a save writes a temp file beside the progress file, flushes it, renames it over, then flushes the folder (seen with strace; skipped where strace cannot run)',
  () => {
    expect(run(temp.dir, ['note', '1.1.1', 'first'], { env: snap }).code).toBe(0);
    const trace = join(temp.dir, 'trace');
    const traced = spawnSync(
      'strace',
      [
        '-f',
        '-o',
        trace,
        '-e',
        'trace=openat,fsync,rename,renameat,renameat2',
        process.execPath,
        binPath,
        'note',
        '1.1.1',
        'second',
      ],
      { env: childEnv({ ROADMAP_CONFIG_DIR: temp.dir, HOME: temp.dir, ...snap }), encoding: 'utf8', timeout: 60_000 },
    );
    expect(traced.status).toBe(0);
    const calls = readFileSync(trace, 'utf8').split('\n');
    const renamed = calls.findIndex((line) =>
      /rename.*"(.*\/config\.json\.tmp-[^"]+)".*"[^"]*\/config\.json"/.test(line),
    );
    expect(renamed).toBeGreaterThan(-1);
    let tempName = /"([^"]*\/config\.json\.tmp-[^"]+)"/.exec(calls[renamed]!)![1]!;
    expect(tempName.startsWith(`${temp.dir}/`)).toBe(true);
    // The temp file may itself have been renamed into place from the library's own temp: follow that back.
    for (;;) {
      const name = tempName;
      const earlier = calls.slice(0, renamed).find((line) => /rename/.test(line) && line.includes(`, "${name}"`));
      if (!earlier) break;
      tempName = /"([^"]+)"/.exec(earlier)![1]!;
      expect(tempName.startsWith(`${temp.dir}/config.json.tmp-`)).toBe(true);
    }
    // Before the rename: the temp file was opened (mode 0600) and its descriptor flushed.
    const opened = calls.find((line) => line.includes(`"${tempName}"`) && line.includes('O_CREAT'))!;
    expect(opened).toContain('0600');
    const tempFd = /= (\d+)$/.exec(opened)![1]!;
    expect(calls.slice(0, renamed).some((line) => line.includes(`fsync(${tempFd})`))).toBe(true);
    // After it: the folder opened and flushed.
    const after = calls.slice(renamed + 1);
    const folderOpen = after.find((line) => line.includes(`openat(AT_FDCWD, "${temp.dir}", O_RDONLY`));
    expect(folderOpen).toBeDefined();
    const folderFd = /= (\d+)$/.exec(folderOpen!)![1]!;
    expect(after.some((line) => line.includes(`fsync(${folderFd})`))).toBe(true);
  },
);
