/** Storage that cannot be written: writes fail clearly, reads still work, nothing is half-written. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('a config folder that cannot be created', () => {
  // A path below a regular file: ENOTDIR for everyone, root included.
  const blocker = join(temp.dir, 'not-a-folder');
  const configDir = join(blocker, 'roadmap');
  beforeAll(() => writeFileSync(blocker, 'a file'));

  it.each([
    ['done', '1.1.1'],
    ['undone', '1.1.1'],
    ['done', 'p2'],
  ])('`roadmap %s %s` fails with one clear line and exit 1', async (...args) => {
    const result = await runIn(configDir, args, { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: cannot create the progress folder .*not-a-folder\/roadmap .*nothing was saved\n$/,
    );
    expect(result.stdout).toBe('');
  });

  it('`roadmap doctor` says why progress cannot be saved there', async () => {
    const result = await runIn(configDir, ['doctor'], { cwd: temp.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Progress cannot be saved in ${configDir}: ${blocker} is a file, not a folder.`);
  });

  it.each([['next'], ['list'], ['project']])('`roadmap %s` still works', async (...args) => {
    const result = await runIn(configDir, args, { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

/**
 * A read-only file system stops root too (a chmod does not). Mounting one needs
 * root and a kernel that lets this sandbox mount; elsewhere the case is skipped.
 */
function mountReadOnly(): string | undefined {
  const mountPoint = join(temp.dir, 'ro');
  mkdirSync(mountPoint);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return mountPoint;
}

const mountPoint = process.getuid?.() === 0 ? mountReadOnly() : undefined;
afterAll(() => {
  if (mountPoint) execFileSync('umount', [mountPoint]);
});

describe.skipIf(!mountPoint)('a config folder on a read-only file system', () => {
  it('write commands fail clearly; read commands work; the saved file is unchanged', async () => {
    expect((await runIn(mountPoint!, ['done', '1.1'])).code).toBe(0);
    execFileSync('mount', ['-o', 'remount,ro', mountPoint!]);
    const before = readFileSync(join(mountPoint!, 'config.json'));
    const write = await runIn(mountPoint!, ['done', '2.1']);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(
      /^error: cannot (lock|save progress to) .*config\.json.*read-only file system.*nothing was saved\n$/i,
    );
    const read = await runIn(mountPoint!, ['next']);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('2/44 topics');
    expect(readFileSync(join(mountPoint!, 'config.json'))).toEqual(before);
    expect(readdirSync(mountPoint!)).toEqual(['config.json']);
  });
});
