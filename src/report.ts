/** The one error handler: every failure becomes one line on stderr and an exit code. */
import { clean } from './core/text.js';
import { CliError, ExitCode } from './errors.js';
import type { Io } from './session.js';

/** The reader of our output went away (`roadmap list | head -1`): their choice, not an error. */
export class OutputClosed extends Error {
  override readonly name = 'OutputClosed';
}

const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

export function report(error: unknown, io: Io): number {
  if ((error as Error | null)?.name === 'OutputClosed') return ExitCode.ok;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    // A CommanderError: commander has already printed its message (with a "did you mean" where it has one).
    return COMMANDER_OK.has(code) ? ExitCode.ok : ExitCode.usage;
  }
  try {
    if (error instanceof CliError) {
      // Messages can quote roadmap titles (candidates for a REF), which are untrusted text.
      if (error.message !== '') io.err(`error: ${clean(error.message)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`error: unexpected failure: ${clean(message)}\n`);
    if (io.env.ROADMAP_DEBUG) io.err(`${error instanceof Error ? error.stack : ''}\n`);
    else io.err('Set ROADMAP_DEBUG=1 to see the details.\n');
    return ExitCode.failure;
  } catch (failure) {
    if ((failure as Error | null)?.name === 'OutputClosed')
      return error instanceof CliError ? error.exitCode : ExitCode.failure;
    throw failure;
  }
}
