import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/model.js';
import { parseRoadmap } from '../../src/core/parse.js';
import {
  applyChanges,
  itemStatus,
  nextTopics,
  percentOf,
  roadmapTally,
  statusChanges,
  statusOf,
  withFileMarks,
  type Progress,
} from '../../src/core/progress.js';
import { indexById, topicsOf } from '../../src/core/tree.js';
import { bundled } from './bundled.js';

const index = indexById(bundled);
const key = (id: string): string => index.get(id)!.item.key;
const with_ = (entries: [string, Status][]): Progress =>
  Object.fromEntries(entries.map(([id, status]) => [key(id), { status, at: '2026-01-01T00:00:00.000Z' }]));
const total = topicsOf(bundled.parts).length;

describe('percentOf', () => {
  it.each([
    [0, 44, 0],
    [1, 44, 2],
    [43, 44, 97],
    [44, 44, 100],
    [0, 0, 0],
    [1, 3, 33],
    [2, 3, 66],
  ])('%i of %i is %i%%', (done, all, expected) => {
    expect(percentOf(done, all)).toBe(expected);
  });
});

describe('tallies and statuses', () => {
  it('counts done topics over the whole roadmap', () => {
    const t = roadmapTally(
      bundled,
      with_([
        ['1.1.1', 'done'],
        ['1.1.2', 'done'],
        ['2.1.1', 'doing'],
      ]),
    );
    expect(t).toMatchObject({ done: 2, doing: 1, skipped: 0, total });
    expect(t.percent).toBe(percentOf(2, total));
  });

  it.each<[string, [string, Status][], Status]>([
    ['1.1', [], 'todo'],
    ['1.1', [['1.1.1', 'done']], 'doing'],
    [
      '1.1',
      [
        ['1.1.1', 'done'],
        ['1.1.2', 'done'],
      ],
      'done',
    ],
    ['1.1', [['1.1.1', 'doing']], 'doing'],
    [
      '1',
      [
        ['1.1.1', 'done'],
        ['1.1.2', 'done'],
      ],
      'doing',
    ],
    ['1.1.1', [['1.1.1', 'skipped']], 'skipped'],
    [
      '1.1',
      [
        ['1.1.1', 'done'],
        ['1.1.2', 'todo'],
      ],
      'doing',
    ],
  ])('%s with %j is %s', (id, entries, expected) => {
    expect(itemStatus(index.get(id)!.item, with_(entries))).toBe(expected);
  });
});

describe('nextTopics', () => {
  const ids = (progress: Progress, count = 1): string[] => nextTopics(bundled, progress, count).map((t) => t.id);

  it.each<[string, [string, Status][], number, string[]]>([
    ['fresh state', [], 1, ['1.1.1']],
    ['three at once', [], 3, ['1.1.1', '1.1.2', '1.2.1']],
    [
      'after a section',
      [
        ['1.1.1', 'done'],
        ['1.1.2', 'done'],
      ],
      1,
      ['1.2.1'],
    ],
    ['started topics first', [['3.1.1', 'doing']], 2, ['3.1.1', '1.1.1']],
    ['skipped never offered', [['1.1.1', 'skipped']], 1, ['1.1.2']],
    ['undone comes back', [['1.1.1', 'todo']], 1, ['1.1.1']],
  ])('%s', (_name, entries, count, expected) => {
    expect(ids(with_(entries), count)).toEqual(expected);
  });

  it('is empty when everything is done', () => {
    const all = Object.fromEntries(topicsOf(bundled.parts).map((t) => [t.key, { status: 'done' as const, at: 'x' }]));
    expect(ids(all)).toEqual([]);
  });
});

describe('statusChanges and applyChanges', () => {
  const at = '2026-11-26T10:00:00.000Z';

  it('reports each change with its time, and keys already in that status as unchanged', () => {
    const before = with_([['1.1.1', 'done']]);
    const result = statusChanges(before, [key('1.1.1'), key('1.1.2')], 'done', at);
    expect(result.changes).toEqual([{ key: key('1.1.2'), from: 'todo', to: 'done', at }]);
    expect(result.unchanged).toEqual([key('1.1.1')]);
    const after = applyChanges(before, result.changes);
    expect(after[key('1.1.2')]).toEqual({ status: 'done', at });
    expect(after[key('1.1.1')]).toEqual(before[key('1.1.1')]);
    expect(before[key('1.1.2')]).toBeUndefined();
  });

  it('counts a key named twice once', () => {
    expect(statusChanges({}, [key('1.1.1'), key('1.1.1')], 'done', at).changes).toHaveLength(1);
  });

  it('undoing keeps a record (with its time) rather than forgetting the topic', () => {
    const result = statusChanges(with_([['1.1.1', 'done']]), [key('1.1.1')], 'todo', at);
    expect(applyChanges({}, result.changes)[key('1.1.1')]).toEqual({ status: 'todo', at });
    expect(result.changes[0]).toMatchObject({ from: 'done', to: 'todo' });
  });
});

describe('withFileMarks', () => {
  const at = '2026-11-26T10:00:00.000Z';
  const roadmap = parseRoadmap('# T\n## A\n- [x] ticked in the file\n- [ ] not ticked\n');
  const [ticked, open] = topicsOf(roadmap.parts);

  it('counts a topic ticked in the file as done', () => {
    expect(statusOf(withFileMarks(roadmap, {}), ticked!.key)).toBe('done');
    expect(statusOf(withFileMarks(roadmap, {}), open!.key)).toBe('todo');
  });

  it('lets what the learner saved win over the file', () => {
    const saved = { [ticked!.key]: { status: 'todo' as const, at } };
    expect(statusOf(withFileMarks(roadmap, saved), ticked!.key)).toBe('todo');
  });
});
