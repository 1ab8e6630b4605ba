/**
 * The package as packed for npm: what the tarball holds, and that, unpacked with
 * only its runtime dependencies (the lock file's versions, from npm's cache) and
 * installed globally into a temporary prefix, its `roadmap` command runs from
 * another folder. (Users get the newest versions in range from the registry;
 * this test must not depend on the registry.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = tempDir('roadmap-pack-');
let files: string[] = [];
let bin = '';

beforeAll(() => {
  // --ignore-scripts: dist/ is already built by `npm test`; rebuilding here would race the other tests.
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work.dir], {
      cwd: repoRoot,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  // The dependencies come from the lock file and npm's cache (filled by `npm ci`), not
  // from whatever the registry serves today: a registry hiccup or a bad new release of a
  // dependency must not turn this test red. --omit=dev: a runtime dependency listed
  // only under devDependencies would be missing here, as it would be for users.
  execFileSync('tar', ['xzf', packed[0]!.filename], { cwd: work.dir });
  const unpacked = join(work.dir, 'package');
  copyFileSync(join(repoRoot, 'package-lock.json'), join(unpacked, 'package-lock.json'));
  const quiet = ['--offline', '--ignore-scripts', '--no-audit', '--no-fund'];
  execFileSync(npm, ['ci', '--omit=dev', ...quiet], { cwd: unpacked, encoding: 'utf8', stdio: 'pipe' });
  // A global install of the unpacked package links it and makes the `roadmap` command from its "bin".
  const prefix = join(work.dir, 'prefix');
  execFileSync(npm, ['install', '--global', '--prefix', prefix, ...quiet, unpacked], {
    cwd: work.dir,
    encoding: 'utf8',
    stdio: 'pipe',
  });
  bin = join(prefix, 'bin', 'roadmap');
}, 300_000);

afterAll(() => work.cleanup());

describe('the packed package', () => {
  it('holds what runs and nothing else', () => {
    expect(files).toContain('dist/cli/roadmap.cjs');
    expect(files).toContain('dist/roadmap.json');
    expect(files).toContain('data/roadmap.md');
    expect(files).toContain('data/estimates.json');
    expect(files).toContain('package.json');
    expect(files.filter((f) => /^(test|src|bin|dist\/src|dist\/bin)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
  });

  it('installs a `roadmap` command that runs `next` from another folder', () => {
    expect(existsSync(bin)).toBe(true);
    const elsewhere = tempDir('roadmap-elsewhere-');
    try {
      const configDir = join(elsewhere.dir, 'config');
      const result = spawnSync(bin, ['next'], {
        cwd: elsewhere.dir,
        env: { PATH: process.env.PATH, HOME: elsewhere.dir, ROADMAP_CONFIG_DIR: configDir },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('1.1.1  Syntax, data types, control structures, OOP concepts.');
      expect(result.stdout).toMatch(/0\/\d+ topics, 0%/);
      // Our estimates for the bundled roadmap (data/estimates.json) came along.
      const list = spawnSync(bin, ['list', '--depth', '1'], {
        cwd: elsewhere.dir,
        env: { PATH: process.env.PATH, HOME: elsewhere.dir, ROADMAP_CONFIG_DIR: configDir },
        encoding: 'utf8',
      });
      expect(list.stdout).toMatch(/^\[ \] Part 1: Fundamentals .* ~35h$/m);
      // Reading never creates the progress file.
      expect(existsSync(configDir) ? readdirSync(configDir) : []).toEqual([]);
    } finally {
      elsewhere.cleanup();
    }
  });
});
