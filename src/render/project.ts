import type { ProjectDetail, ProjectsResult } from '../commands/project.js';
import type { ProjectReadiness } from '../core/readiness.js';
import { bar, clean, progressText, statusBox, type Style } from './style.js';

function drawsOn(entry: ProjectReadiness): string {
  return entry.sections.length > 0
    ? entry.sections.map((s) => `${s.id} ${clean(s.title)}`).join(', ')
    : 'the whole roadmap';
}

function readiness(entry: ProjectReadiness, style: Style): string {
  return `${bar(entry.tally.percent, style)} ${String(entry.tally.percent).padStart(3)}% ready`;
}

export function renderProjects(result: ProjectsResult, style: Style): string {
  if (result.projects.length === 0) return 'This roadmap suggests no projects.\n';
  const lines = [style.bold('Suggested projects')];
  for (const entry of result.projects) {
    const { project } = entry;
    const pad = ' '.repeat(4 + project.id.length + 2);
    lines.push(`${statusBox(entry.status, style)} ${style.bold.cyan(project.id)}  ${clean(project.title)}`);
    lines.push(`${pad}${readiness(entry, style)}  ${style.dim('draws on')} ${drawsOn(entry)}`);
  }
  const best = result.recommended;
  lines.push('');
  if (best) {
    lines.push(
      `${style.bold('Recommended:')} ${style.cyan(best.project.id)} ${clean(best.project.title)} (${best.tally.percent}% ready). Details: ${style.green(`${result.invocation} project ${best.project.id}`)}`,
    );
  } else {
    lines.push(style.green('Every suggested project is done.'));
  }
  return `${lines.join('\n')}\n`;
}

export function renderProjectDetail(detail: ProjectDetail, style: Style): string {
  const { entry, toLearn } = detail;
  const { project, tally } = entry;
  const lines = [
    `${statusBox(entry.status, style)} ${style.bold.cyan(project.id)}  ${style.bold(clean(project.title))}`,
    `    ${readiness(entry, style)} (${progressText(tally)} of the sections it draws on)`,
    '',
    style.bold('Draws on'),
    ...(entry.sections.length > 0 ? entry.sections.map((s) => `  ${s.id} ${clean(s.title)}`) : ['  the whole roadmap']),
    '',
    style.bold('Still to learn'),
    ...(toLearn.length > 0
      ? toLearn.map((t) => `  ${style.cyan(t.id)} ${clean(t.title)}`)
      : ['  nothing: you have studied every topic it draws on']),
    '',
    entry.status === 'done'
      ? style.green('You have built this project.')
      : `When you have built it: ${style.green(`${detail.invocation} done ${project.id}`)}`,
  ];
  return `${lines.join('\n')}\n`;
}
