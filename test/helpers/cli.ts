/** Runs the built `roadmap` as a child process, the way a user's shell does. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** The bundled CLI, as `npm run build` makes it and npm installs it. */
export const binPath = join(repoRoot, 'dist/cli/roadmap.cjs');

/**
 * A new temp folder, by its real path: roadmap resolves paths against its
 * physical working folder, so a symlinked TMPDIR must not make them differ.
 */
function newTempDir(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Parsed-roadmap cache for this test file, outside every config folder a test inspects. */
export const cacheDir = newTempDir('roadmap-test-cache-');
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly input?: string | Buffer;
}

/** A fresh, empty config folder for one test; removed by the returned cleanup. */
export function tempDir(prefix = 'roadmap-test-'): { dir: string; cleanup: () => void } {
  const dir = newTempDir(prefix);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * This process's environment without what changes roadmap's output (colour
 * variables, CI, XDG folders, TERM, TZ, and every ROADMAP_ variable such as
 * ROADMAP_NOW), so a child's results do not depend on the machine or the shell
 * the tests were started from. `extra` is added on top.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const machine = [
    'FORCE_COLOR',
    'NO_COLOR',
    'COLORTERM',
    'CI',
    'XDG_CONFIG_HOME',
    'XDG_CACHE_HOME',
    'TERM',
    'TZ',
    'VISUAL',
    'EDITOR',
  ];
  const merged: Record<string, string | undefined> = {
    // Dates in text are the learner's local days: the tests' are UTC unless a test sets TZ.
    TZ: 'UTC',
    // A note's editor that a test did not ask for fails at once, instead of waiting for keys (vi).
    EDITOR: 'false',
    ...Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !machine.includes(k) && !k.startsWith('ROADMAP_')),
    ),
    ...extra,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/**
 * The environment of one run with this config folder: pinned (see childEnv),
 * a fake HOME, this test file's cache; `extra` adds or overrides variables.
 */
export function runEnv(configDir: string, extra: RunOptions['env'] = {}): Record<string, string> {
  return childEnv({
    HOME: join(configDir, 'home-must-not-be-used'),
    ROADMAP_CONFIG_DIR: configDir,
    ROADMAP_CACHE_DIR: cacheDir,
    ...extra,
  });
}

/**
 * Runs `roadmap ...args` with the given config folder, in a pinned environment
 * (see runEnv); pass `env` to add or override variables.
 */
export function run(configDir: string, args: readonly string[], options: RunOptions = {}): RunResult {
  const env = runEnv(configDir, options.env);
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? configDir,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  // EPIPE: the command stopped reading its input early (as it may, refusing too much) and exited.
  const epipe = (result.error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE' && result.status !== null;
  if (result.error && !epipe) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/**
 * A folder holding a `roadmap` command that runs the built CLI with this Node,
 * for tests that run a real shell with `roadmap` on PATH, as a user has it.
 */
export function roadmapOnPath(folder: string): string {
  const bin = join(folder, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'roadmap'), `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`);
  chmodSync(join(bin, 'roadmap'), 0o755);
  return bin;
}
