/**
 * A cohort's shared sync repository, read-only: a clone kept in the cache
 * folder and brought up to date on each look. Nothing is ever committed or
 * pushed from it. Sync always pushes to the branch `main`.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SyncEvent } from '../core/events.js';
import { fnv1a } from './parse-cache.js';
import { git, GitError, gitReason, tryGit } from './git.js';
import { readAllLogs } from './sync-log.js';

/** Every member's events (by the repository's top-level folders) from `remote` as it is now. */
export function fetchCohort(remote: string, cacheFolder: string, cwd: string): Map<string, SyncEvent[]> {
  const given = /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[^/]+:/.test(remote) ? remote : resolve(cwd, remote);
  const clone = join(cacheFolder, 'cohorts', fnv1a(given));
  if (existsSync(join(clone, '.git'))) {
    const fetched = tryGit(clone, ['fetch', '-q', '--depth', '1', 'origin', 'main']);
    if (!fetched.ok) throw new GitError(`cannot reach ${remote}: ${gitReason(fetched.stderr)}`);
    const head = tryGit(clone, ['rev-parse', '--verify', '-q', 'FETCH_HEAD']);
    if (head.ok) git(clone, ['reset', '-q', '--hard', 'FETCH_HEAD'], `cannot read ${remote}`);
  } else {
    mkdirSync(join(cacheFolder, 'cohorts'), { recursive: true, mode: 0o700 });
    const cloned = tryGit(join(cacheFolder, 'cohorts'), [
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'main',
      '--no-tags',
      given,
      clone,
    ]);
    if (!cloned.ok) {
      rmSync(clone, { recursive: true, force: true });
      throw new GitError(`cannot read the cohort repository ${remote}: ${gitReason(cloned.stderr)}`);
    }
  }
  return readAllLogs(clone).byMember;
}
