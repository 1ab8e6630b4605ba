/** The full program: commander and every command, loaded only when the fast path does not apply. */
import { buildProgram } from './cli.js';
import { ExitCode } from './errors.js';
import { report } from './report.js';
import type { Io } from './session.js';

export async function runProgram(argv: readonly string[], io: Io): Promise<number> {
  // Known before parsing, so that even a command line commander refuses gets a JSON error.
  const json = argv.slice(2).includes('--json');
  try {
    await buildProgram(io, { json }).parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    return report(error, io, json);
  }
}
