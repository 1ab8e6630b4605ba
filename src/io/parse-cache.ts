/**
 * Parsed roadmaps, cached in the user's cache folder so that `roadmap next` on
 * a large custom roadmap does not lex its markdown on every run. An entry is
 * keyed by the file's path, size, modification and change times, the tool's
 * version and the parsing rules' version; anything else (a changed file, another version, a corrupt or
 * unreadable entry) is a miss, and the file is parsed again.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Item, Outline, OutlineItems, OutlineWords, Roadmap, TopicIndex } from '../core/model.js';
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
const FORMAT = 9;

/**
 * An entry is one file: a first line of JSON (the header), then the topic index
 * as plain text (IDs, keys, the keys of ticked topics, and estimates in minutes, one per line), the
 * outline's JSON (every item's parent, ID and key, then every title and slug, read only
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
  readonly index: readonly [
    ids: number,
    keys: number,
    checked: number,
    minutes: number,
    outline: number,
    words: number,
  ];
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
      const [ids, keys, checked, minutes, outline, words] = header.index;
      const topicsLength = ids + keys + checked + minutes;
      const partsStart = end + topicsLength + outline + words;
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
      const topics = readIndex(index, header.index);
      const roadmap: Roadmap = {
        ...header.roadmap,
        topics,
        parts: lazyParts(fd, partsStart, header.parts),
        outline: lazyOutline(fd, end + topicsLength, [outline, words], topics),
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
      const { items, words } = outline ?? outlineOf(parts);
      const sections = [
        topics.ids.join('\n'),
        topics.keys.join('\n'),
        topics.checked.join('\n'),
        topics.minutes?.join('\n') ?? '',
        JSON.stringify(storedOutline(items, topics)),
        JSON.stringify([words.titles, words.slugs]),
      ] as const;
      const header = (ranges: Header['parts']): Header => ({
        format: FORMAT,
        rules: PARSE_RULES_VERSION,
        version: this.version,
        stamp,
        roadmap: rest,
        index: [
          Buffer.byteLength(sections[0]),
          Buffer.byteLength(sections[1]),
          Buffer.byteLength(sections[2]),
          Buffer.byteLength(sections[3]),
          Buffer.byteLength(sections[4]),
          Buffer.byteLength(sections[5]),
        ],
        parts: ranges,
      });
      // Each part's JSON is made and written in turn (all of them at once are 45 MB more on 100,000
      // topics), so their ranges are known only at the end: the header line is written last, over room
      // kept for it at the start, as long as it can be; the spaces that pad it are read as JSON's.
      const longest = Number.MAX_SAFE_INTEGER;
      const room = Buffer.byteLength(JSON.stringify(header(parts.map(() => [longest, longest]))));
      const fd = openSync(temp, 'w', 0o600);
      try {
        // writeFileSync on a descriptor writes all of each text (writeSync may write part of it).
        writeFileSync(fd, `${' '.repeat(room)}\n`);
        for (const text of sections) writeFileSync(fd, text);
        let offset = 0;
        const ranges = parts.map((part): [number, number] => {
          const body = Buffer.from(JSON.stringify(part));
          writeFileSync(fd, body);
          offset += body.length;
          return [offset - body.length, body.length];
        });
        const line = Buffer.alloc(room, ' ');
        line.write(JSON.stringify(header(ranges)));
        writeAt(fd, line, 0);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    } catch {
      // Read-only or full cache folder: carry on without it.
    }
  }
}

/** All of `bytes`, at `position` of the file. */
function writeAt(fd: number, bytes: Buffer, position: number): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
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

function readIndex(bytes: Buffer, [idsLength, keysLength, checkedLength, minutesLength]: Header['index']): TopicIndex {
  const section = (start: number, length: number): string[] =>
    length === 0 ? [] : bytes.toString('utf8', start, start + length).split('\n');
  const ids = section(0, idsLength);
  const keys = section(idsLength, keysLength);
  const minutes = section(idsLength + keysLength + checkedLength, minutesLength).map(Number);
  if (ids.length !== keys.length || (minutesLength > 0 && minutes.length !== ids.length))
    throw new Error('index sections disagree');
  return {
    ids,
    keys,
    checked: section(idsLength + keysLength, checkedLength),
    ...(minutesLength > 0 ? { minutes } : {}),
  };
}

/**
 * The outline as stored: the topics' IDs and keys are the index's, so only the
 * parts' and sections' are kept, with their positions; each item's part is
 * counted from the parents (a part's is -1). On 100,000 topics this halves it.
 */
type StoredOutline = [parents: readonly number[], groupPositions: number[], groupIds: string[], groupKeys: string[]];

function storedOutline(items: OutlineItems, topics: TopicIndex): StoredOutline {
  const stored: StoredOutline = [items.parents, [], [], []];
  let topic = 0;
  items.ids.forEach((id, i) => {
    // The topics are the index's, in the same order (keys are distinct, so no other item has the next one's).
    if (items.keys[i] === topics.keys[topic]) topic++;
    else {
      stored[1].push(i);
      stored[2].push(id);
      stored[3].push(items.keys[i]!);
    }
  });
  return stored;
}

/** The outline, each half read from the entry when first used: its items and their words follow the index. */
function lazyOutline(fd: number, start: number, [length, wordsLength]: [number, number], topics: TopicIndex): Outline {
  let items: OutlineItems | undefined;
  let words: OutlineWords | undefined;
  const json = (at: number, bytes: number): unknown => {
    const buffer = Buffer.alloc(bytes);
    readSync(fd, buffer, 0, bytes, at);
    return JSON.parse(buffer.toString('utf8'));
  };
  return {
    get items(): OutlineItems {
      if (items) return items;
      const [parents, groupPositions, groupIds, groupKeys] = json(start, length) as Partial<StoredOutline>;
      if (!parents || !groupPositions || !groupIds || !groupKeys)
        throw new Error('a damaged outline in the parse cache');
      const read = { parts: [] as number[], ids: [] as string[], keys: [] as string[] };
      let part = -1;
      let group = 0;
      let topic = 0;
      for (let i = 0; i < parents.length; i++) {
        if (parents[i] === -1) part++;
        read.parts.push(part);
        const isGroup = groupPositions[group] === i;
        read.ids.push(isGroup ? groupIds[group]! : topics.ids[topic]!);
        read.keys.push(isGroup ? groupKeys[group++]! : topics.keys[topic++]!);
      }
      return (items = { ...read, parents });
    },
    get words(): OutlineWords {
      if (words) return words;
      const [titles, slugs] = json(start + length, wordsLength) as Partial<[string[], string[]]>;
      if (!titles || !slugs) throw new Error('a damaged outline in the parse cache');
      return (words = { titles, slugs });
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
