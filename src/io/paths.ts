/** Where things live on disk. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An XDG base folder variable, or `fallback` (under the home folder) when it is
 * unset or relative: "If an implementation encounters a relative path in any of
 * these variables it should consider the path invalid and ignore it" (XDG Base
 * Directory Specification).
 */
export function xdgDir(value: string | undefined, fallback: string): string {
  return value && isAbsolute(value) ? value : join(homedir(), fallback);
}

/**
 * The folder that holds config.json: `$ROADMAP_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/roadmap`, else `~/.config/roadmap`.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ROADMAP_CONFIG_DIR) return env.ROADMAP_CONFIG_DIR;
  return join(xdgDir(env.XDG_CONFIG_HOME, '.config'), 'roadmap');
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
