/** The SVG picture and the HTML page: what they show, and that roadmap text is escaped, never markup. */
import { describe, expect, it } from 'vitest';
import { picture } from '../../src/commands/export.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { emptyRoadmapState } from '../../src/core/state.js';
import { topicsOf } from '../../src/core/tree.js';
import { escapeXml, renderHtml, renderSvg } from '../../src/render/picture.js';
import { bundled } from './bundled.js';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "' onmouseover='alert(3)",
  '<a href="javascript:alert(4)">x</a>',
  '<svg onload=alert(5)>',
];

const ALLOWED = new Set(
  '!doctype html head meta title style body main h1 h2 h3 p figure section ul li table thead tbody tr th td svg rect text g line'.split(
    ' ',
  ),
);

/** Every URL-ish thing in the output: the SVG namespace is the only one allowed. */
const urls = (text: string): string[] =>
  [...text.matchAll(/(?:https?:|javascript:|data:|\/\/)[^\s"'<>)]*/gi)]
    .map((m) => m[0])
    .filter((u) => u !== 'http://www.w3.org/2000/svg');

describe('escapeXml', () => {
  it('escapes & < > " and \' and drops control characters', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0007g\u001b[31m`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;fg[31m');
  });
});

describe('the picture of the bundled roadmap', () => {
  const keys = topicsOf(bundled.parts).map((t) => t.key);
  const state = {
    ...emptyRoadmapState(),
    items: {
      [keys[0]!]: { status: 'done' as const, at: NOW.toISOString() },
      [keys[1]!]: { status: 'doing' as const, at: NOW.toISOString() },
    },
    history: [
      {
        key: keys[0]!,
        from: 'todo' as const,
        to: 'done' as const,
        at: new Date(NOW.getTime() - 15 * DAY).toISOString(),
      },
    ],
  };
  const shown = picture(bundled, state, NOW);

  it('holds the parts with their sections, the projects and 12 weeks of activity', () => {
    expect(shown.parts).toHaveLength(9);
    expect(shown.parts[0]!.sections.map((s) => s.id)).toEqual(['1.1', '1.2', '1.3']);
    expect(shown.overall).toMatchObject({ done: 1, doing: 1, total: 44 });
    expect(shown.projects.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(shown.weeks).toHaveLength(12);
    expect(shown.weeks.map((w) => w.finished)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('the SVG is one element with the title, every part, the projects and the chart', () => {
    const svg = renderSvg(shown);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('>Backend Development Roadmap: FastAPI</text>');
    expect(svg).toContain('>5 Authentication &amp; Authorization</text>');
    expect(svg).toContain('>Projects</text>');
    expect(svg).toContain('>Weekly activity</text>');
    expect(urls(svg)).toEqual([]);
  });

  it('the HTML page has headings, the same SVG, no script and nothing loaded from elsewhere', () => {
    const html = renderHtml(shown);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1>Backend Development Roadmap: FastAPI</h1>');
    expect(html).toContain('<h2>Projects</h2>');
    expect(html).toContain(renderSvg(shown).trimEnd());
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    expect(urls(html)).toEqual([]);
  });
});

describe('hostile roadmap text', () => {
  const markdown = [
    `# ${HOSTILE[0]} plan`,
    ...HOSTILE.map((h, i) => `## Part ${i + 1}: ${h}\n1. **${h} section**:\n   - topic ${h}`),
    '## Suggested Projects',
    `1. Build ${HOSTILE[1]}`,
  ].join('\n');
  const roadmap = parseRoadmap(markdown);
  // The parser drops HTML; put the hostile text back into the titles, as a future parser might keep it.
  const hostile = {
    ...roadmap,
    title: HOSTILE[0]!,
    parts: roadmap.parts.map((p, i) => ({
      ...p,
      title: HOSTILE[i]!,
      children: p.children.map((s) => ({ ...s, title: `${HOSTILE[i]!} section` })),
    })),
    projects: roadmap.projects.map((p) => ({ ...p, title: HOSTILE[1]! })),
  };

  it.each([
    ['svg', renderSvg],
    ['html', renderHtml],
  ])('%s: shows it escaped, never as markup', (_name, render) => {
    const out = render(picture(hostile, emptyRoadmapState(), NOW));
    for (const text of HOSTILE) expect(out).not.toContain(text);
    // Markup is only what the renderer writes: known elements, and no event-handler attributes.
    const tags = [...out.matchAll(/<\/?([a-z!][\w-]*)([^>]*)>/gi)];
    expect([...new Set(tags.map((t) => t[1]!.toLowerCase()))].filter((name) => !ALLOWED.has(name))).toEqual([]);
    for (const tag of tags) expect(tag[2], tag[0]).not.toMatch(/\son\w+=/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(out).toContain('&#39; onmouseover=&#39;alert(3)');
    expect(urls(out).filter((u) => !u.startsWith('javascript:'))).toEqual([]);
  });
});
