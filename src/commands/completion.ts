/** `roadmap completion SHELL`: a completion script made from the command registry, or the IDs it completes. */
import { walk } from '../core/tree.js';
import { UsageError } from '../errors.js';
import { completionScript, SHELLS, type CompletionSpec, type Shell } from '../render/completion.js';
import { document, type DocumentHead } from '../render/json.js';
import { GLOBAL_OPTIONS } from './globals.js';
import { defineCommand, flagsOf, type AnyCommand, type Invocation, type OptionSpec } from './spec.js';

export type CompletionResult =
  { readonly shell: Shell; readonly script: string } | { readonly shell: 'ids'; readonly ids: readonly string[] };

export type CompletionJson = DocumentHead<'completion'> &
  ({ readonly shell: Shell; readonly script: string } | { readonly shell: 'ids'; readonly ids: readonly string[] });

/** `-n, --number <count>` → `--number`, `-n`. */
const namesOf = (option: OptionSpec): string[] => {
  const { long, short } = flagsOf(option);
  return short === undefined ? [long] : [long, short];
};

/** What completion needs to know of the program: its commands and their options. */
function completionSpec(commands: readonly AnyCommand[]): CompletionSpec {
  const globalOptions = [...new Set(['--version', '-V', ...GLOBAL_OPTIONS.flatMap(namesOf), '--help'])];
  return {
    commands: commands.map((c) => ({
      name: c.name,
      options: [...new Set([...(c.options ?? []).flatMap(namesOf), '--help'])].filter(
        (o) => !globalOptions.includes(o),
      ),
    })),
    globalOptions,
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
