/**
 * Runs roadmap in this process as if at a terminal, with @inquirer/testing's
 * screen standing in for the keyboard and the prompts' part of the screen. The
 * progress store, the roadmap and every command are the real ones, on a
 * temporary config folder.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen } from '@inquirer/testing/vitest';
import { afterAll, expect } from 'vitest';
import { main } from '../../src/main.js';
import type { Io } from '../../src/session.js';

export { screen };

export interface Terminal {
  readonly dir: string;
  /** Everything roadmap printed (not the prompts), so far. */
  readonly printed: () => string;
  /** Runs `roadmap ...args`; resolves to the exit code. */
  readonly roadmap: (args: readonly string[], env?: Record<string, string>) => Promise<number>;
  readonly configText: () => string | undefined;
  /** Sets the clock the next runs read (2026-11-27T10:00Z until set). */
  readonly setClock: (iso: string) => void;
  readonly saved: () => SavedRoadmap;
  readonly cleanup: () => void;
}

export interface SavedRoadmap {
  readonly items: Record<string, { status: string; at: string }>;
  readonly history: { key: string; from: string; to: string; at: string }[];
  readonly notes?: Record<string, { at: string; text: string }[]>;
  readonly reviews?: Record<string, string[]>;
  readonly grades?: Record<string, { at: string; grade: string }[]>;
}

const cacheDir = realpathSync(mkdtempSync(join(tmpdir(), 'roadmap-menu-cache-')));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

export function terminal(
  options: { stdinIsTTY?: boolean; stdoutIsTTY?: boolean; rows?: number; columns?: number } = {},
): Terminal {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'roadmap-menu-')));
  let out = '';
  let clock = '2026-11-27T10:00:00.000Z';
  const configText = (): string | undefined => {
    try {
      return readFileSync(join(dir, 'config.json'), 'utf8');
    } catch {
      return undefined;
    }
  };
  return {
    dir,
    printed: () => out,
    roadmap: (args, env = {}) => {
      const io: Io = {
        out: (text) => {
          out += text;
        },
        err: (text) => {
          out += text;
        },
        env: {
          ROADMAP_CONFIG_DIR: dir,
          ROADMAP_CACHE_DIR: cacheDir,
          HOME: join(dir, 'no-home'),
          NO_COLOR: '1',
          // An editor no test asked for fails at once instead of waiting for keys (vi).
          EDITOR: 'false',
          ...env,
        },
        stdoutIsTTY: options.stdoutIsTTY ?? true,
        stdinIsTTY: options.stdinIsTTY ?? true,
        // A MuteStream, whose types are not installed, so the linter sees an unknown type.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
        promptInput: screen.input,
        ...(options.rows === undefined
          ? {}
          : { terminalSize: () => ({ rows: options.rows, columns: options.columns }) }),
        now: () => new Date(clock),
        version: '0.0.0-test',
        cwd: dir,
      };
      return main(['node', 'roadmap', ...args], io);
    },
    configText,
    setClock: (iso) => {
      clock = iso;
    },
    saved: () => {
      const text = configText();
      if (text === undefined) return { items: {}, history: [] };
      return (JSON.parse(text) as { roadmaps: Record<string, SavedRoadmap> }).roadmaps.bundled!;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Keys of the saved items whose status is `status`, as IDs would be hard to read from keys. */
export function keysWith(saved: SavedRoadmap, status: string): string[] {
  return Object.entries(saved.items)
    .filter(([, r]) => r.status === status)
    .map(([k]) => k)
    .sort();
}

/** The highlighted choice's line. */
export const activeLine = (): string =>
  screen
    .getScreen()
    .split('\n')
    .find((l) => l.startsWith('❯')) ?? '';

/** Moves the cursor down to the choice whose line contains `text`, then presses enter. */
export function pick(text: string): void {
  for (let i = 0; i < 80 && !activeLine().includes(text); i++) screen.keypress('down');
  expect(activeLine()).toContain(text);
  screen.keypress('enter');
}

/** Picks a choice, then waits for the prompt that follows it. */
export async function choose(text: string): Promise<void> {
  pick(text);
  await screen.next();
}

/** Starts `roadmap ...args` (the menu, unless told) and waits for its first prompt: the running command. */
export async function prompting(t: Terminal, args: readonly string[] = []): Promise<{ run: Promise<number> }> {
  const run = t.roadmap(args);
  await screen.next();
  return { run };
}

/** Chooses Quit on the main menu, which must end the run with exit 0. */
export async function quit(run: Promise<number>): Promise<void> {
  pick('Quit');
  expect(await run).toBe(0);
}
