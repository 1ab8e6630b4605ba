/**
 * Helpers for the end-to-end tests of custom roadmaps (`--file`, ROADMAP_FILE,
 * `roadmap use`): a sandbox with a config folder and a separate work folder,
 * ways to read the progress file, and parsers for what a user reads on screen.
 * Nothing here uses the app's own code: every oracle is plain text handling.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { repoRoot, run, tempDir, type RunOptions, type RunResult } from './cli.js';
import { runIn, type InProcessOptions, type Runner } from './in-process.js';

export const realRoadmaps = join(repoRoot, 'test/fixtures/real-roadmaps');

export type { HistoryEntry, SavedConfig, SavedRoadmap, StatusRecord } from './saved-config.js';
import type { SavedConfig, SavedRoadmap } from './saved-config.js';

/**
 * One test's world: `config` is ROADMAP_CONFIG_DIR, `work` is the folder the
 * user types commands in (where their roadmap files live). Both are removed
 * when the test finishes. Commands run in this process unless the test passes
 * `spawned` (test/helpers/in-process.ts); `spawn` always starts the built binary.
 */
export class Sandbox {
  readonly config: string;
  readonly work: string;

  constructor(private readonly runner: Runner = runIn) {
    const config = tempDir('roadmap-custom-config-');
    const work = tempDir('roadmap-custom-work-');
    onTestFinished(() => {
      config.cleanup();
      work.cleanup();
    });
    this.config = config.dir;
    this.work = work.dir;
  }

  /** Writes a file under the work folder (creating folders) and returns its absolute path. */
  write(name: string, content: string | Buffer): string {
    const path = resolve(this.work, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  /** `roadmap ...args`, typed in the work folder unless `cwd` says otherwise. */
  run(args: readonly string[], options: InProcessOptions = {}): Promise<RunResult> {
    return this.runner(this.config, args, { cwd: this.work, ...options });
  }

  /** Like `run`, but always the built binary as a child process (stdin, pipes). */
  spawn(args: readonly string[], options: RunOptions = {}): RunResult {
    return run(this.config, args, { cwd: this.work, ...options });
  }

  /** Like `run`, but the command must succeed. */
  async ok(args: readonly string[], options: InProcessOptions = {}): Promise<string> {
    const result = await this.run(args, options);
    expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
    expect(result.code, `roadmap ${args.join(' ')}`).toBe(0);
    return result.stdout;
  }

  get configFile(): string {
    return join(this.config, 'config.json');
  }

  saved(): SavedConfig {
    return JSON.parse(readFileSync(this.configFile, 'utf8')) as SavedConfig;
  }

  /** The progress file's bytes, or null when there is none. */
  configBytes(): Buffer | null {
    return existsSync(this.configFile) ? readFileSync(this.configFile) : null;
  }

  /** Everything in the config folder (to show a command wrote nothing at all). */
  configEntries(): string[] {
    return readdirSync(this.config).sort();
  }

  /** The saved roadmap whose records include `key` (each roadmap has its own id). */
  roadmapHolding(key: string): [string, SavedRoadmap] {
    const found = Object.entries(this.saved().roadmaps).filter(([, r]) => Object.hasOwn(r.items, key));
    expect(found.map(([id]) => id)).toHaveLength(1);
    return found[0]!;
  }
}

/** One line on stdout for people, as `list` prints a topic or section: `[x] 1.2.3 Title`. */
export interface ListedItem {
  readonly mark: string;
  readonly id: string;
  readonly title: string;
  /** A section (or a topic with topics below it) is printed with a progress bar. */
  readonly hasBar: boolean;
}

/**
 * The items of `roadmap list` output (parts excluded), by title. A section line
 * carries a bar and counts after two spaces; they are cut off.
 */
export function listedItems(stdout: string): Map<string, ListedItem> {
  const items = new Map<string, ListedItem>();
  for (const line of stdout.split('\n')) {
    const m = /^\s*\[(.)\] (\d+(?:\.\d+)+) (.+)$/.exec(line);
    if (!m) continue;
    const bar = /\s+[█░]+\s.*$/;
    // A topic's estimate ("  ~2h", docs/estimates.md) is not part of its title.
    const title = m[3]!
      .replace(bar, '')
      .replace(/ {2}~\d+[hm](?: \d+m)?\+?$/, '')
      .trim();
    items.set(title, { mark: m[1]!, id: m[2]!, title, hasBar: bar.test(m[3]!) });
  }
  return items;
}

/** `[x] 1.2.3 Title` lines without a progress bar: the topics. */
export function listedTopics(stdout: string): ListedItem[] {
  return [...listedItems(stdout).values()].filter((i) => !i.hasBar);
}

/** `3/7 topics, 42%` as the CLI prints overall progress (percent rounded down). */
export function progressText(done: number, total: number): string {
  return `${done}/${total} topics, ${Math.floor((done * 100) / total)}%`;
}

/**
 * The suggested command in `next` ("done?  roadmap ...") or `done` ("Next: ... (roadmap ...)")
 * output, split into words the way a POSIX shell reads it.
 */
export function suggestedCommand(stdout: string): string[] {
  const m = /^\s*done\?\s+(roadmap .+)$/m.exec(stdout) ?? /^Next: .*\((roadmap .*)\)$/m.exec(stdout);
  expect(m, `no suggested command in:\n${stdout}`).not.toBeNull();
  const words = shellWords(m![1]!);
  expect(words[0]).toBe('roadmap');
  return words.slice(1);
}

/** Splits a command line with /bin/sh's own quoting rules (nothing is run). */
export function shellWords(line: string): string[] {
  const result = spawnSync('sh', ['-c', `set -- ${line}; printf '%s\\0' "$@"`], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\0').slice(0, -1);
}

/**
 * A failure to read a roadmap file, as the user must see it: exit 4, nothing on
 * stdout, exactly one stderr line naming the file and saying what is wrong, no stack.
 */
export function expectRoadmapFileError(result: RunResult, paths: readonly string[], why: RegExp): void {
  expect(result.code).toBe(4);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr.endsWith('\n')).toBe(true);
  const lines = result.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  const line = lines[0]!;
  const prefix = paths.map((p) => `error: cannot use the roadmap ${p}:`).find((p) => line.startsWith(p));
  expect(prefix, `"${line}" should start with "error: cannot use the roadmap ${paths.join(' or ')}:"`).toBeDefined();
  expect(line.slice(prefix!.length)).toMatch(why);
}

/** Lines of markdown checkbox topics (`- [ ]`, `- [x]`) outside fenced code blocks. */
export function checkboxLines(markdown: string): number {
  let fenced = false;
  let count = 0;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^\s*[-*+] \[[ xX]\]/.test(line)) count++;
  }
  return count;
}
