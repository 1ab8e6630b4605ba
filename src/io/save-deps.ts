/**
 * conf, which places a new progress file, in a bundle of its own (dist/cli/conf.cjs,
 * see scripts/build.mjs) loaded only by the save that creates the file: its
 * constructor reads the whole file and compares it with assert.deepEqual, which
 * costs more than the rest of a save. The writing itself is atomically's
 * (src/io/write-deps.ts): conf's own write path cannot check the lock before the
 * rename, and writes in place when SNAP is set.
 */
export { default as Conf } from 'conf';
