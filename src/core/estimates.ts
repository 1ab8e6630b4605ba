/**
 * Estimates summed up the tree, and the bundled roadmap's estimates overlay
 * (docs/estimates.md). Pure.
 *
 * A part's or section's estimate is its own when the roadmap gives it one
 * ("Estimated time: 2 weeks" under its heading); else the sum of what is below
 * it, each section counting its own estimate if it has one, else its topics'.
 */
import { parseDuration } from './duration.js';
import { dict, own, type Dict } from './dict.js';
import type { Item, Roadmap, TopicIndex } from './model.js';
import { topicsOf } from './tree.js';

export interface EstimateTotal {
  /** Minutes. */
  readonly minutes: number;
  /** `item`: the item's own estimate; `topics`: summed from what is below it. */
  readonly from: 'item' | 'topics';
  /** Topics in the sum that no estimate covers: the total is at least `minutes`. */
  readonly unestimated: number;
}

/** The estimate of one item (see the module comment), or undefined when neither it nor anything below it has one. */
export function totalEstimate(item: Item): EstimateTotal | undefined {
  if (item.estimate !== undefined) return { minutes: item.estimate, from: 'item', unestimated: 0 };
  if (item.kind === 'topic') return undefined;
  return sumOf(item.children);
}

/** The items' estimates added up (a whole roadmap's: its parts), or undefined when none has one. */
export function sumOf(items: readonly Item[]): EstimateTotal | undefined {
  let minutes = 0;
  let unestimated = 0;
  let any = false;
  for (const item of items) {
    const total = totalEstimate(item);
    if (total === undefined) {
      unestimated += item.kind === 'topic' ? 1 : topicsOf([item]).length;
      continue;
    }
    any = true;
    minutes += total.minutes;
    unestimated += total.unestimated;
  }
  return any ? { minutes, from: 'topics', unestimated } : undefined;
}

/** The topic index's `minutes`: each topic's own estimate, 0 for none; nothing when no topic has one. */
export function minutesOf(topics: readonly Item[]): Pick<TopicIndex, 'minutes'> {
  if (!topics.some((t) => t.estimate !== undefined)) return {};
  return { minutes: topics.map((t) => t.estimate ?? 0) };
}

/** What an overlay gave, and what of it named nothing or was no length. */
export interface Overlaid {
  readonly roadmap: Roadmap;
  /** Keys that name no item of the roadmap. */
  readonly unknown: readonly string[];
  /** Keys whose value is not a length ("2h", "45m", "1h 30m", "2 days"). */
  readonly invalid: readonly string[];
}

/**
 * The roadmap with the overlay's estimates (item key -> length, e.g.
 * `"fastapi-basics/introduction": "2h"`) in place of the file's own. Keys and
 * titles are untouched, so saved progress is too. A key that names no item,
 * or a value that is no length, changes nothing and is reported.
 */
export function applyEstimates(roadmap: Roadmap, overlay: Dict<unknown>): Overlaid {
  const unknown = new Set(Object.keys(overlay));
  const invalid: string[] = [];
  const visit = (item: Item): Item => {
    const children = item.children.map(visit);
    const value = own(overlay, item.key);
    let estimate = item.estimate;
    if (value !== undefined) {
      unknown.delete(item.key);
      const minutes = typeof value === 'string' ? parseDuration(value) : undefined;
      if (minutes === undefined) invalid.push(item.key);
      else estimate = minutes;
    }
    const same = estimate === item.estimate && children.every((c, i) => c === item.children[i]);
    return same ? item : { ...item, children, ...(estimate !== undefined ? { estimate } : {}) };
  };
  const parts = roadmap.parts.map(visit);
  const topics = topicsOf(parts);
  const { ids, keys, checked } = roadmap.topics;
  return {
    roadmap: { ...roadmap, parts, topics: { ids, keys, checked, ...minutesOf(topics) } },
    unknown: [...unknown],
    invalid,
  };
}

/** An overlay file's text as key -> length, or undefined when it is not a JSON object. */
export function overlayOf(text: string): Dict<unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return dict(Object.entries(value));
}
