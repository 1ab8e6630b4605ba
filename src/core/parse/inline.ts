/** Inline markdown -> the words a reader sees, and a title split from its description. */
import type { Token, Tokens } from 'marked';
import type { Link } from '../model.js';

/** Marks a hard line break in joined text: what follows it is a description. */
export const HARD_BREAK = '\u2028';

/**
 * Inline tokens -> text. Links are collected; images and HTML are dropped. With
 * `joined`, soft line breaks become spaces (CommonMark: a wrapped line goes on
 * the same line) and hard breaks become HARD_BREAK; without it both are `\n`, as
 * the first parser read them (keys are still made that way).
 */
export function plainText(tokens: readonly Token[], links: Link[], joined = false): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'html':
      case 'checkbox':
        break;
      case 'br':
        out += joined ? HARD_BREAK : '\n';
        break;
      case 'link': {
        const text = plainText(token.tokens ?? [], [], joined);
        links.push({ text: oneLine(text), href: (token as Tokens.Link).href });
        out += text;
        break;
      }
      case 'codespan':
        out += decodeEntities((token as Tokens.Codespan).text);
        break;
      default: {
        const inner = 'tokens' in token ? token.tokens : undefined;
        const text =
          inner && inner.length > 0
            ? plainText(inner, links, joined)
            : decodeEntities('text' in token ? String(token.text) : '');
        out += joined && !(inner && inner.length > 0) ? text.replace(/\n/g, ' ') : text;
      }
    }
  }
  return out;
}

/** Whitespace folded to single spaces, each line of text trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function firstLine(text: string): string {
  return (
    text
      .split(/[\n\u2028]/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .find((l) => l !== '') ?? ''
  );
}

/** `:zap:` style emoji codes; a leading emoji picture is decoration too. */
const EMOJI_CODE = /(^|\s):[a-z][a-z0-9_+-]*:(?=\s|$)/g;
const LEADING_PICTURES = /^(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*)+/u;

/** The first line of an item, without emoji decoration or a trailing colon. */
export function cleanTitle(text: string): string {
  return firstLine(text.replace(EMOJI_CODE, '$1'))
    .replace(LEADING_PICTURES, '')
    .replace(/\s*[:：]$/u, '')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

export interface Titled {
  readonly title: string;
  /** The rest of a long title, or what follows a hard line break. */
  readonly description?: string;
  /** Which long-title rule split it, for `roadmap inspect`. */
  readonly rule?: string;
}

/** Between a name and its description: "- text", ": text", "， text". */
const SEPARATOR = /^\s*(?:[-–—:：，,]|\s-\s)\s*/u;

/**
 * Rule 7 (long titles) and rule 4 (hard breaks): "**Term**: text",
 * "[Name](url) - text", "[Name](url): text", a bold link followed by a line of
 * text -> title Term/Name, the rest a description. `leadingLink` also splits
 * "[Name](url) text" with no separator (a paragraph that starts with a link).
 */
export function splitTitle(tokens: readonly Token[], leadingLink = false): Titled {
  // Leading decoration ("📖 [Book](url): …") does not stop a link from leading.
  const inline = tokens.filter(
    (t) => !(t.type === 'text' && t.raw.replace(LEADING_PICTURES, '').trim() === '') && t.type !== 'checkbox',
  );
  const joined = plainText(tokens, [], true).replace(EMOJI_CODE, '$1');
  const [head = '', ...rest] = joined.split(HARD_BREAK);
  const afterBreak = oneLine(rest.join(' '));
  const first = inline[0];
  const lead = first ? leadName(first) : undefined;
  if (first && lead !== undefined && lead !== '' && inline.length > 1) {
    const after = plainText(inline.slice(1), [], true);
    const [rawHead = '', ...afterRest] = after.split(HARD_BREAK);
    const afterHead = rawHead.replace(/^\s+/, ' ');
    const sep = SEPARATOR.exec(afterHead);
    const colonInside = first.type === 'strong' && /[:：]\s*$/u.test(lead);
    const linkLed = isLinkLike(first);
    // A link alone on its first line, text on the lines below: that text describes it.
    const onNextLine =
      /^[ \t]*\n/.test(
        inline
          .slice(1)
          .map((t) => t.raw)
          .join(''),
      ) && after.trim() !== '';
    const breakFollows = (afterHead.trim() === '' && afterRest.join('').trim() !== '') || onNextLine;
    if (sep || colonInside || (linkLed && (breakFollows || leadingLink))) {
      const description = oneLine([afterHead.slice(sep ? sep[0].length : 0), ...afterRest].join(' '));
      const title = clean(lead);
      if (title !== '') {
        return {
          title,
          ...(description ? { description } : {}),
          rule: linkLed ? 'long title: a link, then its description' : 'long title: **Term**: description',
        };
      }
    }
  }
  const title = clean(head);
  return {
    title,
    ...(afterBreak ? { description: afterBreak, rule: 'text after a hard line break is a description' } : {}),
  };
}

function clean(text: string): string {
  return oneLine(text)
    .replace(LEADING_PICTURES, '')
    .replace(/\s*[:：]$/u, '')
    .trim();
}

/** The words of a leading link or bold run, or undefined when the text starts otherwise. */
function leadName(token: Token): string | undefined {
  if (token.type === 'link' || token.type === 'strong') return plainText(token.tokens ?? [], [], true);
  return undefined;
}

function isLinkLike(token: Token): boolean {
  if (token.type === 'link') return true;
  const inner = (('tokens' in token ? token.tokens : undefined) ?? []).filter(
    (t: Token) => !(t.type === 'text' && t.raw.trim() === ''),
  );
  return token.type === 'strong' && inner.length === 1 && inner[0]!.type === 'link';
}

/** A link whose words are its own address: a bare URL the writer pasted. */
const URL_TEXT = /^(?:https?:\/\/|www\.)\S+$/iu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A bare URL in a title ("Flexbox Froggy (https://…)", "Flexbox Froggy https://…")
 * is where the topic lives, not part of its name: it leaves the title, in
 * brackets anywhere or at the end after an optional separator. The links it
 * names take the remaining title as their text. A title that is only a URL stays.
 */
export function withoutBareUrls(title: string, links: Link[]): string {
  let rest = title;
  const bare = links.filter((l) => URL_TEXT.test(l.text) && rest.includes(l.text));
  for (const link of bare) {
    const url = escapeRegExp(link.text);
    rest = rest
      .replace(new RegExp(`\\s*[(<[]\\s*${url}\\s*[)>\\]]`, 'u'), '')
      .replace(new RegExp(`\\s*(?:[-–—:：|]\\s*)?${url}\\s*$`, 'u'), '');
  }
  rest = oneLine(rest).replace(/\s*[-–—:：|]$/u, '');
  if (bare.length === 0 || rest === '') return title;
  for (const link of bare) links[links.indexOf(link)] = { text: rest, href: link.href };
  return rest;
}
