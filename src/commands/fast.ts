/**
 * The commands with a fast form (`fast` in their spec), which the fast path
 * (src/quick.ts) runs without loading commander or the other commands. A test
 * (test/registry) checks this list against the specs' own `fast`.
 */
import { doneCommand } from './done.js';
import { listCommand } from './list.js';
import { nextCommand } from './next.js';
import { projectCommand } from './project.js';
import { rootCommand } from './root.js';
import type { AnyCommand } from './spec.js';
import { statusCommand } from './status.js';
import { undoneCommand } from './undone.js';

export const FAST_COMMANDS: readonly AnyCommand[] = [
  nextCommand,
  statusCommand,
  listCommand,
  projectCommand,
  doneCommand,
  undoneCommand,
];

export { rootCommand };
