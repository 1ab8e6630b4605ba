/** Walking and indexing the topic tree. */
import type { Item, Outline, Roadmap } from './model.js';

/** Visits every item depth-first in document order, with its ancestors (part first). */
export function walk(
  items: readonly Item[],
  visit: (item: Item, ancestors: readonly Item[]) => void,
  ancestors: readonly Item[] = [],
): void {
  for (const item of items) {
    visit(item, ancestors);
    walk(item.children, visit, [...ancestors, item]);
  }
}

/** The topics under (and among) the given items, in document order: the things a learner ticks off. */
export function topicsOf(items: readonly Item[], out: Item[] = []): Item[] {
  // Called on every run over the whole tree: no ancestor lists, no callbacks.
  for (const item of items) {
    if (item.kind === 'topic') out.push(item);
    if (item.children.length > 0) topicsOf(item.children, out);
  }
  return out;
}

/**
 * The parts holding an item whose ID and key pass `test`, in order. With an
 * outline this reads only those parts (reporting `done 2.3.1` on 10,000 topics
 * reads one); without one it is every part, already in memory. Walking what it
 * gives finds the same items, in the same order, as walking every part.
 */
export function partsWhere(roadmap: Roadmap, test: (id: string, key: string) => boolean): readonly Item[] {
  if (!roadmap.outline) return roadmap.parts;
  const { parts, ids, keys } = roadmap.outline.items;
  const holding = new Set<number>();
  for (let i = 0; i < ids.length; i++) if (test(ids[i]!, keys[i]!)) holding.add(parts[i]!);
  return [...holding].sort((a, b) => a - b).map((i) => roadmap.parts[i]!);
}

/** The outline of parts held in memory: what a roadmap read part by part needs to find one item. */
export function outlineOf(parts: readonly Item[]): Outline {
  const items = { parts: [] as number[], parents: [] as number[], ids: [] as string[], keys: [] as string[] };
  const words = { titles: [] as string[], slugs: [] as string[] };
  const visit = (item: Item, part: number, parent: number): void => {
    const at = items.ids.length;
    items.parts.push(part);
    items.parents.push(parent);
    items.ids.push(item.id);
    items.keys.push(item.key);
    words.titles.push(item.title);
    words.slugs.push(item.slug);
    for (const child of item.children) visit(child, part, at);
  };
  parts.forEach((part, i) => visit(part, i, -1));
  return { items, words };
}

export interface Placed {
  readonly item: Item;
  /** Ancestors from the part down to the direct parent. */
  readonly ancestors: readonly Item[];
}

/**
 * One item by its ID, with its ancestors, found by following the ID's numbers
 * down the tree (`2.3.1` is the first child of the third child of part 2).
 */
export function placeById(roadmap: Roadmap, id: string): Placed | undefined {
  const ancestors: Item[] = [];
  let items = roadmap.parts;
  let found: Item | undefined;
  for (const step of id.split('.')) {
    if (found) ancestors.push(found);
    found = items[Number(step) - 1];
    if (!found || found.id !== (ancestors.length > 0 ? `${ancestors.at(-1)!.id}.${step}` : step)) return undefined;
    items = found.children;
  }
  return found ? { item: found, ancestors } : undefined;
}

/** Every item by ID, with its ancestors. */
export function indexById(roadmap: Roadmap): Map<string, Placed> {
  const index = new Map<string, Placed>();
  walk(roadmap.parts, (item, ancestors) => index.set(item.id, { item, ancestors }));
  return index;
}

/** A stretch of the roadmap to tick off in one list: a part, or the topics that sit outside any part. */
export interface Chapter {
  /** The part's ID; "" for the topics outside any part. */
  readonly id: string;
  readonly title: string;
  readonly items: readonly Item[];
}

/**
 * The parts, each a chapter, and the topics at the top level (a flat roadmap, or
 * a list before the first heading) gathered into one chapter where the first of
 * them stands: a one-topic "part" would make a checklist of one.
 */
export function chaptersOf(parts: readonly Item[]): Chapter[] {
  const chapters: Chapter[] = [];
  const loose: Item[] = [];
  for (const part of parts) {
    if (part.kind !== 'topic') chapters.push({ id: part.id, title: part.title, items: [part] });
    else if (loose.push(part) === 1) chapters.push({ id: '', title: 'Topics outside any part', items: loose });
  }
  // A roadmap with no parts at all is one list.
  return loose.length === parts.length && parts.length > 0 ? [{ id: '', title: 'All topics', items: loose }] : chapters;
}
