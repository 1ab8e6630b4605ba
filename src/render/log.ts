/** `log` for people: the session recorded, and the time logged on the topic so far. */
import type { LogResult } from '../commands/log.js';
import { formatDuration } from '../core/duration.js';
import { localMinute, type ZoneOffset } from '../core/zone.js';
import { clean, count, type Style } from './style.js';

export function renderLog(r: LogResult, style: Style, zone: ZoneOffset): string {
  const logged = `${style.green(`Logged ${formatDuration(r.session.minutes)} on`)} ${style.cyan(r.topic.id)} ${clean(r.topic.title)}`;
  const total = `${formatDuration(r.minutes)} logged on it in ${count(r.sessions, 'session')}`;
  return `${logged} ${style.dim(`(ended ${localMinute(r.session.at, zone)})`)}\n${total}\n`;
}
