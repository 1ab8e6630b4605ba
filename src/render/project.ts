import type { ZoneOffset } from '../core/zone.js';
import type { ProjectDetail, ProjectsResult } from '../commands/project.js';
import type { ProjectReadiness } from '../core/readiness.js';
import { numberedNote } from './note.js';
import { displayWidth, truncateColumns, wrapColumns } from '../core/width.js';
import { bar, clean, progressText, statusBox, type Style } from './style.js';

/** The columns a line may take; undefined for a pipe or a file, where nothing is cut. */
type Columns = number | undefined;

/** `text` cut to the columns left after `used`. */
const cut = (text: string, used: number, columns: Columns): string =>
  columns === undefined ? text : truncateColumns(text, columns - used);

/** `text` after `indent`, wrapped to the columns, each further line under the first. */
const wrapped = (indent: string, text: string, columns: Columns): string[] =>
  columns === undefined ? [`${indent}${text}`] : wrapColumns(text, columns - indent.length).map((l) => `${indent}${l}`);

function drawsOn(entry: ProjectReadiness): string {
  return entry.sections.length > 0
    ? entry.sections.map((s) => `${s.id} ${clean(s.title)}`).join(', ')
    : 'the whole roadmap';
}

function readiness(entry: ProjectReadiness, style: Style): string {
  return `${bar(entry.tally.percent, style)} ${String(entry.tally.percent).padStart(3)}% ready`;
}

export function renderProjects(result: ProjectsResult, style: Style, columns: Columns): string {
  if (result.projects.length === 0) return 'This roadmap suggests no projects.\n';
  const lines = [style.bold('Suggested projects')];
  for (const entry of result.projects) {
    const { project } = entry;
    const pad = ' '.repeat(4 + project.id.length + 2);
    lines.push(
      `${statusBox(entry.status, style)} ${style.bold.cyan(project.id)}  ${cut(clean(project.title), pad.length, columns)}`,
    );
    lines.push(...wrapped(pad, `${readiness(entry, style)}  ${style.dim('draws on')} ${drawsOn(entry)}`, columns));
  }
  const best = result.recommended;
  lines.push('');
  if (best) {
    const recommended = `${style.bold('Recommended:')} ${style.cyan(best.project.id)} ${clean(best.project.title)} (${best.tally.percent}% ready).`;
    const details = `Details: ${style.green(`${result.invocation} project ${best.project.id}`)}`;
    const one = `${recommended} ${details}`;
    // The command to copy stays whole, on a line of its own when both do not fit.
    lines.push(
      ...(columns === undefined || displayWidth(one) <= columns
        ? [one]
        : [...wrapped('', recommended, columns), details]),
    );
  } else {
    lines.push(style.green('Every suggested project is done.'));
  }
  return `${lines.join('\n')}\n`;
}

export function renderProjectDetail(detail: ProjectDetail, style: Style, columns: Columns, zone: ZoneOffset): string {
  const { entry, toLearn } = detail;
  const { project, tally } = entry;
  const head = 4 + displayWidth(project.id) + 2;
  const lines = [
    `${statusBox(entry.status, style)} ${style.bold.cyan(project.id)}  ${style.bold(cut(clean(project.title), head, columns))}`,
    ...wrapped('    ', `${readiness(entry, style)} (${progressText(tally)} of the sections it draws on)`, columns),
    '',
    style.bold('Draws on'),
    ...(entry.sections.length > 0
      ? entry.sections.map((s) => `  ${cut(`${s.id} ${clean(s.title)}`, 2, columns)}`)
      : ['  the whole roadmap']),
    '',
    style.bold('Still to learn'),
    ...(toLearn.length > 0
      ? toLearn.map((t) => `  ${style.cyan(t.id)} ${cut(clean(t.title), 3 + displayWidth(t.id), columns)}`)
      : ['  nothing: you have studied every topic it draws on']),
    '',
    ...(detail.notes.length > 0
      ? [style.bold('Notes'), ...detail.notes.map((n, i) => numberedNote(n, i + 1, style, zone)), '']
      : []),
    entry.status === 'done'
      ? style.green('You have built this project.')
      : `When you have built it: ${style.green(`${detail.invocation} done ${project.id}`)}`,
  ];
  return `${lines.join('\n')}\n`;
}
