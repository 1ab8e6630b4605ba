/** Reading a command line before (or without) commander. */
import { takesValue, type OptionSpec } from './spec.js';

/**
 * Whether the command line asks for JSON: a `--json` before `--` (after it,
 * words are a command's text) that is not the value of an option taking one.
 * The one place --json is decided, so that even a command line commander
 * refuses gets its error as JSON.
 */
export function jsonRequested(words: readonly string[], options: readonly OptionSpec[]): boolean {
  const valued = new Set(
    options.filter((o) => takesValue(o.flags)).flatMap((o) => o.flags.match(/-{1,2}[\w-]+/g) ?? []),
  );
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') return false;
    if (word === '--json') return true;
    if (valued.has(word)) i++;
  }
  return false;
}
