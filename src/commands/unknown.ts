/** A stray word where a command should be: the error, with the closest command name. */
import { editDistance } from '../core/text.js';
import { UsageError } from '../errors.js';
import type { AnyCommand } from './spec.js';

export function unknownCommand(word: string, commands: readonly AnyCommand[]): UsageError {
  const [closest] = commands
    .map((c) => ({ name: c.name, d: editDistance(word, c.name) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(c.name.length / 3)))
    .sort((a, b) => a.d - b.d);
  const hint = closest ? ` Did you mean "${closest.name}"?` : '';
  return new UsageError(`unknown command "${word}".${hint} See "roadmap --help".`);
}
