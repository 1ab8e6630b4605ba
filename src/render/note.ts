import type { NoteResult } from '../commands/note.js';
import type { Note } from '../core/state.js';
import type { ZoneOffset } from '../core/zone.js';
import { clean, count, noteText, placeName, type Style } from './style.js';

/** `  2. 2026-11-27  text`, further lines indented under the first: the number is what --edit and --delete take. */
export function numberedNote(n: Note, number: number, style: Style, zone: ZoneOffset, indent = '  '): string {
  const label = `${number}.`;
  return `${indent}${style.dim(label)} ${noteText(n, zone, indent.length + label.length + 1)}`;
}

export function renderNote(result: NoteResult, style: Style, zone: ZoneOffset): string {
  const { item, change } = result;
  const name = `${style.cyan(item.id)} ${clean(item.title)}`;
  const left = style.dim(`(${count(result.notes.length, 'note')})`);
  if (change?.kind === 'added') {
    return `${style.green('Noted on')} ${name} ${left}\n${numberedNote(change.note, change.number, style, zone)}\n`;
  }
  if (change?.kind === 'edited') {
    return `${style.green(`Edited note ${change.number} on`)} ${name}\n${numberedNote(change.note, change.number, style, zone)}\n`;
  }
  if (change?.kind === 'unchanged') {
    return `Note ${change.number} on ${name} already reads so; nothing was changed.\n`;
  }
  if (change?.kind === 'deleted') {
    // The deleted text is shown in full, so a slip can be typed again.
    return `${style.green(`Deleted note ${change.number} on`)} ${name} ${left}\n${numberedNote(change.note, change.number, style, zone)}\n`;
  }
  const empty = change?.kind === 'empty' ? 'The note was empty, so nothing was saved.\n' : '';
  if (result.notes.length === 0) {
    return `${empty}No notes on ${style.cyan(item.id)} yet. Add one: ${style.green(`${result.invocation} note ${item.id} "text"`)}\n`;
  }
  const title = item.kind === 'part' ? placeName(item, 0) : `${item.id} ${clean(item.title)}`;
  return `${empty}${style.bold(`Notes on ${title}`)}\n${result.notes.map((n, i) => numberedNote(n, i + 1, style, zone)).join('\n')}\n`;
}
