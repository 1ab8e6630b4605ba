/** core/pace: the learner's actual time over the estimates, on finished topics that have both. */
import { describe, expect, it } from 'vitest';
import { dict } from '../../src/core/dict.js';
import type { StudyRecords } from '../../src/core/actual-time.js';
import type { Roadmap } from '../../src/core/model.js';
import { MIN_PACE_TOPICS, paceFactor, personalPace, roadmapPace, timedTopics } from '../../src/core/pace.js';
import type { StatusChange, StatusRecord } from '../../src/core/progress.js';

const timed = (...pairs: [number, number][]) =>
  pairs.map(([estimate, actual], i) => ({ key: `t${i}`, estimate, actual }));

describe('paceFactor', () => {
  it.each<[string, [number, number][], number | undefined]>([
    ['no topics: none', [], undefined],
    [
      'two topics: too few for a factor',
      [
        [60, 120],
        [60, 120],
      ],
      undefined,
    ],
    [
      'three topics as estimated: 1',
      [
        [60, 60],
        [30, 30],
        [120, 120],
      ],
      1,
    ],
    [
      'three topics at 1.5 times',
      [
        [60, 90],
        [30, 45],
        [120, 180],
      ],
      1.5,
    ],
    // 90 + 40 + 60 over 60 + 10 + 120: totals, not the mean of 1.5, 4 and 0.5.
    [
      'the ratio of totals: a small topic weighs little',
      [
        [60, 90],
        [10, 40],
        [120, 60],
      ],
      1,
    ],
    [
      'topics missing a number do not count',
      [
        [60, 90],
        [0, 40],
        [120, 0],
        [30, 45],
        [90, 135],
      ],
      1.5,
    ],
  ])('%s', (_, pairs, expected) => {
    expect(paceFactor(timed(...pairs))).toBe(expected);
  });

  it('needs three topics', () => {
    expect(MIN_PACE_TOPICS).toBe(3);
  });
});

describe('personalPace', () => {
  it('gives the totals and each topic’s ratio, with or without a factor', () => {
    expect(personalPace(timed([60, 90], [30, 15]))).toEqual({
      topics: 2,
      estimated: 90,
      actual: 105,
      ratios: [1.5, 0.5],
    });
    expect(personalPace(timed([60, 90], [30, 15], [30, 30]))).toEqual({
      topics: 3,
      estimated: 120,
      actual: 135,
      factor: 1.125,
      ratios: [1.5, 0.5, 1],
    });
  });
});

describe('timedTopics and roadmapPace: from a roadmap, its progress and records', () => {
  const at = (hhmm: string): string => `2026-11-30T${hhmm}:00.000Z`;
  const roadmap = {
    title: 'T',
    parts: [],
    projects: [],
    stages: [],
    partStages: dict(),
    projectSections: dict(),
    topics: {
      ids: ['1.1', '1.2', '1.3', '1.4', '1.5'],
      keys: ['a', 'b', 'c', 'd', 'e'],
      checked: [],
      minutes: [60, 30, 0, 60, 60],
    },
  } as Roadmap;
  const history: StatusChange[] = [
    { key: 'a', from: 'todo', to: 'doing', at: at('09:00') },
    { key: 'a', from: 'doing', to: 'done', at: at('10:30') },
    { key: 'c', from: 'todo', to: 'doing', at: at('10:30') },
    { key: 'c', from: 'doing', to: 'done', at: at('11:00') },
    { key: 'd', from: 'todo', to: 'doing', at: at('11:00') },
  ];
  const done = (key: string): [string, StatusRecord] => [key, { status: 'done', at: at('12:00') }];
  const progress = dict<StatusRecord>([
    done('a'),
    done('b'),
    done('c'),
    ['d', { status: 'doing' as const, at: at('11:00') }],
    done('e'),
  ]);
  const records: StudyRecords = { history, notes: dict(), sessions: dict([['b', [{ at: at('12:00'), minutes: 45 }]]]) };
  const now = new Date(at('13:00'));

  it('keeps finished topics with an estimate and a time: not c (no estimate), d (not done), e (no time)', () => {
    expect(timedTopics(roadmap, records, progress, now).timed).toEqual([
      { key: 'a', estimate: 60, actual: 90 },
      { key: 'b', estimate: 30, actual: 45 },
    ]);
  });

  it('has no factor with two such topics', () => {
    expect(roadmapPace(roadmap, records, progress, now)).toEqual({
      topics: 2,
      estimated: 90,
      actual: 135,
      ratios: [1.5, 1.5],
    });
  });

  it('has one with a third', () => {
    const more = {
      ...records,
      sessions: dict([...Object.entries(records.sessions), ['e', [{ at: at('12:00'), minutes: 90 }]]]),
    };
    expect(roadmapPace(roadmap, more, progress, now).factor).toBe(1.5);
  });

  it('has nothing to go on in a roadmap without estimates', () => {
    const plain = { ...roadmap, topics: { ...roadmap.topics, minutes: undefined } } as unknown as Roadmap;
    expect(roadmapPace(plain, records, progress, now)).toEqual({ topics: 0, estimated: 0, actual: 0, ratios: [] });
  });
});
