/**
 * `roadmap next`, `status`, `list`, `project`, `done REF...`, `undone REF...` and
 * a bare `roadmap` are what prompts, status bars and learners run dozens of
 * times a day. Their plain forms (the command and its words, with no options but
 * --file PATH, --no-color and --no-input) are recognised here and run from the
 * same specs as the full program, without loading commander, whose start-up
 * costs more than the rest of the command. Every other form, -h and mistakes
 * included, goes to the full program, so help, errors and suggestions stay
 * commander's. Only the forms are known here: what a command does is its spec's.
 */
import { FAST_COMMANDS, rootCommand } from './commands/fast.js';
import { optionKey, type AnyCommand } from './commands/spec.js';
import { execute, type ParsedCommand } from './execute.js';
import type { GlobalOptions, Io } from './session.js';

export interface QuickForm {
  readonly spec: AnyCommand;
  readonly parsed: ParsedCommand;
}

/** The command, if `words` (what follows `roadmap`) is one of the plain forms; undefined otherwise. */
export function quickForm(words: readonly string[]): QuickForm | undefined {
  let spec: AnyCommand = rootCommand;
  let global: GlobalOptions = { color: true };
  const positional: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const following = words[i + 1];
    if (word === '--no-color') global = { ...global, color: false };
    else if (word === '--no-input') global = { ...global, input: false };
    else if (word.startsWith('--file=') && word.length > '--file='.length) global = { ...global, file: word.slice(7) };
    else if (word === '--file' && following !== undefined && !following.startsWith('-')) {
      global = { ...global, file: following };
      i++;
    } else if (word.startsWith('-')) return undefined;
    else if (spec === rootCommand) {
      const named = FAST_COMMANDS.find((c) => c.name === word);
      if (!named) return undefined;
      spec = named;
    } else positional.push(word);
  }
  const args = argumentsOf(spec, positional);
  if (!args) return undefined;
  const options = Object.fromEntries(
    (spec.options ?? []).flatMap((o) => (o.default === undefined ? [] : [[optionKey(o.flags), o.default]])),
  );
  return { spec, parsed: { args, options, global: { ...global, json: false } } };
}

/** The words by argument name, as commander gives them; undefined when they do not fit the arguments. */
function argumentsOf(spec: AnyCommand, words: readonly string[]): Record<string, unknown> | undefined {
  const declared = spec === rootCommand ? [] : (spec.args ?? []);
  if (spec.fast?.needsArgs && words.length === 0) return undefined;
  const args: Record<string, unknown> = {};
  let rest = words;
  for (const arg of declared) {
    if (arg.required && rest.length === 0) return undefined;
    if (arg.variadic) {
      args[arg.name] = rest;
      rest = [];
    } else {
      args[arg.name] = rest[0];
      rest = rest.slice(1);
    }
  }
  return rest.length === 0 ? args : undefined;
}

export function runQuick(form: QuickForm, io: Io): Promise<void> {
  return execute(form.spec, form.parsed, io, { commands: FAST_COMMANDS });
}
