import type { RevertedChange, RevertedRecord, UndoResult } from '../commands/undo.js';
import type { StatusRecord } from '../core/progress.js';
import type { ZoneOffset } from '../core/zone.js';
import { clean, count, day, progressText, type Style } from './style.js';

const WORDS = { done: 'done', todo: 'not done', doing: 'started', skipped: 'skipped' } as const;

/** `done (2026-11-28)`; no record reads "not done". */
const recordText = (r: StatusRecord | null, zone: ZoneOffset): string =>
  r === null ? 'not done' : `${WORDS[r.status]} (${day(r.at, zone)})`;

/** `change 8 (undo of change 7, ...)` or `change 7 (done, ...)`, and when it was made (UTC, to the minute). */
function changeName(c: RevertedChange): string {
  const undone = c.undoes ?? [];
  const what =
    undone.length > 0 ? `undo of change${undone.length === 1 ? '' : 's'} ${undone.join(', ')}` : clean(c.command);
  return `change ${c.id} (${what}, ${c.at.slice(0, 16).replace('T', ' ')} UTC)`;
}

const recordLine = (r: RevertedRecord, style: Style, zone: ZoneOffset): string =>
  `  ${r.id === undefined ? clean(r.key) : `${style.cyan(r.id)} ${clean(r.title ?? '')}`}  ${recordText(r.from, zone)} → ${recordText(r.to, zone)}`;

function lists(c: RevertedChange): string[] {
  const lines: string[] = [];
  if (c.reviews.removed > 0) lines.push(`  ${count(c.reviews.removed, 'review')} taken back`);
  if (c.reviews.restored > 0) lines.push(`  ${count(c.reviews.restored, 'review')} put back`);
  if (c.notes.removed > 0) lines.push(`  ${count(c.notes.removed, 'note')} taken back`);
  if (c.notes.restored > 0) lines.push(`  ${count(c.notes.restored, 'note')} put back`);
  if (c.sessions.removed > 0) lines.push(`  ${count(c.sessions.removed, 'study session')} taken back`);
  if (c.sessions.restored > 0) lines.push(`  ${count(c.sessions.restored, 'study session')} put back`);
  return lines;
}

export function renderUndo(result: UndoResult, style: Style, zone: ZoneOffset): string {
  const verb = result.dryRun ? 'Would undo' : 'Undid';
  const lines = result.reverted.flatMap((c) => [
    `${style.green(verb)} ${changeName(c)}:`,
    ...c.records.map((r) => recordLine(r, style, zone)),
    ...lists(c),
  ]);
  lines.push(`${style.bold('Progress:')} ${progressText(result.tally)}`);
  if (result.dryRun) lines.push('Nothing was saved (--dry-run).');
  return `${lines.join('\n')}\n`;
}
