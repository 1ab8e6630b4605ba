/** Corrupt or unexpected progress files: every command names the file, exits 3, and leaves it byte for byte. */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeState } from '../../src/core/state.js';
import { tempDir } from '../helpers/cli.js';
import { runIn } from '../helpers/in-process.js';

let temp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  temp = tempDir();
  file = join(temp.dir, 'config.json');
});
afterEach(() => temp.cleanup());

/** A real progress file with two topics done, as the tool writes it. */
async function realFile(): Promise<Buffer> {
  expect((await runIn(temp.dir, ['done', '1.1'])).code).toBe(0);
  return readFileSync(file);
}

const kinds: [string, (good: Buffer) => Buffer, RegExp][] = [
  ['invalid JSON', () => Buffer.from('{ "schemaVersion": 1, roadmaps: }'), /is not valid JSON/],
  ['an empty file', () => Buffer.alloc(0), /is empty/],
  ['a truncated file', (good) => good.subarray(0, Math.floor(good.length / 2)), /is not valid JSON/],
  [
    'binary bytes',
    () => Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x07, 0x89, 0x50, 0x4e, 0x47]),
    /is not valid JSON/,
  ],
  ['valid JSON of the wrong shape', () => Buffer.from('{"progress": ["1.1.1"]}'), /schemaVersion/],
  ['a newer schema version', () => Buffer.from('{"schemaVersion": 7, "roadmaps": {}}'), /newer roadmap/],
];
const commands = [['next'], ['list'], ['project'], ['done', '2.1.1'], ['undone', '1.1.1'], ['doctor'], []];

describe.each(kinds)('a progress file with %s', (_kind, corrupt, problem) => {
  it.each(commands)(
    '`roadmap %s` names the file, says what is wrong, exits 3 (doctor: 1), changes nothing',
    async (...args) => {
      const bytes = corrupt(await realFile());
      writeFileSync(file, bytes);
      const result = await runIn(temp.dir, args);
      const isDoctor = args[0] === 'doctor';
      expect(result.code).toBe(isDoctor ? 1 : 3);
      const message = isDoctor ? result.stdout : result.stderr;
      expect(message).toMatch(problem);
      if (!isDoctor) {
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(/^error: the progress file /);
        expect(result.stderr).toContain(file);
        expect(result.stderr).toMatch(problem.source.includes('newer') ? /upgrade/ : /roadmap doctor --repair/);
        expect(result.stdout).toBe('');
      }
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(file)).toEqual(bytes);
      expect(readdirSync(temp.dir).sort()).toEqual(['config.json']);
    },
  );
});

describe('roadmap doctor --repair', () => {
  it('moves a truncated file aside, keeps the records it can read, and says where the backup is', async () => {
    const good = await realFile();
    const text = good.toString('utf8');
    // Cut after the first record's closing brace: one of the two records survives whole.
    const cut = Buffer.from(text.slice(0, text.indexOf('}', text.indexOf('"status"')) + 1));
    writeFileSync(file, cut);
    const result = await runIn(temp.dir, ['doctor', '--repair']);
    expect(result.code).toBe(0);
    const backupName = readdirSync(temp.dir).find((f) => f.startsWith('config.json.corrupt-'));
    expect(backupName).toBeDefined();
    expect(result.stdout).toContain(join(temp.dir, backupName!));
    expect(readFileSync(join(temp.dir, backupName!))).toEqual(cut);
    const repaired = decodeState(JSON.parse(readFileSync(file, 'utf8')));
    expect(Object.keys(repaired.roadmaps.bundled!.items)).toHaveLength(1);
    const next = await runIn(temp.dir, ['next']);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('1/44 topics');
  });

  it('a second repair at the same moment keeps the first backup and takes the next name', async () => {
    const env = { env: { ROADMAP_NOW: '2026-11-27T09:00:00.000Z' } };
    const first = Buffer.from('{"first": ');
    const second = Buffer.from('{"second": ');
    writeFileSync(file, first);
    expect((await runIn(temp.dir, ['doctor', '--repair'], env)).code).toBe(0);
    writeFileSync(file, second);
    expect((await runIn(temp.dir, ['doctor', '--repair'], env)).code).toBe(0);
    const backups = readdirSync(temp.dir)
      .filter((f) => f.startsWith('config.json.corrupt-'))
      .sort();
    expect(backups).toEqual([
      'config.json.corrupt-2026-11-27T09-00-00-000Z',
      'config.json.corrupt-2026-11-27T09-00-00-000Z-2',
    ]);
    expect(readFileSync(join(temp.dir, backups[0]!))).toEqual(first);
    expect(readFileSync(join(temp.dir, backups[1]!))).toEqual(second);
  });

  it('salvages the good records of a file of the wrong shape', async () => {
    const good = JSON.parse((await realFile()).toString('utf8')) as { schemaVersion: unknown };
    good.schemaVersion = 'one';
    writeFileSync(file, JSON.stringify(good));
    expect((await runIn(temp.dir, ['doctor', '--repair'])).code).toBe(0);
    expect((await runIn(temp.dir, ['next'])).stdout).toContain('2/44 topics');
  });

  it('does not touch a file written by a newer version', async () => {
    const newer = Buffer.from('{"schemaVersion": 7, "roadmaps": {}}');
    writeFileSync(file, newer);
    const result = await runIn(temp.dir, ['doctor', '--repair']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Upgrade roadmap/);
    expect(readFileSync(file)).toEqual(newer);
    expect(readdirSync(temp.dir)).toEqual(['config.json']);
  });

  it('reports and removes a stale lock', async () => {
    await realFile();
    writeFileSync(join(temp.dir, 'config.json.lock'), JSON.stringify({ pid: 999_999_999, host: 'x', token: 't' }));
    // Aged beyond any live write, so it is stale whoever owns the pid.
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(temp.dir, 'config.json.lock'), old, old);
    const report = await runIn(temp.dir, ['doctor']);
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(/stale lock .*config\.json\.lock/);
    expect((await runIn(temp.dir, ['doctor', '--repair'])).code).toBe(0);
    expect(existsSync(join(temp.dir, 'config.json.lock'))).toBe(false);
    expect((await runIn(temp.dir, ['doctor'])).code).toBe(0);
  });

  it('a lock just taken and not yet written is a save in progress, named without a process', async () => {
    await realFile();
    writeFileSync(join(temp.dir, 'config.json.lock'), '');
    const report = await runIn(temp.dir, ['doctor']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('ok  The progress file is being written.');
    expect(report.stdout).not.toContain('NaN');
  });

  it('still runs when the chosen roadmap cannot be used, and says why', async () => {
    const missing = join(temp.dir, 'no-such-plan.md');
    const result = await runIn(temp.dir, ['--file', missing, 'doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`The roadmap ${missing} cannot be used: no such file.`);
  });

  it('reports and removes the temp file of a save that was killed before its rename', async () => {
    const good = await realFile();
    const leftover = join(temp.dir, 'config.json.tmp-1f2e3d4c5b6a');
    writeFileSync(leftover, good.subarray(0, 10));
    const report = await runIn(temp.dir, ['doctor']);
    expect(report.code).toBe(1);
    expect(report.stdout).toContain('1 temporary file(s) left by interrupted saves.');
    expect(report.stdout).toContain(leftover);
    const repair = await runIn(temp.dir, ['doctor', '--repair']);
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain('repaired: removed them');
    expect(readdirSync(temp.dir)).toEqual(['config.json']);
    expect(readFileSync(file)).toEqual(good);
  });

  it('reports saved progress for items that no longer exist, with the closest current title, and keeps it', async () => {
    const data = JSON.parse((await realFile()).toString('utf8')) as {
      roadmaps: { bundled: { items: Record<string, unknown> } };
    };
    data.roadmaps.bundled.items['fastapi-basics/dependency-injection/reusable-components-old-wording'] = {
      status: 'done',
      at: '2026-11-01T00:00:00.000Z',
    };
    writeFileSync(file, JSON.stringify(data));
    const before = readFileSync(file);
    const result = await runIn(temp.dir, ['doctor', '--repair']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 item(s) this roadmap no longer has still have saved progress');
    expect(result.stdout).toContain('reusable-components-old-wording (done 2026-11-01); closest now: 2.3.1');
    expect(readFileSync(file)).toEqual(before);
  });
});
