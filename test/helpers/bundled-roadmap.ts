/**
 * Small helpers shared by the end-to-end tests: an independent oracle over the
 * bundled roadmap (plain regexes, not the app's parser), and ways to look at the
 * progress file on disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { repoRoot, run, tempDir, type RunOptions, type RunResult } from './cli.js';
import { runIn, type InProcessOptions, type Runner } from './in-process.js';

export const roadmapMarkdown = readFileSync(join(repoRoot, 'data/roadmap.md'), 'utf8');

/**
 * Topics of the bundled roadmap: `   - ` bullet lines that sit under a numbered
 * section line such as `1. **Python Basics**:`.
 */
export function countTopics(markdown: string): number {
  let inSection = false;
  let count = 0;
  for (const line of markdown.split('\n')) {
    if (/^\d+\. \*\*.+\*\*/.test(line)) inSection = true;
    else if (/^ {3}- /.test(line)) count += inSection ? 1 : 0;
    else if (line.trim() !== '') inSection = false;
  }
  return count;
}

export const TOTAL = countTopics(roadmapMarkdown);

/** `## Part 3: Database Integration` -> [['3', 'Database Integration'], ...] */
export const PARTS: readonly (readonly [string, string])[] = [
  ...roadmapMarkdown.matchAll(/^## Part (\d+): (.+)$/gm),
].map((m) => [m[1]!, m[2]!.trim()] as const);

/** What the CLI prints for overall progress: `2/44 topics, 4%` (the percentage never rounds up). */
export function progressText(done: number, total = TOTAL): string {
  return `${done}/${total} topics, ${Math.floor((done * 100) / total)}%`;
}

export const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

// eslint-disable-next-line no-control-regex
export const ANSI = /\x1b\[/;

/** IDs from the "Marked done: 1.1.1 ..." / "Marked not done: ..." lines of `done`/`undone`. */
export function markedIds(stdout: string): string[] {
  return [...stdout.matchAll(/^Marked (?:not )?done: (\S+) /gm)].map((m) => m[1]!);
}

/** A failure as the user must see it: exit code, one `error:` line, no stack trace, nothing on stdout. */
export function expectCleanError(result: RunResult, code: number): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(result.stderr).not.toContain('    at ');
}

export const configPath = (dir: string): string => join(dir, 'config.json');

export interface FileSnapshot {
  readonly bytes: Buffer;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** The progress file exactly as it is on disk, or null when it does not exist. */
export function snapshot(file: string): FileSnapshot | null {
  if (!existsSync(file)) return null;
  const stat = statSync(file);
  return { bytes: readFileSync(file), mtimeMs: stat.mtimeMs, ino: stat.ino };
}

export function expectUnchanged(file: string, before: FileSnapshot | null): void {
  const after = snapshot(file);
  if (before === null) {
    expect(after).toBeNull();
    return;
  }
  expect(after).not.toBeNull();
  expect(after!.bytes.equals(before.bytes)).toBe(true);
  expect(after!.mtimeMs).toBe(before.mtimeMs);
  expect(after!.ino).toBe(before.ino);
}

export type { HistoryEntry, SavedConfig, SavedRoadmap, StatusRecord } from './saved-config.js';
import type { SavedConfig, SavedRoadmap } from './saved-config.js';

export function readConfig(dir: string): SavedConfig {
  return JSON.parse(readFileSync(configPath(dir), 'utf8')) as SavedConfig;
}

/** The progress of the one roadmap the config holds (the bundled one). */
export function savedRoadmap(dir: string): SavedRoadmap {
  const roadmaps = Object.values(readConfig(dir).roadmaps);
  expect(roadmaps).toHaveLength(1);
  return roadmaps[0]!;
}

export const isIsoTime = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && new Date(value).toISOString() === value;

/**
 * A fresh config folder per test. `roadmap(...args)` runs the CLI against it,
 * in this process unless the file passes `spawned` (test/helpers/in-process.ts);
 * `spawn` always starts the built binary, for what needs a real process (stdin).
 */
export function useConfigDir(runner: Runner = runIn): {
  readonly dir: () => string;
  readonly roadmap: (...args: string[]) => Promise<RunResult>;
  readonly runWith: (args: readonly string[], options: InProcessOptions) => Promise<RunResult>;
  readonly spawn: (args: readonly string[], options?: RunOptions) => RunResult;
} {
  let current: { dir: string; cleanup: () => void } | undefined;
  beforeEach(() => {
    current = tempDir();
  });
  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });
  const dir = (): string => {
    if (!current) throw new Error('useConfigDir: no temp folder outside a test');
    return current.dir;
  };
  return {
    dir,
    roadmap: (...args) => runner(dir(), args),
    runWith: (args, options) => runner(dir(), args, options),
    spawn: (args, options = {}) => run(dir(), args, options),
  };
}

/** util-linux `script`, to give the CLI a real terminal; null when it is missing. */
export const scriptCommand: string | null = (() => {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0 && /util-linux/.test(probe.stdout) ? 'script' : null;
})();
