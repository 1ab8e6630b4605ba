// npm run bench: start-up time and peak memory of the installed CLI against `node -e 0`.
//
// Builds and packs the project, installs the tarball into a temporary prefix (as
// `npm install -g` would), then for each case runs the CLI and `node -e 0`
// alternately (warm-up first, then PAIRS pairs), and reports the median wall
// time, the median peak RSS, and the median of the pairwise time ratios.
// Every run gets a minimal environment and, for the forms of issue 16, a progress
// file of realistic size (bench/progress.mjs). Writes the table to bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { cohortRepository } from './cohort.mjs';
import { generateRoadmap } from './generate.mjs';
import { realisticProgress } from './progress.mjs';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 25);
const WARMUP = 3;
// A 100,000-topic run takes a second or more: fewer pairs, or the bench takes half an hour.
const SLOW = { pairs: Number(process.env.BENCH_SLOW_PAIRS ?? 7), warmup: 1 };
const HISTORY = 2000;
const NOTES = 200;
const started = Date.now();
const loadAtStart = loadavg();
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
/** The whole environment of every run: nothing from the shell but PATH. */
const minimalEnv = {
  PATH: process.env.PATH,
  HOME: join(work, 'home'),
  ROADMAP_CONFIG_DIR: join(work, 'config-empty'),
  ROADMAP_CACHE_DIR: join(work, 'cache'),
};
const colour = { FORCE_COLOR: '1', TERM: 'xterm-256color' };
const large = {
  1000: join(work, 'topics-1000.md'),
  10000: join(work, 'topics-10000.md'),
  100000: join(work, 'topics-100000.md'),
};
for (const [n, path] of Object.entries(large)) generateRoadmap(path, Number(n));
const realPlanFolder = join(root, 'test', 'fixtures', 'real-roadmaps');
const realPlans = readdirSync(realPlanFolder).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md');
// Issue 13: a 100 KB line of `_a` once took marked's emphasis scanner 7-13 s (lines are now read up to 10,000 characters).
const hostile = join(work, 'hostile-line.md');
writeFileSync(hostile, `# Plan\n## A\n- first\n\n${'_a'.repeat(50_000)}\n\n- second\n`);

/** One untimed CLI run that must succeed; its stdout. */
function cli(env, args) {
  const result = spawnSync(roadmap, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`roadmap ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/**
 * A progress folder whose file holds a few weeks of work on one roadmap: HISTORY status
 * changes and NOTES notes on real keys of it. The CLI writes the keys (`done` on `parts`),
 * the bench rewrites the history around them, and `doctor` and `export` must read it back whole.
 */
function realisticProgressFolder(name, fileArgs, parts) {
  const env = { ...minimalEnv, ROADMAP_CONFIG_DIR: join(work, `config-${name}`) };
  cli(env, [...fileArgs, 'done', ...parts]);
  const file = join(env.ROADMAP_CONFIG_DIR, 'config.json');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const [id] = Object.keys(saved.roadmaps);
  const keys = saved.roadmaps[id].history.map((entry) => entry.key);
  saved.roadmaps[id] = { ...saved.roadmaps[id], ...realisticProgress(keys, { changes: HISTORY, noteCount: NOTES }) };
  writeFileSync(file, JSON.stringify(saved, null, '\t'));

  const doctor = spawnSync(roadmap, [...fileArgs, 'doctor'], { env, encoding: 'utf8' });
  if (doctor.status !== 0 || !doctor.stdout.includes('No problems found')) {
    throw new Error(`roadmap doctor found a problem in the ${name} progress file:\n${doctor.stdout}${doctor.stderr}`);
  }
  const { progress } = JSON.parse(cli(env, [...fileArgs, 'export', '--format', 'json']));
  const notes = Object.values(progress.notes).flat().length;
  if (progress.history.length !== HISTORY || notes !== NOTES) {
    throw new Error(`the ${name} progress file reads back as ${progress.history.length} changes and ${notes} notes`);
  }
  console.log(`${name}: ${keys.length} topics touched, ${HISTORY} changes, ${NOTES} notes; doctor: no problems`);
  return env;
}

const bundledParts = JSON.parse(cli(minimalEnv, ['list', '--json']))
  .items.filter((item) => item.kind === 'part')
  .map((item) => item.id);
const firstParts = Array.from({ length: 20 }, (_, i) => String(i + 1)); // 2,000 topics
const withProgress = {
  bundled: realisticProgressFolder('bundled', [], bundledParts),
  10000: realisticProgressFolder('10,000 topics', ['--file', large[10000]], firstParts),
  100000: realisticProgressFolder('100,000 topics', ['--file', large[100000]], firstParts),
};

/** One run under GNU time: wall milliseconds, peak RSS in KiB, and what it printed. */
function measure(command, args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const kib = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, kib, stdout: result.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const ESC = '\u001b[';

/**
 * `before` runs untimed ahead of each sample. `coloured` says whether the output must (true)
 * or must not (false) hold colour codes: a colour case that prints plain text measures nothing.
 */
function bench(
  name,
  args,
  { env = minimalEnv, before = () => {}, targets = [], pairs = PAIRS, warmup = WARMUP, coloured } = {},
) {
  const runs = [];
  for (let i = 0; i < warmup + pairs; i++) {
    before();
    const run = measure(roadmap, args, env);
    const base = measure(process.execPath, ['-e', '0'], env);
    if (coloured !== undefined && run.stdout.includes(ESC) !== coloured) {
      throw new Error(`${name}: the output ${coloured ? 'has no' : 'has'} colour codes`);
    }
    if (i >= warmup) runs.push({ cli: run, base });
  }
  const row = {
    name,
    pairs,
    ms: median(runs.map((r) => r.cli.ms)),
    baseMs: median(runs.map((r) => r.base.ms)),
    ratio: median(runs.map((r) => r.cli.ms / r.base.ms)),
    kib: median(runs.map((r) => r.cli.kib)),
    baseKib: median(runs.map((r) => r.base.kib)),
    targets,
  };
  console.log(
    `${name.padEnd(44)} ${row.ms.toFixed(1).padStart(7)} ms  x${row.ratio.toFixed(2)}  ${(row.kib / 1024).toFixed(1)} MiB`,
  );
  return row;
}

// Targets: time as a ratio to `node -e 0` or in ms, peak memory as a ratio to node's or in MiB.
const ratio = (max) => ({ text: `≤ ${max}×`, met: (r) => r.ratio <= max });
const ms = (max) => ({ text: max >= 1000 ? `≤ ${max / 1000} s` : `≤ ${max} ms`, met: (r) => r.ms <= max });
const memoryRatio = (max) => ({ text: `memory ≤ ${max}× node`, met: (r) => r.kib / r.baseKib <= max });
const mib = (max) => ({ text: `memory ≤ ${max} MiB`, met: (r) => r.kib / 1024 <= max });

const clearCache = () => rmSync(minimalEnv.ROADMAP_CACHE_DIR, { recursive: true, force: true });

/** A real write every sample: the opposite command runs untimed first, so the timed one always changes the file. */
function write(name, command, ref, fileArgs, options) {
  const opposite = command === 'done' ? 'undone' : 'done';
  return bench(name, [...fileArgs, command, ref], {
    ...options,
    before: () => cli(options.env, [...fileArgs, opposite, ref]),
  });
}

const bundled = { env: withProgress.bundled };
const tenK = { env: withProgress[10000] };
const hundredK = { env: withProgress[100000], ...SLOW };
const file10k = ['--file', large[10000]];
const file100k = ['--file', large[100000]];
const issueRows = [
  bench('next', ['next'], { ...bundled, targets: [ratio(1.2), memoryRatio(1.1)], coloured: false }),
  bench('status', ['status'], { ...bundled, targets: [ratio(1.2)] }),
  bench('next in colour (FORCE_COLOR=1)', ['next'], {
    env: { ...withProgress.bundled, ...colour },
    targets: [ratio(1.2)],
    coloured: true,
  }),
  bench('next --json', ['next', '--json'], { ...bundled, targets: [ratio(1.25)] }),
  bench('status --json', ['status', '--json'], { ...bundled, targets: [ratio(1.25)] }),
  bench("status --format '{done}/{total} {next}'", ['status', '--format', '{done}/{total} {next}'], {
    ...bundled,
    targets: [ratio(1.25)],
  }),
  bench('list', ['list'], { ...bundled, targets: [ratio(1.2)] }),
  bench('project', ['project'], { ...bundled, targets: [ratio(1.2)] }),
  write('done 2.3.1 (a real write)', 'done', '2.3.1', [], { ...bundled, targets: [ratio(1.5)] }),
  write('undone 2.3.1 (a real write)', 'undone', '2.3.1', [], { ...bundled, targets: [ratio(1.5)] }),
  bench('stats', ['stats'], { ...bundled, targets: [ratio(1.4)] }),
  bench('--help', ['--help'], { ...bundled, targets: [ratio(1.4)] }),
  bench('10,000 topics: next (repeat)', [...file10k, 'next'], { ...tenK, targets: [ratio(1.4)] }),
  bench('10,000 topics: list', [...file10k, 'list'], { ...tenK, targets: [ratio(2.5)] }),
  write('10,000 topics: done 100.10.10', 'done', '100.10.10', file10k, { ...tenK, targets: [ratio(2.0)] }),
  bench('100,000 topics: next, first run', [...file100k, 'next'], {
    ...hundredK,
    before: clearCache,
    targets: [ms(2000), mib(250)],
  }),
  bench('100,000 topics: next (repeat)', [...file100k, 'next'], { ...hundredK, targets: [ratio(2.0)] }),
  bench('100,000 topics: list', [...file100k, 'list'], { ...hundredK, targets: [ms(600)] }),
  write('100,000 topics: done 1000.10.10', 'done', '1000.10.10', file100k, { ...hundredK, targets: [ms(400)] }),
];

// Issue 18: a class of 1,000 learners syncing into one repository, read by `roadmap cohort`.
// The bundled roadmap's topic keys, as the realistic progress file above holds them (every topic is in it).
const bundledKeys = Object.keys(
  Object.values(
    JSON.parse(readFileSync(join(withProgress.bundled.ROADMAP_CONFIG_DIR, 'config.json'), 'utf8')).roadmaps,
  )[0].items,
);
const cohortRemote = cohortRepository(work, bundledKeys, { members: 1000 });
const clearCohorts = () => rmSync(join(minimalEnv.ROADMAP_CACHE_DIR, 'cohorts'), { recursive: true, force: true });
const cohortRows = [
  bench('cohort of 1,000 members, first look (a clone)', ['cohort', cohortRemote, '--json'], {
    ...SLOW,
    before: clearCohorts,
    targets: [ms(3000)],
  }),
  bench('cohort of 1,000 members, again (a fetch)', ['cohort', cohortRemote, '--json'], {
    ...SLOW,
    targets: [ms(3000)],
  }),
];

const otherRows = [
  bench('next, 1,000 topics, first run', ['--file', large[1000], 'next'], { before: clearCache }),
  bench('next, 1,000 topics, repeat runs', ['--file', large[1000], 'next']),
  bench('next, 10,000 topics, first run', [...file10k, 'next'], { ...tenK, before: clearCache, targets: [ms(1500)] }),
  // The real study plans the acceptance tests read, each parsed afresh: none may take over 1 s (issue 14).
  ...realPlans.map((file) =>
    bench(`next, ${file.replace(/\.md$/, '')}, first run`, ['--file', join(realPlanFolder, file), 'next'], {
      before: clearCache,
      targets: [ms(1000)],
    }),
  ),
  bench('next, a 100 KB line of `_a`, first run', ['--file', hostile, 'next'], {
    before: clearCache,
    targets: [ms(1000)],
  }),
];

function table(rows) {
  return [
    '| form | median time | `node -e 0` | median ratio | peak memory | `node -e 0` memory | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map((r) => {
      const time = r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(1)} ms`;
      const target = r.targets.map((t) => t.text).join('; ');
      const met = r.targets.map((t) => (t.met(r) ? 'yes' : 'NO')).join('; ');
      return `| ${r.name}${r.pairs === PAIRS ? '' : ` (${r.pairs} pairs)`} | ${time} | ${r.baseMs.toFixed(1)} ms | ${r.ratio.toFixed(2)} | ${(r.kib / 1024).toFixed(1)} MiB | ${(r.baseKib / 1024).toFixed(1)} MiB | ${target} | ${met} |`;
    }),
  ].join('\n');
}

const load = (l) => l.map((n) => n.toFixed(2)).join(', ');
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const report = `# Benchmark results

roadmap ${version}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}.
Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (${minutes} min). The machine is shared: load average
(1, 5, 15 min) ${load(loadAtStart)} at the start, ${load(loadavg())} at the end.

The packed package is installed into a temporary prefix. Each case runs ${PAIRS} pairs (CLI, then \`node -e 0\`)
after ${WARMUP} warm-up pairs; the 100,000-topic cases run ${SLOW.pairs} pairs after ${SLOW.warmup} warm-up pair, since
each run takes a second or more (\`BENCH_PAIRS\` and \`BENCH_SLOW_PAIRS\` change the counts). Ratios are the
median of each pair's CLI time over its \`node -e 0\` time; memory is the median peak RSS (GNU time).
Every run has only PATH, HOME, ROADMAP_CONFIG_DIR and ROADMAP_CACHE_DIR in its environment; the colour case
adds FORCE_COLOR=1 and TERM=xterm-256color (and the bench checks that it prints colour codes).
"First run" empties the parsed-roadmap cache before every run; the other cases use it.

## The forms of issue 16

The bundled roadmap and the 10,000- and 100,000-topic generated ones (bench/generate.mjs) each have a
progress file of realistic size (bench/progress.mjs): ${HISTORY} status changes and ${NOTES} notes on real keys
over four weeks, with reviews; \`roadmap doctor\` checks it before the runs. Writes alternate: the opposite
command runs untimed before each sample, so every timed \`done\` or \`undone\` changes the file.

${table(issueRows)}

## A cohort (issue 18)

\`roadmap cohort\` on a shared sync repository of 1,000 learners (bench/cohort.mjs: one device log each,
5 to 44 changes on the bundled roadmap's topics, one in five idle), as a bare repository on disk.
The first look clones it into the cache; later looks fetch.

${table(cohortRows)}

## Other cases

Roadmaps with no saved progress (except the 10,000-topic first run, which uses the file above).

${table(otherRows)}
`;
writeFileSync(join(root, 'bench', 'RESULTS.md'), report);
console.log(`\n${report}\nWritten to bench/RESULTS.md`);
rmSync(work, { recursive: true, force: true });
