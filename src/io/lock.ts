/**
 * A cross-process lock around every read-modify-write of the progress file.
 * The atomic write alone does not lock, so two `roadmap done` at once could
 * each read the old file and the second write would drop the first's change.
 *
 * The rules (docs/storage.md, the lock):
 * - The lock is a regular file naming its owner: pid, the process's start time,
 *   host, pid namespace and a random token. It appears whole: the content is
 *   written to a temp file that is then hard-linked into place, so no one ever
 *   sees it half-written and a full disk leaves nothing behind.
 * - The lock of a live process on this host is never broken, however long it
 *   is held: a paused or slow writer keeps it. A lock whose process is gone is
 *   stale. A lock from another host, or naming no process, can only be judged by
 *   its time: stale once that is more than STALE_MS from now, either way (a
 *   time in the future is as wrong as a very old one). Stale locks are broken
 *   under a second exclusive "break" file, so two waiters never both break one.
 * - A waiter gives up only when the same holder keeps the lock for the whole
 *   timeout; a lock changing hands starts the count again, so a crowd of
 *   writers all get their turn.
 * - Anything else in the lock's place (a symbolic link, a folder, a FIFO) or a
 *   lock that cannot be read is refused at once: roadmap never made it.
 */
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  readSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { LockedError } from '../errors.js';

export interface LockInfo {
  /** NaN when the lock names no process (garbage, or written by something else). */
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  /** Milliseconds since the lock file was last modified; negative when that is in the future. */
  readonly ageMs: number;
  /** Tells one holder from the next: a new lock, or a rewritten one, has another key. */
  readonly key: string;
  /** The owner's start time and pid namespace, to tell it from a later process with its pid. */
  readonly start?: string;
  readonly pidns?: string;
}

export interface LockOptions {
  /** Give up when one holder keeps the lock this long while we wait. */
  readonly timeoutMs?: number;
  /** A lock that can only be judged by its time is stale when that is this far from now. */
  readonly staleMs?: number;
  /** Told when a stale lock is broken, so the user hears about it. */
  readonly onStale?: (info: LockInfo, why: string) => void;
}

export interface HeldLock {
  /** Whether the lock file is still this holder's (false once it was broken or removed). */
  readonly held: () => boolean;
  readonly release: () => void;
}

/** Something in the lock's place that roadmap did not make, or cannot read. */
export class BadLockError extends Error {
  constructor(
    readonly path: string,
    /** What is wrong, e.g. "is a symbolic link to /nowhere, which does not exist". */
    readonly what: string,
    /** Whether removing it is safe and is what `doctor --repair` does. */
    readonly removable: boolean,
  ) {
    super(`the lock file ${path} ${what}`);
    this.name = 'BadLockError';
  }
}

const BREAK_STALE_MS = 5_000;
/** A lock judged by its time alone is stale when that time is this far from now. */
export const STALE_MS = 10_000;
/** A lock is a line of JSON; more than this is not one of ours, and is not read further. */
const MAX_LOCK_BYTES = 4_096;

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** Start time (in clock ticks since boot) of a process, where /proc tells it. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" do not.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** This process's pid namespace: a pid means the same process only within one. */
function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

function describeUnopenable(path: string, error: unknown): BadLockError {
  let link: string | undefined;
  try {
    link = lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    // Not a link, or it changed meanwhile: described below by the error.
  }
  if (link === undefined) return new BadLockError(path, `cannot be read (${(error as Error).message})`, false);
  let dangling = false;
  try {
    statSync(path);
  } catch {
    dangling = true;
  }
  const what = `is a symbolic link to ${link}${dangling ? ', which does not exist' : ''}, not a lock roadmap made`;
  return new BadLockError(path, what, true);
}

/** The lock at `path`, or undefined when there is none; BadLockError for anything else there. */
export function readLock(path: string): LockInfo | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: a symbolic link is refused, not followed; O_NONBLOCK: a FIFO cannot hang the open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    // ENOTDIR: the folder's path runs through a file, so no lock can be there.
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    // A path too long is the folder's problem, not the lock's: the caller says so.
    if (codeOf(error) === 'ENAMETOOLONG') throw error;
    throw describeUnopenable(path, error);
  }
  let text: string;
  let mtime: number;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new BadLockError(path, 'is a folder, not a lock roadmap made', false);
    if (!stat.isFile()) throw new BadLockError(path, 'is not a regular file, not a lock roadmap made', false);
    mtime = stat.mtimeMs;
    const buffer = Buffer.alloc(MAX_LOCK_BYTES);
    text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, MAX_LOCK_BYTES, 0));
  } catch (error) {
    if (error instanceof BadLockError) throw error;
    throw new BadLockError(path, `cannot be read (${(error as Error).message})`, false);
  } finally {
    closeSync(fd);
  }
  const ageMs = Date.now() - mtime;
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const token = String(data.token);
    return {
      pid: Number(data.pid),
      host: String(data.host),
      token,
      ageMs,
      key: `${token}\0${mtime}`,
      ...(typeof data.start === 'string' ? { start: data.start } : {}),
      ...(typeof data.pidns === 'string' ? { pidns: data.pidns } : {}),
    };
  } catch {
    // Garbage, or a lock from a build that wrote it in two steps: only its time can tell.
    return { pid: Number.NaN, host: '', token: text, ageMs, key: `${text}\0${mtime}` };
  }
}

/** Whether the process a lock names is still running (on this host, in this pid namespace). */
function isRunning(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if (codeOf(error) !== 'EPERM') return false;
  }
  // A pid can be reused: a process started at another time is not the owner.
  const start = info.start === undefined ? undefined : processStart(info.pid);
  return start === undefined || start === info.start;
}

function isThisHost(info: LockInfo): boolean {
  // A pid of 0 or below would name a process group, never one process.
  if (info.host !== hostname() || !Number.isInteger(info.pid) || info.pid <= 0) return false;
  const ours = pidNamespace();
  return info.pidns === undefined || ours === undefined || info.pidns === ours;
}

/** Why a lock is stale, or undefined while its owner may still be writing. */
export function staleReason(info: LockInfo, staleMs: number = STALE_MS): string | undefined {
  if (isThisHost(info)) {
    // Never on age: a live owner may be paused (Ctrl-Z, a suspended laptop) or saving a big file.
    return isRunning(info) ? undefined : `process ${info.pid} that held it is no longer running`;
  }
  if (info.ageMs > staleMs) return `it has been held for ${Math.round(info.ageMs / 1000)} s`;
  if (-info.ageMs > staleMs) return `its time is ${Math.round(-info.ageMs / 1000)} s in the future`;
  return undefined;
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}

/** Errors of link() on file systems without hard links (FAT, some network and FUSE ones). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/** Creates the lock file whole with `content`; false when one is already there. */
function tryCreate(path: string, content: string, temp: string): boolean {
  try {
    writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // A full disk fails here, before anything is in the lock's place.
    unlinkIfPresent(temp);
    throw error;
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    // ENOENT: a `doctor --repair` removed the temp file as a leftover; try again.
    if (codeOf(error) === 'ENOENT') return false;
    if (!NO_HARD_LINKS.has(codeOf(error) ?? '')) throw error;
    return createInPlace(path, content);
  } finally {
    unlinkIfPresent(temp);
  }
}

/** Without hard links: create exclusively, then write; a failed write removes the lock again. */
function createInPlace(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } catch (error) {
    closeSync(fd);
    unlinkIfPresent(path);
    throw error;
  }
  closeSync(fd);
  return true;
}

/** Removes the lock if it still is the stale one we saw; true when this call removed it. */
function breakLock(path: string, seen: LockInfo): boolean {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, String(process.pid), `${path}.tmp-break-${randomPart()}`)) {
    const other = readLock(breaker);
    if (other && other.ageMs > BREAK_STALE_MS) unlinkIfPresent(breaker);
    return false;
  }
  try {
    if (readLock(path)?.key !== seen.key) return false;
    unlinkIfPresent(path);
    return true;
  } finally {
    unlinkIfPresent(breaker);
  }
}

/** Unique enough to tell two holders apart; node:crypto would cost start-up time for nothing more. */
const randomPart = (): string => Math.random().toString(36).slice(2);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the lock at `path` and returns it held. */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const { timeoutMs = 20_000, staleMs = STALE_MS, onStale } = options;
  const token = `${process.pid}-${Date.now().toString(36)}-${randomPart()}`;
  const start = processStart(process.pid);
  const pidns = pidNamespace();
  const content = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    token,
    at: new Date().toISOString(),
    ...(start === undefined ? {} : { start }),
    ...(pidns === undefined ? {} : { pidns }),
  });
  const temp = `${path}.tmp-${token}`;
  const held = (): boolean => {
    try {
      return readLock(path)?.token === token;
    } catch {
      return false;
    }
  };
  // The holder being waited for, and when waiting for that one holder runs out.
  let watched: string | undefined;
  let deadline = 0;
  for (let round = 0; ; round++) {
    const holder = readLock(path);
    if (holder === undefined) {
      if (tryCreate(path, content, temp)) {
        // Only ever remove our own lock: if it was broken, it may be someone else's now.
        return { held, release: () => (held() ? unlinkIfPresent(path) : undefined) };
      }
      continue;
    }
    const why = staleReason(holder, staleMs);
    if (why !== undefined && breakLock(path, holder)) {
      onStale?.(holder, why);
      continue;
    }
    if (holder.key !== watched) {
      watched = holder.key;
      deadline = Date.now() + timeoutMs;
    } else if (Date.now() > deadline) {
      throw new LockedError(
        `the progress file is locked by process ${Number.isNaN(holder.pid) ? '(unknown)' : holder.pid}; try again, or if no roadmap is running, remove ${path}`,
      );
    }
    // Short polls first (a save takes milliseconds), then calmer ones so a crowd of waiters does not starve the holder.
    await sleep(Math.min(10 + round * 5, 100) * (0.5 + Math.random()));
  }
}
