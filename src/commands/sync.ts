/**
 * `sync`: progress on every machine, through a git remote the learner owns.
 * `sync init REMOTE` sets it up, `sync` pulls, merges and pushes, `sync status`
 * says how the last one went, `sync auto on|off` syncs after every save.
 */
import { UsageError } from '../errors.js';
import { configDir } from '../io/paths.js';
import { initSync, runSync, setAuto, syncStatus, type SyncOutcome, type SyncStatus } from '../io/sync.js';
import { isName, type LastSync } from '../io/sync-settings.js';
import { document, type DocumentHead } from '../render/json.js';
import { renderSync } from '../render/sync.js';
import { defineCommand, type Invocation } from './spec.js';

export type SyncResult =
  | { readonly action: 'init' | 'sync'; readonly outcome: SyncOutcome; readonly quiet: boolean }
  | { readonly action: 'status'; readonly status: SyncStatus }
  | { readonly action: 'auto'; readonly auto: boolean };

const ACTIONS = ['init', 'status', 'auto'] as const;

interface SyncArgs {
  readonly action?: string;
  readonly value?: string;
}

interface SyncOptions {
  readonly as?: string;
  readonly background?: boolean;
}

async function sync({ args, options, session }: Invocation<SyncArgs, SyncOptions>): Promise<SyncResult> {
  const dir = configDir(session.io.env);
  const now = session.io.now();
  const { action, value } = args;
  if (action === undefined) {
    return { action: 'sync', outcome: await runSync(dir, session.store(), now), quiet: options.background === true };
  }
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`"${action}" is not a sync action; use "roadmap sync", or sync init, status or auto`);
  }
  if (options.as !== undefined && (action !== 'init' || !isName(options.as))) {
    throw new UsageError(
      action !== 'init'
        ? '--as names you only when sync is set up ("roadmap sync init REMOTE --as NAME")'
        : `--as takes a name of letters, digits, dots, dashes and underscores, not "${options.as}"`,
    );
  }
  if (action === 'init') {
    if (value === undefined) throw new UsageError('name the git remote to sync with: roadmap sync init REMOTE');
    return {
      action: 'init',
      outcome: await initSync(dir, session.store(), value, options.as, now, session.io.cwd),
      quiet: false,
    };
  }
  if (action === 'status') {
    if (value !== undefined)
      throw new UsageError(`roadmap sync status takes nothing more, so "${value}" is one too many`);
    return { action: 'status', status: syncStatus(dir) };
  }
  if (value !== 'on' && value !== 'off') {
    throw new UsageError('say "roadmap sync auto on" or "roadmap sync auto off"');
  }
  return { action: 'auto', auto: setAuto(dir, value === 'on').auto };
}

interface LastSyncJson {
  readonly at: string;
  readonly ok: boolean;
  readonly error: string | null;
}

export interface SyncJson extends DocumentHead<'sync'> {
  readonly action: 'init' | 'sync' | 'status' | 'auto';
  readonly remote: string | null;
  readonly member: string | null;
  readonly device: string | null;
  readonly auto: boolean;
  /** This device's changes sent (init, sync) or not yet sent (status). */
  readonly sent: number | null;
  readonly unsent: number | null;
  readonly received: number | null;
  readonly devices: number | null;
  readonly lastSync: LastSyncJson | null;
}

const lastJson = (last: LastSync | undefined): LastSyncJson | null =>
  last ? { at: last.at, ok: last.ok, error: last.error ?? null } : null;

function syncJson(result: SyncResult): SyncJson {
  const none = { sent: null, unsent: null, received: null, devices: null };
  if (result.action === 'auto') {
    return document('sync', {
      action: 'auto',
      remote: null,
      member: null,
      device: null,
      auto: result.auto,
      ...none,
      lastSync: null,
    });
  }
  const settings = result.action === 'status' ? result.status.settings : result.outcome.settings;
  const head = { remote: settings.remote, member: settings.member, device: settings.device, auto: settings.auto };
  if (result.action === 'status') {
    return document('sync', {
      action: 'status',
      ...head,
      ...none,
      unsent: result.status.unsent,
      devices: result.status.devices,
      lastSync: lastJson(settings.last),
    });
  }
  return document('sync', {
    action: result.action,
    ...head,
    ...none,
    sent: result.outcome.pushed,
    received: result.outcome.received,
    devices: result.outcome.devices,
    lastSync: null,
  });
}

export const syncCommand = defineCommand({
  name: 'sync',
  summary: 'sync progress between machines through a git remote: sync init REMOTE, sync, sync status, sync auto on|off',
  args: [
    { name: 'action', description: 'init, status or auto; none: pull, merge and push now' },
    { name: 'value', description: 'the git remote (init), or on/off (auto)' },
  ],
  options: [
    {
      flags: '--as <name>',
      description: 'with init: the name your logs go under in the repository (default: your user name)',
    },
    { flags: '--background', description: 'print nothing (how sync auto runs it; see sync status)' },
  ],
  examples: [
    'roadmap sync init ~/Dropbox/roadmap-progress.git',
    'roadmap sync init ~/progress.git && roadmap done 1.1.1 && roadmap sync',
    'roadmap sync init ~/progress.git && roadmap sync status',
    'roadmap sync init ~/progress.git && roadmap sync auto on',
  ],
  help:
    'Each machine appends its changes to its own log in a git repository inside the config folder; ' +
    'every machine merges all logs the same way (the latest change to an item wins; notes and reviews add up), ' +
    'so syncs never conflict. Every command works offline; sync runs when you ask, or after each save with "sync auto on". ' +
    'REMOTE is anything your git reaches: git@github.com:me/progress.git, an https URL, or a folder (made a bare repository if it is empty or missing).',
  run: sync,
  text: (result, { style }) => renderSync(result, style),
  json: syncJson,
});
