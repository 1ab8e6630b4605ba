/** Errors the user can act on, each with the exit code it ends the process with. */

export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  progressUnreadable: 3,
  roadmapUnreadable: 4,
  importUnreadable: 5,
  /** The learner left a prompt with Ctrl-C or Escape (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

/**
 * What went wrong, in one stable word for scripts: `error.code` of a JSON error
 * (schema/error.schema.json, docs/scripting.md). Messages may be reworded; these may not.
 */
export type ErrorCode =
  | 'usage'
  | 'unknown_ref'
  | 'ambiguous_ref'
  | 'locked'
  | 'corrupt_store'
  | 'bad_roadmap'
  | 'import_unreadable'
  | 'output_exists'
  | 'write_failed'
  | 'interrupted'
  | 'failure'
  | 'unexpected';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
    readonly code: ErrorCode = 'failure',
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command, option or REF that does not fit. */
export class UsageError extends CliError {
  constructor(message: string, code: 'usage' | 'unknown_ref' | 'ambiguous_ref' = 'usage') {
    super(message, ExitCode.usage, code);
  }
}

/** An item a REF might have meant, for scripts to offer (`candidates` of a JSON error). */
export interface RefCandidate {
  readonly id: string;
  readonly key: string;
  readonly title: string;
}

/** A REF that names nothing, or more than one thing: a usage error with the items it might have meant. */
export class RefError extends UsageError {
  constructor(
    message: string,
    reason: 'unknown' | 'ambiguous',
    readonly candidates: readonly RefCandidate[],
  ) {
    super(message, reason === 'ambiguous' ? 'ambiguous_ref' : 'unknown_ref');
  }
}

/** Another process holds the progress file's lock, or took it meanwhile; nothing was saved. */
export class LockedError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.failure, 'locked');
  }
}

/** A file (the progress file or an output) could not be written; nothing was saved. */
export class WriteError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.failure, 'write_failed');
  }
}

/** The saved progress cannot be read; it is left exactly as it is. */
export class ProgressFileError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.progressUnreadable, 'corrupt_store');
  }
}

/** The roadmap file cannot be read or makes no roadmap. */
export class RoadmapFileError extends CliError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot use the roadmap ${path}: ${reason}`, ExitCode.roadmapUnreadable, 'bad_roadmap');
  }
}

/** Ends with a non-zero code but no message: the command's own output already said why. */
export class QuietExit extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
  }
}

/** The learner left a prompt (Ctrl-C or Escape): nothing more happens and nothing is saved. */
export class Interrupted extends CliError {
  constructor() {
    super('', ExitCode.interrupted, 'interrupted');
  }
}

/** A file given to `roadmap import` cannot be imported; nothing was changed. */
export class ImportFileError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.importUnreadable, 'import_unreadable');
  }
}
