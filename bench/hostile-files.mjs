// node bench/hostile-files.mjs [CLI] [--timeout SECONDS]: how the CLI fares with hostile files (issue 13).
//
// Runs each hostile input once against CLI (default: this checkout's dist/cli/roadmap.cjs;
// give another build's roadmap.cjs to compare) in a fresh temp folder, killed after
// --timeout seconds (default 20), under GNU time, and prints a markdown table: exit code
// (137: killed at the timeout), wall time, peak memory, and what came out. Not part of
// the test suite: the tests assert outcomes only; the times are measured here.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const timeoutAt = args.indexOf('--timeout');
const timeout = timeoutAt >= 0 ? Number(args.splice(timeoutAt, 2)[1]) : 20;
const cli = resolve(args[0] ?? join(import.meta.dirname, '..', 'dist', 'cli', 'roadmap.cjs'));
const root = mkdtempSync(join(tmpdir(), 'roadmap-hostile-'));
const cache = join(root, 'cache');

/** A fresh folder with a config folder in it. */
function sandbox(name) {
  const dir = join(root, name);
  mkdirSync(join(dir, 'config'), { recursive: true });
  return dir;
}

/** Runs the CLI in `dir`: exit code, wall seconds, peak MiB, first line of stderr (or stdout). */
function roadmap(dir, argv, extraEnv = {}) {
  const env = Object.fromEntries(
    Object.entries({
      PATH: process.env.PATH,
      HOME: join(dir, 'home'),
      ROADMAP_CONFIG_DIR: join(dir, 'config'),
      ROADMAP_CACHE_DIR: cache,
      ...extraEnv,
    }).filter(([, v]) => v !== undefined),
  );
  const start = process.hrtime.bigint();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', 'timeout', '-s', 'KILL', String(timeout), process.execPath, cli, ...argv],
    { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = result.stderr.trim().split('\n');
  const kib = Number(lines.at(-1));
  const said =
    lines
      .slice(0, -1)
      .filter((line) => !line.startsWith('Command '))
      .join(' ') || result.stdout.trim();
  // GNU time sees timeout's own memory only when timeout had to kill the CLI.
  const killed = result.status === 137;
  return { code: result.status, seconds, mib: killed ? undefined : kib / 1024, said, stdout: result.stdout };
}

const rows = [];
function row(name, result, outcome = result.said) {
  // eslint-disable-next-line no-control-regex
  const shown = outcome.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  rows.push(
    `| ${name} | ${result.code === 137 ? `killed at ${timeout} s` : result.code} | ${result.seconds.toFixed(2)} s | ` +
      `${result.mib === undefined ? 'n/a' : `${result.mib.toFixed(0)} MiB`} | ${shown.slice(0, 140).replace(/\|/g, '\\|')} |`,
  );
}

// The progress file, and the roadmap, replaced by something that is not a regular file.
for (const [name, make] of [
  ['named pipe', (path) => execFileSync('mkfifo', [path])],
  ['/dev/zero', (path) => symlinkSync('/dev/zero', path)],
  ['/dev/urandom', (path) => symlinkSync('/dev/urandom', path)],
]) {
  const dir = sandbox(`progress-${name.replace(/\W/g, '')}`);
  make(join(dir, 'config', 'config.json'));
  row(`progress file is a ${name}: \`status\``, roadmap(dir, ['status']));
}
for (const [name, path] of [
  ['named pipe', 'plan.md'],
  ['/dev/zero', '/dev/zero'],
  ['/dev/urandom', '/dev/urandom'],
]) {
  const dir = sandbox(`roadmap-${name.replace(/\W/g, '')}`);
  if (path === 'plan.md') execFileSync('mkfifo', [join(dir, path)]);
  row(`roadmap is a ${name}: \`--file ${path} list\``, roadmap(dir, ['--file', path, 'list']));
}
{
  const dir = sandbox('progress-huge');
  writeFileSync(join(dir, 'config', 'config.json'), '');
  truncateSync(join(dir, 'config', 'config.json'), 300 * 1024 * 1024);
  row('progress file of 300 MB (sparse): `status`', roadmap(dir, ['status']));
  writeFileSync(join(dir, 'plan.md'), '# Plan\n\n## Part\n\n- a topic\n');
  truncateSync(join(dir, 'plan.md'), 65 * 1024 * 1024);
  row('roadmap of 65 MB (sparse): `--file plan.md next`', roadmap(dir, ['--file', 'plan.md', 'next']));
}

// Markdown import: one 80 KB hostile line in an export.
for (const [name, hostile] of [
  ['80 KB of spaces, no key', () => `- [x] 1.1.1 ${' '.repeat(80_000)}x`],
  ['80 KB of tabs before an unclosed key comment', (line) => `${line.slice(0, 12)}${'\t'.repeat(80_000)}<!-- key:`],
]) {
  const dir = sandbox(`import-${name.replace(/\W/g, '')}`);
  const lines = roadmap(dir, ['export', '--format', 'md']).stdout.split('\n');
  const first = lines.findIndex((line) => line.startsWith('- [ ] 1.1.1 '));
  lines[first] = hostile(lines[first]);
  writeFileSync(join(dir, 'hostile.md'), lines.join('\n'));
  const result = roadmap(dir, ['import', 'hostile.md', '--dry-run']);
  row(
    `import of a markdown export with ${name}`,
    result,
    result.stdout.split('\n').find((l) => l.startsWith('Left out')) ?? result.said,
  );
}

// doctor --repair of a progress file with 20,000 notes, cut in the middle.
{
  const dir = sandbox('salvage');
  const at = (i) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const keys = Array.from({ length: 200 }, (_, k) => `part-${k}/section/topic-${k}`);
  const bundled = {
    items: Object.fromEntries(keys.map((key, k) => [key, { status: 'done', at: at(k) }])),
    history: keys.map((key, k) => ({ key, from: 'todo', to: 'done', at: at(k) })),
    notes: Object.fromEntries(
      keys.map((key, k) => [key, Array.from({ length: 100 }, (_, n) => ({ at: at(k * 100 + n), text: `note ${n}` }))]),
    ),
    reviews: Object.fromEntries(keys.map((key, k) => [key, [at(k)]])),
  };
  const whole = JSON.stringify({ schemaVersion: 2, settings: {}, roadmaps: { bundled } }, undefined, '\t');
  const file = join(dir, 'config', 'config.json');
  writeFileSync(file, whole.slice(0, whole.length >> 1));
  const result = roadmap(dir, ['doctor', '--repair']);
  let kept = 'no readable file after the repair';
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')).roadmaps.bundled;
    const count = (keyed) => Object.values(keyed ?? {}).flat().length;
    kept = `kept ${Object.keys(saved.items).length} statuses, ${count(saved.notes)} of 20,000 notes (cut in the middle)`;
  } catch {
    // reported as is
  }
  row('`doctor --repair` of a file with 20,000 notes cut in the middle', result, kept);
}

// export -o: the path echoed, the mode, a name too long; report --since; a backup from the future.
{
  const dir = sandbox('export');
  const name = 'x\u001b]0;pwned\u0007y.md';
  const result = roadmap(dir, ['export', '-o', name]);
  const mode = (path) => (statSync(join(dir, path)).mode & 0o777).toString(8);
  row(
    '`export -o` a name holding ESC ] 0 ; ... BEL',
    result,
    `said: ${result.stdout.trim()}; raw ESC echoed: ${result.stdout.includes('\u001b')}; mode ${mode(name)}`,
  );
  writeFileSync(join(dir, 'shared.json'), 'old');
  chmodSync(join(dir, 'shared.json'), 0o640);
  const forced = roadmap(dir, ['export', '-o', 'shared.json', '--force']);
  row('`export -o shared.json --force` over a 0640 file', forced, `mode after: ${mode('shared.json')}`);
  row('`export -o` a 300-character name', roadmap(dir, ['export', '-o', 'a'.repeat(300)]));
  row('`report --since 999999999d`', roadmap(dir, ['report', '--since', '999999999d']));
  roadmap(dir, ['done', '1.1.1']);
  const backup = JSON.parse(roadmap(dir, ['export']).stdout);
  backup.exportedAt = '9999-01-01T00:00:00.000Z';
  for (const record of Object.values(backup.progress.items)) record.at = '9999-01-01T00:00:00.000Z';
  writeFileSync(join(dir, 'future.json'), JSON.stringify(backup));
  roadmap(dir, ['undone', '1.1.1']);
  row('`import` a JSON backup dated 9999', roadmap(dir, ['import', 'future.json']));
}

// A relative XDG_CONFIG_HOME.
{
  const dir = sandbox('xdg');
  const result = roadmap(dir, ['done', '1.1.1'], {
    ROADMAP_CONFIG_DIR: undefined,
    XDG_CONFIG_HOME: 'relative-config',
  });
  const where = existsSync(join(dir, 'relative-config'))
    ? 'saved in ./relative-config (relative to the working folder)'
    : `saved in ~/.config/roadmap: ${readdirSync(join(dir, 'home', '.config', 'roadmap')).includes('config.json')}`;
  row('`done 1.1.1` with XDG_CONFIG_HOME=relative-config', result, where);
}

console.log(`CLI: ${cli}\n`);
console.log('| hostile input | exit | time | peak memory | outcome |\n| --- | ---: | ---: | ---: | --- |');
console.log(rows.join('\n'));
rmSync(root, { recursive: true, force: true });
