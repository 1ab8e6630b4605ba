/** The files `export` writes and `import` reads, named by the user. */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
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
    if (path !== '-' && statSync(path).isDirectory())
      throw new ImportFileError(`cannot import ${name}: it is a folder`);
    if (path !== '-' && statSync(path).size > MAX_IMPORT_BYTES) {
      throw new ImportFileError(`cannot import ${name}: it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    }
    bytes = readFileSync(path === '-' ? 0 : path);
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
