/**
 * Reading the files roadmap is given (the roadmap, the progress file, a file to
 * import) without being stalled or flooded by one that is not what it seems,
 * and writing the files `export` is asked for.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError, ExitCode, ImportFileError, UsageError, WriteError } from '../errors.js';

/** Larger than any export of a real roadmap's progress by far; a bigger file is something else. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/**
 * A roadmap is a document people read: the longest real ones are a few hundred
 * KB; the parser already refuses, quickly, hostile files of tens of MB.
 */
export const MAX_ROADMAP_BYTES = 64 * 1024 * 1024;
/**
 * The progress file holds every roadmap's progress, imports included (each up to
 * MAX_IMPORT_BYTES), so its limit is far above theirs; it only stops a runaway read.
 */
export const MAX_PROGRESS_BYTES = 256 * 1024 * 1024;

/** Why a file cannot be read as it is; the message completes "the file ...", e.g. "is larger than 16 MB". */
export class UnreadableFile extends Error {}

const tooLarge = (limit: number): UnreadableFile => new UnreadableFile(`is larger than ${limit / 1024 / 1024} MB`);

/** What a path that is not a regular file is, in the user's words. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a plain file';
}

/**
 * Opens a file that must be a regular file of at most `limit` bytes, and
 * returns its descriptor (the caller closes it) and its stat. Opened
 * non-blocking, so that a named pipe with no writer is refused at once instead
 * of hanging the open; a pipe or a device (/dev/zero, /dev/urandom) may never
 * end, so it is never read.
 */
export function openRegularFile(path: string, limit: number): { fd: number; stat: Stats } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFile(`is ${kindOf(stat)}, not a regular file`);
    if (stat.size > limit) throw tooLarge(limit);
    return { fd, stat };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * A regular file's bytes, at most `limit` of them (see openRegularFile). Read in
 * one piece of the size it has (one buffer, no chunks to copy and join: every
 * command reads the progress file); one that grew meanwhile is read again
 * through the capped reader.
 */
export function readRegularFile(path: string, limit: number): Buffer {
  const { fd, stat } = openRegularFile(path, limit);
  let length = 0;
  let grew = false;
  let bytes: Buffer;
  try {
    // One byte more than its size, to see whether it grew.
    bytes = Buffer.allocUnsafe(stat.size + 1);
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    grew = length > stat.size;
  } finally {
    closeSync(fd);
  }
  return grew ? readGrowingFile(path, limit) : bytes.subarray(0, length);
}

/** A file that changed size while it was read: read to its end, refusing more than `limit`. */
function readGrowingFile(path: string, limit: number): Buffer {
  const { fd } = openRegularFile(path, limit);
  try {
    return readCapped(fd, limit);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes from `fd` to its end, refusing more than `limit` as they come: a
 * pipe or stdin has no size to check first and may not end, and a regular file
 * can grow while it is read.
 */
export function readCapped(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN') throw error;
      // A non-blocking pipe with nothing in it yet: wait a moment for the writer.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw tooLarge(limit);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

/**
 * The text of a file to import (`-` is stdin), as UTF-8; a missing, binary or
 * huge file is an ImportFileError. `name` is the file as the user named it.
 * Unlike the roadmap and the progress file, a pipe is welcome here
 * (`roadmap import <(curl ...)`); it is only capped.
 */
export function readImportFile(path: string, name: string = path): string {
  let bytes: Buffer;
  try {
    if (path !== '-' && statSync(path).isDirectory()) {
      throw new ImportFileError(`cannot import ${name}: it is a folder`);
    }
    const fd = path === '-' ? 0 : openSync(path, 'r');
    try {
      bytes = readCapped(fd, MAX_IMPORT_BYTES);
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof UnreadableFile) throw new ImportFileError(`cannot import ${name}: it ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new ImportFileError(`cannot import ${name}: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(`cannot import ${name}: it is not UTF-8 text`);
  }
}

/** The longest file name the usual file systems (ext4, btrfs, APFS, NTFS) take, in bytes. */
const NAME_MAX = 255;

/**
 * A path as it may be shown in a message: control characters (the ESC of an
 * escape sequence, a BEL, a newline) and bidi controls written as visible
 * escapes (`\x1b`, `\u202e`), so a file name can neither drive the terminal
 * nor disguise itself, and the user still sees which characters it holds.
 */
export function visiblePath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Writes `text` to `path` atomically (a temp file beside it, flushed, then
 * renamed over it), so a reader never sees half an export. An existing file is
 * replaced only when `overwrite` is set, and keeps its mode; a new one is 0600,
 * as private as the progress file it comes from.
 */
export function writeFileAtomic(path: string, text: string, overwrite: boolean): void {
  const shown = visiblePath(path);
  const nameBytes = Buffer.byteLength(basename(path));
  if (nameBytes > NAME_MAX) {
    throw new UsageError(
      `the file name given is ${nameBytes} bytes long, and file systems take names of up to ${NAME_MAX} (nothing was written)`,
    );
  }
  let mode = 0o600;
  try {
    mode = statSync(path).mode & 0o7777;
    if (!overwrite) {
      throw new CliError(
        `${shown} already exists; add --force to replace it (nothing was written)`,
        ExitCode.failure,
        'output_exists',
      );
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    // No such file yet (or none we can see): a new one.
  }
  // A short temp name, so that any name the file system takes can be written.
  const temp = join(dirname(path), `.roadmap-export-${process.pid}-${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      // Set outright: the mode given to open is narrowed by the umask.
      fchmodSync(fd, mode);
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file was never made (its folder is missing or unreadable).
    }
    if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') {
      throw new UsageError('the path given is longer than the file system takes (nothing was written)');
    }
    const why = visiblePath((error as Error).message);
    throw new WriteError(`cannot write ${shown} (${why}); nothing was written`);
  }
}
