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

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command, option or REF that does not fit. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** The saved progress cannot be read; it is left exactly as it is. */
export class ProgressFileError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.progressUnreadable);
  }
}

/** The roadmap file cannot be read or makes no roadmap. */
export class RoadmapFileError extends CliError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot use the roadmap ${path}: ${reason}`, ExitCode.roadmapUnreadable);
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
    super('', ExitCode.interrupted);
  }
}

/** A file given to `roadmap import` cannot be imported; nothing was changed. */
export class ImportFileError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.importUnreadable);
  }
}
