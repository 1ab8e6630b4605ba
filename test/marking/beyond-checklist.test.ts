/**
 * Beyond a checklist: `start` and `skip`, notes, `stats` and spaced `review`,
 * end to end from the built binary. Time is driven with ROADMAP_NOW, never the
 * machine's date: history is made by running `done` at different times.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repoRoot, type RunResult } from '../helpers/cli.js';
import { ANSI, expectCleanError, progressText, readConfig, TOTAL, useConfigDir } from '../helpers/bundled-roadmap.js';

const { dir, runWith } = useConfigDir();

const DAY = 24 * 60 * 60 * 1000;
const T0 = '2026-11-01T10:00:00.000Z';
/** T0 plus some days, as an ISO time. */
const day = (days: number): string => new Date(Date.parse(T0) + days * DAY).toISOString();

/** `roadmap ...args` at the time `now`. */
function at(now: string, ...args: string[]): Promise<RunResult> {
  return runWith(args, { env: { ROADMAP_NOW: now } });
}
/** Like `at`, but it must succeed with nothing on stderr. */
async function ok(now: string, ...args: string[]): Promise<string> {
  const result = await at(now, ...args);
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code, `roadmap ${args.join(' ')}`).toBe(0);
  return result.stdout;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
/** The JSON document, checked against schema/NAME.schema.json, as the shape the test reads. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the schema has checked the shape
function valid<T>(name: string, text: string): T {
  const validate = ajv.getSchema(`https://roadmap.invalid/schema/${name}.schema.json`) ?? ajv.compile(readSchema(name));
  const document = JSON.parse(text) as unknown;
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  expect(text).not.toMatch(ANSI);
  return document as T;
}
const readSchema = (name: string): object =>
  JSON.parse(readFileSync(join(repoRoot, 'schema', `${name}.schema.json`), 'utf8')) as object;

interface ReviewList {
  due: { id: string; review: number; dueAt: string }[];
  upcoming: { id: string; review: number; dueAt: string }[];
  settled: number;
}

/** The IDs `next -n N` offers, in order. */
const offered = (stdout: string): string[] => [...stdout.matchAll(/^(\d+(?:\.\d+)*) {2}/gm)].map((m) => m[1]!);

describe('roadmap start and skip', () => {
  it('start: next offers the started topic first, marked as started; list shows [~]', async () => {
    const out = await ok(T0, 'start', '2.3.1');
    expect(out).toMatch(/^Started: 2\.3\.1 Reusable components/m);
    const next = await ok(T0, 'next', '-n', '2');
    expect(offered(next)).toEqual(['2.3.1', '1.1.1']);
    expect(next).toMatch(/^2\.3\.1 {2}Reusable components.*\(started\)$/m);
    expect(await ok(T0, 'list', '2.3')).toMatch(/^ {2}\[~\] 2\.3\.1 Reusable/m);
    expect(await ok(T0, 'start', '2.3.1')).toContain(
      '2.3.1 "Reusable components using FastAPI\'s dependency injection system." was already started; nothing changed.',
    );
  });

  it('skip: next never offers it, list shows [-], and it counts in the total but not as done', async () => {
    await ok(T0, 'done', '1.1.2');
    const out = await ok(T0, 'skip', '1.1.1');
    expect(out).toMatch(/^Skipped: 1\.1\.1 Syntax/m);
    expect(out).toContain(`Progress: ${progressText(1)}, 1 skipped`);
    expect(offered(await ok(T0, 'next', '-n', '3'))).toEqual(['1.2.1', '1.2.2', '1.3.1']);
    const listed = await ok(T0, 'list', '1.1');
    expect(listed).toMatch(/^ {2}\[-\] 1\.1\.1 Syntax/m);
    expect(listed).toMatch(/^ {2}\[x\] 1\.1\.2 Python/m);
    expect(await ok(T0, 'list', '1.1', '--plain')).toContain('1.1.1\tskipped\tSyntax');
    // The percentage is done / every topic: the skipped one stays in the total.
    const status = JSON.parse(await ok(T0, 'status', '--json')) as { progress: Record<string, number> };
    expect(status.progress).toEqual({ done: 1, doing: 0, skipped: 1, total: TOTAL, percent: Math.floor(100 / TOTAL) });
  });

  it('undone brings a skipped topic back', async () => {
    await ok(T0, 'skip', '1.1.1');
    expect(await ok(T0, 'undone', '1.1.1')).toMatch(/^Marked not done: 1\.1\.1 /m);
    expect(offered(await ok(T0, 'next'))).toEqual(['1.1.1']);
  });

  it('starting or skipping a section leaves its done topics done', async () => {
    await ok(T0, 'done', '1.1.1');
    const out = await ok(T0, 'skip', '1.1');
    expect(out).toMatch(/^Skipped: 1\.1\.2 /m);
    expect(out).not.toContain('1.1.1');
    expect(await ok(T0, 'list', '1.1', '--plain')).toMatch(/^1\.1\.1\tdone\t/m);
    expect(await ok(T0, 'skip', '1.1')).toContain('1.1 "Python Basics" was already skipped; nothing changed.');
    await ok(T0, 'done', '1.1.2');
    expect(await ok(T0, 'start', '1.1')).toContain('1.1 "Python Basics" was already done; nothing changed.');
  });

  it('--json: the mark document, with command start or skip', async () => {
    const started = valid<{ command: string; changed: { id: string; from: string; to: string }[] }>(
      'mark',
      await ok(T0, 'start', '1.2', '--json'),
    );
    expect(started.command).toBe('start');
    expect(started.changed.map((c) => [c.id, c.from, c.to])).toEqual([
      ['1.2.1', 'todo', 'doing'],
      ['1.2.2', 'todo', 'doing'],
    ]);
    const skipped = valid<{ command: string; changed: { to: string }[] }>(
      'mark',
      await ok(T0, 'skip', '1.2.2', '--json'),
    );
    expect(skipped).toMatchObject({ command: 'skip', changed: [{ id: '1.2.2', from: 'doing', to: 'skipped' }] });
  });

  it('all or nothing: an unknown REF changes nothing', async () => {
    expectCleanError(await at(T0, 'skip', '1.1.1', 'zzqx'), 2);
    expect(offered(await ok(T0, 'next'))).toEqual(['1.1.1']);
  });

  it('when only skipped topics are left, next says so', async () => {
    const plan = join(dir(), 'plan.md');
    writeFileSync(plan, '# Tiny\n## A\n- one\n- two\n');
    await ok(T0, '--file', plan, 'done', '1.1');
    await ok(T0, '--file', plan, 'skip', '1.2');
    const out = await ok(T0, '--file', plan, 'next');
    expect(out).toContain('Nothing left to study but the 1 topic you skipped: 1/2 topics, 50%, 1 skipped.');
  });
});

describe('roadmap note', () => {
  it('adds dated notes and shows them, in next and in list --notes', async () => {
    const added = await ok(day(0), 'note', '1.1.1', 'Read the data model chapter');
    expect(added).toContain('Noted on 1.1.1 Syntax, data types, control structures, OOP concepts. (1 note)');
    expect(added).toContain('2026-11-01  Read the data model chapter');
    await ok(day(2), 'note', '1.1.1', 'dunder', 'methods', 'too'); // several words without quotes
    expect(await ok(day(3), 'note', '1.1.1')).toBe(
      'Notes on 1.1.1 Syntax, data types, control structures, OOP concepts.\n' +
        '  1. 2026-11-01  Read the data model chapter\n' +
        '  2. 2026-11-03  dunder methods too\n',
    );
    const next = await ok(day(3), 'next');
    expect(next).toContain(
      '       note   2026-11-01  Read the data model chapter\n       note   2026-11-03  dunder methods too\n       done?  roadmap done 1.1.1',
    );
    const listed = await ok(day(3), 'list', '1', '--notes');
    expect(listed).toContain(
      '    [ ] 1.1.1 Syntax, data types, control structures, OOP concepts.  ~12h\n          note 2026-11-01  Read the data model chapter\n',
    );
    expect(await ok(day(3), 'list', '1')).not.toContain('note');
  });

  it('notes on a section and on a project; showing none says how to add one', async () => {
    await ok(T0, 'note', '2.3', 'whole section');
    await ok(T0, 'note', 'p2', 'use Redis pub/sub');
    expect(await ok(T0, 'list', '2', '--notes')).toMatch(
      /^ {2}\[ \] 2\.3 Dependency Injection.*\n {8}note 2026-11-01 {2}whole section$/m,
    );
    expect(await ok(T0, 'note', 'p2')).toContain('2026-11-01  use Redis pub/sub');
    expect(await ok(T0, 'note', '1.2.1')).toBe('No notes on 1.2.1 yet. Add one: roadmap note 1.2.1 "text"\n');
  });

  it('refuses an empty note, and an unknown REF, saving nothing', async () => {
    expectCleanError(await at(T0, 'note', '1.1.1', '  '), 2);
    expect((await at(T0, 'note', '1.1.1', '')).stderr).toContain('a note needs some text');
    expect((await at(T0, 'note', '1.1.1', '\u007f\u0008 \u001b')).stderr).toContain('a note needs some text');
    expectCleanError(await at(T0, 'note', 'zzqx', 'text'), 2);
    expect(await ok(T0, 'note', '1.1.1')).toContain('No notes');
  });

  it('is untrusted text: escape sequences never reach the terminal, and a line break only starts an indented line', async () => {
    await ok(T0, 'note', '1.1.1', 'red \u001b[31mtext\u001b[0m\nsecond line \u202eevil\rthird');
    const shown = await ok(T0, 'next');
    expect(shown).not.toMatch(ANSI);
    expect(shown).not.toContain('\u202e');
    expect(shown).not.toContain('\r');
    expect(shown).toContain(
      '       note   2026-11-01  red [31mtext[0m\n' +
        '                          second line evil\n' +
        '                          third\n',
    );
    // Saved as typed, and escaped in JSON.
    const json = await ok(T0, 'next', '--json');
    expect(json).toContain('\\u001b[31m');
    expect(json).toContain('\\u202e');
  });

  it('--json: notes on topics in next and list, and the note document', async () => {
    await ok(T0, 'note', '1.1.1', 'first');
    const note = valid<{ item: object; added: object; notes: object[] }>(
      'note',
      await ok(day(1), 'note', '1.1.1', 'second', '--json'),
    );
    expect(note).toMatchObject({
      command: 'note',
      item: { id: '1.1.1', kind: 'topic' },
      added: { at: day(1), text: 'second' },
      notes: [
        { at: T0, text: 'first' },
        { at: day(1), text: 'second' },
      ],
    });
    expect(valid<{ added: null }>('note', await ok(T0, 'note', '1.1.1', '--json')).added).toBeNull();
    const next = valid<{ topics: { notes: object[] }[] }>('next', await ok(T0, 'next', '--json'));
    expect(next.topics[0]!.notes).toEqual([
      { at: T0, text: 'first' },
      { at: day(1), text: 'second' },
    ]);
    const list = valid<{ items: { children: { children: { id: string; notes: object[] }[] }[] }[] }>(
      'list',
      await ok(T0, 'list', '--json'),
    );
    expect(list.items[0]!.children[0]!.children[0]).toMatchObject({
      id: '1.1.1',
      notes: [{ text: 'first' }, { text: 'second' }],
    });
  });

  it('done and undone keep a topic’s notes', async () => {
    await ok(T0, 'note', '1.1.1', 'keep me');
    await ok(day(1), 'done', '1.1.1');
    await ok(day(2), 'undone', '1.1.1');
    await ok(day(3), 'skip', '1.1.1');
    expect(await ok(day(4), 'note', '1.1.1')).toContain('2026-11-01  keep me');
    const saved = Object.values(readConfig(dir()).roadmaps)[0] as unknown as { notes: Record<string, unknown[]> };
    expect(Object.values(saved.notes)).toEqual([[{ at: T0, text: 'keep me' }]]);
  });
});

describe('roadmap stats', () => {
  /** The day (UTC) `weeks` weeks after `now`: the oracle for the estimate. */
  const weeksOn = (now: string, weeks: number): string =>
    new Date(Date.parse(now) + weeks * 7 * DAY).toISOString().slice(0, 10);

  /** Over three weeks: 2 topics, then nothing, then 1, 1 and 2 on the last three days. */
  async function history(): Promise<string> {
    await ok(day(0), 'done', '1.1.1', '1.1.2');
    await ok(day(12), 'done', '1.2.1');
    await ok(day(13), 'done', '1.2.2');
    await ok(day(14), 'done', '1.3');
    await ok(day(14), 'undone', '1.3.2');
    await ok(day(14.1), 'done', '1.3.2'); // done, undone, done again: one topic
    await ok(day(14), 'done', 'p1'); // a project is not a topic
    return day(14.5);
  }

  it('draws the bar chart of topics finished per week, and the streak, pace and estimate', async () => {
    const now = await history();
    const out = await ok(now, 'stats', '--weeks', '3');
    expect(out).toBe(
      [
        'Backend Development Roadmap: FastAPI: topics finished per week, 2026-10-26 to 2026-11-15',
        `  2026-10-26 – 2026-11-01  ${'█'.repeat(15)}${' '.repeat(15)}  2`,
        `  2026-11-02 – 2026-11-08  ${' '.repeat(30)}  0`,
        `  2026-11-09 – 2026-11-15  ${'█'.repeat(30)}  4`,
        '  (local days, from midnight; the last row ends now, 2026-11-15 22:00)',
        '',
        'Streak:    3 days in a row (since 2026-11-13)',
        'Pace:      1.5 topics a week (6 topics in the last 4 weeks)',
        `Left:      ${TOTAL - 6} topics: about ${Math.round((TOTAL - 6) / 1.5)} weeks left at 1.5 topics a week (around ${weeksOn(now, (TOTAL - 6) / 1.5)})`,
        // Done without being started and nothing logged: no time to set against the estimates.
        'Time:      no finished topic has both an estimate and a time yet',
        `Progress:  ${progressText(6)}`,
        '',
      ].join('\n'),
    );
  });

  it('the chart scales to the busiest week', async () => {
    const now = await history();
    const rows = (await ok(now, 'stats', '--weeks', '3')).split('\n').slice(1, 4);
    const bars = rows.map((r) => (/█+[▏▎▍▌▋▊▉]?/.exec(r)?.[0] ?? '').length);
    expect(bars).toEqual([15, 0, 30]);
  });

  it('--json gives the same numbers', async () => {
    const now = await history();
    const stats = valid<Record<string, unknown>>('stats', await ok(now, 'stats', '--json'));
    expect(stats).toMatchObject({
      command: 'stats',
      now,
      streak: { days: 3, since: '2026-11-13' },
      pace: { finished: 6, weeks: 4, perWeek: 1.5 },
      remaining: TOTAL - 6,
      estimate: { weeks: Math.round(((TOTAL - 6) / 1.5) * 10) / 10, finishOn: weeksOn(now, (TOTAL - 6) / 1.5) },
      progress: { done: 6, total: TOTAL },
    });
    const weeks = stats.weeks as { start: string; end: string; finished: number }[];
    expect(weeks).toHaveLength(8);
    expect(weeks.map((w) => w.finished)).toEqual([0, 0, 0, 0, 0, 2, 0, 4]);
    expect(weeks.at(-1)!.end).toBe(now);
  });

  it('a finish taken back with undone no longer counts in the chart, pace or streak', async () => {
    await history();
    await ok(day(14.2), 'undone', '1.2.1');
    const stats = valid<{ pace: { finished: number }; weeks: { finished: number }[]; streak: { days: number } }>(
      'stats',
      await ok(day(14.5), 'stats', '--json'),
    );
    expect(stats.pace.finished).toBe(5);
    expect(stats.weeks.map((w) => w.finished)).toEqual([0, 0, 0, 0, 0, 2, 0, 3]);
    // Day 12 was finished by 1.2.1 alone: without it the streak is days 13 and 14.
    expect(stats.streak.days).toBe(2);
  });

  it('with no history: zeros, no streak, no pace yet', async () => {
    const out = await ok(T0, 'stats');
    expect(out.split('\n').filter((l) => /^ {2}\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2} {2}/.test(l))).toHaveLength(8);
    expect(out).toContain('Streak:    none (finish a topic today to start one)');
    expect(out).toContain('Pace:      no pace yet (nothing finished in the last 4 weeks)');
    expect(out).toContain(`Left:      ${TOTAL} topics; no pace yet, so no estimate (finish a topic to get one)`);
    expect(valid<{ estimate: null; streak: object }>('stats', await ok(T0, 'stats', '--json'))).toMatchObject({
      estimate: null,
      streak: { days: 0, since: null },
    });
  });

  it('a streak that missed yesterday is over', async () => {
    await ok(day(0), 'done', '1.1.1');
    await ok(day(1), 'done', '1.1.2');
    expect(await ok(day(2), 'stats')).toContain('Streak:    2 days in a row (since 2026-11-01)');
    expect(await ok(day(3), 'stats')).toContain('Streak:    none');
  });

  it('skipped topics are not left to do', async () => {
    await ok(day(0), 'done', '1.1.1');
    await ok(day(0), 'skip', '9');
    const stats = valid<{ remaining: number }>('stats', await ok(day(1), 'stats', '--json'));
    expect(stats.remaining).toBe(TOTAL - 1 - 5);
  });

  it('refuses a bad --weeks', async () => {
    expectCleanError(await at(T0, 'stats', '--weeks', '0'), 2);
    expectCleanError(await at(T0, 'stats', '--weeks', '521'), 2);
  });

  it('is plain without a terminal, and coloured when forced', async () => {
    await history();
    expect(await ok(day(14.5), 'stats')).not.toMatch(ANSI);
    expect((await runWith(['stats'], { env: { ROADMAP_NOW: day(14.5), FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });
});

describe('roadmap review', () => {
  it('a topic comes back 7 days after it was finished, and again at 30; then it is settled', async () => {
    await ok(T0, 'done', '1.1.1');
    expect(await ok(day(6.9), 'review')).toContain('Nothing is due for review.');
    expect(await ok(day(6.9), 'next')).not.toContain('due for review');
    expect((await at(day(6.9), 'review', '1.1.1')).stderr).toBe(
      'error: 1.1.1 "Syntax, data types, control structures, OOP concepts." is not due for review until 2026-11-08 (review 1 of 2); see "roadmap review"\n',
    );

    const due = await ok(day(7), 'review');
    expect(due).toContain('Due for review (1)');
    expect(due).toMatch(/^ {2}1\.1\.1 {2}Syntax.*finished 2026-11-01; review 1 of 2 due since 2026-11-08$/m);
    expect(await ok(day(7), 'next')).toContain('\n1 topic is due for review: roadmap review\n');
    expect(valid<{ reviewsDue: number }>('next', await ok(day(7), 'next', '--json')).reviewsDue).toBe(1);

    expect(await ok(day(8), 'review', '1.1.1')).toBe(
      'Reviewed: 1.1.1 Syntax, data types, control structures, OOP concepts. (review 1 of 2)\n' +
        'Next review (2 of 2) is due 2026-12-01.\n',
    );
    expect(await ok(day(8), 'next')).not.toContain('due for review');
    expectCleanError(await at(day(9), 'review', '1.1.1'), 2);

    expect(valid<ReviewList>('review', await ok(day(30), 'review', '--json')).due).toMatchObject([
      { id: '1.1.1', review: 2, dueAt: day(30) },
    ]);
    const last = valid<{ reviewed: object; next: null }>('review', await ok(day(31), 'review', '1.1.1', '--json'));
    expect(last).toMatchObject({ reviewed: { id: '1.1.1', at: day(31), review: 2, of: 2 }, next: null });
    expect(await ok(day(60), 'review')).toContain('1 topic reviewed twice: settled.');
    expect((await at(day(60), 'review', '1.1.1')).stderr).toContain('has had its 2 reviews; it is settled');

    const saved = Object.values(readConfig(dir()).roadmaps)[0] as unknown as { reviews: Record<string, string[]> };
    expect(Object.values(saved.reviews)).toEqual([[day(8), day(31)]]);
  });

  it('the second review waits at least 7 days after a late first one', async () => {
    await ok(T0, 'done', '1.1.1');
    await ok(day(28), 'review', '1.1.1');
    expect(valid<ReviewList>('review', await ok(day(31), 'review', '--json')).upcoming).toMatchObject([
      { id: '1.1.1', review: 2, dueAt: day(35) },
    ]);
  });

  it('lists the due ones longest-waiting first, and what is coming up', async () => {
    await ok(day(0), 'done', '1.2.1');
    await ok(day(1), 'done', '1.1.1', '1.1.2');
    await ok(day(9), 'done', '2.1.1');
    const list = valid<ReviewList>('review', await ok(day(9), 'review', '--json'));
    expect(list.due.map((d) => d.id)).toEqual(['1.2.1', '1.1.1', '1.1.2']);
    expect(list.upcoming.map((d) => [d.id, d.dueAt])).toEqual([['2.1.1', day(16)]]);
    expect(await ok(day(9), 'next')).toContain('3 topics are due for review: roadmap review');
    expect(await ok(day(9), 'review')).toContain(
      'Go over a topic again, then record how it went (again, hard, good or easy):\n  roadmap review 1.2.1 --grade good\n',
    );
  });

  it('only finished topics come back: undone takes a topic out, done again starts its schedule again', async () => {
    await ok(T0, 'done', '1.1.1');
    await ok(day(8), 'review', '1.1.1');
    await ok(day(9), 'undone', '1.1.1');
    expect(await ok(day(10), 'review')).toContain('Nothing to review yet');
    expect((await at(day(10), 'review', '1.1.1')).stderr).toContain(
      'is not done; only finished topics come back for review',
    );
    await ok(day(10), 'done', '1.1.1');
    expect(valid<ReviewList>('review', await ok(day(17), 'review', '--json')).due).toMatchObject([
      { id: '1.1.1', review: 1, dueAt: day(17) },
    ]);
  });

  it('takes one topic: a section, a project or an unknown REF is a usage error', async () => {
    await ok(T0, 'done', '1.1', 'p1');
    expect((await at(day(8), 'review', '1.1')).stderr).toContain(
      'review takes one topic; 1.1 "Python Basics" is a section',
    );
    expectCleanError(await at(day(8), 'review', 'p1'), 2);
    expectCleanError(await at(day(8), 'review', 'zzqx'), 2);
  });
});

describe('on a custom roadmap, across edits to it', () => {
  const PLAN = '# Study Plan\n\n## Shell\n\n- Variables and quoting\n- Exit codes\n\n## Git\n\n- Rebasing\n';

  it('start, skip, notes, stats and reviews work with --file, and survive a section inserted before', async () => {
    const plan = join(dir(), 'plan.md');
    writeFileSync(plan, PLAN);
    const file = (now: string, ...args: string[]): Promise<string> => ok(now, '--file', plan, ...args);
    await file(T0, 'done', '1.2');
    await file(T0, 'note', '1.2', 'set -e is not enough');
    await file(T0, 'start', '2.1');
    await file(T0, 'skip', '1.1');
    expect(await file(day(7), 'next')).toContain('1 topic is due for review: roadmap --file');
    await file(day(7), 'review', '1.2');

    // A new part before everything: every ID moves, the keys do not.
    writeFileSync(plan, PLAN.replace('## Shell', '## Editors\n\n- Vim motions\n\n## Shell'));
    const listed = await file(day(8), 'list', '--notes');
    expect(listed).toContain('  [x] 2.2 Exit codes\n        note 2026-11-01  set -e is not enough\n');
    expect(listed).toContain('  [-] 2.1 Variables and quoting');
    expect(listed).toContain('  [~] 3.1 Rebasing');
    expect(offered(await file(day(8), 'next', '-n', '3'))).toEqual(['3.1', '1.1']);
    expect(await file(day(8), 'note', '2.2')).toContain('set -e is not enough');
    const reviews = valid<ReviewList>('review', await file(day(8), 'review', '--json'));
    expect(reviews.upcoming).toMatchObject([{ id: '2.2', review: 2, dueAt: day(30) }]);
    const stats = valid<{ pace: { finished: number }; remaining: number }>(
      'stats',
      await file(day(8), 'stats', '--json'),
    );
    expect(stats).toMatchObject({ pace: { finished: 1 }, remaining: 2 });
  });
});
