/**
 * conf as the build bundles it (dist/cli/conf.cjs, beside atomically) must behave as conf does: no
 * write until asked. A save constructs it before taking the lock, so constructing must never write.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';

type ConfClass = new (options: Record<string, unknown>) => { store: Record<string, unknown> };
const { Conf } = createRequire(import.meta.url)(join(repoRoot, 'dist/cli/conf.cjs')) as { Conf: ConfClass };
const temp = tempDir();
afterAll(() => temp.cleanup());
const options = (cwd: string) => ({ projectName: 'roadmap', projectSuffix: '', cwd, configName: 'config' });

it('writes nothing when it is only constructed (an early "{}" would be a file every command refuses)', () => {
  const cwd = join(temp.dir, 'empty');
  new Conf(options(cwd));
  expect(existsSync(join(cwd, 'config.json'))).toBe(false);
});

it('writes the store it is given, once', () => {
  const cwd = join(temp.dir, 'saved');
  new Conf(options(cwd)).store = { schemaVersion: 1, roadmaps: {} };
  expect(JSON.parse(readFileSync(join(cwd, 'config.json'), 'utf8'))).toEqual({ schemaVersion: 1, roadmaps: {} });
});
