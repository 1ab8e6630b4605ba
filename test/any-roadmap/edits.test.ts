/**
 * Progress survives edits to the roadmap file: it is keyed by titles, not by
 * position. Topics are marked done by ID, then the file is rewritten; the same
 * topics (by title) must still be done, at their new IDs, with the right counts.
 * A renamed or removed topic keeps its saved record, and `doctor` reports it.
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listedItems, listedTopics, progressText, Sandbox, type SavedRoadmap } from '../helpers/sandbox.js';

const BASE = `# Study Plan

Notes for the next few weeks.

## Part 1: Shell

1. **Basics**:
   - Variables and quoting
   - Loops and conditionals
2. **Scripts**:
   - Exit codes
   - Traps and signals

## Part 2: Git

- Commits and branches
- Rebasing
- Bisecting
`;

/** Marked done by ID on BASE, with the IDs they have there. */
const DONE_IN_BASE = { 'Loops and conditionals': '1.1.2', 'Exit codes': '1.2.1', Rebasing: '2.2' } as const;
const DONE_TITLES = Object.keys(DONE_IN_BASE);

/** Sets up BASE with the three topics done, and returns the saved records before any edit. */
async function started(s: Sandbox): Promise<SavedRoadmap> {
  s.write('plan.md', BASE);
  const before = listedItems(await s.ok(['--file', 'plan.md', 'list']));
  for (const [title, id] of Object.entries(DONE_IN_BASE)) expect(before.get(title)?.id).toBe(id);
  await s.ok(['--file', 'plan.md', 'done', ...Object.values(DONE_IN_BASE)]);
  const roadmaps = Object.values(s.saved().roadmaps);
  expect(roadmaps).toHaveLength(1);
  expect(Object.keys(roadmaps[0]!.items)).toHaveLength(3);
  return roadmaps[0]!;
}

/** [edit, new text, new IDs of the done topics, total topics after the edit] */
const EDITS: readonly (readonly [string, string, Record<string, string>, number])[] = [
  [
    '(a) a new part inserted before the done topics',
    BASE.replace('## Part 1: Shell', '## Part 1: Editors\n\n- Vim motions\n- Emacs keys\n\n## Part 2: Shell').replace(
      '## Part 2: Git',
      '## Part 3: Git',
    ),
    { 'Loops and conditionals': '2.1.2', 'Exit codes': '2.2.1', Rebasing: '3.2' },
    9,
  ],
  [
    '(a) a new section inserted before the done topics inside a part',
    BASE.replace('1. **Basics**:', '1. **Setup**:\n   - Install a shell\n2. **Basics**:').replace(
      '2. **Scripts**:',
      '3. **Scripts**:',
    ),
    { 'Loops and conditionals': '1.2.2', 'Exit codes': '1.3.1', Rebasing: '2.2' },
    8,
  ],
  [
    '(a) a new heading (an unnumbered part) at the very top',
    BASE.replace('## Part 1: Shell', '## Warm-up\n\n- Read the manual\n\n## Part 1: Shell'),
    { 'Loops and conditionals': '2.1.2', 'Exit codes': '2.2.1', Rebasing: '3.2' },
    8,
  ],
  [
    '(b) parts and sections reordered (and renumbered)',
    `# Study Plan

Notes for the next few weeks.

## Part 1: Git

- Commits and branches
- Rebasing
- Bisecting

## Part 2: Shell

1. **Scripts**:
   - Traps and signals
   - Exit codes
2. **Basics**:
   - Loops and conditionals
   - Variables and quoting
`,
    { 'Loops and conditionals': '2.2.1', 'Exit codes': '2.1.2', Rebasing: '1.2' },
    7,
  ],
  [
    '(c) new items added before, between and after them',
    `# Study Plan

Notes for the next few weeks.

## Part 1: Shell

1. **Basics**:
   - Globbing
   - Variables and quoting
   - Arithmetic
   - Loops and conditionals
   - Functions
2. **Scripts**:
   - Shebang lines
   - Exit codes
   - Traps and signals
   - Logging

## Part 2: Git

- Staging
- Commits and branches
- Merging
- Rebasing
- Cherry-picking
- Bisecting
- Worktrees
`,
    { 'Loops and conditionals': '1.1.4', 'Exit codes': '1.2.2', Rebasing: '2.4' },
    16,
  ],
  [
    "(d) the file's other text changed (prose, links, code, list markers, spacing)",
    `# Study Plan

A completely different introduction, with [a link](https://example.com/guide) and **bold** words.

> Quote: practise a little every day.

## Part 1: Shell

Read the [Bash manual](https://www.gnu.org/software/bash/manual/) alongside.

\`\`\`sh
- this is code, not a topic
for f in *; do echo "$f"; done
\`\`\`

1. **Basics**:
   * Variables and quoting
   * Loops and conditionals


2. **Scripts**:
   + Exit codes
   + Traps and signals

<!-- an HTML comment -->

## Part 2: Git

![diagram](git.png)

- Commits and branches
- Rebasing
- Bisecting

Some closing words.
`,
    DONE_IN_BASE,
    7,
  ],
];

describe('progress survives edits to the roadmap file', () => {
  it.each(EDITS)('%s', async (_name, edited, ids, total) => {
    const s = new Sandbox();
    const before = await started(s);
    s.write('plan.md', edited);

    const listed = await s.ok(['--file', 'plan.md', 'list']);
    expect(listed.split('\n')[0]).toMatch(new RegExp(`^Study Plan {2}${progressText(3, total)} `));
    // The same titles are done, at their new IDs; nothing else is.
    const topics = listedTopics(listed);
    expect(topics).toHaveLength(total);
    const done = Object.fromEntries(topics.filter((i) => i.mark === 'x').map((i) => [i.title, i.id]));
    expect(done).toEqual(ids);

    // The next topic is never one of them, and the progress file still holds exactly the same records.
    const next = await s.ok(['--file', 'plan.md', 'next', '-n', String(total - 3)]);
    for (const title of DONE_TITLES) expect(next).not.toMatch(new RegExp(`^\\S+ {2}${title}$`, 'm'));
    expect(next).toContain(`Progress: ${progressText(3, total)}`);
    expect(Object.values(s.saved().roadmaps)).toEqual([before]);

    // doctor finds no orphaned records.
    const doctor = await s.run(['--file', 'plan.md', 'doctor']);
    expect(doctor.stdout).toContain('No problems found.');
    expect(doctor.code).toBe(0);
  });

  it('undone by a new ID after an edit changes the right topic', async () => {
    const s = new Sandbox();
    await started(s);
    s.write('plan.md', EDITS[0]![1]);
    expect(await s.ok(['--file', 'plan.md', 'undone', '3.2'])).toContain('Marked not done: 3.2 Rebasing');
    const items = listedItems(await s.ok(['--file', 'plan.md', 'list']));
    expect(items.get('Rebasing')?.mark).toBe(' ');
    expect(items.get('Loops and conditionals')?.mark).toBe('x');
    expect(items.get('Exit codes')?.mark).toBe('x');
  });

  // A heading alone under its part is shown as a label, but its title stays in the
  // keys below it, so adding a heading beside it (which makes it a level) keeps them.
  it('(a) a new heading inserted before a group heading that stood alone in its part', async () => {
    const s = new Sandbox();
    s.write('plan.md', '# Group Plan\n\n## Git\n\n### Basics\n\n- Commits\n- Rebasing\n');
    await s.ok(['--file', 'plan.md', 'done', '1.1']);
    s.write('plan.md', '# Group Plan\n\n## Git\n\n### Setup\n\n- Install git\n\n### Basics\n\n- Commits\n- Rebasing\n');
    const listed = await s.ok(['--file', 'plan.md', 'list']);
    expect(listed).toContain(progressText(1, 3));
    expect(listedItems(listed).get('Commits')).toMatchObject({ mark: 'x', id: '1.2.1' });
  });
  // Heading numbers ("## 1. Shell", "### 2.3 Arrays") are left out of titles and keys:
  // reordering and renumbering the parts keeps their progress.
  it('(b) parts with numbered headings ("## 1. Shell") reordered and renumbered', async () => {
    const s = new Sandbox();
    s.write('plan.md', '# Numbered\n\n## 1. Shell\n\n- Variables\n- Loops\n\n## 2. Git\n\n- Commits\n- Rebasing\n');
    await s.ok(['--file', 'plan.md', 'done', '1.2', '2.2']);
    s.write('plan.md', '# Numbered\n\n## 1. Git\n\n- Commits\n- Rebasing\n\n## 2. Shell\n\n- Variables\n- Loops\n');
    const listed = await s.ok(['--file', 'plan.md', 'list']);
    expect(listed).toContain(progressText(2, 4));
    const done = listedTopics(listed).filter((i) => i.mark === 'x');
    expect(done.map((i) => [i.title, i.id])).toEqual([
      ['Rebasing', '1.2'],
      ['Loops', '2.2'],
    ]);
  });

  it('an edit that keeps the file size and modification time is still seen', async () => {
    const s = new Sandbox();
    await started(s);
    const path = join(s.work, 'plan.md');
    const stamp = s.write('stamp', '');
    // `touch -r` copies times to the nanosecond, which Node's utimes cannot.
    execFileSync('touch', ['-r', path, stamp]);
    // Same length, other words: "Rebasing" becomes "Reflogs!" (a new topic); then the old times go back.
    const edited = BASE.replace('- Rebasing', '- Reflogs!');
    expect(edited.length).toBe(BASE.length);
    writeFileSync(path, edited);
    execFileSync('touch', ['-r', stamp, path]);
    expect(statSync(path).mtimeMs).toBe(statSync(stamp).mtimeMs);

    const topics = listedTopics(await s.ok(['--file', 'plan.md', 'list']));
    expect(topics.map((i) => i.title)).toContain('Reflogs!');
    expect(topics.map((i) => i.title)).not.toContain('Rebasing');
    expect(topics.filter((i) => i.mark === 'x').map((i) => i.title)).toEqual(['Loops and conditionals', 'Exit codes']);
  });
});

describe('a renamed or removed topic keeps its saved record', () => {
  const RENAMED = BASE.replace('Loops and conditionals', 'Loops and conditions').replace('- Rebasing\n', '');

  it('the records stay in the progress file, and progress counts only current topics', async () => {
    const s = new Sandbox();
    const before = await started(s);
    s.write('plan.md', RENAMED);

    const listed = await s.ok(['--file', 'plan.md', 'list']);
    expect(listed).toContain(progressText(1, 6));
    const items = listedItems(listed);
    expect(items.get('Loops and conditions')?.mark).toBe(' ');
    expect(items.get('Exit codes')?.mark).toBe('x');
    expect(items.has('Rebasing')).toBe(false);
    expect(Object.values(s.saved().roadmaps)).toEqual([before]);

    // A later save does not drop them either.
    await s.ok(['--file', 'plan.md', 'done', '1.1.1']);
    const after = Object.values(s.saved().roadmaps)[0]!;
    for (const [key, record] of Object.entries(before.items)) expect(after.items[key]).toEqual(record);
    expect(Object.keys(after.items)).toHaveLength(4);
    expect(after.history.slice(0, before.history.length)).toEqual(before.history);

    // And when the topics come back, so does their progress.
    s.write('plan.md', BASE);
    const restored = listedItems(await s.ok(['--file', 'plan.md', 'list']));
    for (const title of [...DONE_TITLES, 'Variables and quoting']) expect(restored.get(title)?.mark, title).toBe('x');
  });

  it('doctor exits 1 and names each orphaned record, with the closest current title for a renamed one', async () => {
    const s = new Sandbox();
    const before = await started(s);
    s.write('plan.md', RENAMED);
    const keys = Object.keys(before.items);
    const loopsKey = keys.find((k) => k.endsWith('/loops-and-conditionals'))!;
    const rebasingKey = keys.find((k) => k.endsWith('/rebasing'))!;
    expect(loopsKey).toBeDefined();
    expect(rebasingKey).toBeDefined();

    const doctor = await s.run(['--file', 'plan.md', 'doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stderr).toBe('');
    expect(doctor.stdout).toMatch(/2 item\(s\) this roadmap no longer has still have saved progress/);
    const loopsLine = doctor.stdout.split('\n').find((l) => l.includes(loopsKey));
    expect(loopsLine).toBeDefined();
    expect(loopsLine).toContain('closest now: 1.1.2 "Loops and conditions"');
    expect(doctor.stdout.split('\n').some((l) => l.includes(rebasingKey))).toBe(true);
    // The record that still matches is not reported.
    const exitKey = keys.find((k) => k.endsWith('/exit-codes'))!;
    expect(doctor.stdout).not.toContain(exitKey);
    // doctor only looks.
    expect(Object.values(s.saved().roadmaps)).toEqual([before]);
  });

  it('doctor also names removed topics kept only for their notes and reviews, saying what is kept', async () => {
    const s = new Sandbox();
    s.write('plan.md', BASE);
    const at = (day: string) => ({ env: { ROADMAP_NOW: `2026-11-${day}T09:00:00Z` } });
    // Traps and signals (1.2.2): done, reviewed a week later, two notes, then set back to not started.
    await s.ok(['--file', 'plan.md', 'done', '1.2.2'], at('01'));
    await s.ok(['--file', 'plan.md', 'review', '1.2.2'], at('09'));
    await s.ok(['--file', 'plan.md', 'note', '1.2.2', 'trap EXIT runs on every exit'], at('09'));
    await s.ok(['--file', 'plan.md', 'note', '1.2.2', 'SIGKILL cannot be trapped'], at('10'));
    await s.ok(['--file', 'plan.md', 'undone', '1.2.2'], at('11'));
    // Variables and quoting (1.1.1): a note and nothing else.
    await s.ok(['--file', 'plan.md', 'note', '1.1.1', 'quote every expansion'], at('12'));
    // Notes on a section and a part that stay: nothing to report.
    await s.ok(['--file', 'plan.md', 'note', '1.2', 'scripts section'], at('12'));
    await s.ok(['--file', 'plan.md', 'note', '2', 'git part'], at('12'));
    s.write('plan.md', BASE.replace('   - Traps and signals\n', '').replace('   - Variables and quoting\n', ''));
    const saved = Object.values(s.saved().roadmaps)[0]!;
    const key = Object.keys(saved.notes ?? {}).find((k) => k.endsWith('/traps-and-signals'))!;
    const noteOnly = Object.keys(saved.notes ?? {}).find((k) => k.endsWith('/variables-and-quoting'))!;
    expect(saved.items[noteOnly]).toBeUndefined();

    const doctor = await s.run(['--file', 'plan.md', 'doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/2 item\(s\) this roadmap no longer has still have saved progress/);
    const lines = doctor.stdout.split('\n');
    expect(lines.find((l) => l.includes(key))).toContain('(todo 2026-11-11, 2 notes, 1 review)');
    expect(lines.find((l) => l.includes(noteOnly))).toContain('(1 note)');
    expect(Object.values(s.saved().roadmaps)).toEqual([saved]);
  });

  it('doctor finds nothing to report for notes on parts and sections, or an empty list of notes', async () => {
    const s = new Sandbox();
    s.write('plan.md', BASE);
    await s.ok(['--file', 'plan.md', 'note', '1.2', 'scripts section']);
    await s.ok(['--file', 'plan.md', 'note', '2', 'git part']);
    const config = s.saved();
    const [id, roadmap] = Object.entries(config.roadmaps)[0]!;
    // An empty list under a key no item has (a hand edit) is nothing kept.
    const edited = { ...config, roadmaps: { [id]: { ...roadmap, notes: { ...roadmap.notes, 'gone/topic': [] } } } };
    s.write(s.configFile, JSON.stringify(edited));
    const doctor = await s.run(['--file', 'plan.md', 'doctor']);
    expect(doctor.stdout).not.toContain('no longer has');
    expect(doctor.code).toBe(0);
  });
});
