/** Many `roadmap` processes at once, and writers killed mid-save: no update is ever lost or half-written. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeState } from '../../src/core/state.js';
import { run, tempDir } from '../helpers/cli.js';
import { finished, loadAverage, savedNotes, start as startWriter } from './writers.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

const configFile = (): string => join(temp.dir, 'config.json');
const savedItems = (): Record<string, { status: string }> =>
  decodeState(JSON.parse(readFileSync(configFile(), 'utf8'))).roadmaps.bundled?.items ?? {};

/** Topic IDs of the bundled roadmap, from `list` itself. */
function topicIds(): string[] {
  const { stdout } = run(temp.dir, ['list']);
  return [...stdout.matchAll(/\[[ x~-]\] (\d+\.\d+\.\d+) /g)].map((m) => m[1]!);
}

const start = (args: string[]) => startWriter(temp.dir, args);

describe('concurrent writers', () => {
  it('32 `roadmap done` processes started at once on 32 topics: all 32 are recorded', async () => {
    const ids = topicIds().slice(0, 32);
    expect(ids).toHaveLength(32);
    const results = await Promise.all(ids.map((id) => finished(start(['done', id]))));
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const items = savedItems();
    const { stdout } = run(temp.dir, ['list']);
    for (const id of ids) expect(stdout).toContain(`[x] ${id} `);
    expect(Object.values(items).filter((r) => r.status === 'done')).toHaveLength(32);
    const history = decodeState(JSON.parse(readFileSync(configFile(), 'utf8'))).roadmaps.bundled!.history;
    expect(history).toHaveLength(32);
  });

  it('100 `roadmap note` processes started at once on one topic: all exit 0 and all 100 notes are saved', async () => {
    const texts = Array.from({ length: 100 }, (_, i) => `n${i}`);
    const loads = [loadAverage()];
    const sampler = setInterval(() => loads.push(loadAverage()), 1_000);
    const results = await Promise.all(texts.map((text) => finished(start(['note', '1.1.1', text]))));
    clearInterval(sampler);
    const failed = results.filter((r) => r.code !== 0);
    const saved = savedNotes(temp.dir);
    const lost = texts.filter((text, i) => results[i]!.code === 0 && !saved.includes(text));
    console.info(
      `100 writers: load average ${loads.join(' ')}; ${failed.length} failed, ${lost.length} lost${failed.length > 0 ? `; first failure: ${failed[0]!.stderr}` : ''}`,
    );
    expect(failed).toEqual([]);
    expect(lost).toEqual([]);
    expect(saved.sort()).toEqual([...texts].sort());
  }, 600_000);

  it('a lock left by a killed process is broken with a message, not waited on', () => {
    const pid = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
    writeFileSync(join(temp.dir, 'config.json.lock'), JSON.stringify({ pid, host: hostname(), token: 'x' }));
    const result = run(temp.dir, ['done', '1.1.1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `removed a stale lock on the progress file (process ${pid} that held it is no longer running)`,
    );
    expect(existsSync(join(temp.dir, 'config.json.lock'))).toBe(false);
    expect(Object.keys(savedItems())).toHaveLength(1);
  });
});

describe('writers killed at random moments', () => {
  it('leave the progress file as it was or as it is after, always readable', async () => {
    const ids = topicIds();
    const kills = 40;
    let landed = 0;
    for (let i = 0; i < kills; i++) {
      const before = existsSync(configFile()) ? readFileSync(configFile(), 'utf8') : undefined;
      const id = ids[i % ids.length]!;
      const child = start([i % 3 === 2 ? 'undone' : 'done', id]);
      const exit = finished(child);
      // Spread the kills over start-up, the lock, the write and the rename (a run takes ~100-300 ms).
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 250)));
      child.kill('SIGKILL');
      await exit;
      if (!existsSync(configFile())) {
        expect(before).toBeUndefined();
        continue;
      }
      const after = readFileSync(configFile(), 'utf8');
      // Whole and valid, whichever version it is.
      const state = decodeState(JSON.parse(after));
      if (before !== undefined && after !== before) {
        // Exactly one change was added on top of what was there.
        const old = decodeState(JSON.parse(before)).roadmaps.bundled!.history.length;
        expect(state.roadmaps.bundled!.history.length).toBe(old + 1);
        landed++;
      }
    }
    // A later writer recovers whatever lock a killed one left behind.
    const last = run(temp.dir, ['done', ids.at(-1)!]);
    expect(last.code).toBe(0);
    expect(run(temp.dir, ['next']).code).toBe(0);
    // Temp files of killed saves are found and cleared by doctor.
    expect(run(temp.dir, ['doctor', '--repair']).stdout).not.toContain('!!');
    expect(readdirSync(temp.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    console.info(
      `kill loop: ${kills} writers killed, ${landed} of them had saved before the kill; every file readable`,
    );
  });
});
