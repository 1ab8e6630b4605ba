/**
 * A writer paused while it holds the lock (Ctrl-Z, SIGSTOP, a suspended laptop,
 * a starved CPU) keeps it: a second writer waits instead of breaking in, and
 * every command that reported success has its change in the file.
 */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { finished, savedNotes, start, type Exit, type Writer } from './writers.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

const lockFile = (): string => join(temp.dir, 'config.json.lock');

function lockOwner(): number | undefined {
  try {
    return (JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid?: number }).pid;
  } catch {
    return undefined;
  }
}

/**
 * Stops `child` at a moment it holds the lock; false when it finished before
 * that moment could be caught (the caller tries again).
 */
async function stopWhileLocked(child: Writer, exit: Promise<Exit>): Promise<boolean> {
  const state = { done: false };
  void exit.then(() => (state.done = true));
  while (!state.done) {
    if (lockOwner() === child.pid) {
      child.kill('SIGSTOP');
      // Stopped now: if the lock is still its own, it is stopped holding it.
      if (lockOwner() === child.pid) return true;
      child.kill('SIGCONT');
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}

/** Some hundreds of KB of notes, so a save holds the lock long enough to be caught. */
function padProgressFile(): void {
  expect(run(temp.dir, ['note', '1.1.2', 'first']).code).toBe(0);
  const file = join(temp.dir, 'config.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    roadmaps: { bundled: { notes: Record<string, { at: string; text: string }[]> } };
  };
  const notes = data.roadmaps.bundled.notes;
  const key = Object.keys(notes)[0]!;
  notes[key] = Array.from({ length: 3_000 }, (_, i) => ({
    at: '2026-11-01T10:00:00.000Z',
    text: `pad ${i} ${'x'.repeat(80)}`,
  }));
  writeFileSync(file, JSON.stringify(data), { mode: 0o600 });
}

it('a writer stopped while holding the lock keeps it; every command that exited 0 has its note', async () => {
  padProgressFile();
  const trials = 10;
  const acknowledged: string[] = [];
  const outcomes: string[] = [];
  let counted = 0;
  for (let attempt = 0; counted < trials && attempt < trials * 5; attempt++) {
    const first = `paused-${attempt}`;
    const second = `second-${attempt}`;
    const paused = start(temp.dir, ['note', '1.1.1', first]);
    const pausedExit = finished(paused);
    if (!(await stopWhileLocked(paused, pausedExit))) {
      if ((await pausedExit).code === 0) acknowledged.push(first);
      continue;
    }
    counted++;
    // From outside, a long pause looks like an old lock: make it one (as a suspended laptop would).
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(lockFile(), longAgo, longAgo);
    const other = start(temp.dir, ['note', '1.1.1', second]);
    const otherExit = finished(other);
    // Give the second writer time to find the lock (it must wait, not break in).
    await Promise.race([otherExit, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    paused.kill('SIGCONT');
    const [a, b] = await Promise.all([pausedExit, otherExit]);
    outcomes.push(`${a.code}/${b.code}`);
    if (a.code === 0) acknowledged.push(first);
    else expect(a.stderr).toMatch(/nothing was saved\n$/);
    if (b.code === 0) acknowledged.push(second);
    else expect(b.stderr).toMatch(/nothing was saved\n$/);
  }
  expect(counted).toBe(trials);
  const saved = savedNotes(temp.dir);
  const lost = acknowledged.filter((text) => !saved.includes(text));
  console.info(
    `paused writer: ${counted} trials (exit codes paused/second: ${outcomes.join(' ')}), ${acknowledged.length} acknowledged notes, ${lost.length} lost`,
  );
  expect(lost).toEqual([]);
  // Nothing was refused either: the second writer waited for the first.
  expect(outcomes.every((o) => o === '0/0')).toBe(true);
}, 600_000);
