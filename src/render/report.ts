import type { ReportResult } from '../commands/report.js';
import { padColumns } from '../core/width.js';
import type { ZoneOffset } from '../core/zone.js';
import { bar, clean, day, type Style } from './style.js';

export const REPORT_FORMATS = ['text', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const pace = (r: ReportResult): string =>
  `${r.finished.length} topic${r.finished.length === 1 ? '' : 's'} in ${r.weeks} week${r.weeks === 1 ? '' : 's'}: ${r.perWeek} a week`;

export function renderReport(r: ReportResult, style: Style, zone: ZoneOffset): string {
  const lines = [
    style.bold(`${clean(r.title)}: progress from ${day(r.from, zone)} to ${day(r.to, zone)}`),
    '',
    ...r.parts.map(
      (p) =>
        `${padColumns(`Part ${p.id}: ${clean(p.title)}`, 44)} ${bar(p.tally.percent, style)} ${String(p.tally.percent).padStart(3)}%  ${p.tally.done}/${p.tally.total}`,
    ),
    `${padColumns('All', 44)} ${bar(r.overall.percent, style)} ${String(r.overall.percent).padStart(3)}%  ${r.overall.done}/${r.overall.total}`,
    '',
    style.bold(`Finished (${r.finished.length})`),
    ...(r.finished.length > 0
      ? r.finished.map((f) => `  ${day(f.at, zone)}  ${style.cyan(f.id)} ${clean(f.title)}`)
      : ['  nothing in this period']),
    '',
    `${style.bold('Pace:')} ${pace(r)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Markdown that pastes cleanly into an issue or a chat. */
export function renderReportMarkdown(r: ReportResult, zone: ZoneOffset): string {
  const cell = (text: string): string => clean(text).replace(/[|\\]/g, (c) => `\\${c}`);
  return `${[
    `## ${cell(r.title)}: progress from ${day(r.from, zone)} to ${day(r.to, zone)}`,
    '',
    '| Part | Done | Progress |',
    '| --- | ---: | ---: |',
    ...r.parts.map((p) => `| ${p.id}. ${cell(p.title)} | ${p.tally.done}/${p.tally.total} | ${p.tally.percent}% |`),
    `| **All** | **${r.overall.done}/${r.overall.total}** | **${r.overall.percent}%** |`,
    '',
    `### Finished (${r.finished.length})`,
    '',
    ...(r.finished.length > 0
      ? r.finished.map((f) => `- ${day(f.at, zone)} · ${f.id} ${cell(f.title)}`)
      : ['- nothing in this period']),
    '',
    `**Pace:** ${pace(r)}`,
  ].join('\n')}\n`;
}

/**
 * A spreadsheet runs a cell that starts like a formula (`=HYPERLINK(...)`, `@SUM`, `+cmd|...`),
 * and titles come from someone else's file. As OWASP advises against CSV injection, such a
 * text cell gets a leading single quote (shown as text, not run) and is quoted. The full-width
 * forms count too: some spreadsheets read them as the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** One CSV (RFC 4180) cell: text cleaned, and neutralised where it starts like a formula; numbers as they are. */
function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const cleaned = clean(value);
  const formula = FORMULA_START.test(cleaned);
  const text = formula ? `'${cleaned}` : cleaned;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180) for a spreadsheet: one row per part, then one per finished topic. */
export function renderReportCsv(r: ReportResult, zone: ZoneOffset): string {
  const rows = [
    ['kind', 'id', 'title', 'done', 'total', 'percent', 'date'],
    ...r.parts.map((p) => ['part', p.id, p.title, p.tally.done, p.tally.total, p.tally.percent, '']),
    ...r.finished.map((f) => ['finished', f.id, f.title, '', '', '', day(f.at, zone)]),
  ];
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
