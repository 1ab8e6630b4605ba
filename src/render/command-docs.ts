/**
 * docs/commands.md, the command reference, written from the command registry
 * (`npm run docs`; test/registry fails when the file is stale), so it says
 * exactly what the specs declare.
 */
import type { AnyCommand, ArgumentSpec, OptionSpec } from '../commands/spec.js';

/** Text as markdown shows it: `<` would start HTML (the hints are comments), `|` would end a table cell. */
const md = (text: string): string => text.replace(/</g, '&lt;').replace(/\|/g, '\\|');

const argumentSyntax = (arg: ArgumentSpec): string => {
  const name = `${arg.name.toUpperCase()}${arg.variadic ? '...' : ''}`;
  return arg.required ? name : `[${name}]`;
};

const optionLine = (option: OptionSpec): string => {
  const extras = [
    ...(option.choices ? [`one of ${option.choices.map((c) => `\`${c}\``).join(', ')}`] : []),
    ...(option.default === undefined ? [] : [`default \`${option.default}\``]),
    ...(option.count?.max === undefined ? [] : [`at most ${option.count.max}`]),
  ];
  return `| \`${option.flags}\` | ${md(option.description)}${extras.length > 0 ? ` (${extras.join('; ')})` : ''} |`;
};

const table = (head: string, rows: readonly string[]): string[] =>
  rows.length === 0 ? [] : ['', `| ${head} | |`, '| --- | --- |', ...rows];

function section(command: AnyCommand): string[] {
  const args = command.args ?? [];
  const options = command.options ?? [];
  const usage = ['roadmap', command.name, ...(options.length > 0 ? ['[options]'] : []), ...args.map(argumentSyntax)];
  return [
    '',
    `## ${command.name}`,
    '',
    md(`${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`),
    '',
    '```',
    usage.join(' '),
    '```',
    ...table(
      'Argument',
      args.map((a) => `| \`${argumentSyntax(a)}\` | ${md(a.description)} |`),
    ),
    ...table('Option', options.map(optionLine)),
    ...(command.help === undefined
      ? []
      : ['', ...command.help.split('\n').map((line) => md(line.replace(/^ {2}/, '- ')))]),
    '',
    'Examples:',
    '',
    '```sh',
    ...command.examples,
    '```',
    ...(command.fast ? ['', 'It runs on the fast path (without loading commander).'] : []),
    '',
    `JSON: [schema/${command.schema ?? command.name}.schema.json](../schema/${command.schema ?? command.name}.schema.json).`,
  ];
}

export function renderCommandDocs(commands: readonly AnyCommand[], globals: readonly OptionSpec[]): string {
  const lines = [
    '# Command reference',
    '',
    '<!-- Written by `npm run docs` from src/commands/ (the command registry); edit the specs, not this file. -->',
    '',
    'Every command takes the global options; `roadmap COMMAND --help` prints the same at a terminal.',
    ...table('Global option', globals.map(optionLine)),
    '',
    commands.map((c) => `[${c.name}](#${c.name})`).join(' · '),
    ...commands.flatMap(section),
  ];
  return `${lines.join('\n')}\n`;
}
