/**
 * How many terminal columns text takes, so that columns and bars line up for
 * Chinese, Japanese or Korean titles as they do for English ones.
 */

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

// eslint-disable-next-line no-control-regex
const SGR_PART = /(\x1b\[[0-9;]*m)/;

const MARK = /^[\p{Mn}\p{Me}]$/u;

/** Takes no column of its own: combining marks, zero-width spaces and joiners, variation selectors. */
function isZeroWidth(char: string, code: number): boolean {
  return (
    MARK.test(char) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff
  );
}

/** East Asian wide and full-width characters, and most emoji, take two columns. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns `text` takes once its colour codes are left out. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(SGR, '')) {
    const code = char.codePointAt(0)!;
    if (!isZeroWidth(char, code)) width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** `text` followed by spaces up to `width` columns (as String#padEnd, counting columns, not characters). */
export const padColumns = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** One character of `text` and its columns, colour codes passed through at no width. */
function* cells(text: string): Generator<{ readonly text: string; readonly width: number }> {
  for (const part of text.split(SGR_PART)) {
    if (part.startsWith('\x1b[')) {
      yield { text: part, width: 0 };
      continue;
    }
    for (const char of part) {
      const code = char.codePointAt(0)!;
      yield { text: char, width: isZeroWidth(char, code) ? 0 : isWide(code) ? 2 : 1 };
    }
  }
}

/**
 * `text` cut to at most `width` columns, ending in `…` when cut (a wide character
 * is never split). Colour codes are kept, and reset after a cut.
 */
export function truncateColumns(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  let coloured = false;
  for (const cell of cells(text)) {
    if (cell.width === 0) {
      if (cell.text.startsWith('\x1b[')) coloured = true;
      out += cell.text;
      continue;
    }
    if (used + cell.width > width - 1) break;
    out += cell.text;
    used += cell.width;
  }
  return `${out}…${coloured ? '\x1b[0m' : ''}`;
}

/**
 * `text` in lines of at most `width` columns, broken at spaces; `indent` starts every
 * line after the first. A word longer than a line is broken where the line ends.
 * Colour codes count as no width (a word should not carry colour across a break).
 */
export function wrapColumns(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const room = (): number => width - (lines.length === 0 ? 0 : displayWidth(indent));
  const finish = (): void => {
    lines.push(lines.length === 0 ? line : `${indent}${line}`);
    line = '';
    used = 0;
  };
  for (const word of text.split(' ')) {
    const size = displayWidth(word);
    if (used > 0 && used + 1 + size > room()) finish();
    if (used > 0) {
      line += ' ';
      used += 1;
    }
    if (size <= room() - used) {
      line += word;
      used += size;
      continue;
    }
    // Longer than a whole line: as much as fits, then on.
    for (const cell of cells(word)) {
      if (cell.width > 0 && used + cell.width > room() && used > 0) finish();
      line += cell.text;
      used += cell.width;
    }
  }
  if (line !== '' || lines.length === 0) finish();
  return lines;
}
