import type { UseResult } from '../commands/use.js';
import { clean, progressText, type Style } from './style.js';

export function renderUse(result: UseResult, style: Style): string {
  const what =
    result.path === undefined
      ? `the bundled roadmap, ${clean(result.roadmap.title)}`
      : `${clean(result.roadmap.title)} (${clean(result.path)})`;
  const lines = [result.changed ? `${style.green('Now following')} ${what}.` : `Following ${what}.`];
  if (!result.changed) {
    const why: Record<string, string> = {
      '--file': 'chosen with --file for this command only',
      ROADMAP_FILE: 'chosen with the ROADMAP_FILE environment variable',
      'roadmap use': 'the default, chosen with "roadmap use"',
      bundled: 'no other roadmap is chosen; "roadmap use PATH" picks one',
    };
    lines.push(style.dim(why[result.via] ?? result.via));
  }
  lines.push(`${style.bold('Progress:')} ${progressText(result.tally)}`);
  if (result.overridden) {
    const { via, path } = result.overridden;
    const where = via === '--file' ? 'this command' : 'this shell';
    lines.push(style.yellow(`Note: ${via} still chooses ${clean(path)} for ${where}.`));
  }
  return `${lines.join('\n')}\n`;
}
