/**
 * A cross-process lock around every read-modify-write of the progress file.
 * conf writes atomically but does not lock, so two `roadmap done` at once could
 * each read the old file and the second write would drop the first's change.
 *
 * The lock is a file created with O_EXCL holding the owner's pid, host and a
 * random token. A lock whose owner is gone (killed, crashed) or that is older
 * than any write could take is stale and is broken, under a second exclusive
 * "break" file so that two waiters never both break and one never deletes a
 * lock the other has just taken.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { CliError } from '../errors.js';

export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  /** Milliseconds since the lock file was last modified. */
  readonly ageMs: number;
}

export interface LockOptions {
  /** Give up waiting for a live owner after this long. */
  readonly timeoutMs?: number;
  /** A lock held longer than this is stale even if its owner seems alive: writes take milliseconds. */
  readonly staleMs?: number;
  /** Told when a stale lock is broken, so the user hears about it. */
  readonly onStale?: (info: LockInfo, why: string) => void;
}

const BREAK_STALE_MS = 5_000;
/** A lock held this long is stale even if its owner seems alive: a save takes milliseconds. */
export const STALE_MS = 10_000;

export function readLock(path: string): LockInfo | undefined {
  let text: string;
  let mtime: number;
  try {
    mtime = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  const ageMs = Math.max(0, Date.now() - mtime);
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    return { pid: Number(data.pid), host: String(data.host), token: String(data.token), ageMs };
  } catch {
    // Created but not yet written, or garbage: only its age can tell.
    return { pid: Number.NaN, host: '', token: text, ageMs };
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why a lock is stale, or undefined while its owner may still be writing. */
export function staleReason(info: LockInfo, staleMs: number): string | undefined {
  if (info.host === hostname() && Number.isInteger(info.pid) && info.pid !== process.pid && !isAlive(info.pid)) {
    return `process ${info.pid} that held it is no longer running`;
  }
  if (info.ageMs > staleMs) return `it has been held for ${Math.round(info.ageMs / 1000)} s`;
  return undefined;
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes the lock if it still is the stale one we saw; true when this call removed it. */
function breakLock(path: string, seen: LockInfo): boolean {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, String(process.pid))) {
    const other = readLock(breaker);
    if (other && other.ageMs > BREAK_STALE_MS) unlinkIfPresent(breaker);
    return false;
  }
  try {
    if (readLock(path)?.token !== seen.token) return false;
    unlinkIfPresent(path);
    return true;
  } finally {
    unlinkIfPresent(breaker);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the lock at `path` and returns the function that releases it. */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<() => void> {
  const { timeoutMs = 20_000, staleMs = STALE_MS, onStale } = options;
  // Unique enough to tell two holders apart; node:crypto would cost start-up time for nothing more.
  const token = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const content = JSON.stringify({ pid: process.pid, host: hostname(), token, at: new Date().toISOString() });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryCreate(path, content)) {
      return () => {
        // Only ever remove our own lock: if it was broken as stale, it may be someone else's now.
        if (readLock(path)?.token === token) unlinkIfPresent(path);
      };
    }
    const holder = readLock(path);
    if (holder) {
      const why = staleReason(holder, staleMs);
      if (why !== undefined && breakLock(path, holder)) {
        onStale?.(holder, why);
        continue;
      }
      if (Date.now() > deadline) {
        throw new CliError(
          `the progress file is locked by process ${Number.isNaN(holder.pid) ? '(unknown)' : holder.pid}; try again, or if no roadmap is running, remove ${path}`,
        );
      }
    }
    await sleep(10 + Math.random() * 30);
  }
}
