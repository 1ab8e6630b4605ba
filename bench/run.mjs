// npm run bench: start-up time and peak memory of the installed CLI against `node -e 0`.
//
// Builds and packs the project, installs the tarball into a temporary prefix (as
// `npm install -g` would), then for each case runs the CLI and `node -e 0`
// alternately (warm-up first, then PAIRS pairs), and reports the median wall
// time, the median peak RSS, and the median of the pairwise time ratios.
// Writes the table to bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateRoadmap } from './generate.mjs';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 25);
const WARMUP = 3;
const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'roadmap-bench-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'ignore' });
const packed = JSON.parse(
  execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
  }),
);
const prefix = join(work, 'prefix');
execFileSync(
  npm,
  ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, packed[0].filename)],
  {
    stdio: 'ignore',
  },
);
const roadmap = join(prefix, 'bin', 'roadmap');
const home = join(work, 'home');
const env = {
  PATH: process.env.PATH,
  HOME: home,
  ROADMAP_CONFIG_DIR: join(work, 'config'),
  ROADMAP_CACHE_DIR: join(work, 'cache'),
};
const large = { 1000: join(work, 'topics-1000.md'), 10000: join(work, 'topics-10000.md') };
for (const [n, path] of Object.entries(large)) generateRoadmap(path, Number(n));
const realPlanFolder = join(root, 'test', 'fixtures', 'real-roadmaps');
const realPlans = readdirSync(realPlanFolder).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md');
// Issue 13: a 100 KB line of `_a` once took marked's emphasis scanner 7-13 s (lines are now read up to 10,000 characters).
const hostile = join(work, 'hostile-line.md');
writeFileSync(hostile, `# Plan\n## A\n- first\n\n${'_a'.repeat(50_000)}\n\n- second\n`);

/** One run under GNU time: wall milliseconds and peak RSS in KiB. */
function measure(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const kib = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, kib };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `steps` is the list of CLI runs that make one sample (done + undone are two runs, timed apart). */
function bench(name, args, { before = () => {}, target } = {}) {
  const runs = [];
  for (let i = 0; i < WARMUP + PAIRS; i++) {
    before();
    const cli = measure(roadmap, args);
    const base = measure(process.execPath, ['-e', '0']);
    if (i >= WARMUP) runs.push({ cli, base });
  }
  const row = {
    name,
    ms: median(runs.map((r) => r.cli.ms)),
    baseMs: median(runs.map((r) => r.base.ms)),
    ratio: median(runs.map((r) => r.cli.ms / r.base.ms)),
    kib: median(runs.map((r) => r.cli.kib)),
    baseKib: median(runs.map((r) => r.base.kib)),
    target,
  };
  console.log(
    `${name.padEnd(34)} ${row.ms.toFixed(1).padStart(7)} ms  x${row.ratio.toFixed(2)}  ${(row.kib / 1024).toFixed(1)} MiB`,
  );
  return row;
}

const clearCache = () => rmSync(env.ROADMAP_CACHE_DIR, { recursive: true, force: true });
let flip = false;
const rows = [
  bench('next', ['next'], { target: { ratio: 1.4, memory: 1.3 } }),
  bench('status', ['status'], { target: { ratio: 1.4 } }),
  bench('list', ['list'], { target: { ratio: 1.6 } }),
  bench('project', ['project'], { target: { ratio: 1.6 } }),
  // Each sample is one real write: done and undone alternate, so the file changes every time.
  bench('done 2.3.1 / undone 2.3.1', ['done', '2.3.1'], {
    before: () => {
      flip = !flip;
      if (!flip) measure(roadmap, ['undone', '2.3.1']);
    },
    target: { ratio: 2.0 },
  }),
  bench('undone 2.3.1 / done 2.3.1', ['undone', '2.3.1'], {
    before: () => measure(roadmap, ['done', '2.3.1']),
    target: { ratio: 2.0 },
  }),
  bench('next, 1,000 topics, first run', ['--file', large[1000], 'next'], { before: clearCache }),
  bench('next, 1,000 topics, repeat runs', ['--file', large[1000], 'next']),
  bench('next, 10,000 topics, first run', ['--file', large[10000], 'next'], {
    before: clearCache,
    target: { ms: 1500 },
  }),
  bench('next, 10,000 topics, repeat runs', ['--file', large[10000], 'next'], { target: { ratio: 1.6 } }),
  // The real study plans the acceptance tests read, each parsed afresh: none may take over 1 s (issue 14).
  ...realPlans.map((file) =>
    bench(`next, ${file.replace(/\.md$/, '')}, first run`, ['--file', join(realPlanFolder, file), 'next'], {
      before: clearCache,
      target: { ms: 1000 },
    }),
  ),
  bench('next, a 100 KB line of `_a`, first run', ['--file', hostile, 'next'], {
    before: clearCache,
    target: { ms: 1000 },
  }),
];

const met = (row) => {
  const t = row.target;
  if (!t) return '';
  const checks = [];
  if (t.ratio !== undefined) checks.push(row.ratio <= t.ratio ? `ratio <= ${t.ratio}: yes` : `ratio <= ${t.ratio}: NO`);
  if (t.ms !== undefined) checks.push(row.ms < t.ms ? `< ${t.ms} ms: yes` : `< ${t.ms} ms: NO`);
  if (t.memory !== undefined) {
    const m = row.kib / row.baseKib;
    checks.push(
      m <= t.memory ? `memory x${m.toFixed(2)} <= ${t.memory}: yes` : `memory x${m.toFixed(2)} <= ${t.memory}: NO`,
    );
  }
  return checks.join('; ');
};

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const table = [
  '| case | median time | `node -e 0` | median ratio | peak memory | `node -e 0` memory | target |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.ms.toFixed(1)} ms | ${r.baseMs.toFixed(1)} ms | ${r.ratio.toFixed(2)} | ${(r.kib / 1024).toFixed(1)} MiB | ${(r.baseKib / 1024).toFixed(1)} MiB | ${met(r)} |`,
  ),
];
const report = `# Benchmark results

roadmap ${version}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}.
Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\`: the packed package installed into a
temporary prefix, ${PAIRS} pairs of runs (CLI, then \`node -e 0\`) after ${WARMUP} warm-up pairs per case. Ratios are
the median of each pair's CLI time over its \`node -e 0\` time; memory is the median peak RSS (GNU time).
"First run" empties the parsed-roadmap cache before every run; "repeat runs" use it.

${table.join('\n')}
`;
writeFileSync(join(root, 'bench', 'RESULTS.md'), report);
console.log(`\n${table.join('\n')}\n\nWritten to bench/RESULTS.md`);
rmSync(work, { recursive: true, force: true });
