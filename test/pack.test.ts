/**
 * The package as npm users get it: packed, installed into a temporary prefix,
 * and run from another folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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
  const prefix = join(work.dir, 'prefix');
  execFileSync(
    npm,
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      join(work.dir, packed[0]!.filename),
    ],
    { cwd: work.dir, encoding: 'utf8', stdio: 'pipe' },
  );
  bin = join(prefix, 'bin', 'roadmap');
}, 300_000);

afterAll(() => work.cleanup());

describe('the packed package', () => {
  it('holds what runs and nothing else', () => {
    expect(files).toContain('dist/cli/roadmap.cjs');
    expect(files).toContain('dist/roadmap.json');
    expect(files).toContain('data/roadmap.md');
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
      // Reading never creates the progress file.
      expect(existsSync(configDir) ? readdirSync(configDir) : []).toEqual([]);
    } finally {
      elsewhere.cleanup();
    }
  });
});
