/**
 * Parsed roadmaps, cached in the user's cache folder so that `roadmap next` on
 * a large custom roadmap does not lex its markdown on every run. An entry is
 * keyed by the file's path, size, modification and change times and the tool's
 * version; anything else (a changed file, another version, a corrupt or
 * unreadable entry) is a miss, and the file is parsed again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Roadmap } from '../core/model.js';

export interface SourceStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

interface Entry {
  readonly version: string;
  readonly stamp: SourceStamp;
  readonly roadmap: Roadmap;
}

/** `$ROADMAP_CACHE_DIR`, else `$XDG_CACHE_HOME/roadmap`, else `~/.cache/roadmap`. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.ROADMAP_CACHE_DIR) return env.ROADMAP_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'roadmap');
}

export class ParseCache {
  constructor(
    readonly dir: string,
    private readonly version: string,
  ) {}

  fileFor(stamp: SourceStamp): string {
    const name = createHash('sha256').update(`${this.version}\0${stamp.path}`).digest('hex').slice(0, 32);
    return join(this.dir, `${name}.json`);
  }

  get(stamp: SourceStamp): Roadmap | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.fileFor(stamp), 'utf8')) as Partial<Entry>;
      const same =
        entry.version === this.version &&
        entry.stamp?.path === stamp.path &&
        entry.stamp.size === stamp.size &&
        entry.stamp.mtimeMs === stamp.mtimeMs &&
        entry.stamp.ctimeMs === stamp.ctimeMs &&
        Array.isArray(entry.roadmap?.parts);
      return same ? entry.roadmap : undefined;
    } catch {
      // Absent, unreadable or corrupt: parse again.
      return undefined;
    }
  }

  /** Best effort: a cache that cannot be written only costs speed. */
  set(stamp: SourceStamp, roadmap: Roadmap): void {
    const file = this.fileFor(stamp);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(temp, JSON.stringify({ version: this.version, stamp, roadmap } satisfies Entry), { mode: 0o600 });
      renameSync(temp, file);
    } catch {
      // Read-only or full cache folder: carry on without it.
    }
  }
}
