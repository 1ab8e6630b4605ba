/** Arguments a command does not take are usage errors, never silently ignored; `help COMMAND` works. */
import { describe, expect, it } from 'vitest';
import { expectCleanError, useConfigDir } from '../helpers/bundled-roadmap.js';

const { roadmap } = useConfigDir();

describe('arguments', () => {
  it.each([
    [['next', '3'], 'roadmap next takes no arguments, so "3" is one too many (see "roadmap next --help")'],
    [['status', 'now'], 'roadmap status takes no arguments, so "now" is one too many'],
    [['project', 'p1', 'p3'], 'roadmap project takes one argument (REF), so "p3" is one too many'],
    [['list', '1', '2', '3'], 'roadmap list takes one argument (REF), so "2" "3" are one too many'],
    [['doctor', '--repair', 'now'], 'roadmap doctor takes no arguments, so "now" is one too many'],
  ])('%j exits 2, in our words', async (args, message) => {
    const result = await roadmap(...args);
    expectCleanError(result, 2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('too many arguments for');
  });

  it.each([
    [['undone'], 'name at least one topic, section, part or project, such as "roadmap undone 1.1.1"'],
    [['skip'], 'such as "roadmap skip 1.1.1"'],
    [['note'], 'roadmap note needs REF (see "roadmap note --help")'],
    [['import'], 'roadmap import needs FILE'],
    [['completion'], 'roadmap completion needs SHELL'],
  ])('%j without its argument exits 2, in our words', async (args, message) => {
    const result = await roadmap(...args);
    expectCleanError(result, 2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('missing required argument');
  });

  it.each([
    [['next', '-n', '0'], '--number takes a whole number of at least 1, not "0"'],
    [['next', '--number', '2.5'], '--number takes a whole number of at least 1, not "2.5"'],
    [['list', '--depth', 'all'], '--depth takes a whole number of at least 1, not "all"'],
    [['stats', '--weeks', '0'], '--weeks takes a whole number of at least 1, not "0"'],
    [['stats', '--weeks', '521'], '--weeks goes up to 520, not 521'],
  ])('%j exits 2, in our words', async (args, message) => {
    const result = await roadmap(...args);
    expectCleanError(result, 2);
    expect(result.stderr).toBe(`error: ${message}\n`);
  });

  it('a command that needs an argument still shows it as required in its help', async () => {
    expect((await roadmap('undone', '--help')).stdout).toContain('Usage: roadmap undone [options] <refs...>');
    expect((await roadmap('note', '--help')).stdout).toContain('Usage: roadmap note [options] <ref> [text...]');
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
      error: { exitCode: 2, code: 'usage', message: 'unknown command "nothere". See "roadmap --help".' },
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
