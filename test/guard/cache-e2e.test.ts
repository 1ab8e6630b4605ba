/** The parsed-roadmap cache seen from outside: a changed roadmap is never served stale; a corrupt cache is rebuilt. */
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

let temp: ReturnType<typeof tempDir>;
let cacheDir: string;
let plan: string;
const roadmap = (...args: string[]) =>
  run(temp.dir, ['--file', plan, ...args], { env: { ROADMAP_CACHE_DIR: cacheDir } });

beforeEach(() => {
  temp = tempDir();
  cacheDir = join(temp.dir, 'cache');
  plan = join(temp.dir, 'plan.md');
  writeFileSync(plan, '# Plan\n## A\n- alpha\n- bravo\n');
});
afterEach(() => temp.cleanup());

it('caches a parsed roadmap, and never serves it once the file changed, even to the same size and time', () => {
  expect(roadmap('next').stdout).toContain('1.1  alpha');
  expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  const mtime = new Date('2026-01-01T00:00:00Z');
  utimesSync(plan, mtime, mtime);
  roadmap('next');
  // Same size, same modification time: only the change time tells.
  writeFileSync(plan, '# Plan\n## A\n- delta\n- bravo\n');
  utimesSync(plan, mtime, mtime);
  expect(roadmap('next').stdout).toContain('1.1  delta');
});

it('ignores a corrupt cache entry and writes a good one back', () => {
  roadmap('next');
  const [entry] = readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
  writeFileSync(join(cacheDir, entry!), '{"format": 2, "roadm');
  const result = roadmap('next');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('1.1  alpha');
  const header = readFileSync(join(cacheDir, entry!), 'utf8').split('\n')[0]!;
  expect(JSON.parse(header)).toMatchObject({ format: 9 });
});

it('works with a cache folder it cannot write', () => {
  writeFileSync(cacheDir, 'not a folder');
  const result = roadmap('next');
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('1.1  alpha');
});

it("rebuilds a corrupt V8 code cache of a bundle (conf's, used by the save that creates the file) and still saves", () => {
  // The bundled roadmap needs no parser, so conf.cjs is the only bundle cached here.
  const bundled = (...args: string[]) => run(temp.dir, args, { env: { ROADMAP_CACHE_DIR: cacheDir } });
  expect(bundled('done', '1.1.1').code).toBe(0);
  const v8 = join(cacheDir, 'v8');
  const [entry] = readdirSync(v8);
  writeFileSync(join(v8, entry!), 'not bytecode');
  // Only a save that creates the progress file loads conf.
  rmSync(join(temp.dir, 'config.json'));
  const result = bundled('done', '1.1.1');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Marked done: 1.1.1');
  expect(readFileSync(join(v8, entry!), 'utf8')).not.toBe('not bytecode');
});
