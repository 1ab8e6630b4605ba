/** Where things live on disk. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds config.json: `$ROADMAP_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/roadmap`, else `~/.config/roadmap`.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ROADMAP_CONFIG_DIR) return env.ROADMAP_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'roadmap');
}

/** The installed package's own folder (holds package.json and data/), found from this module. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('roadmap cannot find its own package folder');
    dir = parent;
  }
  return dir;
}
