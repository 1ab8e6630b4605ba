/** Reading a command line before commander does. */

/**
 * Whether the command line asks for JSON: a `--json` before `--` (after it,
 * words are a command's text). The one place --json is decided, before
 * parsing, so that even a command line commander refuses gets its error as
 * JSON. No option's value can be `--json`: commander never takes a word that
 * starts with a dash as a value.
 */
export function jsonRequested(words: readonly string[]): boolean {
  const end = words.indexOf('--');
  return (end === -1 ? words : words.slice(0, end)).includes('--json');
}
