/**
 * Saves are atomic whatever the environment: with SNAP set (snap-packaged
 * terminals and editors export it) conf would write the file in place, so a
 * kill mid-write truncated it. The progress file must always be replaced whole.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
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
