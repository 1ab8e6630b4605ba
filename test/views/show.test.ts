/**
 * `roadmap show REF`: a topic, section, part or project in full, as text and
 * as JSON checked against schema/show.schema.json. History is made by running
 * commands at different times (ROADMAP_NOW), never from the machine's clock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { ANSI, expectCleanError, useConfigDir } from '../helpers/bundled-roadmap.js';
import { daysAfter, timedRuns, validDocument } from '../helpers/timed.js';

const { dir, runWith } = useConfigDir();
const { at, ok } = timedRuns(runWith);

const T0 = '2026-11-01T10:00:00.000Z';
const day = (days: number): string => daysAfter(T0, days);

/** `show ...args --json`, checked against the schema. */
async function shown(now: string, ...args: string[]): Promise<Record<string, unknown>> {
  const text = await ok(now, 'show', ...args, '--json');
  expect(text).not.toMatch(ANSI);
  return validDocument('show', text);
}

describe('roadmap show: a topic', () => {
  it('shows where it sits, its status with dates, review state, notes and history', async () => {
    await ok(day(0), 'start', '2.3.1');
    await ok(day(2), 'done', '2.3.1');
    await ok(day(2), 'note', '2.3.1', 'Depends() caches\nper request');
    expect(await ok(day(10), 'show', '2.3.1')).toBe(
      [
        "2.3.1  Reusable components using FastAPI's dependency injection system.  (topic)",
        '  in       Part 2: FastAPI Basics › 2.3 Dependency Injection',
        '  stage    1 of 4: Start with Python and basic FastAPI.',
        '  status   [x] done on 2026-11-03 (started 2026-11-01)',
        '  estimate ~3h',
        '  line     26 of the roadmap file',
        '',
        'Review',
        '  review 1 of 2 due now: roadmap review 2.3.1',
        '',
        'Notes',
        '  1. 2026-11-03  Depends() caches',
        '                 per request',
        '',
        'History',
        '  2026-11-01  todo → doing',
        '  2026-11-03  doing → done',
        '',
      ].join('\n'),
    );
  });

  it('a topic not started: no dates, no history yet, and the command to mark it done', async () => {
    const out = await ok(T0, 'show', '1.1.2');
    expect(out).toContain('  status   [ ] not started\n');
    expect(out).toContain('Review\n  after it is done: it comes back 7 and 30 days later\n');
    expect(out).toContain('History\n  no changes recorded yet\n');
    expect(out).toContain('When it is done: roadmap done 1.1.2\n');
  });

  it('review: the reviews done, the next one due, then settled; done again starts afresh', async () => {
    await ok(day(0), 'done', '2.3.1');
    await ok(day(7), 'review', '2.3.1');
    const once = await ok(day(8), 'show', '2.3.1');
    // Marked done straight away: no separate start date.
    expect(once).toContain('  status   [x] done on 2026-11-01\n');
    expect(once).toContain('Review\n  reviewed on 2026-11-08\n  review 2 of 2 due on 2026-12-01\n');
    await ok(day(30), 'review', '2.3.1');
    expect(await ok(day(31), 'show', '2.3.1')).toContain(
      'Review\n  reviewed on 2026-11-08\n  reviewed on 2026-12-01\n  settled: all 2 reviews done\n',
    );
    await ok(day(40), 'undone', '2.3.1');
    await ok(day(41), 'start', '2.3.1');
    const again = await shown(day(42), '2.3.1');
    expect(again).toMatchObject({ status: 'doing', started: day(41), done: null, review: { state: 'not done' } });
    expect(again.history).toHaveLength(3);
  });

  it('--json: every field, times in UTC', async () => {
    await ok(day(0), 'start', '2.3.1');
    await ok(day(2), 'done', '2.3.1');
    await ok(day(2), 'note', '2.3.1', 'a note');
    expect(await shown(day(3), '2.3.1')).toEqual({
      schemaVersion: 1,
      command: 'show',
      roadmap: { id: 'bundled', title: 'Backend Development Roadmap: FastAPI' },
      id: '2.3.1',
      kind: 'topic',
      title: "Reusable components using FastAPI's dependency injection system.",
      key: 'fastapi-basics/dependency-injection/reusable-components-using-fastapi-s-dependency-injection-system',
      line: 26,
      where: [
        { id: '2', key: 'fastapi-basics', title: 'FastAPI Basics' },
        { id: '2.3', key: 'fastapi-basics/dependency-injection', title: 'Dependency Injection' },
      ],
      label: null,
      description: null,
      stage: { number: 1, of: 4, title: 'Start with Python and basic FastAPI.' },
      status: 'done',
      checked: false,
      started: day(0),
      done: day(2),
      skipped: null,
      progress: null,
      estimate: 180,
      estimateTotal: { minutes: 180, from: 'item', unestimated: 0 },
      links: [],
      details: [],
      notes: [{ at: day(2), text: 'a note' }],
      children: [],
      sections: [],
      review: {
        state: 'scheduled',
        finishedAt: day(2),
        next: { review: 1, of: 2, dueAt: day(9), due: false },
        reviewedAt: [],
      },
      reviews: null,
      history: [
        { at: day(0), from: 'todo', to: 'doing', topic: null },
        { at: day(2), from: 'doing', to: 'done', topic: null },
      ],
    });
  });

  it('skipped: says when', async () => {
    await ok(day(1), 'skip', '1.1.2');
    expect(await ok(day(2), 'show', '1.1.2')).toContain('  status   [-] skipped on 2026-11-02\n');
  });
});

describe('roadmap show: a section, a part, a project', () => {
  it('a section: its topics, progress, dates from its topics, their reviews and history', async () => {
    await ok(day(0), 'start', '1.1.1');
    await ok(day(1), 'done', '1.1.1');
    const partly = await ok(day(2), 'show', '1.1');
    expect(partly).toContain(
      '1.1  Python Basics  (section)\n  in       Part 1: Fundamentals\n  group    Core Programming Skills\n',
    );
    expect(partly).toContain('  status   [~] in progress (started 2026-11-01)\n');
    expect(partly).toContain('  progress 1/2 topics, 50%');
    expect(partly).toContain(
      'Topics\n  [x] 1.1.1 Syntax, data types, control structures, OOP concepts.  ~12h\n  [ ] 1.1.2 Python',
    );
    expect(partly).toContain('Review\n  0 topics due now, 1 coming up, 0 settled\n');
    expect(partly).toContain('History\n  2026-11-01  1.1.1 todo → doing\n  2026-11-02  1.1.1 doing → done\n');
    await ok(day(5), 'done', '1.1.2');
    const json = await shown(day(9), '1.1');
    expect(json).toMatchObject({
      kind: 'section',
      status: 'done',
      started: day(0),
      done: day(5),
      progress: { done: 2, total: 2, percent: 100 },
      reviews: { due: 1, upcoming: 1, settled: 0 },
      review: null,
    });
    expect((json.history as { topic: { id: string } }[]).map((h) => h.topic.id)).toEqual(['1.1.1', '1.1.1', '1.1.2']);
  });

  it('a part: its sections with their status', async () => {
    await ok(T0, 'done', '2.3');
    const out = await ok(T0, 'show', '2');
    expect(out).toMatch(/^Part 2: FastAPI Basics {2}\(part\)\n/);
    expect(out).toContain(
      'Sections\n  [ ] 2.1 Introduction  ~4h\n  [ ] 2.2 Request and Response  ~4h 30m\n  [x] 2.3 Dependency Injection  ~3h\n',
    );
  });

  it('a project: readiness, the sections it draws on, its notes and history', async () => {
    await ok(T0, 'note', 'p2', 'use Redis pub/sub');
    await ok(day(1), 'done', 'p2');
    const out = await ok(day(1), 'show', 'p2');
    expect(out).toContain('p2  Create a real-time chat application using WebSockets.  (project)\n');
    expect(out).toContain('  status   [x] done on 2026-11-02\n  progress 0/1 topics, 0% ready');
    expect(out).toContain('Draws on\n  4.4 WebSockets\n');
    expect(out).toContain('Notes\n  1. 2026-11-01  use Redis pub/sub\n');
    expect(out).toContain('History\n  2026-11-02  todo → done\n');
    expect(out).not.toContain('Review');
    expect(await shown(day(1), 'chat')).toMatchObject({ kind: 'project', id: 'p2', review: null });
  });
});

describe('roadmap show on other roadmaps', () => {
  it('a table row: its details and links', async () => {
    const file = join(repoRoot, 'test/fixtures/real-roadmaps/ossu-math.md');
    const out = await ok(T0, '--file', file, 'show', '1.1.1.1');
    expect(out).toContain(
      '  info     Duration: 10 weeks\n  info     Effort: 4 hours/week\n  info     Prerequisites: none\n  link     https://www.coursera.org/learn/mathematical-thinking\n',
    );
  });

  it('a topic ticked in the file: done, with no date to show', async () => {
    writeFileSync(join(dir(), 'plan.md'), '# Plan\n\n## Basics\n\n- [x] First topic\n- [ ] Second topic\n');
    const out = await ok(T0, '--file', 'plan.md', 'show', '1.1');
    expect(out).toContain('  status   [x] done (ticked in the roadmap file)\n');
    expect(out).toContain('Review\n  ticked in the roadmap file: no finish time to count reviews from\n');
    expect(await shown(T0, '--file', 'plan.md', '1.1')).toMatchObject({ checked: true, done: null });
  });
});

describe('roadmap show: mistakes', () => {
  it('an unknown REF and a missing one are usage errors', async () => {
    const unknown = await at(T0, 'show', 'zzqx');
    expectCleanError(unknown, 2);
    expect(unknown.stderr).toContain('nothing matches "zzqx"');
    const missing = await at(T0, 'show');
    expectCleanError(missing, 2);
    expect(missing.stderr).toBe('error: show needs a REF: roadmap show 2.3.1 (see "roadmap list" for the IDs)\n');
  });
});
