/**
 * Hands a web address to the learner's browser: $BROWSER when set, else the
 * platform's opener (xdg-open, macOS's open, Windows' url.dll). The opener is
 * started detached, without the terminal's stdin or output, and not waited for:
 * roadmap returns while the browser stays.
 */
import { CliError } from '../errors.js';

/** A command line as words: the program, then its arguments. */
export type CommandWords = readonly string[];

/** What opens links here, or why nothing can. */
export type Openers =
  | { readonly kind: 'commands'; readonly from: 'BROWSER' | 'platform'; readonly commands: readonly CommandWords[] }
  /** Linux or BSD with no graphical session and no $BROWSER: xdg-open would start a text browser on a terminal it cannot have. */
  | { readonly kind: 'none'; readonly why: string };

/**
 * $BROWSER as its convention reads it (Python's webbrowser, xdg-open): commands
 * separated by ':' (';' on Windows, whose paths hold ':'), tried in turn; each
 * split into words, quotes kept together.
 */
export function browserCommands(value: string, platform: NodeJS.Platform = process.platform): CommandWords[] {
  return value
    .split(platform === 'win32' ? ';' : ':')
    .map(words)
    .filter((command) => command.length > 0);
}

/** Shell-like words: split on spaces, except inside '...' or "..." (no expansion of any kind). */
function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g)) {
    out.push(match[0].replace(/'([^']*)'|"([^"]*)"/g, (_, single?: string, double?: string) => single ?? double ?? ''));
  }
  return out;
}

/** The arguments to run for `url`: every `%s` replaced by it, or it added at the end when there is none. */
export function commandLine(command: CommandWords, url: string): CommandWords {
  const [program = '', ...args] = command;
  if (!args.some((a) => a.includes('%s'))) return [program, ...args, url];
  return [program, ...args.map((a) => a.replaceAll('%s', url))];
}

/**
 * What opens links on this machine. Windows gets url.dll's handler rather than
 * `cmd /c start`, so that no shell reads the address (`&` in a query would end
 * cmd's command).
 */
export function openersFor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Openers {
  const browser = env.BROWSER?.trim() ?? '';
  if (browser !== '') return { kind: 'commands', from: 'BROWSER', commands: browserCommands(browser, platform) };
  if (platform === 'darwin') return { kind: 'commands', from: 'platform', commands: [['open']] };
  if (platform === 'win32') {
    return { kind: 'commands', from: 'platform', commands: [['rundll32', 'url.dll,FileProtocolHandler']] };
  }
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { kind: 'none', why: 'there is no graphical display here (DISPLAY is not set) and BROWSER is not set' };
  }
  return { kind: 'commands', from: 'platform', commands: [['xdg-open']] };
}

/**
 * How long an opener may run before it counts as the browser itself: xdg-open,
 * open and a browser already running hand the address over and exit at once
 * (non-zero when they could not), while a browser started fresh stays running.
 */
const HANDED_OVER_MS = 1000;

/** Why one opener did not open the address; undefined when it did. */
function launch(command: CommandWords, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  // Loaded only to open: every other command is spared node:child_process.
  const { spawn } = process.getBuiltinModule('node:child_process');
  const [program = '', ...args] = command;
  return new Promise((done) => {
    let settled = false;
    const child = spawn(program, args, { detached: true, stdio: 'ignore', env, windowsHide: true });
    const settle = (why: string | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.unref();
      done(why);
    };
    const timer = setTimeout(() => settle(undefined), HANDED_OVER_MS);
    child.on('error', (error: NodeJS.ErrnoException) =>
      settle(
        error.code === 'ENOENT'
          ? `${program} was not found`
          : `${program} could not be started (${error.code ?? error.message})`,
      ),
    );
    child.on('exit', (code, signal) =>
      settle(code === 0 ? undefined : `${program} ${signal ? `was ended by ${signal}` : `exited with code ${code}`}`),
    );
  });
}

/**
 * Opens `url` with the first of `commands` that works, trying each in turn;
 * a CliError (exit 1) naming what each one said when none does.
 */
export async function openUrl(
  url: string,
  openers: Extract<Openers, { kind: 'commands' }>,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const failures: string[] = [];
  for (const command of openers.commands) {
    const why = await launch(commandLine(command, url), env);
    if (why === undefined) return;
    failures.push(why);
  }
  const via = openers.from === 'BROWSER' ? ' with $BROWSER' : '';
  const said = failures.length === 0 ? 'it names no command' : failures.join('; ');
  throw new CliError(`could not open ${url}${via}: ${said}`);
}
