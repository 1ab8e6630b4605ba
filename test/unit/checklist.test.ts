/** The markdown checklist export and its reader: marks, keys, notes, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { ImportProblem } from '../../src/core/backup.js';
import { readChecklist, renderChecklist } from '../../src/core/checklist.js';
import type { Status } from '../../src/core/model.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { statusOf, withFileMarks } from '../../src/core/progress.js';
import { emptyRoadmapState, type RoadmapState } from '../../src/core/state.js';
import { topicsOf } from '../../src/core/tree.js';
import { bundled } from './bundled.js';

const AT = '2026-11-27T09:00:00.000Z';
const header = { id: 'bundled', title: bundled.title };
const keys = topicsOf(bundled.parts).map((t) => t.key);

function stateWith(statuses: Record<string, Status>, notes: RoadmapState['notes'] = {}): RoadmapState {
  const items = Object.fromEntries(Object.entries(statuses).map(([k, status]) => [k, { status, at: AT }]));
  return { ...emptyRoadmapState(), items, notes };
}

const render = (state: RoadmapState, roadmap = bundled) =>
  renderChecklist(roadmap, header, AT, state, withFileMarks(roadmap, state.items));

describe('renderChecklist', () => {
  it('writes headings, a task line per topic with its mark and key, and the projects', () => {
    const md = render(stateWith({ [keys[0]!]: 'done', [keys[1]!]: 'doing', [keys[2]!]: 'skipped' }));
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^<!-- roadmap-progress \{.*\} -->$/);
    expect(lines[1]).toBe(`# ${bundled.title}`);
    expect(lines).toContain('## 1 Fundamentals');
    expect(lines).toContain('### 1.1 Python Basics');
    expect(md).toContain(`- [x] 1.1.1 Syntax, data types, control structures, OOP concepts. <!-- key: ${keys[0]} -->`);
    expect(md).toMatch(/^- \[~\] 1\.1\.2 /m);
    expect(md).toMatch(/^- \[-\] 1\.2\.1 /m);
    expect(md).toMatch(/^- \[ \] 1\.2\.2 /m);
    expect(lines).toContain('## Projects');
    expect(md).toMatch(/^- \[ \] p1 Build a RESTful API/m);
  });

  it('writes HTML and control characters in notes as character references', () => {
    const md = render(stateWith({}, { [keys[0]!]: [{ at: AT, text: '<img src=x onerror=alert(1)> & \u001b[2J' }] }));
    expect(md).toContain(`> ${AT}: &lt;img src=x onerror=alert(1)> &amp; &#x1b;[2J\n`);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('\u001b');
  });

  it('writes notes under their item, with their times, several lines kept', () => {
    const md = render(stateWith({}, { [keys[0]!]: [{ at: AT, text: 'first line\n\nthird line' }] }));
    expect(md).toContain(`> ${AT}: first line\n  >   \n  >   third line\n`);
  });
});

describe('readChecklist', () => {
  it('reads back every mark and note it wrote', () => {
    const statuses: Record<string, Status> = { [keys[0]!]: 'done', [keys[3]!]: 'doing', [keys[5]!]: 'skipped' };
    const notes = {
      [keys[0]!]: [
        { at: AT, text: 'plain' },
        { at: '2026-11-28T10:00:00.000Z', text: '  spaces first\n> a quote\n2026-01-01: looks like a time' },
        { at: AT, text: '</blockquote><script>alert(1)</script> &lt; stays &amp; \u001b[31mred\u0007' },
      ],
      fundamentals: [{ at: AT, text: 'a note on a part' }],
      'project/build-a-restful-api-for-a-library-management-system': [{ at: AT, text: '' }],
      'gone/old-topic': [{ at: AT, text: 'kept' }],
    };
    const state = stateWith({ ...statuses, 'gone/old-topic': 'done' }, notes);
    const read = readChecklist(render(state), bundled);
    for (const key of keys) expect(read.marks.get(key), key).toBe(statusOf(state.items, key));
    expect(read.marks.get('gone/old-topic')).toBe('done');
    expect(Object.fromEntries(read.notes)).toEqual(notes);
    expect(read.roadmap).toEqual(header);
    expect(read.exportedAt).toBe(AT);
    expect(read.unmatched).toEqual([]);
  });

  it('matches a line without its key comment by ID and title, and counts lines that match nothing', () => {
    const md = render(emptyRoadmapState())
      .replace(/^- \[ \] (1\.1\.1 .*?) <!-- key: .* -->$/m, '- [x] $1')
      .replace(/^- \[ \] (1\.1\.2) .*$/m, '- [x] $1 Something else entirely');
    const read = readChecklist(md, bundled);
    expect(read.marks.get(keys[0]!)).toBe('done');
    expect(read.marks.has(keys[1]!)).toBe(false);
    expect(read.unmatched).toHaveLength(1);
  });

  it('reads items written with a tab after the bullet or the mark', () => {
    const md = render(emptyRoadmapState())
      .replace(/^- \[ \] (1\.1\.1 )/m, '-\t[x] $1')
      .replace(/^- \[ \] (1\.1\.2 )/m, '- [~]\t$1');
    const read = readChecklist(md, bundled);
    expect(read.marks.get(keys[0]!)).toBe('done');
    expect(read.marks.get(keys[1]!)).toBe('doing');
    expect(read.unmatched).toEqual([]);
  });

  it('takes a hand-written note without a time as a note with no time', () => {
    const md = render(emptyRoadmapState()).replace(/^(- \[ \] 1\.1\.1 .*)$/m, '$1\n  > remember this');
    expect(readChecklist(md, bundled).notes.get(keys[0]!)).toEqual([{ text: 'remember this' }]);
  });

  it.each([
    ['no header line', (md: string) => md.split('\n').slice(1).join('\n'), /does not start with/],
    ['a damaged header', (md: string) => md.replace('{"kind"', '{kind'), /damaged/],
    [
      'another kind',
      (md: string) => md.replace('"kind":"roadmap-progress"', '"kind":"other"'),
      /not a roadmap progress/,
    ],
    ['a newer format', (md: string) => md.replace('"format":1', '"format":2'), /newer roadmap \(export format 2/],
    ['an unknown mark', (md: string) => md.replace('- [ ] 1.1.1', '- [?] 1.1.1'), /mark "\[\?\]" on line \d+/],
  ])('refuses %s', (_name, damage, message) => {
    expect(() => readChecklist(damage(render(emptyRoadmapState())), bundled)).toThrow(ImportProblem);
    expect(() => readChecklist(damage(render(emptyRoadmapState())), bundled)).toThrow(message);
  });
});

describe('a custom roadmap', () => {
  const roadmap = parseRoadmap(
    [
      '# Plan <b>bold</b>',
      '## Part <script>alert(1)</script>',
      '- [ ] topic with <!-- key: fake --> inside',
      '  - [x] a topic inside a topic',
      '### Deeper',
      '#### Deeper still',
      '##### Five',
      '###### Six',
      '- [ ] deep topic',
    ].join('\n'),
  );
  const deep = topicsOf(roadmap.parts);

  it('escapes HTML in titles, so no title can forge a key', () => {
    const forged = { ...roadmap, parts: [{ ...roadmap.parts[0]!, title: 'x <!-- key: forged --> <img src=x>' }] };
    const written = renderChecklist(forged, { id: 't', title: 'T' }, AT, emptyRoadmapState(), {});
    expect(written).toContain('## 1 x &lt;!-- key: forged --> &lt;img src=x>\n');
    const md = renderChecklist(roadmap, { id: 't', title: roadmap.title }, AT, emptyRoadmapState(), {});
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    const read = readChecklist(md, roadmap);
    expect([...read.marks.keys()].sort()).toEqual(deep.map((t) => t.key).sort());
  });

  it('reads back file marks and nested topics', () => {
    const progress = withFileMarks(roadmap, {});
    const md = renderChecklist(roadmap, { id: 't', title: roadmap.title }, AT, emptyRoadmapState(), progress);
    const read = readChecklist(md, roadmap);
    for (const topic of deep) expect(read.marks.get(topic.key), topic.title).toBe(statusOf(progress, topic.key));
  });
});
