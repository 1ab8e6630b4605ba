// The build: bundles the CLI with esbuild (one small entry file; what only some
// commands need, such as marked's lexer or chalk, in chunks loaded on demand),
// and parses the bundled roadmap once, here, so that `roadmap next` never lexes it.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const out = resolve(root, process.env.ROADMAP_BUILD_DIR ?? 'dist');

rmSync(join(out, 'cli'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'bin/roadmap.ts')],
  outdir: join(out, 'cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  // conf (and ajv behind it) is only for writes and stays a normal dependency.
  external: ['conf'],
  // commander is CommonJS; its require() of Node built-ins needs a require in ESM.
  banner: {
    js: "import{createRequire as __roadmapRequire}from'node:module';const require=__roadmapRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(join(out, 'cli', 'roadmap.js'), 0o755);

// Parse data/roadmap.md with the project's own parser, bundled for this one use.
const parser = await build({
  entryPoints: [join(root, 'src/core/parse.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
mkdirSync(out, { recursive: true });
const parserFile = join(out, `.parse-${process.pid}.mjs`);
writeFileSync(parserFile, parser.outputFiles[0].text);
try {
  const { parseRoadmap } = await import(pathToFileURL(parserFile).href);
  const source = readFileSync(join(root, 'data/roadmap.md'), 'utf8');
  writeFileSync(join(out, 'roadmap.json'), JSON.stringify({ source, roadmap: parseRoadmap(source) }));
} finally {
  rmSync(parserFile, { force: true });
}
