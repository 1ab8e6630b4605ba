/**
 * Where a note's text comes from when it is not on the command line: standard
 * input (`roadmap note 2.1.1 -`) or the learner's editor. Written here rather
 * than taken from @inquirer's external editor, which reads process.env (not this
 * run's environment) and falls back to vim where the usual fallback is vi.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, UsageError } from '../errors.js';
import { readCapped, UnreadableFile } from './files.js';

/** More than any note holds (see MAX_NOTE_LENGTH): what is read is capped, and the command checks the length. */
const MAX_NOTE_BYTES = 256 * 1024;

function decode(bytes: Buffer, from: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`the note from ${from} is not UTF-8 text; nothing was saved`);
  }
}

/** Everything on standard input, as UTF-8 text. */
export function readNoteFromStdin(): string {
  try {
    return decode(readCapped(0, MAX_NOTE_BYTES), 'standard input');
  } catch (error) {
    if (error instanceof UnreadableFile) throw new UsageError(`the note on standard input ${error.message}`);
    throw error;
  }
}

/** The editor to open, in the usual order: $VISUAL, then $EDITOR, then vi. */
export const editorOf = (env: NodeJS.ProcessEnv): string => env.VISUAL || env.EDITOR || 'vi';

/**
 * Opens the learner's editor on `initial` in a private temporary file and
 * returns what they saved. The editor's command goes through the shell, as git
 * runs it, so `EDITOR="code --wait"` works. A failed editor is an error and
 * nothing is saved.
 */
export function editNote(initial: string, env: NodeJS.ProcessEnv): string {
  const editor = editorOf(env);
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-note-'));
  const file = join(dir, 'NOTE.txt');
  try {
    writeFileSync(file, initial, { mode: 0o600 });
    // As git does: the file is the shell's "$@", so no quoting of the path is needed.
    const ran =
      process.platform === 'win32'
        ? spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env })
        : spawnSync('/bin/sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env });
    if (ran.error)
      throw new CliError(`could not start the editor "${editor}": ${ran.error.message}; nothing was saved`);
    if (ran.status !== 0) {
      const how = ran.status === null ? `was stopped (${ran.signal ?? 'a signal'})` : `exited with code ${ran.status}`;
      throw new CliError(`the editor "${editor}" ${how}; nothing was saved`);
    }
    return decode(readFileSync(file), `the editor "${editor}"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
