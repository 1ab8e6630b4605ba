import { describe, expect, it } from 'vitest';
import { quickForm } from '../../src/quick.js';

/** What the fast path made of a command line: the command's name (empty for the bare root), words and options. */
function shape(words: string[]) {
  const form = quickForm(words);
  return (
    form && {
      command: form.spec.name,
      args: form.parsed.args,
      options: form.parsed.options,
      global: form.parsed.global,
    }
  );
}

describe('quickForm: the plain forms that skip commander', () => {
  it.each([
    [[], { command: '', args: {} }],
    [['next'], { command: 'next', args: {} }],
    [['status'], { command: 'status', args: {} }],
    [['list'], { command: 'list', args: { ref: undefined } }],
    [['list', '2'], { command: 'list', args: { ref: '2' } }],
    [['project'], { command: 'project', args: { ref: undefined } }],
    [['project', 'p2'], { command: 'project', args: { ref: 'p2' } }],
    [['done', '1.1', 'p2'], { command: 'done', args: { refs: ['1.1', 'p2'] } }],
    [['undone', 'list'], { command: 'undone', args: { refs: ['list'] } }],
    [['--no-color', 'next'], { command: 'next', global: { color: false, json: false } }],
    [['--no-input'], { command: '', global: { color: true, input: false, json: false } }],
    [['next', '--file', 'plan.md'], { command: 'next', global: { file: 'plan.md', color: true } }],
    [['--file=plan.md', 'status'], { command: 'status', global: { file: 'plan.md' } }],
    [['--json', 'next'], { command: 'next', global: { json: true } }],
    [['next', '-n', '3'], { command: 'next', options: { number: 3 } }],
    [['next', '--number=2'], { command: 'next', options: { number: 2 } }],
    [['status', '--format', '{done}'], { command: 'status', options: { format: '{done}' } }],
    [
      ['list', '--todo', '--depth', '2', '3'],
      { command: 'list', args: { ref: '3' }, options: { todo: true, depth: 2 } },
    ],
    [['list', '--plain', '--notes'], { command: 'list', options: { plain: true, notes: true } }],
  ])('%j is quick', (words, expected) => {
    expect(shape(words)).toMatchObject(expected);
  });

  it.each([
    [['next', '-n', '0']],
    [['next', '-n']],
    [['next', '-n', '-1']],
    [['next', '--number=abc']],
    [['next', '-n3']],
    [['-n', '3', 'next']],
    [['status', '--format']],
    [['status', '--format=']],
    [['list', '--todo=yes']],
    [['list', '--depth', '2.5']],
    [['next', '-h']],
    [['next', 'extra']],
    [['list', '2', '3']],
    [['done']],
    [['undone']],
    [['done', '--help']],
    [['done', '--', '1.1']],
    [['-h']],
    [['--version']],
    [['next', '--file']],
    [['next', '--file', '--no-color']],
    [['lsit']],
    [['doctor']],
    [['use', 'plan.md']],
  ])('%j goes to commander', (words) => {
    expect(quickForm(words)).toBeUndefined();
  });
});
