import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse.js';
import { PARSE_RULES_VERSION } from '../../src/core/parse/rules-version.js';
import type { Roadmap } from '../../src/core/model.js';
import { resolveRef } from '../../src/core/refs.js';
import { outlineOf, partsWhere } from '../../src/core/tree.js';
import { ParseCache, type SourceStamp } from '../../src/io/parse-cache.js';
import { tempDir } from '../helpers/cli.js';

let temp: ReturnType<typeof tempDir>;
let cache: ParseCache;
const roadmap = parseRoadmap('# Plan\n## A\n- first\n');
const stamp: SourceStamp = { path: '/plans/plan.md', size: 30, mtimeMs: 1000.5, ctimeMs: 1000.5 };

/** The roadmap as parsed: a cached one also carries an outline (checked on its own below). */
const tree = (cached: Roadmap | undefined): Omit<Roadmap, 'outline'> | undefined => {
  if (!cached) return cached;
  return Object.fromEntries(Object.entries(cached).filter(([name]) => name !== 'outline')) as Omit<Roadmap, 'outline'>;
};

/** A roadmap of 50 parts, each two topics: `## Part 8: P7` holds `8.1` "a7" and `8.2` "b7". */
const many = parseRoadmap(Array.from({ length: 50 }, (_, i) => `## Part ${i + 1}: P${i}\n- a${i}\n- b${i}\n`).join(''));

/** The positions of the parts of a cached roadmap that have been read (no longer an accessor). */
const readParts = (cached: Roadmap): number[] =>
  Array.from(cached.parts.keys()).filter((i) => !('get' in Object.getOwnPropertyDescriptor(cached.parts, i)!));

beforeEach(() => {
  temp = tempDir();
  cache = new ParseCache(join(temp.dir, 'cache'), '1.0.0');
});
afterEach(() => temp.cleanup());

describe('ParseCache', () => {
  it('gives back what was stored for the same file, size and times', () => {
    cache.set(stamp, roadmap);
    expect(tree(cache.get(stamp))).toEqual(roadmap);
  });

  it('gives back the estimates: each item its own, and the topic index its minutes', () => {
    const timed = parseRoadmap('# Plan\n## A (2 weeks)\n- first ~2h\n- second\n## B\n- third (45 min)\n');
    expect(timed.topics.minutes).toEqual([120, 0, 45]);
    cache.set(stamp, timed);
    const cached = cache.get(stamp)!;
    expect(cached.topics).toEqual(timed.topics);
    expect(tree(cached)).toEqual(timed);
    expect(cached.parts[0]!.estimate).toBe(1200);
  });

  it('gives back a roadmap whose title and topics are not ASCII, each part where the header says', () => {
    const wide = parseRoadmap(
      `# Plán de estudio — 学习计划 📖\n${Array.from({ length: 30 }, (_, i) => `## Ünïcödé ${i}\n- 話題 ${i}\n- ${'é'.repeat(i * 40)}\n`).join('')}`,
    );
    cache.set(stamp, wide);
    expect(tree(cache.get(stamp))).toEqual(wide);
  });

  it('reads the parts of a large roadmap only when they are used', () => {
    const big = many;
    cache.set(stamp, big);
    const cached = cache.get(stamp)!;
    expect(cached.topics).toEqual(big.topics);
    // Untouched parts are still unread (an accessor); one read gives the whole part, kept as a value.
    const unread = (i: number): boolean => 'get' in (Object.getOwnPropertyDescriptor(cached.parts, i) ?? {});
    expect(unread(7)).toBe(true);
    expect(cached.parts[7]).toEqual(big.parts[7]);
    expect(unread(7)).toBe(false);
    expect(unread(8)).toBe(true);
    expect(tree(cached)).toEqual(big);
  });

  it('keeps an outline of every item, which finds an exact ID, key or title by reading one part', () => {
    cache.set(stamp, many);
    const cached = cache.get(stamp)!;
    expect(cached.outline!.items).toEqual(outlineOf(many.parts).items);
    expect(cached.outline!.words).toEqual(outlineOf(many.parts).words);
    expect(readParts(cached)).toEqual([]);
    const item = (ref: string): unknown => {
      const found = resolveRef(cached, ref);
      return found.ok && found.target.type === 'item' ? found.target.item : undefined;
    };
    expect(item('8.1')).toEqual(many.parts[7]!.children[0]);
    expect(readParts(cached)).toEqual([7]);
    expect(item(many.parts[30]!.children[1]!.key)).toEqual(many.parts[30]!.children[1]);
    expect(readParts(cached)).toEqual([7, 30]);
    expect(item('b42')).toEqual(many.parts[42]!.children[1]);
    expect(readParts(cached)).toEqual([7, 30, 42]);
  });

  it('keeps the outline of loose topics, nested topics and same-titled items', () => {
    const odd = parseRoadmap('# Plan\n- loose\n  - under it\n## A\n- t\n  - sub\n  - sub\n### S\n- x\n## A\n- t\n');
    cache.set(stamp, odd);
    expect({ ...cache.get(stamp)!.outline }).toEqual(outlineOf(odd.parts));
  });

  it('reads only the parts that hold the keys a change reports', () => {
    cache.set(stamp, many);
    const cached = cache.get(stamp)!;
    const wanted = new Set([many.parts[3]!.children[0]!.key, many.parts[9]!.children[1]!.key]);
    expect(partsWhere(cached, (_id, key) => wanted.has(key))).toEqual([many.parts[3], many.parts[9]]);
    expect(readParts(cached)).toEqual([3, 9]);
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
    expect(tree(cache.get(stamp))).toEqual(roadmap);
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
