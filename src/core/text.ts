/** Small text helpers shared by the parser, REF resolution and matching. */

/** `Dependency Injection` -> `dependency-injection`; accents folded, punctuation dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Words that say nothing about a subject. Used when matching a project's or a
 * learning-path stage's words against the roadmap's titles.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be build by create develop e.g explore for from in into ' +
    'implement is it its learn like of on or start the their this to tool tools use using ' +
    'with your application app platform system'
  ).split(' '),
);

/** Crude singular form, enough to match `APIs` with `API` and `libraries` with `library`. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Meaningful, stemmed words of a text. Hyphenated words stay whole (`real-time`, `role-based`). */
export function keywords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return words.filter((w) => !STOPWORDS.has(w) && w.length > 1).map(stem);
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Dice coefficient of letter pairs, 0..1: forgiving of typos and dropped letters. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const pairs = (s: string): string[] => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const left = pairs(a);
  const right = pairs(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const p of right) pool.set(p, (pool.get(p) ?? 0) + 1);
  let shared = 0;
  for (const p of left) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(p, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * Roadmap text is untrusted: a title could carry escape sequences that recolour
 * the terminal, rewrite the clipboard (OSC 52) or reorder text (bidi overrides).
 * Control characters, DEL, C1 codes and bidi controls are removed.
 */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}
