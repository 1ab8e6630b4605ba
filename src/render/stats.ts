/** `stats` for people: a bar chart of topics finished per week, the streak, the pace and the estimate. */
import type { StatsResult } from '../commands/stats.js';
import { formatDuration } from '../core/duration.js';
import { MIN_PACE_TOPICS, type PersonalPace } from '../core/pace.js';
import { oneDecimal } from '../core/stats.js';
import { localMinute, type ZoneOffset } from '../core/zone.js';
import { clean, count, progressText, type Style } from './style.js';

/** The widest bar, in character cells. */
export const CHART_WIDTH = 30;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value` out of `max` in `width` cells, to an eighth of a cell (one UTF-16 unit a cell). */
export function blockBar(value: number, max: number, width = CHART_WIDTH): string {
  if (value <= 0 || max <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** `4.2 topics a week` */
export const perWeekText = (perWeek: number): string => {
  const n = oneDecimal(perWeek);
  return `${n} ${n === 1 ? 'topic' : 'topics'} a week`;
};

/** `about 6 weeks left at 4.2 topics a week (around 2027-01-08)`, or why there is no estimate. */
export function estimateText(s: StatsResult): string {
  if (s.remaining === 0) {
    return s.tally.skipped > 0
      ? `nothing but the ${count(s.tally.skipped, 'topic')} you skipped`
      : 'nothing: every topic is done';
  }
  const left = count(s.remaining, 'topic');
  if (!s.estimate) return `${left}; no pace yet, so no estimate (finish a topic to get one)`;
  const { weeks, finishOn } = s.estimate;
  const time = weeks < 1 ? count(Math.ceil(weeks * 7), 'day') : count(Math.round(weeks), 'week');
  return `${left}: about ${time} left at ${perWeekText(s.pace.perWeek)} (around ${finishOn})`;
}

/**
 * `5h 30m on 4 finished topics estimated at 4h` and, on a line of its own, the
 * pace factor (`you take 1.4× the estimate`), or why there is none.
 */
export function timeText(t: PersonalPace): string {
  if (t.topics === 0) return 'no finished topic has both an estimate and a time yet';
  const against = `${formatDuration(t.actual)} on ${count(t.topics, 'finished topic')} estimated at ${formatDuration(t.estimated)}`;
  const pace =
    t.factor === undefined
      ? `no pace factor until ${MIN_PACE_TOPICS} topics have both numbers`
      : `you take ${oneDecimal(t.factor)}× the estimate (your pace factor)`;
  return `${against}\n           ${pace}`;
}

export function renderStats(s: StatsResult, style: Style, zone: ZoneOffset): string {
  const max = Math.max(0, ...s.perWeek.map((w) => w.finished));
  const digits = String(max).length;
  const first = s.perWeek.at(0);
  const span = first ? `, ${first.firstDay} to ${s.perWeek.at(-1)!.lastDay}` : '';
  const lines = [style.bold(`${clean(s.title)}: topics finished per week${span}`)];
  for (const week of s.perWeek) {
    const bar = blockBar(week.finished, max);
    const gap = ' '.repeat(CHART_WIDTH - bar.length);
    const number = String(week.finished).padStart(digits);
    lines.push(
      `  ${style.dim(`${week.firstDay} – ${week.lastDay}`)}  ${style.green(bar)}${gap}  ${week.finished > 0 ? number : style.dim(number)}`,
    );
  }
  lines.push(style.dim(`  (local days, from midnight; the last row ends now, ${localMinute(s.now, zone)})`));
  lines.push('');
  const streak =
    s.streak.days > 0
      ? `${count(s.streak.days, 'day')} in a row (since ${s.streak.since})`
      : 'none (finish a topic today to start one)';
  const pace =
    s.pace.finished > 0
      ? `${perWeekText(s.pace.perWeek)} (${count(s.pace.finished, 'topic')} in the last ${s.pace.weeks} weeks)`
      : `no pace yet (nothing finished in the last ${s.pace.weeks} weeks)`;
  lines.push(`${style.bold('Streak:')}    ${streak}`);
  lines.push(`${style.bold('Pace:')}      ${pace}`);
  lines.push(`${style.bold('Left:')}      ${estimateText(s)}`);
  lines.push(`${style.bold('Time:')}      ${timeText(s.time)}`);
  lines.push(`${style.bold('Progress:')}  ${progressText(s.tally)}`);
  return `${lines.join('\n')}\n`;
}
