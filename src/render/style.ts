/** Shared pieces of terminal output: colours, status marks, bars, and safe text. */
import type { ChalkInstance } from 'chalk';
import type { Status } from '../core/model.js';
import { progressWords, type Tally } from '../core/progress.js';

export type Style = ChalkInstance;

import { clean } from '../core/text.js';

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

/** `2026-11-27` of an ISO time. */
export const day = (iso: string): string => iso.slice(0, 10);

/** A note on one line, safe for the terminal: its line breaks become spaces. */
export function noteText(note: { readonly at: string; readonly text: string }): string {
  return `${day(note.at)}  ${clean(note.text.replace(/\s*[\r\n]+\s*/g, ' '))}`;
}

/** `1 topic`, `2 topics` */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `Part 1: Fundamentals` for a part, `1.1 Python Basics` below it. */
export function placeName(ref: { id: string; title: string }, depth: number): string {
  return depth === 0 ? `Part ${ref.id}: ${clean(ref.title)}` : `${ref.id} ${clean(ref.title)}`;
}
