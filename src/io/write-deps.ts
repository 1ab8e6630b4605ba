/**
 * What every save needs from libraries: atomically, which writes the staged file
 * a save renames over the progress file. Its own small bundle (dist/cli/atomically.cjs,
 * see scripts/build.mjs), so a save to an existing file never loads conf's bundle.
 */
export { writeFileSync as writeFileAtomic } from 'atomically';
