/** The order of Find's results: a typed ID, then the IDs under it, then the rest as in the document. */
import { describe, expect, it } from 'vitest';
import { findChoices } from '../../src/commands/menu.js';

const entry = (id: string, title: string) => ({
  id,
  label: `${id}  ${title}`,
  where: '',
  haystack: `${id} ${title}`.toLowerCase(),
});
const entries = [
  entry('1.2.1', 'Decorators'),
  entry('1.10.1', 'Tenth section'),
  entry('2.1', 'Routes'),
  entry('2.1.1', 'Path parameters'),
  entry('10.1', 'Tenth part'),
  entry('12.1', 'Twelfth part'),
];
const ids = (term: string) => findChoices(entries, term).map((c) => c.value);

describe('findChoices', () => {
  it.each([
    ['2.1', ['2.1', '2.1.1', '1.2.1', '12.1']],
    ['1', ['1.2.1', '1.10.1', '2.1', '2.1.1', '10.1', '12.1']],
    ['10', ['10.1', '1.10.1']],
    ['1.1', ['1.10.1', '2.1.1']], // no ID is 1.1 or under it: document order
    ['tenth', ['1.10.1', '10.1']],
  ])('%s', (term, expected) => {
    expect(ids(term)).toEqual([...expected, '']);
  });

  it('ends with Go back when nothing is typed, as every list does, and offers only that when nothing matches', () => {
    expect(ids('   ')).toEqual([...entries.map((e) => e.id), '']);
    expect(findChoices(entries, 'zz (')).toEqual([
      { value: '', name: 'Go back (nothing matches "zz (")', short: 'Go back' },
    ]);
  });
});
