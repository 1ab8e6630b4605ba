/**
 * What a list or a paragraph is, read off marked's tokens: a table of contents,
 * answer options, a language switcher, a line of links; and list items as
 * drafts (rules 4, 5 and 6 inside lists).
 */
import type { Token, Tokens } from 'marked';
import type { Link } from '../model.js';
import { draft, shorten, type Decision, type Draft } from './draft.js';
import { cleanTitle, oneLine, plainText, splitTitle, withoutBareUrls } from './inline.js';
import { isGenericLinkText, isProseLabel, isResourceLabel } from './words.js';

/** Why a list is never topics: a table of contents, answer options, a language switcher. */
export function droppedList(list: Tokens.List): string | undefined {
  if (isTableOfContents(list)) return 'table of contents: a list of in-page links';
  if (isOptionList(list)) return 'answer options (- A: … - D:)';
  if (isLanguageSwitcher(list)) return 'language switcher: links to other-language versions';
  return undefined;
}

export function hasTask(list: Tokens.List): boolean {
  return list.items.some(
    (item) => item.task || item.tokens.some((t) => t.type === 'list' && hasTask(t as Tokens.List)),
  );
}

export function isLinkLike(token: Token): boolean {
  if (token.type === 'link') return plainText(token.tokens ?? [], []).trim() !== '';
  if (token.type !== 'strong' && token.type !== 'em') return false;
  const inner = (('tokens' in token ? token.tokens : undefined) ?? []).filter(
    (t: Token) => !(t.type === 'text' && t.raw.trim() === ''),
  );
  return inner.length >= 1 && isLinkLike(inner[0]!);
}

/**
 * A paragraph made of links alone (joined by punctuation, parentheses, "or"),
 * `[Course](url)` or `[Course](url) ([Book](url))`, whose first link names
 * something ("link", "here" do not): a course line. Words beside the links make
 * it prose.
 */
export function isLinksOnly(paragraph: Tokens.Paragraph): boolean {
  const rest = paragraph.tokens
    .filter((t) => t.type !== 'link' && t.type !== 'image')
    .map((t) => plainText([t], []))
    .join(' ');
  const links: Link[] = [];
  plainText(paragraph.tokens, links);
  return links.length > 0 && !isGenericLinkText(links[0]!.text) && !/\p{L}{3,}/u.test(rest.replace(/\bor\b/gi, ''));
}

export function isLinkOnly(token: Token): boolean {
  const inner = (('tokens' in token ? token.tokens : undefined) ?? []).filter(
    (t: Token) => !(t.type === 'text' && t.raw.trim() === ''),
  );
  return inner.length === 1 && inner[0]!.type === 'link';
}

/** Every link in a block, at any depth. */
export function collectLinks(token: Token, links: Link[]): void {
  if (token.type === 'link') {
    links.push({ text: oneLine(plainText(token.tokens ?? [], [])), href: (token as Tokens.Link).href });
    return;
  }
  if (token.type === 'list') {
    for (const item of (token as Tokens.List).items) for (const t of item.tokens) collectLinks(t, links);
    return;
  }
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of [...table.header, ...table.rows.flat()]) for (const t of cell.tokens) collectLinks(t, links);
    return;
  }
  for (const t of ('tokens' in token ? token.tokens : undefined) ?? []) collectLinks(t, links);
}

/** What may stand between the links of a tail: punctuation, brackets, "or", "and". */
const BETWEEN_LINKS = /^(?:[\s:：\-–—|,/·•()（）[\]+&]|\bor\b|\band\b)*$/iu;

/**
 * "Big-O notation: [link](url)", "Strings — [video](u) | [article](u)": links
 * at the end of a title whose words only say what a link is (the words a table
 * treats as generic) are resources, not part of the name. The tail of generic
 * links and the punctuation between them is cut; nothing is cut when no words
 * would be left, or when the tail holds a link that names something.
 */
export function withoutGenericLinkTail(tokens: readonly Token[]): readonly Token[] {
  let cut = tokens.length;
  let generic = 0;
  while (cut > 0) {
    const token = tokens[cut - 1]!;
    if (token.type === 'link' && isGenericLinkText(plainText(token.tokens ?? [], []))) generic++;
    else if (token.type !== 'text' || !BETWEEN_LINKS.test(token.raw)) break;
    cut--;
  }
  if (generic === 0) return tokens;
  const head = tokens.slice(0, cut);
  const last = head[head.length - 1];
  if (!last || !/[\p{L}\p{N}]/u.test(plainText(head, []))) return tokens;
  // The separator before the tail ("notation: ", "Strings — ") goes with it.
  if (last.type !== 'text') return head;
  const trimmed = last.raw.replace(/[\s:：\-–—|,/·•(（[]+$/u, '');
  return [...head.slice(0, -1), { ...last, raw: trimmed, text: trimmed, tokens: undefined } as Token];
}

function inlineOf(item: Tokens.ListItem): Token[] {
  const first = item.tokens.find((t) => t.type === 'text' || t.type === 'paragraph' || t.type === 'heading');
  return (first && 'tokens' in first ? first.tokens : undefined) ?? [];
}

/** A list whose every item, at every level, is only a link to an anchor on the same page. */
function isTableOfContents(list: Tokens.List): boolean {
  return list.items.every((item) =>
    item.tokens.every((token) => {
      if (token.type === 'list') return isTableOfContents(token as Tokens.List);
      if (token.type === 'space') return true;
      if (!hasInline(token)) return false;
      const inline = (token.tokens ?? []).filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
      return inline.length === 1 && inline[0]!.type === 'link' && (inline[0] as Tokens.Link).href.startsWith('#');
    }),
  );
}

/** `- A: …`, `- B: …`: the choices of a quiz question. */
function isOptionList(list: Tokens.List): boolean {
  return list.items.length >= 2 && list.items.every((item) => /^[A-Ha-h][:)]\s/.test(item.text.trim()));
}

const FLAG = /^[\u{1F1E6}-\u{1F1FF}]{2}/u;
const OTHER_LANGUAGE =
  /(?:readme|^\.{0,2}\/?[a-z]{2}(?:[-_][A-Za-z]{2,4})?\/)[^/]*$|[-_.](?:[a-z]{2})(?:[-_][A-Za-z]{2,4})?\.md$/i;

/** Every item is one link to another-language version of the file ("🇩🇪 Deutsch", `README-de.md`). */
function isLanguageSwitcher(list: Tokens.List): boolean {
  return (
    list.items.length >= 2 &&
    list.items.every((item) => {
      const inline = inlineOf(item).filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
      if (inline.length !== 1 || inline[0]!.type !== 'link') return false;
      const link = inline[0] as Tokens.Link;
      return FLAG.test(link.text.trim()) || (OTHER_LANGUAGE.test(link.href) && !/^https?:/i.test(link.href));
    })
  );
}

function hasInline(token: Token): token is Token & { tokens?: Token[] } {
  return token.type === 'text' || token.type === 'paragraph' || token.type === 'heading';
}

export function linksBelow(d: Draft): Link[] {
  return [...d.links, ...d.children.flatMap(linksBelow)];
}

/**
 * List items -> drafts. Within an item: a nested list after a label item
 * ("Resources:") gives its links to the item before; option lists and prose
 * lists are dropped.
 */
export function listDrafts(
  list: Tokens.List,
  locate: (raw: string) => number,
  decisions: Decision[] | undefined,
): Draft[] {
  const drafts: Draft[] = [];
  for (const item of list.items) {
    const line = locate(item.raw);
    const links: Link[] = [];
    let title = '';
    let keyTitle = '';
    let description: string | undefined;
    let rule = item.task ? 'a checkbox item' : 'a list item';
    const children: Draft[] = [];
    for (const token of item.tokens) {
      if (token.type === 'list') {
        const sub = token as Tokens.List;
        const why = droppedList(sub);
        if (why) {
          const subLine = locate(sub.raw); // located with or without a trace, so later lines come out the same
          decisions?.push({ line: subLine, role: 'skipped', text: shorten(sub.raw), rule: why });
        } else children.push(...listDrafts(sub, locate, decisions));
      } else if (title === '' && hasInline(token)) {
        const found: Link[] = [];
        keyTitle = cleanTitle(plainText(token.tokens ?? [], found));
        const titled = splitTitle(withoutGenericLinkTail(token.tokens ?? []));
        // The key stays the whole line's (URL and all), as keys were made before this rule: saved progress stays put.
        title = withoutBareUrls(titled.title || keyTitle, found);
        links.push(...found);
        description = titled.description;
        if (titled.rule) {
          rule = titled.rule;
          if (description)
            decisions?.push({ line, role: 'description', text: shorten(description), rule: titled.rule });
        }
      }
    }
    if (title === '' && children.length === 0) continue;
    if (!item.task && (isResourceLabel(title) || isProseLabel(title)) && children.length > 0) {
      // Rule 6 inside a list: "- Resources:" with a sub-list -> links of the item before (or dropped as prose).
      const resource = isResourceLabel(title);
      const owner = drafts[drafts.length - 1];
      if (resource && owner) owner.links.push(...links, ...children.flatMap(linksBelow));
      decisions?.push({
        line,
        role: resource && owner ? 'resource' : 'skipped',
        text: shorten(title),
        rule: resource ? `resources: after the label item "${title}"` : `prose: a list after the label item "${title}"`,
      });
      if (resource && owner) continue;
      if (!resource) continue;
    }
    drafts.push(
      draft({
        title: title || 'Untitled',
        ...(keyTitle && keyTitle !== title ? { keyTitle } : {}),
        ...(description ? { description } : {}),
        line,
        links,
        children,
        isHeading: false,
        source: 'list',
        rule,
        ...(item.task ? { checked: item.checked === true } : {}),
      }),
    );
  }
  return drafts;
}
