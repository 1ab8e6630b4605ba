import type { ZoneOffset } from '../core/zone.js';
/** The cohort view: a table of members, the topics by how many finished them, and who is idle. */
import { IDLE_DAYS, type Cohort } from '../core/cohort.js';
import { escapeXml } from './picture.js';
import { bar, clean, count, day, type Style } from './style.js';

const figures = (t: { done: number; total: number; percent: number }): string =>
  `${t.done}/${t.total} topics, ${t.percent}%`;

export function renderCohort(cohort: Cohort, style: Style, zone: ZoneOffset): string {
  if (cohort.members.length === 0) {
    return `No member has synced ${clean(cohort.title)} into this repository yet.\n`;
  }
  const width = Math.min(24, Math.max(...cohort.members.map((m) => Array.from(clean(m.name)).length)));
  const lines = [style.bold(`${clean(cohort.title)}: ${count(cohort.members.length, 'member')}`), ''];
  for (const m of cohort.members) {
    const name = clean(m.name).slice(0, width).padEnd(width);
    const last = m.lastActivity === undefined ? 'no activity' : `last active ${day(m.lastActivity, zone)}`;
    lines.push(
      `${name}  ${bar(m.tally.percent, style)}  ${figures(m.tally)}  ${m.idle ? style.yellow(last) : style.dim(last)}`,
    );
  }
  const idle = cohort.members.filter((m) => m.idle);
  lines.push(
    '',
    style.bold(`Idle for ${IDLE_DAYS} days or more:`) +
      ` ${idle.length === 0 ? 'nobody' : idle.map((m) => clean(m.name)).join(', ')}`,
  );
  const ranked = cohort.topics.filter((t) => t.finished > 0).sort((a, b) => b.finished - a.finished);
  const shown = ranked.slice(0, 10);
  lines.push('', style.bold('Finished by the most members:') + (shown.length === 0 ? ' no topic yet' : ''));
  for (const t of shown) lines.push(`  ${String(t.finished).padStart(4)}  ${t.id}  ${clean(t.title)}`);
  if (ranked.length > shown.length) lines.push(style.dim(`  (every topic's count: roadmap cohort REMOTE --json)`));
  return `${lines.join('\n')}\n`;
}

export function renderCohortHtml(cohort: Cohort, zone: ZoneOffset): string {
  const title = escapeXml(cohort.title || 'Roadmap');
  const members = cohort.members
    .map(
      (m) =>
        `<tr${m.idle ? ' class="idle"' : ''}><td>${escapeXml(m.name)}</td><td><meter min="0" max="${m.tally.total}" value="${m.tally.done}"></meter></td>` +
        `<td>${m.tally.done}/${m.tally.total}</td><td>${m.tally.percent}%</td><td>${m.lastActivity === undefined ? '' : day(m.lastActivity, zone)}</td></tr>`,
    )
    .join('\n');
  const topics = cohort.topics
    .map((t) => `<tr><td>${escapeXml(t.id)}</td><td>${escapeXml(t.title)}</td><td>${t.finished}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="roadmap cohort --format html">
<title>${title}: cohort</title>
<style>
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #111827; background: #f9fafb; margin: 0; }
main { max-width: 1000px; margin: 0 auto; padding: 24px; }
table { border-collapse: collapse; margin-bottom: 24px; }
td, th { border-bottom: 1px solid #e5e7eb; padding: 2px 12px 2px 0; text-align: left; font-size: 0.9rem; }
tr.idle td { color: #b45309; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${cohort.members.length} members; idle (no change for ${IDLE_DAYS} days) in amber. ${day(cohort.now, zone)}.</p>
<h2>Members</h2>
<table>
<tr><th>member</th><th>progress</th><th>topics</th><th>done</th><th>last active</th></tr>
${members}
</table>
<h2>Topics</h2>
<table>
<tr><th>ID</th><th>topic</th><th>finished by</th></tr>
${topics}
</table>
</main>
</body>
</html>
`;
}
