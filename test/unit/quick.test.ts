import { describe, expect, it } from 'vitest';
import { quickCommand } from '../../src/quick.js';

describe('quickCommand: the plain forms that skip commander', () => {
  it.each([
    [[], { command: 'bare', refs: [] }],
    [['next'], { command: 'next', refs: [] }],
    [['status'], { command: 'status', refs: [] }],
    [['list'], { command: 'list', refs: [] }],
    [['project'], { command: 'project', refs: [] }],
    [['done', '1.1', 'p2'], { command: 'done', refs: ['1.1', 'p2'] }],
    [['undone', 'list'], { command: 'undone', refs: ['list'] }],
    [['--no-color', 'next'], { command: 'next', options: { color: false } }],
    [['next', '--file', 'plan.md'], { command: 'next', options: { file: 'plan.md', color: true } }],
    [['--file=plan.md', 'status'], { command: 'status', options: { file: 'plan.md' } }],
  ])('%j is quick', (args, expected) => {
    expect(quickCommand(args)).toMatchObject(expected);
  });

  it.each([
    [['next', '-n', '3']],
    [['next', 'extra']],
    [['list', '2']],
    [['list', '--todo']],
    [['project', 'p2']],
    [['done']],
    [['done', '--help']],
    [['-h']],
    [['--version']],
    [['next', '--file']],
    [['next', '--file', '--no-color']],
    [['lsit']],
    [['doctor']],
    [['use', 'plan.md']],
  ])('%j goes to commander', (args) => {
    expect(quickCommand(args)).toBeUndefined();
  });
});
