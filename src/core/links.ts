/**
 * The links `roadmap open` works with: an item's own and those of the items under
 * it, which of them a browser may be given (http and https only: a hostile roadmap's
 * `javascript:` or `file:` link is shown, never opened), and which one opens first.
 */
import type { Item, Link } from './model.js';

/** A link, with the item it was written on. */
export interface ItemLink {
  readonly link: Link;
  readonly from: Item;
}

/**
 * Every link of `item` and of the items under it, in document order (a section's
 * own links before its topics'), each address once: a course linked from three
 * topics opens once.
 */
export function linksUnder(item: Item): ItemLink[] {
  const seen = new Set<string>();
  const out: ItemLink[] = [];
  const visit = (at: Item): void => {
    for (const link of at.links) {
      if (seen.has(link.href)) continue;
      seen.add(link.href);
      out.push({ link, from: at });
    }
    for (const child of at.children) visit(child);
  };
  visit(item);
  return out;
}

/**
 * The address a browser is given for `href`, parsed and normalised (spaces and
 * control characters percent-encoded, so it is one argument and nothing else);
 * undefined unless it is an http or https URL. A protocol-relative `//host/path`
 * is https.
 */
export function webAddress(href: string): string | undefined {
  const text = href.trim().startsWith('//') ? `https:${href.trim()}` : href.trim();
  if (!/^https?:/i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `href` names something relative to the roadmap file (`notes/recursion.md`, `#anchor`): no scheme, no `//`. */
export function isRelative(href: string): boolean {
  const text = href.trim();
  return text !== '' && !text.startsWith('//') && !/^[a-z][a-z\d+.-]*:/i.test(text);
}

/**
 * The links `open` acts on: every one with `all`; else the first web link, or,
 * when the item has none, its first link (which is then printed, never opened).
 */
export function chosenLinks(links: readonly ItemLink[], all: boolean): ItemLink[] {
  if (all) return [...links];
  const first = links.find((l) => webAddress(l.link.href) !== undefined) ?? links[0];
  return first === undefined ? [] : [first];
}

/** The web address `open` gives the browser for `item` (its first http or https link, or its children's); undefined when it has none. */
export function firstWebAddress(item: Item): string | undefined {
  for (const { link } of linksUnder(item)) {
    const address = webAddress(link.href);
    if (address !== undefined) return address;
  }
  return undefined;
}
