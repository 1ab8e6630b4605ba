/**
 * What a save needs from libraries, in one bundle loaded only by commands that
 * save (dist/cli/conf.cjs, see scripts/build.mjs): conf, which says where the
 * progress file lives, and atomically, which writes it (conf's own write path
 * cannot check the lock before the rename, and writes in place when SNAP is set).
 */
export { default as Conf } from 'conf';
export { writeFileSync as writeFileAtomic } from 'atomically';
