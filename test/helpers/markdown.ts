import fc from 'fast-check';

/** Markdown of up to 40 lines, each up to `perLine` pieces joined: generated files that hit the parser's real paths. */
export function markdownOf(piece: fc.Arbitrary<string>, perLine: number): fc.Arbitrary<string> {
  const line = fc.array(piece, { maxLength: perLine }).map((parts) => parts.join(''));
  return fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));
}
