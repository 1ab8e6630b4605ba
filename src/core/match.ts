/**
 * Relating free text (a suggested project, a learning-path stage) to the
 * roadmap's own titles. Nothing here knows the bundled roadmap: the links are
 * found by shared words, weighted so that a word found in many places (such as
 * "API") counts for less than one found in a single place (such as "WebSockets").
 */
import type { Item, Project, RoadmapText } from './model.js';
import { keywords } from './text.js';

/** Where a word was found, and how much that says. */
const WEIGHT = { sectionTitle: 3, partTitle: 2, topic: 1 } as const;

function wordsMatch(wanted: string, found: string): boolean {
  if (wanted === found) return true;
  // "RESTful" draws on "REST", "testing" on "test": a shared stem of 4+ letters.
  const [short, long] = wanted.length <= found.length ? [wanted, found] : [found, wanted];
  return short.length >= 4 && long.startsWith(short);
}

function strength(wanted: string, places: readonly (readonly [number, readonly string[]])[]): number {
  let best = 0;
  for (const [weight, words] of places) {
    if (weight > best && words.some((w) => wordsMatch(wanted, w))) best = weight;
  }
  return best;
}

interface Unit {
  readonly part: Item;
  readonly item: Item;
  readonly places: readonly (readonly [number, readonly string[]])[];
}

/** The children of each part: the sections a project can draw on. */
function units(roadmap: RoadmapText): Unit[] {
  return roadmap.parts.flatMap((part) => {
    const partWords = keywords(part.title);
    const items = part.kind === 'topic' ? [part] : part.children;
    return items.map((item) => ({
      part,
      item,
      places: [
        [WEIGHT.sectionTitle, keywords(item.title)],
        [WEIGHT.partTitle, partWords],
        [WEIGHT.topic, item.children.flatMap((c) => keywords(titlesBelow(c)))],
      ] as const,
    }));
  });
}

function titlesBelow(item: Item): string {
  return [item.title, ...item.children.map(titlesBelow)].join(' ');
}

/**
 * The sections a project draws on, in document order. Sections scoring at
 * least half the best score are kept; a part whose own title shares a word
 * with the project then contributes all its sections.
 */
export function projectSections(roadmap: RoadmapText, project: Project): Item[] {
  const all = units(roadmap);
  const words = [...new Set(keywords(project.title))];
  const reach = new Map(words.map((w) => [w, all.filter((u) => strength(w, u.places) > 0).length]));
  const scores = all.map((unit) =>
    words.reduce((sum, w) => {
      const s = strength(w, unit.places);
      return s === 0 ? sum : sum + s / reach.get(w)!;
    }, 0),
  );
  const best = Math.max(0, ...scores);
  if (best === 0) return [];
  const chosen = new Set(all.filter((_, i) => scores[i]! >= best / 2));
  for (const unit of [...chosen]) {
    const partWords = keywords(unit.part.title);
    if (words.some((w) => partWords.some((p) => wordsMatch(w, p)))) {
      for (const sibling of all) if (sibling.part === unit.part) chosen.add(sibling);
    }
  }
  return all.filter((u) => chosen.has(u)).map((u) => u.item);
}

/**
 * The learning-path stage (1-based) of each part, by its ID. A part is given
 * the stage whose words best match its title and section titles; a part that
 * matches no stage follows the stage of the part before it.
 */
export function stagesOfParts(roadmap: RoadmapText): Map<string, number> {
  const result = new Map<string, number>();
  if (roadmap.stages.length === 0) return result;
  const places = roadmap.parts.map(
    (part) =>
      [
        [WEIGHT.sectionTitle, keywords(part.title)],
        [1, part.children.flatMap((c) => keywords(c.title))],
      ] as const,
  );
  const stageWords = roadmap.stages.map((s) => [...new Set(keywords(s.title))]);
  const reach = new Map<string, number>();
  for (const w of stageWords.flat()) reach.set(w, places.filter((p) => strength(w, p) > 0).length);
  let previous = 1;
  roadmap.parts.forEach((part, i) => {
    let bestStage = 0;
    let bestScore = 0;
    stageWords.forEach((words, s) => {
      const score = words.reduce((sum, w) => {
        const st = strength(w, places[i]!);
        return st === 0 ? sum : sum + st / reach.get(w)!;
      }, 0);
      if (score > bestScore) {
        bestScore = score;
        bestStage = s + 1;
      }
    });
    previous = bestStage || previous;
    result.set(part.id, previous);
  });
  return result;
}
