import type { ListNode, ListResult } from '../commands/list.js';
import { displayWidth, truncateColumns } from '../core/width.js';
import type { ZoneOffset } from '../core/zone.js';
import { estimateText, LINE_COLUMNS, withEstimate } from './estimate.js';
import { bar, clean, statusBox, noteText, progressText, type Style } from './style.js';

interface Row {
  readonly node: ListNode;
  readonly indent: string;
  readonly name: string;
  /** Visible width of mark + name, to line the bars up. */
  readonly width: number;
}

/** Bars start after the longest part or section name, but never further right than this. */
const MAX_COLUMN = 48;

function nameOf(item: { id: string; kind: ListNode['kind']; title: string }): string {
  return item.kind === 'part' ? `Part ${item.id}: ${clean(item.title)}` : `${item.id} ${clean(item.title)}`;
}

function rowsOf(nodes: readonly ListNode[], level = 0): Row[] {
  return nodes.flatMap((node) => {
    const indent = '  '.repeat(level);
    const name = nameOf(node);
    const row = { node, indent, name, width: indent.length + 4 + displayWidth(name) };
    return [row, ...rowsOf(node.children, level + 1)];
  });
}

/** `notes`: show the learner's notes under each item (`list --notes`). */
export function renderList(
  result: ListResult,
  style: Style,
  options: { readonly notes?: boolean; readonly zone: ZoneOffset },
): string {
  const rows = rowsOf(result.nodes);
  const groups = rows.filter((r) => r.node.tally);
  const fit = totalsColumns(rows);
  let column = Math.min(MAX_COLUMN, Math.max(0, ...groups.map((r) => r.width)));
  // With totals after the counts, a long name gives way so that the line still fits.
  if (fit) column = Math.min(column, LINE_COLUMNS - 21 - fit.count - fit.estimate);
  const title = typeof result.title === 'string' ? clean(result.title) : nameOf(result.title);
  const total = estimateText(result.total);
  const lines = [
    `${style.bold(title)}  ${progressText(result.tally)}  ${bar(result.tally.percent, style)}${total ? `  ${total}` : ''}`,
  ];
  for (const row of rows) {
    const { node, indent } = row;
    const cut = fit && node.tally && row.width > column;
    const name = cut ? truncateColumns(row.name, column - indent.length - 4) : row.name;
    const width = cut ? indent.length + 4 + displayWidth(name) : row.width;
    if (node.label) lines.push(`${indent}    ${style.dim.italic(clean(node.label))}`);
    const shown = node.status === 'skipped' ? style.dim(name) : node.kind === 'topic' ? name : style.bold(name);
    let line = `${indent}${statusBox(node.status, style)} ${shown}`;
    if (node.tally) {
      const { percent, done, total } = node.tally;
      const gap = ' '.repeat(Math.max(1, column - width + 2));
      line += `${gap}${bar(percent, style)} ${String(percent).padStart(3)}%  ${done}/${total}`;
      if (fit && node.total)
        line += `${' '.repeat(fit.count - `${done}/${total}`.length)}  ${estimateText(node.total)}`;
    } else line = withEstimate(line, estimateText(node.total), indent.length + 4);
    lines.push(line);
    if (options.notes) {
      for (const note of node.notes)
        lines.push(`${indent}      ${style.dim('note')} ${noteText(note, options.zone, indent.length + 11)}`);
    }
  }
  if (rows.length === 0) lines.push(style.dim('Nothing to show.'));
  return `${lines.join('\n')}\n`;
}

/** Widths of the counts and totals on part and section lines, to line the totals up; undefined with no totals. */
function totalsColumns(rows: readonly Row[]): { count: number; estimate: number } | undefined {
  const groups = rows.filter((r) => r.node.tally);
  if (!groups.some((r) => r.node.total)) return undefined;
  return {
    count: Math.max(...groups.map((r) => `${r.node.tally!.done}/${r.node.tally!.total}`.length)),
    estimate: Math.max(...groups.map((r) => estimateText(r.node.total).length)),
  };
}

/**
 * `list --plain`: one line per item, tab-separated stable columns (ID, status,
 * title, kind), no header and no colour, for awk, cut and grep. Kind came last,
 * so scripts reading the first three columns read them as before.
 */
export function renderPlain(result: ListResult): string {
  const lines: string[] = [];
  const add = (nodes: readonly ListNode[]): void => {
    for (const node of nodes) {
      lines.push(`${node.id}\t${node.status}\t${clean(node.title)}\t${node.kind}`);
      add(node.children);
    }
  };
  add(result.nodes);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
