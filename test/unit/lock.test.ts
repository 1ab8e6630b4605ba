import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { acquireLock, BadLockError, readLock } from '../../src/io/lock.js';
import { ProgressStore } from '../../src/io/store.js';
import { tempDir } from '../helpers/cli.js';

let temp: ReturnType<typeof tempDir>;
let lock: string;
beforeEach(() => {
  temp = tempDir();
  lock = join(temp.dir, 'config.json.lock');
});
afterEach(() => temp.cleanup());

/** The pid of a process that has exited, so certainly not running. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

const settled = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, ms));
  return done;
};

describe('acquireLock', () => {
  it('holds a lock file naming this process until released', async () => {
    const { release, held } = await acquireLock(lock);
    expect(readLock(lock)?.pid).toBe(process.pid);
    expect(held()).toBe(true);
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('makes a second taker wait until the first releases', async () => {
    const first = await acquireLock(lock);
    const second = acquireLock(lock);
    expect(await settled(second, 200)).toBe(false);
    first.release();
    const taken = await second;
    expect(readLock(lock)?.pid).toBe(process.pid);
    taken.release();
  });

  it('breaks a lock left by a process that is no longer running, and says so', async () => {
    const pid = deadPid();
    writeFileSync(lock, JSON.stringify({ pid, host: hostname(), token: 'old' }));
    const heard: string[] = [];
    const { release } = await acquireLock(lock, { onStale: (_info, why) => heard.push(why) });
    expect(heard).toEqual([`process ${pid} that held it is no longer running`]);
    expect(readLock(lock)?.token).not.toBe('old');
    release();
  });

  it('never breaks the lock of a live process on this host on age alone: a paused writer keeps it', async () => {
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'paused' }));
    const longAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(lock, longAgo, longAgo);
    const error = await acquireLock(lock, { timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain(`locked by process ${process.ppid}`);
    expect((error as CliError).code).toBe('locked');
    expect(readLock(lock)?.token).toBe('paused');
  });

  it('breaks a lock from another host once it is old, as before', async () => {
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: `not-${hostname()}`, token: 'old' }));
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const heard: string[] = [];
    const { release } = await acquireLock(lock, { onStale: (_info, why) => heard.push(why) });
    expect(heard[0]).toMatch(/held for \d+ s/);
    release();
  });

  it('breaks a lock with a pid reused by another process (its start time differs)', async () => {
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'old', start: '1' }));
    const heard: string[] = [];
    const { release } = await acquireLock(lock, { timeoutMs: 2_000, onStale: (_info, why) => heard.push(why) });
    expect(heard).toEqual([`process ${process.ppid} that held it is no longer running`]);
    release();
  });

  it('breaks a half-written lock file once it is old', async () => {
    writeFileSync(lock, '');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const { release } = await acquireLock(lock, { timeoutMs: 5_000 });
    release();
  });

  it('breaks a garbage lock whose time is far in the future at once, instead of waiting it out', async () => {
    writeFileSync(lock, 'garbage');
    const future = new Date(Date.now() + 365 * 24 * 3600_000);
    utimesSync(lock, future, future);
    const heard: string[] = [];
    const { release } = await acquireLock(lock, { timeoutMs: 1_000, onStale: (_info, why) => heard.push(why) });
    expect(heard[0]).toMatch(/in the future/);
    release();
  });

  it('keeps waiting while the lock changes hands, and gives up only on one holder that keeps it', async () => {
    // Holders come and go faster than the timeout but, together, for longer than it.
    let holder = 0;
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: `h${holder}` }));
    const rotate = setInterval(() => {
      holder++;
      writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: `h${holder}` }));
    }, 150);
    const taking = acquireLock(lock, { timeoutMs: 400 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 1_500));
    clearInterval(rotate);
    expect(await settled(taking, 0)).toBe(false);
    // Now one holder keeps it: the waiter gives up with the usual message.
    const error = await taking;
    expect((error as Error).message).toContain(`locked by process ${process.ppid}`);
  });

  it("refuses a symbolic link in the lock's place at once, dangling or not", async () => {
    symlinkSync(join(temp.dir, 'nowhere'), lock);
    expect(() => readLock(lock)).toThrow(BadLockError);
    const error = await acquireLock(lock, { timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadLockError);
    expect((error as Error).message).toMatch(/is a symbolic link to .*nowhere, which does not exist/);
  });

  it('gives up on a live, fresh lock after the timeout with a clear error', async () => {
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'theirs' }));
    const error = await acquireLock(lock, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain(`locked by process ${process.ppid}`);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ token: 'theirs' });
  });

  it('never removes a lock that is no longer its own', async () => {
    const { release, held } = await acquireLock(lock);
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'someone-else' }));
    expect(held()).toBe(false);
    release();
    expect(readLock(lock)?.token).toBe('someone-else');
  });
});

describe('a save whose lock is no longer its own', () => {
  it('fails loudly with "nothing was saved", and neither the file nor the new lock is touched', async () => {
    const store = new ProgressStore(join(temp.dir, 'progress'));
    const at = '2026-11-26T10:00:00.000Z';
    await store.update('bundled', (s) => ({ ...s, notes: { a: [{ at, text: 'kept' }] } }));
    const before = readFileSync(store.file);
    const theirs = JSON.stringify({ pid: process.ppid, host: `not-${hostname()}`, token: 'theirs' });
    const error = await store
      .updateAll((all) => {
        // Meanwhile the lock was removed and taken by someone else (another host, or by hand).
        writeFileSync(store.lockFile, theirs);
        return { ...all };
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/was removed or taken by another process.*nothing was saved$/);
    expect(readFileSync(store.file)).toEqual(before);
    expect(readFileSync(store.lockFile, 'utf8')).toBe(theirs);
    expect(store.leftovers()).toEqual([]);
  });
});
