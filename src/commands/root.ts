/** `roadmap` alone: the menu at a terminal; anywhere else, the next topic and a hint. */
import { renderNext } from '../render/next.js';
import { holdBack } from './hold-back.js';
import { next, nextJson, type NextResult } from './next.js';
import { unknownCommand } from './unknown.js';
import { defineCommand, type Invocation } from './spec.js';

/** Undefined when the menu ran: it printed as it went. */
type RootResult = NextResult | undefined;

export const rootCommand = defineCommand({
  name: '',
  summary:
    'Follow a learning roadmap from the terminal: what to study next, what you finished, which project you are ready for.',
  schema: 'next',
  args: [{ name: 'command', description: 'the command to run' }],
  examples: [
    'roadmap next',
    'roadmap done 1.1',
    'roadmap start 2.1.1',
    'roadmap list 2',
    'roadmap stats',
    'roadmap review',
    'roadmap project',
  ],
  fast: {},
  run: async ({
    args,
    session,
    prompter,
    commands,
  }: Invocation<{ readonly command?: string }, object>): Promise<RootResult> => {
    // The root takes no arguments: a stray word is a mistyped command.
    if (args.command !== undefined) throw unknownCommand(args.command, commands);
    const asker = prompter();
    if (asker) {
      const { runMenu } = await import('./menu.js');
      await runMenu(await session.context(), {
        prompter: asker,
        out: session.io.out,
        style: await session.style(),
        columns: session.columns(),
        env: session.io.env,
      });
      return undefined;
    }
    const ctx = await session.context();
    return holdBack(ctx, next(ctx, { count: 1 }));
  },
  text: (result, { style, zone }) => (result === undefined ? '' : renderNext(result, style, zone)),
  notice: (result) =>
    result === undefined
      ? undefined
      : 'Run "roadmap --help" to see every command; at a terminal, "roadmap" alone opens a menu.\n',
  json: (result) => (result === undefined ? undefined : nextJson(result)),
});
