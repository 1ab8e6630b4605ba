/**
 * Whether to colour output. chalk 5 detects TTYs, TERM=dumb and FORCE_COLOR but
 * ignores NO_COLOR (no-color.org) and our --no-color flag, so the decision is made here.
 */
import { Chalk } from 'chalk';
import type { Style } from './style.js';

type Level = 0 | 1 | 2 | 3;

export function colourLevel(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag: boolean): Level {
  if (noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as Level) : 1;
  }
  if (env.NO_COLOR) return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

export function styleFor(level: Level): Style {
  return new Chalk({ level });
}
