/**
 * Runs one command from its spec, the same way for the commander program and
 * the fast path: checks the options' values, decides the output once, runs the
 * command, and prints its result as text, JSON or a filled template.
 */
import type { AnyCommand, Invocation } from './commands/spec.js';
import { decideOutput, flagsOf } from './commands/spec.js';
import { QuietExit, UsageError } from './errors.js';
import { jsonText } from './render/json.js';
import { Session, type GlobalOptions, type Io } from './session.js';

export interface ParsedCommand {
  /** The command's words, by argument name (a variadic one as an array). */
  readonly args: Readonly<Record<string, unknown>>;
  /** Its options, by commander's camel-case names, defaults filled in. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly global: GlobalOptions & { readonly json: boolean };
}

export interface Surroundings {
  /** Every command the program has, for completion and help. */
  readonly commands: readonly AnyCommand[];
  readonly helpText?: (command?: string) => string;
}

export async function execute(spec: AnyCommand, parsed: ParsedCommand, io: Io, around: Surroundings): Promise<void> {
  checkValues(spec, parsed.options);
  const output = decideOutput(spec, parsed.options, parsed.global.json);
  const session = new Session(io, () => parsed.global);
  // Loaded while the command runs: colour (chalk) is only needed for text.
  const style = output.mode === 'text' ? session.style() : undefined;
  const invocation: Invocation<unknown, unknown> = {
    args: parsed.args,
    options: parsed.options,
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
    if (document !== undefined) io.out(jsonText(document));
  } else if (output.mode === 'template' && spec.template) {
    io.out(spec.template(result, output.template));
  } else {
    const text = spec.text(result, { style: await style!, options: parsed.options });
    if (text !== '') io.out(text);
    const notice = spec.notice?.(result);
    if (notice !== undefined) io.err(notice);
  }
  const code = spec.exitCode?.(result) ?? 0;
  if (code !== 0) throw new QuietExit(code);
}

/** Values commander does not check: an option's choices, and a count's upper bound. */
function checkValues(spec: AnyCommand, options: Readonly<Record<string, unknown>>): void {
  for (const option of spec.options ?? []) {
    const { key, long: name } = flagsOf(option);
    const value = options[key];
    if (option.choices && typeof value === 'string' && !option.choices.includes(value)) {
      throw new UsageError(`${name} takes ${option.choices.join(', ')}, not "${value}"`);
    }
    const max = option.count?.max;
    if (max !== undefined && typeof value === 'number' && value > max) {
      throw new UsageError(`${name} goes up to ${max}, not ${value}`);
    }
  }
}
