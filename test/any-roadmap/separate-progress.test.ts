/**
 * Each roadmap keeps its own progress in the one config file, under an id that
 * comes from its `#` title (its file name when it has none), not from its path.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listedItems, progressText, Sandbox } from '../helpers/sandbox.js';

const PLAN = `# My Plan

## Basics

- Learn the shell
- Install the tools
- Write a script
`;

const BUNDLED_FIRST = 'Syntax, data types, control structures, OOP concepts.';
const BUNDLED_SECOND = 'Python standard libraries: os, sys, datetime, collections, itertools, functools.';

/** The done/total pair of the first "Progress: d/t topics" line (list prints it on its header line). */
function progressOf(stdout: string): [number, number] {
  const m = /(\d+)\/(\d+) topics/.exec(stdout);
  expect(m, stdout).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

describe('the bundled roadmap and a custom file do not share progress', () => {
  it('done 1.1 on a custom file leaves the bundled roadmap untouched', async () => {
    const s = new Sandbox();
    s.write('plan.md', PLAN);
    expect(await s.ok(['--file', 'plan.md', 'done', '1.1'])).toContain('Marked done: 1.1 Learn the shell');

    const bundled = await s.ok(['next']);
    expect(bundled).toContain(`1.1.1  ${BUNDLED_FIRST}`);
    expect(progressOf(bundled)[0]).toBe(0);
    expect(listedItems(await s.ok(['list', '1.1'])).get(BUNDLED_FIRST)?.mark).toBe(' ');

    const saved = s.saved();
    expect(Object.keys(saved.roadmaps)).toHaveLength(1);
    expect(saved.roadmaps.bundled).toBeUndefined();
  });

  it('done 1.1 on the bundled roadmap leaves a custom file untouched', async () => {
    const s = new Sandbox();
    s.write('plan.md', PLAN);
    expect(await s.ok(['done', '1.1'])).toContain(`Marked done: 1.1.1 ${BUNDLED_FIRST}`);

    const custom = await s.ok(['--file', 'plan.md', 'list']);
    expect(custom).toContain(`My Plan  ${progressText(0, 3)}`);
    expect(listedItems(custom).get('Learn the shell')).toMatchObject({ mark: ' ', id: '1.1' });
    expect(await s.ok(['--file', 'plan.md', 'next'])).toContain('1.1  Learn the shell');
  });

  it('both are kept in one config file under different ids', async () => {
    const s = new Sandbox();
    s.write('plan.md', PLAN);
    await s.ok(['--file', 'plan.md', 'done', '1.2']);
    await s.ok(['done', '1.1.2']);

    const saved = s.saved();
    expect(saved.schemaVersion).toBe(4);
    const ids = Object.keys(saved.roadmaps);
    expect(ids).toHaveLength(2);
    expect(ids).toContain('bundled');
    const customId = ids.find((id) => id !== 'bundled')!;
    expect(customId).toContain('my-plan');

    const custom = saved.roadmaps[customId]!;
    expect(Object.keys(custom.items)).toEqual([expect.stringMatching(/install-the-tools$/)]);
    expect(custom.history.map((h) => [h.from, h.to])).toEqual([['todo', 'done']]);
    const bundled = saved.roadmaps.bundled!;
    expect(Object.keys(bundled.items)).toEqual([expect.stringMatching(/python-standard-libraries/)]);
    expect(Object.values(bundled.items)[0]!.status).toBe('done');

    // And each side shows only its own.
    expect(listedItems(await s.ok(['list', '1.1'])).get(BUNDLED_SECOND)?.mark).toBe('x');
    expect(listedItems(await s.ok(['list', '1.1'])).get(BUNDLED_FIRST)?.mark).toBe(' ');
    const custom2 = listedItems(await s.ok(['--file', 'plan.md', 'list']));
    expect([...custom2.values()].map((i) => i.mark)).toEqual([' ', 'x', ' ']);
  });
});

describe("a custom roadmap's progress follows its title, not its path", () => {
  it.each([
    ['copied to another folder', 'copy'],
    ['moved and renamed', 'move'],
  ] as const)('%s: the progress is still there', async (_name, how) => {
    const s = new Sandbox();
    const original = s.write('plan.md', PLAN);
    await s.ok(['--file', 'plan.md', 'done', '1.2']);
    let path: string;
    if (how === 'copy') {
      path = s.write('elsewhere/copy-of-plan.md', PLAN);
    } else {
      path = join(s.work, 'archive', 'renamed.md');
      mkdirSync(dirname(path));
      renameSync(original, path);
    }

    const listed = await s.ok(['--file', path, 'list']);
    expect(listed).toContain(progressText(1, 3));
    expect(listedItems(listed).get('Install the tools')?.mark).toBe('x');
    expect(await s.ok(['--file', path, 'next'])).toContain('1.1  Learn the shell');
    expect(Object.keys(s.saved().roadmaps)).toHaveLength(1);
  });

  it('two files with different titles do not share progress', async () => {
    const s = new Sandbox();
    s.write('a/plan.md', PLAN);
    s.write('b/plan.md', PLAN.replace('# My Plan', '# Their Plan'));
    await s.ok(['--file', 'a/plan.md', 'done', '1.1']);

    const other = await s.ok(['--file', 'b/plan.md', 'list']);
    expect(other).toContain(`Their Plan  ${progressText(0, 3)}`);
    expect(listedItems(other).get('Learn the shell')?.mark).toBe(' ');
    await s.ok(['--file', 'b/plan.md', 'done', '1.3']);
    expect([...listedItems(await s.ok(['--file', 'a/plan.md', 'list'])).values()].map((i) => i.mark)).toEqual([
      'x',
      ' ',
      ' ',
    ]);
    expect(Object.keys(s.saved().roadmaps)).toHaveLength(2);
  });

  it('a file with no # title is named by its folder and file name', async () => {
    const s = new Sandbox();
    // Two \`##\` parts: a lone \`##\` would be its title.
    const untitled = `${PLAN.replace('# My Plan\n\n', '')}\n## More\n\n- Read the manual\n`;
    s.write('notes.md', untitled);
    s.write('other/notes.md', untitled);
    s.write('other/journal.md', untitled);
    expect(await s.ok(['--file', 'notes.md', 'list'])).toMatch(/^notes {2}/);
    await s.ok(['--file', 'notes.md', 'done', '1.1']);

    // Two untitled plans of the same file name, in two folders, are two roadmaps.
    expect(listedItems(await s.ok(['--file', 'other/notes.md', 'list'])).get('Learn the shell')?.mark).toBe(' ');
    expect(listedItems(await s.ok(['--file', 'other/journal.md', 'list'])).get('Learn the shell')?.mark).toBe(' ');
    expect(listedItems(await s.ok(['--file', 'notes.md', 'list'])).get('Learn the shell')?.mark).toBe('x');
    expect(Object.keys(s.saved().roadmaps)).toEqual([expect.stringMatching(/^file:\/.+\/notes\.md$/)]);
  });
});
