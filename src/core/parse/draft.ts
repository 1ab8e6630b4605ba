/** What the first pass makes of the markdown, before the file's kind of topics is decided. */
import type { Detail, Link } from '../model.js';

export type DraftSource = 'root' | 'heading' | 'list' | 'row' | 'paragraph' | 'bold' | 'details';

export interface Draft {
  readonly uid: number;
  title: string;
  /** The title as the first parser read it (first line, no split): keys are made from it, so they never change. */
  keyTitle?: string;
  description?: string;
  details?: Detail[];
  line: number;
  links: Link[];
  children: Draft[];
  isHeading: boolean;
  source: DraftSource;
  /** Which rule made this draft, for `roadmap inspect`. */
  rule: string;
  /** A task-list item: `- [ ]` (false) or `- [x]` (true). */
  checked?: boolean;
  /** Minutes, from a table row's Duration / Effort cells or a line "Estimated time: …" under a heading. */
  estimate?: number;
  /** A table row whose status cell says done. */
  done?: boolean;
  label?: string;
  /**
   * Slugs of label headings above this item: they stay in its key, so that the
   * key does not change when a second heading beside the label makes it a level.
   */
  keyPrefix?: string[];
  /**
   * A heading the first parser made a level of, which no longer is one (a
   * heading above the title, YAML front matter): its items are lifted to its
   * parent, its slug kept in their keys.
   */
  transparent?: boolean;
  /** The first # heading, now a part: its items keep the keys they had when it was the title. */
  keyless?: boolean;
  /** Made a topic by a `<!-- roadmap: topics -->` hint. */
  forced?: boolean;
  /** A heading with prose (or code, or a `<details>`) of its own beneath it. */
  hasBody?: boolean;
  /** A projects heading: `listed` once a list of projects was read under it. */
  projects?: 'heading' | 'listed';
  /** A heading with items (list items, rows, link paragraphs) directly beneath it. */
  ownsItems?: boolean;
}

let nextUid = 1;

export function draft(
  fields: Omit<Draft, 'uid' | 'links' | 'children'> & Partial<Pick<Draft, 'links' | 'children'>>,
): Draft {
  return { uid: nextUid++, links: [], children: [], ...fields };
}

/** One block's fate, for `roadmap inspect`. */
export type Role = 'title' | 'part' | 'section' | 'topic' | 'resource' | 'description' | 'label' | 'skipped';

export interface Decision {
  readonly line: number;
  readonly role: Role;
  /** The block's words, shortened. */
  readonly text: string;
  /** The rule that decided, in the README's words. */
  readonly rule: string;
}

export function shorten(text: string, max = 70): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  // By whole characters (graphemes), so an emoji or a flag is never cut in half.
  const graphemes = Array.from(new Intl.Segmenter().segment(one), (s) => s.segment);
  return graphemes.length > max ? `${graphemes.slice(0, max - 1).join('')}…` : one;
}
