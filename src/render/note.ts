import type { NoteResult } from '../commands/note.js';
import type { ZoneOffset } from '../core/zone.js';
import { clean, noteText, placeName, type Style } from './style.js';

export function renderNote(result: NoteResult, style: Style, zone: ZoneOffset): string {
  const { item } = result;
  const name = `${style.cyan(item.id)} ${clean(item.title)}`;
  if (result.added) {
    const n = result.notes.length;
    return `${style.green('Noted on')} ${name} ${style.dim(`(${n} note${n === 1 ? '' : 's'})`)}\n  ${noteText(result.added, zone)}\n`;
  }
  if (result.notes.length === 0) {
    return `No notes on ${style.cyan(item.id)} yet. Add one: ${style.green(`${result.invocation} note ${item.id} "text"`)}\n`;
  }
  const title = item.kind === 'part' ? placeName(item, 0) : `${item.id} ${clean(item.title)}`;
  return `${style.bold(`Notes on ${title}`)}\n${result.notes.map((n) => `  ${noteText(n, zone)}`).join('\n')}\n`;
}
