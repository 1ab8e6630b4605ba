/** What reaches the terminal: colour rules, help, version, and usage errors. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, childEnv } from '../helpers/cli.js';
import {
  ANSI,
  configPath,
  expectCleanError,
  expectUnchanged,
  scriptCommand,
  useConfigDir,
  version,
} from '../helpers/bundled-roadmap.js';

const { dir, roadmap, runWith } = useConfigDir();

const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI on a real pseudo-terminal through util-linux `script`, with the
 * same pinned environment as the helper (no colour variables, fake HOME).
 */
function runInTty(
  configDir: string,
  args: readonly string[],
  env: Record<string, string> = {},
): { stdout: string; code: number | null } {
  const command = [process.execPath, binPath, ...args].map(shellQuote).join(' ');
  const result = spawnSync(scriptCommand!, ['-qec', command, '/dev/null'], {
    cwd: configDir,
    env: childEnv({
      HOME: join(configDir, 'home-must-not-be-used'),
      ROADMAP_CONFIG_DIR: configDir,
      TERM: 'xterm-256color',
      ...env,
    }),
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, code: result.status };
}

describe('colour when piped', () => {
  const commands: string[][] = [['next'], ['list'], ['project'], ['project', 'p2'], ['done', '1.1.1']];

  it.each(commands)('roadmap %s: no ANSI escapes in piped output', async (...args) => {
    const result = await roadmap(...args);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toBe('');
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stderr).not.toMatch(ANSI);
  });

  it.each(commands)('roadmap %s: FORCE_COLOR=1 gives ANSI colour', async (...args) => {
    const result = await runWith(args, { env: { FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(ANSI);
  });

  it.each([
    { args: ['--no-color', 'next'], where: 'before the command' },
    { args: ['next', '--no-color'], where: 'after the command' },
    { args: ['--no-color', 'list'], where: 'before list' },
  ])('FORCE_COLOR=1 with --no-color $where: no ANSI', async ({ args }) => {
    const result = await runWith(args, { env: { FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1.1');
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('the text is the same with and without colour once the escapes are removed', async () => {
    const plain = (await roadmap('list')).stdout;
    // eslint-disable-next-line no-control-regex
    const coloured = (await runWith(['list'], { env: { FORCE_COLOR: '1' } })).stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(coloured).toBe(plain);
  });
});

const ttyReason = scriptCommand === null ? ' (skipped: util-linux `script` is not installed)' : '';

describe.skipIf(scriptCommand === null)(`colour on a real terminal${ttyReason}`, () => {
  it('a TTY gets colour', () => {
    const result = runInTty(dir(), ['list', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1.1 Python Basics');
    expect(result.stdout).toMatch(ANSI);
  });

  it.each([
    { why: 'NO_COLOR=1', args: ['list', '1'], env: { NO_COLOR: '1' } },
    { why: '--no-color', args: ['--no-color', 'list', '1'], env: {} },
    { why: 'TERM=dumb', args: ['list', '1'], env: { TERM: 'dumb' } },
    { why: 'FORCE_COLOR=0', args: ['list', '1'], env: { FORCE_COLOR: '0' } },
  ])('a TTY with $why gets no colour', ({ args, env }) => {
    const result = runInTty(dir(), args, env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1.1 Python Basics');
    expect(result.stdout).not.toMatch(ANSI);
  });
});

describe('help and version', () => {
  it.each([
    { args: ['-h'], usage: 'Usage: roadmap' },
    { args: ['--help'], usage: 'Usage: roadmap' },
    ...['next', 'list', 'done', 'undone', 'project'].flatMap((command) => [
      { args: [command, '-h'], usage: `Usage: roadmap ${command}` },
      { args: [command, '--help'], usage: `Usage: roadmap ${command}` },
    ]),
  ])('roadmap $args exits 0 and shows usage and examples', async ({ args, usage }) => {
    const result = await roadmap(...args);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(usage);
    expect(result.stdout).toMatch(/^Examples:$/m);
    expect(result.stdout).toMatch(/^ +\$ roadmap /m);
    // Help never writes progress.
    expectUnchanged(configPath(dir()), null);
  });

  it('root help lists every command', async () => {
    const { stdout } = await roadmap('--help');
    for (const command of ['next', 'list', 'done', 'undone', 'project']) {
      expect(stdout).toMatch(new RegExp(`^ +${command}\\b`, 'm'));
    }
  });

  it.each([['-V'], ['--version']])('%s prints the version from package.json', async (flag) => {
    const result = await roadmap(flag);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
    expect(result.stderr).toBe('');
  });
});

describe('usage errors exit 2', () => {
  it('an unknown command suggests the closest one', async () => {
    const result = await roadmap('lsit');
    expectCleanError(result, 2);
    expect(result.stderr).toMatch(/lsit/);
    expect(result.stderr).toMatch(/did you mean "?list"?/i);
  });

  it.each([
    { args: ['--bogus'] },
    { args: ['next', '--bogus'] },
    { args: ['list', '--frobnicate'] },
    { args: ['done', '--bogus', '1.1.1'] },
  ])('roadmap $args: unknown option', async ({ args }) => {
    const result = await roadmap(...args);
    expectCleanError(result, 2);
    expect(result.stderr).toMatch(/unknown option/i);
    expectUnchanged(configPath(dir()), null);
  });

  it.each([['done'], ['undone']])('roadmap %s without a REF', async (command) => {
    const result = await roadmap(command);
    expectCleanError(result, 2);
    expectUnchanged(configPath(dir()), null);
  });
});

describe('plurals', () => {
  const { roadmap } = useConfigDir();
  it('doctor counts one record as one, and more as more', async () => {
    await roadmap('done', '1.1.1');
    expect((await roadmap('doctor')).stdout).toContain('The progress file is readable: 1 saved record.\n');
    await roadmap('done', '1.1.2');
    expect((await roadmap('doctor')).stdout).toContain('The progress file is readable: 2 saved records.\n');
  });
});
