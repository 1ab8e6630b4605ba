/** Shell completion, checked in a real bash: what it completes for commands, options and IDs. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roadmapOnPath } from '../helpers/cli.js';
import { expectCleanError, useConfigDir } from '../helpers/bundled-roadmap.js';

const { dir, roadmap } = useConfigDir();

/** What bash completes for the words typed after `roadmap`, with `roadmap` on PATH as a user has it. */
function complete(words: string[], env: Record<string, string> = {}): string[] {
  const bin = roadmapOnPath(dir());
  const script = [
    'source <(roadmap completion bash)',
    `COMP_WORDS=(roadmap ${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length}`,
    '_roadmap',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir(), ROADMAP_CONFIG_DIR: dir(), ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter((l) => l !== '');
}

describe('bash completion', () => {
  it('completes commands', () => {
    expect(complete(['d'])).toEqual(['done', 'doctor']);
    expect(complete(['sta'])).toEqual(['status', 'start', 'stats']);
  });

  it("completes a command's options", () => {
    expect(complete(['list', '--d'])).toEqual(['--depth']);
    expect(complete(['doctor', '--r'])).toEqual(['--repair']);
  });

  it('completes the IDs of the active roadmap', () => {
    expect(complete(['done', '2.3'])).toEqual(['2.3', '2.3.1']);
    expect(complete(['project', 'p'])).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('completes the IDs of a custom roadmap chosen with ROADMAP_FILE', () => {
    const plan = join(dir(), 'plan.md');
    writeFileSync(plan, '# Plan\n## A\n- one\n- two\n## B\n- three\n');
    expect(complete(['done', ''], { ROADMAP_FILE: plan })).toEqual(['1', '1.1', '1.2', '2', '2.1']);
  });
});

describe('roadmap completion', () => {
  it.each([
    ['zsh', 'bashcompinit'],
    ['fish', 'complete -c roadmap'],
  ])('prints a %s script', async (shell, marker) => {
    const { stdout, code } = await roadmap('completion', shell);
    expect(code).toBe(0);
    expect(stdout).toContain(marker);
    expect(stdout).toContain('roadmap completion ids');
  });

  it('refuses an unknown shell', async () => {
    const result = await roadmap('completion', 'tcsh');
    expectCleanError(result, 2);
    expect(result.stderr).toContain('choose bash, zsh or fish');
  });
});
