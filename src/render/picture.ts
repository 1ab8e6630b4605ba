/**
 * The picture of a roadmap (`roadmap export --format svg|html`): an SVG of the
 * parts and sections with their progress, the projects with their readiness and
 * the weekly activity chart, and an HTML page around it. Pure string building.
 * Every piece of roadmap text is escaped; the output holds no script, loads
 * nothing from anywhere and links nowhere.
 */
import type { WeekActivity } from '../core/activity.js';
import type { Status } from '../core/model.js';
import { progressWords, type Tally } from '../core/progress.js';
import { clean } from '../core/text.js';

export interface PictureRow {
  readonly id: string;
  readonly title: string;
  readonly tally: Tally;
}

export interface Picture {
  readonly title: string;
  readonly exportedAt: string;
  readonly overall: Tally;
  readonly parts: readonly (PictureRow & { readonly sections: readonly PictureRow[] })[];
  readonly projects: readonly (PictureRow & { readonly status: Status })[];
  readonly weeks: readonly WeekActivity[];
}

/** Text for XML and HTML, in content and in quoted attributes: no controls, & < > " ' escaped. */
export function escapeXml(text: string): string {
  return clean(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const COLOURS = { done: '#16a34a', doing: '#f59e0b', skipped: '#9ca3af', track: '#e5e7eb', text: '#111827' };
const WIDTH = 960;
const MARGIN = 24;
const LABEL_WIDTH = 400;
const BAR_X = MARGIN + LABEL_WIDTH;
const BAR_WIDTH = 380;
const FIGURE_X = BAR_X + BAR_WIDTH + 12;

const short = (text: string, max: number): string => {
  const chars = Array.from(new Intl.Segmenter().segment(clean(text)), (s) => s.segment);
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

/** About how many characters of a sans-serif font of this size fit in this width. */
const charsFit = (width: number, size: number): number => Math.floor(width / (size * 0.58));

const figures = (t: Tally): string => `${t.done}/${t.total} · ${t.percent}%`;

/** A bar: done, started and skipped topics in turn over a grey track. */
function bar(x: number, y: number, width: number, height: number, t: Tally): string {
  const parts = [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${height / 2}" fill="${COLOURS.track}"/>`,
  ];
  let at = x;
  for (const [count, colour] of [
    [t.done, COLOURS.done],
    [t.doing, COLOURS.doing],
    [t.skipped, COLOURS.skipped],
  ] as const) {
    if (count === 0 || t.total === 0) continue;
    const w = Math.round(((width * count) / t.total) * 10) / 10;
    parts.push(`<rect x="${round(at)}" y="${y}" width="${w}" height="${height}" rx="${height / 2}" fill="${colour}"/>`);
    at += w;
  }
  return parts.join('');
}

const round = (n: number): number => Math.round(n * 10) / 10;

function label(
  x: number,
  y: number,
  text: string,
  size: number,
  weight = 'normal',
  fill: string = COLOURS.text,
): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(text)}</text>`;
}

/** One row: its title (full text as a tooltip), a bar and the figures. */
function row(
  y: number,
  indent: number,
  title: string,
  tally: Tally,
  size: number,
  height: number,
  weight = 'normal',
): string {
  const maxChars = charsFit(LABEL_WIDTH - indent - 8, size);
  return (
    `<g><title>${escapeXml(title)}: ${figures(tally)}</title>` +
    label(MARGIN + indent, y + height - 1, short(title, maxChars), size, weight) +
    bar(BAR_X, y + (size - height) / 2 + 2, BAR_WIDTH, height, tally) +
    label(FIGURE_X, y + height - 1, figures(tally), size - 1, 'normal', '#374151') +
    '</g>'
  );
}

export function renderSvg(picture: Picture): string {
  const body: string[] = [];
  let y = MARGIN;
  const heading = (text: string): void => {
    y += 34;
    body.push(label(MARGIN, y, text, 18, 'bold'));
    y += 14;
  };

  body.push(label(MARGIN, (y += 26), short(picture.title || 'Roadmap', 60), 26, 'bold'));
  const o = picture.overall;
  body.push(
    label(
      MARGIN,
      (y += 26),
      `${progressWords(o)} · ${o.doing} started · ${picture.exportedAt.slice(0, 10)}`,
      14,
      'normal',
      '#374151',
    ),
  );
  body.push(bar(MARGIN, (y += 12), WIDTH - 2 * MARGIN, 14, o));
  y += 14;

  heading('Parts');
  for (const part of picture.parts) {
    body.push(row(y, 0, `${part.id} ${part.title}`, part.tally, 15, 12, 'bold'));
    y += 26;
    for (const section of part.sections) {
      body.push(row(y, 20, `${section.id} ${section.title}`, section.tally, 13, 8));
      y += 20;
    }
    y += 6;
  }

  if (picture.projects.length > 0) {
    heading('Projects');
    for (const project of picture.projects) {
      const done = project.status === 'done' ? ' ✓ built' : '';
      body.push(
        `<g><title>${escapeXml(project.title)}: ${project.tally.percent}% ready</title>` +
          label(MARGIN, y + 13, short(`${project.id} ${project.title}`, charsFit(LABEL_WIDTH - 8, 14)), 14) +
          bar(BAR_X, y + 3, BAR_WIDTH, 10, project.tally) +
          label(FIGURE_X, y + 13, `${project.tally.percent}% ready${done}`, 13, 'normal', '#374151') +
          '</g>',
      );
      y += 24;
    }
  }

  heading('Weekly activity');
  body.push(
    label(MARGIN, y + 4, `Topics finished per week, the last ${picture.weeks.length} weeks`, 12, 'normal', '#374151'),
  );
  y += 16;
  const chartHeight = 120;
  const most = Math.max(1, ...picture.weeks.map((w) => w.finished));
  const slot = (WIDTH - 2 * MARGIN) / Math.max(1, picture.weeks.length);
  const base = y + chartHeight + 16;
  body.push(`<line x1="${MARGIN}" y1="${base}" x2="${WIDTH - MARGIN}" y2="${base}" stroke="#9ca3af"/>`);
  picture.weeks.forEach((week, i) => {
    const h = Math.round((week.finished / most) * chartHeight);
    const x = round(MARGIN + i * slot + slot * 0.2);
    const w = round(slot * 0.6);
    const from = week.firstDay;
    body.push(
      `<g><title>${escapeXml(`${week.finished} finished in the week from ${from}`)}</title>` +
        (h > 0 ? `<rect x="${x}" y="${base - h}" width="${w}" height="${h}" rx="2" fill="${COLOURS.done}"/>` : '') +
        `<text x="${round(x + w / 2)}" y="${base - h - 4}" font-size="12" text-anchor="middle" fill="${COLOURS.text}">${week.finished}</text>` +
        `<text x="${round(x + w / 2)}" y="${base + 16}" font-size="11" text-anchor="middle" fill="#374151">${from.slice(5)}</text></g>`,
    );
  });
  y = base + 16 + MARGIN;

  const height = Math.ceil(y);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `role="img" aria-label="${escapeXml(`${picture.title}: ${progressWords(o)}`)}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">\n` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>\n${body.join('\n')}\n</svg>\n`
  );
}

export function renderHtml(picture: Picture): string {
  const title = escapeXml(picture.title || 'Roadmap');
  const o = picture.overall;
  const parts = picture.parts
    .map(
      (part) =>
        `<section class="part">\n<h3>${escapeXml(`${part.id} ${part.title}`)}</h3>\n<p>${progressWords(part.tally)}</p>\n` +
        (part.sections.length === 0
          ? ''
          : `<ul>\n${part.sections.map((s) => `<li>${escapeXml(`${s.id} ${s.title}`)}: ${progressWords(s.tally)}</li>`).join('\n')}\n</ul>\n`) +
        '</section>',
    )
    .join('\n');
  const projects =
    picture.projects.length === 0
      ? ''
      : `<section>\n<h2>Projects</h2>\n<ul>\n${picture.projects
          .map(
            (p) =>
              `<li>${escapeXml(`${p.id} ${p.title}`)}: ${p.tally.percent}% ready${p.status === 'done' ? ' (built)' : ''}</li>`,
          )
          .join('\n')}\n</ul>\n</section>\n`;
  const weeks = picture.weeks.map((w) => `<tr><td>${w.firstDay}</td><td>${w.finished}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="roadmap export --format html">
<title>${title}: progress</title>
<style>
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #111827; background: #f9fafb; margin: 0; }
main { max-width: 1000px; margin: 0 auto; padding: 24px; }
figure { margin: 16px 0; background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
.part { display: inline-block; vertical-align: top; width: 300px; margin: 0 16px 16px 0; }
h3 { font-size: 1rem; margin: 0.5em 0 0.2em; }
p, li, td, th { font-size: 0.9rem; }
table { border-collapse: collapse; }
td, th { border-bottom: 1px solid #e5e7eb; padding: 2px 12px 2px 0; text-align: left; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${progressWords(o)} · ${o.doing} started. Exported ${picture.exportedAt.slice(0, 10)}.</p>
<figure>
${renderSvg(picture).trimEnd()}
</figure>
<section>
<h2>Parts</h2>
${parts}
</section>
${projects}<section>
<h2>Weekly activity</h2>
<table>
<thead><tr><th>Week from</th><th>Topics finished</th></tr></thead>
<tbody>
${weeks}
</tbody>
</table>
</section>
</main>
</body>
</html>
`;
}
