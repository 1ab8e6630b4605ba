/**
 * Long output goes through $PAGER at a terminal, and only there. The pager is a
 * script that records what it was given; the terminal is a real pseudo-terminal
 * (util-linux `script`), sized with stty so the roadmap's list is longer than it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { binPath, childEnv, run } from '../helpers/cli.js';
import { scriptCommand, useConfigDir } from '../helpers/bundled-roadmap.js';

const { dir } = useConfigDir();
const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
const ttyReason = scriptCommand === null ? ' (skipped: util-linux `script` is not installed)' : '';

let pager = '';
let paged = '';

beforeEach(() => {
  pager = join(dir(), 'pager.sh');
  paged = join(dir(), 'paged.txt');
  writeFileSync(
    pager,
    `#!/bin/sh\ncat > ${shellQuote(paged)}\necho "the pager showed $(wc -l < ${shellQuote(paged)}) lines"\n`,
  );
  chmodSync(pager, 0o755);
});

/** `roadmap ...args` on a terminal of 20 rows; what the terminal showed. */
function onTerminal(
  args: readonly string[],
  env: Record<string, string> = {},
): { screen: string; code: number | null } {
  const command = `stty rows 20 cols 80; ${[process.execPath, binPath, ...args].map(shellQuote).join(' ')}`;
  const result = spawnSync(scriptCommand!, ['-qec', command, '/dev/null'], {
    cwd: dir(),
    env: childEnv({ HOME: join(dir(), 'home'), ROADMAP_CONFIG_DIR: dir(), TERM: 'dumb', ...env }),
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { screen: result.stdout, code: result.status };
}

describe.skipIf(scriptCommand === null)(`at a terminal${ttyReason}`, () => {
  it('a list longer than the terminal goes through $PAGER, whole', () => {
    const { screen, code } = onTerminal(['list'], { PAGER: pager });
    expect(code).toBe(0);
    expect(screen).toMatch(/the pager showed \d+ lines/);
    expect(screen).not.toContain('9.5 System Design');
    const text = readFileSync(paged, 'utf8');
    expect(text).toContain('Part 1: Fundamentals');
    expect(text).toContain('9.5 System Design');
    expect(text.split('\n').length).toBeGreaterThan(20);
  });

  it('ROADMAP_PAGER comes before PAGER; the full program pages too (stats)', () => {
    const { screen } = onTerminal(['stats', '--weeks', '40'], { PAGER: '/nonexistent', ROADMAP_PAGER: pager });
    expect(screen).toMatch(/the pager showed \d+ lines/);
    expect(readFileSync(paged, 'utf8')).toContain('topics finished per week');
  });

  it.each([
    ['--no-pager', ['--no-pager', 'list'], { PAGER: pager }],
    ['ROADMAP_PAGER=""', ['list'], { PAGER: pager, ROADMAP_PAGER: '' }],
    ['PAGER=cat', ['list'], { PAGER: 'cat' }],
  ] as const)('%s prints straight to the terminal', (_, args, env) => {
    const { screen, code } = onTerminal(args, env);
    expect(code).toBe(0);
    expect(screen).toContain('9.5 System Design');
    expect(existsSync(paged)).toBe(false);
  });

  it('short output and JSON are never paged', () => {
    expect(onTerminal(['status'], { PAGER: pager }).screen).toContain('topics');
    const json = onTerminal(['list', '--json'], { PAGER: pager });
    expect(json.screen).toContain('"command":"list"');
    expect(existsSync(paged)).toBe(false);
  });

  it('a pager that cannot be started: the text is printed as it is', () => {
    const { screen, code } = onTerminal(['list'], { PAGER: join(dir(), 'no-such-pager') });
    expect(code).toBe(0);
    expect(screen).toContain('Part 1: Fundamentals');
    expect(screen).toContain('9.5 System Design');
  });
});

describe('in a pipe', () => {
  it('never pages, however long the text', () => {
    const { stdout, code } = run(dir(), ['list'], { env: { PAGER: pager, LINES: '5' } });
    expect(code).toBe(0);
    expect(stdout).toContain('9.5 System Design');
    expect(existsSync(paged)).toBe(false);
  });
});
