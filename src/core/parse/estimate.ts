/**
 * Estimates as study plans write them (docs/estimates.md): at the end of an
 * item's words, `Pydantic ~2h`, `Pydantic (3 h)`, `Pydantic. Estimated time:
 * 2 weeks`; a line "Estimated time: 2 weeks" right under a heading; a table
 * column named Duration, Effort, Time or Hours. Conservative on purpose: a
 * length anywhere else in a title ("Learn Git in ~10 minutes", "3D graphics",
 * "Top 10 (2020)") is part of its name. Pure; lengths are read by
 * parseDuration (a study day is 2 h, a study week 10 h).
 */
import { parseDuration, STUDY_DAY_MINUTES, STUDY_WEEK_MINUTES } from '../duration.js';
import type { Detail } from '../model.js';

/** A length as written: one or more amounts with units, "2h", "1h 30m", "2 weeks", "6-10 hours". */
const LENGTH = String.raw`\d+(?:\.\d+)?(?:\s?(?:-|–|to)\s?\d+(?:\.\d+)?)?\s?[A-Za-z]+(?:,?\s?\d+(?:\.\d+)?\s?[A-Za-z]+)*`;

/** `~2h` at the end, after a space; not after a word that makes it prose ("in ~10 minutes"). */
const TILDE = new RegExp(String.raw`(^|\s)(\S+\s+)?~(${LENGTH})\s*$`);
/** `(3 h)`, `(~45 min)` at the end. */
const BRACKETS = new RegExp(String.raw`(^|\s*)\(\s*~?\s*(${LENGTH})\s*\)\s*$`);
/** `Estimated time: 2 weeks` at the end, alone or after a separator, or in brackets. */
const ESTIMATED = new RegExp(
  String.raw`(^|\s*[-–—.,;:|]?\s*)(\()?\s*estimated\s+time\s*[:：]\s*~?\s*(${LENGTH})\s*\.?\s*(\))?\s*$`,
  'i',
);
/** Words that, right before a length, make it part of a sentence. */
const PROSE_BEFORE = /^(?:in|under|within|about|around|than|takes?|took|for|of|only|just|every|each|per|last|next)$/i;

/** A range of amounts, "6-10", "6 to 10": its midpoint. */
const RANGE = /(\d+(?:\.\d+)?)\s?(?:-|–|to)\s?(\d+(?:\.\d+)?)/g;

/**
 * Minutes in a length as a roadmap writes it, ranges by their midpoint
 * ("2-3h" is 2h 30m). A single-letter unit must be lower case: "3D", "4K"
 * and "10M" are names, not lengths.
 */
export function lengthMinutes(text: string): number | undefined {
  if (/\d\s?[A-Z](?![A-Za-z])/.test(text)) return undefined;
  const plain = text.replace(RANGE, (_, low: string, high: string) => String((Number(low) + Number(high)) / 2));
  return parseDuration(plain);
}

export interface Taken {
  /** The words without the estimate. */
  readonly text: string;
  readonly minutes?: number;
}

/**
 * The estimate written at the end of an item's words, and the words without
 * it; the words unchanged when they end in none (or would be left empty:
 * an item named only "(3 h)" keeps its name).
 */
export function takeEstimate(text: string, allowEmpty = false): Taken {
  for (const [pattern, group] of [
    [ESTIMATED, 3],
    [BRACKETS, 2],
    [TILDE, 3],
  ] as const) {
    const match = pattern.exec(text);
    if (!match) continue;
    if (pattern === ESTIMATED && (match[2] === '(') !== (match[4] === ')')) continue;
    if (pattern === TILDE && match[2] !== undefined && PROSE_BEFORE.test(match[2].trim())) continue;
    const minutes = lengthMinutes(match[group]!);
    if (minutes === undefined) continue;
    const kept = pattern === TILDE ? (match[2] ?? '') : '';
    const rest = (text.slice(0, match.index) + match[1]! + kept).replace(/\s*[-–—.,;:|(]?\s*$/u, '').trim();
    if (rest === '' && !allowEmpty) return { text };
    return { text: rest, minutes };
  }
  return { text };
}

/** "Estimated time: 2 weeks", the whole of a line (the first line of a paragraph under a heading). */
export function estimateLine(line: string): number | undefined {
  const taken = takeEstimate(line.trim(), true);
  return taken.text === '' && /estimated\s+time/i.test(line) ? taken.minutes : undefined;
}

/** A table column whose cells are an estimate. */
const ESTIMATE_COLUMN = /^(?:duration|effort|time|hours)$/i;

/** "4 hours/week", "6-10 hours per week", "2 h/day": time per week or per day. */
const RATE = /^(.+?)\s*(?:\/|\bper\b|\ba\b)\s*(week|wk|day)$/i;

/**
 * A table row's estimate, from its Duration, Effort, Time and Hours cells.
 * ossu-math writes `Duration | Effort` as "10 weeks" and "4 hours/week": a
 * rate times a length is what it says, 10 x 4 h = 40 h (a range by its
 * midpoint, "6-10 hours/week" is 8 h a week). Without a rate, the first cell
 * that is a length ("10 weeks" is ten study weeks); an Hours cell may be a
 * bare number. A rate with no length beside it says nothing of the total.
 */
export function rowEstimate(details: readonly Detail[]): number | undefined {
  const cells = details.filter((d) => ESTIMATE_COLUMN.test(d.label.trim()));
  let rate: { minutes: number; per: number } | undefined;
  let length: number | undefined;
  for (const { label, value } of cells) {
    const text = value.trim();
    const perTime = RATE.exec(text);
    if (perTime) {
      const minutes = lengthMinutes(perTime[1]!) ?? (/hours/i.test(label) ? bareHours(perTime[1]!) : undefined);
      const per = /^d/i.test(perTime[2]!) ? STUDY_DAY_MINUTES : STUDY_WEEK_MINUTES;
      if (minutes !== undefined && rate === undefined) rate = { minutes, per };
      continue;
    }
    length ??= lengthMinutes(text) ?? (/hours/i.test(label) ? bareHours(text) : undefined);
  }
  if (rate === undefined) return length;
  // A length of N weeks is N x STUDY_WEEK_MINUTES: counted back in weeks (or days), times the rate.
  return length === undefined ? undefined : Math.round((length / rate.per) * rate.minutes);
}

/** An Hours cell of a plain number ("12", "6-10"): hours. */
function bareHours(text: string): number | undefined {
  return /^\d+(?:\.\d+)?(?:\s?(?:-|–|to)\s?\d+(?:\.\d+)?)?$/.test(text) ? lengthMinutes(`${text} h`) : undefined;
}
