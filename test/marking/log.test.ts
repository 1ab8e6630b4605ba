/**
 * `roadmap log REF 45m`: a study session recorded on a topic, in text and JSON,
 * backdated with --at, taken back with undo, and the refusals (no time, more
 * than a day, the future, anything but a topic), which save nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanError, savedRoadmap, useConfigDir } from '../helpers/bundled-roadmap.js';
import { timedRuns, validDocument } from '../helpers/timed.js';

const { dir, runWith } = useConfigDir();
const { at, ok } = timedRuns(runWith);

const NOW = '2026-12-01T10:00:00.000Z';
const KEY = 'fundamentals/core-programming-skills/python-basics/syntax-data-types-control-structures-oop-concepts';
const TITLE = 'Syntax, data types, control structures, OOP concepts.';
type Session = { at: string; minutes: number };
/** The progress file's bytes: a refusal leaves them as they were. */
const savedBytes = (): Buffer => readFileSync(join(dir(), 'config.json'));
const savedSessions = (): Session[] | undefined =>
  (savedRoadmap(dir()) as { sessions?: Record<string, Session[]> }).sessions?.[KEY];

describe('log REF LENGTH', () => {
  it('records the session on the topic, says so, and adds up what is logged on it', async () => {
    expect(await ok(NOW, 'log', '1.1.1', '45m')).toBe(
      `Logged 45m on 1.1.1 ${TITLE} (ended 2026-12-01 10:00)\n45m logged on it in 1 session\n`,
    );
    expect(await ok('2026-12-01T18:00:00.000Z', 'log', 'syntax-data-types', '1h30m')).toBe(
      `Logged 1h 30m on 1.1.1 ${TITLE} (ended 2026-12-01 18:00)\n2h 15m logged on it in 2 sessions\n`,
    );
    expect(savedSessions()).toEqual([
      { at: NOW, minutes: 45 },
      { at: '2026-12-01T18:00:00.000Z', minutes: 90 },
    ]);
    // Logging is not starting: the status stays as it was.
    expect(savedRoadmap(dir()).items[KEY]).toBeUndefined();
  });

  it('--at dates the end of the session, kept in time order among the others', async () => {
    await ok(NOW, 'log', '1.1.1', '45m');
    expect(await ok(NOW, 'log', '1.1.1', '2h', '--at', '2026-11-28T20:00')).toContain('(ended 2026-11-28 20:00)');
    expect(savedSessions()).toEqual([
      { at: '2026-11-28T20:00:00.000Z', minutes: 120 },
      { at: NOW, minutes: 45 },
    ]);
  });

  it('--json: the topic, the session and the total, as schema/log.schema.json says', async () => {
    await ok(NOW, 'start', '1.1.1');
    await ok(NOW, 'log', '1.1.1', '30m');
    const doc = validDocument('log', await ok(NOW, 'log', '1.1.1', '25 min', '--json'));
    expect(doc).toMatchObject({
      command: 'log',
      topic: { id: '1.1.1', key: KEY, title: TITLE, status: 'doing' },
      logged: { at: NOW, minutes: 25 },
      total: { sessions: 2, minutes: 55 },
    });
  });

  it('is undone by roadmap undo, which takes the session back', async () => {
    await ok(NOW, 'log', '1.1.1', '45m');
    await ok(NOW, 'log', '1.1.1', '20m');
    expect(await ok(NOW, 'undo')).toContain('1 study session taken back');
    expect(savedSessions()).toEqual([{ at: NOW, minutes: 45 }]);
    // An undo of an undo redoes: the session is back.
    expect(await ok(NOW, 'undo')).toContain('1 study session put back');
    expect(savedSessions()).toEqual([
      { at: NOW, minutes: 45 },
      { at: NOW, minutes: 20 },
    ]);
  });

  it.each([
    [['1.1.1', '0m'], 'a session takes some time, and "0m" is none; give its length, such as 45m'],
    [['1.1.1', '0.0h'], 'a session takes some time, and "0.0h" is none; give its length, such as 45m'],
    [['1.1.1', '45'], '"45" is not a length of study time; write it as 45m, 1h30m or 2h'],
    [['1.1.1', 'a while'], '"a while" is not a length of study time; write it as 45m, 1h30m or 2h'],
    [['1.1.1', '--', '-45m'], '"-45m" is not a length of study time; write it as 45m, 1h30m or 2h'],
    [['1.1.1', '25h'], 'one session is at most 24h, not 25h; log a longer stretch as several sessions'],
    [
      ['1.1.1', '45m', '--at', '2026-12-02'],
      '--at 2026-12-02 is in the future; roadmap records only what has already happened',
    ],
    [['1.1', '45m'], 'log takes one topic; 1.1 "Python Basics" is a section, so log the time on the topic you studied'],
    [['p1', '45m'], /^log takes one topic; p1 ".*" is a project, so log the time on the topic you studied$/],
    [['1.1.1'], 'say how long you studied, such as "roadmap log 1.1.1 45m"'],
  ])('refuses log %j with one sentence and exit 2, saving nothing', async (args, message) => {
    await ok(NOW, 'log', '1.1.1', '45m');
    const before = savedBytes();
    const result = await at(NOW, 'log', ...args);
    expectCleanError(result, 2);
    const line = result.stderr.trimEnd().replace(/^error: /, '');
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
    expect(savedBytes().equals(before)).toBe(true);
  });

  it('a negative length is refused as an unknown option, exit 2', async () => {
    const result = await at(NOW, 'log', '1.1.1', '-45m');
    expectCleanError(result, 2);
    expect(existsSync(join(dir(), 'config.json'))).toBe(false);
  });

  it('takes up to a day in one session', async () => {
    expect(await ok(NOW, 'log', '1.1.1', '24h')).toContain('Logged 24h on 1.1.1');
  });
});
