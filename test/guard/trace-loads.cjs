// Preloaded with `node --require` by modules-loaded.test.ts: records every module
// the process loads, CommonJS (Module._load) and ES modules (resolve hook), one
// per line, into the file named by ROADMAP_TRACE_FILE.
const { appendFileSync } = require('node:fs');
const Module = require('node:module');

const file = process.env.ROADMAP_TRACE_FILE;
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
