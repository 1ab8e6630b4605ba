/**
 * Untrusted text in what roadmap writes for other programs: a CSV report opened
 * in a spreadsheet must not run a title as a formula (OWASP's CSV injection
 * advice), and a markdown export must not carry bidi controls raw (they reorder
 * what a viewer shows), while its import still gives back every note exactly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type RunOptions } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

let config: ReturnType<typeof tempDir>;
let work: ReturnType<typeof tempDir>;
beforeEach(() => {
  config = tempDir();
  work = tempDir();
});
afterEach(() => {
  config.cleanup();
  work.cleanup();
});

async function ok(args: readonly string[], options: RunOptions & { dir?: string } = {}): Promise<string> {
  const result = await runIn(options.dir ?? config.dir, ['--file', 'plan.md', ...args], { cwd: work.dir, ...options });
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code, `roadmap ${args.join(' ')}`).toBe(0);
  return result.stdout;
}

/** RFC 4180 fields of one CSV record (no line breaks inside fields here), with whether each was quoted. */
function fields(line: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let text = '';
      for (i++; ; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i++;
        } else if (line[i] === '"') break;
        else text += line.charAt(i);
      }
      out.push({ text, quoted: true });
      i++;
    } else {
      const end = line.indexOf(',', i);
      out.push({ text: line.slice(i, end < 0 ? undefined : end), quoted: false });
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return out;
    i++; // the comma
  }
}

describe('report --format csv', () => {
  /** [title as written in the roadmap, the cell a spreadsheet must get] */
  const TITLES: readonly (readonly [string, string])[] = [
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    [`+cmd|' /C calc'!A0`, `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['\uff1d1+1 (full-width equals)', `'\uff1d1+1 (full-width equals)`],
    // The bell is removed before the check: what is left starts with "=".
    ['\u0007=1+1', `'=1+1`],
    ['Plain, with "quotes"', 'Plain, with "quotes"'],
    ['Hyphen-ated = fine', 'Hyphen-ated = fine'],
  ];

  it('neutralises every title cell that starts like a formula: a leading quote, and the cell quoted', async () => {
    const plan = `# CSV\n\n## =1+1 part\n\n${TITLES.map(([t]) => `- ${t}`).join('\n')}\n`;
    writeFileSync(join(work.dir, 'plan.md'), plan);
    await ok(['done', '1'], { env: { ROADMAP_NOW: '2026-11-27T09:00:00.000Z' } });
    const csv = await ok(['report', '--format', 'csv', '--since', '7d'], {
      env: { ROADMAP_NOW: '2026-11-28T09:00:00.000Z' },
    });
    const rows = csv.split('\r\n').slice(0, -1).map(fields);
    expect(rows[1]).toEqual(fields(`part,1,"'=1+1 part",${TITLES.length},${TITLES.length},100,`));
    const finished = rows.filter((r) => r[0]!.text === 'finished');
    expect(finished.map((r) => r[2]!.text)).toEqual(TITLES.map(([, cell]) => cell));
    for (const row of finished) {
      const title = row[2]!;
      if (title.text.startsWith("'")) expect(title.quoted, title.text).toBe(true);
      // No cell a spreadsheet sees starts with a formula character.
      for (const cell of row) expect(cell.text).not.toMatch(/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/);
    }
  });
});

describe('export --format md with hostile notes', () => {
  const BIDI = [
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200e',
    '\u200f',
    '\u061c',
  ];
  const NOTES = [
    `Trojan ${BIDI.join('x')} source`,
    'access level: "user\u202e \u2066// admin only\u2069 \u2066"',
    'line\u2028separator and paragraph\u2029separator',
    'escape \u001b[31mred\u001b[0m, bell \u0007, C1 \u009b, carriage\rreturn',
    'typed references stay typed: &#x202e; &amp; &lt; <b>bold</b>',
    'lone surrogates \ud800 and \udfff, a pair \ud83d\ude00',
    'two lines\n  the second indented',
  ];
  const KEPT = 'removed/\u202etopic';

  it('writes no bidi control raw anywhere in the file, and its import restores every note exactly', async () => {
    writeFileSync(join(work.dir, 'plan.md'), '# Evil \u202e title\n\n## Part\n\n- Topic one\n- Topic two\n');
    await ok(['done', '1.1']);
    const file = join(config.dir, 'config.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      roadmaps: Record<string, { notes: Record<string, { at: string; text: string }[]> }>;
    };
    const [id] = Object.keys(saved.roadmaps);
    const notes = NOTES.map((text, i) => ({ at: `2026-11-0${i + 1}T10:00:00.000Z`, text }));
    saved.roadmaps[id!]!.notes = { 'part/topic-one': notes, part: notes.slice(0, 2), [KEPT]: notes.slice(2) };
    // JSON.stringify writes lone surrogates as \ud800 escapes, as conf does.
    writeFileSync(file, JSON.stringify(saved));

    await ok(['export', '--format', 'md', '-o', 'out.md']);
    const exported = readFileSync(join(work.dir, 'out.md'), 'utf8');
    for (const c of [...BIDI, '\u2028', '\u2029', '\u001b', '\u0007', '\u009b', '\r', '\ufffd']) {
      expect(exported.includes(c), `U+${c.codePointAt(0)!.toString(16)} in the export`).toBe(false);
    }
    expect(exported).toContain('\ud83d\ude00');

    const fresh = tempDir();
    try {
      await ok(['import', 'out.md'], { dir: fresh.dir });
      const back = JSON.parse(readFileSync(join(fresh.dir, 'config.json'), 'utf8')) as typeof saved;
      expect(Object.keys(back.roadmaps)).toEqual([id]);
      expect(back.roadmaps[id!]!.notes).toEqual(saved.roadmaps[id!]!.notes);
    } finally {
      fresh.cleanup();
    }
  });
});
