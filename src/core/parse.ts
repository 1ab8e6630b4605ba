/**
 * Markdown -> Roadmap. Headings give the hierarchy, list items nest under the
 * nearest heading and their parent item, and the leaves are the topics a learner
 * ticks off. A heading that is the only thing under its parent ("Core Programming
 * Skills") is a label, not a numbering level. Sections titled like "projects" or
 * "learning path" hold the suggested projects and the path stages instead.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Item, Link, Project, Roadmap, Stage } from './model.js';
import { slugify } from './text.js';

interface Draft {
  title: string;
  line: number;
  links: Link[];
  children: Draft[];
  isHeading: boolean;
  label?: string;
}

type Region = 'topics' | 'projects' | 'path';

const PROJECTS_HEADING = /\bprojects?\b/i;
const PATH_HEADING = /\blearning path\b/i;
/** "Part 3: Database Integration" -> "Database Integration"; the ID already says "3". */
const PART_PREFIX = /^part\s+\d+\s*[:.)\-–—]\s*/i;

export function parseRoadmap(markdown: string): Roadmap {
  const source = markdown.replace(/\r\n?/g, '\n');
  const locate = lineLocator(source);
  const root: Draft = { title: '', line: 1, links: [], children: [], isHeading: true };
  const stack: { depth: number; draft: Draft }[] = [{ depth: 0, draft: root }];
  const projectTitles: { title: string; line: number }[] = [];
  const stageTitles: string[] = [];
  let title = '';
  let region: Region = 'topics';
  let regionDepth = 0;

  for (const token of new Lexer().lex(source)) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const text = plainText(heading.tokens, []);
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
        title: text.replace(PART_PREFIX, ''),
        line,
        links: [],
        children: [],
        isHeading: true,
      };
      stack[stack.length - 1]!.draft.children.push(draft);
      stack.push({ depth: heading.depth, draft });
    } else if (token.type === 'list') {
      const items = listDrafts(token as Tokens.List, locate);
      if (region === 'projects') {
        projectTitles.push(...items.map((d) => ({ title: d.title, line: d.line })));
      } else if (region === 'path') {
        stageTitles.push(...items.map((d) => d.title));
      } else {
        stack[stack.length - 1]!.draft.children.push(...items);
      }
    }
  }

  const parts = finalize(normalize(root.children), '', '', 1);
  const projects: Project[] = projectTitles.map((p, i) => {
    const slug = slugify(p.title);
    return { id: `p${i + 1}`, title: p.title, slug, key: `project/${slug}`, line: p.line };
  });
  const stages: Stage[] = stageTitles.map((t, i) => ({ number: i + 1, title: t }));
  return { title: title || 'Roadmap', parts, projects, stages };
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
        children.push(...listDrafts(token as Tokens.List, locate));
      } else if (title === '' && hasInline(token)) {
        title = cleanTitle(plainText(token.tokens ?? [], links));
      }
    }
    if (title === '' && children.length === 0) continue;
    drafts.push({ title: title || 'Untitled', line, links, children, isHeading: false });
  }
  return drafts;
}

function hasInline(token: Token): token is Token & { tokens?: Token[] } {
  return token.type === 'text' || token.type === 'paragraph' || token.type === 'heading';
}

/** Drops empty headings and turns a heading that stands alone under its parent into a label. */
function normalize(drafts: Draft[]): Draft[] {
  const kept: Draft[] = [];
  for (const draft of drafts) {
    let children = normalize(draft.children);
    if (draft.isHeading && children.length === 0) continue;
    const only = children.length === 1 ? children[0]! : undefined;
    if (only?.isHeading && only.children.length > 0) {
      const [first, ...rest] = only.children;
      children = [{ ...first!, label: only.title }, ...rest];
    }
    kept.push({ ...draft, children });
  }
  return kept;
}

function finalize(drafts: Draft[], parentId: string, parentKey: string, depth: number): Item[] {
  const used = new Map<string, number>();
  return drafts.map((draft, index) => {
    const id = parentId ? `${parentId}.${index + 1}` : `${index + 1}`;
    const slug = slugify(draft.title) || `item-${index + 1}`;
    // Two siblings with one title still need distinct keys: the second is `slug~2`.
    const seen = (used.get(slug) ?? 0) + 1;
    used.set(slug, seen);
    const ownKey = seen === 1 ? slug : `${slug}~${seen}`;
    const key = parentKey ? `${parentKey}/${ownKey}` : ownKey;
    const children = finalize(draft.children, id, key, depth + 1);
    const kind = children.length === 0 ? 'topic' : depth === 1 ? 'part' : 'section';
    return {
      id,
      kind,
      title: draft.title,
      slug,
      key,
      ...(draft.label ? { label: draft.label } : {}),
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
        out += ' ';
        break;
      case 'link': {
        const text = plainText(token.tokens ?? [], links);
        links.push({ text, href: (token as Tokens.Link).href });
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
  return out.replace(/\s+/g, ' ').trim();
}

function cleanTitle(text: string): string {
  return text.replace(/\s*:$/, '').trim();
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
    const firstLine =
      raw
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    const found = firstLine ? source.indexOf(firstLine, cursor) : -1;
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
