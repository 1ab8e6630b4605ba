/**
 * `roadmap next --budget`: the next topics that fit in a length of time, on a
 * small hand-written plan, as the learner sees them (text and --json).
 */
import { describe, expect, it } from 'vitest';
import { fiveTopics, usePlanFile } from '../helpers/study-plan.js';
import { validDocument } from '../helpers/timed.js';

/** Five topics and no estimates: each counts as an hour. */
const roadmap = usePlanFile(fiveTopics());
const shown = (stdout: string): string[] => [...stdout.matchAll(/^(\d+(?:\.\d+)+) {2}/gm)].map((m) => m[1]!);

describe('roadmap next --budget on a plan without estimates', () => {
  it('offers as many topics as fit, an hour each, and says how they were counted', async () => {
    const { stdout, stderr, code } = await roadmap('next', '--budget', '2h30m');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Next up for 2h 30m: 2 topics, 2h$/m);
    expect(shown(stdout)).toEqual(['1.1', '1.2']);
    expect(stdout).toMatch(/^ {5}time {3}1h \(no estimate\)$/m);
    expect(stdout).toContain('2 topics without an estimate counted as 1h (no topic of this roadmap has one).');
    expect(stdout).toContain('roadmap --file');
    expect(stdout).toContain('done 1.2');
  });

  it('puts started topics first and leaves out done and skipped ones', async () => {
    for (const args of [
      ['done', '1.1'],
      ['skip', '1.2'],
      ['start', '2.1'],
    ])
      expect((await roadmap(...args)).code).toBe(0);
    const { stdout } = await roadmap('next', '--budget', '3h');
    expect(shown(stdout)).toEqual(['2.1', '1.3', '2.2']);
    expect(stdout).toMatch(/^2\.1 {2}Classes \(started\)$/m);
  });

  it('shows the first topic anyway, saying it takes longer, when nothing fits', async () => {
    const { stdout, code } = await roadmap('next', '--budget', '45m');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Nothing fits in 45m; the next topic takes longer:$/m);
    expect(shown(stdout)).toEqual(['1.1']);
  });

  it('ignores -n: it offers what fits', async () => {
    const { stdout } = await roadmap('next', '-n', '1', '--budget', '4h');
    expect(shown(stdout)).toEqual(['1.1', '1.2', '1.3', '2.1']);
  });

  it('says when everything is done, as next does', async () => {
    expect((await roadmap('done', '1', '2')).code).toBe(0);
    const { stdout, code } = await roadmap('next', '--budget', '1h');
    expect(code).toBe(0);
    expect(stdout).toMatch(/every topic is done/i);
  });

  it.each([['soon'], ['0m'], ['90'], ['-1h']])(
    '--budget %s is a usage error (exit 2), one line, no trace',
    async (value) => {
      const { stdout, stderr, code } = await roadmap('next', `--budget=${value}`);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: --budget takes a length of time such as 45m, 1h30m or 2h, not ".*"\n$/);
    },
  );

  it('--json: the topics that fit and their minutes, valid against the schema', async () => {
    expect((await roadmap('start', '1.3')).code).toBe(0);
    const { stdout, code } = await roadmap('next', '--budget', '2h', '--json');
    expect(code).toBe(0);
    const document = validDocument('next', stdout);
    const topics = document.topics as { id: string; key: string }[];
    expect(topics.map((t) => t.id)).toEqual(['1.3', '1.1']);
    const [functions, variables] = topics.map((t) => t.key);
    expect(document.budget).toEqual({
      minutes: 120,
      used: 120,
      over: false,
      default: { minutes: 60, rule: 'fallback' },
      topics: [
        { id: '1.3', key: functions, minutes: 60, estimate: null, logged: 0, started: true },
        { id: '1.1', key: variables, minutes: 60, estimate: null, logged: 0, started: false },
      ],
    });
  });

  it('--json without --budget has budget null', async () => {
    const document = validDocument('next', (await roadmap('next', '--json')).stdout);
    expect(document.budget).toBeNull();
  });
});
