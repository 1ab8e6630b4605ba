/**
 * `note REF --edit N` and `--delete N`, a note's text from standard input (`-`)
 * or from the learner's editor, multi-line notes, and notes on projects. The
 * editor is a small shell script named by $VISUAL or $EDITOR; the terminal it
 * needs is pretended in-process (stdin and stdout as TTYs). Standard input needs
 * the built binary as a child process.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/cli.js';
import {
  configPath,
  expectCleanError,
  expectUnchanged,
  savedRoadmap,
  snapshot,
  useConfigDir,
} from '../helpers/bundled-roadmap.js';
import { timedRuns } from '../helpers/timed.js';

const { dir, runWith, spawn } = useConfigDir();

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-03T10:00:00.000Z';
const KEY = 'fundamentals/core-programming-skills/python-basics/syntax-data-types-control-structures-oop-concepts';
/** No editor from the machine running the tests: each test names its own. */
const NO_EDITOR = { VISUAL: undefined, EDITOR: undefined };

const { ok } = timedRuns(runWith, NO_EDITOR);
/** `roadmap ...args` at `now`, with this environment besides. */
function at(now: string, args: readonly string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  return runWith(args, { env: { ROADMAP_NOW: now, ...NO_EDITOR, ...env } });
}
/** `roadmap ...args` as if typed at a terminal (stdin and stdout TTYs), with this environment. */
function atTerminal(args: readonly string[], env: Record<string, string | undefined>): Promise<RunResult> {
  return runWith(args, {
    env: { ROADMAP_NOW: T1, NO_COLOR: '1', ...NO_EDITOR, ...env },
    stdinIsTTY: true,
    stdoutIsTTY: true,
  });
}
const pad = (n: number): string => ' '.repeat(n);
const savedNotes = (): { at: string; text: string }[] | undefined => savedRoadmap(dir()).notes?.[KEY];

/** An executable shell script in the test folder, to stand in for an editor; returns its path. */
function script(name: string, body: string): string {
  const path = join(dir(), name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

async function twoNotes(): Promise<void> {
  await ok(T0, 'note', '1.1.1', 'first thought');
  await ok(T1, 'note', '1.1.1', 'second thought');
}

describe('note --edit N and --delete N', () => {
  it('edits note N in place, keeping its date; the list numbers the notes as --edit takes them', async () => {
    await twoNotes();
    expect(await ok(T1, 'note', '1.1.1')).toContain(
      '  1. 2026-11-01  first thought\n  2. 2026-11-03  second thought\n',
    );
    const out = await ok(T1, 'note', '1.1.1', '--edit', '1', 'first', 'thought,', 'better');
    expect(out).toBe(
      'Edited note 1 on 1.1.1 Syntax, data types, control structures, OOP concepts.\n  1. 2026-11-01  first thought, better\n',
    );
    expect(savedNotes()).toEqual([
      { at: T0, text: 'first thought, better' },
      { at: T1, text: 'second thought' },
    ]);
    const same = await ok(T1, 'note', '1.1.1', '--edit', '1', 'first thought, better');
    expect(same).toContain('already reads so; nothing was changed');
  });

  it('deletes note N, showing what it held; deleting the last one leaves no notes', async () => {
    await twoNotes();
    const out = await ok(T1, 'note', '1.1.1', '--delete', '1');
    expect(out).toBe(
      'Deleted note 1 on 1.1.1 Syntax, data types, control structures, OOP concepts. (1 note)\n  1. 2026-11-01  first thought\n',
    );
    expect(savedNotes()).toEqual([{ at: T1, text: 'second thought' }]);
    await ok(T1, 'note', '1.1.1', '--delete', '1');
    expect(savedNotes()).toBeUndefined();
    expect(await ok(T1, 'note', '1.1.1')).toContain('No notes on 1.1.1 yet');
  });

  it('refuses a note that is not there, both options at once, text with --delete and --edit without text: nothing saved', async () => {
    await twoNotes();
    const before = snapshot(configPath(dir()));
    const refused = [
      ['note', '1.1.1', '--delete', '3'],
      ['note', '1.1.1', '--edit', '3', 'text'],
      ['note', '1.2.1', '--delete', '1'],
      ['note', '1.1.1', '--delete', '0'],
      ['note', '1.1.1', '--edit', '1', '--delete', '2'],
      ['note', '1.1.1', '--delete', '1', 'some', 'text'],
      ['note', '1.1.1', '--edit', '1'],
      ['note', '1.1.1', '--edit', '1', '   '],
    ];
    for (const args of refused) expectCleanError(await at(T1, args), 2);
    expectUnchanged(configPath(dir()), before);
    expect((await at(T1, refused[0]!)).stderr).toBe(
      'error: 1.1.1 has 2 notes, so there is no note 3 (see "roadmap note 1.1.1")\n',
    );
    expect((await at(T1, refused[2]!)).stderr).toContain('1.2.1 has no notes, so there is no note 1');
    expect((await at(T1, refused[6]!)).stderr).toContain('--edit 1 needs the new text');
  });

  it('--json: the edited and the deleted note, with their numbers', async () => {
    await twoNotes();
    const edited = JSON.parse(await ok(T1, 'note', '1.1.1', '--edit', '2', 'second, edited', '--json')) as object;
    expect(edited).toMatchObject({
      added: null,
      edited: { number: 2, note: { at: T1, text: 'second, edited' } },
      deleted: null,
    });
    const deleted = JSON.parse(await ok(T1, 'note', '1.1.1', '--delete', '1', '--json')) as object;
    expect(deleted).toMatchObject({
      added: null,
      edited: null,
      deleted: { number: 1, note: { at: T0, text: 'first thought' } },
      notes: [{ at: T1, text: 'second, edited' }],
    });
  });
});

describe('multi-line notes', () => {
  it('are kept as written and shown indented under their first line', async () => {
    await ok(T0, 'note', '1.1.1', 'Read:\n  - the data model\n\nthen practise');
    expect(savedNotes()).toEqual([{ at: T0, text: 'Read:\n  - the data model\n\nthen practise' }]);
    // Under the first line's text: after "  1. 2026-11-01  " (17 columns), or "        note 2026-11-01  " (25).
    expect(await ok(T0, 'note', '1.1.1')).toContain(
      `  1. 2026-11-01  Read:\n${pad(17)}  - the data model\n\n${pad(17)}then practise\n`,
    );
    expect(await ok(T0, 'list', '1.1', '--notes')).toContain(
      `        note 2026-11-01  Read:\n${pad(25)}  - the data model\n\n${pad(25)}then practise\n`,
    );
  });
});

describe('a note from standard input', () => {
  it('note REF - reads the whole of standard input, lines and all', () => {
    const result = spawn(['note', '1.1.1', '-'], { input: 'line one\n  line two\n', env: { ROADMAP_NOW: T0 } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`  1. 2026-11-01  line one\n${pad(17)}  line two\n`);
    expect(savedNotes()).toEqual([{ at: T0, text: 'line one\n  line two' }]);
    const edited = spawn(['note', '1.1.1', '--edit', '1', '-'], { input: 'replaced\n', env: { ROADMAP_NOW: T0 } });
    expect(edited.code).toBe(0);
    expect(savedNotes()).toEqual([{ at: T0, text: 'replaced' }]);
  });

  it('refuses empty standard input and saves nothing', () => {
    const result = spawn(['note', '1.1.1', '-'], { input: '\n  \n' });
    expectCleanError(result, 2);
    expect(result.stderr).toContain('a note needs some text');
    expect(snapshot(configPath(dir()))).toBeNull();
  });
});

describe('a note written in the editor', () => {
  it('without text at a terminal, opens $EDITOR and saves what it wrote', async () => {
    const editor = script('editor.sh', 'printf "from the editor\\nsecond line\\n" > "$1"');
    const result = await atTerminal(['note', '1.1.1'], { EDITOR: editor });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(savedNotes()).toEqual([{ at: T1, text: 'from the editor\nsecond line' }]);
  });

  it('prefers $VISUAL to $EDITOR, and takes an editor command with its own words', async () => {
    const visual = script('visual.sh', 'printf "%s" "$1 said visual" > "$2"');
    const broken = script('broken.sh', 'exit 3');
    expect((await atTerminal(['note', '1.1.1'], { VISUAL: `${visual} someone`, EDITOR: broken })).code).toBe(0);
    expect(savedNotes()).toEqual([{ at: T1, text: 'someone said visual' }]);
  });

  it('--edit N opens the editor on the note as it reads', async () => {
    await ok(T0, 'note', '1.1.1', 'first thought');
    const editor = script('append.sh', 'text=$(cat "$1"); printf "%s, revised\\n" "$text" > "$1"');
    const result = await atTerminal(['note', '1.1.1', '--edit', '1'], { EDITOR: editor });
    expect(result.code, result.stderr).toBe(0);
    expect(savedNotes()).toEqual([{ at: T0, text: 'first thought, revised' }]);
  });

  it('an empty note saves nothing; a failing editor is an error and saves nothing', async () => {
    await ok(T0, 'note', '1.1.1', 'kept');
    const before = snapshot(configPath(dir()));
    const empty = await atTerminal(['note', '1.1.1'], { EDITOR: script('empty.sh', ': > "$1"') });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('The note was empty, so nothing was saved.');
    expect(empty.stdout).toContain('  1. 2026-11-01  kept');
    const failed = await atTerminal(['note', '1.1.1'], { EDITOR: script('fails.sh', 'echo written > "$1"; exit 3') });
    expectCleanError(failed, 1);
    expect(failed.stderr).toMatch(/^error: the editor ".*fails\.sh" exited with code 3; nothing was saved\n$/);
    expectUnchanged(configPath(dir()), before);
  });

  it('is never opened without a terminal: there, no text shows the notes', async () => {
    await ok(T0, 'note', '1.1.1', 'kept');
    const editor = script('editor.sh', 'echo "should not be written" > "$1"');
    const result = await at(T1, ['note', '1.1.1'], { EDITOR: editor });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  1. 2026-11-01  kept');
    expect(savedNotes()).toEqual([{ at: T0, text: 'kept' }]);
  });
});

describe('notes on a project', () => {
  it('appear in project REF, as text and JSON', async () => {
    await ok(T0, 'note', 'p2', 'use Redis pub/sub');
    expect(await ok(T0, 'project', 'p2')).toContain('\nNotes\n  1. 2026-11-01  use Redis pub/sub\n');
    const json = JSON.parse(await ok(T0, 'project', 'p2', '--json')) as { notes: object[] };
    expect(json.notes).toEqual([{ at: T0, text: 'use Redis pub/sub' }]);
    expect(await ok(T0, 'project', 'p1')).not.toContain('Notes');
  });
});
