/** The one error handler: every failure becomes one line on stderr (JSON with --json) and an exit code. */
import { clean } from './core/text.js';
import { CliError, ExitCode, RefError, type ErrorCode } from './errors.js';
import { errorJson, jsonText } from './render/json.js';
import type { Io } from './session.js';

/** The reader of our output went away (`roadmap list | head -1`): their choice, not an error. */
export class OutputClosed extends Error {
  override readonly name = 'OutputClosed';
}

const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

export function handleError(error: unknown, io: Io, json = false): number {
  if ((error as Error | null)?.name === 'OutputClosed') return ExitCode.ok;
  const say = (exitCode: number, code: ErrorCode, message: string): number => {
    const candidates = error instanceof RefError ? error.candidates : undefined;
    io.err(json ? jsonText(errorJson(exitCode, code, message, candidates)) : `error: ${clean(message)}\n`);
    return exitCode;
  };
  try {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      if (COMMANDER_OK.has(code)) return ExitCode.ok;
      // A CommanderError. Without --json commander has printed it already (with a "did you mean").
      if (!json) return ExitCode.usage;
      return say(ExitCode.usage, 'usage', (error as Error).message.replace(/^error: /, ''));
    }
    if (error instanceof CliError) {
      // Messages can quote roadmap titles (candidates for a REF), which are untrusted text.
      return error.message === '' ? error.exitCode : say(error.exitCode, error.code, error.message);
    }
    const message = error instanceof Error ? error.message : String(error);
    say(ExitCode.failure, 'unexpected', `unexpected failure: ${message}`);
    if (!json) {
      if (io.env.ROADMAP_DEBUG) io.err(`${error instanceof Error ? error.stack : ''}\n`);
      else io.err('Set ROADMAP_DEBUG=1 to see the details.\n');
    }
    return ExitCode.failure;
  } catch (failure) {
    if ((failure as Error | null)?.name === 'OutputClosed')
      return error instanceof CliError ? error.exitCode : ExitCode.failure;
    throw failure;
  }
}
