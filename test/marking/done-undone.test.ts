/** `roadmap done` / `roadmap undone`: what changes, what is saved, and what never changes. */
import { describe, expect, it } from 'vitest';
import {
  configPath,
  expectCleanError,
  expectUnchanged,
  isIsoTime,
  markedIds,
  progressText,
  readConfig,
  savedRoadmap,
  snapshot,
  useConfigDir,
} from '../helpers/bundled-roadmap.js';

const { dir, roadmap, spawn } = useConfigDir();

describe('roadmap done SECTION', () => {
  it('done 1.1 marks exactly 1.1.1 and 1.1.2, then next gives 1.2.1', () => {
    // Spawned: the fast path in the built binary, once per fast command (the rest run in-process).
    const result = spawn(['done', '1.1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(markedIds(result.stdout)).toEqual(['1.1.1', '1.1.2']);
    expect(result.stdout).toContain('Syntax, data types, control structures, OOP concepts.');
    expect(result.stdout).toContain('Python standard libraries');
    expect(result.stdout).toContain(progressText(2));
    // What is next after the change.
    expect(result.stdout).toContain('roadmap done 1.2.1');

    const next = spawn(['next']);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^1\.2\.1 +Decorators, context managers, typing, metaclasses\.$/m);
    expect(next.stdout).toContain(progressText(2));
  });

  it('saves valid JSON: the current schemaVersion, two done items with ISO times, two history changes', async () => {
    await roadmap('done', '1.1');
    const config = readConfig(dir());
    expect(config.schemaVersion).toBe(4);
    const saved = savedRoadmap(dir());

    const items = Object.values(saved.items);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.status).toBe('done');
      expect(isIsoTime(item.at)).toBe(true);
    }

    expect(saved.history).toHaveLength(2);
    for (const change of saved.history) {
      expect(change).toMatchObject({ from: 'todo', to: 'done' });
      expect(isIsoTime(change.at)).toBe(true);
      expect(Object.keys(saved.items)).toContain(change.key);
    }
    expect(new Set(saved.history.map((c) => c.key)).size).toBe(2);
  });
});

describe('REF forms', () => {
  it.each([
    { ref: '2.3', what: 'a section ID', ids: ['2.3.1'] },
    { ref: '2.3.1', what: 'a topic ID', ids: ['2.3.1'] },
    { ref: 'p2', what: 'a project ID', ids: ['p2'] },
    { ref: 'P2', what: 'a project ID in capitals', ids: ['p2'] },
    { ref: 'dependency-injection', what: 'a slug', ids: ['2.3.1'] },
    { ref: 'PYDANTIC', what: 'a case-insensitive part of a title', ids: ['2.4.1', '2.4.2'] },
    { ref: '6', what: 'a part ID', ids: ['6.1.1', '6.2.1', '6.3.1'] },
  ])('done $ref ($what) marks $ids', async ({ ref, ids }) => {
    const result = await roadmap('done', ref);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(markedIds(result.stdout)).toEqual(ids);
    const topics = ids.filter((id) => !id.startsWith('p')).length;
    expect(result.stdout).toContain(progressText(topics));
    expect(Object.values(savedRoadmap(dir()).items).filter((i) => i.status === 'done')).toHaveLength(ids.length);
  });

  it('several REFs in one command are all marked', async () => {
    const result = await roadmap('done', '1.1.1', 'dependency-injection', 'p4');
    expect(result.code).toBe(0);
    expect(markedIds(result.stdout)).toEqual(['1.1.1', '2.3.1', 'p4']);
    expect(result.stdout).toContain(progressText(2));
  });
});

describe('marking what is already marked', () => {
  it.each([
    { first: '1.1', again: '1.1' },
    { first: '1.1', again: '1.1.2' },
    { first: '2.3.1', again: 'dependency-injection' },
    { first: 'p2', again: 'p2' },
  ])('done $again after done $first says so and leaves the file byte-for-byte as it was', async ({ first, again }) => {
    expect((await roadmap('done', first)).code).toBe(0);
    const file = configPath(dir());
    const before = snapshot(file);
    expect(before).not.toBeNull();

    const result = await roadmap('done', again);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('already done; nothing changed');
    expect(markedIds(result.stdout)).toEqual([]);
    expectUnchanged(file, before);
  });

  it('undone on a fresh state changes nothing and creates no file', async () => {
    const result = await roadmap('undone', '1.1.1');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing changed');
    expect(markedIds(result.stdout)).toEqual([]);
    expectUnchanged(configPath(dir()), null);
  });
});

describe('bad REFs change nothing', () => {
  const setups: { state: string; setup: string[] }[] = [
    { state: 'no progress file yet', setup: [] },
    { state: 'an existing progress file', setup: ['2.3'] },
  ];

  it.each(setups)('done nonsense, with $state: exit 2, one "did you mean" error line', async ({ setup }) => {
    if (setup.length > 0) expect((await roadmap('done', ...setup)).code).toBe(0);
    const file = configPath(dir());
    const before = snapshot(file);

    const result = await roadmap('done', 'nonsense');
    expectCleanError(result, 2);
    expect(result.stderr).toContain('nonsense');
    expect(result.stderr).toMatch(/did you mean/i);
    // It names at least one real candidate by its ID.
    expect(result.stderr).toMatch(/\b\d+(\.\d+)* "/);
    expectUnchanged(file, before);
  });

  it.each(setups)('done 1.1.1 nonsense, with $state: all or nothing, 1.1.1 is not marked', async ({ setup }) => {
    if (setup.length > 0) expect((await roadmap('done', ...setup)).code).toBe(0);
    const file = configPath(dir());
    const before = snapshot(file);

    const result = await roadmap('done', '1.1.1', 'nonsense');
    expectCleanError(result, 2);
    expect(result.stderr).toContain('nonsense');
    expectUnchanged(file, before);
    expect((await roadmap('next')).stdout).toMatch(/^1\.1\.1 /m);
  });

  it.each(['1.', '.1', '1,1', '1-1'])(
    'done %s (a mistyped ID) exits 2 with "no item", suggests IDs and saves nothing',
    async (ref) => {
      expect((await roadmap('done', '2.3')).code).toBe(0);
      const file = configPath(dir());
      const before = snapshot(file);
      const result = await roadmap('done', ref);
      expectCleanError(result, 2);
      expect(result.stderr).toContain(`no item ${ref}; did you mean 1`);
      expect(result.stderr).not.toContain('3.4.1');
      expectUnchanged(file, before);
    },
  );

  it('undone with one bad REF changes nothing either', async () => {
    expect((await roadmap('done', '1.1')).code).toBe(0);
    const file = configPath(dir());
    const before = snapshot(file);
    expectCleanError(await roadmap('undone', '1.1.2', 'nonsense'), 2);
    expectUnchanged(file, before);
  });

  it.each([
    { ref: 'python', candidates: ['1.1 "Python Basics"', '1.2 "Advanced Python"'] },
    { ref: 'advanced', candidates: ['1.2 "Advanced Python"', '9 "Advanced Topics"'] },
  ])('an ambiguous REF ($ref) exits 2, lists the candidates and changes nothing', async ({ ref, candidates }) => {
    const result = await roadmap('done', ref);
    expectCleanError(result, 2);
    for (const candidate of candidates) expect(result.stderr).toContain(candidate);
    expectUnchanged(configPath(dir()), null);
  });

  it('an ambiguous REF among good ones changes nothing in an existing file', async () => {
    expect((await roadmap('done', '2.3')).code).toBe(0);
    const file = configPath(dir());
    const before = snapshot(file);
    expectCleanError(await roadmap('done', '1.1.1', 'python'), 2);
    expectUnchanged(file, before);
  });
});

describe('roadmap undone', () => {
  it('undone 1.1.2 after done 1.1 goes back to 1/44 and records a change from done to todo', () => {
    // Spawned: the fast path in the built binary, once per fast command (the rest run in-process).
    expect(spawn(['done', '1.1']).code).toBe(0);
    const before = savedRoadmap(dir());
    expect(before.history).toHaveLength(2);

    const result = spawn(['undone', '1.1.2']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(markedIds(result.stdout)).toEqual(['1.1.2']);
    expect(result.stdout).toMatch(/^Marked not done: 1\.1\.2 /m);
    expect(result.stdout).toContain(progressText(1));

    const after = savedRoadmap(dir());
    expect(after.history).toHaveLength(3);
    expect(after.history.slice(0, 2)).toEqual(before.history);
    const last = after.history[2]!;
    expect(last).toMatchObject({ from: 'done', to: 'todo' });
    expect(isIsoTime(last.at)).toBe(true);
    // The entry is about 1.1.2: one of the two keys marked before, and now the only one not done.
    expect(before.history.map((c) => c.key)).toContain(last.key);
    expect(after.items[last.key]?.status).not.toBe('done');
    expect(Object.values(after.items).filter((i) => i.status === 'done')).toHaveLength(1);

    expect(spawn(['next']).stdout).toMatch(/^1\.1\.2 /m);
  });
});
