/** `roadmap config`: the settings, one value, or what a change did. */
import type { ConfigResult, Setting } from '../commands/config.js';
import type { Style } from './style.js';

const origin = (s: Setting): string => (s.set ? '' : ' (default)');

export function renderConfig(result: ConfigResult, style: Style): string {
  const [first] = result.settings;
  // One value alone, as `git config NAME` prints it: for scripts and people alike.
  if (result.asked === 'get' && first) return `${first.value}\n`;
  if (result.asked === 'set' && first) {
    return result.was === undefined
      ? `${first.name} is already ${first.value}${origin(first)}; nothing changed.\n`
      : `${style.green('Set')} ${first.name} to ${first.value}${origin(first)} (it was ${result.was}).\n`;
  }
  const width = Math.max(...result.settings.map((s) => s.name.length));
  const lines = result.settings.map(
    (s) =>
      `${style.cyan(s.name.padEnd(width))}  ${s.value}${style.dim(origin(s))}\n${' '.repeat(width + 2)}${style.dim(s.description)}`,
  );
  return `${lines.join('\n')}\n${style.dim('Change one with "roadmap config NAME VALUE" ("default" goes back to the default).')}\n`;
}
