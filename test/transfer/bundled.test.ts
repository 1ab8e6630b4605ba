/**
 * `roadmap export` and `roadmap import` on the bundled roadmap, run as the built
 * binary: round trips into an empty config folder, importing twice, and files
 * that must be refused without touching the progress file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';
import {
  configPath,
  expectCleanError,
  expectUnchanged,
  readConfig,
  snapshot,
  useConfigDir,
  type SavedConfig,
} from '../helpers/bundled-roadmap.js';

const { dir, runWith, spawn } = useConfigDir();

const at = (iso: string) => ({ env: { ROADMAP_NOW: iso } });
const T1 = '2026-11-01T09:00:00.000Z';
const T2 = '2026-11-10T09:00:00.000Z';
const T3 = '2026-11-20T09:00:00.000Z';
const NOW = '2026-11-27T09:00:00.000Z';

interface Progress {
  items: Record<string, { status: string; at: string }>;
  history: { key: string; from: string; to: string; at: string }[];
  notes: Record<string, { at: string; text: string }[]>;
  reviews: Record<string, string[]>;
  source?: string;
}

/**
 * Progress of every kind, made with the CLI at fixed times, then notes, reviews
 * and a record for an item the roadmap no longer has, written into the file
 * (the commands that write notes and reviews live elsewhere).
 */
async function richProgress(): Promise<Progress> {
  const ok = async (args: string[], when: string) => expect((await runWith(args, at(when))).code).toBe(0);
  await ok(['done', '1.1', '2.3', 'p1'], T1);
  await ok(['undone', '1.1.2'], T2);
  await ok(['done', '3.1.1'], T3);
  const config = readConfig(dir()) as unknown as { roadmaps: { bundled: Progress } };
  const bundled = config.roadmaps.bundled;
  const [first, , dependency] = Object.keys(bundled.items);
  bundled.items['gone/an-old-topic'] = { status: 'doing', at: T2 };
  bundled.notes = {
    [first!]: [
      { at: T1, text: 'Did the exercises.' },
      { at: T2, text: 'Two lines:\nthe second one.' },
    ],
    fundamentals: [{ at: T3, text: 'A note on a whole part.' }],
    'gone/an-old-topic': [{ at: T2, text: 'kept though the topic is gone' }],
  };
  bundled.reviews = { [first!]: [T2, T3], [dependency!]: [T3] };
  writeFileSync(configPath(dir()), JSON.stringify(config));
  return bundled;
}

/** Imports into a fresh config folder and returns its saved progress for the bundled roadmap. */
async function importFresh(file: string, text: string): Promise<{ progress: Progress; out: string; folder: string }> {
  const fresh = tempDir();
  try {
    writeFileSync(join(fresh.dir, file), text);
    const result = await runIn(fresh.dir, ['import', file], at(NOW));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const config = JSON.parse(readFileSync(configPath(fresh.dir), 'utf8')) as SavedConfig;
    return { progress: config.roadmaps.bundled as unknown as Progress, out: result.stdout, folder: fresh.dir };
  } finally {
    fresh.cleanup();
  }
}

const statusOf = (p: Progress, key: string): string => p.items[key]?.status ?? 'todo';

describe('export --format json, then import into an empty config folder', () => {
  it('gives identical progress: statuses with their times, history, notes and reviews', async () => {
    const before = await richProgress();
    const exported = await runWith(['export'], at(NOW));
    expect(exported.code).toBe(0);
    const { progress, out } = await importFresh('backup.json', exported.stdout);
    expect(progress.items).toEqual(before.items);
    expect(progress.history).toEqual(before.history);
    expect(progress.notes).toEqual(before.notes);
    expect(progress.reviews).toEqual(before.reviews);
    expect(out).toMatch(
      /^Imported backup\.json \(JSON backup of "Backend Development Roadmap: FastAPI", exported 2026-11-27\)\.$/m,
    );
    expect(out).toMatch(/^Changed: 1\.1\.1 Syntax, data types, control structures, OOP concepts\. {2}to do → done$/m);
    expect(out).toMatch(/^Changed: gone\/an-old-topic \(not in this roadmap; kept\) {2}to do → started$/m);
    expect(out).toContain('Added: 1 record with a newer time, 6 history entries, 4 notes, 3 reviews.');
    expect(out).toContain('Progress: 3/44 topics, 6%');
  });
});

describe('export --format md, then import into an empty config folder', () => {
  it('gives the same status for every key, and identical notes', async () => {
    const before = await richProgress();
    const exported = await runWith(['export', '--format', 'md'], at(NOW));
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('- [x] 1.1.1 Syntax, data types, control structures, OOP concepts. <!-- key: ');
    expect(exported.stdout).toContain('  > 2026-11-01T09:00:00.000Z: Did the exercises.\n');
    const { progress } = await importFresh('progress.md', exported.stdout);
    const keys = new Set([...Object.keys(before.items), ...Object.keys(progress.items)]);
    for (const key of keys) expect(statusOf(progress, key), key).toBe(statusOf(before, key));
    expect(progress.notes).toEqual(before.notes);
    // Markdown carries no status times: the changes are dated at the import.
    expect(new Set(progress.history.map((h) => h.at))).toEqual(new Set([NOW]));
  });
});

describe('importing the same file twice', () => {
  it.each([
    ['json', 'backup.json'],
    ['md', 'progress.md'],
  ])('%s: the second time says nothing changed and leaves the file byte for byte', async (format, file) => {
    await richProgress();
    const exported = (await runWith(['export', '--format', format], at(NOW))).stdout;
    const other = tempDir();
    try {
      writeFileSync(join(other.dir, file), exported);
      expect((await runIn(other.dir, ['done', '4.1'], at(T1))).code).toBe(0);
      const first = await runIn(other.dir, ['import', file], at(NOW));
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Changed: 1.1.1');
      const before = snapshot(configPath(other.dir));
      const second = await runIn(other.dir, ['import', file], at('2026-11-28T09:00:00.000Z'));
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('Nothing changed: everything in it is already in your progress.');
      expect(second.stdout).not.toContain('Changed:');
      expectUnchanged(configPath(other.dir), before);
    } finally {
      other.cleanup();
    }
  });

  it('an import keeps what only this folder has (merge, not replace)', async () => {
    writeFileSync(join(dir(), 'empty.json'), (await runWith(['export'], at(T1))).stdout);
    await runWith(['done', '2.1'], at(T2));
    const result = await runWith(['import', 'empty.json'], at(NOW));
    expect(result.stdout).toContain('Nothing changed');
    expect((await runWith(['status'], at(NOW))).stdout).toMatch(/^2\/44 topics/);
  });

  it('the later status wins: an old backup does not undo newer progress', async () => {
    await runWith(['done', '1.1.1'], at(T1));
    writeFileSync(join(dir(), 'old.json'), (await runWith(['export'], at(T1))).stdout);
    await runWith(['undone', '1.1.1'], at(T2));
    await runWith(['import', 'old.json'], at(NOW));
    expect((await runWith(['list', '1.1'], at(NOW))).stdout).toMatch(/\[ \] 1\.1\.1 /);
  });
});

describe('markdown edited by hand', () => {
  it('a changed mark is recorded at the time of the import; a new note without a time is added once', async () => {
    const md = (await runWith(['export', '--format', 'md'], at(T1))).stdout
      .replace(/^- \[ \] (1\.2\.1 .*)$/m, '- [x] $1\n  > went well')
      .replace(/^- \[ \] (1\.2\.2 .*)$/m, '- [~] $1');
    writeFileSync(join(dir(), 'edited.md'), md);
    const result = await runWith(['import', 'edited.md'], at(NOW));
    expect(result.stdout).toMatch(/^Changed: 1\.2\.1 .* {2}to do → done$/m);
    expect(result.stdout).toMatch(/^Changed: 1\.2\.2 .* {2}to do → started$/m);
    expect(result.stdout).toContain('Added: 2 history entries, 1 note.');
    const saved = readConfig(dir()).roadmaps.bundled as unknown as Progress;
    expect(Object.values(saved.items).map((r) => r.at)).toEqual([NOW, NOW]);
    expect(Object.values(saved.notes)).toEqual([[{ at: NOW, text: 'went well' }]]);
    const again = await runWith(['import', 'edited.md'], at('2026-11-28T09:00:00.000Z'));
    expect(again.stdout).toContain('Nothing changed');
  });

  it('an old checklist does not undo newer progress: the newer status is kept, and said so', async () => {
    await runWith(['done', '1.2.1'], at(T1));
    const md = (await runWith(['export', '--format', 'md'], at(T1))).stdout.replace(
      /^- \[ \] (1\.3\.1 .*)$/m,
      '- [x] $1',
    );
    writeFileSync(join(dir(), 'old.md'), md);
    await runWith(['done', '1.1'], at(T2));
    await runWith(['start', '2.1.1'], at(T2));
    await runWith(['undone', '1.2.1'], at(T2));
    const result = await runWith(['import', 'old.md'], at(NOW));
    expect(result.code).toBe(0);
    // Ticked by hand in the file, and untouched here since: applied.
    expect(result.stdout).toMatch(/^Changed: 1\.3\.1 .* {2}to do → done$/m);
    for (const id of ['1.1.1', '1.1.2', '2.1.1', '1.2.1']) {
      expect(result.stdout).toMatch(new RegExp(`^Kept yours: ${id.replace(/\./g, '\\.')} `, 'm'));
    }
    const list = (await runWith(['list', '--plain'], at(NOW))).stdout;
    expect(list).toMatch(/^1\.1\.1\tdone\t/m);
    expect(list).toMatch(/^2\.1\.1\tdoing\t/m);
    expect(list).toMatch(/^1\.2\.1\ttodo\t/m);
    expect(list).toMatch(/^1\.3\.1\tdone\t/m);
  });

  it('--dry-run says what would change and saves nothing', async () => {
    await runWith(['done', '1.1'], at(T1));
    const md = (await runWith(['export', '--format', 'md'], at(T1))).stdout.replace(
      /^- \[x\] (1\.1\.1 .*)$/m,
      '- [-] $1',
    );
    writeFileSync(join(dir(), 'edited.md'), md);
    const before = snapshot(configPath(dir()));
    const result = await runWith(['import', 'edited.md', '--dry-run'], at(NOW));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Would import edited\.md/);
    expect(result.stdout).toMatch(/^Would change: 1\.1\.1 .* {2}done → skipped$/m);
    expect(result.stdout).toContain('Dry run: nothing was saved.');
    expectUnchanged(configPath(dir()), before);
  });
});

describe('files that cannot be imported change nothing', () => {
  const backup = async (): Promise<Record<string, unknown>> =>
    JSON.parse((await runWith(['export'], at(T1))).stdout) as Record<string, unknown>;
  const cases: [string, () => string | Buffer | Promise<string>, RegExp][] = [
    ['plain text', () => 'hello\n', /is neither a JSON nor a markdown export of roadmap progress/],
    ['an empty file', () => '', /is empty/],
    ['binary data', () => Buffer.from([0xff, 0xfe, 0x00, 0x81]), /is not UTF-8 text/],
    ['truncated JSON', async () => (await runWith(['export'], at(T1))).stdout.slice(0, 120), /is not valid JSON/],
    [
      'a JSON document of another kind',
      () => JSON.stringify({ schemaVersion: 2, roadmaps: {} }),
      /not a roadmap progress export/,
    ],
    ['the progress file itself', () => readFileSync(configPath(dir()), 'utf8'), /not a roadmap progress export/],
    ['a JSON array', () => '[1, 2]', /does not hold a JSON object/],
    [
      'a newer export version',
      async () => JSON.stringify({ ...(await backup()), schemaVersion: 2 }),
      /newer roadmap \(export format 2; this one reads 1\)/,
    ],
    [
      'a malformed record',
      async () =>
        JSON.stringify({
          ...(await backup()),
          progress: { items: { a: { status: 'finished', at: T1 } }, history: [] },
        }),
      /malformed record for "a"/,
    ],
    [
      "another roadmap's backup",
      async () => JSON.stringify({ ...(await backup()), roadmap: { id: 'title:other-plan', title: 'Other Plan' } }),
      /holds progress for "Other Plan", not for "Backend Development Roadmap: FastAPI".*--force/,
    ],
    [
      'a time far beyond any calendar a date can hold',
      async () =>
        JSON.stringify({
          ...(await backup()),
          progress: { items: { a: { status: 'done', at: '+275760-09-12T00:00:00.000Z' } }, history: [] },
        }),
      /malformed record for "a"/,
    ],
    [
      'a time that is not ISO 8601',
      async () =>
        JSON.stringify({
          ...(await backup()),
          progress: { items: {}, history: [{ key: 'a', from: 'todo', to: 'done', at: 'December 17, 2030' }] },
        }),
      /malformed history entry/,
    ],
    ['an HTML export', async () => (await runWith(['export', '--format', 'html'], at(T1))).stdout, /is a picture/],
    [
      'a checklist dated in the future',
      async () => (await runWith(['export', '--format', 'md'], at('2099-01-01T00:00:00.000Z'))).stdout,
      /says it was exported at 2099-01-01T00:00:00\.000Z, which is later than now/,
    ],
    ['markdown that is not an export', () => '# Notes\n\n- [x] 1.1.1 Syntax\n', /neither a JSON nor a markdown export/],
  ];

  it.each(cases)(
    '%s: one clear error line, exit 5, the progress file byte for byte',
    async (_name, content, message) => {
      await runWith(['done', '1.1', '9.2'], at(T1));
      writeFileSync(join(dir(), 'bad-file'), await content());
      const before = snapshot(configPath(dir()));
      const result = await runWith(['import', 'bad-file'], at(NOW));
      expectCleanError(result, 5);
      expect(result.stderr).toMatch(/^error: cannot import bad-file: it /);
      expect(result.stderr).toMatch(message);
      expectUnchanged(configPath(dir()), before);
    },
  );

  it.each([
    ['a device that never ends (/dev/zero)', ['import', '/dev/zero'], undefined],
    ['stdin larger than the limit', ['import', '-'], Buffer.alloc(65 * 1024 * 1024, 0x20)],
  ] as const)('%s: refused once past 64 MB, exit 5, nothing saved', async (_name, args, input) => {
    await runWith(['done', '1.1'], at(T1));
    const before = snapshot(configPath(dir()));
    // stdin is the process's own: that case needs the built binary as a child.
    const result = input ? spawn(args, { ...at(NOW), input }) : await runWith(args, at(NOW));
    expectCleanError(result, 5);
    expect(result.stderr).toMatch(/is larger than 64 MB/);
    if (input) expect(result.stderr).toMatch(/^error: cannot import standard input: /);
    expectUnchanged(configPath(dir()), before);
  });

  it('a missing file: exit 5, and nothing is created', async () => {
    const result = await runWith(['import', 'nowhere.json'], at(NOW));
    expectCleanError(result, 5);
    expect(result.stderr).toContain('cannot import nowhere.json: there is no such file');
    expect(snapshot(configPath(dir()))).toBeNull();
  });

  it("--force merges another roadmap's backup by key", async () => {
    await runWith(['done', '1.1.1'], at(T1));
    const doc = { ...(await backup()), roadmap: { id: 'title:renamed', title: 'Renamed' } };
    const other = tempDir();
    try {
      writeFileSync(join(other.dir, 'b.json'), JSON.stringify(doc));
      expect((await runIn(other.dir, ['import', 'b.json'], at(NOW))).code).toBe(5);
      const forced = await runIn(other.dir, ['import', 'b.json', '--force'], at(NOW));
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain('Changed: 1.1.1');
    } finally {
      other.cleanup();
    }
  });
});

describe('export options', () => {
  it('-o writes the file, takes the format from its extension, and will not replace a file without --force', async () => {
    await runWith(['done', '1.1'], at(T1));
    const written = await runWith(['export', '-o', 'progress.md'], at(T1));
    expect(written).toMatchObject({ code: 0, stdout: 'Exported your progress (md) to progress.md.\n' });
    const file = join(dir(), 'progress.md');
    expect(readFileSync(file, 'utf8')).toBe((await runWith(['export', '--format', 'md'], at(T1))).stdout);
    const refused = await runWith(['export', '-o', 'progress.md'], at(NOW));
    expectCleanError(refused, 1);
    expect(refused.stderr).toContain('already exists; add --force');
    expect(readFileSync(file, 'utf8')).toContain('2026-11-01');
    expect((await runWith(['export', '-o', 'progress.md', '--force'], at(NOW))).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('"exportedAt":"2026-11-27');
    expect((await runWith(['export', '-o', 'page.html'], at(NOW))).stdout).toContain('(html)');
    expect(readFileSync(join(dir(), 'page.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('never writes over the progress file or the files beside it, even with --force', async () => {
    await runWith(['done', '1.1'], at(T1));
    const before = snapshot(configPath(dir()));
    for (const name of ['config.json', 'config.json.lock', 'config.json.corrupt-2026-11-01T00-00-00-000Z']) {
      const result = await runWith(['export', '-o', join(dir(), name), '--force'], at(NOW));
      expectCleanError(result, 2);
      expect(result.stderr).toContain("is roadmap's own progress file");
    }
    expectUnchanged(configPath(dir()), before);
  });

  it('--json is the JSON backup on one line; with another format it is a usage error', async () => {
    await runWith(['done', '1.1'], at(T1));
    const result = await runWith(['export', '--json'], at(NOW));
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'roadmap-progress', exportedAt: NOW });
    for (const args of [
      ['--format', 'md'],
      ['--format', 'svg'],
      ['-o', 'progress.md'],
    ]) {
      const refused = await runWith(['export', '--json', ...args], at(NOW));
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(JSON.parse(refused.stderr)).toMatchObject({ error: { exitCode: 2 } });
    }
  });

  it('an unknown --format is a usage error', async () => {
    const result = await runWith(['export', '--format', 'pdf'], at(NOW));
    expectCleanError(result, 2);
    expect(result.stderr).toContain('--format takes json, md, html, svg, badge, not "pdf"');
  });

  it('import - reads the export from stdin', async () => {
    await runWith(['done', '1.1'], at(T1));
    const text = (await runWith(['export'], at(T1))).stdout;
    const other = tempDir();
    try {
      const result = run(other.dir, ['import', '-'], { ...at(NOW), input: text });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Imported standard input \(JSON backup/);
      expect(run(other.dir, ['status'], at(NOW)).stdout).toMatch(/^2\/44/);
    } finally {
      other.cleanup();
    }
  });

  it('svg is the picture alone, html a page around the same picture', async () => {
    await runWith(['done', '1.1'], at(T1));
    const svg = (await runWith(['export', '--format', 'svg'], at(NOW))).stdout;
    const html = (await runWith(['export', '--format', 'html'], at(NOW))).stdout;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(html).toContain(svg.trimEnd());
    expect(html).not.toMatch(/<script/i);
  });
});
