/**
 * `roadmap help [COMMAND]`: our own, not commander's, which answers `help nothere`
 * with the full help and no error, which --json cannot carry.
 */
import { UsageError } from '../errors.js';
import { document, type DocumentHead } from '../render/json.js';
import { unknownCommand } from './unknown.js';
import { defineCommand, type Invocation } from './spec.js';

export interface HelpResult {
  /** The command explained; undefined for the program. */
  readonly command?: string;
  readonly text: string;
}

export interface HelpJson extends DocumentHead<'help'> {
  readonly of: string | null;
  readonly text: string;
}

export const helpCommand = defineCommand({
  name: 'help',
  summary: 'show help for a command',
  args: [{ name: 'command', description: 'the command to explain' }],
  examples: ['roadmap help', 'roadmap help done'],
  run: ({ args, commands, helpText }: Invocation<{ readonly command?: string }, object>): HelpResult => {
    if (!helpText) throw new UsageError('help is only shown by the full program');
    const name = args.command;
    if (name !== undefined && !commands.some((c) => c.name === name)) throw unknownCommand(name, commands);
    return name === undefined ? { text: helpText() } : { command: name, text: helpText(name) };
  },
  text: (result) => result.text,
  json: (result): HelpJson => document('help', { of: result.command ?? null, text: result.text }),
});
