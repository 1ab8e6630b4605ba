/** core/width: cutting and wrapping by terminal columns, wide characters counting two. */
import { describe, expect, it } from 'vitest';
import { displayWidth, truncateColumns, wrapColumns } from '../../src/core/width.js';

describe('truncateColumns', () => {
  it.each([
    ['hello world', 20, 'hello world'],
    ['hello world', 8, 'hello w…'],
    ['日本語のタイトル', 7, '日本語…'], // a wide character is never split
    ['日本語のタイトル', 8, '日本語…'],
  ])('%s in %i columns', (text, width, cut) => {
    expect(truncateColumns(text, width)).toBe(cut);
    expect(displayWidth(truncateColumns(text, width))).toBeLessThanOrEqual(width);
  });

  it('keeps colour codes, and resets them after a cut', () => {
    expect(truncateColumns('\x1b[1mhello world\x1b[22m', 5)).toBe('\x1b[1mhell…\x1b[0m');
  });
});

describe('wrapColumns', () => {
  it('breaks at spaces, indenting the lines after the first', () => {
    expect(wrapColumns('a bb ccc dddd eeeee', 10, '  ')).toEqual(['a bb ccc', '  dddd', '  eeeee']);
  });

  it('breaks a word longer than a line where the line ends, and counts wide characters as two', () => {
    expect(wrapColumns('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapColumns('日本語 のタイトル', 8)).toEqual(['日本語', 'のタイト', 'ル']);
  });
});
