import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse.js';
import { PARSE_RULES_VERSION } from '../../src/core/parse/rules-version.js';
import { ParseCache, type SourceStamp } from '../../src/io/parse-cache.js';
import { tempDir } from '../helpers/cli.js';

let temp: ReturnType<typeof tempDir>;
let cache: ParseCache;
const roadmap = parseRoadmap('# Plan\n## A\n- first\n');
const stamp: SourceStamp = { path: '/plans/plan.md', size: 30, mtimeMs: 1000.5, ctimeMs: 1000.5 };

beforeEach(() => {
  temp = tempDir();
  cache = new ParseCache(join(temp.dir, 'cache'), '1.0.0');
});
afterEach(() => temp.cleanup());

describe('ParseCache', () => {
  it('gives back what was stored for the same file, size and times', () => {
    cache.set(stamp, roadmap);
    expect(cache.get(stamp)).toEqual(roadmap);
  });

  it('reads the parts of a large roadmap only when they are used', () => {
    const big = parseRoadmap(
      Array.from({ length: 50 }, (_, i) => `## Part ${i + 1}: P${i}\n- a${i}\n- b${i}\n`).join(''),
    );
    cache.set(stamp, big);
    const cached = cache.get(stamp)!;
    expect(cached.topics).toEqual(big.topics);
    // Untouched parts are still unread (an accessor); one read gives the whole part, kept as a value.
    const unread = (i: number): boolean => 'get' in (Object.getOwnPropertyDescriptor(cached.parts, i) ?? {});
    expect(unread(7)).toBe(true);
    expect(cached.parts[7]).toEqual(big.parts[7]);
    expect(unread(7)).toBe(false);
    expect(unread(8)).toBe(true);
    expect(cached).toEqual(big);
  });

  it('misses for an entry cut short', () => {
    cache.set(stamp, roadmap);
    const file = cache.fileFor(stamp);
    writeFileSync(file, readFileSync(file).subarray(0, -5));
    expect(cache.get(stamp)).toBeUndefined();
  });

  it.each([
    ['a different size', { ...stamp, size: 31 }],
    ['a different modification time', { ...stamp, mtimeMs: 2000 }],
    ['a different change time (same size and mtime, as after `touch -d`)', { ...stamp, ctimeMs: 2000 }],
  ])('never serves a file with %s', (_name, changed) => {
    cache.set(stamp, roadmap);
    expect(cache.get(changed)).toBeUndefined();
  });

  it('never serves a tree parsed by older parsing rules, even from the same version of roadmap', () => {
    cache.set(stamp, roadmap);
    const file = cache.fileFor(stamp);
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    const older = { ...(JSON.parse(header!) as { rules: number }), rules: PARSE_RULES_VERSION - 1 };
    writeFileSync(file, [JSON.stringify(older), ...rest].join('\n'));
    expect(cache.get(stamp)).toBeUndefined();
  });

  it('misses for another version of roadmap', () => {
    cache.set(stamp, roadmap);
    expect(new ParseCache(cache.dir, '2.0.0').get(stamp)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"format": 2, "version'],
    ['empty', ''],
    ['the wrong shape', '{"format": 2, "version": "1.0.0", "stamp": {}, "roadmap": null}'],
    ['an older format', JSON.stringify({ format: 1, version: '1.0.0', stamp, roadmap })],
  ])('ignores an entry that is %s, and a new set repairs it', (_name, content) => {
    cache.set(stamp, roadmap);
    writeFileSync(cache.fileFor(stamp), content);
    expect(cache.get(stamp)).toBeUndefined();
    cache.set(stamp, roadmap);
    expect(cache.get(stamp)).toEqual(roadmap);
  });

  it('keeps one entry per file, replaced when the file changes', () => {
    cache.set(stamp, roadmap);
    cache.set({ ...stamp, size: 99 }, roadmap);
    expect(readdirSync(cache.dir)).toHaveLength(1);
    const header = readFileSync(cache.fileFor(stamp), 'utf8').split('\n')[0]!;
    expect(JSON.parse(header)).toMatchObject({ stamp: { size: 99 } });
  });

  it('carries on without a cache it cannot write', () => {
    const blocked = join(temp.dir, 'a-file');
    writeFileSync(blocked, 'x');
    const unwritable = new ParseCache(join(blocked, 'cache'), '1.0.0');
    expect(() => unwritable.set(stamp, roadmap)).not.toThrow();
    expect(unwritable.get(stamp)).toBeUndefined();
    expect(existsSync(join(blocked, 'cache'))).toBe(false);
  });
});
