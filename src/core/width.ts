/**
 * How many terminal columns text takes, so that columns and bars line up for
 * Chinese, Japanese or Korean titles as they do for English ones.
 */

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

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
