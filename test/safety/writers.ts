/** Running many `roadmap` writers at once against one config folder, and reading what they left. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeState } from '../../src/core/state.js';
import { binPath, childEnv } from '../helpers/cli.js';

export type Writer = ChildProcessWithoutNullStreams;

export interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

/** Starts `roadmap ...args` on the config folder `dir`, without waiting for it. */
export function start(dir: string, args: readonly string[], env: Record<string, string> = {}): Writer {
  return spawn(process.execPath, [binPath, ...args], {
    env: childEnv({ ROADMAP_CONFIG_DIR: dir, HOME: dir, ...env }),
    stdio: 'pipe',
  });
}

/** Resolves when the writer has exited, with its code and what it printed on stderr. */
export function finished(child: Writer): Promise<Exit> {
  let stderr = '';
  child.stdin.end();
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/** Every note text saved in the folder's progress file, whatever item it is on. */
export function savedNotes(dir: string): string[] {
  const state = decodeState(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')));
  return Object.values(state.roadmaps).flatMap((roadmap) =>
    Object.values(roadmap.notes).flatMap((notes) => notes.map((note) => note.text)),
  );
}

/** The 1-minute load average, as /proc/loadavg tells it (for the figures a test logs). */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
  } catch {
    return '?';
  }
}
