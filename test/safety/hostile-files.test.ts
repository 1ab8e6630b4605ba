/**
 * Hostile files in place of the ones roadmap reads and writes: a named pipe or
 * a device where the progress file or the roadmap should be, huge files, a
 * truncated progress file, hostile import lines, odd export paths and
 * environment. Each ends promptly with one sentence and a documented exit code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { run, tempDir, type RunResult } from '../helpers/cli.js';
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
  it.each(places)('%s: reading and writing commands stop at once, and it is left in place', (_name, make, why) => {
    const { dir, file } = sandbox();
    make(file);
    for (const args of [['status'], ['next'], ['done', '1.1.1']]) {
      const result = run(dir, args);
      expectRefused(result, 3, why);
      expect(result.stderr).toContain(`the progress file ${file} is`);
    }
    const doctor = run(dir, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(why);
    expect(existsSync(file) || lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('a progress file larger than 256 MB is refused without being read', () => {
    const { dir, file } = sandbox();
    // Sparse: 300 MB on paper, nothing on disk.
    writeFileSync(file, '');
    truncateSync(file, 300 * 1024 * 1024);
    expectRefused(run(dir, ['status']), 3, /config\.json is larger than 256 MB/);
  });
});

describe('a roadmap that is not a regular file is refused with exit 4', () => {
  it.each([
    ['a named pipe with no writer', 'plan.md', /plan\.md: it is a named pipe \(FIFO\), not a regular file\n/],
    ['/dev/zero', '/dev/zero', /\/dev\/zero: it is a device, not a regular file\n/],
    ['/dev/urandom', '/dev/urandom', /\/dev\/urandom: it is a device, not a regular file\n/],
  ])('%s', (_name, path, why) => {
    const { dir } = sandbox();
    if (path === 'plan.md') mkfifo(join(dir, path));
    expectRefused(run(dir, ['--file', path, 'list']), 4, why);
    expectRefused(run(dir, ['list'], { env: { ROADMAP_FILE: path } }), 4, why);
  });

  it('a roadmap larger than 64 MB is refused without being read', () => {
    const { dir } = sandbox();
    const plan = join(dir, 'plan.md');
    writeFileSync(plan, '# Huge\n\n## Part\n\n- a topic\n');
    truncateSync(plan, 65 * 1024 * 1024);
    expectRefused(run(dir, ['--file', plan, 'next']), 4, /plan\.md: it is larger than 64 MB\n/);
  });
});

describe('markdown import reads hostile long lines in linear time', () => {
  /** A markdown export with its first topic's line replaced by `hostile(line)`. */
  function exportWith(dir: string, hostile: (line: string) => string): string {
    const exported = run(dir, ['export', '--format', 'md']);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('- [ ] 1.1.1 '));
    lines[first] = hostile(lines[first]!);
    const path = join(dir, 'hostile.md');
    writeFileSync(path, lines.join('\n'));
    return path;
  }

  it('an 80 KB run of spaces before the key comment: the line is read, its mark imported', () => {
    const { dir } = sandbox();
    const path = exportWith(dir, (line) =>
      line.replace('- [ ]', '- [x]').replace(' <!-- key:', `${' '.repeat(80_000)}<!-- key:`),
    );
    const result = run(dir, ['import', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1\.1\.1 .*done/);
    const status = JSON.parse(run(dir, ['status', '--json']).stdout) as { progress: { done: number } };
    expect(status.progress.done).toBe(1);
  });

  // Quadratic matching took 9 s for 80 KB, so about 20 minutes for this one; the run's generous timeout is 60 s.
  it.each([
    ['1 MB of spaces and no key', () => `- [x] 1.1.1 ${' '.repeat(1_000_000)}x`],
    [
      '1 MB of tabs before an unclosed key comment',
      (line: string) => `${line.slice(0, 12)}${'\t'.repeat(1_000_000)}<!-- key:`,
    ],
  ])('%s: the line is left out, the rest imported', (_name, hostile) => {
    const { dir } = sandbox();
    const path = exportWith(dir, hostile);
    const result = run(dir, ['import', path]);
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
  ])('cut %s: keeps every status, note and review that was whole before the cut', (_where, fraction) => {
    const { dir, file } = sandbox();
    const original = bigProgress();
    const whole = JSON.stringify(original, undefined, '\t');
    const cut = Math.floor(whole.length * fraction);
    writeFileSync(file, whole.slice(0, cut));
    const expected = wholeBefore(whole, cut, original);
    expect(expected.notes).toBeGreaterThan(9_000);

    const repaired = run(dir, ['doctor', '--repair']);
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
