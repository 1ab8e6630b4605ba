/**
 * Every command, once, in the order help lists them. The commander program
 * (src/cli.ts), completion and docs/commands.md are built from this list; the
 * fast path loads only src/commands/fast.ts.
 */
import { cohortCommand } from './cohort.js';
import { completionCommand } from './completion.js';
import { configCommand } from './config.js';
import { doctorCommand } from './doctor.js';
import { doneCommand } from './done.js';
import { exportCommand } from './export.js';
import { helpCommand } from './help.js';
import { importCommand } from './import.js';
import { inspectCommand } from './inspect.js';
import { listCommand } from './list.js';
import { logCommand } from './log.js';
import { nextCommand } from './next.js';
import { planCommand } from './plan.js';
import { noteCommand } from './note.js';
import { openCommand } from './open.js';
import { projectCommand } from './project.js';
import { reportCommand } from './report.js';
import { resetCommand } from './reset.js';
import { reviewCommand } from './review.js';
import { showCommand } from './show.js';
import { skipCommand } from './skip.js';
import type { AnyCommand } from './spec.js';
import { startCommand } from './start.js';
import { statsCommand } from './stats.js';
import { statusCommand } from './status.js';
import { syncCommand } from './sync.js';
import { undoCommand } from './undo.js';
import { undoneCommand } from './undone.js';
import { useCommand } from './use.js';

export { rootCommand } from './root.js';

export const COMMANDS: readonly AnyCommand[] = [
  nextCommand,
  statusCommand,
  listCommand,
  showCommand,
  openCommand,
  doneCommand,
  undoneCommand,
  resetCommand,
  undoCommand,
  startCommand,
  skipCommand,
  noteCommand,
  logCommand,
  statsCommand,
  planCommand,
  reviewCommand,
  projectCommand,
  reportCommand,
  useCommand,
  configCommand,
  inspectCommand,
  doctorCommand,
  exportCommand,
  importCommand,
  syncCommand,
  cohortCommand,
  completionCommand,
  helpCommand,
];
