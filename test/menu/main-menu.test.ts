/**
 * What the main menu offers beside studying: the reviews due (and recording
 * one), the stats, and notes on a topic. Each does what its command does, so
 * the tests compare with the command's own output and with the file on disk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { activeLine, choose, prompting, quit, screen, terminal, type Terminal } from './support.js';

let t: Terminal;
afterEach(() => t.cleanup());

const PYTHON_SYNTAX =
  'fundamentals/core-programming-skills/python-basics/syntax-data-types-control-structures-oop-concepts';
const NOW = '2026-11-27T10:00:00.000Z';

/** 1.1.1 and 1.1.2 finished on 10 November, so both are due for their first review on the 27th. */
async function twoReviewsDue(): Promise<void> {
  t = terminal();
  t.setClock('2026-11-10T09:00:00.000Z');
  expect(await t.roadmap(['done', '1.1.1', '1.1.2'])).toBe(0);
  t.setClock(NOW);
}

/** Runs `roadmap ...args` and returns only what this run printed. */
async function printedBy(args: string[]): Promise<string> {
  const before = t.printed().length;
  expect(await t.roadmap(args)).toBe(0);
  return t.printed().slice(before);
}

/** Picks a grade: they are listed again, hard, good, easy, with the cursor on good. */
async function chooseGrade(name: string): Promise<void> {
  for (let i = 0; i < 4; i++) screen.keypress('up');
  await choose(name);
}

describe('Review', () => {
  it('the main menu says how many are due; one chosen is shown, then recorded as reviewed with its grade', async () => {
    await twoReviewsDue();
    const { run } = await prompting(t);
    expect(screen.getScreen()).toContain('Review (2 topics due)');
    await choose('Review');
    const list = screen.getScreen();
    expect(list).toContain('Due for review (2) · 2/44 topics, 4%');
    expect(list).toMatch(/❯ 1\.1\.1 +Syntax, data types/);
    // The highlighted one's review, under the list.
    expect(list).toContain('review 1 of 2, due since 2026-11-17 (finished 2026-11-10)');
    expect(list).toContain('1.1.2');
    await choose('1.1.1');
    // The topic in full, to go over it again, before it is recorded.
    expect(t.printed()).toContain('Review 1 of 2\n1.1.1  Syntax, data types');
    // How it went, Anki's four ways, "good" highlighted.
    const grades = screen.getScreen();
    expect(grades).toContain('Went over 1.1.1 again: how well did you remember it?');
    expect(activeLine()).toBe('❯ Good: I remembered it');
    for (const choice of [
      'Again: I had forgotten it',
      'Hard: I remembered it, with effort',
      'Easy: I knew it at once',
    ]) {
      expect(grades).toContain(choice);
    }
    await choose('Good');
    expect(t.printed()).toContain(
      'Reviewed: 1.1.1 Syntax, data types, control structures, OOP concepts. (review 1, good)',
    );
    // 17 days after the finish, remembered: FSRS brings it back a month on.
    expect(t.printed()).toContain('Next review is due 2026-12-28 (FSRS, from your grades).');
    expect(screen.getScreen()).toContain('Due for review (1)');
    expect(screen.getScreen()).not.toContain('1.1.1');
    await choose('Go back');
    expect(screen.getScreen()).toContain('Review (1 topic due)');
    await quit(run);
    expect(t.saved().reviews).toEqual({ [PYTHON_SYNTAX]: [NOW] });
    expect(t.saved().grades).toEqual({ [PYTHON_SYNTAX]: [{ at: NOW, grade: 'good' }] });
    // What `roadmap review` says now agrees.
    expect(await printedBy(['review'])).toMatch(/Due for review \(1\)\n {2}1\.1\.2 /);
  });

  it('the list of reviews and a reviewed topic end with Go back, which records nothing', async () => {
    await twoReviewsDue();
    const bytes = t.configText();
    const { run } = await prompting(t);
    await choose('Review');
    for (let i = 0; i < 10; i++) screen.keypress('down');
    expect(activeLine()).toBe('❯ Go back');
    screen.keypress('up');
    await choose('1.1.2');
    for (let i = 0; i < 10; i++) screen.keypress('down');
    expect(activeLine()).toBe('❯ Go back');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Due for review (2)');
    screen.keypress({ name: 'escape' });
    await screen.next();
    expect(screen.getScreen()).toContain('Review (2 topics due)');
    await quit(run);
    expect(t.configText()).toBe(bytes);
  });

  it('a review recorded elsewhere meanwhile is not recorded twice: the menu says why and goes on', async () => {
    await twoReviewsDue();
    const { run } = await prompting(t);
    await choose('Review');
    await choose('1.1.1');
    expect(await t.roadmap(['review', '1.1.1'])).toBe(0);
    await chooseGrade('Hard');
    expect(t.printed()).toContain('is not due for review until 2026-12-10 (review 2 of 2)');
    expect(t.printed()).toContain('roadmap review"\nNothing was saved.\n');
    expect(screen.getScreen()).toContain('Due for review (1)');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
    expect(t.saved().reviews).toEqual({ [PYTHON_SYNTAX]: [NOW] });
  });

  it('"Again": saved with the review, and the topic comes back the next day', async () => {
    await twoReviewsDue();
    const { run } = await prompting(t);
    await choose('Review');
    await choose('1.1.1');
    await chooseGrade('Again');
    expect(t.printed()).toContain('(review 1, again)\nNext review is due 2026-11-28 (FSRS, from your grades).');
    await choose('Go back');
    await quit(run);
    expect(t.saved().grades).toEqual({ [PYTHON_SYNTAX]: [{ at: NOW, grade: 'again' }] });
    t.setClock('2026-11-28T10:00:00.000Z');
    expect(await printedBy(['review'])).toContain(
      '1.1.1  Syntax, data types, control structures, OOP concepts.  finished 2026-11-10; review 2 (FSRS) due since 2026-11-28',
    );
  });

  it('with nothing due, says when reviews come, and the main menu is back', async () => {
    t = terminal();
    expect(await t.roadmap(['done', '1.1.1'])).toBe(0);
    const { run } = await prompting(t);
    expect(screen.getScreen()).toContain('Review (nothing due)');
    await choose('Review');
    expect(t.printed()).toContain('Nothing is due for review.');
    expect(t.printed()).toMatch(/Coming up\n {2}1\.1\.1 .*review 1 of 2 due 2026-12-04/);
    expect(screen.getScreen()).toContain('Next up: 1.1.2');
    await quit(run);
  });
});

describe('Stats', () => {
  it('shows what roadmap stats shows, then the main menu again', async () => {
    t = terminal();
    t.setClock('2026-11-20T09:00:00.000Z');
    expect(await t.roadmap(['done', '1.1.1', '1.1.2'])).toBe(0);
    t.setClock(NOW);
    expect(await t.roadmap(['done', '1.2.1'])).toBe(0);
    const shown = await printedBy(['stats']);
    expect(shown).toContain('Pace');
    const { run } = await prompting(t);
    const before = t.printed().length;
    await choose('Stats');
    expect(t.printed().slice(before)).toBe(`\n${shown}`);
    expect(screen.getScreen()).toContain('3/44 topics, 6%');
    await quit(run);
  });
});

describe('Undo', () => {
  it('shows what undo would revert, and reverts it (with the earlier record kept exactly) on yes', async () => {
    t = terminal();
    t.setClock('2026-11-20T09:00:00.000Z');
    expect(await t.roadmap(['done', '1.1.1'])).toBe(0);
    t.setClock(NOW);
    expect(await t.roadmap(['done', '1.1.2'])).toBe(0);
    const { run } = await prompting(t);
    await choose('Undo the last change');
    expect(t.printed()).toMatch(/Would undo change 2 \(done, .*\):\n {2}1\.1\.2 .* done \(2026-11-27\) → not done/);
    // Go back leaves it as it is.
    await choose('Go back');
    expect(t.saved().items).toHaveProperty([PYTHON_SYNTAX]);
    expect(Object.keys(t.saved().items)).toHaveLength(2);
    await choose('Undo the last change');
    await choose('Undo it');
    expect(t.printed()).toMatch(/Undid change 2 \(done, /);
    expect(Object.keys(t.saved().items)).toEqual([PYTHON_SYNTAX]);
    expect(t.saved().items[PYTHON_SYNTAX]).toEqual({ status: 'done', at: '2026-11-20T09:00:00.000Z' });
    await quit(run);
  });
});

describe('notes on a topic', () => {
  it('are listed on its screen, and one added there is saved as roadmap note saves it', async () => {
    t = terminal();
    expect(await t.roadmap(['note', '1.1.1', 'Read the data model chapter'])).toBe(0);
    const { run } = await prompting(t);
    await choose('Next up');
    expect(t.printed()).toMatch(/note +2026-11-27 +Read the data model chapter/);
    await choose('Add a note');
    expect(screen.getScreen()).toContain('Note on 1.1.1 (Enter saves it, Escape goes back):');
    screen.type('Descriptors power properties');
    screen.keypress('enter');
    await screen.next();
    expect(t.printed()).toContain('Noted on 1.1.1 Syntax, data types, control structures, OOP concepts. (2 notes)');
    // The topic again, its notes oldest first, and what to do with it.
    const again = t.printed().slice(t.printed().lastIndexOf('Next up\n1.1.1'));
    expect(again).toMatch(/Read the data model chapter\n.*note +2026-11-27 +Descriptors power properties/);
    expect(screen.getScreen()).toContain('What now with 1.1.1 (not started)?');
    await choose('Go back');
    await quit(run);
    expect(t.saved().notes).toEqual({
      [PYTHON_SYNTAX]: [
        { at: NOW, text: 'Read the data model chapter' },
        { at: NOW, text: 'Descriptors power properties' },
      ],
    });
    // --no-input: at a terminal, note without text would open the editor.
    expect(await printedBy(['note', '1.1.1', '--no-input'])).toContain('2. 2026-11-27  Descriptors power properties');
  });

  it('an empty note is not added, and nothing is saved', async () => {
    t = terminal();
    const { run } = await prompting(t);
    await choose('Next up');
    await choose('Add a note');
    screen.type('   ');
    screen.keypress('enter');
    await screen.next();
    expect(t.printed()).toContain('No note added.');
    expect(screen.getScreen()).toContain('What now with 1.1.1');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run).toBe(130);
    expect(t.configText()).toBeUndefined();
  });
});
