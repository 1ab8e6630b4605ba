/**
 * Whether to colour output. chalk 5 detects TTYs, TERM=dumb and FORCE_COLOR but
 * ignores NO_COLOR (no-color.org) and our --no-color flag, so the decision is made here.
 */
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

/**
 * Output without colour: every colour, at any depth (`style.bold.cyan`), gives the
 * text back unchanged. It stands in for chalk so that plain output (pipes,
 * scripts, status bars) never pays for loading it.
 */
const plain: Style = new Proxy(() => undefined, {
  apply: (_target, _this, args: unknown[]) => args.join(' '),
  // Not a thenable: `await styleFor(0)` must not mistake it for a promise.
  get: (_target, property) => (property === 'then' ? undefined : plain),
}) as unknown as Style;

export async function styleFor(level: Level): Promise<Style> {
  if (level === 0) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}
