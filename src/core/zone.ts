/**
 * Days as the learner lives them: local calendar days and local midnights,
 * given the time zone as an offset function (built in src/io/time-zone.ts from
 * TZ), so this stays pure and tests can pass any zone.
 */

/** Milliseconds to add to a UTC instant to get the wall-clock time in the zone at that instant. */
export type ZoneOffset = (utcMs: number) => number;

/** UTC itself: what saved times are in. */
export const UTC: ZoneOffset = () => 0;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of an instant (ms or an ISO time), in the zone. */
export function localDay(time: number | string, zone: ZoneOffset): string {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  return new Date(ms + zone(ms)).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM` of an instant, in the zone. */
export function localMinute(time: number | string, zone: ZoneOffset): string {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  return new Date(ms + zone(ms)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The instant a wall-clock time (as UTC ms of the same digits) happens in the zone.
 * Resolved twice, so a midnight on the other side of a daylight-saving change gets
 * that side's offset.
 */
function instantOfWallClock(wall: number, zone: ZoneOffset): number {
  const first = wall - zone(wall);
  return wall - zone(first);
}

/** The instant the local day `YYYY-MM-DD` starts in the zone. */
export function midnightOf(day: string, zone: ZoneOffset): number {
  return instantOfWallClock(Date.parse(`${day}T00:00:00Z`), zone);
}

/** The instant the local day `days` after (or, negative, before) the one holding `time` starts. */
export function midnightBefore(time: number, zone: ZoneOffset, days = 0): number {
  const wall = time + zone(time);
  return instantOfWallClock(Math.floor(wall / DAY_MS) * DAY_MS + days * DAY_MS, zone);
}

/** The local day `days` after (or before) the day `YYYY-MM-DD`. */
export function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
