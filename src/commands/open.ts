/**
 * `roadmap open REF`: the item's first web link in the browser ($BROWSER or the
 * platform's opener); `--all` for every link of the item and the items under it,
 * `--print` to print them. Without a terminal (a pipe, a file, CI) it only prints
 * them, one per line. Only http and https links are ever opened.
 */
import { dirname, resolve } from 'node:path';
import { chosenLinks, isRelative, linksUnder, webAddress, type ItemLink } from '../core/links.js';
import type { ItemKind } from '../core/model.js';
import { clean } from '../core/text.js';
import { CliError, UsageError } from '../errors.js';
import { openersFor, openUrl } from '../io/opener.js';
import { inCi, type Prompter } from '../io/prompts.js';
import { document, refJson, type DocumentHead, type RefJson } from '../render/json.js';
import { renderOpen, renderOpenNotice } from '../render/open.js';
import type { Style } from '../render/style.js';
import type { Io } from '../session.js';
import type { Context } from './context.js';
import { resolveOrThrow } from './resolve.js';
import { defineCommand, type Invocation } from './spec.js';
import { refOf, type Ref } from './views.js';

export interface OpenLink {
  /** The link's text in the roadmap. */
  readonly text: string;
  /** The link's address as the roadmap writes it. */
  readonly href: string;
  /**
   * What is opened or printed: the web address, normalised; a relative link
   * resolved against the roadmap file's folder; any other link as written.
   */
  readonly address: string;
  /** An http or https link: the only kind ever opened. */
  readonly web: boolean;
  /** The item the link is written on: REF itself, or an item under it. */
  readonly from: Ref;
  readonly opened: boolean;
}

/** Why the links were printed rather than opened. */
export type NotOpenedBecause = 'print' | 'no terminal' | 'no display' | 'declined';

export interface OpenResult {
  readonly item: Ref & { readonly kind: ItemKind | 'project' };
  readonly links: readonly OpenLink[];
  /** Absent when the web links were opened. */
  readonly notOpenedBecause?: NotOpenedBecause;
  /** What "no display" means here, in words. */
  readonly why?: string;
}

export interface OpenOptions {
  readonly all: boolean;
  readonly print: boolean;
}

/** More web links than this at once (a part with --all) are opened only after a yes. */
export const MANY_LINKS = 10;

/** A browser is for someone at a terminal: stdout one, and not a CI run. */
const atTerminal = (io: Io): boolean => io.stdoutIsTTY && !inCi(io.env);

/** A relative link's place on disk, from the roadmap file's folder, its `#anchor` kept. */
function onDisk(href: string, source: string): string {
  const [path = '', ...anchor] = href.trim().split('#');
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // Not percent-encoding after all ("100%.md"): the path as written.
  }
  const file = path === '' ? source : resolve(dirname(source), decoded);
  return anchor.length > 0 ? `${file}#${anchor.join('#')}` : file;
}

function described({ link, from }: ItemLink, source: string | undefined): OpenLink {
  const web = webAddress(link.href);
  const address = web ?? (source !== undefined && isRelative(link.href) ? onDisk(link.href, source) : link.href.trim());
  return { text: link.text, href: link.href, address, web: web !== undefined, from: refOf(from), opened: false };
}

/** Asks before opening many tabs at once; false when declined. */
async function mayOpenMany(count: number, prompter: Prompter | undefined, ref: string): Promise<boolean> {
  if (count <= MANY_LINKS) return true;
  if (!prompter) {
    throw new UsageError(
      `"open ${ref} --all" would open ${count} browser tabs, and cannot ask first here; print them with --print, or open a section or a topic`,
    );
  }
  return prompter.confirm(`Open ${count} links in the browser?`, { default: false });
}

export async function open(
  ctx: Context,
  io: Io,
  ref: string,
  options: OpenOptions,
  prompter: () => Prompter | undefined,
): Promise<OpenResult> {
  const target = resolveOrThrow(ctx.roadmap, ref);
  const item =
    target.type === 'project'
      ? { ...refOf(target.project), kind: 'project' as const }
      : { ...refOf(target.item), kind: target.item.kind };
  // Projects are headings in a list of suggestions: the model gives them no links.
  const links = chosenLinks(target.type === 'project' ? [] : linksUnder(target.item), options.all).map((l) =>
    described(l, ctx.source),
  );
  const named = `${item.id} "${clean(item.title)}"`;
  if (links.length === 0) throw new CliError(`${named} has no link to open`);
  const printed = (notOpenedBecause: NotOpenedBecause, why?: string): OpenResult => ({
    item,
    links,
    notOpenedBecause,
    ...(why === undefined ? {} : { why }),
  });
  if (options.print) return printed('print');
  if (!atTerminal(io)) return printed('no terminal');
  const openers = openersFor(io.env);
  if (openers.kind === 'none') return printed('no display', openers.why);
  const web = [...new Set(links.filter((l) => l.web).map((l) => l.address))];
  if (web.length === 0) {
    const them = links.length === 1 ? 'its link' : `its ${links.length} links`;
    throw new CliError(
      `${named} has no http or https link, the only kind opened; "${ctx.invocation} open ${item.id}${options.all ? ' --all' : ''} --print" prints ${them}`,
    );
  }
  if (!(await mayOpenMany(web.length, prompter(), ref))) return printed('declined');
  const opened = new Set<string>();
  for (const address of web) {
    try {
      await openUrl(address, openers, io.env);
    } catch (error) {
      if (opened.size === 0 || !(error instanceof CliError)) throw error;
      throw new CliError(`opened ${opened.size} of ${web.length} links, then ${error.message}`);
    }
    opened.add(address);
  }
  return { item, links: links.map((l) => ({ ...l, opened: l.web && opened.has(l.address) })) };
}

/** For the menu's "Open link": opens one address, and says what happened in a line (a failure too: the menu goes on). */
export async function openForMenu(address: string, env: NodeJS.ProcessEnv, style: Style): Promise<string> {
  const openers = openersFor(env);
  if (openers.kind === 'none') return `Nothing was opened: ${openers.why}. The link: ${address}\n`;
  try {
    await openUrl(address, openers, env);
    return `${style.green('Opened')} ${address}\n`;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return `${style.yellow(clean(error.message))}\n`;
  }
}

export interface OpenDocument extends DocumentHead<'open'> {
  readonly item: RefJson & { readonly kind: ItemKind | 'project' };
  /** Whether any link was handed to a browser. */
  readonly opened: boolean;
  readonly notOpenedBecause: NotOpenedBecause | null;
  readonly links: {
    readonly text: string;
    readonly href: string;
    readonly address: string;
    readonly web: boolean;
    readonly from: RefJson;
    readonly opened: boolean;
  }[];
}

function openJson(r: OpenResult): OpenDocument {
  return document('open', {
    item: { ...refJson(r.item), kind: r.item.kind },
    opened: r.links.some((l) => l.opened),
    notOpenedBecause: r.notOpenedBecause ?? null,
    links: r.links.map((l) => ({
      text: l.text,
      href: l.href,
      address: l.address,
      web: l.web,
      from: refJson(l.from),
      opened: l.opened,
    })),
  });
}

export const openCommand = defineCommand({
  name: 'open',
  summary: "open an item's first link in the browser (--all for every link, --print to print them)",
  args: [
    {
      name: 'ref',
      description: 'a topic, section or part: its own links, then those of the items under it',
      required: true,
      missing: () => 'open needs a REF: roadmap open 1.1.1 (see "roadmap list" for the IDs)',
    },
  ],
  options: [
    { flags: '-a, --all', description: 'every link of REF and of the items under it, not only the first' },
    { flags: '-p, --print', description: 'print the links, one per line, instead of opening them' },
  ],
  examples: [
    'roadmap --file course.md open 1.1',
    'roadmap --file course.md open 1 --all',
    'roadmap --file course.md open 1 --all --print > reading-list.txt',
  ],
  help: [
    'Links open with $BROWSER when it is set (commands separated by ":", tried in turn; %s',
    'stands for the address), else xdg-open, open (macOS) or url.dll (Windows). Only http',
    'and https links are opened; others are printed, a relative one as a path from the',
    "roadmap file's folder. Without a terminal (a pipe, a file, CI) the links are printed,",
    'one per line, and nothing is opened. More than 10 links at once are opened after a yes.',
  ].join('\n'),
  run: async ({
    args,
    options,
    session,
    prompter,
  }: Invocation<{ readonly ref: string }, { readonly all?: boolean; readonly print?: boolean }>) =>
    open(
      await session.context(),
      session.io,
      args.ref,
      { all: options.all === true, print: options.print === true },
      prompter,
    ),
  text: (result, { style }) => renderOpen(result, style),
  notice: renderOpenNotice,
  json: openJson,
});
