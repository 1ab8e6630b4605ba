/**
 * `roadmap next`, `status`, `list`, `project`, `done REF...`, `undone REF...` and
 * a bare `roadmap` are what prompts, status bars and learners run dozens of
 * times a day. In their plain forms (no options but --file PATH and --no-color)
 * they are recognised here and run without loading commander, whose start-up
 * costs more than the rest of the command.
 * Every other form, -h and mistakes included, goes to the full commander
 * program, so help, errors and suggestions stay commander's.
 */
import { list } from './commands/list.js';
import { mark } from './commands/mark.js';
import { next } from './commands/next.js';
import { projects } from './commands/project.js';
import { renderList } from './render/list.js';
import { renderMark } from './render/mark.js';
import { renderNext } from './render/next.js';
import { renderProjects } from './render/project.js';
import { renderStatus } from './render/status.js';
import { Session, type GlobalOptions, type Io } from './session.js';

export interface QuickCommand {
  readonly command: (typeof COMMANDS)[number] | 'bare';
  readonly options: GlobalOptions;
  /** The REFs of done and undone. */
  readonly refs: readonly string[];
}

const COMMANDS = ['next', 'status', 'list', 'project', 'done', 'undone'] as const;
const isCommand = (word: string): word is (typeof COMMANDS)[number] => (COMMANDS as readonly string[]).includes(word);

/** The command, if `args` (what follows `roadmap`) is one of the plain forms; undefined otherwise. */
export function quickCommand(args: readonly string[]): QuickCommand | undefined {
  let command: QuickCommand['command'] = 'bare';
  let file: string | undefined;
  let color = true;
  const refs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-color') color = false;
    else if (arg.startsWith('--file=') && arg.length > '--file='.length) file = arg.slice('--file='.length);
    else if (arg === '--file' && args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) file = args[++i];
    else if (isCommand(arg) && command === 'bare') command = arg;
    else if ((command === 'done' || command === 'undone') && !arg.startsWith('-')) refs.push(arg);
    else return undefined;
  }
  // Without a REF, done and undone are commander's to explain.
  if ((command === 'done' || command === 'undone') && refs.length === 0) return undefined;
  return { command, options: { file, color }, refs };
}

export async function runQuick(quick: QuickCommand, io: Io): Promise<void> {
  const session = new Session(io, () => quick.options);
  const [context, style] = await Promise.all([session.context(), session.style()]);
  switch (quick.command) {
    case 'done':
    case 'undone':
      io.out(renderMark(await mark(context, quick.refs, quick.command === 'done' ? 'done' : 'todo'), style));
      break;
    case 'list':
      io.out(renderList(list(context, {}), style));
      break;
    case 'project':
      io.out(renderProjects(projects(context), style));
      break;
    case 'status':
      io.out(renderStatus(next(context, { count: 1 }), style));
      break;
    default:
      io.out(renderNext(next(context, { count: 1 }), style));
      if (quick.command === 'bare') io.err('Run "roadmap --help" to see every command.\n');
  }
}
