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
