/**
 * Records keyed by data. An item's key comes from a title or from a file, so it
 * can be any string, "constructor", "toString" and "__proto__" included. On a
 * plain object those read as Object.prototype's members (a function where a
 * list of notes was expected), and assigning "__proto__" replaces the prototype
 * instead of adding a key, so the record vanishes. A dict has no prototype, so
 * every string is an ordinary key, and JSON.stringify writes them all.
 *
 * The rule, wherever keys come from data: build with `dict` or `withEntry`
 * (never `{}` or a spread, which make a plain object again) and read with `own`.
 */

/** A record keyed by data. Read it with `own`, never `d[key]`. */
export type Dict<T> = Readonly<Record<string, T>>;

/** A new dict of the entries (null prototype); a later entry replaces an earlier one with its key. */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** The value `d` holds under `key` itself: never an inherited member, whatever `d`'s prototype. */
export function own<T>(d: Dict<T>, key: string): T | undefined {
  return Object.hasOwn(d, key) ? d[key] : undefined;
}

/** A copy of `d` (as a dict) with `key` set to `value`. */
export function withEntry<T>(d: Dict<T>, key: string, value: T): Record<string, T> {
  const out = dict(Object.entries(d));
  out[key] = value;
  return out;
}
