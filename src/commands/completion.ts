/** `roadmap completion SHELL`: a completion script made from the command registry, or the IDs it completes. */
import { walk } from '../core/tree.js';
import { UsageError } from '../errors.js';
import {
  completionScript,
  SHELLS,
  type CompletionCommand,
  type CompletionOption,
  type CompletionSpec,
  type Shell,
} from '../render/completion.js';
import { document, type DocumentHead } from '../render/json.js';
import { GLOBAL_OPTIONS } from './globals.js';
import { defineCommand, flagsOf, type AnyCommand, type Invocation, type OptionSpec } from './spec.js';

export type CompletionResult =
  { readonly shell: Shell; readonly script: string } | { readonly shell: 'ids'; readonly ids: readonly string[] };

export type CompletionJson = DocumentHead<'completion'> &
  ({ readonly shell: Shell; readonly script: string } | { readonly shell: 'ids'; readonly ids: readonly string[] });

/** An option as completion sees it: its names, what it says, and what its value is. */
function completionOption(option: OptionSpec): CompletionOption {
  const { long, short, takesValue } = flagsOf(option);
  const value: CompletionOption['value'] = !takesValue
    ? undefined
    : option.choices
      ? { kind: 'choice', choices: option.choices }
      : /<(file|path)>/.test(option.flags)
        ? { kind: 'file' }
        : { kind: 'text' };
  return {
    long,
    ...(short === undefined ? {} : { short }),
    description: option.description,
    ...(value === undefined ? {} : { value }),
  };
}

/** What a command's words are, from its first argument's name. */
function wordsOf(command: AnyCommand, commands: readonly AnyCommand[]): CompletionCommand['words'] {
  const first = command.args?.[0]?.name;
  if (first === 'ref' || first === 'refs') return { kind: 'ids' };
  if (first === 'file' || first === 'path') return { kind: 'file' };
  if (command.name === 'completion') return { kind: 'choice', choices: [...SHELLS, 'ids'] };
  if (command.name === 'help') return { kind: 'choice', choices: commands.map((c) => c.name) };
  return first === undefined ? { kind: 'none' } : { kind: 'text' };
}

/** What completion needs to know of the program: its commands, their words and options, and the global options. */
function completionSpec(commands: readonly AnyCommand[]): CompletionSpec {
  return {
    commands: commands.map((c) => ({
      name: c.name,
      summary: c.summary,
      words: wordsOf(c, commands),
      options: (c.options ?? []).map(completionOption),
    })),
    globalOptions: [
      { long: '--version', short: '-V', description: 'print the version' },
      ...GLOBAL_OPTIONS.map(completionOption),
      { long: '--help', short: '-h', description: 'show help' },
    ],
  };
}

export const completionCommand = defineCommand({
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish); "ids" lists the IDs it completes',
  args: [{ name: 'shell', description: 'bash, zsh, fish, or ids', required: true }],
  examples: [
    'source <(roadmap completion bash)',
    'source <(roadmap completion zsh)',
    'roadmap completion fish | source',
  ],
  run: async ({ args: { shell }, session, commands }: Invocation<{ readonly shell: string }, object>) => {
    if (shell === 'ids') {
      const { roadmap } = await session.context();
      const ids: string[] = [];
      walk(roadmap.parts, (item) => ids.push(item.id));
      return { shell, ids: [...ids, ...roadmap.projects.map((p) => p.id)] } as const;
    }
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw new UsageError(`no completion for "${shell}"; choose bash, zsh or fish`);
    }
    return { shell: shell as Shell, script: completionScript(shell as Shell, completionSpec(commands)) };
  },
  text: (result: CompletionResult) => ('ids' in result ? `${result.ids.join('\n')}\n` : result.script),
  json: (result: CompletionResult): CompletionJson => document('completion', result),
});
