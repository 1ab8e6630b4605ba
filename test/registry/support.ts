/**
 * Runs roadmap in this process through main(argv, io), with an Io that records
 * what it prints: a pinned environment, a temp config folder, a fixed clock.
 */
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/main.js';
import { runProgram } from '../../src/program.js';
import type { Io } from '../../src/session.js';
import { childEnv } from '../helpers/cli.js';
import { version } from '../e2e/support.js';

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

const cacheDir = realpathSync(mkdtempSync(join(tmpdir(), 'roadmap-registry-cache-')));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

export function tempFolder(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'roadmap-registry-')));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of a folder, so that two runs start from the same saved progress. */
export function copyOf(dir: string): string {
  const copy = tempFolder();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export interface InProcessOptions {
  readonly env?: Record<string, string | undefined>;
  readonly now?: string;
  /** Through commander even when the fast path would take it. */
  readonly full?: boolean;
}

export async function inProcess(dir: string, words: readonly string[], options: InProcessOptions = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const env = childEnv({
    HOME: join(dir, 'home'),
    ROADMAP_CONFIG_DIR: join(dir, 'config'),
    ROADMAP_CACHE_DIR: cacheDir,
    ...options.env,
  });
  const fixed = new Date(options.now ?? '2026-11-30T12:00:00Z');
  const io: Io = {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    env,
    stdoutIsTTY: false,
    stdinIsTTY: false,
    now: () => fixed,
    version,
    cwd: dir,
  };
  const argv = ['node', 'roadmap', ...words];
  const code = options.full ? await runProgram(argv, io) : await main(argv, io);
  return { stdout, stderr, code };
}
