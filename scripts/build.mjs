// The build. Six CommonJS bundles, so that each run compiles only what it uses:
//   dist/cli/roadmap.cjs  the entry: the fast path (next, status, list, project, done, undone) and what it needs;
//   dist/cli/program.cjs  commander and every other command, loaded when the fast path does not apply;
//   dist/cli/parse.cjs    the markdown parser (marked's lexer), loaded only for a roadmap not parsed before;
//   dist/cli/conf.cjs     conf (with ajv), loaded only by the save that creates the progress file;
//   dist/cli/atomically.cjs  atomically (8 KB), which writes every save;
//   dist/cli/prompts.cjs  @inquirer/prompts, loaded only when a prompt is really shown;
//   dist/cli/fsrs.cjs     src/core/fsrs.ts with ts-fsrs, loaded the first time a graded review is scheduled.
// CommonJS because Node starts it faster than ES modules (no ESM loader, no module facades).
// The bundled roadmap is parsed here, once, into dist/roadmap.json.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = resolve(root, process.env.ROADMAP_BUILD_DIR ?? 'dist');
const cli = join(out, 'cli');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Imports between the bundles load the other bundle's file with require() at run
 * time (an import() would send it through the slower ESM loader) instead of
 * bundling its code twice.
 */
const separateBundles = {
  name: 'separate-bundles',
  setup(b) {
    const other = (file) => ({ path: file, namespace: 'other-bundle' });
    b.onResolve({ filter: /^\.\/program\.js$/ }, () => other('./program.cjs'));
    // The menu (bare `roadmap` at a terminal, `done` alone) is in the full program's bundle:
    // the entry's specs load it from there, and the fast path never opens it (src/main.ts).
    b.onResolve({ filter: /^\.\/menu\.js$/ }, () =>
      b.initialOptions.outfile?.endsWith('roadmap.cjs') ? other('./program.cjs') : undefined,
    );
    b.onResolve({ filter: /\/core\/parse\.js$/ }, (args) =>
      args.importer.endsWith('roadmap-source.ts') ? other('./parse.cjs') : undefined,
    );
    b.onResolve({ filter: /^\.\/save-deps\.js$/ }, (args) =>
      args.importer.endsWith('store.ts') ? other('./conf.cjs') : undefined,
    );
    b.onResolve({ filter: /^\.\/write-deps\.js$/ }, (args) =>
      args.importer.endsWith('store.ts') ? other('./atomically.cjs') : undefined,
    );
    // Imported statically, used synchronously, loaded on first use (see fsrsShim below).
    b.onResolve({ filter: /^\.\/fsrs\.js$/ }, (args) =>
      args.importer.endsWith('/core/review.ts') ? { path: './fsrs.cjs', namespace: 'lazy-bundle' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-bundle' }, () => ({
      contents: fsrsShim,
      loader: 'js',
      resolveDir: root,
    }));
    b.onResolve({ filter: /^@inquirer\/prompts$/ }, (args) =>
      args.importer.endsWith('prompts.ts') ? other('./prompts.cjs') : undefined,
    );
    // program.cjs and the small atomically.cjs are required as they are; the leaf bundles (conf.cjs,
    // parse.cjs: large, and importing nothing) load with V8's code cache (src/io/bundle-loader.ts) from the cache folder.
    b.onLoad({ filter: /^\.\/(program|atomically)\.cjs$/, namespace: 'other-bundle' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /\.cjs$/, namespace: 'other-bundle' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'other-bundle' }, (args) => ({
      contents: `
        const { loadBundle } = require(${JSON.stringify(join(root, 'src/io/bundle-loader.ts'))});
        const { cacheDir } = require(${JSON.stringify(join(root, 'src/io/parse-cache.ts'))});
        module.exports = loadBundle(require('node:path').join(__dirname, ${JSON.stringify(args.path)}), cacheDir(process.env));`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * In conf's bundle, node:crypto (for conf's encryption, which roadmap does not
 * use) and node:assert are loaded on first use instead of at start: they cost
 * more than the rest of a save.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    // Only imports from real files: the stand-in's own require() must reach Node's module.
    b.onResolve({ filter: /^(node:)?(crypto|assert)$/, namespace: 'file' }, (args) => ({
      path: args.path,
      namespace: 'lazy-builtin',
    }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `
        let real;
        const load = () => (real ??= require(${JSON.stringify(args.path)}));
        module.exports = new Proxy(function () {}, {
          get: (_target, key) => load()[key],
          apply: (_target, self, args) => load().apply(self, args),
        });`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^(node:)?(crypto|assert)$/, namespace: 'lazy-builtin' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  // ROADMAP_BUILD_MINIFY=0 keeps names readable in CPU profiles (with ROADMAP_BUILD_DIR, beside the real build).
  minify: process.env.ROADMAP_BUILD_MINIFY !== '0',
  // chalk is an ES module, bundled here as CommonJS: loaded (with import(), on first use) only
  // when output is coloured, and without Node's ESM loader, which costs more than chalk itself.
  define: {
    // Known now: no need to read package.json at every start.
    __ROADMAP_VERSION__: JSON.stringify(version),
    // The sources are ES modules; in a CommonJS bundle the module's URL comes from __filename.
    'import.meta.url': '__roadmapModuleUrl',
  },
  banner: { js: "const __roadmapModuleUrl=require('node:url').pathToFileURL(__filename).href;" },
  plugins: [separateBundles],
  logLevel: 'warning',
};

rmSync(cli, { recursive: true, force: true });

// FSRS first: the other bundles' stand-in for it needs the names it exports.
await build({ ...common, entryPoints: [join(root, 'src/core/fsrs.ts')], outfile: join(cli, 'fsrs.cjs') });
/**
 * What core/review.ts imports as './fsrs.js' in the other bundles: an object
 * with a getter for each export of fsrs.cjs, which loads that bundle (with V8's
 * code cache) the first time one is read. So core/review.ts calls FSRS
 * synchronously, and a run that schedules no graded review never loads it.
 */
const fsrsNames = Object.keys(createRequire(import.meta.url)(join(cli, 'fsrs.cjs')));
const fsrsShim = `
  const { loadBundle } = require(${JSON.stringify(join(root, 'src/io/bundle-loader.ts'))});
  const { cacheDir } = require(${JSON.stringify(join(root, 'src/io/parse-cache.ts'))});
  let real;
  const load = () => (real ??= loadBundle(require('node:path').join(__dirname, 'fsrs.cjs'), cacheDir(process.env)));
  for (const name of ${JSON.stringify(fsrsNames)}) {
    Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });
  }`;

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'bin/roadmap.ts')], outfile: join(cli, 'roadmap.cjs') }),
  build({ ...common, entryPoints: [join(root, 'src/program.ts')], outfile: join(cli, 'program.cjs') }),
  build({ ...common, entryPoints: [join(root, 'src/core/parse.ts')], outfile: join(cli, 'parse.cjs') }),
  build({
    ...common,
    plugins: [lazyBuiltins],
    entryPoints: [join(root, 'src/io/save-deps.ts')],
    outfile: join(cli, 'conf.cjs'),
  }),
  build({ ...common, entryPoints: [join(root, 'src/io/write-deps.ts')], outfile: join(cli, 'atomically.cjs') }),
  build({
    ...common,
    plugins: [],
    // Only the prompts roadmap shows: the editor prompt alone would add iconv-lite's tables.
    stdin: {
      contents: ['select', 'checkbox', 'search', 'confirm', 'input']
        .map((name) => `export { default as ${name} } from '@inquirer/${name}';`)
        .join('\n'),
      resolveDir: join(root, 'node_modules/@inquirer/prompts'),
      loader: 'js',
    },
    outfile: join(cli, 'prompts.cjs'),
  }),
]);
chmodSync(join(cli, 'roadmap.cjs'), 0o755);

// Parse data/roadmap.md with the parser just built, with our estimates from data/estimates.json
// (an overlay: the markdown stays the seed's). The texts are kept so that the CLI uses this tree
// only while both files still hold them (src/io/roadmap-source.ts). A bad overlay fails the build.
mkdirSync(out, { recursive: true });
const { parseRoadmap, applyEstimates, overlayOf } = createRequire(import.meta.url)(join(cli, 'parse.cjs'));
const source = readFileSync(join(root, 'data/roadmap.md'), 'utf8');
const estimates = readFileSync(join(root, 'data/estimates.json'), 'utf8');
const overlay = overlayOf(estimates);
if (overlay === undefined) throw new Error('data/estimates.json is not a JSON object of item key -> length');
const { roadmap, unknown, invalid } = applyEstimates(parseRoadmap(source), overlay);
if (unknown.length > 0) throw new Error(`data/estimates.json names no item of data/roadmap.md: ${unknown.join(', ')}`);
if (invalid.length > 0)
  throw new Error(`data/estimates.json gives no length (such as "2h") for: ${invalid.join(', ')}`);
writeFileSync(join(out, 'roadmap.json'), JSON.stringify({ source, estimates, roadmap }));
