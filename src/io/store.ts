/**
 * The progress file. Reads go straight to the file (fast, no conf/ajv on the
 * start-up path of read-only commands), read once and checked once per run
 * unless it changed; writes are atomic in every environment (atomically: temp
 * file beside it, fsync, rename; then an fsync of the folder) under a
 * cross-process lock, and only while that lock is still ours. conf places the
 * file when a save creates it; later saves replace it where it is. A file this
 * build cannot read is never rewritten: every command stops with its path and
 * how to recover, and only `roadmap doctor --repair` moves it aside.
 */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  decodeState,
  emptyRoadmapState,
  emptyState,
  SCHEMA_VERSION,
  StateProblem,
  type RoadmapState,
  type SavedState,
} from '../core/state.js';
import { CliError, LockedError, ProgressFileError, WriteError } from '../errors.js';
import { MAX_PROGRESS_BYTES, readRegularFile, UnreadableFile } from './files.js';
import { acquireLock, BadLockError, readLock, staleReason, type HeldLock, type LockInfo } from './lock.js';

export const CONFIG_NAME = 'config';

export type LoadResult =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly state: SavedState }
  | { readonly kind: 'unreadable'; readonly problem: string; readonly text?: string; readonly newer: boolean };

const REPAIR_HINT = 'run "roadmap doctor --repair" to move it aside and keep what can be read, or fix it by hand';
/** For a file that could not even be read (a folder, no permission): salvage has nothing to work on. */
const BY_HAND_HINT = 'fix its permissions, or move it out of the way by hand';

/**
 * Hears every save, inside the lock: `record` before the file is replaced (it
 * may refuse the save by throwing: then nothing is saved), `saved` after.
 * Sync's event log is one (src/io/sync-journal.ts).
 */
export interface SaveJournal {
  record(before: SavedState, after: SavedState): void;
  saved(): void;
}

/** Thrown from inside atomically's write when the lock is no longer ours, so the rename never happens. */
class LockLost extends Error {}

/** What the lock file is: absent, held, stale, or something roadmap did not make. */
export type LockStatus =
  | { readonly state: 'held'; readonly info: LockInfo }
  | { readonly state: 'stale'; readonly info: LockInfo; readonly why: string }
  | { readonly state: 'bad'; readonly problem: BadLockError };

/** Where a save writes, and with what: loaded once, before the lock is taken, so holding it stays short. */
interface Saver {
  readonly path: string;
  readonly write: typeof import('./write-deps.js').writeFileAtomic;
}

export class ProgressStore {
  readonly file: string;
  readonly lockFile: string;
  private last: SavedState | undefined;
  /** The text last read and what it decoded to: the same bytes read again (under the lock) are not decoded again. */
  private decoded: { readonly text: string; readonly state: SavedState } | undefined;
  private saver: Promise<Saver> | undefined;
  /** The lock while `locked` runs: a save checks it is still ours before replacing the file. */
  private lock: HeldLock | undefined;

  /** `warn` hears about anything the user should know that is not an error (a stale lock broken). */
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void = () => undefined,
    private readonly journal?: SaveJournal,
  ) {
    this.file = join(dir, `${CONFIG_NAME}.json`);
    this.lockFile = `${this.file}.lock`;
  }

  /** What is on disk, without throwing: for `doctor`. */
  load(): LoadResult {
    let text: string;
    try {
      // Only a regular file, and only so much of it: a named pipe or /dev/zero in its place must not hang or flood us.
      text = readProgressText(this.file);
    } catch (error) {
      if (error instanceof UnreadableFile) return { kind: 'unreadable', problem: error.message, newer: false };
      // ENOTDIR: the folder's path runs through a file, so nothing can have been saved there.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
      return { kind: 'unreadable', problem: `cannot be read (${(error as Error).message})`, newer: false };
    }
    if (this.decoded?.text === text) return { kind: 'ok', state: this.decoded.state };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const what = text.trim() === '' ? 'is empty' : `is not valid JSON (${(error as Error).message})`;
      return { kind: 'unreadable', problem: what, text, newer: false };
    }
    try {
      const state = decodeState(data);
      this.decoded = { text, state };
      return { kind: 'ok', state };
    } catch (error) {
      if (!(error instanceof StateProblem)) throw error;
      const version = (data as { schemaVersion?: unknown }).schemaVersion;
      return {
        kind: 'unreadable',
        problem: error.message,
        text,
        newer: typeof version === 'number' && version > SCHEMA_VERSION,
      };
    }
  }

  /** The whole saved document; an absent file is an empty one. */
  readAll(): SavedState {
    const result = this.load();
    if (result.kind === 'absent') return emptyState();
    if (result.kind === 'ok') return result.state;
    const hint = result.text === undefined ? BY_HAND_HINT : REPAIR_HINT;
    const recover = result.newer ? 'It was left untouched.' : `It was left untouched: ${hint}.`;
    throw new ProgressFileError(`the progress file ${this.file} ${result.problem}. ${recover}`);
  }

  /**
   * The document as last read or written by this store: one read per run for the
   * commands that only show progress. Saves always read afresh under the lock.
   */
  snapshot(): SavedState {
    return (this.last ??= this.readAll());
  }

  /**
   * Whether `path` is the progress file or one of its companions (its lock, a
   * save's temp file, a repair's backup), after links are followed: no export
   * may land on one of them.
   */
  holds(path: string): boolean {
    const real = (p: string): string => {
      try {
        return realpathSync(p);
      } catch {
        return p;
      }
    };
    return basename(path).startsWith(basename(this.file)) && real(dirname(path)) === real(this.dir);
  }

  /** The document as it is on disk now, for a long-running session that must see other writers. */
  reload(): SavedState {
    this.last = undefined;
    return this.snapshot();
  }

  read(roadmapId: string): RoadmapState {
    return this.snapshot().roadmaps[roadmapId] ?? emptyRoadmapState();
  }

  /**
   * Read-modify-write of one roadmap's progress under the cross-process lock.
   * `change` sees the state as it is on disk now and returns the new state, or
   * undefined to write nothing.
   */
  async update(roadmapId: string, change: (current: RoadmapState) => RoadmapState | undefined): Promise<RoadmapState> {
    const saved = await this.updateAll((all) => {
      const next = change(all.roadmaps[roadmapId] ?? emptyRoadmapState());
      return next === undefined ? undefined : { ...all, roadmaps: { ...all.roadmaps, [roadmapId]: next } };
    });
    return saved.roadmaps[roadmapId] ?? emptyRoadmapState();
  }

  /**
   * Read-modify-write of the whole document (settings included) under the lock.
   * The journal hears the change unless `journal` is false (sync writing what
   * it merged from the logs, which are already there).
   */
  async updateAll(
    change: (current: SavedState) => SavedState | undefined,
    options: { readonly journal?: boolean } = {},
  ): Promise<SavedState> {
    // Fail on an unreadable file before taking the lock (and before creating the folder):
    // a file this run has read already was readable, and is read afresh under the lock below.
    if (this.last === undefined) this.readAll();
    await this.prepareSave();
    const journal = options.journal === false ? undefined : this.journal;
    const saved = await this.locked(async () => {
      const current = this.readAll();
      const next = change(current) ?? current;
      if (next !== current) {
        journal?.record(current, next);
        await this.write(next);
      }
      this.last = next;
      return { next, changed: next !== current };
    });
    if (saved.changed) journal?.saved();
    return saved.next;
  }

  /** The lock file, if any: held, stale (and why), or not a lock at all. */
  lockStatus(): LockStatus | undefined {
    let info: LockInfo | undefined;
    try {
      info = readLock(this.lockFile);
    } catch (error) {
      if (error instanceof BadLockError) return { state: 'bad', problem: error };
      // A folder path too long for the lock's name is reported by unwritable().
      if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return undefined;
      throw error;
    }
    if (!info) return undefined;
    const why = staleReason(info);
    return why === undefined ? { state: 'held', info } : { state: 'stale', info, why };
  }

  /** Removes a symbolic link in the lock's place (nothing else: a folder or a file we cannot read stays). */
  removeBadLock(): void {
    try {
      if (lstatSync(this.lockFile).isSymbolicLink()) unlinkSync(this.lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /** Why progress could not be saved here, or undefined if the folder is (or can be made) writable. */
  unwritable(): string | undefined {
    let dir = this.dir;
    // The folder itself, or the nearest existing folder above it that would hold it.
    for (;;) {
      try {
        if (!statSync(dir).isDirectory()) return `${dir} is a file, not a folder`;
        accessSync(dir, constants.W_OK);
        return dir === this.dir ? this.namesTooLong() : undefined;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${dir} cannot be written (${(error as Error).message})`;
      }
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Why the lock or a save's temp file could not be created in the folder: a path over the system's limit. */
  private namesTooLong(): string | undefined {
    // The longest names a save uses: a temp file of atomically's, and one of the lock's.
    for (const probe of [`${this.file}.tmp-0000000000000000`, `${this.lockFile}.tmp-${'0'.repeat(40)}`]) {
      try {
        lstatSync(probe);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') {
          return `its path is too long for the temporary files a save needs (${probe.length} characters)`;
        }
      }
    }
    return undefined;
  }

  /** Temp files of saves and lock takers that were killed before they finished. */
  leftovers(): string[] {
    const prefixes = [`${basename(this.file)}.tmp-`, `${basename(this.lockFile)}.tmp-`];
    try {
      return readdirSync(this.dir)
        .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)))
        .map((name) => join(this.dir, name));
    } catch {
      return [];
    }
  }

  /** Renames the progress file to a timestamped backup beside it and returns the backup's path. */
  moveAside(now: Date): string {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    // A hard link never replaces an existing file (rename would): an earlier
    // backup with the same name, from a repair in the same millisecond or with
    // the clock fixed, is kept, and this one takes the next free name.
    for (let n = 1; ; n++) {
      const backup = `${this.file}.corrupt-${stamp}${n === 1 ? '' : `-${n}`}`;
      try {
        linkSync(this.file, backup);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      unlinkSync(this.file);
      return backup;
    }
  }

  /** Undoes moveAside, when what should replace the file could not be written. */
  putBack(backup: string): void {
    renameSync(backup, this.file);
  }

  /**
   * The leftovers doctor may remove (plain files and links, as a save or a lock
   * taker leaves them) and the others, each with what it is (a folder, a path
   * too long to handle): never removed, only reported.
   */
  sortedLeftovers(): { readonly files: string[]; readonly others: string[] } {
    const files: string[] = [];
    const others: string[] = [];
    for (const path of this.leftovers()) {
      try {
        const stat = lstatSync(path);
        if (stat.isFile() || stat.isSymbolicLink()) files.push(path);
        else others.push(`${path} (${stat.isDirectory() ? 'a folder' : 'a special file'})`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') others.push(`${path} (${code ?? (error as Error).message})`);
      }
    }
    return { files, others };
  }

  /** Removes files that may be gone already (a lock taker's temp file lives only a moment). */
  removeFiles(paths: readonly string[]): void {
    for (const path of paths) {
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  /** Creates the progress folder (0700) if needed. */
  private ensureFolder(): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new WriteError(
        `cannot create the progress folder ${this.dir} (${(error as Error).message}); nothing was saved`,
      );
    }
  }

  /**
   * Loads what a save needs, before the lock is taken: atomically, which writes
   * it, and where the file lives. A file that exists is replaced where it is.
   * Only when there is none yet does conf place it (the path it names, from the
   * folder and CONFIG_NAME, is this.file: test/storage checks they agree). Only
   * then, because conf costs more than the rest of a save: ~1x Node's start-up
   * to import, and its constructor reads and parses the whole file and compares
   * it with assert.deepEqual, which loads assert and the stream machinery. Done
   * only while the file is readable: conf reads it.
   */
  private prepareSave(): Promise<Saver> {
    return (this.saver ??= (async () => {
      this.ensureFolder();
      try {
        const { writeFileAtomic } = await import('./write-deps.js');
        if (exists(this.file)) return { path: this.file, write: writeFileAtomic };
        const { Conf } = await import('./save-deps.js');
        const conf = new Conf<Record<string, unknown>>(confOptions(this.dir));
        return { path: conf.path, write: writeFileAtomic };
      } catch (error) {
        this.saver = undefined;
        throw new WriteError(`cannot save progress to ${this.file} (${(error as Error).message}); nothing was saved`);
      }
    })());
  }

  /**
   * Runs `work` holding the cross-process lock (breaking a stale one, with a
   * warning). Every change to the folder's files happens inside it.
   */
  async locked<T>(work: () => Promise<T>): Promise<T> {
    this.ensureFolder();
    let lock: HeldLock;
    try {
      lock = await acquireLock(this.lockFile, {
        onStale: (_info, why) => this.warn(`warning: removed a stale lock on the progress file (${why}).\n`),
      });
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (error instanceof BadLockError) {
        const fix = error.removable ? 'run "roadmap doctor --repair" to remove it' : 'remove it by hand';
        throw new LockedError(`${error.message}; if no roadmap is running, ${fix}; nothing was saved`);
      }
      throw new WriteError(
        `cannot lock the progress file ${this.file} (${(error as Error).message}); nothing was saved`,
      );
    }
    this.lock = lock;
    try {
      return await work();
    } finally {
      this.lock = undefined;
      try {
        lock.release();
      } catch (error) {
        // The work is done and saved; a lock left behind is for the next command (or doctor) to clear.
        this.warn(`warning: could not remove the lock ${this.lockFile} (${(error as Error).message}).\n`);
      }
    }
  }

  /**
   * Replaces the whole document; only inside `locked`. The new text is written
   * whole and flushed to a staged file beside the progress file (through
   * atomically, not conf: conf writes in place when SNAP is set, so a kill then
   * truncates the file); then, immediately before the rename that replaces the
   * file, the lock is checked to still be ours, so a save never overwrites a
   * change another command has reported saved.
   */
  async write(state: SavedState): Promise<void> {
    const saver = await this.prepareSave();
    // A progress file that is a symbolic link (kept with dotfiles) is replaced where it really is.
    const target = realPathOrSelf(saver.path);
    const staged = `${target}.tmp-staged-${process.pid}-${Date.now().toString(36)}`;
    // Encoded once: its length is the file's size, and atomically writes the bytes as they are.
    const bytes = Buffer.from(JSON.stringify(state, undefined, '\t'));
    // A file this size would be refused by every later read: refuse it now, while the old one is intact.
    if (bytes.length > MAX_PROGRESS_BYTES) {
      throw new WriteError(
        `the progress file would grow past ${MAX_PROGRESS_BYTES / 1024 / 1024} MB, more than roadmap reads; nothing was saved`,
      );
    }
    try {
      saver.write(staged, bytes, { mode: 0o600 });
      if (this.lock && !this.lock.held()) throw new LockLost();
      renameSync(staged, target);
    } catch (error) {
      rmSync(staged, { force: true });
      if (error instanceof LockLost) {
        throw new LockedError(
          `the lock on ${this.file} was removed or taken by another process while this one waited, so saving would overwrite its changes; nothing was saved`,
        );
      }
      throw new WriteError(`cannot save progress to ${this.file} (${(error as Error).message}); nothing was saved`);
    }
    this.syncFolderOf(target);
  }

  /** Flushes the file's folder, so the rename that replaced the file survives a power cut too. */
  private syncFolderOf(file: string): void {
    let fd: number | undefined;
    try {
      fd = openSync(dirname(file), 'r');
      fsyncSync(fd);
    } catch (error) {
      // Some file systems cannot flush a folder: the file itself is flushed, which is all they offer.
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF', 'EPERM', 'EACCES'].includes(code)) {
        throw new WriteError(
          `the change was written to ${this.file}, but its folder could not be flushed to disk (${(error as Error).message}); it may not survive a power cut`,
        );
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** How conf is told where the progress file of `dir` lives (and with which mode it is created). */
export const confOptions = (dir: string) =>
  ({
    projectName: 'roadmap',
    projectSuffix: '',
    cwd: dir,
    configName: CONFIG_NAME,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
  }) as const;

/** Whether anything (a dangling link included) is at `path`. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The progress file's text: only a regular file, of at most MAX_PROGRESS_BYTES. */
function readProgressText(path: string): string {
  return readRegularFile(path, MAX_PROGRESS_BYTES).toString('utf8');
}

function realPathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
