/**
 * Progress is stored by topic key. These lists are every topic key that the
 * parser before the real-plans rules (issue 14) produced for the bundled roadmap
 * and two real study plans; a learner's ticks on those files must survive any
 * new rule, so each key must still name a topic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse.js';
import { topicsOf } from '../../src/core/tree.js';
import { repoRoot } from '../helpers/cli.js';

const files = {
  bundled: 'data/roadmap.md',
  'coding-interview-university': 'test/fixtures/real-roadmaps/coding-interview-university.md',
  'every-programmer-should-know': 'test/fixtures/real-roadmaps/every-programmer-should-know.md',
};

describe.each(Object.entries(files))('%s keeps every topic key', (name, path) => {
  it('names a topic with each key it had before', () => {
    const pinned = readFileSync(join(repoRoot, 'test/fixtures/pinned-keys', `${name}.txt`), 'utf8')
      .split('\n')
      .filter((k) => k !== '');
    const keys = topicsOf(parseRoadmap(readFileSync(join(repoRoot, path), 'utf8')).parts).map((t) => t.key);
    expect(pinned.filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys).toHaveLength(pinned.length);
  });
});
