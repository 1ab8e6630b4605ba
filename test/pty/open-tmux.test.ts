/**
 * `roadmap open` as a person at a terminal runs it: the built binary in a real
 * pseudo-terminal (tmux), with $BROWSER a script that records what it was given
 * and then stays, as a browser does. roadmap must return without waiting for it,
 * and must not hand it the terminal's stdin.
 * tmux is installed by .ci/run; without it the test is skipped locally and
 * fails in CI, so it cannot pass by not running.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, tempDir } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const inCi = Boolean(process.env.CI);

/** Waits up to 20 s for `file` to hold a line that `pattern` matches; returns the file's text. */
async function waitForFile(file: string, pattern: RegExp): Promise<string> {
  let text = '';
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (pattern.test(text)) return text;
  }
  throw new Error(`${file} never matched ${pattern}; it held:\n${text}`);
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!hasTmux && !inCi)('roadmap open in a real terminal (tmux)', () => {
  const socket = `roadmap-open-test-${process.pid}`;
  const folders: { cleanup: () => void }[] = [];
  /** The pretend browsers this test started, ended by their own pid. */
  const browsers: number[] = [];

  afterEach(() => {
    for (const pid of browsers.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGTERM');
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    for (const f of folders.splice(0)) f.cleanup();
  });

  it('hands the link to $BROWSER and returns while the browser stays, without giving it the terminal', async () => {
    expect(hasTmux, 'tmux is missing: .ci/run installs it').toBe(true);
    const config = tempDir();
    const cache = tempDir();
    folders.push(config, cache);
    const dir = config.dir;
    writeFileSync(
      join(dir, 'course.md'),
      '# Course\n\n## Python\n\n- [ ] Basics: [tutorial](https://docs.python.org/3/tutorial/)\n',
    );
    const record = join(dir, 'browser-was-given');
    const browser = join(dir, 'browser.sh');
    // Records its pid, its arguments and whether its stdin is the terminal, then stays as a browser would.
    writeFileSync(
      browser,
      `#!/bin/sh\n{ echo "pid $$"; echo "args $*"; if [ -t 0 ]; then echo 'stdin terminal'; else echo 'stdin other'; fi; } > '${record}.part'\nmv '${record}.part' '${record}'\nexec sleep 300\n`,
    );
    chmodSync(browser, 0o755);
    const exitFile = join(dir, 'exit-code');
    const command = [
      'env -u CI -u FORCE_COLOR NO_COLOR=1',
      `ROADMAP_CONFIG_DIR='${dir}'`,
      `ROADMAP_CACHE_DIR='${cache.dir}'`,
      `HOME='${join(dir, 'home')}'`,
      `BROWSER='${browser}'`,
      `'${process.execPath}' '${binPath}' --file '${join(dir, 'course.md')}' open 1.1`,
      `; echo $? > '${exitFile}.part'; mv '${exitFile}.part' '${exitFile}'`,
    ].join(' ');
    execFileSync('tmux', [
      '-L',
      socket,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      'open',
      '-x',
      '120',
      '-y',
      '20',
      'sh',
      '-c',
      `${command}; sleep 60`,
    ]);

    const given = await waitForFile(record, /^stdin /m);
    const pid = Number(/^pid (\d+)$/m.exec(given)?.[1]);
    browsers.push(pid);
    expect(given).toContain('args https://docs.python.org/3/tutorial/\n');
    expect(given).toContain('stdin other\n');
    expect(await waitForFile(exitFile, /\d/)).toBe('0\n');
    // roadmap has exited; the browser it started is still there.
    expect(isRunning(pid)).toBe(true);
    const screen = execFileSync('tmux', ['-L', socket, 'capture-pane', '-p', '-t', 'open'], { encoding: 'utf8' });
    expect(screen).toContain('Opened https://docs.python.org/3/tutorial/  tutorial');
  });
});
