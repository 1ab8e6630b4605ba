/**
 * The learner's own git, run as a child process: sync reaches whatever remote
 * their git reaches (ssh, https, a bare repository on disk, a synced folder)
 * with their credentials, and never asks for a password on our behalf.
 */
import { spawnSync } from 'node:child_process';
import { CliError } from '../errors.js';

export class GitError extends CliError {}

export interface GitResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs git in `cwd`; a missing git is an error, a failing git is a result. */
export function tryGit(cwd: string, args: readonly string[]): GitResult {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // No prompt for a password or a host key: sync may run in the background.
    env: {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new GitError('git is not installed (or not on PATH), and sync needs it; nothing was changed');
    throw new GitError(`git could not be started (${result.error.message}); nothing was changed`);
  }
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

/** Runs git in `cwd` and returns its output; a failure is a GitError saying `what` failed and git's own reason. */
export function git(cwd: string, args: readonly string[], what: string): string {
  const result = tryGit(cwd, args);
  if (!result.ok) throw new GitError(`${what}: ${gitReason(result.stderr)}`);
  return result.stdout;
}

/** git's own reason, in one line: its `fatal:` or `error:` line, else its last line. */
export function gitReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('hint:'));
  const told = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[lines.length - 1] ?? 'git failed';
  return told.replace(/^(fatal|error):\s*/, '').replace(/\.$/, '');
}
