import type { SyncResult } from '../commands/sync.js';
import { clean, count, type Style } from './style.js';

const changes = (n: number): string => count(n, 'change');

export function renderSync(result: SyncResult, style: Style): string {
  if (result.action === 'auto') {
    return result.auto
      ? `${style.green('Auto sync is on:')} every save syncs in the background; "roadmap sync status" says how it went.\n`
      : 'Auto sync is off: run "roadmap sync" when you want to sync.\n';
  }
  if (result.action === 'status') {
    const { settings, unsent, devices } = result.status;
    const last = settings.last;
    const lines = [
      `${style.bold('Remote:')} ${clean(settings.remote)}`,
      `${style.bold('This device:')} ${clean(settings.device)} (logs under ${clean(settings.member)}/)`,
      `${style.bold('Auto sync:')} ${settings.auto ? 'on' : 'off'}`,
      `${style.bold('Last sync:')} ${
        last === undefined
          ? 'never'
          : last.ok
            ? `${last.at.slice(0, 16).replace('T', ' ')} UTC, ok`
            : style.red(
                `${last.at.slice(0, 16).replace('T', ' ')} UTC, failed: ${clean(last.error ?? 'unknown reason')}`,
              )
      }`,
      `${style.bold('Not yet sent:')} ${unsent === 0 ? 'nothing' : changes(unsent)}`,
      `${style.bold('Devices:')} ${devices}`,
    ];
    return `${lines.join('\n')}\n`;
  }
  if (result.quiet) return '';
  const { settings, pushed, received, devices } = result.outcome;
  const head =
    result.action === 'init'
      ? `${style.green('Sync is set up')} with ${clean(settings.remote)}; this device is ${clean(settings.device)}, under ${clean(settings.member)}/.`
      : `${style.green('Synced')} with ${clean(settings.remote)}.`;
  return `${head}\nSent ${changes(pushed)}, received ${changes(received)}; ${count(devices, 'device')} in all.\n`;
}
