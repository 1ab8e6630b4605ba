/**
 * Loads one of the build's own leaf bundles (dist/cli/conf.cjs, parse.cjs) like
 * require(), but with V8's code cache: the bytecode compiled on
 * the first run is kept in the cache folder, so later runs skip compiling
 * (conf with ajv is ~200 KB of JavaScript: compiling it costs about half of
 * Node's own start-up). A cache that is missing, stale or from another V8 is
 * simply rebuilt.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { fnv1a } from './parse-cache.js';

type Wrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

export function loadBundle(file: string, cacheFolder: string): unknown {
  const source = readFileSync(file, 'utf8');
  const { size, mtimeMs } = statSync(file);
  const cacheFile = join(
    cacheFolder,
    'v8',
    `${fnv1a(`${process.version}\0${process.arch}\0${file}\0${size}\0${mtimeMs}`)}.bin`,
  );
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // First run, or no cache: compile from source.
  }
  // Only for bundles that import() nothing: code compiled by vm.Script has no loader for import().
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const wrapper = script.runInThisContext() as Wrapper;
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, cacheFile);
    } catch {
      // A cache folder we cannot write only costs speed.
    }
  }
  return module.exports;
}
