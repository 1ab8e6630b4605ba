/**
 * The one door to @inquirer/prompts. Nothing else imports it, and it is loaded
 * only when a prompt is really shown: it costs about as much as Node's own
 * start-up, and most runs never prompt.
 * Leaving a prompt (Ctrl-C, or Escape, which inquirer does not treat as leaving)
 * becomes Interrupted: exit 130, no message, nothing saved.
 */
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

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[], options?: { default?: T; pageSize?: number }): Promise<T>;
  checkbox<T>(message: string, choices: readonly Choice<T>[], options?: { pageSize?: number }): Promise<T[]>;
  search<T>(message: string, source: (term: string) => readonly Choice<T>[]): Promise<T>;
  confirm(message: string, options?: { default?: boolean }): Promise<boolean>;
}

type Inquirer = typeof import('@inquirer/prompts');

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
  const ci = options.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  const dumb = options.env.TERM === 'dumb';
  return options.stdinIsTTY && options.stdoutIsTTY && !inCi && !dumb && options.noInput !== true;
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

  /** Runs one prompt with Escape wired to abort it; any way of leaving becomes Interrupted. */
  async function ask<R>(
    show: (inq: Inquirer, context: { input: NodeJS.ReadableStream; signal: AbortSignal }) => Promise<R>,
  ): Promise<R> {
    const inq = await inquirer();
    const controller = new AbortController();
    const onKey = (_text: unknown, key: { name?: string } | undefined): void => {
      if (key?.name === 'escape') controller.abort();
    };
    input.on('keypress', onKey);
    try {
      return await show(inq, { input, signal: controller.signal });
    } catch (error) {
      const name = (error as Error | null)?.name;
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
            theme: { style: { renderSelectedChoices: (ticked: readonly { short: string }[]) => tickedText(ticked) } },
          },
          context,
        ),
      ),
    search: (message, source) =>
      ask((inq, context) =>
        inq.search(
          { message, source: (term) => plain(source(term ?? '')), pageSize: fitPageSize(12, message, size(), 20) },
          context,
        ),
      ),
    confirm: (message, options = {}) =>
      ask((inq, context) => inq.confirm({ message, default: options.default ?? false }, context)),
  };
}
