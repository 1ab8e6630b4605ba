/**
 * This machine's sync settings (sync.json in the config folder; never synced
 * itself): the remote, the names this device writes under, whether to sync
 * after every save, and how the last sync went. The synced logs live in a git
 * repository beside it (the `sync` folder): `<member>/<device>.jsonl`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../core/state.js';
import { ProgressFileError } from '../errors.js';

export interface LastSync {
  /** When it ran (ISO UTC). */
  readonly at: string;
  readonly ok: boolean;
  /** Why it failed, in one sentence. */
  readonly error?: string;
  /** Events this device had not yet pushed, and events received from other devices. */
  readonly pushed?: number;
  readonly received?: number;
}

export interface SyncSettings {
  readonly remote: string;
  /** Whose logs: a folder of the repository (a cohort keeps one per learner). */
  readonly member: string;
  /** This machine: the name of its log in the member's folder. */
  readonly device: string;
  /** Sync in the background after every save. */
  readonly auto: boolean;
  readonly last?: LastSync;
}

export const SYNC_FILE = 'sync.json';
export const SYNC_REPO = 'sync';

export const syncFile = (configDir: string): string => join(configDir, SYNC_FILE);
export const syncRepo = (configDir: string): string => join(configDir, SYNC_REPO);
export const deviceLog = (configDir: string, s: Pick<SyncSettings, 'member' | 'device'>): string =>
  join(syncRepo(configDir), s.member, `${s.device}.jsonl`);

/** Whether this machine syncs: one stat, cheap enough for every save. */
export const syncIsSetUp = (configDir: string): boolean => existsSync(syncFile(configDir));

export function readSyncSettings(configDir: string): SyncSettings | undefined {
  const file = syncFile(configDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ProgressFileError(`the sync settings ${file} cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (
    !isObject(data) ||
    typeof data.remote !== 'string' ||
    !isName(data.member) ||
    !isName(data.device) ||
    typeof data.auto !== 'boolean'
  ) {
    throw new ProgressFileError(
      `the sync settings ${file} are damaged; set sync up again with "roadmap sync init REMOTE" after moving the file aside (your progress and logs are untouched)`,
    );
  }
  const last = isObject(data.last) && typeof data.last.at === 'string' ? (data.last as unknown as LastSync) : undefined;
  return {
    remote: data.remote,
    member: data.member,
    device: data.device,
    auto: data.auto,
    ...(last ? { last } : {}),
  };
}

export function writeSyncSettings(configDir: string, settings: SyncSettings): void {
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const file = syncFile(configDir);
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** A member or device name: one safe path segment. */
export const isName = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value);

/** A name made safe for a path segment ("Ada Lovelace" -> "ada-lovelace"), or `fallback`. */
export function toName(text: string, fallback: string): string {
  const name = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '')
    .slice(0, 64);
  return isName(name) ? name : fallback;
}
