/**
 * The interactive navigator, flow by flow: keys in, then what the screen showed
 * and what the progress file holds. @inquirer/testing's screen replaces the
 * terminal; everything else (store, roadmap, commands) is real.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activeLine, choose, keysWith, pick, screen, terminal, type Terminal } from './support.js';

let t: Terminal;
afterEach(() => t.cleanup());

const PYTHON_SYNTAX =
  'fundamentals/core-programming-skills/python-basics/syntax-data-types-control-structures-oop-concepts';
const STANDARD_LIBS =
  'fundamentals/core-programming-skills/python-basics/python-standard-libraries-os-sys-datetime-collections-itertools-functools';

/** A fresh config folder and the menu open at its first screen: the running command. */
async function openMenu(options: Parameters<typeof terminal>[0] = {}): Promise<{ run: Promise<number> }> {
  t = terminal(options);
  const run = t.roadmap([]);
  await screen.next();
  return { run };
}

/** 1.1.1 done, then the menu open at Part 1's checklist: the running command and the file's bytes before. */
async function part1ChecklistWith1_1_1Done(): Promise<{ run: Promise<number>; bytes: string | undefined }> {
  t = terminal();
  expect(await t.roadmap(['done', '1.1.1'])).toBe(0);
  const bytes = t.configText();
  const run = t.roadmap([]);
  await screen.next();
  await choose('Browse');
  await choose('Fundamentals');
  return { run, bytes };
}

describe('the main menu', () => {
  it('shows progress and the choices, and Quit ends with exit 0 and nothing saved', async () => {
    const { run } = await openMenu();
    const main = screen.getScreen();
    expect(main).toContain('0/44 topics, 0%');
    expect(main).toMatch(/Next up: 1\.1\.1 Syntax/);
    for (const choice of ['Browse parts', 'Find a topic', 'Review (nothing due)', 'Projects', 'Stats', 'Quit'])
      expect(main).toContain(choice);
    pick('Quit');
    expect(await run).toBe(0);
    expect(t.configText()).toBeUndefined();
  });

  it('Next up: mark it done saves the topic, and the menu comes back with the new progress', async () => {
    const { run } = await openMenu();
    await choose('Next up');
    expect(t.printed()).toContain('1.1.1  Syntax, data types');
    expect(t.printed()).toContain('Part 1: Fundamentals › 1.1 Python Basics');
    const topic = screen.getScreen();
    expect(topic).toContain('What now with 1.1.1 (not started)?');
    expect(topic).toContain('0/44 topics, 0%');
    for (const choice of ['Mark it done', 'Start it', 'Skip it', 'Add a note', 'Go back'])
      expect(topic).toContain(choice);
    await choose('Mark it done');
    expect(t.printed()).toContain('Marked done: 1.1.1');
    expect(screen.getScreen()).toContain('1/44 topics, 2%');
    expect(screen.getScreen()).toMatch(/Next up: 1\.1\.2 Python standard libraries/);
    pick('Quit');
    expect(await run).toBe(0);
    expect(keysWith(t.saved(), 'done')).toEqual([PYTHON_SYNTAX]);
    expect(t.saved().history).toHaveLength(1);
  });

  it('Next up shows the notes on the topic', async () => {
    t = terminal();
    expect(await t.roadmap(['note', '1.1.1', 'Revisit the descriptor protocol'])).toBe(0);
    const run = t.roadmap([]);
    await screen.next();
    await choose('Next up');
    expect(t.printed()).toMatch(/note +2026-11-27 +Revisit the descriptor protocol/);
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
  });

  it('Next up: start it, then skip the next one; go back changes nothing', async () => {
    const { run } = await openMenu();
    await choose('Next up');
    await choose('Start it');
    // A started topic stays first in line.
    await choose('Next up');
    expect(screen.getScreen()).toContain('What now with 1.1.1 (started)?');
    expect(screen.getScreen()).not.toContain('Start it');
    await choose('Go back');
    await choose('Next up');
    await choose('Skip it');
    expect(screen.getScreen()).toMatch(/Next up: 1\.1\.2/);
    pick('Quit');
    expect(await run).toBe(0);
    expect(keysWith(t.saved(), 'skipped')).toEqual([PYTHON_SYNTAX]);
    expect(t.saved().history.map((h) => `${h.from}>${h.to}`)).toEqual(['todo>doing', 'doing>skipped']);
  });
});

describe('Browse', () => {
  it('ticks the finished topics of a part and saves exactly the difference', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1.1', '1.3.1'])).toBe(0);
    const before = t.saved().history.length;
    const run = t.roadmap([]);
    await screen.next();
    await choose('Browse');
    const parts = screen.getScreen();
    expect(parts).toContain('Fundamentals');
    expect(parts).toContain('Advanced Topics');
    expect(parts).toContain('2/44 topics, 4%');
    await choose('Fundamentals');
    const list = screen.getScreen();
    // Finished topics come pre-checked.
    expect(list).toMatch(/◉ 1\.1\.1/);
    expect(list).toMatch(/◯ 1\.1\.2/);
    expect(list).toMatch(/◉ 1\.3\.1/);
    expect(list).toContain('2/6 done ·');
    screen.keypress('space'); // untick 1.1.1
    screen.keypress('down');
    screen.keypress('space'); // tick 1.1.2
    screen.keypress('enter');
    await screen.next();
    expect(t.printed()).toContain('Marked done: 1.1.2');
    expect(t.printed()).toContain('Marked not done: 1.1.1');
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
    const saved = t.saved();
    expect(keysWith(saved, 'done')).toEqual(
      [
        STANDARD_LIBS,
        'fundamentals/core-programming-skills/version-control/git-basics-branching-merging-and-resolving-conflicts',
      ].sort(),
    );
    // Exactly two changes: 1.3.1, untouched, was not written again.
    expect(saved.history.slice(before).map((h) => `${h.key.split('/').at(-1)} ${h.from}>${h.to}`)).toEqual([
      'python-standard-libraries-os-sys-datetime-collections-itertools-functools todo>done',
      'syntax-data-types-control-structures-oop-concepts done>todo',
    ]);
  });

  it('submitting an unchanged list saves nothing', async () => {
    const { run, bytes } = await part1ChecklistWith1_1_1Done();
    screen.keypress('enter');
    await screen.next();
    expect(t.printed()).toContain('Nothing changed.');
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
    expect(t.configText()).toBe(bytes);
  });
});

describe('Find', () => {
  it('searches titles as you type and acts on the chosen topic', async () => {
    const { run } = await openMenu();
    await choose('Find a topic');
    screen.type('dependency inj');
    await screen.next();
    const found = screen.getScreen();
    expect(found).toContain('2.3.1');
    expect(found).not.toContain('1.1.1');
    expect(found).toContain('2.3 Dependency Injection');
    screen.keypress('enter');
    await screen.next();
    expect(t.printed()).toContain('Found');
    await choose('Mark it done');
    // Back in Find, the topic now says it is done; Go back ends the list.
    screen.type('2.3.1');
    await screen.next();
    expect(activeLine()).toMatch(/2\.3\.1 .*\(done\)$/);
    for (let i = 0; i < '2.3.1'.length; i++) screen.keypress({ name: 'backspace' });
    await screen.next();
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
    expect(Object.keys(t.saved().items)).toEqual([expect.stringMatching(/^fastapi-basics\/dependency-injection\//)]);
  });
});

describe('Find, more', () => {
  it('puts IDs that start with what was typed first: 2.1 finds 2.1.1 before 1.2.1', async () => {
    const { run } = await openMenu();
    await choose('Find a topic');
    screen.type('2.1');
    await screen.next();
    expect(activeLine()).toContain('2.1.1');
    expect(screen.getScreen()).toContain('1.2.1');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
  });

  it('offers a way back when nothing matches, to the main menu, saving nothing', async () => {
    const { run } = await openMenu();
    await choose('Find a topic');
    screen.type('zzzz');
    await screen.next();
    expect(activeLine()).toContain('Go back (nothing matches "zzzz")');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Next up: 1.1.1');
    pick('Quit');
    expect(await run).toBe(0);
    expect(t.configText()).toBeUndefined();
  });
});

describe('a topic changed by another roadmap while its screen is shown', () => {
  it('is not acted on: the menu says what it is now, and the other change stays', async () => {
    const { run } = await openMenu();
    await choose('Next up');
    expect(screen.getScreen()).toContain('What now with 1.1.1 (not started)?');
    // Another roadmap (a REF: no prompt) marks it done meanwhile.
    expect(await t.roadmap(['done', '1.1.1'])).toBe(0);
    await choose('Start it');
    expect(t.printed()).toContain('1.1.1 "Syntax, data types, control structures, OOP concepts." is done now');
    expect(t.printed()).toContain('nothing was changed');
    pick('Quit');
    expect(await run).toBe(0);
    expect(Object.values(t.saved().items).map((r) => r.status)).toEqual(['done']);
    expect(t.saved().history.map((h) => h.to)).toEqual(['done']);
  });
});

describe('a project marked built by another roadmap while its screen is shown', () => {
  it('says it was already built when that is what was asked, and saves nothing more', async () => {
    const { run } = await openMenu();
    await choose('Projects');
    await choose('p2');
    expect(await t.roadmap(['done', 'p2'])).toBe(0);
    await choose('Mark it built');
    expect(t.printed()).toContain(
      'p2 "Create a real-time chat application using WebSockets." was already done; nothing changed.',
    );
    expect(t.printed()).not.toContain('changed since');
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
    expect(t.saved().history.map((h) => h.to)).toEqual(['done']);
  });
});

describe('a big checklist answered', () => {
  it('leaves a short answer line: a few IDs and how many more', async () => {
    const { run } = await openMenu();
    await choose('Browse');
    await choose('FastAPI Basics');
    screen.keypress('a'); // tick all 7
    screen.keypress('enter');
    await screen.next();
    const output = await screen.getFullOutput();
    expect(output).toContain('2.1.1, 2.1.2, 2.2.1 and 4 more');
    expect(output).not.toContain('2.1.1, 2.1.2, 2.2.1, 2.2.2');
    expect(t.printed()).toContain('Marked done: 2.4.2');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
    expect(keysWith(t.saved(), 'done')).toHaveLength(7);
  });
});

describe('a short terminal', () => {
  it('shows fewer choices at a time, so the question and progress stay on screen', async () => {
    const seen = async (rows?: number): Promise<string> => {
      const { run } = await openMenu(rows === undefined ? {} : { rows, columns: 80 });
      await choose('Browse');
      await choose('FastAPI Basics');
      const shown = screen.getScreen();
      screen.keypress({ name: 'c', ctrl: true });
      expect(await run).toBe(130);
      t.cleanup();
      return shown;
    };
    const ids = (shown: string) => shown.match(/\b2\.\d\.\d\b/g) ?? [];
    const tall = await seen();
    expect(ids(tall)).toHaveLength(7);
    const short = await seen(10);
    expect(short).toContain('Part 2: FastAPI Basics · 0/7 done · 0/44 topics, 0%');
    // 10 rows: 1 for the question, 4 for the description, the key help and a spare.
    expect(ids(short)).toHaveLength(5);
  });
});

describe('Projects', () => {
  it('lists readiness, shows a project in detail, and marks it built', async () => {
    const { run } = await openMenu();
    await choose('Projects');
    const list = screen.getScreen();
    expect(list).toMatch(/p1 .* 0% ready/);
    expect(list).toContain('p4');
    await choose('p2');
    expect(t.printed()).toContain('Still to learn');
    expect(t.printed()).toContain('4.4');
    expect(screen.getScreen()).toMatch(/p2 .*% ready · 0\/44 topics, 0%/);
    await choose('Mark it built');
    expect(t.printed()).toContain('Marked done: p2');
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
    expect(Object.values(t.saved().items).map((r) => r.status)).toEqual(['done']);
    expect(Object.keys(t.saved().items)[0]).toMatch(/chat/);
  });
});

describe('roadmap done without a REF, at a terminal', () => {
  it('offers the unfinished topics of the current part and marks the ticked ones', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1'])).toBe(0);
    const run = t.roadmap(['done']);
    await screen.next();
    const list = screen.getScreen();
    expect(list).toContain('Which did you finish? Part 1: Fundamentals');
    expect(list).not.toContain('1.1.1');
    expect(list).toContain('1.2.1');
    expect(list).toContain('1.3.2');
    screen.keypress('space');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    expect(await run).toBe(0);
    expect(t.printed()).toContain('Marked done: 1.2.1');
    expect(t.printed()).toContain('Marked done: 1.2.2');
    expect(keysWith(t.saved(), 'done')).toHaveLength(4);
  });
});

describe('leaving a prompt', () => {
  it('Ctrl-C in a half-ticked list ends with exit 130 and saves nothing', async () => {
    const { run, bytes } = await part1ChecklistWith1_1_1Done();
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
    expect(t.configText()).toBe(bytes);
    expect(t.printed()).not.toMatch(/error| {4}at /);
  });

  it('Ctrl-C at the main menu ends with exit 130', async () => {
    const { run } = await openMenu();
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
    expect(t.configText()).toBeUndefined();
  });
});

describe('reset asks first', () => {
  it('clears the part when confirmed', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1', '2.1'])).toBe(0);
    const run = t.roadmap(['reset', '1']);
    await screen.next();
    expect(screen.getScreen()).toContain('Reset Part 1: Fundamentals (2 items with progress) to not started?');
    screen.type('y');
    screen.keypress('enter');
    expect(await run).toBe(0);
    expect(t.printed()).toContain('Marked not done: 1.1.1');
    const done = keysWith(t.saved(), 'done');
    expect(done.length).toBeGreaterThan(0);
    expect(done.filter((k) => !k.startsWith('fastapi-basics/'))).toEqual([]);
  });

  it.each([
    ['1.2', 'section 1.2 Advanced Python'],
    ['1.2.1', 'topic 1.2.1 Decorators, context managers, typing, metaclasses.'],
    ['p2', 'project p2 Create a real-time chat application using WebSockets.'],
  ])('names what %s is in the question', async (ref, named) => {
    t = terminal();
    expect(await t.roadmap(['done', '1.2.1', 'p2'])).toBe(0);
    const run = t.roadmap(['reset', ref]);
    await screen.next();
    expect(screen.getScreen()).toContain(`Reset ${named} (1 item with progress)`);
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
  });

  it('changes nothing when declined', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1'])).toBe(0);
    const bytes = t.configText();
    const run = t.roadmap(['reset']);
    await screen.next();
    expect(screen.getScreen()).toContain('Reset all progress on Backend Development Roadmap: FastAPI (2 items');
    screen.keypress('enter'); // the default is No
    expect(await run).toBe(0);
    expect(t.printed()).toContain('Nothing was reset.');
    expect(t.configText()).toBe(bytes);
  });
});

describe('reset with nothing to clear', () => {
  it.each([
    ['at a terminal', {}],
    ['where it cannot ask', { CI: 'true' }],
  ] as const)('%s does not ask, and says there is nothing to reset', async (_where, env) => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1'])).toBe(0);
    const bytes = t.configText();
    expect(await t.roadmap(['reset', '9'], env)).toBe(0);
    expect(t.printed()).not.toContain('?');
    expect(t.printed()).toContain('Nothing to reset: Part 9: Advanced Topics has no progress.');
    expect(t.configText()).toBe(bytes);
  });
});

describe('never a prompt where nobody can answer', () => {
  it.each([
    ['CI is set', [], { CI: 'true' }, {}],
    ['TERM is dumb', [], { TERM: 'dumb' }, {}],
    ['--no-input', ['--no-input'], {}, {}],
    ['stdin is not a terminal', [], {}, { stdinIsTTY: false }],
    ['stdout is not a terminal', [], {}, { stdoutIsTTY: false }],
  ] as const)('bare roadmap when %s prints next and a hint', async (_name, args, env, tty) => {
    t = terminal(tty);
    expect(await t.roadmap(args, env)).toBe(0);
    expect(t.printed()).toContain('Next up');
    expect(t.printed()).toContain('1.1.1');
    expect(t.printed()).toContain('roadmap --help');
  });

  it.each([
    ['CI is set', ['done'], { CI: '1' }],
    ['--no-input', ['--no-input', 'done'], {}],
  ] as const)('done without a REF when %s is a usage error (exit 2)', async (_name, args, env) => {
    t = terminal();
    expect(await t.roadmap(args, env)).toBe(2);
    expect(t.printed()).toMatch(/^error: name at least one topic/);
    expect(t.configText()).toBeUndefined();
  });

  it('reset without --yes where it cannot ask is a usage error, and --yes resets', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1'])).toBe(0);
    const bytes = t.configText();
    expect(await t.roadmap(['reset'], { CI: 'true' })).toBe(2);
    expect(t.printed()).toContain('roadmap reset --yes');
    expect(t.configText()).toBe(bytes);
    expect(await t.roadmap(['reset', '--yes'], { CI: 'true' })).toBe(0);
    expect(keysWith(t.saved(), 'done')).toEqual([]);
    expect(t.saved().history.map((h) => h.to)).toEqual(['done', 'done', 'todo', 'todo']);
  });
});

describe('--json never asks, even at a terminal: it is for scripts', () => {
  it('reset --json without --yes is a JSON usage error, and nothing is saved', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1'])).toBe(0);
    const bytes = t.configText();
    expect(await t.roadmap(['reset', '1.1', '--json'])).toBe(2);
    expect(JSON.parse(t.printed().split('\n').at(-2)!)).toMatchObject({
      error: { exitCode: 2, message: expect.stringContaining('roadmap reset 1.1 --yes') as unknown },
    });
    expect(t.configText()).toBe(bytes);
  });

  it.each([[[]], [['done']]] as const)('roadmap %j --json opens no menu and no pick list', async (args) => {
    t = terminal();
    const code = await t.roadmap([...args, '--json']);
    expect(t.printed()).not.toContain('?');
    if (args.length === 0) expect(JSON.parse(t.printed())).toMatchObject({ command: 'next' });
    else expect(code).toBe(2);
  });
});

describe('a roadmap without parts', () => {
  const flat = '# Flat plan\n\n- [ ] Alpha\n- [ ] Beta\n- [ ] Gamma\n';
  // Checkboxes: a plain list above the first part would be the file's preamble, not topics.
  const mixed = '# Mixed plan\n\n- [ ] Warm up\n- [ ] Stretch\n\n## Part A\n\n- [ ] First\n- [ ] Second\n';

  it('done without a REF offers all its unfinished topics in one list', async () => {
    t = terminal();
    writeFileSync(join(t.dir, 'flat.md'), flat);
    expect(await t.roadmap(['--file', 'flat.md', 'done', 'alpha'])).toBe(0);
    const run = t.roadmap(['--file', 'flat.md', 'done']);
    await screen.next();
    const list = screen.getScreen();
    expect(list).toContain('Which did you finish? All topics · 1/3 done');
    expect(list).not.toContain('Alpha');
    expect(list).toContain('Beta');
    expect(list).toContain('Gamma');
    screen.keypress('space');
    screen.keypress('enter');
    expect(await run).toBe(0);
    expect(t.printed()).toContain('Marked done: 2 Beta');
  });

  it('Browse gathers top-level topics into one list beside the parts', async () => {
    t = terminal();
    writeFileSync(join(t.dir, 'mixed.md'), mixed);
    const run = t.roadmap(['--file', 'mixed.md']);
    await screen.next();
    await choose('Browse');
    const chapters = screen.getScreen();
    expect(chapters).toContain('Topics outside any part');
    expect(chapters).toContain('Part A');
    await choose('Topics outside any part');
    expect(screen.getScreen()).toContain('Warm up');
    expect(screen.getScreen()).toContain('Stretch');
    expect(screen.getScreen()).not.toContain('First');
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    expect(t.printed()).toContain('Marked done: 1 Warm up');
    await choose('Go back');
    pick('Quit');
    expect(await run).toBe(0);
  });
});

describe('when nothing is left to study', () => {
  it('the menu says only skipped topics are left, not that every topic is done', async () => {
    t = terminal();
    writeFileSync(join(t.dir, 'two.md'), '# Two\n\n- [ ] One\n- [ ] Two\n');
    expect(await t.roadmap(['--file', 'two.md', 'done', 'one'])).toBe(0);
    expect(await t.roadmap(['--file', 'two.md', 'skip', 'two'])).toBe(0);
    const run = t.roadmap(['--file', 'two.md']);
    await screen.next();
    expect(screen.getScreen()).toContain('Next up: nothing left but what you skipped');
    await choose('Next up');
    expect(t.printed()).toContain('Nothing left to study but the 1 topic you skipped');
    pick('Quit');
    expect(await run).toBe(0);
  });
});
