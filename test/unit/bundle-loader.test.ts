import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadBundle } from '../../src/io/bundle-loader.js';
import { tempDir } from '../helpers/cli.js';

let temp: ReturnType<typeof tempDir>;
let bundle: string;
let cache: string;
beforeEach(() => {
  temp = tempDir();
  bundle = join(temp.dir, 'leaf.cjs');
  cache = join(temp.dir, 'cache');
  writeFileSync(
    bundle,
    "const path = require('node:path'); module.exports = { name: path.basename(__filename), twice: (n) => 2 * n };",
  );
});
afterEach(() => temp.cleanup());

const cacheFiles = (): string[] => readdirSync(join(cache, 'v8'));

it('loads a CommonJS file like require, and keeps its compiled code for the next run', () => {
  const first = loadBundle(bundle, cache) as { name: string; twice: (n: number) => number };
  expect(first.name).toBe('leaf.cjs');
  expect(first.twice(21)).toBe(42);
  expect(cacheFiles()).toHaveLength(1);
  const [entry] = cacheFiles();
  const written = readFileSync(join(cache, 'v8', entry!));
  expect((loadBundle(bundle, cache) as { twice: (n: number) => number }).twice(2)).toBe(4);
  // A cache V8 accepted is not rewritten.
  expect(readFileSync(join(cache, 'v8', entry!))).toEqual(written);
});

it('works without a cache folder it can write', () => {
  writeFileSync(cache, 'a file, not a folder');
  expect((loadBundle(bundle, cache) as { name: string }).name).toBe('leaf.cjs');
});
