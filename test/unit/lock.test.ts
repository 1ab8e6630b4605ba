import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { acquireLock, readLock } from '../../src/io/lock.js';
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
    const release = await acquireLock(lock);
    expect(readLock(lock)?.pid).toBe(process.pid);
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('makes a second taker wait until the first releases', async () => {
    const releaseFirst = await acquireLock(lock);
    const second = acquireLock(lock);
    expect(await settled(second, 200)).toBe(false);
    releaseFirst();
    const releaseSecond = await second;
    expect(readLock(lock)?.pid).toBe(process.pid);
    releaseSecond();
  });

  it('breaks a lock left by a process that is no longer running, and says so', async () => {
    const pid = deadPid();
    writeFileSync(lock, JSON.stringify({ pid, host: hostname(), token: 'old' }));
    const heard: string[] = [];
    const release = await acquireLock(lock, { onStale: (_info, why) => heard.push(why) });
    expect(heard).toEqual([`process ${pid} that held it is no longer running`]);
    expect(readLock(lock)?.token).not.toBe('old');
    release();
  });

  it('breaks a lock held far longer than any write takes, even if its owner looks alive', async () => {
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'old' }));
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const heard: string[] = [];
    const release = await acquireLock(lock, { onStale: (_info, why) => heard.push(why) });
    expect(heard[0]).toMatch(/held for \d+ s/);
    release();
  });

  it('breaks a half-written lock file once it is old', async () => {
    writeFileSync(lock, '');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const release = await acquireLock(lock, { timeoutMs: 5_000 });
    release();
  });

  it('gives up on a live, fresh lock after the timeout with a clear error', async () => {
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'theirs' }));
    const error = await acquireLock(lock, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain(`locked by process ${process.ppid}`);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ token: 'theirs' });
  });

  it('never removes a lock that is no longer its own', async () => {
    const release = await acquireLock(lock);
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'someone-else' }));
    release();
    expect(readLock(lock)?.token).toBe('someone-else');
  });
});
