/**
 * Markdown -> Roadmap, for the bundled roadmap and for any study plan a learner
 * points roadmap at.
 *
 * - Headings give the hierarchy; list items nest under the nearest heading and
 *   under their parent item.
 * - The trackable topics: where the file uses task checkboxes (`- [ ]`), the
 *   checkbox items (plain items beneath one become its resources); otherwise the
 *   leaves. Items already checked (`- [x]`) start as done.
 * - Not content: a list made only of in-page anchor links (a table of contents),
 *   images, HTML, code blocks, prose, and headings with nothing trackable below.
 * - A heading that is the only thing under its parent ("Core Programming Skills")
 *   is a label, not a numbering level.
 * - Sections titled like "projects" or "learning path" hold the suggested
 *   projects and the path stages instead of topics.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { projectSections, stagesOfParts } from './match.js';
import type { Item, Link, Project, Roadmap, RoadmapText, Stage, TopicIndex } from './model.js';
import { RoadmapProblem } from './problems.js';
import { slugify } from './text.js';
import { topicsOf } from './tree.js';

interface Draft {
  title: string;
  line: number;
  links: Link[];
  children: Draft[];
  isHeading: boolean;
  /** A task-list item: `- [ ]` (false) or `- [x]` (true). */
  checked?: boolean;
  label?: string;
  /**
   * Slugs of label headings above this item: they stay in its key, so that the
   * key does not change when a second heading beside the label makes it a level.
   */
  keyPrefix?: string[];
}

type Region = 'topics' | 'projects' | 'path';

/** A whole heading, at most one word before it: "Suggested Projects", not "Project structure". */
const PROJECTS_HEADING = /^(?:[\p{L}-]+\s+)?projects?(?:\s+ideas)?$/iu;
const PATH_HEADING = /^(?:[\p{L}-]+\s+)?learning path$/iu;
/**
 * "Part 3: Database Integration", "3. Database Integration" -> "Database
 * Integration": the ID already says 3, and a number in the title (and so in the
 * key) would tie progress to the position.
 */
const NUMBER_PREFIX = /^(?:part\s+\d+\s*[:.)\-–—]|\d+(?:\.\d+)*[.)]|\d+(?:\.\d+)+)\s*/i;

export { RoadmapProblem };

/** Limits that keep marked's lexer fast and inside its stack on hostile files. */
const MAX_LINE_LENGTH = 1_000_000;
const MAX_LIST_INDENT = 400;
const MAX_QUOTE_DEPTH = 100;
const DEEP_QUOTE = new RegExp(`^(?:[ \\t]*>){${MAX_QUOTE_DEPTH + 1}}`);

export function parseRoadmap(markdown: string): Roadmap {
  checkShape(markdown);
  try {
    return parse(markdown);
  } catch (error) {
    // marked and the tree walks recurse once per nesting level; thousands of levels exhaust the stack.
    if (error instanceof RangeError) throw new RoadmapProblem('nests its lists or headings too deeply to read');
    throw error;
  }
}

/**
 * Refuses, with the line, what would make the lexer overflow its stack or take
 * minutes: a line of megabytes, lists nested hundreds of levels deep.
 */
function checkShape(markdown: string): void {
  let start = 0;
  for (let line = 1; start <= markdown.length; line++) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const length = end - start;
    if (length > MAX_LINE_LENGTH) {
      throw new RoadmapProblem(
        `line ${line} is ${length.toLocaleString('en')} characters long; roadmap reads lines of up to ${MAX_LINE_LENGTH.toLocaleString('en')}`,
      );
    }
    const text = markdown.slice(start, Math.min(end, start + MAX_LIST_INDENT * 2 + 8));
    const indent = /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length;
    if (indent > MAX_LIST_INDENT && /^[ \t]*(?:[-*+]|\d+[.)])(?:[ \t]|$)/.test(text)) {
      throw new RoadmapProblem(`line ${line} nests a list more than ${MAX_LIST_INDENT} columns deep`);
    }
    if (DEEP_QUOTE.test(text)) {
      throw new RoadmapProblem(`line ${line} nests quotes more than ${MAX_QUOTE_DEPTH} levels deep`);
    }
    start = end + 1;
  }
}

function parse(markdown: string): Roadmap {
  const source = markdown.replace(/\r\n?/g, '\n');
  const locate = lineLocator(source);
  const root: Draft = { title: '', line: 1, links: [], children: [], isHeading: true };
  const stack: { depth: number; draft: Draft }[] = [{ depth: 0, draft: root }];
  const projectTitles: { title: string; line: number }[] = [];
  const stageTitles: string[] = [];
  let title = '';
  let region: Region = 'topics';
  let regionDepth = 0;

  for (const token of lex(source)) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const text = cleanTitle(plainText(heading.tokens, []));
      const line = locate(heading.raw);
      if (heading.depth === 1 && title === '') {
        title = text;
        continue;
      }
      if (region !== 'topics' && heading.depth <= regionDepth) region = 'topics';
      if (PROJECTS_HEADING.test(text) || PATH_HEADING.test(text)) {
        region = PATH_HEADING.test(text) ? 'path' : 'projects';
        regionDepth = heading.depth;
        continue;
      }
      while (stack.length > 1 && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
      const draft: Draft = {
        title: text.replace(NUMBER_PREFIX, '') || text,
        line,
        links: [],
        children: [],
        isHeading: true,
      };
      stack[stack.length - 1]!.draft.children.push(draft);
      stack.push({ depth: heading.depth, draft });
    } else if (token.type === 'list') {
      const list = token as Tokens.List;
      if (isTableOfContents(list)) continue;
      const items = listDrafts(list, locate);
      if (region === 'projects') {
        projectTitles.push(...items.map((d) => ({ title: d.title, line: d.line })));
      } else if (region === 'path') {
        stageTitles.push(...items.map((d) => d.title));
      } else {
        stack[stack.length - 1]!.draft.children.push(...items);
      }
    }
  }

  const usesCheckboxes = hasCheckbox(root.children);
  const trackable = usesCheckboxes ? keepCheckboxItems(root.children) : keepLeaves(root.children);
  const parts = finalize(collapseLabels(trackable), '', '', 1, usesCheckboxes);
  const projects: Project[] = projectTitles.map((p, i) => {
    const slug = slugify(p.title);
    return { id: `p${i + 1}`, title: p.title, slug, key: `project/${slug}`, line: p.line };
  });
  const stages: Stage[] = stageTitles.map((t, i) => ({ number: i + 1, title: t }));
  const text: RoadmapText = { title, parts, projects, stages };
  return {
    ...text,
    partStages: Object.fromEntries(stagesOfParts(text)),
    projectSections: Object.fromEntries(projects.map((p) => [p.id, projectSections(text, p).map((s) => s.id)])),
    topics: topicIndex(parts),
  };
}

function topicIndex(parts: readonly Item[]): TopicIndex {
  const topics = topicsOf(parts);
  return {
    ids: topics.map((t) => t.id),
    keys: topics.map((t) => t.key),
    checked: topics.filter((t) => t.checked).map((t) => t.key),
  };
}

/** marked's lexer, whose own failures (it has them, on odd nestings) become a clear refusal. */
function lex(source: string): Token[] {
  try {
    return new Lexer().lex(source);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new RoadmapProblem(`could not be read as markdown (the parser failed: ${(error as Error).message})`);
  }
}

function listDrafts(list: Tokens.List, locate: (raw: string) => number): Draft[] {
  const drafts: Draft[] = [];
  for (const item of list.items) {
    const line = locate(item.raw);
    const links: Link[] = [];
    let title = '';
    const children: Draft[] = [];
    for (const token of item.tokens) {
      if (token.type === 'list') {
        if (!isTableOfContents(token as Tokens.List)) children.push(...listDrafts(token as Tokens.List, locate));
      } else if (title === '' && hasInline(token)) {
        title = cleanTitle(plainText(token.tokens ?? [], links));
      }
    }
    if (title === '' && children.length === 0) continue;
    drafts.push({
      title: title || 'Untitled',
      line,
      links,
      children,
      isHeading: false,
      ...(item.task ? { checked: item.checked === true } : {}),
    });
  }
  return drafts;
}

function hasInline(token: Token): token is Token & { tokens?: Token[] } {
  return token.type === 'text' || token.type === 'paragraph' || token.type === 'heading';
}

/** A list whose every item, at every level, is only a link to an anchor on the same page. */
function isTableOfContents(list: Tokens.List): boolean {
  return list.items.every((item) =>
    item.tokens.every((token) => {
      if (token.type === 'list') return isTableOfContents(token as Tokens.List);
      if (token.type === 'space') return true;
      if (!hasInline(token)) return false;
      const inline = (token.tokens ?? []).filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
      return inline.length === 1 && inline[0]!.type === 'link' && (inline[0] as Tokens.Link).href.startsWith('#');
    }),
  );
}

function hasCheckbox(drafts: readonly Draft[]): boolean {
  return drafts.some((d) => d.checked !== undefined || hasCheckbox(d.children));
}

/** Plain lists: the leaves are the topics; headings with no items below are dropped. */
function keepLeaves(drafts: readonly Draft[]): Draft[] {
  return drafts.flatMap((draft) => {
    const children = keepLeaves(draft.children);
    return draft.isHeading && children.length === 0 ? [] : [{ ...draft, children }];
  });
}

/**
 * Task lists: checkbox items are the topics. A plain item below a checkbox item
 * is one of its resources (its links are kept); a plain item or heading with no
 * checkbox below it is prose and is dropped.
 */
function keepCheckboxItems(drafts: readonly Draft[]): Draft[] {
  return drafts.flatMap((draft) => {
    const children = keepCheckboxItems(draft.children);
    if (draft.checked !== undefined) {
      const resources = draft.children.filter((c) => c.checked === undefined && !hasCheckbox(c.children));
      return [{ ...draft, links: [...draft.links, ...resources.flatMap(linksBelow)], children }];
    }
    return children.length === 0 ? [] : [{ ...draft, children }];
  });
}

function linksBelow(draft: Draft): Link[] {
  return [...draft.links, ...draft.children.flatMap(linksBelow)];
}

/** A heading that stands alone under its parent becomes a label on the first item below it. */
function collapseLabels(drafts: readonly Draft[]): Draft[] {
  return drafts.map((draft) => {
    let children = collapseLabels(draft.children);
    const only = children.length === 1 ? children[0]! : undefined;
    if (only?.isHeading && only.children.length > 0) {
      const keyPrefix = [slugify(only.title) || 'label', ...(only.keyPrefix ?? [])];
      children = only.children.map((child, i) => ({
        ...child,
        ...(i === 0 ? { label: only.title } : {}),
        keyPrefix: [...keyPrefix, ...(child.keyPrefix ?? [])],
      }));
    }
    return { ...draft, children };
  });
}

function finalize(
  drafts: readonly Draft[],
  parentId: string,
  parentKey: string,
  depth: number,
  usesCheckboxes: boolean,
): Item[] {
  const used = new Map<string, number>();
  return drafts.map((draft, index) => {
    const id = parentId ? `${parentId}.${index + 1}` : `${index + 1}`;
    const slug = slugify(draft.title) || `item-${index + 1}`;
    // A key is also a REF, so it must never read as an ID (a title "1." would give the key "1").
    const base = /^p?\d+$/.test(slug) ? `n-${slug}` : slug;
    // Two siblings with one title still need distinct keys: the second is `slug~2`.
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const ownKey = seen === 1 ? base : `${base}~${seen}`;
    const key = [parentKey, ...(draft.keyPrefix ?? []), ownKey].filter((k) => k !== '').join('/');
    const children = finalize(draft.children, id, key, depth + 1, usesCheckboxes);
    const isTopic = usesCheckboxes ? draft.checked !== undefined : children.length === 0;
    return {
      id,
      kind: isTopic ? 'topic' : depth === 1 ? 'part' : 'section',
      title: draft.title,
      slug,
      key,
      ...(draft.label ? { label: draft.label } : {}),
      ...(draft.checked ? { checked: true as const } : {}),
      line: draft.line,
      links: draft.links,
      children,
    };
  });
}

/** Inline tokens -> the words a reader sees. Links are collected; images and HTML are dropped. */
function plainText(tokens: readonly Token[], links: Link[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'html':
      case 'checkbox':
        break;
      case 'br':
        out += '\n';
        break;
      case 'link': {
        const text = plainText(token.tokens ?? [], links);
        links.push({ text: firstLine(text), href: (token as Tokens.Link).href });
        out += text;
        break;
      }
      case 'codespan':
        out += decodeEntities((token as Tokens.Codespan).text);
        break;
      default: {
        const inner = 'tokens' in token ? token.tokens : undefined;
        out +=
          inner && inner.length > 0
            ? plainText(inner, links)
            : decodeEntities('text' in token ? String(token.text) : '');
      }
    }
  }
  return out;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .find((l) => l !== '') ?? ''
  );
}

/** `:zap:` style emoji codes; a leading emoji picture is decoration too. */
const EMOJI_CODE = /(^|\s):[a-z][a-z0-9_+-]*:(?=\s|$)/g;
const LEADING_PICTURES = /^(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*)+/u;

/** The first line of an item, without emoji decoration or a trailing colon. */
function cleanTitle(text: string): string {
  return firstLine(text.replace(EMOJI_CODE, '$1')).replace(LEADING_PICTURES, '').replace(/\s*:$/, '').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/**
 * Finds the line of each token's first line, in document order. marked keeps no
 * positions, so we search forward from the previous hit.
 */
function lineLocator(source: string): (raw: string) => number {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  let cursor = 0;
  return (raw) => {
    const line =
      raw
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    const found = line ? source.indexOf(line, cursor) : -1;
    if (found >= 0) cursor = found + 1;
    const offset = found >= 0 ? found : cursor;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
