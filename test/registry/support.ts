/**
 * The registry tests' sandbox: a folder holding the config folder (config/), a
 * home (home/) and the files examples name, with roadmap run in this process
 * (test/helpers/in-process.ts) at a fixed time.
 */
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { RunResult } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

export type Ran = RunResult;

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
  /** The time the command runs at; 2026-11-30 noon UTC unless given. */
  readonly now?: string;
  /** Through commander even when the fast path would take it. */
  readonly full?: boolean;
}

/** `roadmap ...words` in `dir` (its cwd), with `dir`/config as the config folder and `dir`/home as HOME. */
export function inProcess(dir: string, words: readonly string[], options: InProcessOptions = {}): Promise<Ran> {
  return runIn(join(dir, 'config'), words, {
    cwd: dir,
    env: { HOME: join(dir, 'home'), ROADMAP_NOW: options.now ?? '2026-11-30T12:00:00Z', ...options.env },
    ...(options.full ? { program: true } : {}),
  });
}
