/** The one error handler: every failure becomes one line on stderr and an exit code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram, CommanderError, type Io } from './cli.js';
import { CliError, ExitCode } from './errors.js';
import { packageRoot } from './io/paths.js';
import { clean } from './render/style.js';

function defaultIo(): Io {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    // Typed boolean, but undefined when stdout is a pipe or a file.
    stdoutIsTTY: Boolean(process.stdout.isTTY as boolean | undefined),
    now: () => new Date(),
    version,
    cwd: process.cwd(),
  };
}

export async function main(argv: readonly string[] = process.argv, io: Io = defaultIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    return report(error, io);
  }
}

const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (with a "did you mean" where it has one).
    return COMMANDER_OK.has(error.code) ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof CliError) {
    // Messages can quote roadmap titles (candidates for a REF), which are untrusted text.
    if (error.message !== '') io.err(`error: ${clean(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`error: unexpected failure: ${message}\n`);
  if (io.env.ROADMAP_DEBUG) io.err(`${error instanceof Error ? error.stack : ''}\n`);
  else io.err('Set ROADMAP_DEBUG=1 to see the details.\n');
  return ExitCode.failure;
}
