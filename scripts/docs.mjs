// Writes docs/commands.md from the command registry (src/commands/registry.ts).
// test/registry/registry.test.ts fails when the file is stale: run `npm run docs` after changing a command.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'roadmap-docs-'));
try {
  const entry = join(folder, 'docs.cjs');
  await build({
    stdin: {
      contents: `
        export { renderCommandDocs } from './src/render/command-docs.ts';
        export { COMMANDS } from './src/commands/registry.ts';
        export { GLOBAL_OPTIONS } from './src/commands/globals.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile: entry,
    logLevel: 'warning',
    // Only the declarations are read: chalk is never loaded.
    external: ['chalk'],
    define: { 'import.meta.url': '"file:///"' },
  });
  const { renderCommandDocs, COMMANDS, GLOBAL_OPTIONS } = (await import(pathToFileURL(entry).href)).default;
  writeFileSync(join(root, 'docs/commands.md'), renderCommandDocs(COMMANDS, GLOBAL_OPTIONS));
  console.log('wrote docs/commands.md');
} finally {
  rmSync(folder, { recursive: true, force: true });
}
