/**
 * `roadmap next`, `status`, `list`, `project`, `done REF...`, `undone REF...` and
 * a bare `roadmap` are what prompts, status bars and learners run dozens of
 * times a day. Their forms (the command, its words and its own options, with
 * --file PATH, --json, --no-color, --no-input and --no-pager) are recognised here and run from the
 * same specs as the full program, without loading commander, whose start-up
 * costs more than the rest of the command. Every other form, -h and mistakes
 * included, goes to the full program, so help, errors and suggestions stay
 * commander's. Only the forms are known here: what a command does is its spec's.
 */
import { FAST_COMMANDS, rootCommand } from './commands/fast.js';
import { countOf, flagsOf, type AnyCommand } from './commands/spec.js';
import { execute, type ParsedCommand } from './execute.js';
import type { Io } from './session.js';

const FILE_EQUALS = '--file=';

export interface QuickForm {
  readonly spec: AnyCommand;
  readonly parsed: ParsedCommand;
}

/** The command, if `words` (what follows `roadmap`) is one of the plain forms; undefined otherwise. */
export function quickForm(words: readonly string[]): QuickForm | undefined {
  let spec: AnyCommand = rootCommand;
  let global: ParsedCommand['global'] = { color: true, json: false };
  const options: Record<string, unknown> = {};
  const positional: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const following = words[i + 1];
    if (word === '--no-color') global = { ...global, color: false };
    else if (word === '--no-input') global = { ...global, input: false };
    else if (word === '--no-pager') global = { ...global, pager: false };
    else if (word === '--json') global = { ...global, json: true };
    else if (word.startsWith(FILE_EQUALS) && word.length > FILE_EQUALS.length) {
      global = { ...global, file: word.slice(FILE_EQUALS.length) };
    } else if (word === '--file' && following !== undefined && !following.startsWith('-')) {
      global = { ...global, file: following };
      i++;
    } else if (word.startsWith('-')) {
      // The command's own options, after its name; anything commander reads another way is commander's.
      const taken = spec === rootCommand ? undefined : optionWord(spec, word, following);
      if (!taken) return undefined;
      options[taken.key] = taken.value;
      if (taken.usedFollowing) i++;
    } else if (spec === rootCommand) {
      const named = FAST_COMMANDS.find((c) => c.name === word);
      if (!named) return undefined;
      spec = named;
    } else positional.push(word);
  }
  const args = argumentsOf(spec, positional);
  if (!args) return undefined;
  const defaults = (spec.options ?? []).flatMap((o) =>
    o.default === undefined ? [] : [[flagsOf(o).key, o.default] as const],
  );
  return { spec, parsed: { args, options: { ...Object.fromEntries(defaults), ...options }, global } };
}

/**
 * One of the command's options: `--plain`, `--depth 2`, `--depth=2`, `-n 3`. Undefined for
 * anything else, and for a value commander would refuse (a count that is not one), so that
 * commander says what is wrong.
 */
function optionWord(
  spec: AnyCommand,
  word: string,
  following: string | undefined,
): { key: string; value: unknown; usedFollowing: boolean } | undefined {
  const equals = word.startsWith('--') ? word.indexOf('=') : -1;
  const flag = equals === -1 ? word : word.slice(0, equals);
  const option = (spec.options ?? []).find((o) => [flagsOf(o).long, flagsOf(o).short].includes(flag));
  if (!option || flag.startsWith('--no-')) return undefined;
  const { key, takesValue } = flagsOf(option);
  if (!takesValue) return equals === -1 ? { key, value: true, usedFollowing: false } : undefined;
  const text = equals === -1 ? following : word.slice(equals + 1);
  if (text === undefined || text === '' || text.startsWith('-')) return undefined;
  const value = option.count ? countOf(text) : text;
  return value === undefined ? undefined : { key, value, usedFollowing: equals === -1 };
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
