import type { StatusChangeResult } from '../commands/set-status.js';
import type { Status } from '../core/model.js';
import { clean, progressText, type Style } from './style.js';

const WORDS: Record<Status, string> = { done: 'done', todo: 'not done', doing: 'started', skipped: 'skipped' };
/** What a changed item's line starts with. */
const VERBS: Record<Status, string> = {
  done: 'Marked done:',
  todo: 'Marked not done:',
  doing: 'Started:',
  skipped: 'Skipped:',
};

export function renderStatusChange(result: StatusChangeResult, style: Style): string {
  const lines: string[] = [];
  for (const ref of result.changed) {
    lines.push(`${style.green(VERBS[result.status])} ${style.cyan(ref.id)} ${clean(ref.title)}`);
  }
  for (const ref of result.unchanged) {
    lines.push(
      `${style.cyan(ref.id)} "${clean(ref.title)}" ${style.yellow(`was already ${WORDS[ref.status]}`)}; nothing changed.`,
    );
  }
  lines.push(`${style.bold('Progress:')} ${progressText(result.tally)}`);
  const upNext = result.next.topics[0];
  if (upNext) {
    lines.push(
      `${style.bold('Next:')} ${style.cyan(upNext.id)} ${clean(upNext.title)}  ${style.dim(`(${result.next.invocation} done ${upNext.id})`)}`,
    );
  } else {
    const build = result.next.hasProjects ? ` See "${result.next.invocation} project" for what to build.` : '';
    const left = result.tally.skipped > 0 ? 'Nothing left to study but what you skipped.' : 'Every topic is done.';
    lines.push(style.green(`${left}${build}`));
  }
  return `${lines.join('\n')}\n`;
}

/** `reset` when REF has no progress: `Nothing to reset: Part 9: Advanced Topics has no progress.` */
export function renderNothingToReset(what: string): string {
  return `Nothing to reset: ${what} has no progress.\n`;
}
