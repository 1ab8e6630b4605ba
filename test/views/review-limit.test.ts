/**
 * The review limit: `next` (and bare `roadmap`, piped) holds back new topics
 * while more reviews are due than Settings.reviewLimit (20 unless set with
 * `roadmap config review-limit N`), showing the reviews first; topics already
 * started still show. And `roadmap config` itself: list, print, change, errors,
 * --json against schema/config.schema.json, the file on disk.
 */
import { describe, expect, it } from 'vitest';
import {
  configPath,
  expectCleanError,
  expectUnchanged,
  readConfig,
  snapshot,
  useConfigDir,
} from '../helpers/bundled-roadmap.js';
import { daysAfter, timedRuns, validDocument } from '../helpers/timed.js';

const { dir, runWith } = useConfigDir();
const { at, ok } = timedRuns(runWith);

const T0 = '2026-11-01T10:00:00.000Z';
const day = (days: number): string => daysAfter(T0, days);
const settings = (): Record<string, unknown> => readConfig(dir()).settings;

/** Topics finished on day 0, all due for their first review on day 7. */
const finish = (...refs: string[]): Promise<string> => ok(T0, 'done', ...refs);

describe('next holds back new topics while more reviews are due than the limit', () => {
  it('21 reviews due, over the default limit of 20: the reviews first, why, and no new topic', async () => {
    // Parts 1, 2, 3 and 6: 6 + 7 + 5 + 3 topics.
    await finish('1', '2', '3', '6');
    const out = await ok(day(7), 'next');
    expect(out).toMatch(/^Review first \(21 due\)\n {2}1\.1\.1 {2}Syntax, data types[^\n]* {2}due since 2026-11-08\n/);
    expect(out).toContain('  and 18 more topics\n');
    expect(out).toContain(
      'Go over one again, then record how it went (again, hard, good or easy):\n  roadmap review 1.1.1 --grade good\n',
    );
    expect(out).toContain(
      'New topics are held back: 21 reviews are due, more than your limit of 20.\n' +
        'All of them: roadmap review\nAnother limit: roadmap config review-limit N\n',
    );
    // 4.1.1 is the next new topic: held back.
    expect(out).not.toContain('4.1.1');
    expect(out).toContain('Progress: 21/44 topics, 47%');
    const document = validDocument('next', await ok(day(7), 'next', '--json'));
    expect(document).toMatchObject({ reviewsDue: 21, topics: [], heldBack: { limit: 20 } });
    expect((document.heldBack as { reviews: { id: string }[] }).reviews.map((r) => r.id)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.2.1',
    ]);
  });

  it('at the limit exactly, nothing is held back', async () => {
    await finish('1.1.1', '1.1.2');
    await ok(T0, 'config', 'review-limit', '2');
    const out = await ok(day(7), 'next');
    expect(out).toMatch(/^Next up\n1\.2\.1 /);
    expect(out).toContain('2 topics are due for review: roadmap review');
    expect(validDocument('next', await ok(day(7), 'next', '--json'))).toMatchObject({ heldBack: null });
  });

  it('one over a limit set lower: held back; started topics still show, under the reviews', async () => {
    await finish('1.1.1', '1.1.2', '2.1.1');
    await ok(T0, 'start', '3.1.1');
    await ok(T0, 'config', 'review-limit', '2');
    const out = await ok(day(7), 'next', '-n', '3');
    expect(out).toContain('New topics are held back: 3 reviews are due, more than your limit of 2.\n');
    expect(out).toMatch(/\nStarted\n3\.1\.1 {2}.*\(started\)\n/);
    // The new topics 1.2.1 and 1.2.2 that -n 3 would show after it wait.
    expect(out).not.toContain('1.2.1');
    const document = validDocument('next', await ok(day(7), 'next', '-n', '3', '--json'));
    expect((document.topics as { id: string }[]).map((t) => t.id)).toEqual(['3.1.1']);
    // Bare roadmap, piped, is `next`: the same.
    expect((await at(day(7))).stdout).toBe(await ok(day(7), 'next'));
    // status stays one line of progress with the path's next topic.
    expect(await ok(day(7), 'status')).toBe('3/44 topics, 6% · Part 3: Database Integration · next 3.1.1\n');
  });

  it('0 holds new topics back whenever a review is due; once reviewed, they come back', async () => {
    await finish('1.1.1');
    await ok(T0, 'config', 'review-limit', '0');
    expect(await ok(day(6), 'next')).toMatch(/^Next up\n1\.1\.2 /);
    expect(await ok(day(7), 'next')).toContain('New topics are held back: 1 review is due, more than your limit of 0.');
    await ok(day(7), 'review', '1.1.1', '--grade', 'good');
    expect(await ok(day(7), 'next')).toMatch(/^Next up\n1\.1\.2 /);
  });
});

describe('roadmap config', () => {
  it('lists the settings with their defaults, and prints one value alone', async () => {
    expect(await ok(T0, 'config')).toBe(
      'review-limit  20 (default)\n' +
        '              `next` holds back new topics while more than this many reviews are due\n' +
        'Change one with "roadmap config NAME VALUE" ("default" goes back to the default).\n',
    );
    expect(await ok(T0, 'config', 'review-limit')).toBe('20\n');
    const listed = validDocument('config', await ok(T0, 'config', '--json'));
    expect(listed).toEqual({
      schemaVersion: 1,
      command: 'config',
      settings: [
        {
          name: 'review-limit',
          value: 20,
          default: 20,
          set: false,
          description: '`next` holds back new topics while more than this many reviews are due',
        },
      ],
      changed: null,
    });
  });

  it('changes one, saved in the progress file; "default" takes it out again', async () => {
    expect(await ok(T0, 'config', 'review-limit', '30')).toBe('Set review-limit to 30 (it was 20).\n');
    expect(settings()).toEqual({ reviewLimit: 30 });
    expect(await ok(T0, 'config', 'review-limit')).toBe('30\n');
    expect(await ok(T0, 'config', 'review-limit', '30')).toBe('review-limit is already 30; nothing changed.\n');
    const changed = validDocument('config', await ok(T0, 'config', 'review-limit', '5', '--json'));
    expect(changed).toMatchObject({
      settings: [{ value: 5, set: true }],
      changed: { name: 'review-limit', from: 30, to: 5 },
    });
    expect(await ok(T0, 'config', 'review-limit', 'default')).toBe('Set review-limit to 20 (default) (it was 5).\n');
    expect(settings()).toEqual({});
  });

  it('keeps the roadmap chosen with `use`, and `use` keeps it', async () => {
    await ok(T0, 'config', 'review-limit', '7');
    await ok(T0, 'use', '--bundled');
    expect(settings()).toEqual({ reviewLimit: 7 });
  });

  it.each([
    [['config', 'review-limit', '-1'], 'review-limit takes a whole number of reviews from 0 to 100000'],
    [['config', 'review-limit', 'lots'], 'not "lots"'],
    [['config', 'review-limit', '2.5'], 'not "2.5"'],
    [['config', 'review-limit', '1000001'], 'not "1000001"'],
    [['config', 'daily-limit'], 'there is no setting "daily-limit"; the settings are review-limit'],
    [['config', 'daily-limit', '3'], 'there is no setting "daily-limit"'],
  ])('roadmap %j is a usage error that saves nothing', async (args, message) => {
    await ok(T0, 'config', 'review-limit', '9');
    const before = snapshot(configPath(dir()));
    const result = await at(T0, ...args);
    expectCleanError(result, 2);
    expect(result.stderr).toContain(message);
    expectUnchanged(configPath(dir()), before);
  });
});
