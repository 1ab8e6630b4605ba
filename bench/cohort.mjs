// A class's shared sync repository for the cohort benchmark (issue 18): `members` learners,
// each with one device log of a few weeks of changes on the roadmap's real keys, pushed to a
// bare repository as `roadmap sync` leaves it. Deterministic: the same arguments give the same logs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 24 * 60 * 60 * 1000;
const STATUSES = ['done', 'done', 'done', 'doing', 'skipped'];

export function cohortRepository(folder, keys, { members = 1000, roadmap = 'bundled', now = Date.now() } = {}) {
  const work = join(folder, 'cohort-work');
  const bare = join(folder, 'cohort.git');
  mkdirSync(work, { recursive: true });
  let seed = 18;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let m = 0; m < members; m++) {
    const name = `learner-${String(m + 1).padStart(4, '0')}`;
    const device = `${name}-laptop`;
    // Most learners active lately; one in five last seen over two weeks ago.
    const last = now - (m % 5 === 0 ? 20 + rand() * 30 : rand() * 10) * DAY;
    const count = 5 + Math.floor(rand() * Math.min(40, keys.length));
    const lines = [];
    for (let i = 0; i < count; i++) {
      const time = new Date(last - (count - i) * 0.5 * DAY).toISOString();
      const key = keys[i % keys.length];
      const status = STATUSES[Math.floor(rand() * STATUSES.length)];
      const event = { id: `${device}.${i}`, device, time, roadmap, key, change: { set: { status, at: time } } };
      lines.push(JSON.stringify(event));
    }
    mkdirSync(join(work, name), { recursive: true });
    writeFileSync(join(work, name, `${device}.jsonl`), `${lines.join('\n')}\n`);
  }
  const git = (cwd, ...args) => execFileSync('git', args, { cwd, stdio: 'ignore' });
  git(work, 'init', '-q');
  git(work, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  git(work, 'add', '-A');
  git(work, '-c', 'user.name=bench', '-c', 'user.email=bench@roadmap.invalid', 'commit', '-q', '-m', 'cohort');
  mkdirSync(bare, { recursive: true });
  git(bare, 'init', '-q', '--bare');
  git(bare, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  git(work, 'push', '-q', bare, 'HEAD:refs/heads/main');
  return bare;
}
