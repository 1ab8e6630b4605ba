/**
 * The one door to @inquirer/prompts. Nothing else imports it, and it is loaded
 * only when a prompt is really shown: it costs about as much as Node's own
 * start-up, and most runs never prompt.
 * Ctrl-C becomes Interrupted: exit 130, no message, nothing saved. Escape (which
 * inquirer does not treat as leaving) becomes WentBack: the menu goes back one
 * level; a lone prompt, with no level above it, ends like Ctrl-C.
 */
import { styleText } from 'node:util';
import { displayWidth } from '../core/width.js';
import { Interrupted } from '../errors.js';

export { displayWidth };

export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
  /** What stays on screen once chosen; the name if absent. */
  readonly short?: string;
  readonly checked?: boolean;
  readonly disabled?: boolean | string;
}

/**
 * Escape was pressed: the learner wants the screen before this one. An
 * Interrupted, so that where nothing catches it (`roadmap done`'s list, reset's
 * question) it ends the run as Ctrl-C does, with nothing saved.
 */
export class WentBack extends Interrupted {}

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[], options?: { default?: T; pageSize?: number }): Promise<T>;
  checkbox<T>(message: string, choices: readonly Choice<T>[], options?: { pageSize?: number }): Promise<T[]>;
  search<T>(message: string, source: (term: string) => readonly Choice<T>[]): Promise<T>;
  confirm(message: string, options?: { default?: boolean }): Promise<boolean>;
  /** One line of text, as typed (an empty answer is ''). */
  input(message: string): Promise<string>;
}

type Inquirer = typeof import('@inquirer/prompts');

/** What each inquirer prompt is given besides its config. */
interface PromptContext {
  readonly input: NodeJS.ReadableStream;
  readonly signal: AbortSignal;
  clearPromptOnDone: boolean;
}

/** The terminal's size when a prompt is drawn; unknown fields when not a terminal. */
export type TerminalSize = () => { readonly rows?: number | undefined; readonly columns?: number | undefined };

/**
 * How many rows of choices fit under `message` on the terminal: the question
 * (which may wrap, with `typing` more columns for what a search has typed), the
 * list, and below it the highlighted choice's description and the key help,
 * which may wrap too. A list taller than the terminal would scroll the question,
 * and with it the progress, off the top. The size is read once per prompt.
 */
export function fitPageSize(preferred: number, message: string, size: ReturnType<TerminalSize>, typing = 0): number {
  const { rows, columns = 80 } = size;
  if (rows === undefined || rows <= 0) return preferred;
  const messageRows = Math.ceil((displayWidth(message) + 2 + typing) / Math.max(columns, 20));
  return Math.max(3, Math.min(preferred, rows - messageRows - 4));
}

/**
 * The answer line a checklist leaves on screen: a few IDs, not all 68 of a big
 * part ("2.1.1, 2.1.2, 2.2.1 and 4 more").
 */
export function tickedText(ticked: readonly { readonly short: string }[]): string {
  const shorts = ticked.map((choice) => choice.short);
  if (shorts.length <= 5) return shorts.join(', ');
  return `${shorts.slice(0, 3).join(', ')} and ${shorts.length - 3} more`;
}

/** The key help under a list, as inquirer draws it, with Escape added: every list can be left with it. */
export function keysHelp(keys: readonly (readonly [key: string, action: string])[]): string {
  return [...keys, ['esc', 'back'] as const]
    .map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`)
    .join(styleText('dim', ' • '));
}

/**
 * Whether a prompt may be shown: a terminal on both ends, not CI, not --no-input,
 * and not TERM=dumb (Emacs' shell, for one), which cannot move the cursor the
 * prompts redraw with.
 */
export function canPrompt(options: {
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly noInput?: boolean;
}): boolean {
  const dumb = options.env.TERM === 'dumb';
  return options.stdinIsTTY && options.stdoutIsTTY && !inCi(options.env) && !dumb && options.noInput !== true;
}

/** Whether CI says this is a CI run (any value but empty, 0 or false): no one at the keyboard. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/**
 * Prompts on `input` (the terminal; tests pass their own stream). `input` is also
 * where Escape is heard: readline emits a 'keypress' event on it for every key.
 */
export function terminalPrompter(
  input: NodeJS.ReadableStream = process.stdin,
  size: TerminalSize = () => ({}),
): Prompter {
  let loaded: Promise<Inquirer> | undefined;
  const inquirer = (): Promise<Inquirer> => (loaded ??= import('@inquirer/prompts'));

  /**
   * Runs one prompt with Escape wired to abort it: Escape becomes WentBack, any
   * other way of leaving (Ctrl-C, the terminal closing) Interrupted.
   */
  async function ask<R>(show: (inq: Inquirer, context: PromptContext) => Promise<R>): Promise<R> {
    const inq = await inquirer();
    const controller = new AbortController();
    // inquirer reads clearPromptOnDone when the prompt ends, so setting it on Escape
    // erases the list left behind (an answered prompt stays, as its one-line answer).
    const context: PromptContext = { input, signal: controller.signal, clearPromptOnDone: false };
    const onKey = (_text: unknown, key: { name?: string } | undefined): void => {
      if (key?.name !== 'escape') return;
      context.clearPromptOnDone = true;
      controller.abort(new WentBack());
    };
    input.on('keypress', onKey);
    try {
      return await show(inq, context);
    } catch (error) {
      const name = (error as Error | null)?.name;
      if (name === 'AbortPromptError' && controller.signal.reason instanceof WentBack) throw controller.signal.reason;
      if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') {
        throw new Interrupted();
      }
      throw error;
    } finally {
      input.removeListener('keypress', onKey);
    }
  }

  const plain = <T>(choices: readonly Choice<T>[]) =>
    choices.map((c) => ({
      value: c.value,
      name: c.name,
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.short === undefined ? {} : { short: c.short }),
      ...(c.checked === undefined ? {} : { checked: c.checked }),
      ...(c.disabled === undefined ? {} : { disabled: c.disabled }),
    }));

  return {
    select: (message, choices, options = {}) =>
      ask((inq, context) =>
        inq.select(
          {
            message,
            choices: plain(choices),
            pageSize: fitPageSize(options.pageSize ?? 12, message, size()),
            loop: false,
            theme: { style: { keysHelpTip: keysHelp } },
            ...(options.default === undefined ? {} : { default: options.default }),
          },
          context,
        ),
      ),
    checkbox: (message, choices, options = {}) =>
      ask((inq, context) =>
        inq.checkbox(
          {
            message,
            choices: plain(choices),
            pageSize: fitPageSize(options.pageSize ?? 15, message, size()),
            loop: false,
            theme: {
              style: {
                renderSelectedChoices: (ticked: readonly { short: string }[]) => tickedText(ticked),
                keysHelpTip: keysHelp,
              },
            },
          },
          context,
        ),
      ),
    search: (message, source) =>
      ask((inq, context) =>
        inq.search(
          {
            message,
            source: (term) => plain(source(term ?? '')),
            pageSize: fitPageSize(12, message, size(), 20),
            theme: { style: { keysHelpTip: keysHelp } },
          },
          context,
        ),
      ),
    confirm: (message, options = {}) =>
      ask((inq, context) => inq.confirm({ message, default: options.default ?? false }, context)),
    input: (message) => ask((inq, context) => inq.input({ message }, context)),
  };
}
