/**
 * Runs one command from its spec, the same way for the commander program and
 * the fast path: checks its words and option values (in our words, not
 * commander's), decides the output once, runs the command, and prints its result
 * as text, JSON or a filled template.
 */
import type { AnyCommand, Invocation } from './commands/spec.js';
import { countOf, decideOutput, flagsOf } from './commands/spec.js';
import { QuietExit, UsageError } from './errors.js';
import { jsonText } from './render/json.js';
import { Session, type GlobalOptions, type Io } from './session.js';

export interface ParsedCommand {
  /** The command's words, by argument name (a variadic one as an array). */
  readonly args: Readonly<Record<string, unknown>>;
  /** Its options, by commander's camel-case names, defaults filled in; a count still as typed. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Words beyond the arguments it takes (only commander passes them on, to be refused here). */
  readonly extra?: readonly string[];
  readonly global: GlobalOptions & { readonly json: boolean };
}

export interface Surroundings {
  /** Every command the program has, for completion and help. */
  readonly commands: readonly AnyCommand[];
  readonly helpText?: (command?: string) => string;
}

export async function execute(spec: AnyCommand, parsed: ParsedCommand, io: Io, around: Surroundings): Promise<void> {
  checkArguments(spec, parsed);
  const options = checkValues(spec, parsed.options);
  const output = decideOutput(spec, options, parsed.global.json);
  const session = new Session(io, () => parsed.global, spec.name);
  // Loaded while the command runs: colour (chalk) is only needed for text.
  const style = output.mode === 'text' ? session.style() : undefined;
  const invocation: Invocation<unknown, unknown> = {
    args: parsed.args,
    options,
    output,
    session,
    // JSON and templates are for scripts: never a question.
    prompter: () => (output.mode === 'text' ? session.prompter() : undefined),
    commands: around.commands,
    ...(around.helpText ? { helpText: around.helpText } : {}),
  };
  const result: unknown = await spec.run(invocation);
  if (output.mode === 'json') {
    const document: unknown = spec.json(result);
    if (document !== undefined) io.out(jsonText(withRoadmap(document, session.roadmapRead)));
  } else if (output.mode === 'template' && spec.template) {
    io.out(spec.template(result, output.template));
  } else {
    const text = spec.text(result, { style: await style!, zone: session.zone(), columns: session.columns(), options });
    if (text !== '') session.show(text);
    const notice = spec.notice?.(result);
    if (notice !== undefined) io.err(notice);
  }
  const code = spec.exitCode?.(result) ?? 0;
  if (code !== 0) throw new QuietExit(code);
}

/**
 * A command's document with the roadmap it read, `{id, title}`, after `command`:
 * one place, so every command names it the same way. A document that names a
 * roadmap itself (import: the file's) is left as it is.
 */
function withRoadmap(document: unknown, roadmap: Session['roadmapRead']): unknown {
  if (roadmap === undefined || typeof document !== 'object' || document === null) return document;
  if (!('command' in document) || 'roadmap' in document) return document;
  const { schemaVersion, command, ...rest } = document as Record<string, unknown>;
  return { schemaVersion, command, roadmap: { id: roadmap.id, title: roadmap.title }, ...rest };
}

/**
 * The words, in our words rather than commander's: a required argument that is
 * missing, and words beyond what the command takes.
 */
function checkArguments(spec: AnyCommand, parsed: ParsedCommand): void {
  const command = `roadmap ${spec.name}`;
  const help = `see "${command} --help"`;
  for (const arg of spec.args ?? []) {
    const value = parsed.args[arg.name];
    if (arg.required && (value === undefined || (Array.isArray(value) && value.length === 0))) {
      throw new UsageError(arg.missing?.(spec.name) ?? `${command} needs ${arg.name.toUpperCase()} (${help})`);
    }
  }
  const extra = parsed.extra ?? [];
  if (extra.length > 0) {
    const takes = (spec.args ?? []).map((a) => a.name.toUpperCase());
    const what =
      takes.length === 0
        ? 'no arguments'
        : `${takes.length === 1 ? 'one argument' : `${takes.length} arguments`} (${takes.join(', ')})`;
    const words = extra.map((w) => `"${w}"`).join(' ');
    throw new UsageError(
      `${command} takes ${what}, so ${words} ${extra.length === 1 ? 'is' : 'are'} one too many (${help})`,
    );
  }
}

/**
 * Option values, checked in our words: a count is a whole number of at least 1
 * (and at most its `max`), an option with choices takes one of them. Returns the
 * options with counts as numbers.
 */
function checkValues(spec: AnyCommand, options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const checked = { ...options };
  for (const option of spec.options ?? []) {
    const { key, long: name } = flagsOf(option);
    const value = checked[key];
    if (option.choices && typeof value === 'string' && !option.choices.includes(value)) {
      throw new UsageError(`${name} takes ${option.choices.join(', ')}, not "${value}"`);
    }
    if (option.count && value !== undefined) {
      const typed = typeof value === 'string' ? value : JSON.stringify(value);
      const count = typeof value === 'number' ? value : countOf(typed);
      if (count === undefined) throw new UsageError(`${name} takes a whole number of at least 1, not "${typed}"`);
      const max = option.count.max;
      if (max !== undefined && count > max) throw new UsageError(`${name} goes up to ${max}, not ${count}`);
      checked[key] = count;
    }
  }
  return checked;
}
