/** `next --budget` for people: the topics that fit, each with the time it counts for, and how the times were found. */
import type { NextResult } from '../commands/next.js';
import type { BudgetChoice, Work } from '../core/budget.js';
import { formatDuration } from '../core/duration.js';
import type { ZoneOffset } from '../core/zone.js';
import { renderTopic } from './next.js';
import { count, type Style } from './style.js';

/** `1h 30m (estimate 2h, 30m logged)`, `1h (no estimate)`. */
export function workTime(work: Work): string {
  const time = formatDuration(work.minutes);
  if (work.estimate === undefined) return `${time} (no estimate)`;
  if (work.logged > 0)
    return `${time} (estimate ${formatDuration(work.estimate)}, ${formatDuration(work.logged)} logged)`;
  return time;
}

/** How a topic without an estimate was counted, or nothing when every topic shown has one. */
export function defaultNote(choice: Pick<BudgetChoice, 'default' | 'unestimated'>): string[] {
  if (choice.unestimated === 0) return [];
  const each = formatDuration(choice.default.minutes);
  const why =
    choice.default.rule === 'median' ? "the median of this roadmap's estimates" : 'no topic of this roadmap has one';
  return [`${count(choice.unestimated, 'topic')} without an estimate counted as ${each} (${why}).`];
}

export function renderBudget(
  result: NextResult,
  choice: BudgetChoice,
  footer: readonly string[],
  style: Style,
  zone: ZoneOffset,
): string {
  const budget = formatDuration(choice.budget);
  const heading = choice.over
    ? style.yellow(`Nothing fits in ${budget}; the next topic takes longer:`)
    : style.bold(`Next up for ${budget}: ${count(choice.topics.length, 'topic')}, ${formatDuration(choice.used)}`);
  const blocks = result.topics.map((topic, i) => {
    const lines = renderTopic(topic, style, result.invocation, zone);
    const pad = ' '.repeat(topic.id.length + 2);
    // Before the last line ("done?"), beside what the topic is about.
    lines.splice(-1, 0, `${pad}${style.dim('time')}   ${workTime(choice.topics[i]!)}`);
    return lines.join('\n');
  });
  return `${heading}\n${blocks.join('\n\n')}\n\n${[...defaultNote(choice), ...footer].join('\n')}\n`;
}
