import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Conf from 'conf';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoadmapState, SavedState } from '../../src/core/state.js';
import { ExitCode, ProgressFileError } from '../../src/errors.js';
import { confOptions, ProgressStore } from '../../src/io/store.js';
import { tempDir } from '../helpers/cli.js';

/** Everything of a roadmap's progress but its status records, as a fresh one has it. */
const untouched = { history: [], notes: {}, reviews: {}, grades: {}, sessions: {}, journal: [] };

let temp: ReturnType<typeof tempDir>;
let store: ProgressStore;
const at = '2026-11-26T10:00:00.000Z';

beforeEach(() => {
  temp = tempDir();
  store = new ProgressStore(join(temp.dir, 'roadmap'));
});
afterEach(() => temp.cleanup());

describe('ProgressStore', () => {
  it('reads an absent file as empty progress and does not create it', () => {
    expect(store.read('bundled')).toEqual({
      items: {},
      ...untouched,
    });
    expect(existsSync(store.dir)).toBe(false);
  });

  it('writes through conf: a private folder, a private file, readable JSON', async () => {
    await store.update('bundled', () => ({
      items: { k: { status: 'done', at } },
      ...untouched,
    }));
    expect(statSync(store.dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual({
      schemaVersion: 4,
      settings: {},
      roadmaps: {
        bundled: {
          items: { k: { status: 'done', at } },
          ...untouched,
        },
      },
    });
  });

  it('keeps other roadmaps untouched when one is updated', async () => {
    await store.update('a', () => ({
      items: { k: { status: 'done', at } },
      ...untouched,
    }));
    await store.update('b', () => ({
      items: { j: { status: 'doing', at } },
      ...untouched,
    }));
    expect(store.read('a').items).toEqual({ k: { status: 'done', at } });
    expect(store.read('b').items).toEqual({ j: { status: 'doing', at } });
  });

  it('writes nothing when the change returns undefined', async () => {
    await store.update('bundled', () => undefined);
    expect(existsSync(store.file)).toBe(false);
  });

  it.each([
    ['invalid JSON', '{not json', /is not valid JSON/],
    ['an empty file', '', /is empty/],
    ['the wrong shape', '[1,2,3]', /does not hold a JSON object/],
    ['a newer schema', '{"schemaVersion": 99, "roadmaps": {}}', /newer roadmap/],
  ])('refuses %s, names the file, and leaves it byte for byte', async (_name, content, message) => {
    await store.update('bundled', () => ({
      items: {},
      ...untouched,
    }));
    writeFileSync(store.file, content);
    // The next run of roadmap: a new store, reading the file afresh.
    const error = (() => {
      try {
        new ProgressStore(store.dir).read('bundled');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ProgressFileError);
    expect((error as ProgressFileError).exitCode).toBe(ExitCode.progressUnreadable);
    expect((error as Error).message).toContain(store.file);
    expect((error as Error).message).toMatch(message);
    await expect(
      store.update('bundled', () => ({
        items: {},
        ...untouched,
      })),
    ).rejects.toThrow(ProgressFileError);
    expect(readFileSync(store.file, 'utf8')).toBe(content);
  });

  // A save replaces an existing file at store.file and lets conf place only a new one: they must agree.
  it.each([
    ['an absolute folder', (dir: string) => dir],
    ['a relative folder', (dir: string) => relative(process.cwd(), dir)],
  ])('names the file conf names, for %s', (_what, folder) => {
    const dir = folder(join(temp.dir, 'roadmap'));
    expect(resolve(new ProgressStore(dir).file)).toBe(new Conf(confOptions(dir)).path);
  });

  it('reads afresh under the lock: a change saved by another process since this one read the file is kept', async () => {
    const entry = (key: string): RoadmapState => ({
      items: { [key]: { status: 'done', at } },
      ...untouched,
    });
    await store.update('a', () => entry('mine'));
    expect(store.read('a').items).toEqual({ mine: { status: 'done', at } });
    // Another process saves meanwhile (a file of another length, and then one of the same length).
    for (const other of ['theirs-longer', 'ours']) {
      const saved = JSON.parse(readFileSync(store.file, 'utf8')) as SavedState;
      writeFileSync(store.file, JSON.stringify({ ...saved, roadmaps: { ...saved.roadmaps, b: entry(other) } }));
      await store.update('a', (current) => ({ ...current, history: [...current.history] }));
      expect(new ProgressStore(store.dir).snapshot().roadmaps.b?.items).toEqual({ [other]: { status: 'done', at } });
    }
  });
});
