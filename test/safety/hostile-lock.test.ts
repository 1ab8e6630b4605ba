/**
 * Hostile or broken things where the lock and a save's temp files live: each
 * ends promptly with one sentence and a documented exit code, and doctor
 * diagnoses it instead of crashing or saying all is well.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binPath, childEnv, tempDir, type RunResult } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';
import { savedNotes } from './writers.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(async () => {
  temp = tempDir();
  expect((await runIn(temp.dir, ['note', '1.1.1', 'before'])).code).toBe(0);
});
afterEach(() => temp.cleanup());

const lockFile = (): string => join(temp.dir, 'config.json.lock');

/** Runs a command and logs how long it took (the figure the issue asks for; never asserted). */
async function timed(what: string, args: string[], dir = temp.dir): Promise<RunResult> {
  const started = performance.now();
  // HOME stays short even where the config folder's path is not.
  const result = await runIn(dir, args, { env: { HOME: join(temp.dir, 'home') } });
  console.info(
    `${what}: roadmap ${args.join(' ')} -> exit ${result.code} in ${Math.round(performance.now() - started)} ms`,
  );
  return result;
}

/** One line on stderr: a sentence, no stack trace. */
function oneSentence(stderr: string): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('the lock path is a dangling symbolic link', () => {
  it('a save refuses at once, doctor reports it, doctor --repair removes it', async () => {
    symlinkSync(join(temp.dir, 'nowhere'), lockFile());
    const save = await timed('dangling symlink lock', ['note', '1.1.1', 'after']);
    expect(save.code).toBe(1);
    oneSentence(save.stderr);
    expect(save.stderr).toContain(
      `the lock file ${lockFile()} is a symbolic link to ${join(temp.dir, 'nowhere')}, which does not exist`,
    );
    expect(save.stderr).toMatch(/nothing was saved\n$/);

    const doctor = await runIn(temp.dir, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('The lock file is a symbolic link');
    expect(doctor.stdout).toContain('Run "roadmap doctor --repair"');

    expect((await runIn(temp.dir, ['doctor', '--repair'])).code).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
    expect((await runIn(temp.dir, ['note', '1.1.1', 'after'])).code).toBe(0);
    expect(savedNotes(temp.dir)).toEqual(['before', 'after']);
  });
});

describe('a lock file with garbage content and a time in the future', () => {
  it('is stale at once: the save goes ahead with a warning, and doctor reports it first', async () => {
    writeFileSync(lockFile(), '\u0000\u0001garbage');
    const future = new Date(Date.now() + 365 * 24 * 3600_000);
    utimesSync(lockFile(), future, future);

    const doctor = await runIn(temp.dir, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/A stale lock .*config\.json\.lock: its time is \d+ s in the future\./);

    const save = await timed('garbage lock, future mtime', ['note', '1.1.1', 'after']);
    expect(save.code).toBe(0);
    expect(save.stderr).toMatch(
      /warning: removed a stale lock on the progress file \(its time is \d+ s in the future\)/,
    );
    expect(savedNotes(temp.dir)).toEqual(['before', 'after']);
    expect(existsSync(lockFile())).toBe(false);
  });
});

describe('a lock that cannot be created whole (the disk refuses the write)', () => {
  it('fails with one sentence and leaves no empty lock behind for the next command to wait on', async () => {
    // A file size limit of 0 makes every write fail, as a full disk does (SIGXFSZ ignored: the write returns EFBIG).
    const full = spawnSync(
      '/bin/sh',
      ['-c', `trap '' XFSZ; ulimit -f 0; exec "$0" "$@"`, process.execPath, binPath, 'note', '1.1.1', 'lost'],
      {
        env: childEnv({ ROADMAP_CONFIG_DIR: temp.dir, HOME: temp.dir }),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    console.info(`lock creation on a disk refusing writes: exit ${full.status}`);
    expect(full.status).toBe(1);
    oneSentence(full.stderr);
    expect(full.stderr).toMatch(/nothing was saved\n$/);
    expect(readdirSync(temp.dir).filter((name) => name.startsWith('config.json.'))).toEqual([]);

    const next = await timed('write after a failed lock creation', ['note', '1.1.1', 'after']);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain('stale lock');
    expect(savedNotes(temp.dir)).toEqual(['before', 'after']);
  });
});

describe('a folder where the lock or a temp file would be', () => {
  it("a folder in the lock's place: saves refuse at once, doctor diagnoses it and does not offer to remove it", async () => {
    mkdirSync(lockFile());
    const save = await timed('folder in place of the lock', ['note', '1.1.1', 'after']);
    expect(save.code).toBe(1);
    oneSentence(save.stderr);
    expect(save.stderr).toContain(`the lock file ${lockFile()} is a folder`);
    expect(save.stderr).toContain('remove it by hand');

    const doctor = await runIn(temp.dir, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('The lock file is a folder, not a lock roadmap made');
    expect(doctor.stdout).not.toContain('--repair');
    const repair = await runIn(temp.dir, ['doctor', '--repair']);
    expect(repair.stderr).toBe('');
    expect(repair.code).toBe(1);
    expect(existsSync(lockFile())).toBe(true);
  });

  it('a folder named like a temp file: doctor lists it apart, and --repair removes only real leftovers', async () => {
    mkdirSync(join(temp.dir, 'config.json.tmp-123'));
    writeFileSync(join(temp.dir, 'config.json.tmp-456'), '{"half": ');
    const doctor = await runIn(temp.dir, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('1 temporary file(s) left by interrupted saves.');
    expect(doctor.stdout).toContain(`${join(temp.dir, 'config.json.tmp-123')} (a folder)`);
    const repair = await timed('folder named like a temp file, doctor --repair', ['doctor', '--repair']);
    expect(repair.stderr).toBe('');
    expect(repair.stdout).toContain('repaired: removed them');
    expect(repair.code).toBe(1);
    expect(readdirSync(temp.dir).filter((name) => name.includes('.tmp-'))).toEqual(['config.json.tmp-123']);
  });
});

describe('names the system cannot handle', () => {
  it('a progress folder whose path leaves no room for the lock and temp names: doctor says so, a save fails in one sentence', async () => {
    // Nested folders up to a path the progress file still fits in, but its lock and temp files do not (PATH_MAX 4096).
    let dir = temp.dir;
    while (dir.length < 4_070 - 200) dir = join(dir, 'd'.repeat(200));
    dir = join(dir, 'e'.repeat(4_078 - dir.length - 1));
    mkdirSync(dir, { recursive: true });
    const doctor = await timed('folder path too long for the temp names, doctor', ['doctor'], dir);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('its path is too long for the temporary files a save needs');
    const save = await timed('folder path too long for the temp names, save', ['note', '1.1.1', 'x'], dir);
    expect(save.code).toBe(1);
    oneSentence(save.stderr);
    expect(save.stderr).toMatch(/ENAMETOOLONG.*nothing was saved\n$/);
  });

  it('a progress folder path that runs through a file (ENOTDIR): doctor diagnoses, a save fails in one sentence', async () => {
    const dir = join(temp.dir, 'config.json', 'roadmap');
    const doctor = await runIn(temp.dir, ['doctor'], { env: { ROADMAP_CONFIG_DIR: dir } });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('is a file, not a folder');
    const save = await runIn(temp.dir, ['note', '1.1.1', 'x'], { env: { ROADMAP_CONFIG_DIR: dir } });
    expect(save.code).toBe(1);
    oneSentence(save.stderr);
    expect(save.stderr).toMatch(/nothing was saved\n$/);
  });
});

describe('the progress file cannot be read at all', () => {
  it('a folder in its place: exit 3, and the message does not send the user to doctor --repair, which cannot help', async () => {
    const file = join(temp.dir, 'config.json');
    rmSync(file);
    mkdirSync(file);
    const save = await runIn(temp.dir, ['note', '1.1.1', 'x']);
    expect(save.code).toBe(3);
    oneSentence(save.stderr.replace(/\. It was left untouched/, '; it was left untouched'));
    expect(save.stderr).toContain(file);
    expect(save.stderr).not.toContain('--repair');
    const doctor = await runIn(temp.dir, ['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).not.toContain('--repair');
  });

  const root = process.getuid?.() === 0;
  it.skipIf(root)(
    'an unreadable lock (EACCES): a save refuses at once, doctor diagnoses it without suggesting --repair (skipped as root: root reads any file)',
    async () => {
      writeFileSync(lockFile(), '{}');
      chmodSync(lockFile(), 0o000);
      const save = await timed('unreadable lock', ['note', '1.1.1', 'x']);
      expect(save.code).toBe(1);
      expect(save.stderr).toMatch(/EACCES.*nothing was saved\n$/);
      const doctor = await runIn(temp.dir, ['doctor']);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toContain('cannot be read (EACCES');
      expect(doctor.stdout).not.toContain('--repair');
    },
  );
});
