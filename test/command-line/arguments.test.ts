/** Arguments a command does not take are usage errors, never silently ignored; `help COMMAND` works. */
import { describe, expect, it } from 'vitest';
import { expectCleanError, useConfigDir } from '../helpers/bundled-roadmap.js';

const { roadmap } = useConfigDir();

describe('arguments', () => {
  it.each([
    [['next', '3'], "too many arguments for 'next'"],
    [['status', 'now'], "too many arguments for 'status'"],
    [['project', 'p1', 'p3'], "too many arguments for 'project'"],
    [['list', '1', '2'], "too many arguments for 'list'"],
    [['doctor', '--repair', 'now'], "too many arguments for 'doctor'"],
  ])('%j exits 2', async (args, message) => {
    const result = await roadmap(...args);
    expectCleanError(result, 2);
    expect(result.stderr).toContain(message);
  });

  it('`roadmap help next` shows the help of next', async () => {
    const result = await roadmap('help', 'next');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: roadmap next');
    expect(result.stdout).toContain('Examples:');
  });

  it('help for a command that does not exist is a usage error (exit 2), with a suggestion', async () => {
    const result = await roadmap('help', 'dne');
    expectCleanError(result, 2);
    expect(result.stderr).toBe('error: unknown command "dne". Did you mean "done"? See "roadmap --help".\n');
    const json = await roadmap('--json', 'help', 'nothere');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr)).toEqual({
      schemaVersion: 1,
      error: { exitCode: 2, message: 'unknown command "nothere". See "roadmap --help".' },
    });
  });

  it('a mistyped help is suggested', async () => {
    const result = await roadmap('hlep');
    expectCleanError(result, 2);
    expect(result.stderr).toContain('Did you mean "help"?');
  });
});

describe('mistyped options', () => {
  it.each([
    [['list', '--dept', '2'], '--depth'],
    [['doctor', '--repiar'], '--repair'],
    [['next', '--nubmer', '2'], '--number'],
  ])('%j suggests %s', async (args, option) => {
    const result = await roadmap(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Did you mean ${option}?`);
  });
});
