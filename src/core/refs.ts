/**
 * Turning what the learner typed (`2.3`, `p2`, `dependency-injection`,
 * `"pydantic"`) into items. Resolution is pure: the caller decides how to report
 * an unknown or ambiguous REF.
 */
import type { Item, OutlineItems, OutlineWords, Project, Roadmap } from './model.js';
import { similarity, slugify } from './text.js';
import { outlineOf, topicsOf, walk } from './tree.js';

export type Target =
  { readonly type: 'item'; readonly item: Item } | { readonly type: 'project'; readonly project: Project };

export interface Candidate {
  readonly id: string;
  readonly key: string;
  readonly title: string;
}

export type Resolution =
  | { readonly ok: true; readonly target: Target }
  | { readonly ok: false; readonly reason: 'unknown' | 'ambiguous'; readonly candidates: readonly Candidate[] };

interface Entry {
  readonly target: Target;
  readonly id: string;
  /** The stable progress key (`fastapi-basics/dependency-injection`): unique, and unchanged by edits elsewhere. */
  readonly key: string;
  readonly title: string;
  readonly slug: string;
  /** IDs of this entry and its ancestors, to tell "a section and its own topics" from real ambiguity. */
  readonly path: readonly string[];
}

/**
 * The words of every item (from the outline of a roadmap read part by part, so
 * that only the part holding the chosen item is read) and then of every
 * project. Matching runs over these lists; an entry is made only for a match.
 */
interface Words {
  readonly items: OutlineItems;
  /** The items' titles and slugs: read only if the REF is not an exact ID or key. */
  readonly words: () => OutlineWords;
  readonly projects: readonly Project[];
  readonly item: (i: number) => Item;
}

function wordsOf(roadmap: Roadmap): Words {
  const { outline, parts, projects } = roadmap;
  if (outline) {
    const { items } = outline;
    return {
      items,
      words: () => outline.words,
      projects,
      item: (i) => findItem(parts[items.parts[i]!]!, items.ids[i]!)!,
    };
  }
  const all: Item[] = [];
  walk(parts, (item) => all.push(item));
  const { items, words } = outlineOf(parts);
  return { items, words: () => words, projects, item: (i) => all[i]! };
}

const sizeOf = (words: Words): number => words.items.ids.length + words.projects.length;

function entryAt(words: Words, i: number): Entry {
  const { items } = words;
  const project = words.projects[i - items.ids.length];
  if (project) {
    const { id, key, title, slug } = project;
    return { target: { type: 'project', project }, id, key, title, slug, path: [id] };
  }
  const path: string[] = [];
  for (let at = i; at >= 0; at = items.parents[at]!) path.unshift(items.ids[at]!);
  return {
    target: { type: 'item', item: words.item(i) },
    id: items.ids[i]!,
    key: items.keys[i]!,
    title: words.words().titles[i]!,
    slug: words.words().slugs[i]!,
    path,
  };
}

/** The item with this ID in the part, or the part itself. */
function findItem(part: Item, id: string): Item | undefined {
  if (part.id === id) return part;
  for (const child of part.children) {
    const found = findItem(child, id);
    if (found) return found;
  }
  return undefined;
}

const candidate = (e: Entry): Candidate => ({ id: e.id, key: e.key, title: e.title });

/** Which kinds of target a REF may name: `project` takes only projects, `list` only items. */
export type RefScope = 'any' | 'items' | 'projects';

export function resolveRef(roadmap: Roadmap, ref: string, scope: RefScope = 'any'): Resolution {
  const words = wordsOf(roadmap);
  const { ids, keys } = words.items;
  const itemCount = ids.length;
  const idOf = (i: number): string => ids[i] ?? words.projects[i - itemCount]!.id;
  const keyOf = (i: number): string => keys[i] ?? words.projects[i - itemCount]!.key;
  const titleOf = (i: number): string => words.words().titles[i] ?? words.projects[i - itemCount]!.title;
  const slugOf = (i: number): string => words.words().slugs[i] ?? words.projects[i - itemCount]!.slug;
  const inScope = (i: number): boolean => scope === 'any' || (scope === 'projects') === i >= itemCount;
  const matching = (test: (i: number) => boolean): Entry[] => {
    const found: Entry[] = [];
    for (let i = 0; i < sizeOf(words); i++) if (inScope(i) && test(i)) found.push(entryAt(words, i));
    return found;
  };
  const everything = (): Entry[] => matching(() => true);
  const wanted = ref.trim();
  const lower = wanted.toLowerCase();

  for (let i = 0; i < sizeOf(words); i++) {
    if (inScope(i) && (idOf(i).toLowerCase() === lower || keyOf(i) === wanted)) {
      return { ok: true, target: entryAt(words, i).target };
    }
  }

  // `1.`, `.1`, `1,1`, `1-1`: a mistyped ID, never a title (3.4.1 "... (1-to-1, ...)" is not what `1-1` meant).
  if (!/\p{L}/u.test(wanted)) return { ok: false, reason: 'unknown', candidates: closestIds(everything(), wanted) };
  const slug = slugify(wanted);
  if (slug === '') return { ok: false, reason: 'unknown', candidates: closest(everything(), lower) };
  // From the strictest reading to the loosest; the first that matches anything decides.
  const tiers: ((i: number) => boolean)[] = [
    (i) => slugOf(i) === slug,
    (i) => titleOf(i).toLowerCase().includes(lower) || slugOf(i).includes(slug),
  ];
  for (const tier of tiers) {
    const matches = matching(tier);
    if (matches.length > 0) return pick(matches);
  }
  return { ok: false, reason: 'unknown', candidates: closest(everything(), lower) };
}

/** One match wins; so does an item whose other matches are all its own descendants. */
function pick(matches: readonly Entry[]): Resolution {
  if (matches.length === 1) return { ok: true, target: matches[0]!.target };
  const outer = matches.find((m) => matches.every((o) => o.path.includes(m.id)));
  if (outer) return { ok: true, target: outer.target };
  return { ok: false, reason: 'ambiguous', candidates: matches.map(candidate) };
}

/**
 * The few entries nearest to what was typed. An ID-shaped REF gets its would-be
 * siblings (`2.9` -> the sections of part 2); anything else gets the titles whose
 * words look most alike (`pydantc` -> "Validation with Pydantic").
 */
function closest(all: readonly Entry[], wanted: string, count = 3): Candidate[] {
  const idShape = /^(p)?(\d+(?:\.\d+)*)$/i.exec(wanted);
  if (idShape?.[1]) return all.filter((e) => e.target.type === 'project').map(candidate);
  if (idShape) return siblingsOf(all, idShape[2]!.split('.'));
  const score = (e: Entry): number =>
    Math.max(...[e.slug, ...e.slug.split('-')].map((form) => similarity(wanted, form)));
  // Below this, a "suggestion" shares nothing with what was typed and would only mislead.
  const related = 0.3;
  return all
    .map((e) => ({ e, s: score(e) }))
    .filter(({ s }) => s >= related)
    .sort((a, b) => b.s - a.s)
    .slice(0, count)
    .map(({ e }) => candidate(e));
}

const childrenOf = (all: readonly Entry[], parent: string): Entry[] =>
  all.filter((e) => e.target.type === 'item' && e.id.split('.').slice(0, -1).join('.') === parent);

/** The children of the nearest ID above `segments` that exists: `9.9.9` -> the sections of part 9. */
function siblingsOf(all: readonly Entry[], segments: readonly string[]): Candidate[] {
  const above = segments.slice(0, -1);
  for (;;) {
    const siblings = childrenOf(all, above.join('.'));
    if (siblings.length > 0 || above.length === 0) return siblings.map(candidate);
    above.pop();
  }
}

/**
 * A REF without a letter is an ID mistyped: its numbers read as an ID (`1,1` and
 * `1-1` -> 1.1, `1.` and `.1` -> 1) name that item and its children, else the
 * items beside where it would be.
 */
function closestIds(all: readonly Entry[], wanted: string): Candidate[] {
  const segments = wanted.match(/\d+/g) ?? [];
  if (segments.length === 0) return [];
  const id = segments.join('.');
  const named = all.find((e) => e.target.type === 'item' && e.id === id);
  if (named) return [named, ...childrenOf(all, id)].map(candidate);
  return siblingsOf(all, segments);
}

/** The progress keys a target stands for: a topic's own, all topics of a section or part, a project's. */
export function keysOf(target: Target): string[] {
  if (target.type === 'project') return [target.project.key];
  return topicsOf([target.item]).map((t) => t.key);
}
