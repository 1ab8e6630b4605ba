/**
 * Keys that are names of JavaScript built-ins ("constructor", "toString",
 * "__proto__", ...) are keys like any other: in a roadmap's titles and in a
 * progress file, through every command that reads or writes them, and through
 * export and import. Table-driven over every name Object.prototype has.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type RunOptions } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

/** constructor, toString, hasOwnProperty, valueOf, __proto__, __defineGetter__, ... */
const NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

const T0 = '2026-11-01T10:00:00.000Z';
const LATER = '2026-11-12T10:00:00.000Z';
const ID = 'title:built-in-names';

/** Markdown would read `__x__` as bold: escaped, the title is the name itself. */
const md = (name: string): string => name.replace(/_/g, '\\_');

/** A part titled "Constructor" (key `constructor`) whose topics are the names. */
const PLAN = `# Built-in names

## Constructor

${NAMES.map((n) => `- ${md(n)}`).join('\n')}

## Projects

- Build a constructor toString thing
`;

/** The same roadmap (same title, so the same progress) with plain titles: every built-in key in the file is kept progress. */
const PLAIN = `# Built-in names

## Basics

- First topic
- Second topic
`;

/** A plain object from entries, every key an own property (`__proto__` too), as JSON.parse makes them. */
const own = <T>(entries: readonly (readonly [string, T])[]): Record<string, T> => Object.fromEntries(entries);

/** The saved roadmap as a map of maps: built-in names read as plain keys, nothing inherited. */
interface Saved {
  readonly items: Map<string, { status: string; at: string }>;
  readonly notes: Map<string, { at: string; text: string }[]>;
  readonly reviews: Map<string, string[]>;
  readonly history: { key: string }[];
}

let config: ReturnType<typeof tempDir>;
let work: ReturnType<typeof tempDir>;
/** The roadmap file the commands follow. */
let plan: string;
beforeEach(() => {
  config = tempDir();
  work = tempDir();
  writeFileSync(join(work.dir, 'plan.md'), PLAN);
  writeFileSync(join(work.dir, 'plain.md'), PLAIN);
  plan = 'plan.md';
});
afterEach(() => {
  config.cleanup();
  work.cleanup();
});

function roadmap(args: readonly string[], options: RunOptions & { dir?: string } = {}) {
  return runIn(options.dir ?? config.dir, ['--file', plan, ...args], { cwd: work.dir, ...options });
}

/** The command succeeds (exit 0, nothing on stderr) and its output is returned. */
async function ok(args: readonly string[], options: RunOptions & { dir?: string } = {}): Promise<string> {
  const result = await roadmap(args, options);
  expect(result.stderr, `roadmap ${args.join(' ')}`).toBe('');
  expect(result.code, `roadmap ${args.join(' ')}`).toBe(0);
  return result.stdout;
}

function saved(dir = config.dir, id = ID): Saved {
  const file = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
    roadmaps: Record<string, Record<string, unknown>>;
  };
  const r = new Map(Object.entries(file.roadmaps)).get(id)!;
  const entries = <T>(value: unknown): Map<string, T> => new Map(Object.entries((value ?? {}) as Record<string, T>));
  return {
    items: entries(r.items),
    notes: entries(r.notes),
    reviews: entries(r.reviews),
    history: r.history as { key: string }[],
  };
}

/** A progress file whose active roadmap has a status, a history entry, a note and a review under every name. */
function progressFileWithNames(extra: { notes?: boolean; reviews?: boolean } = {}): string {
  const roadmapState = {
    items: own(NAMES.map((n) => [n, { status: 'done', at: T0 }])),
    history: NAMES.map((n) => ({ key: n, from: 'todo', to: 'done', at: T0 })),
    notes: own(extra.notes === false ? [] : NAMES.map((n) => [n, [{ at: T0, text: `note on ${n}` }]])),
    reviews: own(extra.reviews === false ? [] : NAMES.map((n) => [n, [LATER]])),
  };
  // Another roadmap saved under a built-in name must survive every write too.
  const other = { items: own([['a/b', { status: 'doing', at: T0 }]]), history: [], notes: {}, reviews: {} };
  return JSON.stringify({
    schemaVersion: 2,
    settings: {},
    roadmaps: own([
      [ID, roadmapState],
      ['__proto__', other],
    ]),
  });
}

function expectEveryName(s: Saved, what: { notes: boolean; reviews: boolean }): void {
  for (const name of NAMES) {
    expect(s.items.get(name), `status of ${name}`).toEqual({ status: 'done', at: T0 });
    if (what.notes) expect(s.notes.get(name), `notes of ${name}`).toEqual([{ at: T0, text: `note on ${name}` }]);
    if (what.reviews) expect(s.reviews.get(name), `reviews of ${name}`).toEqual([LATER]);
  }
}

describe('a roadmap whose titles are built-in names (a part titled "Constructor")', () => {
  it('done, note, review, list, doctor, export (json, md) and import all work, and nothing vanishes', async () => {
    const at = (time: string): RunOptions => ({ env: { ROADMAP_NOW: time } });
    await ok(['done', '1'], at(T0));
    // The part "Constructor" has no notes yet: its key must not read as Object's constructor.
    expect(await ok(['export', '--format', 'md'], at(T0))).toContain('## 1 Constructor');
    for (const [i, name] of NAMES.entries()) await ok(['note', `1.${i + 1}`, `note on ${name}`], at(T0));
    await ok(['note', '1', 'on the whole part'], at(T0));
    await ok(['review', '1.1'], at(LATER));

    const list = await ok(['list', '--notes'], at(LATER));
    for (const name of NAMES) expect(list).toContain(`note on ${name}`);
    expect(list).toContain('on the whole part');
    expect(await ok(['doctor'], at(LATER))).toContain('No problems found');
    await ok(['review'], at(LATER));

    const before = saved();
    expect(before.items.size).toBe(NAMES.length);
    expect(before.notes.size).toBe(NAMES.length + 1);
    expect([...before.reviews.keys()]).toEqual(['constructor/definegetter']);

    await ok(['export', '--format', 'json', '-o', 'backup.json'], at(LATER));
    await ok(['export', '--format', 'md', '-o', 'backup.md'], at(LATER));
    for (const file of ['backup.json', 'backup.md']) {
      const fresh = tempDir();
      try {
        await ok(['import', file], { ...at(LATER), dir: fresh.dir });
        const back = saved(fresh.dir);
        expect([...back.items.keys()].sort()).toEqual([...before.items.keys()].sort());
        expect(back.notes).toEqual(before.notes);
        if (file.endsWith('.json')) expect(back).toEqual(before);
      } finally {
        fresh.cleanup();
      }
    }
  }, 300_000);
});

describe('a progress file whose keys are built-in names', () => {
  beforeEach(() => {
    plan = 'plain.md';
  });

  it('every command reads them as plain keys, a write keeps every one, doctor lists every one', async () => {
    writeFileSync(join(config.dir, 'config.json'), progressFileWithNames());
    for (const args of [['list', '--notes'], ['next'], ['status'], ['stats'], ['review'], ['report'], ['project']]) {
      await ok(args);
    }
    const doctor = await roadmap(['doctor']);
    expect(doctor.stderr).toBe('');
    expect(doctor.stdout).toContain(`${NAMES.length + 1} saved records`);
    for (const name of NAMES) expect(doctor.stdout).toContain(`\n      ${name} (done 2026-11-01, 1 note, 1 review)`);

    await ok(['note', '1.1', 'a write']);
    const after = saved();
    expectEveryName(after, { notes: true, reviews: true });
    expect(after.history.map((h) => h.key)).toEqual(NAMES);
    expect(saved(config.dir, '__proto__').items.get('a/b')).toEqual({ status: 'doing', at: T0 });
  }, 300_000);

  it('doctor reports only what is saved: a status under "constructor" has no notes or reviews', async () => {
    writeFileSync(join(config.dir, 'config.json'), progressFileWithNames({ notes: false, reviews: false }));
    const doctor = await roadmap(['doctor']);
    for (const name of NAMES) expect(doctor.stdout).toMatch(new RegExp(`\\n {6}${name}\\s\\(done 2026-11-01\\)`));
    expect(doctor.stdout).not.toMatch(/\d+ (note|review)/);
  });

  it('doctor --repair of a damaged file keeps every record under a built-in name', async () => {
    const damaged = JSON.parse(progressFileWithNames()) as { roadmaps: Record<string, { history: unknown }> };
    // History that is not a list makes the file unreadable; what else it holds can be salvaged.
    new Map(Object.entries(damaged.roadmaps)).get(ID)!.history = 'damaged';
    writeFileSync(join(config.dir, 'config.json'), JSON.stringify(damaged));
    expect((await roadmap(['doctor', '--repair'])).code).toBe(0);
    expectEveryName(saved(), { notes: true, reviews: true });
    expect(saved(config.dir, '__proto__').items.get('a/b')).toEqual({ status: 'doing', at: T0 });
  });

  it.each(['json', 'md'])(
    'export --format %s then import into an empty folder restores every record',
    async (format) => {
      writeFileSync(join(config.dir, 'config.json'), progressFileWithNames());
      await ok(['export', '--format', format, '-o', `backup.${format}`]);
      const exported = readFileSync(join(work.dir, `backup.${format}`), 'utf8');
      for (const name of NAMES) expect(exported).toContain(`note on ${name}`);

      const fresh = tempDir();
      try {
        const imported = await ok(['import', `backup.${format}`], { dir: fresh.dir });
        for (const name of NAMES) expect(imported).toContain(`Changed: ${name} (not in this roadmap; kept)`);
        const back = saved(fresh.dir);
        for (const name of NAMES) {
          expect(back.items.get(name)?.status, `status of ${name}`).toBe('done');
          expect(back.notes.get(name), `notes of ${name}`).toEqual([{ at: T0, text: `note on ${name}` }]);
        }
        // JSON carries everything exactly; markdown has no status times or reviews.
        if (format === 'json') expectEveryName(back, { notes: true, reviews: true });
        // Importing the same file again finds everything there.
        expect(await ok(['import', `backup.${format}`], { dir: fresh.dir })).toContain('Nothing changed');
      } finally {
        fresh.cleanup();
      }
    },
    300_000,
  );
});
