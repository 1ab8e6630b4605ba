import type { NextResult } from '../commands/next.js';
import type { TopicView } from '../commands/views.js';
import type { ZoneOffset } from '../core/zone.js';
import { renderHeldBack } from './hold-back.js';
import { renderBudget } from './budget.js';
import { bar, clean, count, noteText, placeName, progressText, type Style } from './style.js';

export function renderTopic(topic: TopicView, style: Style, invocation: string, zone: ZoneOffset): string[] {
  const pad = ' '.repeat(topic.id.length + 2);
  const started = topic.status === 'doing' ? style.yellow(' (started)') : '';
  const lines = [`${style.bold.cyan(topic.id)}  ${style.bold(clean(topic.title))}${started}`];
  if (topic.where.length > 0) {
    lines.push(`${pad}${style.dim('in')}     ${topic.where.map((w, i) => placeName(w, i)).join(style.dim(' › '))}`);
  }
  if (topic.stage) {
    const { number, of, title } = topic.stage;
    lines.push(`${pad}${style.dim('stage')}  ${number} of ${of}: ${clean(title)}`);
  }
  if (topic.description) lines.push(`${pad}${style.dim('about')}  ${clean(topic.description)}`);
  // A table row's other cells: "Duration 10 weeks", one a line, as the file's columns name them.
  for (const detail of topic.details) {
    lines.push(`${pad}${style.dim('info')}   ${clean(detail.label)}: ${clean(detail.value)}`);
  }
  for (const link of topic.links) {
    // A topic that is a link ("- [Skiena (video)](...)") needs only the address.
    const text = link.text === topic.title || link.text === '' ? '' : `${clean(link.text)} `;
    lines.push(`${pad}${style.dim('link')}   ${text}${style.underline(clean(link.href))}`);
  }
  for (const note of topic.notes) lines.push(`${pad}${style.dim('note')}   ${noteText(note, zone, pad.length + 7)}`);
  lines.push(`${pad}${style.dim('done?')}  ${style.green(`${invocation} done ${topic.id}`)}`);
  return lines;
}

/** `2 topics are due for review: roadmap review`, or nothing when none are. */
export function reviewsDueLine(result: NextResult, style: Style): string[] {
  const n = result.reviewsDue;
  if (n === 0) return [];
  return [
    `${style.yellow(`${count(n, 'topic')} ${n === 1 ? 'is' : 'are'} due for review:`)} ${style.green(`${result.invocation} review`)}`,
  ];
}

/** What `next` says when no topic is left to offer: all done, or all done but the skipped ones. */
export function nothingLeft(result: Pick<NextResult, 'tally'>): string {
  const { tally } = result;
  return tally.skipped > 0
    ? `Nothing left to study but the ${count(tally.skipped, 'topic')} you skipped: ${progressText(tally)}.`
    : `Every topic is done: ${progressText(tally)}.`;
}

export function renderNext(result: NextResult, style: Style, zone: ZoneOffset): string {
  const progress = `${style.bold('Progress:')} ${progressText(result.tally)}  ${bar(result.tally.percent, style)}`;
  if (result.heldBack) return renderHeldBack(result, result.heldBack, progress, { style, zone });
  const reviews = reviewsDueLine(result, style);
  if (result.topics.length === 0) {
    const lines = [style.green.bold(nothingLeft(result)), ...reviews];
    const entry = result.project;
    if (entry) {
      lines.push(
        `Time to build something: ${style.bold.cyan(entry.project.id)} ${clean(entry.project.title)} (${entry.tally.percent}% ready)`,
        `See it with: ${style.green(`${result.invocation} project ${entry.project.id}`)}`,
      );
    } else if (result.hasProjects) {
      lines.push('Every suggested project is done too. Well done!');
    } else {
      lines.push('Well done!');
    }
    return `${lines.join('\n')}\n`;
  }
  if (result.budget) return renderBudget(result, result.budget, [progress, ...reviews], style, zone);
  const blocks = result.topics.map((t) => renderTopic(t, style, result.invocation, zone).join('\n'));
  return `${style.bold('Next up')}\n${blocks.join('\n\n')}\n\n${[progress, ...reviews].join('\n')}\n`;
}
