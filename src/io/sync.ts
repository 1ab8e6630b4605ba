/**
 * Sync through git: this device's log is committed, the other devices' logs
 * are pulled, every log is merged into the progress file, and the result is
 * pushed. Each device writes only its own file, so git never meets a conflict.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { mergeEvents, migrationEvents, type SyncEvent } from '../core/events.js';
import { dict, own } from '../core/dict.js';
import { emptyRoadmapState, progressData, type RoadmapState, type SavedState } from '../core/state.js';
import { CliError, UsageError } from '../errors.js';
import { git, GitError, gitReason, tryGit } from './git.js';
import type { ProgressStore } from './store.js';
import { appendLog, readAllLogs, readLog } from './sync-log.js';

export { readAllLogs };
import {
  deviceLog,
  readSyncSettings,
  syncRepo,
  toName,
  writeSyncSettings,
  type LastSync,
  type SyncSettings,
} from './sync-settings.js';

const BRANCH = 'main';

export interface SyncOutcome {
  readonly settings: SyncSettings;
  /** This device's events sent to the remote. */
  readonly pushed: number;
  /** Events of other devices merged in. */
  readonly received: number;
  /** The devices whose logs were merged, this one included. */
  readonly devices: number;
}

export interface SyncStatus {
  readonly settings: SyncSettings;
  /** Events saved here and not yet on the remote (as far as this machine knows). */
  readonly unsent: number;
  readonly devices: number;
}

/** The settings, or a usage error saying how to set sync up. */
export function settingsOrRefuse(configDir: string): SyncSettings {
  const settings = readSyncSettings(configDir);
  if (!settings) throw new UsageError('sync is not set up on this machine; start with "roadmap sync init REMOTE"');
  return settings;
}

/**
 * Sets sync up: a git repository in the config folder tracking `remote`, and
 * this device's log holding the progress saved so far (its history included).
 */
export async function initSync(
  configDir: string,
  store: ProgressStore,
  given: string,
  member: string | undefined,
  now: Date,
  cwd: string,
): Promise<SyncOutcome> {
  const remote = isLocalPath(given) ? resolve(cwd, given) : given;
  const existing = readSyncSettings(configDir);
  if (existing && existing.remote !== remote) {
    throw new UsageError(`this machine already syncs with ${existing.remote}; run "roadmap sync" to use it`);
  }
  const repo = syncRepo(configDir);
  if (!existing) {
    if (isLocalPath(remote) && isMissingOrEmpty(remote)) {
      // A folder on this disk or a synced drive: make it the bare repository every machine shares.
      mkdirSync(remote, { recursive: true });
      git(remote, ['init', '-q', '--bare'], `cannot create a git repository at ${remote}`);
      // Its default branch is the one sync pushes, so a clone of it (a cohort's, a person's) checks it out.
      git(remote, ['symbolic-ref', 'HEAD', `refs/heads/${BRANCH}`], `cannot create a git repository at ${remote}`);
    }
    const fresh = !existsSync(repo);
    mkdirSync(repo, { recursive: true, mode: 0o700 });
    try {
      git(repo, ['init', '-q'], 'cannot create the sync repository');
      git(repo, ['symbolic-ref', 'HEAD', `refs/heads/${BRANCH}`], 'cannot create the sync repository');
      if (tryGit(repo, ['remote', 'get-url', 'origin']).ok)
        git(repo, ['remote', 'set-url', 'origin', remote], 'cannot set the remote');
      else git(repo, ['remote', 'add', 'origin', remote], 'cannot set the remote');
      fetch(repo, remote);
      if (hasRemoteBranch(repo) && !tryGit(repo, ['rev-parse', '--verify', '-q', 'HEAD']).ok) {
        git(repo, ['checkout', '-q', '-B', BRANCH, `origin/${BRANCH}`], 'cannot read the remote');
      }
    } catch (error) {
      // Nothing of the learner's was touched; leave no half-made repository behind.
      if (fresh) rmSync(repo, { recursive: true, force: true });
      throw error;
    }
    const settings: SyncSettings = {
      remote,
      member: member ?? toName(safeUser(), 'me'),
      device: `${toName(hostname(), 'device')}-${randomSuffix()}`,
      auto: false,
    };
    // This device's log starts with everything saved here so far.
    await store.locked(() => {
      const saved = store.readAll();
      appendLog(deviceLog(configDir, settings), (offset) => allMigrationEvents(saved, settings.device, now, offset));
      return Promise.resolve();
    });
    writeSyncSettings(configDir, settings);
  }
  return runSync(configDir, store, now);
}

function allMigrationEvents(saved: SavedState, device: string, now: Date, first: number): SyncEvent[] {
  const events: SyncEvent[] = [];
  for (const [id, state] of Object.entries(saved.roadmaps)) {
    events.push(...migrationEvents(id, state, { device, time: now.toISOString(), first: first + events.length }));
  }
  return events;
}

/** Commit, pull, merge, push. A failure is recorded for `sync status`, then thrown. */
export async function runSync(configDir: string, store: ProgressStore, now: Date): Promise<SyncOutcome> {
  const settings = settingsOrRefuse(configDir);
  const repo = syncRepo(configDir);
  try {
    const outcome = await syncOnce(configDir, repo, store, settings);
    record(configDir, settings, {
      at: now.toISOString(),
      ok: true,
      pushed: outcome.pushed,
      received: outcome.received,
    });
    return outcome;
  } catch (error) {
    const message = error instanceof CliError ? error.message : (error as Error).message;
    record(configDir, settings, { at: now.toISOString(), ok: false, error: message });
    throw error;
  }
}

function record(configDir: string, settings: SyncSettings, last: LastSync): void {
  try {
    // Read again: `sync auto` may have changed while this ran.
    writeSyncSettings(configDir, { ...(readSyncSettings(configDir) ?? settings), last });
  } catch {
    // How the last sync went is a courtesy; the sync itself is done (or failed) either way.
  }
}

async function syncOnce(
  configDir: string,
  repo: string,
  store: ProgressStore,
  settings: SyncSettings,
): Promise<SyncOutcome> {
  const mine = relative(repo, deviceLog(configDir, settings));
  const identity = ['-c', `user.name=${settings.member}`, '-c', `user.email=${settings.member}@roadmap.invalid`];
  const before = countEvents(repo, settings);
  // This device's new events, committed under the lock so that no half-written append is taken.
  await store.locked(() => {
    if (!existsSync(join(repo, mine))) return Promise.resolve();
    git(repo, ['add', '--', mine], "cannot record this device's log");
    if (!tryGit(repo, ['diff', '--cached', '--quiet']).ok) {
      git(
        repo,
        [...identity, 'commit', '-q', '--no-verify', '-m', `roadmap: ${settings.device}`],
        "cannot record this device's log",
      );
    }
    return Promise.resolve();
  });
  const unsentBefore = unsentCount(repo, settings);
  let received = 0;
  for (let attempt = 1; ; attempt++) {
    fetch(repo, settings.remote);
    if (hasRemoteBranch(repo)) {
      const merged = tryGit(repo, [...identity, 'merge', '-q', '--no-edit', '--no-verify', `origin/${BRANCH}`]);
      if (!merged.ok) {
        tryGit(repo, ['merge', '--abort']);
        throw new GitError(`cannot merge the remote's logs: ${gitReason(merged.stderr)}; nothing was changed here`);
      }
    }
    if (!tryGit(repo, ['rev-parse', '--verify', '-q', 'HEAD']).ok) break; // nothing anywhere yet
    const pushed = tryGit(repo, ['push', '-q', 'origin', `HEAD:refs/heads/${BRANCH}`]);
    if (pushed.ok) break;
    // Another device pushed in between: take its logs too, and try again.
    if (attempt === 3 || !/rejected|fetch first|non-fast-forward/i.test(pushed.stderr)) {
      // Merge what was pulled anyway: the remote's logs are here now.
      received = await mergeLogs(configDir, repo, store, settings, before);
      throw new GitError(
        `cannot push to ${settings.remote}: ${gitReason(pushed.stderr)}; your changes are kept here and go with the next sync`,
      );
    }
  }
  received = await mergeLogs(configDir, repo, store, settings, before);
  const devices = new Set(memberEvents(repo, settings).map((e) => e.device)).size;
  return { settings, pushed: unsentBefore, received, devices };
}

/** Rebuilds the progress file from every log, under the lock; returns how many events came from others. */
async function mergeLogs(
  configDir: string,
  repo: string,
  store: ProgressStore,
  settings: SyncSettings,
  before: Map<string, number>,
): Promise<number> {
  let received = 0;
  await store.updateAll(
    (current) => {
      const events = memberEvents(repo, settings);
      const after = countEvents(repo, settings);
      for (const [device, count] of after) received += count - (before.get(device) ?? 0);
      const merged = mergeEvents(events, current.roadmaps);
      const roadmaps = dict<RoadmapState>(Object.entries(current.roadmaps));
      for (const [id, state] of Object.entries(merged)) {
        // What is not synced (the file a roadmap was read from here) stays as it is.
        // Only what sync carries is replaced; the rest (the journal of changes for undo, the file) stays this machine's.
        roadmaps[id] = { ...emptyRoadmapState(), ...(own(current.roadmaps, id) ?? {}), ...progressData(state) };
      }
      return { ...current, roadmaps };
    },
    { journal: false },
  );
  return received;
}

/**
 * The events of this learner's devices: a repository a class shares holds every
 * member's logs, and only one's own are one's progress.
 */
function memberEvents(repo: string, settings: SyncSettings): SyncEvent[] {
  return readAllLogs(repo).byMember.get(settings.member) ?? [];
}

/** Events per device other than this one. */
function countEvents(repo: string, settings: SyncSettings): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of memberEvents(repo, settings)) {
    if (event.device !== settings.device) counts.set(event.device, (counts.get(event.device) ?? 0) + 1);
  }
  return counts;
}

/** This device's events not on the remote as last fetched: its log's lines beyond the remote's copy. */
function unsentCount(repo: string, settings: SyncSettings): number {
  const path = `${settings.member}/${settings.device}.jsonl`;
  const local = readLog(join(repo, path)).events.length;
  const remote = tryGit(repo, ['show', `origin/${BRANCH}:${path}`]);
  if (!remote.ok) return local;
  return Math.max(0, local - remote.stdout.split('\n').filter((l) => l.trim() !== '').length);
}

export function syncStatus(configDir: string): SyncStatus {
  const settings = settingsOrRefuse(configDir);
  const repo = syncRepo(configDir);
  return {
    settings,
    unsent: unsentCount(repo, settings),
    devices: new Set(memberEvents(repo, settings).map((e) => e.device)).size,
  };
}

export function setAuto(configDir: string, auto: boolean): SyncSettings {
  const settings = { ...settingsOrRefuse(configDir), auto };
  writeSyncSettings(configDir, settings);
  return settings;
}

/** Not a URL (`https://`, `ssh://`) and not scp-like (`git@host:path`): a folder on this machine. */
const isLocalPath = (remote: string): boolean => !/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) && !/^[^/]+:/.test(remote);

function isMissingOrEmpty(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function fetch(repo: string, remote: string): void {
  const fetched = tryGit(repo, ['fetch', '-q', 'origin']);
  if (!fetched.ok) throw new GitError(`cannot reach ${remote}: ${gitReason(fetched.stderr)}; nothing was changed here`);
}

const hasRemoteBranch = (repo: string): boolean =>
  tryGit(repo, ['rev-parse', '--verify', '-q', `refs/remotes/origin/${BRANCH}`]).ok;

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'me';
  }
}

function randomSuffix(): string {
  return Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
}
