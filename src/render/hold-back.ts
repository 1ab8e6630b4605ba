/** What `next` shows when new topics are held back for reviews (src/commands/hold-back.ts). */
import type { HeldBack } from '../commands/hold-back.js';
import type { NextResult } from '../commands/next.js';
import type { ZoneOffset } from '../core/zone.js';
import { renderTopic } from './next.js';
import { clean, count, day, type Style } from './style.js';

/**
 * The reviews first (the longest-waiting few, and how to record one), why new
 * topics wait and how to change that, then the topics already started.
 */
export function renderHeldBack(
  result: NextResult,
  held: HeldBack,
  progress: string,
  { style, zone }: { readonly style: Style; readonly zone: ZoneOffset },
): string {
  const n = result.reviewsDue;
  const lines = [
    style.bold(`Review first (${n} due)`),
    ...held.reviews.map(
      (r) => `  ${style.cyan(r.id)}  ${clean(r.title)}  ${style.dim(`due since ${day(r.dueAt, zone)}`)}`,
    ),
    ...(n > held.reviews.length ? [style.dim(`  and ${count(n - held.reviews.length, 'more topic')}`)] : []),
    'Go over one again, then record how it went (again, hard, good or easy):',
    `  ${style.green(`${result.invocation} review ${held.reviews[0]!.id} --grade good`)}`,
    '',
    style.yellow(
      `New topics are held back: ${count(n, 'review')} ${n === 1 ? 'is' : 'are'} due, more than your limit of ${held.limit}.`,
    ),
    style.dim(`All of them: ${result.invocation} review`),
    style.dim('Another limit: roadmap config review-limit N'),
  ];
  if (result.topics.length > 0) {
    const started = result.topics.map((t) => renderTopic(t, style, result.invocation, zone).join('\n'));
    lines.push('', style.bold('Started'), started.join('\n\n'));
  }
  return `${lines.join('\n')}\n\n${progress}\n`;
}
