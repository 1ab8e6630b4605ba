/**
 * Long text through the learner's pager, as git does: $ROADMAP_PAGER, else $PAGER,
 * else `less -FRX` (which quits at once when the text fits, keeps colour, and leaves
 * the text on screen). Only ever for a terminal; the caller decides when.
 */

/** The pager command to run, or undefined when none should be (unset to "" or `cat`). */
export function pagerCommand(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = (env.ROADMAP_PAGER ?? env.PAGER ?? 'less -FRX').trim();
  return chosen === '' || chosen === 'cat' ? undefined : chosen;
}

/** The rows the terminal has: its own size, else LINES; undefined when unknown. */
export function terminalRows(env: NodeJS.ProcessEnv, rows: number | undefined): number | undefined {
  if (rows !== undefined && rows > 0) return rows;
  const lines = Number(env.LINES);
  return Number.isInteger(lines) && lines > 0 ? lines : undefined;
}

/** The shell's exit codes for a command it could not find or not run. */
const NOT_STARTED = new Set([126, 127]);

/**
 * Runs `command` with `text` on its stdin and the terminal as its stdout; false when it
 * could not be started, so that the caller prints the text itself.
 */
export function pageThrough(command: string, text: string, env: NodeJS.ProcessEnv): boolean {
  // Loaded only to page: the fast path does not pay for node:child_process.
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  // A Ctrl-C is for the pager (less stays, as it should); roadmap waits for it rather than die under it.
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  try {
    const result = spawnSync(command, {
      shell: true,
      input: text,
      stdio: ['pipe', 'inherit', 'inherit'],
      // As git does: less keeps colour and quits when the text fits, unless LESS says otherwise.
      env: env.LESS === undefined ? { ...env, LESS: 'FRX' } : env,
    });
    // EPIPE: the pager was quit before it read everything, which is how a pager is used.
    if (result.error) return (result.error as NodeJS.ErrnoException).code === 'EPIPE';
    return !(result.status !== null && NOT_STARTED.has(result.status));
  } finally {
    process.off('SIGINT', ignore);
  }
}
