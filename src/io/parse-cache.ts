/**
 * Parsed roadmaps, cached in the user's cache folder so that `roadmap next` on
 * a large custom roadmap does not lex its markdown on every run. An entry is
 * keyed by the file's path, size, modification and change times and the tool's
 * version; anything else (a changed file, another version, a corrupt or
 * unreadable entry) is a miss, and the file is parsed again.
 */
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

/** Bumped whenever the parsed tree's shape changes, so entries of an older shape are never read. */
const FORMAT = 2;

interface Entry {
  readonly format: number;
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
    return join(this.dir, `${fnv1a(`${this.version}\0${stamp.path}`)}.json`);
  }

  get(stamp: SourceStamp): Roadmap | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.fileFor(stamp), 'utf8')) as Partial<Entry>;
      const same =
        entry.format === FORMAT &&
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
      writeFileSync(temp, JSON.stringify({ format: FORMAT, version: this.version, stamp, roadmap } satisfies Entry), {
        mode: 0o600,
      });
      renameSync(temp, file);
    } catch {
      // Read-only or full cache folder: carry on without it.
    }
  }
}

/**
 * A 64-bit FNV-1a hash of the text, in hex: enough to name one cache entry per
 * roadmap file (each entry records its path, which is checked on read), and
 * cheaper than loading node:crypto on the start-up path.
 */
export function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
