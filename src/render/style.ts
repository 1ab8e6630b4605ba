/** Shared pieces of terminal output: colours, status marks, bars, and safe text. */
import type { ChalkInstance } from 'chalk';
import type { Status } from '../core/model.js';
import { progressWords, type Tally } from '../core/progress.js';

export type Style = ChalkInstance;

import { clean } from '../core/text.js';
import { localDay, type ZoneOffset } from '../core/zone.js';

export { clean };

const MARKS: Record<Status, string> = { done: '[x]', doing: '[~]', todo: '[ ]', skipped: '[-]' };

export function statusBox(status: Status, style: Style): string {
  const text = MARKS[status];
  if (status === 'done') return style.green(text);
  if (status === 'doing') return style.yellow(text);
  if (status === 'skipped') return style.dim(text);
  return text;
}

export function bar(percent: number, style: Style, width = 10): string {
  const filled = Math.floor((percent * width) / 100);
  return style.green('█'.repeat(filled)) + style.dim('░'.repeat(width - filled));
}

/**
 * `3/51 topics, 5%`, and `, 2 skipped` when some are. Skipped topics count in
 * the total: the percentage is done / every topic.
 */
export const progressText = (tally: Tally): string => progressWords(tally);

/** `2026-11-27`: the learner's local day of an ISO time (saved times are UTC). */
export const day = (iso: string, zone: ZoneOffset): string => localDay(iso, zone);

/**
 * A note, safe for the terminal: its local date and first line, then any
 * further lines as written, indented under the first. `column` is where the
 * note starts on screen (what is printed before it on its first line).
 */
export function noteText(note: { readonly at: string; readonly text: string }, zone: ZoneOffset, column = 0): string {
  const head = `${day(note.at, zone)}  `;
  const [first = '', ...rest] = note.text.split(/\r\n|\r|\n/).map((line) => clean(line).trimEnd());
  const pad = ' '.repeat(column + head.length);
  return [head + first, ...rest.map((line) => (line === '' ? '' : pad + line))].join('\n');
}

/** `1 topic`, `2 topics` */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `Part 1: Fundamentals` for a part, `1.1 Python Basics` below it. */
export function placeName(ref: { id: string; title: string }, depth: number): string {
  return depth === 0 ? `Part ${ref.id}: ${clean(ref.title)}` : `${ref.id} ${clean(ref.title)}`;
}
