/**
 * The learner's time zone, from TZ (as every Unix program reads it) or, unset,
 * the machine's own. Read with Intl, explicitly from the Io's environment, so that
 * a run in the tests' own process honours the TZ it was given.
 */
import { UTC, type ZoneOffset } from '../core/zone.js';

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'UTC0', 'GMT0', 'Universal', 'Zulu']);

/**
 * The offset function for TZ. A name Intl does not know (a POSIX rule such as
 * `EST5EDT,M3.2.0,M11.1.0`) falls back to UTC, as the C library does for a zone it
 * cannot read. The formatter is built on first use: it costs a few milliseconds.
 */
export function zoneOf(env: NodeJS.ProcessEnv): ZoneOffset {
  // POSIX allows a leading colon (`TZ=:Europe/Paris`).
  const name = env.TZ?.replace(/^:/, '');
  if (name !== undefined && (name === '' || UTC_NAMES.has(name))) return UTC;
  // The process's own environment: Node already reads TZ for Date, at a fraction of what
  // building an Intl formatter costs (about 1 ms against 100 on a busy machine).
  if (env === process.env) return (utcMs) => -new Date(utcMs).getTimezoneOffset() * 60_000;
  let format: Intl.DateTimeFormat | undefined;
  return (utcMs) => {
    if (format === undefined) {
      try {
        format = new Intl.DateTimeFormat('en-US', {
          ...(name === undefined ? {} : { timeZone: name }),
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
      } catch {
        return 0;
      }
    }
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(utcMs)) parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
    // The formatter shows whole seconds: compare with the instant's whole second.
    return wall - Math.floor(utcMs / 1000) * 1000;
  };
}
