/**
 * Lengths of study time, as people write them ("45m", "2h", "1h30m", "1.5 hours",
 * "3 days", "2 weeks") and as roadmap shows them. Pure.
 *
 * A day and a week of study are not 24 and 168 hours: an estimate of "2 weeks"
 * on a study plan means two weeks of part-time study. STUDY_DAY_MINUTES and
 * STUDY_WEEK_MINUTES are the one place that says how much; docs/estimates.md
 * documents them.
 */

/** A day of study: two hours. */
export const STUDY_DAY_MINUTES = 2 * 60;
/** A week of study: ten hours (five study days). */
export const STUDY_WEEK_MINUTES = 10 * 60;

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  d: STUDY_DAY_MINUTES,
  day: STUDY_DAY_MINUTES,
  days: STUDY_DAY_MINUTES,
  w: STUDY_WEEK_MINUTES,
  wk: STUDY_WEEK_MINUTES,
  wks: STUDY_WEEK_MINUTES,
  week: STUDY_WEEK_MINUTES,
  weeks: STUDY_WEEK_MINUTES,
};

/** One amount and unit: "1.5h", "30 min", "2 weeks". */
const TERM = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;

/**
 * Minutes in a written length of time, or undefined when the text is not one.
 * Terms add up ("1h30m", "1h 30m", "2 hours 15 minutes"); a bare number is not
 * a length (is "90" minutes or hours?). Case and surrounding space do not matter.
 */
export function parseDuration(text: string): number | undefined {
  const source = text.trim().toLowerCase();
  if (source === '') return undefined;
  let minutes = 0;
  let at = 0;
  TERM.lastIndex = 0;
  while (at < source.length) {
    TERM.lastIndex = at;
    const match = TERM.exec(source);
    if (match === null) return undefined;
    const unit = UNIT_MINUTES[match[2]!];
    if (unit === undefined || !Object.hasOwn(UNIT_MINUTES, match[2]!)) return undefined;
    minutes += Number(match[1]) * unit;
    at = TERM.lastIndex;
    while (source[at] === ' ' || source[at] === ',') at++;
  }
  const rounded = Math.round(minutes);
  return rounded > 0 && Number.isFinite(rounded) ? rounded : undefined;
}

/**
 * A length as roadmap shows it: "45m", "2h", "1h 30m", "12h". Hours are not
 * turned into days: "40h" says more to a learner than "4d" (whose day?).
 */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}
