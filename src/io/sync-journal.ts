/**
 * Records every save in this device's sync log, once sync is set up: the
 * events that turn the saved progress into the new one, appended (and on
 * disk) before the progress file is replaced, under the same lock. A change
 * that cannot be logged is not saved either: the logs are what every device,
 * this one included, rebuilds its progress from.
 */
import { diffEvents, type SyncEvent } from '../core/events.js';
import { emptyRoadmapState, type SavedState } from '../core/state.js';
import { own } from '../core/dict.js';
import { CliError } from '../errors.js';
import { packageRoot } from './paths.js';
import type { SaveJournal } from './store.js';
import { appendLog } from './sync-log.js';
import { deviceLog, readSyncSettings, syncIsSetUp, type SyncSettings } from './sync-settings.js';

/** The events of a save, for every roadmap it changed, numbered from `first`. */
export function saveEvents(
  before: SavedState,
  after: SavedState,
  device: string,
  time: string,
  first: number,
): SyncEvent[] {
  const events: SyncEvent[] = [];
  for (const id of new Set([...Object.keys(before.roadmaps), ...Object.keys(after.roadmaps)])) {
    const was = own(before.roadmaps, id);
    const now = own(after.roadmaps, id);
    if (was === now) continue;
    events.push(
      ...diffEvents(id, was ?? emptyRoadmapState(), now ?? emptyRoadmapState(), {
        device,
        time,
        first: first + events.length,
      }),
    );
  }
  return events;
}

export function syncJournal(configDir: string, now: () => Date): SaveJournal {
  let settings: SyncSettings | undefined;
  return {
    record(before, after) {
      if (!syncIsSetUp(configDir)) return;
      settings = readSyncSettings(configDir);
      if (!settings) return;
      const log = deviceLog(configDir, settings);
      const { device } = settings;
      try {
        appendLog(log, (offset) => saveEvents(before, after, device, now().toISOString(), offset));
      } catch (error) {
        throw new CliError(
          `cannot record the change in the sync log ${log} (${(error as Error).message}); nothing was saved`,
        );
      }
    },
    saved() {
      if (settings?.auto) void startBackgroundSync(configDir);
    },
  };
}

/**
 * `roadmap sync` in a detached process: the command that saved returns at
 * once, whatever the network does; how it went shows in `roadmap sync status`.
 */
async function startBackgroundSync(configDir: string): Promise<void> {
  try {
    const childProcess = await import('node:child_process');
    const path = await import('node:path');
    const entry = path.join(packageRoot(), 'dist', 'cli', 'roadmap.cjs');
    const child = childProcess.spawn(process.execPath, [entry, 'sync', '--background'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, ROADMAP_CONFIG_DIR: configDir },
    });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // Never fail or delay the save: the next `roadmap sync` sends these changes.
  }
}
