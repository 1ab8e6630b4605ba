/**
 * The progress file. Reads go straight to the file (fast, no conf/ajv on the
 * start-up path of read-only commands); writes go through conf, which writes
 * atomically (temp file + fsync + rename), under a cross-process lock. A file
 * this build cannot read is never rewritten: every command stops with its path
 * and how to recover, and only `roadmap doctor --repair` moves it aside.
 */
import {
  accessSync,
  constants,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
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
import { CliError, ProgressFileError } from '../errors.js';
import { acquireLock, readLock, STALE_MS, staleReason, type LockInfo } from './lock.js';

export const CONFIG_NAME = 'config';

export type LoadResult =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly state: SavedState }
  | { readonly kind: 'unreadable'; readonly problem: string; readonly text?: string; readonly newer: boolean };

const REPAIR_HINT = 'run "roadmap doctor --repair" to move it aside and keep what can be read, or fix it by hand';

export class ProgressStore {
  readonly file: string;
  readonly lockFile: string;
  private last: SavedState | undefined;

  /** `warn` hears about anything the user should know that is not an error (a stale lock broken). */
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.file = join(dir, `${CONFIG_NAME}.json`);
    this.lockFile = `${this.file}.lock`;
  }

  /** What is on disk, without throwing: for `doctor`. */
  load(): LoadResult {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      // ENOTDIR: the folder's path runs through a file, so nothing can have been saved there.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
      return { kind: 'unreadable', problem: `cannot be read (${(error as Error).message})`, newer: false };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const what = text.trim() === '' ? 'is empty' : `is not valid JSON (${(error as Error).message})`;
      return { kind: 'unreadable', problem: what, text, newer: false };
    }
    try {
      return { kind: 'ok', state: decodeState(data) };
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
    const recover = result.newer ? 'It was left untouched.' : `It was left untouched: ${REPAIR_HINT}.`;
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

  /** Read-modify-write of the whole document (settings included) under the lock. */
  async updateAll(change: (current: SavedState) => SavedState | undefined): Promise<SavedState> {
    // Fail on an unreadable file before taking the lock (and before creating the folder).
    this.readAll();
    return this.locked(async () => {
      const current = this.readAll();
      const next = change(current) ?? current;
      if (next !== current) await this.write(next);
      this.last = next;
      return next;
    });
  }

  /** The lock file, if any, and why it is stale (undefined while its owner may be writing). */
  lockStatus(): { readonly info: LockInfo; readonly stale?: string } | undefined {
    const info = readLock(this.lockFile);
    if (!info) return undefined;
    const stale = staleReason(info, STALE_MS);
    return stale === undefined ? { info } : { info, stale };
  }

  /** Why progress could not be saved here, or undefined if the folder is (or can be made) writable. */
  unwritable(): string | undefined {
    let dir = this.dir;
    // The folder itself, or the nearest existing folder above it that would hold it.
    for (;;) {
      try {
        if (!statSync(dir).isDirectory()) return `${dir} is a file, not a folder`;
        accessSync(dir, constants.W_OK);
        return undefined;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${dir} cannot be written (${(error as Error).message})`;
      }
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  /** Temp files of writes that were killed before their rename. */
  leftovers(): string[] {
    const prefix = `${basename(this.file)}.tmp-`;
    try {
      return readdirSync(this.dir)
        .filter((name) => name.startsWith(prefix))
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

  removeFiles(paths: readonly string[]): void {
    for (const path of paths) unlinkSync(path);
  }

  /**
   * Runs `work` holding the cross-process lock (breaking a stale one, with a
   * warning). Every change to the folder's files happens inside it.
   */
  async locked<T>(work: () => Promise<T>): Promise<T> {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new CliError(
        `cannot create the progress folder ${this.dir} (${(error as Error).message}); nothing was saved`,
      );
    }
    let release: () => void;
    try {
      release = await acquireLock(this.lockFile, {
        onStale: (_info, why) => this.warn(`warning: removed a stale lock on the progress file (${why}).\n`),
      });
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot lock the progress file ${this.file} (${(error as Error).message}); nothing was saved`);
    }
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Replaces the whole document; only inside `locked`. */
  async write(state: SavedState): Promise<void> {
    try {
      // conf costs ~1x Node's start-up to import, so only commands that write pay for it.
      const { default: Conf } = await import('conf');
      const conf = new Conf<Record<string, unknown>>({
        projectName: 'roadmap',
        projectSuffix: '',
        cwd: this.dir,
        configName: CONFIG_NAME,
        configFileMode: 0o600,
        accessPropertiesByDotNotation: false,
      });
      conf.store = { ...state };
    } catch (error) {
      throw new CliError(`cannot save progress to ${this.file} (${(error as Error).message}); nothing was saved`);
    }
  }
}
