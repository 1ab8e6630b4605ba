/**
 * Runs roadmap inside the test's own process, through main(argv, io) with a
 * recording Io: the same commands, store, roadmap and files as the built
 * binary, without starting Node for every command. `runIn` has `run`'s
 * signature and result (test/helpers/cli.ts), awaited, so a test file switches
 * by changing which of the two its helpers call.
 *
 * What the Io cannot stand in for stays spawned: stdin (`import -` reads fd 0),
 * a real process exit, signals, pipes and EPIPE, several processes at once, and
 * the home folder (src/io/paths.ts resolves `~` with os.homedir(), which reads
 * this process's HOME, not the Io's). runIn refuses those rather than touch the
 * test runner's stdin or the real home folder.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { clock, main } from '../../src/main.js';
import { runProgram } from '../../src/program.js';
import type { Io } from '../../src/session.js';
import { repoRoot, run, runEnv, type RunOptions, type RunResult } from './cli.js';

export interface InProcessOptions extends RunOptions {
  /** Pretend stdout is a terminal (colour, widths); false unless asked. */
  readonly stdoutIsTTY?: boolean;
  /** Pretend stdin is a terminal; false unless asked. */
  readonly stdinIsTTY?: boolean;
  /** Through the full (commander) program, even when the fast path would take the command line. */
  readonly program?: boolean;
}

/** A way to run `roadmap ...args` against a config folder: in this process, or as a child. */
export type Runner = (configDir: string, args: readonly string[], options?: InProcessOptions) => Promise<RunResult>;

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** What the program printed, as a child's output decodes it (text written as UTF-8 bytes). */
function recorder(): { write: (text: string) => void; text: () => string } {
  const chunks: Buffer[] = [];
  return { write: (text) => chunks.push(Buffer.from(text)), text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Why this run cannot be made in-process, or undefined when it can. */
function needsProcess(
  args: readonly string[],
  options: InProcessOptions,
  env: Record<string, string>,
): string | undefined {
  if ((options.input ?? '').length > 0 || args.includes('-')) return 'it reads stdin';
  const configured = (dir: string | undefined, xdg: string | undefined): boolean =>
    Boolean(dir) || (xdg !== undefined && isAbsolute(xdg));
  if (
    !configured(env.ROADMAP_CONFIG_DIR, env.XDG_CONFIG_HOME) ||
    !configured(env.ROADMAP_CACHE_DIR, env.XDG_CACHE_HOME)
  ) {
    return 'it uses the home folder, which os.homedir() reads from the real process environment';
  }
  return undefined;
}

/**
 * Runs `roadmap ...args` in this process with the given config folder, in the
 * same pinned environment as `run`; resolves to what it printed and its exit code.
 */
export const runIn: Runner = async (configDir, args, options = {}) => {
  const env = runEnv(configDir, options.env);
  const reason = needsProcess(args, options, env);
  if (reason !== undefined) throw new Error(`roadmap ${args.join(' ')} cannot run in-process (${reason}): use run`);
  const out = recorder();
  const err = recorder();
  const io: Io = {
    out: out.write,
    err: err.write,
    env,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stdinIsTTY: options.stdinIsTTY ?? false,
    now: clock(env),
    version,
    cwd: options.cwd ?? configDir,
  };
  const argv = ['node', 'roadmap', ...args];
  const code = options.program ? await runProgram(argv, io) : await main(argv, io);
  return { stdout: out.text(), stderr: err.text(), code };
};

/** `run` (the built binary, as a child process) as a Runner. */
export const spawned: Runner = (configDir, args, options) => Promise.resolve(run(configDir, args, options));
