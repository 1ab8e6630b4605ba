/**
 * `--at DATE` on done, undone, start, skip and review: record a change when it
 * really happened. A day (2026-11-28) means that day at noon, local time (the
 * same calendar day in UTC and in any zone within eleven hours), or now when
 * that is today and noon has not come yet. A time (2026-11-28T14:30) is read in
 * the local time zone unless it names its own (Z, +01:00). A date in the future,
 * or one not on the calendar (2026-02-30), is refused.
 */
import { UsageError } from '../errors.js';
import type { OptionSpec } from './spec.js';

export const AT_OPTION: OptionSpec = {
  flags: '--at <date>',
  description:
    'when it happened: a day (2026-11-28, local noon) or a local time (2026-11-28T14:30); not later than now',
};

const FORM = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The ISO time `--at value` stands for, or the time `now` when no --at was given. */
export function recordedAt(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString();
  const at = parseAt(value, now);
  if (at.getTime() > now.getTime()) {
    throw new UsageError(`--at ${value} is in the future; roadmap records only what has already happened`);
  }
  return at.toISOString();
}

function parseAt(value: string, now: Date): Date {
  const match = FORM.exec(value.trim());
  const refuse = (): never => {
    throw new UsageError(`--at takes a day on the calendar (2026-11-28) or a time (2026-11-28T14:30), not "${value}"`);
  };
  if (!match) return refuse();
  const [, y, mo, d, h, mi, s, ms, zone] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  // A day on the calendar: the UTC date built from it reads back the same (2026-02-30 does not).
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return refuse();
  }
  if (h === undefined) {
    const noon = new Date(year, month - 1, day, 12);
    return noon.getTime() > now.getTime() && sameLocalDay(noon, now) ? now : noon;
  }
  const [hour, minute, second] = [Number(h), Number(mi), Number(s ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return refuse();
  const millis = Number((ms ?? '0').padEnd(3, '0'));
  if (zone === undefined) return new Date(year, month - 1, day, hour, minute, second, millis);
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${String(second).padStart(2, '0')}.${String(millis).padStart(3, '0')}${offset}`;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? refuse() : parsed;
}

const sameLocalDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
