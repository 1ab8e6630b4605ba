import { describe, expect, it } from 'vitest';
import { keysOf, resolveRef, type Resolution } from '../../src/core/refs.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { bundled } from './bundled.js';

/** What a resolution names: the target's ID, or the reason and candidate IDs. */
function describeResult(result: Resolution): string {
  if (result.ok) return result.target.type === 'project' ? result.target.project.id : result.target.item.id;
  return `${result.reason}: ${result.candidates.map((c) => c.id).join(' ')}`;
}

describe('resolveRef on the bundled roadmap', () => {
  it.each([
    // IDs
    ['2', '2'],
    ['2.3', '2.3'],
    ['2.3.1', '2.3.1'],
    ['p2', 'p2'],
    ['P2', 'p2'],
    // slugs
    ['dependency-injection', '2.3'],
    ['python-basics', '1.1'],
    ['fundamentals', '1'],
    // parts of titles, any case, with spaces
    ['pydantic', '2.4'],
    ['PYDANTIC', '2.4'],
    ['Dependency Injection', '2.3'],
    ['alembic', '3.3.1'],
    // a section and only its own topics match: the section wins
    ['caching', '9.3'],
    ['real-time chat', 'p2'],
  ])('%s -> %s', (ref, expected) => {
    expect(describeResult(resolveRef(bundled, ref))).toBe(expected);
  });

  it.each([
    ['python', 'ambiguous: 1.1 1.1.2 1.2'],
    ['websocket', 'ambiguous: 4.4 p2'],
    ['2.9', 'unknown: 2.1 2.2 2.3 2.4'],
    ['9.9.9', 'unknown: 9.1 9.2 9.3 9.4 9.5'],
    ['p9', 'unknown: p1 p2 p3 p4'],
  ])('%s -> %s', (ref, expected) => {
    expect(describeResult(resolveRef(bundled, ref))).toBe(expected);
  });

  it.each([
    ['1.', 'unknown: 1 1.1 1.2 1.3'],
    ['.1', 'unknown: 1 1.1 1.2 1.3'],
    ['1,1', 'unknown: 1.1 1.1.1 1.1.2'],
    ['1-1', 'unknown: 1.1 1.1.1 1.1.2'],
    ['1 1', 'unknown: 1.1 1.1.1 1.1.2'],
    ['1..1', 'unknown: 1.1 1.1.1 1.1.2'],
    ['2.9.', 'unknown: 2.1 2.2 2.3 2.4'],
    // A title holds "(1-to-1, 1-to-many ...)": a REF without a letter never reaches titles.
    ['1-', 'unknown: 1 1.1 1.2 1.3'],
  ])('%s is a mistyped ID, never a title: %s', (ref, expected) => {
    expect(describeResult(resolveRef(bundled, ref))).toBe(expected);
  });

  it('a REF with letters still matches titles: 1-to-1 -> 3.4.1', () => {
    expect(describeResult(resolveRef(bundled, '1-to-1'))).toBe('3.4.1');
  });

  it('lists every title containing an ambiguous word', () => {
    expect(describeResult(resolveRef(bundled, 'data'))).toMatch(/^ambiguous: 1\.1\.1 .*\b2\.4\.1 3 .*\b3\.4\b/);
  });

  it.each([
    ['pydantc', '2.4'],
    ['dependncy', '2.3'],
    ['microservice-architecture', 'p4'],
  ])('a typo "%s" suggests %s first', (ref, expected) => {
    const result = resolveRef(bundled, ref);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.candidates[0]?.id).toBe(expected);
  });

  it('suggests nothing rather than something unrelated', () => {
    expect(describeResult(resolveRef(bundled, 'zzqx'))).toBe('unknown: ');
  });

  it('limits a REF to projects or to items when the command asks', () => {
    expect(describeResult(resolveRef(bundled, 'websockets', 'projects'))).toBe('p2');
    expect(describeResult(resolveRef(bundled, 'websocket', 'projects'))).toBe('p2');
    expect(describeResult(resolveRef(bundled, 'websocket', 'items'))).toBe('4.4');
  });

  it('suggests something for a near miss like "nonsense" (non-blocking)', () => {
    const result = resolveRef(bundled, 'nonsense');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.candidates.length).toBeGreaterThan(0);
  });
});

describe('keysOf', () => {
  const keys = (ref: string): string[] => {
    const result = resolveRef(bundled, ref);
    if (!result.ok) throw new Error(`${ref} did not resolve`);
    return keysOf(result.target);
  };

  it.each([
    ['1.1.1', 1],
    ['1.1', 2],
    ['1', 6],
    ['6', 3],
    ['p2', 1],
  ])('%s stands for %i progress keys', (ref, count) => {
    expect(keys(ref)).toHaveLength(count);
  });

  it('a project stands for its own key, not its sections', () => {
    expect(keys('p2')).toEqual([bundled.projects[1]!.key]);
  });
});

it('an ambiguous slug lists both items', () => {
  const roadmap = parseRoadmap('## A\n- Setup\n## B\n- Setup\n');
  expect(describeResult(resolveRef(roadmap, 'setup'))).toBe('ambiguous: 1.1 2.1');
});
