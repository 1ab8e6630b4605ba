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

/** The leaves under the given items, in document order: the things a learner ticks off. */
export function topicsOf(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  walk(items, (item) => {
    if (item.kind === 'topic') out.push(item);
  });
  return out;
}

export interface Placed {
  readonly item: Item;
  /** Ancestors from the part down to the direct parent. */
  readonly ancestors: readonly Item[];
}

/** Every item by ID, with its ancestors. */
export function indexById(roadmap: Roadmap): Map<string, Placed> {
  const index = new Map<string, Placed>();
  walk(roadmap.parts, (item, ancestors) => index.set(item.id, { item, ancestors }));
  return index;
}
