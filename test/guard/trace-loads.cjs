// Preloaded with `node --require` by modules-loaded.test.ts: records every module
// the process loads, CommonJS (Module._load), ES modules (resolve hook) and the
// build's bundle files (read with fs.readFileSync), one per line, into the file
// named by ROADMAP_TRACE_FILE.
const { appendFileSync } = require('node:fs');
const Module = require('node:module');

const fs = require('node:fs');

const file = process.env.ROADMAP_TRACE_FILE;
// The build's own bundles load through fs.readFileSync (with V8's code cache), not require().
const readFileSync = fs.readFileSync;
fs.readFileSync = function tracedRead(path) {
  if (typeof path === 'string' && /\.(c|m)?js$/.test(path)) appendFileSync(file, `${path}\n`);
  return readFileSync.apply(this, arguments);
};
const load = Module._load;
Module._load = function traced(request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try {
    appendFileSync(file, `${Module._resolveFilename(request, parent, isMain)}\n`);
  } catch {
    appendFileSync(file, `${request}\n`);
  }
  return loaded;
};
Module.register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      let file;
      export function initialize(data) { file = data; }
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context);
        appendFileSync(file, result.url + '\\n');
        return result;
      }`),
  { data: file },
);
