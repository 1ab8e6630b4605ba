/**
 * `roadmap review REF --grade again|hard|good|easy`: the grade saved with the
 * review, and FSRS scheduling that topic from then on; `review`, `show` and
 * their --json documents (checked against their schemas) agree. The dates are
 * FSRS's with roadmap's settings (test/unit/fsrs.test.ts checks the replay
 * against the library's published examples). Times come from ROADMAP_NOW.
 */
import { describe, expect, it } from 'vitest';
import { expectCleanError, readConfig, snapshot, expectUnchanged, configPath } from '../helpers/bundled-roadmap.js';
import { useConfigDir } from '../helpers/bundled-roadmap.js';
import { daysAfter, timedRuns, validDocument } from '../helpers/timed.js';

const { dir, runWith } = useConfigDir();
const { at, ok } = timedRuns(runWith);

const T0 = '2026-11-01T10:00:00.000Z';
const day = (days: number): string => daysAfter(T0, days);
const DI = 'fastapi-basics/dependency-injection/reusable-components-using-fastapi-s-dependency-injection-system';

interface Saved {
  readonly reviews: Record<string, string[]>;
  readonly grades?: Record<string, { at: string; grade: string }[]>;
}
const saved = (): Saved => readConfig(dir()).roadmaps.bundled as unknown as Saved;

interface ReviewDocument {
  readonly reviewed: Record<string, unknown>;
  readonly next: { readonly review: number; readonly dueAt: string; readonly scheduler: string };
  readonly upcoming: readonly Record<string, unknown>[];
}

/** `review ...args --json` at `now`, checked against schema/review.schema.json. */
async function reviewJson(now: string, ...args: string[]): Promise<ReviewDocument> {
  return validDocument('review', await ok(now, 'review', ...args, '--json')) as unknown as ReviewDocument;
}

describe('review REF --grade', () => {
  it('saves the grade with the review, and says when FSRS brings the topic back', async () => {
    await ok(T0, 'done', '2.3.1');
    expect(await ok(day(7), 'review', '2.3.1', '--grade', 'good')).toBe(
      "Reviewed: 2.3.1 Reusable components using FastAPI's dependency injection system. (review 1, good)\n" +
        'Next review is due 2026-11-29 (FSRS, from your grades).\n',
    );
    expect(saved().reviews[DI]).toEqual([day(7)]);
    expect(saved().grades?.[DI]).toEqual([{ at: day(7), grade: 'good' }]);
  });

  // Finished on day 0, reviewed on day 7: FSRS's intervals for each grade.
  it.each([
    ['again', 8],
    ['hard', 21],
    ['good', 28],
    ['easy', 45],
  ])('--grade %s on day 7: the next review on day %i (--json)', async (grade, due) => {
    await ok(T0, 'done', '2.3.1');
    const document = await reviewJson(day(7), '2.3.1', '--grade', grade);
    expect(document.reviewed).toMatchObject({ id: '2.3.1', key: DI, at: day(7), review: 1, of: null, grade });
    expect(document.next).toEqual({ review: 2, dueAt: day(due), scheduler: 'fsrs' });
  });

  it('undo takes back the review and its grade together; undo again puts them back', async () => {
    await ok(T0, 'done', '2.3.1');
    await ok(day(7), 'review', '2.3.1', '--grade', 'hard');
    await ok(day(7), 'undo');
    expect(saved().reviews[DI] ?? []).toEqual([]);
    expect(saved().grades?.[DI] ?? []).toEqual([]);
    expect(await ok(day(7), 'review')).toContain('review 1 of 2 due since 2026-11-08');
    await ok(day(7), 'undo');
    expect(saved().grades?.[DI]).toEqual([{ at: day(7), grade: 'hard' }]);
    expect(await ok(day(8), 'review')).toContain('review 2 (FSRS) due 2026-11-22');
  });

  it('is refused before FSRS says it is due, saving nothing; on the day, it is recorded', async () => {
    await ok(T0, 'done', '2.3.1');
    await ok(day(7), 'review', '2.3.1', '--grade', 'good');
    const before = snapshot(configPath(dir()));
    const early = await at(day(27), 'review', '2.3.1', '--grade', 'easy');
    expectCleanError(early, 2);
    expect(early.stderr).toContain('is not due for review until 2026-11-29 (scheduled from its grades)');
    expectUnchanged(configPath(dir()), before);
    const onTime = await reviewJson(day(28), '2.3.1', '--grade', 'easy');
    expect(onTime.reviewed).toMatchObject({ review: 2, grade: 'easy' });
    expect(saved().grades?.[DI]).toEqual([
      { at: day(7), grade: 'good' },
      { at: day(28), grade: 'easy' },
    ]);
  });

  it("`review` lists a graded topic as FSRS's, with no last review", async () => {
    await ok(T0, 'done', '2.3.1', '1.1.1');
    await ok(day(7), 'review', '2.3.1', '--grade', 'good');
    await ok(day(7), 'review', '1.1.1');
    const text = await ok(day(8), 'review');
    expect(text).toContain('2.3.1  Reusable components');
    expect(text).toContain('finished 2026-11-01; review 2 (FSRS) due 2026-11-29');
    expect(text).toContain('finished 2026-11-01; review 2 of 2 due 2026-12-01');
    const list = await reviewJson(day(8));
    const item = (id: string): unknown => list.upcoming.find((r) => r.id === id);
    expect(item('2.3.1')).toMatchObject({ review: 2, of: null, dueAt: day(28), scheduler: 'fsrs' });
    expect(item('1.1.1')).toMatchObject({ review: 2, of: 2, dueAt: day(30), scheduler: 'days' });
  });

  it('a topic graded once stays with FSRS: a later review without a grade counts as good', async () => {
    await ok(T0, 'done', '2.3.1', '2.2.2');
    for (const id of ['2.3.1', '2.2.2']) await ok(day(7), 'review', id, '--grade', 'good');
    const ungraded = await reviewJson(day(28), '2.3.1');
    const good = await reviewJson(day(28), '2.2.2', '--grade', 'good');
    expect(ungraded.reviewed).toMatchObject({ review: 2, of: null, grade: null });
    expect(ungraded.next).toEqual(good.next);
    expect(ungraded.next.scheduler).toBe('fsrs');
    expect(saved().grades?.[DI]).toEqual([{ at: day(7), grade: 'good' }]);
  });

  it('reviews without grades keep the 7- and 30-day rule; a graded second review moves the topic to FSRS', async () => {
    await ok(T0, 'done', '2.3.1');
    const first = await reviewJson(day(7), '2.3.1');
    expect(first.reviewed).toMatchObject({ review: 1, of: 2, grade: null });
    expect(first.next).toEqual({ review: 2, dueAt: day(30), scheduler: 'days' });
    const second = await reviewJson(day(30), '2.3.1', '--grade', 'hard');
    // Not settled, as two ungraded reviews would be: FSRS brings it back.
    expect(second.reviewed).toMatchObject({ review: 2, of: null, grade: 'hard' });
    expect(second.next).toMatchObject({ review: 3, scheduler: 'fsrs' });
    expect(Date.parse(second.next.dueAt)).toBeGreaterThan(Date.parse(day(31)));
  });

  it('`show` says when a graded topic is due, as `review` does', async () => {
    await ok(T0, 'done', '2.3.1');
    await ok(day(7), 'review', '2.3.1', '--grade', 'good');
    expect(await ok(day(8), 'show', '2.3.1')).toContain(
      'Review\n  reviewed on 2026-11-08\n  review 2 (FSRS) due on 2026-11-29\n',
    );
    const shown = validDocument('show', await ok(day(8), 'show', '2.3.1', '--json'));
    expect(shown.review).toMatchObject({ state: 'scheduled', next: { review: 2, of: null, dueAt: day(28) } });
  });

  it.each([
    [['review', '--grade', 'good'], '--grade needs the topic you reviewed'],
    [['review', '2.3.1', '--grade', 'meh'], 'meh'],
    [['review', '2.3.1', '--grade'], '--grade'],
  ])('roadmap %j is a usage error that saves nothing', async (args, message) => {
    await ok(T0, 'done', '2.3.1');
    const before = snapshot(configPath(dir()));
    const result = await at(day(7), ...args);
    expectCleanError(result, 2);
    expect(result.stderr).toContain(message);
    expectUnchanged(configPath(dir()), before);
  });
});
