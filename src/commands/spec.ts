/**
 * What a command is: one declaration, read by the commander program (src/cli.ts),
 * the fast path (src/quick.ts), shell completion and docs/commands.md. Nothing
 * here imports commander, so the fast path can load every spec without it.
 */
import type { ZoneOffset } from '../core/zone.js';
import type { Prompter } from '../io/prompts.js';
import type { Style } from '../render/style.js';
import type { Session } from '../session.js';
import { UsageError } from '../errors.js';

export interface ArgumentSpec {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  /** Takes every remaining word. */
  readonly variadic?: boolean;
  /** What a required argument's absence says, for the command named; a generic sentence otherwise. */
  readonly missing?: (command: string) => string;
}

export interface OptionSpec {
  /** As commander writes them: `-n, --number <count>`, `--todo`. */
  readonly flags: string;
  readonly description: string;
  /** A whole number of at least 1, and at most `max`. */
  readonly count?: { readonly max?: number };
  /** The only values the option takes. */
  readonly choices?: readonly string[];
  readonly default?: string | number;
  /**
   * What the option says about the output, which is decided once for every
   * command (see decideOutput): `template` fills the value as a template
   * (status --format); `format` picks a document, and its value "json" means
   * JSON output, as --json does (report --format).
   */
  readonly output?: 'template' | 'format';
}

/** How the result is printed; decided once, after parsing, before the command runs. */
export type Output =
  { readonly mode: 'text' } | { readonly mode: 'json' } | { readonly mode: 'template'; readonly template: string };

/** One run of a command: its parsed words and options, and the services of this run. */
export interface Invocation<A, O> {
  readonly args: A;
  readonly options: O;
  readonly output: Output;
  readonly session: Session;
  /** The prompts, when this run may ask (a terminal, no CI, no --no-input, and text output); else undefined. */
  readonly prompter: () => Prompter | undefined;
  /** Every command, for the commands that describe the others (completion, help). */
  readonly commands: readonly AnyCommand[];
  /** A command's help text (the program's without a name); only in the full program. */
  readonly helpText?: (command?: string) => string;
}

/** What `text` gets besides the result. */
export interface TextView<O> {
  readonly style: Style;
  /** The learner's time zone: text shows local days (JSON stays UTC). */
  readonly zone: ZoneOffset;
  /** The columns a line may take (the terminal's, or COLUMNS); undefined for a pipe or a file. */
  readonly columns: number | undefined;
  readonly options: O;
}

/**
 * A command. `A` and `O` are its parsed arguments and options (by commander's
 * camel-case names), `R` what `run` returns, `J` its JSON document (the type
 * schema/<name>.schema.json describes). Methods, not function properties, so a
 * spec of any types fits the registry's list.
 */
export interface CommandSpec<A, O, R, J> {
  readonly name: string;
  readonly summary: string;
  readonly args?: readonly ArgumentSpec[];
  readonly options?: readonly OptionSpec[];
  /** The file in schema/ its JSON document follows, without `.schema.json`: the command's name unless shared. */
  readonly schema?: string;
  /** Shown under "Examples:" in its help; each one runs (test/registry). */
  readonly examples: readonly string[];
  /** More help, after the examples. */
  readonly help?: string;
  /**
   * The fast path (src/quick.ts) runs it, `roadmap [global options] NAME [ARGS] [its
   * options]`, without loading commander; `needsArgs` when a form without arguments
   * is the full program's (done alone asks at a terminal).
   */
  readonly fast?: { readonly needsArgs?: boolean };
  run(invocation: Invocation<A, O>): R | Promise<R>;
  text(result: R, view: TextView<O>): string;
  /** The JSON document; undefined prints nothing (export -o FILE --json has written its file). */
  json(result: R): J | undefined;
  /** The output of an `output: 'template'` option. */
  template?(result: R, template: string): string;
  /** A line for stderr after the text output (a hint, "Nothing was reset."). */
  notice?(result: R): string | undefined;
  /** The exit code when it is not 0 (doctor with problems left). */
  exitCode?(result: R): number;
}

/** Any command: methods compare both ways, so every spec fits. */
export type AnyCommand = CommandSpec<unknown, unknown, unknown, unknown>;

/** Declares a command, checking its pieces against each other. */
export const defineCommand = <A, O, R, J>(spec: CommandSpec<A, O, R, J>): CommandSpec<A, O, R, J> => spec;

/**
 * Text, JSON or a template, from --json and the command's own options: the one
 * place output is decided.
 */
export function decideOutput(spec: AnyCommand, options: Readonly<Record<string, unknown>>, json: boolean): Output {
  for (const option of spec.options ?? []) {
    const { key, long } = flagsOf(option);
    const value = options[key];
    if (typeof value !== 'string') continue;
    // The same refusal on every command with a --format (status, report, export): --json is --format json.
    if (json && long === '--format' && value !== 'json') {
      throw new UsageError(`--json and --format ${value} ask for two different outputs; use one of them`);
    }
    if (json) continue;
    if (option.output === 'template') return { mode: 'template', template: value };
    if (option.output === 'format' && value === 'json') return { mode: 'json' };
  }
  return json ? { mode: 'json' } : { mode: 'text' };
}

/** An option's flags as commander reads them: `-n, --number <count>`. */
export interface Flags {
  /** `--number` */
  readonly long: string;
  /** `-n`, when it has one. */
  readonly short?: string;
  /** The parsed options' key: `--dry-run` is `dryRun`, `--no-color` is `color`. */
  readonly key: string;
  /** Whether it takes a value (`<count>`). */
  readonly takesValue: boolean;
}

export function flagsOf(option: OptionSpec): Flags {
  const long = /--[\w-]+/.exec(option.flags)?.[0] ?? option.flags;
  const short = /(?:^|[\s,])(-\w)(?=[\s,]|$)/.exec(option.flags)?.[1];
  const key = long.replace(/^--(no-)?/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { long, ...(short === undefined ? {} : { short }), key, takesValue: /[<[]/.test(option.flags) };
}

/** A count option's value: a whole number of at least 1; undefined for anything else. */
export function countOf(text: string): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}
