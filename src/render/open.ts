/** `roadmap open`'s text: the links opened, or the links alone, one per line, for scripts. */
import type { OpenLink, OpenResult } from '../commands/open.js';
import { clean, count, type Style } from './style.js';

/** What a link shows: its address, and its text when that says something more. */
function opened(link: OpenLink, style: Style): string {
  const text = clean(link.text).trim();
  const said = text === '' || text === link.href.trim() || text === link.address ? '' : style.dim(`  ${text}`);
  return `${style.green('Opened')} ${clean(link.address)}${said}\n`;
}

export function renderOpen(result: OpenResult, style: Style): string {
  if (result.notOpenedBecause === 'declined') return '';
  // Printed, not opened: the addresses alone, so `open --print | xargs ...` reads them.
  if (result.notOpenedBecause !== undefined) return result.links.map((l) => `${clean(l.address)}\n`).join('');
  return result.links
    .filter((l) => l.opened)
    .map((l) => opened(l, style))
    .join('');
}

/** On stderr: why nothing was opened, or which links were not (not http or https). */
export function renderOpenNotice(result: OpenResult): string | undefined {
  if (result.notOpenedBecause === 'declined') return 'Nothing was opened.\n';
  if (result.notOpenedBecause === 'no display') {
    const them = result.links.length === 1 ? 'the link is' : 'the links are';
    return `Nothing was opened: ${result.why ?? 'there is no browser here'}; ${them} printed instead.\n`;
  }
  if (result.notOpenedBecause !== undefined) return undefined;
  const left = result.links.filter((l) => !l.web);
  if (left.length === 0) return undefined;
  const list = left.map((l) => `  ${clean(l.address)}\n`).join('');
  return `Not opened (only http and https links are), ${count(left.length, 'link')}:\n${list}`;
}
