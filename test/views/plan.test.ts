/**
 * `roadmap plan`: a dated plan on a small hand-written roadmap, with a fixed
 * clock (ROADMAP_NOW), as text (within 80 columns) and as --json.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/width.js';
import { fiveTopics, usePlanFile } from '../helpers/study-plan.js';
import { validDocument } from '../helpers/timed.js';

/** Five topics and no estimates: each counts as an hour. */
const roadmap = usePlanFile(
  fiveTopics('Classes with a very long title that goes on and on well past the end of any terminal line'),
);

describe('roadmap plan', () => {
  it('lays the topics out week by week from today and gives the finish with a ±25% range', async () => {
    const { stdout, stderr, code } = await roadmap('plan', '--hours-per-week', '2');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Study plan: a plan at 2h a week from 2026-12-01$/m);
    expect(stdout).toMatch(/^Left: {5}5 topics, 5h by the estimates$/m);
    // 5h at 2h a week: 2.5 weeks, day 18; at 0.75 and 1.25 times: days 14 and 22.
    expect(stdout).toMatch(/^Finish: {3}2026-12-18 \(between 2026-12-14 and 2026-12-22\)$/m);
    expect(stdout).toContain('5 topics without an estimate counted as 1h (no topic of this roadmap has one).');
    expect(stdout).toMatch(/^Week 1 {2}2026-12-01 – 2026-12-07 {2}2h$/m);
    expect(stdout).toMatch(/^Week 3 {2}2026-12-15 – 2026-12-21 {2}1h$/m);
    expect(stdout).toMatch(/^ {2}1\.1 {2}Variables +1h$/m);
    expect(stdout).not.toMatch(/^Week 4/m);
  });

  it('fits every line in 80 columns when printed to a pipe', async () => {
    const { stdout } = await roadmap('plan', '--hours-per-week', '2');
    for (const line of stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/^ {2}2\.1 {2}Classes with a very long title.*… +1h$/m);
  });

  it('carries a topic that does not fit the rest of a week into the next', async () => {
    const { stdout } = await roadmap('plan', '--hours-per-week', '1.5');
    expect(stdout).toMatch(/^ {2}1\.2 {2}Loops \(goes on\) +30m$/m);
    expect(stdout).toMatch(/^ {2}1\.2 {2}Loops \(continued\) +30m$/m);
  });

  it('starts with the started topic, leaves out done and skipped ones, and starts --from a day', async () => {
    for (const args of [
      ['done', '1.1'],
      ['skip', '1.2'],
      ['start', '2.2'],
    ])
      expect((await roadmap(...args)).code).toBe(0);
    const { stdout } = await roadmap('plan', '--hours-per-week', '6', '--from', '2027-01-04');
    expect(stdout).toMatch(/^Week 1 {2}2027-01-04 – 2027-01-10 {2}3h$/m);
    expect([...stdout.matchAll(/^ {2}(\d\.\d) /gm)].map((m) => m[1])).toEqual(['2.2', '1.3', '2.1']);
  });

  it('uses a study week of 10h without --hours-per-week, and says so', async () => {
    const { stdout } = await roadmap('plan');
    expect(stdout).toMatch(/a plan at 10h a week \(a study week; --hours-per-week to change\)/);
  });

  it('says when nothing is left', async () => {
    expect((await roadmap('done', '1', '2')).code).toBe(0);
    const { stdout, code } = await roadmap('plan', '--hours-per-week', '6');
    expect(code).toBe(0);
    expect(stdout).toMatch(/every topic is done/i);
    const document = validDocument('plan', (await roadmap('plan', '--json')).stdout);
    expect(document.finish).toBeNull();
    expect(document.weeks).toEqual([]);
  });

  it.each([
    ['--hours-per-week', '0'],
    ['--hours-per-week', 'six'],
    ['--hours-per-week', '200'],
    ['--from', '2027-02-30'],
    ['--from', 'tomorrow'],
  ])('%s %s is a usage error (exit 2) in one line', async (flag, value) => {
    const { stdout, stderr, code } = await roadmap('plan', flag, value);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^error: ${flag} takes .*, not "${value}"\\n$`));
  });

  it('--json: the weeks, the pace, the finish and its range, valid against the schema', async () => {
    const { stdout, code } = await roadmap('plan', '--hours-per-week', '2', '--json');
    expect(code).toBe(0);
    const document = validDocument('plan', stdout);
    expect(document.from).toBe('2026-12-01');
    expect(document.hoursPerWeek).toBe(2);
    expect(document.pace).toEqual({ factor: 1, low: 0.75, high: 1.25, basis: 'assumed', range: 'fixed', topics: 0 });
    expect(document.left).toEqual({
      topics: 5,
      estimatedMinutes: 300,
      plannedMinutes: 300,
      unestimated: 5,
      default: { minutes: 60, rule: 'fallback' },
    });
    expect(document.finish).toEqual({ on: '2026-12-18', earliest: '2026-12-14', latest: '2026-12-22', weeks: 2.5 });
    const weeks = document.weeks as { start: string; topics: { id: string; title: string }[] }[];
    expect(weeks.map((w) => [w.start, w.topics.map((t) => t.id)])).toEqual([
      ['2026-12-01', ['1.1', '1.2']],
      ['2026-12-08', ['1.3', '2.1']],
      ['2026-12-15', ['2.2']],
    ]);
    expect(weeks[0]!.topics[0]!.title).toBe('Variables');
  });
});
