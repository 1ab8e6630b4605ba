/**
 * Hostile files in place of the ones roadmap reads and writes: a named pipe or
 * a device where the progress file or the roadmap should be, huge files, a
 * truncated progress file, hostile import lines, odd export paths and
 * environment. Each ends promptly with one sentence and a documented exit code.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { run, tempDir, type RunResult } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';
import type { SavedConfig } from '../helpers/saved-config.js';

/** A fresh config folder for the running test (removed after it), and the progress file's path in it. */
function sandbox(): { dir: string; file: string } {
  const temp = tempDir();
  onTestFinished(temp.cleanup);
  return { dir: temp.dir, file: join(temp.dir, 'config.json') };
}

const mkfifo = (path: string): void => {
  execFileSync('mkfifo', [path]);
};

/** One line on stderr, starting with "error:", matching `why`, with the exit code given; nothing on stdout. */
function expectRefused(result: RunResult, code: number, why: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(/^error: [^\n]*\n$/);
  expect(result.stderr).toMatch(why);
  expect(result.stdout).toBe('');
}

describe('a progress file that is not a regular file is refused with exit 3', () => {
  const places: [string, (path: string) => void, RegExp][] = [
    ['a named pipe with no writer', mkfifo, /is a named pipe \(FIFO\), not a regular file/],
    ['a link to /dev/zero', (path) => symlinkSync('/dev/zero', path), /is a device, not a regular file/],
    ['a link to /dev/urandom', (path) => symlinkSync('/dev/urandom', path), /is a device, not a regular file/],
  ];
  it.each(places)(
    '%s: reading and writing commands stop at once, and it is left in place',
    async (_name, make, why) => {
      const { dir, file } = sandbox();
      make(file);
      for (const args of [['status'], ['next'], ['done', '1.1.1']]) {
        const result = await runIn(dir, args);
        expectRefused(result, 3, why);
        expect(result.stderr).toContain(`the progress file ${file} is`);
      }
      const doctor = await runIn(dir, ['doctor']);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(why);
      expect(existsSync(file) || lstatSync(file).isSymbolicLink()).toBe(true);
    },
  );

  it('a progress file larger than 256 MB is refused without being read', async () => {
    const { dir, file } = sandbox();
    // Sparse: 300 MB on paper, nothing on disk.
    writeFileSync(file, '');
    truncateSync(file, 300 * 1024 * 1024);
    expectRefused(await runIn(dir, ['status']), 3, /config\.json is larger than 256 MB/);
  });
});

describe('a roadmap that is not a regular file is refused with exit 4', () => {
  it.each([
    ['a named pipe with no writer', 'plan.md', /plan\.md: it is a named pipe \(FIFO\), not a regular file\n/],
    ['/dev/zero', '/dev/zero', /\/dev\/zero: it is a device, not a regular file\n/],
    ['/dev/urandom', '/dev/urandom', /\/dev\/urandom: it is a device, not a regular file\n/],
  ])('%s', async (_name, path, why) => {
    const { dir } = sandbox();
    if (path === 'plan.md') mkfifo(join(dir, path));
    expectRefused(await runIn(dir, ['--file', path, 'list']), 4, why);
    expectRefused(await runIn(dir, ['list'], { env: { ROADMAP_FILE: path } }), 4, why);
  });

  it('a roadmap larger than 64 MB is refused without being read', async () => {
    const { dir } = sandbox();
    const plan = join(dir, 'plan.md');
    writeFileSync(plan, '# Huge\n\n## Part\n\n- a topic\n');
    truncateSync(plan, 65 * 1024 * 1024);
    expectRefused(await runIn(dir, ['--file', plan, 'next']), 4, /plan\.md: it is larger than 64 MB\n/);
  });
});

describe('markdown import reads hostile long lines in linear time', () => {
  /** A markdown export with its first topic's line replaced by `hostile(line)`. */
  async function exportWith(dir: string, hostile: (line: string) => string): Promise<string> {
    const exported = await runIn(dir, ['export', '--format', 'md']);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('- [ ] 1.1.1 '));
    lines[first] = hostile(lines[first]!);
    const path = join(dir, 'hostile.md');
    writeFileSync(path, lines.join('\n'));
    return path;
  }

  it('an 80 KB run of spaces before the key comment: the line is read, its mark imported', async () => {
    const { dir } = sandbox();
    const path = await exportWith(dir, (line) =>
      line.replace('- [ ]', '- [x]').replace(' <!-- key:', `${' '.repeat(80_000)}<!-- key:`),
    );
    const result = await runIn(dir, ['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1\.1\.1 .*done/);
    const status = JSON.parse((await runIn(dir, ['status', '--json'])).stdout) as { progress: { done: number } };
    expect(status.progress.done).toBe(1);
  });

  // Quadratic matching took 9 s for 80 KB, so about 20 minutes for this one; the run's generous timeout is 60 s.
  it.each([
    ['1 MB of spaces and no key', () => `- [x] 1.1.1 ${' '.repeat(1_000_000)}x`],
    [
      '1 MB of tabs before an unclosed key comment',
      (line: string) => `${line.slice(0, 12)}${'\t'.repeat(1_000_000)}<!-- key:`,
    ],
  ])('%s: the line is left out, the rest imported', async (_name, hostile) => {
    const { dir } = sandbox();
    const path = await exportWith(dir, hostile);
    const result = await runIn(dir, ['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Left out: 1 line naming no item of this roadmap \(line \d+\)/);
  });
});

describe('doctor --repair on a progress file cut short', () => {
  /** 20,000 notes and 2,000 reviews on 200 keys, the statuses first, written as conf writes it (tabs). */
  function bigProgress(): SavedConfig {
    const at = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const keys = Array.from({ length: 200 }, (_, k) => `part-${k}/section/topic-${k}`);
    return {
      schemaVersion: 2,
      settings: {},
      roadmaps: {
        bundled: {
          items: Object.fromEntries(keys.map((key, k) => [key, { status: 'done', at: at(k) }])),
          history: keys.map((key, k) => ({ key, from: 'todo', to: 'done', at: at(k) })),
          notes: Object.fromEntries(
            keys.map((key, k) => [
              key,
              Array.from({ length: 100 }, (_, n) => ({
                at: at(k * 100 + n),
                text: `note ${k * 100 + n} "quoted" \\ ok`,
              })),
            ]),
          ),
          reviews: Object.fromEntries(
            keys.map((key, k) => [key, Array.from({ length: 10 }, (_, r) => at(k * 10 + r))]),
          ),
        },
      },
    };
  }

  /**
   * How many notes and reviews are whole before `cut` in `text`: a note whose
   * closing brace is before it, a review followed by its comma or bracket.
   * Found in file order, each search starting where the last one ended.
   */
  function wholeBefore(text: string, cut: number, saved: SavedConfig): { notes: number; reviews: number } {
    const bundled = saved.roadmaps.bundled!;
    let at = text.indexOf('"notes"');
    let notes = 0;
    for (const note of Object.values(bundled.notes!).flat()) {
      at = text.indexOf('}', text.indexOf(JSON.stringify(note.text), at));
      if (at < cut) notes++;
    }
    at = text.indexOf('"reviews"');
    let reviews = 0;
    for (const review of Object.values(bundled.reviews!).flat()) {
      at = text.indexOf(JSON.stringify(review), at) + JSON.stringify(review).length;
      while (/\s/.test(text[at]!)) at++;
      if (at < cut) reviews++;
    }
    return { notes, reviews };
  }

  it.each([
    ['in the middle of the notes', 0.5],
    ['in the middle of the reviews', 0.97],
  ])('cut %s: keeps every status, note and review that was whole before the cut', async (_where, fraction) => {
    const { dir, file } = sandbox();
    const original = bigProgress();
    const whole = JSON.stringify(original, undefined, '\t');
    const cut = Math.floor(whole.length * fraction);
    writeFileSync(file, whole.slice(0, cut));
    const expected = wholeBefore(whole, cut, original);
    expect(expected.notes).toBeGreaterThan(9_000);

    const repaired = await runIn(dir, ['doctor', '--repair']);
    expect(repaired.code).toBe(0);
    const bundled = (JSON.parse(readFileSync(file, 'utf8')) as SavedConfig).roadmaps.bundled!;
    expect(bundled.items).toEqual(original.roadmaps.bundled!.items);
    expect(bundled.history).toEqual(original.roadmaps.bundled!.history);
    // Exactly the whole ones, each under its own key (none cut short, none moved).
    const originalNotes = original.roadmaps.bundled!.notes!;
    const keptNotes = Object.entries(bundled.notes!).flatMap(([key, list]) => list.map((note) => ({ key, note })));
    expect(keptNotes).toHaveLength(expected.notes);
    for (const { key, note } of keptNotes) expect(originalNotes[key]).toContainEqual(note);
    const originalReviews = original.roadmaps.bundled!.reviews!;
    const keptReviews = Object.entries(bundled.reviews!).flatMap(([key, list]) => list.map((time) => ({ key, time })));
    expect(keptReviews).toHaveLength(expected.reviews);
    for (const { key, time } of keptReviews) expect(originalReviews[key]).toContain(time);
    // The damaged file is kept beside it.
    expect(readdirSync(dir).filter((name) => name.startsWith('config.json.corrupt-'))).toHaveLength(1);
  });
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('export -o: what it says and the file it writes', () => {
  it('never echoes control characters from the path, in success or in failure', async () => {
    const { dir } = sandbox();
    const name = 'x\u001b]0;pwned\u0007y\u001b[2J.md';
    const written = await runIn(dir, ['export', '-o', name]);
    expect(written.code).toBe(0);
    expect(written.stdout).not.toMatch(CONTROL);
    // The user still sees which characters the name holds.
    expect(written.stdout).toBe('Exported your progress (md) to x\\x1b]0;pwned\\x07y\\x1b[2J.md.\n');
    expect(readFileSync(join(dir, name), 'utf8')).toMatch(/^<!-- roadmap-progress /);
    for (const args of [
      ['export', '-o', name],
      ['export', '-o', name, '--json'],
      ['export', '-o', `${name}/x.md`],
    ]) {
      const refused = await runIn(dir, args);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).not.toMatch(CONTROL);
    }
  });

  it.each(['json', 'md', 'html'])('writes a new %s file with mode 0600, like the progress file', async (format) => {
    const { dir } = sandbox();
    expect((await runIn(dir, ['export', '--format', format, '-o', `progress.${format}`])).code).toBe(0);
    expect(statSync(join(dir, `progress.${format}`)).mode & 0o777).toBe(0o600);
  });

  it('--force keeps the mode of the file it replaces', async () => {
    const { dir } = sandbox();
    const path = join(dir, 'shared.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    expect((await runIn(dir, ['export', '-o', 'shared.json', '--force'])).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readFileSync(path, 'utf8')).toMatch(/"kind": "roadmap-progress"/);
  });

  it('a name longer than file systems take is a usage error; one of 250 characters is written', async () => {
    const { dir } = sandbox();
    expect((await runIn(dir, ['done', '1.1.1'])).code).toBe(0);
    const before = readdirSync(dir).sort();
    expectRefused(await runIn(dir, ['export', '-o', `${'a'.repeat(300)}.json`]), 2, /file name .* 305 bytes long/);
    expectRefused(
      await runIn(dir, ['export', '-o', `${'a'.repeat(300)}/x.json`]),
      2,
      /longer than the file system takes/,
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    const long = `${'b'.repeat(245)}.json`;
    expect((await runIn(dir, ['export', '-o', long])).code).toBe(0);
    expect(readFileSync(join(dir, long), 'utf8')).toMatch(/"kind": "roadmap-progress"/);
  });
});

describe('usage errors, not unexpected failures', () => {
  it.each(['999999999d', '99999999999999999999w'])('report --since %s', async (since) => {
    const { dir } = sandbox();
    expectRefused(
      await runIn(dir, ['report', '--since', since]),
      2,
      new RegExp(`--since ${since} reaches back further than any date`),
    );
  });
});

describe('a JSON backup with times in the future is refused, as a markdown one is', () => {
  /** The parts of a JSON backup these tests change. */
  interface Backup {
    exportedAt: string;
    progress: { items: Record<string, { at: string }>; notes: Record<string, { at: string; text: string }[]> };
  }
  const future = '9999-01-01T00:00:00.000Z';

  it.each([
    ['its export time', (b: Backup) => void (b.exportedAt = future), /dates its export 9999/],
    [
      'a status',
      (b: Backup) => Object.values(b.progress.items).forEach((record) => (record.at = future)),
      /dates the status of fundamentals\/.* 9999/,
    ],
    [
      'a note',
      (b: Backup) => void (b.progress.notes['some/key'] = [{ at: future, text: 'from the future' }]),
      /dates a note on some\/key 9999/,
    ],
  ])('%s dated 9999: exit 5, nothing changed', async (_what, change, why) => {
    const { dir, file } = sandbox();
    expect((await runIn(dir, ['done', '1.1.1'])).code).toBe(0);
    const backup = JSON.parse((await runIn(dir, ['export'])).stdout) as Backup;
    change(backup);
    const path = join(dir, 'backup.json');
    writeFileSync(path, JSON.stringify(backup));
    expect((await runIn(dir, ['undone', '1.1.1'])).code).toBe(0);
    const saved = readFileSync(file);
    expectRefused(await runIn(dir, ['import', path]), 5, why);
    expect(readFileSync(file)).toEqual(saved);
  });
});

describe('a relative XDG_CONFIG_HOME or XDG_CACHE_HOME is ignored, as the XDG spec says', () => {
  // Spawned: src/io/paths.ts finds ~ with os.homedir(), which reads the process's own HOME, not the Io's.
  it('progress goes to ~/.config/roadmap and the parse cache to ~/.cache/roadmap', () => {
    const { dir } = sandbox();
    const home = join(dir, 'home');
    const work = join(dir, 'work');
    mkdirSync(home);
    mkdirSync(work);
    writeFileSync(join(work, 'plan.md'), '# Plan\n\n## Part\n\n- a topic\n');
    const env = {
      HOME: home,
      ROADMAP_CONFIG_DIR: undefined,
      ROADMAP_CACHE_DIR: undefined,
      XDG_CONFIG_HOME: 'relative-config',
      XDG_CACHE_HOME: 'relative-cache',
    };
    expect(run(dir, ['--file', 'plan.md', 'done', '1.1'], { env, cwd: work }).code).toBe(0);
    expect(readdirSync(work)).toEqual(['plan.md']);
    expect(existsSync(join(home, '.config', 'roadmap', 'config.json'))).toBe(true);
    expect(readdirSync(join(home, '.cache', 'roadmap')).length).toBeGreaterThan(0);
  });
});
