/** How prompts fit the terminal: choices shown at once, widths, and a checklist's answer line. */
import { describe, expect, it } from 'vitest';
import { displayWidth, fitPageSize, tickedText } from '../../src/io/prompts.js';

const question = 'Part 2: FastAPI Basics · 0/7 done · 0/44 topics, 0% ░░░░░░░░░░ in all'; // 70 characters

describe('fitPageSize', () => {
  it.each([
    // [rows, columns, rows of choices]
    [undefined, undefined, 15], // not known: the preferred size
    [40, 120, 15], // room to spare
    [24, 80, 15], // 24 - 1 row of question - 4 below = 19, capped at 15
    [15, 50, 9], // the question wraps to 2 rows: 15 - 2 - 4
    [10, 80, 5],
    [6, 40, 3], // never fewer than 3
  ])('%s rows x %s columns: %s', (rows, columns, expected) => {
    expect(fitPageSize(15, question, { rows, columns })).toBe(expected);
  });

  it('counts what the question shows, not its colour codes', () => {
    const coloured = `\x1b[32m${'█'.repeat(10)}\x1b[39m ${'x'.repeat(66)}`; // 77 visible characters + "? "
    expect(fitPageSize(15, coloured, { rows: 10, columns: 80 })).toBe(5);
    expect(fitPageSize(15, `${coloured}xx`, { rows: 10, columns: 80 })).toBe(4);
  });
});

describe('displayWidth', () => {
  it.each([
    ['Python basics', 13],
    ['数据结构', 8],
    ['하나', 4],
    ['🚀 Deploy', 9],
    ['\x1b[1mbold\x1b[22m', 4],
    ['café ✓ ░█', 9],
  ])('%s takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('makes a question of wide characters wrap sooner', () => {
    const wide = '数'.repeat(39); // 78 columns + "? " = 80: one row at 80 columns
    expect(fitPageSize(15, wide, { rows: 10, columns: 80 })).toBe(5);
    expect(fitPageSize(15, `${wide}数`, { rows: 10, columns: 80 })).toBe(4);
  });

  it('leaves room on the question line for what a search has typed', () => {
    expect(fitPageSize(12, 'x'.repeat(60), { rows: 10, columns: 80 })).toBe(5);
    expect(fitPageSize(12, 'x'.repeat(60), { rows: 10, columns: 80 }, 20)).toBe(4);
  });
});

describe('tickedText', () => {
  const ticked = (...ids: string[]) => ids.map((short) => ({ short }));
  it.each([
    [ticked(), ''],
    [ticked('1.1.1'), '1.1.1'],
    [ticked('1', '2', '3', '4', '5'), '1, 2, 3, 4, 5'],
    [ticked('1', '2', '3', '4', '5', '6'), '1, 2, 3 and 3 more'],
  ])('%j: %s', (choices, text) => {
    expect(tickedText(choices)).toBe(text);
  });
});
