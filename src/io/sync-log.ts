/**
 * A device's event log on disk: one JSON event per line, only ever appended.
 * An append is one write of whole lines followed by an fsync, so a crash leaves
 * at most a partial last line; readers skip it, and the next append cuts it off
 * before writing (it was never reported saved).
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { decodeEvent, type SyncEvent } from '../core/events.js';
import { MAX_PROGRESS_BYTES, readRegularFile } from './files.js';

export interface ReadLog {
  readonly events: SyncEvent[];
  /** Line numbers of lines that are not events (a hand edit, another tool); a partial last line is not counted. */
  readonly bad: number[];
  /** Whether the file ends in a line cut short (a crash during an append). */
  readonly partial: boolean;
}

export function readLog(path: string): ReadLog {
  let text: string;
  try {
    text = readRegularFile(path, MAX_PROGRESS_BYTES).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], bad: [], partial: false };
    throw error;
  }
  const lines = text.split('\n');
  // The text after the last newline is a line still being written, or cut short by a crash.
  const tail = lines.pop() ?? '';
  const events: SyncEvent[] = [];
  const bad: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const event = decodeEvent(line);
    if (event) events.push(event);
    else bad.push(i + 1);
  });
  return { events, bad, partial: tail !== '' };
}

/**
 * Appends events to the log and returns once they are on disk. `make` gets the
 * byte offset the first new line will start at (a number no other line of this
 * log has had, growing: it numbers the events) and returns the events to write.
 */
export function appendLog(path: string, make: (offset: number) => readonly SyncEvent[]): SyncEvent[] {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o600);
  try {
    const end = wholeLinesEnd(fd);
    const events = make(end);
    if (events.length === 0) return [];
    const text = events.map((event) => `${JSON.stringify(event)}\n`).join('');
    const bytes = Buffer.from(text);
    for (let written = 0; written < bytes.length;) {
      written += writeSync(fd, bytes, written, bytes.length - written, end + written);
    }
    fsyncSync(fd);
    return [...events];
  } finally {
    closeSync(fd);
  }
}

/** Where the log's last whole line ends; a partial line after it is cut off. */
function wholeLinesEnd(fd: number): number {
  const size = fstatSync(fd).size;
  if (size === 0) return 0;
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  for (let end = size; end > 0;) {
    const start = Math.max(0, end - chunk.length);
    const read = readSync(fd, chunk, 0, end - start, start);
    const last = chunk.subarray(0, read).lastIndexOf(0x0a);
    if (last >= 0) {
      const whole = start + last + 1;
      if (whole !== size) ftruncateSync(fd, whole);
      return whole;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
  return 0;
}

/** Every event in every log of the repository, with the logs' problems. */
export function readAllLogs(repo: string): {
  events: SyncEvent[];
  logs: string[];
  problems: string[];
  byMember: Map<string, SyncEvent[]>;
} {
  const events: SyncEvent[] = [];
  const byMember = new Map<string, SyncEvent[]>();
  const logs: string[] = [];
  const problems: string[] = [];
  for (const member of safeReaddir(repo)) {
    if (member.startsWith('.')) continue;
    for (const name of safeReaddir(join(repo, member))) {
      if (!name.endsWith('.jsonl')) continue;
      const path = join(repo, member, name);
      const log = readLog(path);
      logs.push(path);
      events.push(...log.events);
      byMember.set(member, [...(byMember.get(member) ?? []), ...log.events]);
      if (log.bad.length > 0) {
        problems.push(
          `${relative(repo, path)} has ${log.bad.length === 1 ? 'a line' : `${log.bad.length} lines`} that ${log.bad.length === 1 ? 'is' : 'are'} not an event (line ${log.bad.join(', ')}); ${log.bad.length === 1 ? 'it is' : 'they are'} skipped`,
        );
      }
      if (log.partial)
        problems.push(`${relative(repo, path)} ends in a line cut short (a crash while saving); it is skipped`);
    }
  }
  return { events, logs, problems, byMember };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
