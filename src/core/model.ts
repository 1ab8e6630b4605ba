/**
 * The in-memory roadmap. Everything here is plain data (no parent pointers, no
 * classes) so a parsed roadmap can be cached as JSON and compared in tests.
 */
import type { Dict } from './dict.js';

export type Status = 'todo' | 'doing' | 'done' | 'skipped';

export type ItemKind = 'part' | 'section' | 'topic';

export interface Link {
  readonly text: string;
  readonly href: string;
}

/** One cell of a table row beside the title: "Duration: 10 weeks". */
export interface Detail {
  readonly label: string;
  readonly value: string;
}

export interface Item {
  /** Dotted position as a reader counts it: `2`, `2.3`, `2.3.1`. */
  readonly id: string;
  readonly kind: ItemKind;
  readonly title: string;
  /** The title as a URL-style slug: `dependency-injection`. */
  readonly slug: string;
  /**
   * Where progress is stored: the slug path of titles (`fastapi-basics/dependency-injection/...`).
   * Positions change when a section is inserted; titles do not.
   */
  readonly key: string;
  /** A group heading shown above this item ("Core Programming Skills"); not a level of its own. */
  readonly label?: string;
  /** The rest of a long title ("[Name](url) - what it is"), or what follows a hard line break. */
  readonly description?: string;
  /** A table row's other cells, in column order. */
  readonly details?: readonly Detail[];
  /** Ticked in the file itself (`- [x]`, a ✅ or "Done" cell): starts as done until the learner says otherwise. */
  readonly checked?: true;
  /**
   * Minutes of study the roadmap (or the bundled roadmap's overlay) gives this
   * item itself: `~2h`, `(3 h)`, "Estimated time: 2 weeks", a Duration column.
   * A part's or section's total is worked out (core/estimates.ts), not stored.
   */
  readonly estimate?: number;
  /** 1-based line in the source file. */
  readonly line: number;
  readonly links: readonly Link[];
  readonly children: readonly Item[];
}

export interface Project {
  /** `p1`, `p2`, ... */
  readonly id: string;
  readonly title: string;
  readonly slug: string;
  readonly key: string;
  readonly line: number;
}

export interface Stage {
  /** 1-based position in the learning path. */
  readonly number: number;
  readonly title: string;
}

/** What the file says: the tree, the projects and the learning-path stages. */
export interface RoadmapText {
  /** The `#` title; empty when the file has none. */
  readonly title: string;
  readonly parts: readonly Item[];
  readonly projects: readonly Project[];
  readonly stages: readonly Stage[];
}

/** A topic by ID and key: what progress maths needs, without the tree. */
export interface TopicRef {
  readonly id: string;
  readonly key: string;
}

/**
 * Every topic in document order, as parallel lists rather than an object per
 * topic: on a roadmap of thousands of topics, `next` reads this and one part.
 */
export interface TopicIndex {
  readonly ids: readonly string[];
  readonly keys: readonly string[];
  /** Keys of the topics ticked in the file itself (`- [x]`). */
  readonly checked: readonly string[];
  /**
   * Each topic's own estimate in minutes (0 = none), parallel to `ids`;
   * absent when no topic has one. Lets `next --budget` pick topics without the tree.
   */
  readonly minutes?: readonly number[];
}

/**
 * A roadmap with what is derived from its words, worked out once when it is
 * parsed (and cached with it) rather than on every run.
 */
export interface Roadmap extends RoadmapText {
  /** The learning-path stage (1-based) of each part, by part ID; empty without a learning path. */
  readonly partStages: Dict<number>;
  /** The IDs of the sections each project draws on, by project ID; empty when its words match no title. */
  readonly projectSections: Dict<readonly string[]>;
  /**
   * Every topic in document order. `next`, `status` and the overall tally work
   * from this alone, so a large cached roadmap need not load its whole tree.
   */
  readonly topics: TopicIndex;
  /**
   * Which part holds each item, on a roadmap read part by part (from the parse
   * cache): lets an exact ID or key be found by reading one part, not all of
   * them. Absent when every part is already in memory.
   */
  readonly outline?: Outline;
}

/**
 * Every item of a roadmap (parts, sections and topics) in document order, with
 * the words a REF is matched against and the part that holds it, as parallel
 * lists: what resolving `done 2.3.1` or `done pydantic` needs, without the tree.
 */
export interface Outline {
  /** Where each item is: enough to find an exact ID or key. */
  readonly items: OutlineItems;
  /** What each item is called: read only when a REF is not an exact ID or key. */
  readonly words: OutlineWords;
}

export interface OutlineItems {
  /** The index (in `parts`) of the part each item is in. */
  readonly parts: readonly number[];
  /** The position (in these lists) of each item's parent; -1 for a part. */
  readonly parents: readonly number[];
  readonly ids: readonly string[];
  readonly keys: readonly string[];
}

export interface OutlineWords {
  readonly titles: readonly string[];
  readonly slugs: readonly string[];
}
