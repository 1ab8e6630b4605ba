/** Times as roadmap stores them. */

/**
 * An ISO 8601 UTC time as `Date.prototype.toISOString` writes it (`2026-11-27T09:00:00.000Z`),
 * or with fewer fractional digits or none. Anything else that `Date.parse` happens to read
 * ("December 17, 2030", "1", years beyond 9999) is refused: saved times are compared as
 * text, shown as text, and later turned into dates with arithmetic that must not overflow.
 */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

export function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_UTC.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Orders two ISO times, earlier first, by the instant (an imported time may be
 * written without milliseconds), then as text. Not localeCompare: that builds an
 * ICU collator on every run, for strings that need none.
 */
export const byTime = (a: string, b: string): number => Date.parse(a) - Date.parse(b) || (a < b ? -1 : a > b ? 1 : 0);
