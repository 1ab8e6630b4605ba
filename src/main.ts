/** The entry: the fast path for the plain everyday commands (src/quick.ts), or the full commander program. */
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { rootCommand } from './commands/fast.js';
import { isIsoTime } from './core/time.js';
import { ExitCode } from './errors.js';
import { packageRoot } from './io/paths.js';
import { canPrompt } from './io/prompts.js';
import { isTerminal } from './io/terminal.js';
import { OutputClosed, handleError } from './error-handler.js';
import { quickForm, runQuick, type QuickForm } from './quick.js';
import type { Io } from './session.js';

/** Set by the build (scripts/build.mjs); absent when the sources run directly. */
declare const __ROADMAP_VERSION__: string | undefined;

function version(): string {
  if (typeof __ROADMAP_VERSION__ === 'string') return __ROADMAP_VERSION__;
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Writes straight to the file descriptor: setting up process.stdout's stream
 * machinery costs more than a short command's whole output.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new OutputClosed();
      if (code !== 'EAGAIN') throw error;
      // A non-blocking pipe that is full: wait a moment for the reader.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/**
 * The clock. ROADMAP_NOW (an ISO time in UTC, `2026-11-27T09:00:00Z`) fixes it, so
 * that tests and reproducible reports do not depend on the machine's date; any
 * other value is ignored.
 */
export function clock(env: NodeJS.ProcessEnv): () => Date {
  const fixed = isIsoTime(env.ROADMAP_NOW) ? Date.parse(env.ROADMAP_NOW) : Number.NaN;
  return Number.isNaN(fixed) ? () => new Date() : () => new Date(fixed);
}

function defaultIo(): Io {
  return {
    out: (text) => writeAll(1, text),
    err: (text) => writeAll(2, text),
    env: process.env,
    stdoutIsTTY: isTerminal(1),
    stdinIsTTY: isTerminal(0),
    // Read when a prompt is drawn, never at start-up: process.stdout is built on first use.
    terminalSize: () => ({ rows: process.stdout.rows, columns: process.stdout.columns }),
    now: clock(process.env),
    version: version(),
    cwd: process.cwd(),
  };
}

export async function main(argv: readonly string[] = process.argv, io: Io = defaultIo()): Promise<number> {
  let quick: QuickForm | undefined;
  try {
    quick = quickForm(argv.slice(2));
    // A bare `roadmap` at a terminal opens the menu, which is the full program's.
    const menu = quick?.spec === rootCommand && !quick.parsed.global.json;
    if (menu && canPrompt({ ...io, noInput: quick?.parsed.global.input === false })) quick = undefined;
    if (!quick) {
      // commander and every other command load only here (a separate file in the build).
      const { runProgram } = await import('./program.js');
      return await runProgram(argv, io);
    }
    await runQuick(quick, io);
    return ExitCode.ok;
  } catch (error) {
    return handleError(error, io, quick?.parsed.global.json ?? false);
  }
}
