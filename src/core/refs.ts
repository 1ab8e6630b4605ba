/**
 * Turning what the learner typed (`2.3`, `p2`, `dependency-injection`,
 * `"pydantic"`) into items. Resolution is pure: the caller decides how to report
 * an unknown or ambiguous REF.
 */
import type { Item, Project, Roadmap } from './model.js';
import { similarity, slugify } from './text.js';
import { topicsOf, walk } from './tree.js';

export type Target =
  { readonly type: 'item'; readonly item: Item } | { readonly type: 'project'; readonly project: Project };

export interface Candidate {
  readonly id: string;
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

function entries(roadmap: Roadmap): Entry[] {
  const out: Entry[] = [];
  walk(roadmap.parts, (item, ancestors) =>
    out.push({
      target: { type: 'item', item },
      id: item.id,
      key: item.key,
      title: item.title,
      slug: item.slug,
      path: [...ancestors.map((a) => a.id), item.id],
    }),
  );
  for (const project of roadmap.projects) {
    out.push({
      target: { type: 'project', project },
      id: project.id,
      key: project.key,
      title: project.title,
      slug: project.slug,
      path: [project.id],
    });
  }
  return out;
}

const candidate = (e: Entry): Candidate => ({ id: e.id, title: e.title });

/** Which kinds of target a REF may name: `project` takes only projects, `list` only items. */
export type RefScope = 'any' | 'items' | 'projects';

export function resolveRef(roadmap: Roadmap, ref: string, scope: RefScope = 'any'): Resolution {
  const all = entries(roadmap).filter(
    (e) => scope === 'any' || (scope === 'projects') === (e.target.type === 'project'),
  );
  const wanted = ref.trim();
  const lower = wanted.toLowerCase();

  const exact = all.find((e) => e.id.toLowerCase() === lower || e.key === wanted);
  if (exact) return { ok: true, target: exact.target };

  const slug = slugify(wanted);
  if (slug === '') return { ok: false, reason: 'unknown', candidates: closest(all, lower) };
  // From the strictest reading to the loosest; the first that matches anything decides.
  const tiers: ((e: Entry) => boolean)[] = [
    (e) => e.slug === slug,
    (e) => e.title.toLowerCase().includes(lower) || e.slug.includes(slug),
  ];
  for (const tier of tiers) {
    const matches = all.filter(tier);
    if (matches.length > 0) return pick(matches);
  }
  return { ok: false, reason: 'unknown', candidates: closest(all, lower) };
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
  if (idShape) {
    // The children of the nearest ID that exists: `9.9.9` -> the sections of part 9.
    const segments = idShape[2]!.split('.').slice(0, -1);
    for (;;) {
      const parent = segments.join('.');
      const siblings = all.filter((e) => e.target.type === 'item' && e.id.split('.').slice(0, -1).join('.') === parent);
      if (siblings.length > 0 || segments.length === 0) return siblings.map(candidate);
      segments.pop();
    }
  }
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

/** The progress keys a target stands for: a topic's own, all topics of a section or part, a project's. */
export function keysOf(target: Target): string[] {
  if (target.type === 'project') return [target.project.key];
  return topicsOf([target.item]).map((t) => t.key);
}
