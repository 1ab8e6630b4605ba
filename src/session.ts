/**
 * One run of roadmap: the world it may touch (Io) and the services built from
 * it and the global options: the progress store, the parse cache, the chosen
 * roadmap, the colour style. Shared by the commander program and the fast path
 * (src/quick.ts), so both behave exactly alike.
 */
import type { Context } from './commands/context.js';
import type { DoctorInput } from './commands/doctor.js';
import { clean } from './core/text.js';
import { ProgressFileError, RoadmapFileError } from './errors.js';
import { cacheDir, ParseCache } from './io/parse-cache.js';
import { configDir } from './io/paths.js';
import { adoptFormerProgress } from './io/roadmap-identity.js';
import { chooseRoadmap, loadRoadmap, type RoadmapChoice } from './io/roadmap-source.js';
import { canPrompt, terminalPrompter, type Prompter, type TerminalSize } from './io/prompts.js';
import { ProgressStore } from './io/store.js';
import { pagerCommand, pageThrough, terminalRows } from './io/pager.js';
import { outputColumns } from './io/terminal.js';
import { zoneOf } from './io/time-zone.js';
import type { ZoneOffset } from './core/zone.js';
import { syncJournal } from './io/sync-journal.js';
import { colourLevel, styleFor } from './render/colour.js';
import type { Style } from './render/style.js';

/** What the program may touch: streams, environment and clock, so tests can supply their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** Where prompts read keys; the terminal (process.stdin) unless a test supplies a stream. */
  readonly promptInput?: NodeJS.ReadableStream;
  /** The terminal's rows and columns, so prompts fit on screen; absent when unknown. */
  readonly terminalSize?: TerminalSize;
  readonly now: () => Date;
  readonly version: string;
  /** The folder relative paths (--file, `use PATH`) are read from. */
  readonly cwd: string;
}

/** The options every command takes. */
export interface GlobalOptions {
  readonly file?: string | undefined;
  /** False with --no-color. */
  readonly color: boolean;
  /** False with --no-input: never prompt. */
  readonly input?: boolean;
  /** False with --no-pager: long text is printed straight, not through $PAGER. */
  readonly pager?: boolean;
}

export class Session {
  constructor(
    readonly io: Io,
    private readonly options: () => GlobalOptions,
    /** The command this run is, for the journal of changes; absent outside a command. */
    private readonly command?: string,
  ) {}

  store(): ProgressStore {
    const dir = configDir(this.io.env);
    return new ProgressStore(dir, this.io.err, syncJournal(dir, this.io.now));
  }

  cache(): ParseCache {
    return new ParseCache(cacheDir(this.io.env), this.io.version);
  }

  /** The prompts, when this run may ask (a terminal on both ends, no CI, no --no-input); else undefined. */
  prompter(): Prompter | undefined {
    const { io } = this;
    const may = canPrompt({
      stdinIsTTY: io.stdinIsTTY,
      stdoutIsTTY: io.stdoutIsTTY,
      env: io.env,
      noInput: this.options().input === false,
    });
    if (!may) return undefined;
    // The prompts colour themselves with node:util's styleText, which reads only the
    // environment: when roadmap's own colour is off (--no-color, FORCE_COLOR=0, TERM=dumb...),
    // say so there too, before they load. Only in the real process: tests bring their own env.
    if (io.env === process.env && colourLevel(io.env, io.stdoutIsTTY, !this.options().color) === 0) {
      process.env.NO_COLOR = '1';
      delete process.env.FORCE_COLOR;
    }
    return terminalPrompter(io.promptInput, io.terminalSize);
  }

  private localZone: ZoneOffset | undefined;

  /** The learner's time zone (TZ), for the days text shows and the windows that start at local midnight. */
  zone(): ZoneOffset {
    return (this.localZone ??= zoneOf(this.io.env));
  }

  /**
   * Text for people, printed once for every command: through the pager when stdout is a
   * terminal and the text has more lines than it has rows (never in a pipe, never JSON),
   * and straight out when there is no pager or it cannot be started.
   */
  show(text: string): void {
    const { io } = this;
    const pager = io.stdoutIsTTY && this.options().pager !== false ? pagerCommand(io.env) : undefined;
    if (pager !== undefined) {
      const rows = terminalRows(io.env, io.terminalSize?.().rows);
      const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
      if (rows !== undefined && lines > rows && pageThrough(pager, text, io.env)) return;
    }
    io.out(text);
  }

  /** The columns text output may take; undefined when it goes to a pipe or a file (see outputColumns). */
  columns(): number | undefined {
    return outputColumns(this.io.env, this.io.stdoutIsTTY, this.io.terminalSize);
  }

  style(): Promise<Style> {
    return styleFor(colourLevel(this.io.env, this.io.stdoutIsTTY, !this.options().color));
  }

  /** The roadmap for this run. The saved default is read only when nothing else chose. */
  choice(store: ProgressStore): RoadmapChoice {
    const { file } = this.options();
    const saved = file === undefined && !this.io.env.ROADMAP_FILE ? store.snapshot().settings.roadmap : undefined;
    return chooseRoadmap(file, this.io.env, saved, this.io.cwd);
  }

  /** The roadmap this run read, once context() has read it: every JSON document names it (src/execute.ts). */
  roadmapRead?: { readonly id: string; readonly title: string };

  async context(): Promise<Context> {
    const store = this.store();
    const chosen = this.choice(store);
    const loaded = await loadRoadmap(chosen, this.cache()).catch((error: unknown) => {
      // A default chosen long ago may have moved: say how to choose again.
      if (error instanceof RoadmapFileError && chosen.kind === 'file' && chosen.via === 'roadmap use') {
        throw new RoadmapFileError(
          error.path,
          `${error.reason} (it was chosen with "roadmap use": choose it again with "roadmap use PATH", or go back with "roadmap use --bundled")`,
        );
      }
      throw error;
    });
    const { file } = this.options();
    const roadmapId = await adoptFormerProgress(store, loaded);
    this.roadmapRead = { id: roadmapId, title: loaded.roadmap.title };
    return {
      roadmap: loaded.roadmap,
      roadmapId,
      ...(loaded.path === undefined ? {} : { source: loaded.path }),
      invocation:
        chosen.kind === 'file' && chosen.via === '--file' && file
          ? `roadmap --file ${clean(shellQuote(file))}`
          : 'roadmap',
      store,
      now: this.io.now,
      ...(this.command === undefined ? {} : { command: this.command }),
      zone: this.zone(),
    };
  }

  /** For doctor, which must run when the progress file or the roadmap cannot be read. */
  async doctorInput(): Promise<DoctorInput> {
    const store = this.store();
    let chosen: RoadmapChoice;
    try {
      chosen = this.choice(store);
    } catch (error) {
      if (!(error instanceof ProgressFileError)) throw error;
      chosen = chooseRoadmap(this.options().file, this.io.env, undefined, this.io.cwd);
    }
    try {
      return { store, now: this.io.now, loaded: await loadRoadmap(chosen, this.cache()) };
    } catch (error) {
      if (!(error instanceof RoadmapFileError)) throw error;
      return { store, now: this.io.now, roadmapProblem: `${error.path} cannot be used: ${error.reason}` };
    }
  }
}

/** A path as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
