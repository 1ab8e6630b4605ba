import type { InspectResult } from '../commands/inspect.js';
import type { Role } from '../core/parse.js';
import { clean, count, type Style } from './style.js';

const MODE_WORDS = {
  checkboxes: 'the file uses checkboxes, so its checkbox items are the topics',
  'table rows': 'the file lists topics in tables, so the table rows are the topics',
  leaves: 'the topics are the leaves: list items, link lines, bold lines, questions and headings with prose only',
} as const;

/** One line per block: line number, what it became, its words, and the rule that decided. */
export function renderInspect(result: InspectResult, style: Style): string {
  const paint: Record<Role, (text: string) => string> = {
    title: style.bold,
    part: style.bold,
    section: style.bold,
    topic: style.green,
    resource: style.cyan,
    description: style.cyan,
    label: style.yellow,
    skipped: style.dim,
  };
  const width = String(Math.max(1, ...result.decisions.map((d) => d.line))).length;
  const lines = [
    `${style.bold(clean(result.title || '(no title)'))}  ${count(result.topics, 'topic')}`,
    style.dim(`Read as: ${MODE_WORDS[result.mode]}.`),
    '',
  ];
  for (const d of result.decisions) {
    const role = paint[d.role](d.role.padEnd(11));
    lines.push(
      `${style.dim(`L${String(d.line).padStart(width)}`)}  ${role} ${clean(d.text)}  ${style.dim(`← ${clean(d.rule)}`)}`,
    );
  }
  lines.push(
    '',
    style.dim(
      'Wrong? Put <!-- roadmap: skip -->, <!-- roadmap: topics --> or <!-- roadmap: not-topics --> on the line before a block.',
    ),
  );
  return `${lines.join('\n')}\n`;
}
