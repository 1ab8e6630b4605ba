/** Whether a file descriptor is a terminal, without paying for node:tty where it cannot be one. */
import { fstatSync, statSync } from 'node:fs';

export function isTerminal(fd: number): boolean {
  try {
    // node:tty loads node:net and the stream machinery; a pipe, a file or /dev/null is known without it.
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/**
 * How many columns text output may take: COLUMNS when set (as shells and `COLUMNS=80
 * roadmap ...` give it), else the terminal's width when stdout is one; undefined for a
 * pipe or a file, whose lines are not cut.
 */
export function outputColumns(
  env: NodeJS.ProcessEnv,
  stdoutIsTTY: boolean,
  size: (() => { readonly columns?: number | undefined }) | undefined,
): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return Math.max(fromEnv, MIN_COLUMNS);
  const columns = stdoutIsTTY ? size?.().columns : undefined;
  return columns !== undefined && columns > 0 ? Math.max(columns, MIN_COLUMNS) : undefined;
}

/** Narrower than this, nothing useful fits: lines are fitted to this many instead. */
const MIN_COLUMNS = 40;
