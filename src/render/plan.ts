/** `roadmap plan` for people: what is left, the pace, the finish and its range, then the weeks, within the columns. */
import type { PlanResult } from '../commands/plan.js';
import { formatDuration } from '../core/duration.js';
import type { Pace, PlannedTopic, PlanWeek } from '../core/plan.js';
import { padColumns, truncateColumns, wrapColumns } from '../core/width.js';
import { defaultNote } from './budget.js';
import { nothingLeft } from './next.js';
import { clean, count, progressText, type Style } from './style.js';

/** The widest a plan is drawn when the columns are not known (a pipe, a file). */
const PLAIN_COLUMNS = 80;
/** The column of times at the end of a topic line: "10h 30m". */
const TIME_WIDTH = 7;

const factorText = (n: number): string => `${Math.round(n * 100) / 100}×`;

/** How the pace was found and what it does to the time left. */
function paceLine(result: PlanResult): string {
  const { pace, estimatedMinutes, plannedMinutes } = result.plan;
  const range = rangeWords(pace);
  if (pace.basis === 'assumed') {
    return `the estimates as they are (too few finished topics with an estimate and a time to know yours); ${range}`;
  }
  return (
    `${factorText(pace.factor)} the estimates (your finished topics), so ` +
    `${formatDuration(estimatedMinutes)} takes ${formatDuration(plannedMinutes)}; ${range}`
  );
}

function rangeWords(pace: Pace): string {
  return pace.range === 'spread'
    ? `range from the middle half of your ${count(pace.topics, 'topic')} (${factorText(pace.low)} to ${factorText(pace.high)})`
    : 'range ±25%';
}

/** A topic's line in a week: ID, title (cut to fit), and the time it takes that week at the end. */
function topicLine(topic: PlannedTopic, title: string, idWidth: number, width: number, style: Style): string {
  const marks = [topic.continued ? 'continued' : '', topic.finishes ? '' : 'goes on'].filter((m) => m !== '');
  const suffix = marks.length > 0 ? style.dim(` (${marks.join(', ')})`) : '';
  const lead = `  ${style.cyan(padColumns(topic.id, idWidth))}  `;
  const room = width - (idWidth + 4) - (TIME_WIDTH + 2);
  const words = truncateColumns(`${clean(title)}${suffix}`, room);
  return `${lead}${padColumns(words, room)}  ${formatDuration(topic.minutes).padStart(TIME_WIDTH)}`;
}

function weekLines(week: PlanWeek, result: PlanResult, idWidth: number, width: number, style: Style): string[] {
  const heading = `${style.bold(`Week ${week.number}`)}  ${style.dim(`${week.start} – ${week.end}`)}  ${formatDuration(week.minutes)}`;
  return [heading, ...week.topics.map((t) => topicLine(t, result.titles.get(t.id) ?? '', idWidth, width, style))];
}

export function renderPlan(result: PlanResult, style: Style, columns: number | undefined): string {
  const width = columns ?? PLAIN_COLUMNS;
  const { plan } = result;
  const per = `${formatDuration(plan.minutesPerWeek)} a week${result.hoursAssumed ? ' (a study week; --hours-per-week to change)' : ''}`;
  const heading = style.bold(`${clean(result.title) || 'Roadmap'}: a plan at ${per} from ${plan.from}`);
  if (!plan.finish) {
    return `${[heading, nothingLeft(result), `Progress: ${progressText(result.tally)}`].join('\n')}\n`;
  }
  const field = (label: string, text: string): string[] =>
    wrapColumns(`${style.bold(padColumns(`${label}:`, 8))}  ${text}`, width, ' '.repeat(10));
  const { finish } = plan;
  const lines = [
    ...wrapColumns(heading, width),
    ...field('Left', `${count(plan.topics, 'topic')}, ${formatDuration(plan.estimatedMinutes)} by the estimates`),
    ...field('Pace', paceLine(result)),
    ...field('Finish', `${finish.on} (between ${finish.earliest} and ${finish.latest})`),
    ...defaultNote(plan).flatMap((note) => wrapColumns(note, width)),
    '',
  ];
  const idWidth = Math.min(12, Math.max(...plan.weeks.flatMap((w) => w.topics.map((t) => t.id.length))));
  for (const week of plan.weeks) lines.push(...weekLines(week, result, idWidth, width, style), '');
  lines.push(`${style.bold('Progress:')} ${progressText(result.tally)}`);
  return `${lines.join('\n')}\n`;
}
