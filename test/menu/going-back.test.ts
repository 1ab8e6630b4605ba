/**
 * Leaving a screen: Escape goes back one level (and out of the menu from the
 * main menu), Ctrl-C ends the run with exit 130; neither saves what was on
 * screen. Every list ends with "Go back" (the main menu with Quit).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { activeLine, choose, prompting, quit, screen, terminal, type Terminal } from './support.js';

let t: Terminal;
afterEach(() => t.cleanup());

const ESCAPE = { name: 'escape' };
const CTRL_C = { name: 'c', ctrl: true };

/** A fresh config folder and the menu open at its first screen: the running command. */
async function openMenu(): Promise<{ run: Promise<number> }> {
  t = terminal();
  return prompting(t);
}

/** Presses Escape and waits for the screen it goes back to. */
async function escape(): Promise<string> {
  screen.keypress(ESCAPE);
  await screen.next();
  return screen.getScreen();
}

describe('Escape goes back one level', () => {
  it('from a half-ticked checklist to the parts, then to the main menu, then out with exit 0; nothing saved', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1.1'])).toBe(0);
    const bytes = t.configText();
    const { run } = await prompting(t);
    await choose('Browse');
    await choose('Fundamentals');
    screen.keypress('down');
    screen.keypress('space'); // ticks 1.1.2, which Escape must not save
    expect(await escape()).toContain('Browse: choose a part');
    expect(t.configText()).toBe(bytes);
    expect(await escape()).toContain('Next up: 1.1.2');
    screen.keypress(ESCAPE);
    expect(await run).toBe(0);
    expect(t.configText()).toBe(bytes);
    expect(t.printed()).not.toContain('Marked done: 1.1.2');
  });

  it.each([
    ['a topic', ['Next up'], 'Next up: 1.1.1'],
    ['Find', ['Find a topic'], 'Next up: 1.1.1'],
    ['the parts', ['Browse'], 'Next up: 1.1.1'],
    ['the projects', ['Projects'], 'Next up: 1.1.1'],
    ['a project', ['Projects', 'p2'], 'Projects: how ready you are for each'],
    ['a note being typed', ['Next up', 'Add a note'], 'What now with 1.1.1'],
  ])('from %s to the screen before it', async (_name, path, before) => {
    const { run } = await openMenu();
    for (const choice of path) await choose(choice);
    if (path.at(-1) === 'Add a note') screen.type('half a thought');
    expect(await escape()).toContain(before);
    screen.keypress(CTRL_C);
    expect(await run).toBe(130);
    expect(t.configText()).toBeUndefined();
  });

  it('the key help under each list says so', async () => {
    const { run } = await openMenu();
    expect(screen.getScreen()).toContain('esc back');
    await choose('Browse');
    await choose('Fundamentals');
    expect(screen.getScreen()).toContain('esc back');
    screen.keypress(CTRL_C);
    expect(await run).toBe(130);
  });
});

describe('Ctrl-C quits from anywhere', () => {
  it('while a note is typed: exit 130 and no note saved', async () => {
    const { run } = await openMenu();
    await choose('Next up');
    await choose('Add a note');
    screen.type('half a thought');
    screen.keypress(CTRL_C);
    expect(await run).toBe(130);
    expect(t.configText()).toBeUndefined();
  });
});

describe('Escape where there is no level above', () => {
  it('in the list of `roadmap done` leaves it like Ctrl-C: exit 130, nothing marked', async () => {
    t = terminal();
    const { run } = await prompting(t, ['done']);
    screen.keypress('space');
    screen.keypress(ESCAPE);
    expect(await run).toBe(130);
    expect(t.configText()).toBeUndefined();
  });
});

describe('every list ends with Go back', () => {
  /** Moves down past the end (lists do not wrap around) and says what the last choice is. */
  const lastChoice = (): string => {
    for (let i = 0; i < 80; i++) screen.keypress('down');
    return activeLine();
  };

  it.each([
    ['the main menu, where it is Quit', [], 'Quit'],
    ['the parts', ['Browse'], 'Go back'],
    ['Find, before anything is typed', ['Find a topic'], 'Go back'],
    ['a topic', ['Next up'], 'Go back'],
    ['the projects', ['Projects'], 'Go back'],
    ['a project', ['Projects', 'p2'], 'Go back'],
  ])('%s', async (_name, path, last) => {
    const { run } = await openMenu();
    for (const choice of path) await choose(choice);
    expect(lastChoice()).toMatch(new RegExp(`^❯ ${last}$`));
    screen.keypress(CTRL_C);
    expect(await run).toBe(130);
  });

  it('and choosing it goes back as Escape does', async () => {
    const { run } = await openMenu();
    await choose('Projects');
    await choose('p2');
    await choose('Go back');
    expect(screen.getScreen()).toContain('Projects: how ready you are for each');
    await choose('Go back');
    expect(screen.getScreen()).toContain('Next up: 1.1.1');
    await quit(run);
  });
});
