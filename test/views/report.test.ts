/** `roadmap report`: per part, what was finished in the period (from the saved history), and the pace. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { expectCleanError, TOTAL, useConfigDir } from '../helpers/bundled-roadmap.js';

const { dir, roadmap, runWith } = useConfigDir();
const DAY = 24 * 60 * 60 * 1000;

/** Marks 1.1 done now, then dates 1.1.1's change 40 days back, as if it had been done then. */
async function historyAcrossTime(): Promise<void> {
  await roadmap('done', '1.1', '2.3');
  const file = join(dir(), 'config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as {
    roadmaps: { bundled: { items: Record<string, { at: string }>; history: { key: string; at: string }[] } };
  };
  const old = new Date(Date.now() - 40 * DAY).toISOString();
  const first = config.roadmaps.bundled.history[0]!;
  first.at = old;
  config.roadmaps.bundled.items[first.key]!.at = old;
  writeFileSync(file, JSON.stringify(config));
}

describe('roadmap report', () => {
  it('shows every part, the topics finished in the period with their dates, and the pace', async () => {
    await historyAcrossTime();
    const { stdout, code } = await roadmap('report');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Part 1: Fundamentals +\S+ +33% +2\/6/);
    expect(stdout).toContain(`3/${TOTAL}`);
    expect(stdout).toContain('Finished (2)');
    expect(stdout).not.toContain('1.1.1 Syntax');
    expect(stdout).toContain('1.1.2 Python standard libraries');
    expect(stdout).toContain('Pace: 2 topics in 1 week: 2 a week');
  });

  it('--since reaches further back', async () => {
    await historyAcrossTime();
    const since = new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10);
    const { stdout } = await roadmap('report', '--since', since);
    expect(stdout).toContain('Finished (3)');
    expect(stdout).toContain('1.1.1 Syntax');
    expect((await roadmap('report', '--since', '8w')).stdout).toContain('Finished (3)');
  });

  it('--format md pastes as a table and a list', async () => {
    await roadmap('done', '1.1');
    const { stdout } = await roadmap('report', '--format', 'md');
    expect(stdout).toMatch(/^## .*progress from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\n/);
    expect(stdout).toContain('| Part | Done | Progress |');
    expect(stdout).toContain('| 1. Fundamentals | 2/6 | 33% |');
    expect(stdout).toMatch(/^- \d{4}-\d{2}-\d{2} · 1\.1\.1 Syntax/m);
  });

  it('--format csv has a header, a row per part and per finished topic, quoted where needed', async () => {
    await roadmap('done', '1.1.2');
    const rows = (await roadmap('report', '--format', 'csv')).stdout.split('\r\n').filter((r) => r !== '');
    expect(rows[0]).toBe('kind,id,title,done,total,percent,date');
    expect(rows).toContain('part,1,Fundamentals,1,6,16,');
    expect(rows.find((r) => r.startsWith('finished,1.1.2,'))).toMatch(
      /^finished,1\.1\.2,"Python standard libraries: os, sys, datetime, collections, itertools, functools\.",,,,\d{4}-\d{2}-\d{2}$/,
    );
    expect(rows).toHaveLength(1 + 9 + 1);
  });

  it('--format json (or --json) matches schema/report.schema.json', async () => {
    await roadmap('done', '1.1');
    const ajv = new Ajv2020({ strict: true });
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(repoRoot, 'schema/report.schema.json'), 'utf8')) as object,
    );
    for (const args of [
      ['report', '--format', 'json'],
      ['report', '--json'],
    ]) {
      const document = JSON.parse((await roadmap(...args)).stdout) as { pace: { finished: number } };
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      expect(document.pace.finished).toBe(2);
    }
  });

  it.each([
    [['report', '--since', 'yesterday'], '--since takes a date'],
    [
      ['report', '--since', '2026-02-30'],
      '--since takes a date (2026-11-01) or a span before now (7d, 4w), not "2026-02-30"',
    ],
    [['report', '--since', '2026-13-01'], 'not "2026-13-01"'],
    [['report', '--format', 'pdf'], '--format takes text, md, csv, json'],
    [['report', '--since', '2999-01-01'], 'is in the future'],
  ])('%j is a usage error', async (args, message) => {
    const result = await roadmap(...args);
    expectCleanError(result, 2);
    expect(result.stderr).toContain(message);
  });
});

describe('ROADMAP_NOW fixes the clock', () => {
  it.each(['+275760-09-12T00:00:00.000Z', 'December 17, 2030', 'yesterday'])(
    'a value that is not an ISO time in UTC (%s) is ignored: the machine clock is used',
    async (value) => {
      const before = Date.now();
      expect((await runWith(['done', '1.1.1'], { env: { ROADMAP_NOW: value } })).code).toBe(0);
      const saved = JSON.parse(readFileSync(join(dir(), 'config.json'), 'utf8')) as {
        roadmaps: Record<string, { history: { at: string }[] }>;
      };
      const at = Date.parse(saved.roadmaps.bundled!.history[0]!.at);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    },
  );

  it('stamps changes with that time and reports the period up to it', async () => {
    const env = { ROADMAP_NOW: '2030-01-15T09:30:00.000Z' };
    expect((await runWith(['done', '1.1.1'], { env })).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir(), 'config.json'), 'utf8')) as {
      roadmaps: Record<string, { history: { at: string }[] }>;
    };
    expect(saved.roadmaps.bundled!.history.map((h) => h.at)).toEqual(['2030-01-15T09:30:00.000Z']);
    const report = JSON.parse((await runWith(['report', '--json', '--since', '7d'], { env })).stdout) as { to: string };
    expect(report.to).toBe('2030-01-15T09:30:00.000Z');
  });
});
