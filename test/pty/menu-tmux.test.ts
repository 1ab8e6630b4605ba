/**
 * The menu as a person meets it: the built binary in a real pseudo-terminal
 * (tmux), keys sent with send-keys, the screen read with capture-pane, then the
 * progress file read from disk.
 * tmux is installed by .ci/run; without it the test is skipped locally and
 * fails in CI, so it cannot pass by not running.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, tempDir } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const inCi = Boolean(process.env.CI);

describe.skipIf(!hasTmux && !inCi)('the menu in a real terminal (tmux)', () => {
  // Each session gets its own tmux server: a server told to exit can still be
  // shutting down when the next new-session connects to the same socket, which
  // then fails with "server exited unexpectedly".
  const sockets: string[] = [];
  let started = 0;
  const socket = (): string => sockets.at(-1) ?? '';
  const folders: { cleanup: () => void }[] = [];
  const tmux = (...args: string[]): string =>
    execFileSync('tmux', ['-L', socket(), '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const killServers = (): void => {
    for (const s of sockets.splice(0)) spawnSync('tmux', ['-L', s, 'kill-server']);
  };

  afterEach(() => {
    killServers();
    for (const f of folders.splice(0)) f.cleanup();
  });

  /** Polls the screen until `pattern` appears; fails with the screen if it does not within 20 s. */
  async function waitFor(pattern: RegExp): Promise<string> {
    let screen = '';
    for (const end = Date.now() + 20_000; Date.now() < end;) {
      screen = tmux('capture-pane', '-p', '-t', 'menu');
      if (pattern.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the screen never showed ${pattern}; it showed:\n${screen}`);
  }

  /** Starts `roadmap ...args` in a new tmux session; returns its config folder and the file its exit code goes to. */
  function start(args: string, colour: 'NO_COLOR=1' | 'TERM=xterm-256color'): { dir: string; exitFile: string } {
    expect(hasTmux, 'tmux is missing: .ci/run installs it').toBe(true);
    const config = tempDir();
    const cache = tempDir();
    folders.push(config, cache);
    const exitFile = join(config.dir, 'exit-code');
    // CI is removed on purpose: the point is a person at a terminal.
    const command = [
      'env -u CI -u FORCE_COLOR -u NO_COLOR',
      `ROADMAP_CONFIG_DIR='${config.dir}'`,
      `ROADMAP_CACHE_DIR='${cache.dir}'`,
      `HOME='${join(config.dir, 'home')}'`,
      colour,
      `'${process.execPath}' '${binPath}' ${args}`,
      // Written whole, then renamed: the test never reads a half-written file.
      `; echo $? > '${exitFile}.part'; mv '${exitFile}.part' '${exitFile}'`,
    ].join(' ');
    sockets.push(`roadmap-test-${process.pid}-${++started}`);
    tmux('new-session', '-d', '-s', 'menu', '-x', '120', '-y', '40', 'sh', '-c', `${command}; sleep 60`);
    return { dir: config.dir, exitFile };
  }

  /** The exit code roadmap ended with; fails if it has not ended within 20 s. */
  async function exitCode(exitFile: string): Promise<string> {
    for (const end = Date.now() + 20_000; !existsSync(exitFile) && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(existsSync(exitFile), 'roadmap did not exit within 20 s').toBe(true);
    return readFileSync(exitFile, 'utf8').trim();
  }

  it('with --no-color the prompts are plain too; without it they are coloured', async () => {
    // eslint-disable-next-line no-control-regex
    const sgr = /\x1b\[[0-9;]*m/;
    start('', 'TERM=xterm-256color');
    await waitFor(/Next up: 1\.1\.1/);
    expect(tmux('capture-pane', '-e', '-p', '-t', 'menu')).toMatch(sgr);
    start('--no-color', 'TERM=xterm-256color');
    await waitFor(/Next up: 1\.1\.1/);
    expect(tmux('capture-pane', '-e', '-p', '-t', 'menu')).not.toMatch(sgr);
  });

  it('marks the next topic done through the menu, and the file on disk has it', async () => {
    const { dir, exitFile } = start('', 'NO_COLOR=1');

    const menu = await waitFor(/Next up: 1\.1\.1/);
    expect(menu).toContain('0/44 topics, 0%');
    tmux('send-keys', '-t', 'menu', 'Enter');
    const topic = await waitFor(/What now with 1\.1\.1/);
    expect(topic).toContain('Part 1: Fundamentals › 1.1 Python Basics');
    expect(topic).toContain('Mark it done');
    tmux('send-keys', '-t', 'menu', 'Enter');
    const back = await waitFor(/Next up: 1\.1\.2/);
    expect(back).toContain('Marked done: 1.1.1');
    expect(back).toContain('1/44 topics, 2%');
    // Quit is the last of the eight choices.
    tmux('send-keys', '-t', 'menu', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter');
    expect(await exitCode(exitFile)).toBe('0');

    const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
      roadmaps: { bundled: { items: Record<string, { status: string }> } };
    };
    expect(saved.roadmaps.bundled.items).toEqual({
      'fundamentals/core-programming-skills/python-basics/syntax-data-types-control-structures-oop-concepts': {
        status: 'done',
        at: expect.any(String) as unknown,
      },
    });
  });

  it('Escape goes back one level, dropping a half-typed note and a half-ticked checklist unsaved; at the main menu it leaves (exit 0)', async () => {
    const { dir, exitFile } = start('', 'NO_COLOR=1');
    await waitFor(/Next up: 1\.1\.1/);
    // A note half typed on a topic's screen, then Escape: the topic again, no note.
    tmux('send-keys', '-t', 'menu', 'Enter');
    await waitFor(/❯ Mark it done/);
    tmux('send-keys', '-t', 'menu', 'Down', 'Down', 'Down');
    await waitFor(/❯ Add a note/);
    tmux('send-keys', '-t', 'menu', 'Enter');
    await waitFor(/Note on 1\.1\.1/);
    tmux('send-keys', '-t', 'menu', '-l', 'half a thought');
    await waitFor(/half a thought/);
    tmux('send-keys', '-t', 'menu', 'Escape');
    await waitFor(/\? What now with 1\.1\.1/);
    tmux('send-keys', '-t', 'menu', 'Escape');
    await waitFor(/\? Backend Development Roadmap/);
    tmux('send-keys', '-t', 'menu', 'Down', 'Enter');
    await waitFor(/❯ +1 +░+ +0% +Fundamentals/);
    tmux('send-keys', '-t', 'menu', 'Enter');
    await waitFor(/❯◯ 1\.1\.1/);
    tmux('send-keys', '-t', 'menu', 'Space');
    expect(await waitFor(/❯◉ 1\.1\.1/)).toContain('esc back');
    tmux('send-keys', '-t', 'menu', 'Escape');
    // The parts again, the checklist gone from the screen (not left above them).
    const parts = await waitFor(/❯ +1 +░+ +0% +Fundamentals/);
    expect(parts).not.toMatch(/[◉◯]/);
    expect(parts).not.toContain('1.1.2');
    tmux('send-keys', '-t', 'menu', 'Escape');
    await waitFor(/❯ Browse parts/);
    tmux('send-keys', '-t', 'menu', 'Escape');
    expect(await exitCode(exitFile)).toBe('0');
    expect(existsSync(join(dir, 'config.json')), 'nothing was saved').toBe(false);
  });
});
