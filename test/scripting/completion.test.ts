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
    // In the test's folder, where the files it completes are.
    cwd: dir(),
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

  it('finds the command after global options, and takes IDs from the --file it names', () => {
    writeFileSync(join(dir(), 'plan.md'), '# Plan\n## A\n- one\n- two\n');
    expect(complete(['--file', 'plan.md', 'done', ''])).toEqual(['1', '1.1', '1.2']);
    expect(complete(['--file=plan.md', '--no-color', 'undone', '1.'])).toEqual(['1.1', '1.2']);
    expect(complete(['--no-color', 'li'])).toEqual(['list']);
  });

  it('completes file names where a file goes, and the values an option takes', () => {
    writeFileSync(join(dir(), 'backup-for-completion.json'), '{}');
    expect(complete(['import', 'backup-for-c'])).toEqual(['backup-for-completion.json']);
    expect(complete(['export', '-o', 'backup-for-c'])).toEqual(['backup-for-completion.json']);
    expect(complete(['--file', 'backup-for-c'])).toEqual(['backup-for-completion.json']);
    expect(complete(['report', '--format', ''])).toEqual(['text', 'md', 'csv', 'json']);
    expect(complete(['export', '--format', 'h'])).toEqual(['html']);
    expect(complete(['completion', ''])).toEqual(['bash', 'zsh', 'fish', 'ids']);
    expect(complete(['help', 'st'])).toEqual(['status', 'start', 'stats']);
  });

  it('completes the IDs of a custom roadmap chosen with ROADMAP_FILE', () => {
    const plan = join(dir(), 'plan.md');
    writeFileSync(plan, '# Plan\n## A\n- one\n- two\n## B\n- three\n');
    expect(complete(['done', ''], { ROADMAP_FILE: plan })).toEqual(['1', '1.1', '1.2', '2', '2.1']);
  });
});

/** Whether a shell is installed; under CI .ci/run installs it, so its tests never skip there. */
const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const ci =
  process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false';

describe.skipIf(!has('fish') && !ci)('fish completion, checked in fish', () => {
  /** What fish offers for a command line (`complete -C`), as `word<TAB>description` lines. */
  function fish(line: string): string[] {
    const bin = roadmapOnPath(dir());
    const result = spawnSync(
      'fish',
      ['--no-config', '-c', `roadmap completion fish | source; complete -C ${JSON.stringify(line)}`],
      {
        env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir(), ROADMAP_CONFIG_DIR: dir() },
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.split('\n').filter((l) => l !== '');
  }

  it('completes commands with their descriptions', () => {
    expect(fish('roadmap d')).toEqual([
      'doctor\tcheck the progress file, its lock and saved records; --repair fixes what it can',
      'done\tmark topics, sections, parts or projects done (all REFs or none); alone, pick from a list',
    ]);
  });

  it('completes IDs, option values and options with their descriptions', () => {
    expect(fish('roadmap done 2.3')).toEqual(['2.3', '2.3.1']);
    expect(fish('roadmap report --format ').map((l) => l.split('\t')[0])).toEqual(['csv', 'json', 'md', 'text']);
    expect(fish('roadmap list --d')).toEqual(['--depth\tshow this many levels (1 = parts only)']);
  });
});

describe.skipIf(!has('zsh') && !ci)('zsh completion', () => {
  it("is zsh's own (no bashcompinit), parses, and registers _roadmap for roadmap", async () => {
    const { stdout } = await roadmap('completion', 'zsh');
    expect(stdout).not.toContain('bashcompinit');
    const file = join(dir(), 'roadmap.zsh');
    writeFileSync(file, stdout);
    const result = spawnSync(
      'zsh',
      ['-fc', `autoload -U compinit && compinit -u -D && source ${file} && print -- $_comps[roadmap]`],
      { env: { PATH: process.env.PATH, HOME: dir() }, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('_roadmap\n');
  });
});

describe('roadmap completion', () => {
  it.each([
    ['zsh', 'compdef _roadmap roadmap'],
    ['fish', 'complete -c roadmap'],
  ])('prints a %s script', async (shell, marker) => {
    const { stdout, code } = await roadmap('completion', shell);
    expect(code).toBe(0);
    expect(stdout).toContain(marker);
    expect(stdout).toContain('completion ids');
  });

  it('refuses an unknown shell', async () => {
    const result = await roadmap('completion', 'tcsh');
    expectCleanError(result, 2);
    expect(result.stderr).toContain('choose bash, zsh or fish');
  });
});
