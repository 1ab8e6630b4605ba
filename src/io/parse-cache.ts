/**
 * Parsed roadmaps, cached in the user's cache folder so that `roadmap next` on
 * a large custom roadmap does not lex its markdown on every run. An entry is
 * keyed by the file's path, size, modification and change times, the tool's
 * version and the parsing rules' version; anything else (a changed file, another version, a corrupt or
 * unreadable entry) is a miss, and the file is parsed again.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item, Outline, OutlineItems, Roadmap, TopicIndex } from '../core/model.js';
import { PARSE_RULES_VERSION } from '../core/parse/rules-version.js';
import { outlineOf } from '../core/tree.js';
import { xdgDir } from './paths.js';

export interface SourceStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/** Bumped whenever the entry's layout or the parsed tree's shape changes: older entries are never read. */
const FORMAT = 6;

/**
 * An entry is one file: a first line of JSON (the header), then the topic index
 * as plain text (IDs, keys, and the keys of ticked topics, one per line), the
 * outline's JSON (every item's part, parent, ID, key, title and slug, read only
 * to resolve a REF), then each part's JSON, one after another. `next` on a 10,000-topic
 * roadmap reads the header, the index and one part; `done 100.10.10` the same and
 * the part that holds it; the other parts are parsed only if a command uses them.
 */
interface Header {
  readonly format: number;
  /** The parsing rules the tree was made by (PARSE_RULES_VERSION). */
  readonly rules: number;
  readonly version: string;
  readonly stamp: SourceStamp;
  readonly roadmap: Omit<Roadmap, 'parts' | 'topics' | 'outline'>;
  /** Byte lengths of the index's sections, which follow the header line. */
  readonly index: readonly [ids: number, keys: number, checked: number, outline: number];
  /** Byte offset (after the index) and length of each part's JSON. */
  readonly parts: readonly (readonly [number, number])[];
}

/** `$ROADMAP_CACHE_DIR`, else `$XDG_CACHE_HOME/roadmap` (if absolute), else `~/.cache/roadmap`. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.ROADMAP_CACHE_DIR) return env.ROADMAP_CACHE_DIR;
  return join(xdgDir(env.XDG_CACHE_HOME, '.cache'), 'roadmap');
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
    let fd: number | undefined;
    try {
      fd = openSync(this.fileFor(stamp), 'r');
      const { header, end } = readHeader(fd);
      const [ids, keys, checked, outline] = header.index;
      const topicsLength = ids + keys + checked;
      const partsStart = end + topicsLength + outline;
      const same =
        header.format === FORMAT &&
        header.rules === PARSE_RULES_VERSION &&
        header.version === this.version &&
        header.stamp.path === stamp.path &&
        header.stamp.size === stamp.size &&
        header.stamp.mtimeMs === stamp.mtimeMs &&
        header.stamp.ctimeMs === stamp.ctimeMs &&
        fstatSync(fd).size === partsStart + header.parts.reduce((sum, [, length]) => sum + length, 0);
      if (!same) return undefined;
      const index = Buffer.alloc(topicsLength);
      readSync(fd, index, 0, topicsLength, end);
      const roadmap: Roadmap = {
        ...header.roadmap,
        topics: readIndex(index, header.index),
        parts: lazyParts(fd, partsStart, header.parts),
        outline: lazyOutline(fd, end + topicsLength, outline),
      };
      // The parts are read from this descriptor when first used, so it stays open for this short-lived process.
      fd = undefined;
      return roadmap;
    } catch {
      // Absent, unreadable or corrupt: parse again.
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Best effort: a cache that cannot be written only costs speed. */
  set(stamp: SourceStamp, roadmap: Roadmap): void {
    const file = this.fileFor(stamp);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const { parts, topics, outline, ...rest } = roadmap;
      const { items } = outline ?? outlineOf(parts);
      const sections = [
        Buffer.from(topics.ids.join('\n')),
        Buffer.from(topics.keys.join('\n')),
        Buffer.from(topics.checked.join('\n')),
        Buffer.from(JSON.stringify([items.parts, items.parents, items.ids, items.keys, items.titles, items.slugs])),
      ] as const;
      const bodies = parts.map((part) => Buffer.from(JSON.stringify(part)));
      let offset = 0;
      const ranges = bodies.map((b): [number, number] => {
        const range: [number, number] = [offset, b.length];
        offset += b.length;
        return range;
      });
      const header: Header = {
        format: FORMAT,
        rules: PARSE_RULES_VERSION,
        version: this.version,
        stamp,
        roadmap: rest,
        index: [sections[0].length, sections[1].length, sections[2].length, sections[3].length],
        parts: ranges,
      };
      writeFileSync(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...sections, ...bodies]), {
        mode: 0o600,
      });
      renameSync(temp, file);
    } catch {
      // Read-only or full cache folder: carry on without it.
    }
  }
}

/** The header line, and where it ends. */
function readHeader(fd: number): { header: Header; end: number } {
  let buffer = Buffer.alloc(16 * 1024);
  let filled = readSync(fd, buffer, 0, buffer.length, 0);
  let newline = buffer.subarray(0, filled).indexOf(10);
  while (newline < 0) {
    if (filled < buffer.length) throw new Error('no header line');
    const bigger = Buffer.alloc(buffer.length * 4);
    buffer.copy(bigger, 0, 0, filled);
    buffer = bigger;
    filled += readSync(fd, buffer, filled, buffer.length - filled, filled);
    newline = buffer.subarray(0, filled).indexOf(10);
  }
  return { header: JSON.parse(buffer.toString('utf8', 0, newline)) as Header, end: newline + 1 };
}

function readIndex(bytes: Buffer, [idsLength, keysLength, checkedLength]: Header['index']): TopicIndex {
  const section = (start: number, length: number): string[] =>
    length === 0 ? [] : bytes.toString('utf8', start, start + length).split('\n');
  const ids = section(0, idsLength);
  const keys = section(idsLength, keysLength);
  if (ids.length !== keys.length) throw new Error('index sections disagree');
  return { ids, keys, checked: section(idsLength + keysLength, checkedLength) };
}

/** The outline, read from the entry when first used. */
function lazyOutline(fd: number, start: number, length: number): Outline {
  let items: OutlineItems | undefined;
  return {
    get items(): OutlineItems {
      if (items) return items;
      const bytes = Buffer.alloc(length);
      readSync(fd, bytes, 0, length, start);
      const [parts, parents, ids, keys, titles, slugs] = JSON.parse(bytes.toString('utf8')) as [
        number[],
        number[],
        ...string[][],
      ];
      if (!ids || !keys || !titles || !slugs) throw new Error('a damaged outline in the parse cache');
      return (items = { parts, parents, ids, keys, titles, slugs });
    },
  };
}

/** An array whose parts are read and parsed from the entry on first access, each once. */
function lazyParts(fd: number, start: number, ranges: Header['parts']): Item[] {
  const parts: Item[] = new Array<Item>(ranges.length);
  ranges.forEach(([offset, length], i) => {
    Object.defineProperty(parts, i, {
      enumerable: true,
      configurable: true,
      get(): Item {
        const bytes = Buffer.alloc(length);
        readSync(fd, bytes, 0, length, start + offset);
        const part = JSON.parse(bytes.toString('utf8')) as Item;
        Object.defineProperty(parts, i, { value: part, enumerable: true, writable: false, configurable: false });
        return part;
      },
    });
  });
  return parts;
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
