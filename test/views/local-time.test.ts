/**
 * Local time: text shows the learner's days (TZ), JSON stays UTC, and the windows of
 * stats and report start at local midnight. The clock is set near midnight UTC, so
 * the day differs: 23:30 UTC on 27 November is 12:30 on the 28th in Auckland, and
 * 05:00 UTC on the 28th is 21:00 on the 27th in Los Angeles.
 */
import { describe, expect, it } from 'vitest';
import { useConfigDir } from '../helpers/bundled-roadmap.js';
import { run } from '../helpers/cli.js';

const { dir, runWith } = useConfigDir();
const LATE_UTC = '2026-11-27T23:30:00Z';
const AUCKLAND = { TZ: 'Pacific/Auckland', ROADMAP_NOW: LATE_UTC };

const roadmapAt = (env: Record<string, string>, ...args: string[]) => runWith(args, { env });

describe('dates in the learner’s time zone', () => {
  it('text shows the local day; JSON keeps the UTC time', async () => {
    expect((await roadmapAt(AUCKLAND, 'done', '1.1.1')).code).toBe(0);
    expect((await roadmapAt(AUCKLAND, 'note', '1.1.1', 'read the tutorial')).stdout).toContain(
      '2026-11-28  read the tutorial',
    );
    const report = await roadmapAt(AUCKLAND, 'report');
    expect(report.stdout).toContain('progress from 2026-11-22 to 2026-11-28');
    expect(report.stdout).toMatch(/^ {2}2026-11-28 {2}1\.1\.1 Syntax/m);
    const json = JSON.parse((await roadmapAt(AUCKLAND, 'report', '--json')).stdout) as {
      from: string;
      to: string;
      finished: { at: string }[];
    };
    expect(json.from).toBe('2026-11-21T11:00:00.000Z'); // midnight on the 22nd in Auckland
    expect(json.to).toBe('2026-11-27T23:30:00.000Z');
    expect(json.finished[0]!.at).toBe('2026-11-27T23:30:00.000Z');
    // The same record in UTC is the 27th.
    const utc = await roadmapAt({ TZ: 'UTC', ROADMAP_NOW: LATE_UTC }, 'report');
    expect(utc.stdout).toContain('progress from 2026-11-21 to 2026-11-27');
    expect(utc.stdout).toMatch(/^ {2}2026-11-27 {2}1\.1\.1 Syntax/m);
  });

  it('a day behind UTC in Los Angeles, in notes, reviews and reports', async () => {
    const la = { TZ: 'America/Los_Angeles', ROADMAP_NOW: '2026-11-28T05:00:00Z' };
    await roadmapAt(la, 'done', '1.1.1');
    await roadmapAt(la, 'note', '1.1.1', 'evening study');
    expect((await roadmapAt(la, 'note', '1.1.1')).stdout).toContain('2026-11-27  evening study');
    expect((await roadmapAt(la, 'report', '--format', 'csv')).stdout).toContain('2026-11-27\r\n');
    const later = { ...la, ROADMAP_NOW: '2026-12-05T06:00:00Z' }; // 22:00 on 4 December there
    expect((await roadmapAt(later, 'review')).stdout).toMatch(
      /finished 2026-11-27; review 1 of 2 due since 2026-12-04/,
    );
  });

  it('the built binary honours TZ as well (it reads its own zone through Date)', async () => {
    await roadmapAt(AUCKLAND, 'done', '1.1.1');
    expect(run(dir(), ['report'], { env: AUCKLAND }).stdout).toMatch(/^ {2}2026-11-28 {2}1\.1\.1 Syntax/m);
    const la = { TZ: 'America/Los_Angeles', ROADMAP_NOW: LATE_UTC };
    expect(run(dir(), ['report'], { env: la }).stdout).toMatch(/^ {2}2026-11-27 {2}1\.1\.1 Syntax/m);
    expect(run(dir(), ['stats'], { env: AUCKLAND }).stdout).toContain('the last row ends now, 2026-11-28 12:30');
  });

  it('report --since DATE starts at local midnight of that day', async () => {
    await roadmapAt(AUCKLAND, 'done', '1.1.1');
    // The 28th has begun in Auckland, so the topic finished at 12:30 there counts.
    const since = await roadmapAt(AUCKLAND, 'report', '--since', '2026-11-28');
    expect(since.code).toBe(0);
    expect(since.stdout).toContain('progress from 2026-11-28 to 2026-11-28');
    expect(since.stdout).toContain('Finished (1)');
    // In UTC the 28th has not begun yet.
    const utc = await roadmapAt({ TZ: 'UTC', ROADMAP_NOW: LATE_UTC }, 'report', '--since', '2026-11-28');
    expect(utc.code).toBe(2);
    expect(utc.stderr).toContain('in the future');
  });

  it('stats counts weeks from local midnight and says which days each row holds', async () => {
    await roadmapAt(AUCKLAND, 'done', '1.1.1');
    const { stdout } = await roadmapAt(AUCKLAND, 'stats', '--weeks', '2');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/: topics finished per week, 2026-11-15 to 2026-11-28$/);
    expect(lines[1]).toMatch(/^ {2}2026-11-15 – 2026-11-21 +0$/);
    expect(lines[2]).toMatch(/^ {2}2026-11-22 – 2026-11-28 +█+ +1$/);
    expect(lines[3]).toContain('the last row ends now, 2026-11-28 12:30');
    expect(stdout).toContain('1 day in a row (since 2026-11-28)');
    const json = JSON.parse((await roadmapAt(AUCKLAND, 'stats', '--weeks', '2', '--json')).stdout) as {
      weeks: { start: string; end: string }[];
    };
    expect(json.weeks[1]).toEqual({ start: '2026-11-21T11:00:00.000Z', end: '2026-11-27T23:30:00.000Z', finished: 1 });
  });
});
