/** The full program: commander and every command, loaded only when the fast path does not apply. */
import { buildProgram } from './cli.js';
import { ExitCode } from './errors.js';
import { report } from './report.js';
import type { Io } from './session.js';

export async function runProgram(argv: readonly string[], io: Io): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    return report(error, io);
  }
}
