/**
 * A failing disk, injected under the real conf + atomically write path: the
 * spies are installed before conf is first imported (the store imports it
 * lazily), so conf's own file system calls go through them.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/errors.js';
import { ProgressStore } from '../../src/io/store.js';
import { tempDir } from '../helpers/cli.js';

/** Everything of a roadmap's progress but its status records, as a fresh one has it. */
const untouched = { history: [], notes: {}, reviews: {}, grades: {}, sessions: {}, journal: [] };

const writeSync = vi.spyOn(fs, 'writeSync');
const fsyncSync = vi.spyOn(fs, 'fsyncSync');

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated disk failure`), { code });
}

const at = '2026-11-26T10:00:00.000Z';
let temp: ReturnType<typeof tempDir>;
let store: ProgressStore;

beforeEach(async () => {
  temp = tempDir();
  store = new ProgressStore(join(temp.dir, 'roadmap'));
  await store.update('bundled', () => ({
    items: { 'a/one': { status: 'done', at } },
    ...untouched,
  }));
});
afterEach(() => {
  writeSync.mockReset();
  fsyncSync.mockReset();
  temp.cleanup();
});

describe('a failing disk', () => {
  it.each([
    [
      'ENOSPC while writing',
      () =>
        writeSync.mockImplementation(() => {
          throw failure('ENOSPC');
        }),
      /ENOSPC/,
    ],
    [
      'EIO while writing',
      () =>
        writeSync.mockImplementation(() => {
          throw failure('EIO');
        }),
      /EIO/,
    ],
    [
      'EIO while flushing to disk',
      () =>
        fsyncSync.mockImplementation(() => {
          throw failure('EIO');
        }),
      /EIO/,
    ],
  ])('%s: the save fails clearly, the old file stays whole, no temp file is left', async (_name, inject, code) => {
    // The spies must really sit under conf: the first update (in beforeEach) went through them.
    expect(writeSync).toHaveBeenCalled();
    const before = fs.readFileSync(store.file);
    inject();
    const error = await store
      .update('bundled', (s) => ({ ...s, items: { ...s.items, 'a/two': { status: 'done', at } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain(store.file);
    expect((error as Error).message).toMatch(code);
    expect((error as Error).message).toMatch(/nothing was saved/);
    expect(fs.readFileSync(store.file)).toEqual(before);
    // atomically removes its temp file with an async unlink (and again at exit), so give it a moment.
    await vi.waitFor(() => expect(store.leftovers()).toEqual([]), { timeout: 10_000 });
    expect(fs.existsSync(store.lockFile)).toBe(false);
    // Reading still works.
    expect(store.read('bundled').items).toEqual({ 'a/one': { status: 'done', at } });
  });
});

describe('doctor --repair on a failing disk', () => {
  it('puts the damaged file back when its replacement cannot be written, so nothing is lost', async () => {
    const { doctor } = await import('../../src/commands/doctor.js');
    const damaged = Buffer.from('{"schemaVersion": 1, "roadmaps": {"bundled": {"items": {"a/one": {"status": "done"');
    fs.writeFileSync(store.file, damaged);
    writeSync.mockImplementation(() => {
      throw failure('ENOSPC');
    });
    const error = await doctor({ store, now: () => new Date('2026-11-26T10:00:00Z') }, { repair: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect(fs.readFileSync(store.file)).toEqual(damaged);
    expect(fs.readdirSync(store.dir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  });
});
