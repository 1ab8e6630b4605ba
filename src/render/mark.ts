import type { MarkResult } from '../commands/mark.js';
import type { Status } from '../core/model.js';
import { clean, progressText, type Style } from './style.js';

const WORDS: Record<Status, string> = { done: 'done', todo: 'not done', doing: 'started', skipped: 'skipped' };

export function renderMark(result: MarkResult, style: Style): string {
  const word = WORDS[result.status];
  const lines: string[] = [];
  for (const ref of result.changed) {
    lines.push(`${style.green(`Marked ${word}:`)} ${style.cyan(ref.id)} ${clean(ref.title)}`);
  }
  for (const ref of result.unchanged) {
    lines.push(`${style.cyan(ref.id)} "${clean(ref.title)}" ${style.yellow(`was already ${word}`)}; nothing changed.`);
  }
  lines.push(`${style.bold('Progress:')} ${progressText(result.tally)}`);
  const upNext = result.next.topics[0];
  if (upNext) {
    lines.push(
      `${style.bold('Next:')} ${style.cyan(upNext.id)} ${clean(upNext.title)}  ${style.dim(`(${result.next.invocation} done ${upNext.id})`)}`,
    );
  } else {
    const build = result.next.hasProjects ? ` See "${result.next.invocation} project" for what to build.` : '';
    lines.push(style.green(`Every topic is done.${build}`));
  }
  return `${lines.join('\n')}\n`;
}
