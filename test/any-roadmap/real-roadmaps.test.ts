/**
 * Two real study plans from GitHub, read with --file: coding-interview-university
 * (task checkboxes, nested lists, code fences) and every-programmer-should-know
 * (`###` headings, plain link lists, emoji codes). The oracles are plain line regexes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkboxLines, listedItems, progressText, realRoadmaps, Sandbox } from '../helpers/sandbox.js';

const CIU = join(realRoadmaps, 'coding-interview-university.md');
const EPSK = join(realRoadmaps, 'every-programmer-should-know.md');
const ciuText = readFileSync(CIU, 'utf8');
const epskText = readFileSync(EPSK, 'utf8');

const CIU_TOTAL = checkboxLines(ciuText);

describe('coding-interview-university.md', () => {
  it('the oracle finds a plausible number of checkbox lines', () => {
    expect(CIU_TOTAL).toBeGreaterThan(300);
  });

  it('next gives its first study item with its youtube link, and the full topic count', async () => {
    const s = new Sandbox();
    const out = await s.ok(['--file', CIU, 'next']);
    const title = 'Harvard CS50 - Asymptotic Notation (video)';
    const source = ciuText.split('\n').find((line) => line.includes(title));
    const url = /\((https:\/\/www\.youtube\.com\/[^)\s]+)\)/.exec(source ?? '')?.[1];
    expect(url).toBeDefined();

    expect(out).toMatch(new RegExp(`^1\\.1 {2}${title.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(out).toContain(url!);
    expect(out).toContain(`Progress: ${progressText(0, CIU_TOTAL)}`);
    expect(out).toContain(`roadmap --file ${CIU} done 1.1`);
  });

  it('list 2.1 shows "Implement a vector" under Arrays', async () => {
    const s = new Sandbox();
    const out = await s.ok(['--file', CIU, 'list', '2.1']);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^2\.1 Arrays {2}/);
    const vector = lines.findIndex((l) => /^ {2}\[ \] 2\.1\.\d+ Implement a vector\b/.test(l));
    expect(vector).toBeGreaterThan(0);
    // Its own steps are listed beneath it, one level deeper.
    expect(lines[vector + 1]).toMatch(/^ {4}\[ \] 2\.1\.\d+\.1 \S/);
  });

  it('done on a nested item marks it, saves it, and counts it', async () => {
    const s = new Sandbox();
    const listed = listedItems(await s.ok(['--file', CIU, 'list', '2.1']));
    const vector = [...listed.values()].find((i) => i.title.startsWith('Implement a vector'))!;
    const step = [...listed.values()].find((i) => i.title.startsWith('size()'))!;
    expect(step.id.startsWith(`${vector.id}.`)).toBe(true);

    const out = await s.ok(['--file', CIU, 'done', step.id]);
    expect(out).toContain(`Marked done: ${step.id} ${step.title}`);
    expect(out).toContain(`Progress: ${progressText(1, CIU_TOTAL)}`);

    const after = listedItems(await s.ok(['--file', CIU, 'list', '2.1']));
    expect(after.get(step.title)?.mark).toBe('x');
    expect(after.get(vector.title)?.mark).not.toBe('x');

    const roadmaps = s.saved().roadmaps;
    expect(Object.keys(roadmaps)).toHaveLength(1);
    const [saved] = Object.values(roadmaps);
    const keys = Object.keys(saved!.items);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/implement-a-vector[^/]*\/size-number-of-items$/);
    expect(saved!.items[keys[0]!]!.status).toBe('done');
  });
});

describe('every-programmer-should-know.md', () => {
  /** `### Heading` lines after the `#` title, as a reader sees them (no :emoji: codes, no trailing colon). */
  const headings = epskText
    .slice(epskText.search(/^# /m))
    .split('\n')
    .filter((line) => line.startsWith('### '))
    .map((line) =>
      line
        .slice(4)
        .replace(/:[a-z_]+:/g, '')
        .replace(/:\s*$/, '')
        .trim(),
    );

  it('list --depth 1 shows its ### headings as the parts, in order', async () => {
    expect(headings.slice(0, 3)).toEqual(['Introduction', 'Falsehoods', 'Algorithms']);
    const s = new Sandbox();
    const out = await s.ok(['--file', EPSK, 'list', '--depth', '1']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Every Programmer Should Know {2}0\/\d+ topics/);
    const parts = lines.slice(1).map((line) => {
      const m = /^\[ \] Part (\d+): (.+?)\s+[█░]+\s/.exec(line);
      expect(m, line).not.toBeNull();
      return [Number(m![1]), m![2]] as const;
    });
    expect(parts.map(([n]) => n)).toEqual(parts.map((_, i) => i + 1));
    expect(parts.map(([, title]) => title)).toEqual(headings);
  });

  it('next gives "Map of Computer Science" with its link', async () => {
    const s = new Sandbox();
    const out = await s.ok(['--file', EPSK, 'next']);
    expect(out).toMatch(/^1\.1 {2}Map of Computer Science$/m);
    expect(out).toMatch(/^ +in +Part 1: Introduction$/m);
    const source = epskText.split('\n').find((line) => line.includes('Map of Computer Science'));
    const url = /\((https?:\/\/[^)\s]+)\)/.exec(source ?? '')?.[1];
    expect(url).toBeDefined();
    expect(out).toContain(url!);
  });
});
