/** The files `export` writes and `import` reads, named by the user. */
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError, ImportFileError } from '../errors.js';

/** Larger than any export of a real roadmap's progress by far; a bigger file is something else. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * The text of a file to import (`-` is stdin), as UTF-8; a missing, binary or
 * huge file is an ImportFileError. `name` is the file as the user named it.
 */
export function readImportFile(path: string, name: string = path): string {
  let bytes: Buffer;
  try {
    if (path !== '-' && statSync(path).isDirectory()) {
      throw new ImportFileError(`cannot import ${name}: it is a folder`);
    }
    bytes = readCapped(path, name);
  } catch (error) {
    if (error instanceof CliError) throw error;
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

/**
 * The bytes of the file (or stdin), refusing more than MAX_IMPORT_BYTES as they
 * come: stdin, a pipe or a device has no size to check first, and may not end.
 */
function readCapped(path: string, name: string): Buffer {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  const chunks: Buffer[] = [];
  let total = 0;
  try {
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
      if (total > MAX_IMPORT_BYTES) {
        throw new ImportFileError(`cannot import ${name}: it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      }
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Writes `text` to `path` atomically (a temp file beside it, flushed, then
 * renamed over it), so a reader never sees half an export. An existing file is
 * replaced only when `overwrite` is set.
 */
export function writeFileAtomic(path: string, text: string, overwrite: boolean): void {
  if (!overwrite && existsSync(path)) {
    throw new CliError(`${path} already exists; add --force to replace it (nothing was written)`);
  }
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CliError(`cannot write ${path} (${(error as Error).message}); nothing was written`);
  }
}
