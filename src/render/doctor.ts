import type { DoctorResult } from '../commands/doctor.js';
import { clean, count, type Style } from './style.js';

export function renderDoctor(result: DoctorResult, style: Style): string {
  const lines = [`${style.bold('Progress file:')} ${result.file}`];
  for (const finding of result.findings) {
    const sign = !finding.problem ? style.green('ok ') : finding.repaired ? style.yellow('fix') : style.red('!! ');
    lines.push(`${sign} ${clean(finding.text)}`);
    for (const detail of finding.details) lines.push(`      ${clean(detail)}`);
    if (finding.repaired) lines.push(`      ${style.green(`repaired: ${finding.repaired}`)}`);
  }
  const problems = result.findings.filter((f) => f.problem).length;
  lines.push('');
  if (problems === 0) lines.push(style.green('No problems found.'));
  else if (result.remaining === 0) lines.push(style.green(`${count(problems, 'problem')} found and repaired.`));
  else {
    const repairable = result.findings.some((f) => f.problem && f.repairable && f.repaired === undefined);
    lines.push(
      `${count(result.remaining, 'problem')} found.${repairable ? ' Run "roadmap doctor --repair" to fix what can be fixed.' : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
