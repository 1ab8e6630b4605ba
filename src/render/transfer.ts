/** What `import` says it did. */
import type { ImportResult } from '../commands/import.js';
import type { Status } from '../core/model.js';
import type { ZoneOffset } from '../core/zone.js';
import { clean, day, progressText, type Style } from './style.js';

const WORDS: Record<Status, string> = { todo: 'to do', doing: 'started', done: 'done', skipped: 'skipped' };

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function renderImport(result: ImportResult, style: Style, zone: ZoneOffset): string {
  const lines: string[] = [];
  const kind = result.format === 'json' ? 'JSON backup' : 'markdown checklist';
  const verb = result.dryRun ? 'Would import' : 'Imported';
  lines.push(
    `${verb} ${clean(result.file)} (${kind} of "${clean(result.from.title)}", exported ${day(result.exportedAt, zone)}).`,
  );
  if (!result.changedAnything) {
    lines.push(style.green(`Nothing changed: everything in it is already in your progress.`));
  } else {
    for (const c of result.changed) {
      const what =
        c.id === undefined
          ? `${clean(c.key)} ${style.dim('(not in this roadmap; kept)')}`
          : `${style.cyan(c.id)} ${clean(c.title ?? '')}`;
      lines.push(
        `${style.green(result.dryRun ? 'Would change:' : 'Changed:')} ${what}  ${WORDS[c.from]} → ${WORDS[c.to]}`,
      );
    }
    const { records, history, notes, reviews, sessions } = result.added;
    const other = records - result.changed.length;
    const parts = [
      ...(other > 0 ? [`${plural(other, 'record')} with a newer time`] : []),
      ...(history > 0 ? [plural(history, 'history entry', 'history entries')] : []),
      ...(notes > 0 ? [plural(notes, 'note')] : []),
      ...(reviews > 0 ? [plural(reviews, 'review')] : []),
      ...(sessions > 0 ? [plural(sessions, 'study session')] : []),
    ];
    if (parts.length > 0) lines.push(`${result.dryRun ? 'Would add' : 'Added'}: ${parts.join(', ')}.`);
  }
  for (const c of result.keptNewer) {
    const what = c.id === undefined ? clean(c.key) : `${style.cyan(c.id)} ${clean(c.title ?? '')}`;
    lines.push(
      `${style.yellow('Kept yours:')} ${what}  ${WORDS[c.to]} (changed after the file was exported; the file says ${WORDS[c.from]})`,
    );
  }
  if (result.unmatched.length > 0) {
    lines.push(
      style.yellow(
        `Left out: ${plural(result.unmatched.length, 'line')} naming no item of this roadmap (line ${result.unmatched.join(', ')}).`,
      ),
    );
  }
  if (result.dryRun) lines.push(style.yellow('Dry run: nothing was saved.'));
  lines.push(`${style.bold('Progress:')} ${progressText(result.tally)}`);
  return `${lines.join('\n')}\n`;
}
