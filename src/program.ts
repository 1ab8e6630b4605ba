/** The full program: commander and every command, loaded only when the fast path does not apply. */
import { jsonRequested } from './commands/argv.js';
import { buildProgram } from './cli.js';
import { handleError } from './error-handler.js';
import { ExitCode } from './errors.js';
import type { Io } from './session.js';

// For the fast path's bundle, whose specs load the menu from here (scripts/build.mjs).
export { pickDone, runMenu } from './commands/menu.js';

export async function runProgram(argv: readonly string[], io: Io): Promise<number> {
  // Decided before parsing, so that even a command line commander refuses gets a JSON error.
  const json = jsonRequested(argv.slice(2));
  try {
    await buildProgram(io, json).parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    return handleError(error, io, json);
  }
}
