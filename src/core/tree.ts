/** Walking and indexing the topic tree. */
import type { Item, Roadmap } from './model.js';

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
