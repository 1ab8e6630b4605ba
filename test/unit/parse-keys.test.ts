/**
 * Progress is stored by topic key, so a new reading rule must not move a topic
 * that was a topic before to another key. Each expected list here is what the
 * parser before issue 14's rules gave the same text (main at 96400b7).
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/core/model.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { topicsOf } from '../../src/core/tree.js';

const keys = (md: string): string[] => topicsOf(parseRoadmap(md).parts).map((t) => t.key);

describe('keys survive the new rules', () => {
  it.each([
    [
      'YAML front matter is no longer a part',
      '---\ntitle: plan\ndate: 2024\n---\n\n# Chapters\n- [x] Chapter 0\n- [ ] Chapter 1\n# Changelog\n- 2024 started\n',
      ['title-plan/chapter-0', 'title-plan/chapter-1'],
    ],
    ['the first # is a part when several # are sections', '# A\n- x\n# B\n- y\n', ['x', 'b/y']],
    ['the first # as a part, with twin titles', '# A\n- [ ] x\n- [ ] x\n# B\n- [ ] y\n', ['x', 'x~2', 'b/y']],
    [
      'a heading above the title no longer owns what follows',
      '### Intro\n# Title\n- [ ] after\n## P\n- [ ] p1\n',
      ['intro/after', 'p/n-p1'],
    ],
    [
      'label headings (Instructions, Resources) are no longer levels',
      '# T\n## Tier\n### Instructions\n- [ ] do a\n### Resources\n- [ ] do b\n',
      ['tier/instructions/do-a', 'tier/resources/do-b'],
    ],
    ['a bold line above a list labels it', '# T\n## W\n**Week 1**\n- learn x\n- learn y\n', ['w/learn-x', 'w/learn-y']],
    [
      'wrapped lines join the title; a link title drops its description',
      '# T\n## A\n- Learn the\n  basics\n- [V](https://v) - text\n',
      ['a/learn-the', 'a/v-text'],
    ],
  ])('%s', (_name, md, expected) => {
    expect(keys(md)).toEqual(expected);
  });
});

describe('keys stay distinct when a first # becomes a part', () => {
  it.each([
    ['an empty first # over an empty checkbox', '# \n- [ ] \n# '],
    ['an item named like a later part', '# Python\n\n- Basics\n\n# Basics\n\n- Loops\n'],
  ])('%s', (_name, markdown) => {
    const keys: string[] = [];
    const visit = (items: readonly Item[]): void =>
      items.forEach((item) => {
        keys.push(item.key);
        visit(item.children);
      });
    visit(parseRoadmap(markdown).parts);
    expect(keys.length).toBeGreaterThan(1);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
