/** The commander program, built from the command registry: commander parses the command line and draws the help. */
import { Command, Option } from 'commander';
import { GLOBAL_OPTIONS } from './commands/globals.js';
import { COMMANDS, rootCommand } from './commands/registry.js';
import type { AnyCommand, ArgumentSpec, OptionSpec } from './commands/spec.js';
import { execute } from './execute.js';
import { wrapColumns } from './core/width.js';
import { configDir } from './io/paths.js';
import { outputColumns } from './io/terminal.js';
import type { GlobalOptions, Io } from './session.js';

// Values and arguments are checked by src/execute.ts, in our words: commander takes every
// option value and word as typed, and says only what it alone knows (unknown options).
function optionOf(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.default !== undefined) option.default(spec.default);
  return option;
}

const argumentOf = (arg: ArgumentSpec, asDeclared: boolean): string => {
  const name = `${arg.name}${arg.variadic ? '...' : ''}`;
  return asDeclared && arg.required ? `<${name}>` : `[${name}]`;
};

/** Our own help text in lines of at most `width` columns; the lines it already has are kept. */
const fitted = (text: string, width: number): string =>
  text
    .split('\n')
    .flatMap((line) => wrapColumns(line, width, /^ */.exec(line)![0]))
    .join('\n');

/** The help after the options: examples, then the command's own notes. */
function helpAfter(spec: AnyCommand, width: number): string {
  // An example is a command to copy: it is kept whole (test/command-line/width.test.ts keeps them short).
  const examples = `\nExamples:\n${spec.examples.map((l) => `  $ ${l}`).join('\n')}\n`;
  return spec.help === undefined ? examples : `${examples}\n${fitted(spec.help, width)}\n`;
}

/** `json` is decided before parsing (src/program.ts), so that commander's own errors come as JSON too. */
export function buildProgram(io: Io, json: boolean): Command {
  // With --json, commander's own error text stays quiet: the error handler writes it as JSON.
  const output = {
    writeOut: io.out,
    writeErr: io.err,
    outputError: (text: string, write: (text: string) => void) => {
      if (!json) write(text);
    },
  };
  const program = new Command('roadmap');
  // Commands made below inherit it: commander's help fits the terminal, or COLUMNS, or 80.
  const width = outputColumns(io.env, io.stdoutIsTTY, io.terminalSize) ?? 80;
  program.configureHelp({ helpWidth: width });
  /** A command's full help, as `--help` prints it, for `roadmap help`. */
  const helpText = (name?: string): string => {
    const target = program.commands.find((c) => c.name() === name) ?? program;
    let text = '';
    target.configureOutput({ ...output, writeOut: (t) => (text += t) });
    target.outputHelp();
    target.configureOutput(output);
    return text;
  };
  const run = (
    spec: AnyCommand,
    args: Record<string, unknown>,
    options: Record<string, unknown>,
    extra: readonly string[] = [],
  ) =>
    execute(spec, { args, options, extra, global: { ...program.opts<GlobalOptions>(), json } }, io, {
      commands: COMMANDS,
      helpText,
    });

  program
    .description(rootCommand.summary)
    .usage('[options] [command]')
    .version(io.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help');
  for (const option of GLOBAL_OPTIONS) program.addOption(optionOf(option));
  program
    .showSuggestionAfterError()
    .configureOutput(output)
    .exitOverride()
    // The root takes a stray word, to say which command it may have meant.
    .allowExcessArguments()
    .helpCommand(false)
    .addHelpText(
      'after',
      `${helpAfter(rootCommand, width)}\n${fitted(`Progress is saved in ${configDir(io.env)}/config.json (set ROADMAP_CONFIG_DIR to move it).`, width)}\n`,
    )
    .action((_options, command: Command) => run(rootCommand, { command: command.args[0] }, {}));

  for (const spec of COMMANDS) {
    const declared = spec.args ?? [];
    const command = program
      .command(spec.name)
      .description(spec.summary)
      // The usage shows what is required; commander itself takes every argument as optional.
      .usage(['[options]', ...declared.map((arg) => argumentOf(arg, true))].join(' '));
    for (const arg of declared) command.argument(argumentOf(arg, false), arg.description);
    for (const option of spec.options ?? []) command.addOption(optionOf(option));
    command
      .addHelpText('after', helpAfter(spec, width))
      .configureOutput(output)
      .exitOverride()
      .showSuggestionAfterError()
      .allowExcessArguments()
      .action((...values: unknown[]) => {
        const args = Object.fromEntries(declared.map((arg, i) => [arg.name, values[i]]));
        const variadic = declared.some((arg) => arg.variadic);
        const extra = variadic ? [] : command.args.slice(declared.length);
        return run(spec, args, (values[declared.length] ?? {}) as Record<string, unknown>, extra);
      });
  }
  return program;
}
