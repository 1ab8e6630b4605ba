/**
 * Study plans written by other people (test/fixtures/real-roadmaps, verbatim,
 * sources in SOURCES.md there), checked against oracles that read the files
 * with plain line rules and share nothing with the parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/core/model.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { resolveRef } from '../../src/core/refs.js';
import { indexById, topicsOf } from '../../src/core/tree.js';
import { repoRoot } from '../helpers/cli.js';

const fixture = (name: string): string => readFileSync(join(repoRoot, 'test/fixtures/real-roadmaps', name), 'utf8');

/** Each topic with its chain of ancestors' titles, by source line. */
function topicsByLine(markdown: string): Map<number, { topic: Item; ancestors: string[] }> {
  const roadmap = parseRoadmap(markdown);
  const index = indexById(roadmap);
  return new Map(
    topicsOf(roadmap.parts).map((topic) => [
      topic.line,
      { topic, ancestors: index.get(topic.id)!.ancestors.map((a) => a.title) },
    ]),
  );
}

/** Markdown inline syntax off: `[text](url)` -> text, emphasis and code marks dropped. */
const plain = (text: string): string =>
  text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/[*`_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*:$/, '')
    .trim();

describe('coding-interview-university.md', () => {
  const text = fixture('coding-interview-university.md');
  const lines = text.split('\n');

  /** Every `- [ ]` line outside code fences, with the `##` heading and the `- ###` heading above it. */
  const oracle = (() => {
    const found: { line: number; title: string; part: string; section?: string }[] = [];
    let fenced = false;
    let part = '';
    let section: string | undefined;
    lines.forEach((raw, i) => {
      if (/^\s*```/.test(raw)) fenced = !fenced;
      if (fenced) return;
      const h2 = /^## (.+)$/.exec(raw);
      const listHeading = /^\s*- #{3,} (.+)$/.exec(raw);
      const task = /^\s*- \[[ xX]\] (.*)$/.exec(raw);
      if (h2) [part, section] = [h2[1]!.trim(), undefined];
      else if (listHeading) section = listHeading[1]!.trim();
      else if (task) found.push({ line: i + 1, title: plain(task[1]!), part, ...(section ? { section } : {}) });
    });
    return found;
  })();
  const parsed = topicsByLine(text);

  it('makes every `- [ ]` item a topic, and nothing else', () => {
    expect(oracle.length).toBeGreaterThan(400);
    expect(parsed.size).toBe(oracle.length);
    expect([...parsed.keys()].sort((a, b) => a - b)).toEqual(oracle.map((o) => o.line));
  });

  it('puts each topic under its own heading, with its own title', () => {
    for (const o of oracle) {
      const { topic, ancestors } = parsed.get(o.line)!;
      expect(ancestors[0], `line ${o.line}`).toBe(o.part);
      if (o.section) expect(ancestors, `line ${o.line}`).toContain(o.section);
      // "[Name](url) - text": the title is the name, the rest its description; wrapped lines join the title.
      const title = plain(topic.title);
      expect(o.title.startsWith(title) || title.startsWith(o.title), `line ${o.line}`).toBe(true);
    }
  });

  it('places "Implement a vector" under Data Structures > Arrays', () => {
    const vector = [...parsed.values()].find((p) => p.topic.title.startsWith('Implement a vector'))!;
    expect(vector.ancestors).toEqual(['Data Structures', 'Arrays']);
    expect(vector.topic.children.map((c) => c.title)).toContain('push(item)');
  });

  it('does not take the table of contents for content', () => {
    const start = lines.indexOf('## Table of Contents') + 1;
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    expect(end - start).toBeGreaterThan(50);
    const roadmap = parseRoadmap(text);
    expect(roadmap.parts.map((p) => p.title)).not.toContain('Table of Contents');
    expect(topicsOf(roadmap.parts).filter((t) => t.line > start && t.line <= end)).toEqual([]);
  });

  it('keeps the plain links under a checkbox item as its resources', () => {
    const about = [...parsed.values()].find((p) => p.topic.title === 'About Arrays')!;
    expect(about.topic.links.map((l) => l.text)).toContain('Arrays CS50 Harvard University');
    expect(about.topic.children).toEqual([]);
  });

  it('starts with the first study item of the file', () => {
    const roadmap = parseRoadmap(text);
    const [first] = topicsOf(roadmap.parts);
    expect(first?.line).toBe(oracle[0]!.line);
    expect(first?.title).toBe('Harvard CS50 - Asymptotic Notation (video)');
    expect(first?.links[0]?.href).toBe('https://www.youtube.com/watch?v=iOq5kSKqeR4');
  });
});

describe('every-programmer-should-know.md', () => {
  const text = fixture('every-programmer-should-know.md');
  const lines = text.split('\n');

  /** Leaf list items (`-`, `*` or `+`; no deeper item follows) under the `###` headings after the `#` title. */
  const oracle = (() => {
    const found: { line: number; part: string; text: string }[] = [];
    const start = lines.findIndex((l) => /^# /.test(l));
    let part = '';
    for (let i = start + 1; i < lines.length; i++) {
      const heading = /^#{2,} (.+)$/.exec(lines[i]!);
      if (heading) {
        part = heading[1]!.trim();
        continue;
      }
      const item = /^(\s*)[-*+] (.+)$/.exec(lines[i]!);
      if (!item) continue;
      const next = lines.slice(i + 1).find((l) => /^\s*[-*+] /.test(l) || /^#/.test(l) || l.trim() === '');
      const nextIndent = next && /^\s*[-*+] /.test(next) ? /^\s*/.exec(next)![0].length : -1;
      if (nextIndent > item[1]!.length) continue;
      found.push({ line: i + 1, part, text: item[2]! });
    }
    return found;
  })();
  const parsed = topicsByLine(text);

  it('makes its headings the parts and its link items the topics', () => {
    expect(oracle.length).toBeGreaterThan(150);
    expect([...parsed.keys()].sort((a, b) => a - b)).toEqual(oracle.map((o) => o.line));
    for (const o of oracle) {
      const { topic, ancestors } = parsed.get(o.line)!;
      expect(ancestors[0]?.replace(/\s*:\w+:/g, '').replace(/:$/, ''), `line ${o.line}`).toBe(
        o.part
          .replace(/\s*:\w+:/g, '')
          .replace(/:$/, '')
          .trim(),
      );
      expect(plain(o.text), `line ${o.line}`).toContain(topic.title);
    }
  });

  it('drops emoji codes, pictures and badges from titles, and keeps the links', () => {
    const roadmap = parseRoadmap(text);
    expect(roadmap.title).toBe('Every Programmer Should Know');
    const map = topicsOf(roadmap.parts).find((t) => t.line === oracle[0]!.line)!;
    expect(map.title).toBe('Map of Computer Science');
    expect(map.links).toEqual([
      { text: 'Map of Computer Science', href: 'https://www.youtube.com/watch?v=SzJ46YA_RaA' },
    ]);
    expect(topicsOf(roadmap.parts).every((t) => !/^:|^\p{Extended_Pictographic}/u.test(t.title))).toBe(true);
  });

  it('resolves every topic by its own ID and its key', () => {
    const roadmap = parseRoadmap(text);
    for (const topic of topicsOf(roadmap.parts)) {
      for (const ref of [topic.id, topic.key]) {
        const result = resolveRef(roadmap, ref);
        expect(result.ok && result.target.type === 'item' && result.target.item.id).toBe(topic.id);
      }
    }
  });
});
