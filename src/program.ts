/** The full program: commander and every command, loaded only when the fast path does not apply. */
import { jsonRequested } from './commands/argv.js';
import { GLOBAL_OPTIONS } from './commands/globals.js';
import { COMMANDS } from './commands/registry.js';
import { buildProgram } from './cli.js';
import { handleError } from './error-handler.js';
import { ExitCode } from './errors.js';
import type { Io } from './session.js';

export async function runProgram(argv: readonly string[], io: Io): Promise<number> {
  // Decided before parsing, so that even a command line commander refuses gets a JSON error.
  const json = jsonRequested(argv.slice(2), [...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => c.options ?? [])]);
  try {
    await buildProgram(io, json).parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    return handleError(error, io, json);
  }
}
