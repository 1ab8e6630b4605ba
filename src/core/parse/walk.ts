/**
 * The first pass: markdown tokens -> a tree of drafts (headings, list items,
 * table rows, link paragraphs, bold headings, `<details>` questions), with a
 * decision recorded for every block that is dropped or becomes a label,
 * resource or description. Which drafts end up as topics is decided afterwards
 * (select.ts), once the whole file has been seen.
 */
import type { Token, Tokens } from 'marked';
import type { Link } from '../model.js';
import { draft, shorten, type Decision, type Draft } from './draft.js';
import { slugify } from '../text.js';
import { estimateLine } from './estimate.js';
import { cleanTitle, oneLine, plainText, splitTitle } from './inline.js';
import {
  collectLinks,
  droppedList,
  hasTask,
  isLinkLike,
  isLinkOnly,
  isLinksOnly,
  linksBelow,
  listDrafts,
} from './lists.js';
import { tableRows } from './table.js';
import { isAdminName, isGenericSummary, isProseLabel, isResourceLabel } from './words.js';

/**
 * "Part 3: Database Integration", "3. Database Integration" -> "Database
 * Integration": the ID already says 3, and a number in the title (and so in the
 * key) would tie progress to the position.
 */
export const NUMBER_PREFIX = /^(?:part\s+\d+\s*[:.)\-–—]|\d+(?:\.\d+)*[.)]|\d+(?:\.\d+)+)\s*/i;

/** A whole heading, at most one word before it: "Suggested Projects", not "Project structure". */
const PROJECTS_HEADING = /^(?:[\p{L}-]+\s+)?projects?(?:\s+ideas)?$/iu;
const PATH_HEADING = /^(?:[\p{L}-]+\s+)?learning path$/iu;

type Region = 'topics' | 'projects' | 'path';
type Hint = 'skip' | 'topics' | 'not-topics' | 'title';

const HINT = /<!--\s*roadmap:\s*(skip|topics|not-topics|title)\s*-->/gi;

export interface Walked {
  readonly root: Draft;
  readonly projectTitles: { title: string; line: number }[];
  readonly stageTitles: string[];
  readonly decisions: Decision[] | undefined;
}

/**
 * What a heading is beyond a section: `title`, the roadmap's title (a `#` or a
 * lone `##`: not a part, and it resets the tree); `keyless`, the first `#`
 * heading when it is not the title (the first parser took it for the title).
 */
export type HeadingRole = 'title' | 'keyless' | undefined;

export interface WalkOptions {
  /** Asked once for each heading the walk reaches, in document order. */
  readonly roleOf?: (heading: Tokens.Heading) => HeadingRole;
  /** What the first parser made of YAML front matter: a `##` part named by its first line. */
  readonly frontPart?: string;
  readonly locate: (raw: string) => number;
  /** Record every decision (for `roadmap inspect`). */
  readonly record?: boolean;
}

/**
 * Reads the blocks in the order they come, in as many batches as the caller
 * lexes them in (see chunks.ts): `feed` each batch, then take the `result`.
 */
export class Walker {
  private readonly root = draft({ title: '', line: 1, isHeading: true, source: 'root', rule: '' });
  private stack: { depth: number; draft: Draft }[] = [{ depth: 0, draft: this.root }];
  private readonly projectTitles: { title: string; line: number }[] = [];
  private readonly stageTitles: string[] = [];
  /** Recorded only for `roadmap inspect`: a plain run skips the work. */
  private readonly decisions: Decision[] | undefined;
  private region: Region = 'topics';
  private regionDepth = 0;
  /** Inside a section skipped (admin, or a skip hint) down to this heading depth. */
  private skip: { depth: number; rule: string } | undefined;
  /** Inside a prose section ("Instructions", "Prerequisites") down to this depth: its lists are not topics, its tables still are. */
  private prose: { depth: number; rule: string; title: string } | undefined;
  /** The heading of the projects region: a topic of its own when it holds prose and no project list. */
  private projectsHeading: Draft | undefined;
  /** Set by a label: the lists that follow are prose, or resources of `resourceTarget`. */
  private mode: 'normal' | 'prose' | 'resources' = 'normal';
  private modeRule = '';
  private resourceTarget: Draft | undefined;
  /** A paragraph of only bold text, acting as a heading until the next heading or bold paragraph. */
  private bold: Draft | undefined;
  /** The last item drafted in this section: a Resources label gives its links to it. */
  private lastItem: Draft | undefined;
  /** A "**Label:**" paragraph to put above the next list's first item. */
  private pendingLabel: string | undefined;
  private hint: Hint | undefined;
  /** Slugs of the label headings above the current items (see addItems). */
  private labelPrefix: string[] = [];
  private detailsDepth = 0;
  private detailsOwner: Draft | undefined;
  /** The heading (or bold heading) of the block before: a line "Estimated time: …" right under it is its estimate. */
  private justUnder: Draft | undefined;

  constructor(private readonly options: WalkOptions) {
    this.decisions = options.record ? [] : undefined;
    if (options.frontPart) {
      const standIn = draft({
        title: options.frontPart,
        line: 1,
        isHeading: true,
        source: 'heading',
        rule: 'heading',
        transparent: true,
      });
      this.root.children.push(standIn);
      this.stack.push({ depth: 2, draft: standIn });
    }
  }

  feed(tokens: readonly Token[]): void {
    for (const token of tokens) this.token(token);
  }

  result(): Walked {
    return {
      root: this.root,
      projectTitles: this.projectTitles,
      stageTitles: this.stageTitles,
      decisions: this.decisions,
    };
  }

  private get container(): Draft {
    return this.stack[this.stack.length - 1]!.draft;
  }

  /** Each block's line, found once: the locator searches forward, so a second search would find a later copy. */
  private readonly lines = new WeakMap<Token, number>();

  private at(token: Token): number {
    let line = this.lines.get(token);
    if (line === undefined) {
      line = this.options.locate(token.raw);
      this.lines.set(token, line);
    }
    return line;
  }

  private decide(token: Token, role: Decision['role'], text: string, rule: string): void {
    const line = this.at(token); // always located: the locator's cursor must move the same with or without a trace
    this.decisions?.push({ line, role, text: shorten(text), rule });
  }

  private token(token: Token): void {
    if (token.type === 'space' || token.type === 'def') return;
    const under = this.justUnder;
    this.justUnder = undefined;
    if (token.type === 'html' || (token.type === 'paragraph' && /<\/?details/i.test(token.raw))) {
      if (this.html(token)) return;
    }
    if (this.detailsDepth > 0) {
      this.insideDetails(token);
      return;
    }
    if (token.type === 'heading') this.heading(token as Tokens.Heading);
    else if (this.skipped(token)) return;
    else if (token.type === 'list') this.list(token as Tokens.List);
    else if (token.type === 'table') this.table(token as Tokens.Table);
    else if (token.type === 'paragraph') this.paragraph(token as Tokens.Paragraph, under);
    else if (token.type === 'code' || token.type === 'blockquote') this.body();
  }

  private skipped(token: Token): boolean {
    if (this.skip) {
      if (token.type !== 'hr') this.decide(token, 'skipped', token.raw, this.skip.rule);
      return true;
    }
    if (this.hint === 'skip' && token.type !== 'hr') {
      this.hint = undefined;
      this.decide(token, 'skipped', token.raw, 'hint: <!-- roadmap: skip -->');
      return true;
    }
    return false;
  }

  /** Prose, code or a quote under a heading: with nothing else, the heading is a topic (rule 2). */
  private body(prose?: Tokens.Paragraph): void {
    if (this.region === 'projects' && this.projectsHeading) this.projectsHeading.hasBody = true;
    if (this.region !== 'topics') return;
    const target = this.bold ?? this.container;
    if (target.source === 'heading') target.hasBody = true;
    // The pages the prose links to are the resources of the heading it explains (a topic when nothing else is).
    if (prose && target.source !== 'root') collectLinks(prose, target.links);
  }

  /** Hints and `<details>`; true when the token was only that. */
  private html(token: Token): boolean {
    const raw = token.raw;
    for (const match of raw.matchAll(HINT)) {
      this.hint = match[1]!.toLowerCase() as Hint;
      this.decide(token, 'label', match[0], `hint: ${match[0]}`);
    }
    const tags = [...raw.matchAll(/<(\/?)details\b[^>]*>/gi)];
    const wasInside = this.detailsDepth > 0;
    for (const tag of tags) {
      if (tag[1] === '/') {
        this.detailsDepth = Math.max(0, this.detailsDepth - 1);
        if (this.detailsDepth === 0) this.detailsOwner = undefined;
        continue;
      }
      if (this.detailsDepth++ > 0) continue;
      this.openDetails(raw.slice(tag.index), token);
    }
    if (wasInside && this.detailsDepth > 0 && token.type === 'paragraph') this.insideDetails(token);
    if (token.type === 'html' && tags.length === 0 && !/^\s*<!--/.test(raw) && this.detailsDepth === 0) this.body();
    return token.type === 'html' || tags.length > 0;
  }

  /** Rule 3: the summary of a `<details>` block is a topic (the question) unless it is "Answer" or the like. */
  private openDetails(from: string, token: Token): void {
    const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(from);
    const text = summary ? oneLine(summary[1]!.replace(/<[^>]+>/g, ' ')) : '';
    const title = cleanTitle(text);
    if (this.skip || this.region !== 'topics' || title === '' || isGenericSummary(title)) {
      this.detailsOwner = this.lastItem ?? this.bold ?? (this.container.source === 'root' ? undefined : this.container);
      if (this.detailsOwner?.source === 'heading') this.detailsOwner.hasBody = true;
      this.decide(token, 'skipped', text || '<details>', '<details> with a generic summary: notes of the item above');
      return;
    }
    const question = draft({
      title,
      line: this.at(token),
      isHeading: false,
      source: 'details',
      rule: '<details>: the summary is the topic',
    });
    this.addItems([question]);
    this.detailsOwner = question;
  }

  /** Rule 3: inside `<details>` nothing is a topic; links are the owner's resources. */
  private insideDetails(token: Token): void {
    const links: Link[] = [];
    collectLinks(token, links);
    if (this.detailsOwner && links.length > 0) {
      this.detailsOwner.links.push(...links);
      this.decide(token, 'resource', token.raw, 'inside <details>: resources of the item above');
    } else if (token.type !== 'html') {
      this.decide(token, 'skipped', token.raw, 'inside <details>: notes, never topics');
    }
  }

  private heading(heading: Tokens.Heading): void {
    const text = cleanTitle(plainText(heading.tokens, []));
    const line = this.at(heading);
    const role = this.options.roleOf?.(heading);
    if (role === 'title' || this.hint === 'title') {
      this.hint = undefined;
      // Headings, badges and HTML above the title do not own what follows it. They did for the
      // first parser, which keyed what follows by them: a transparent stand-in keeps those keys.
      this.stack = this.stack.map((entry, i) => {
        if (i === 0 || entry.draft.transparent) return entry;
        const standIn = draft({ ...entry.draft, children: [], transparent: true, ownsItems: false, hasBody: false });
        this.stack[i - 1]!.draft.children.push(standIn);
        return { depth: entry.depth, draft: standIn };
      });
      this.resetSection();
      this.skip = undefined;
      this.region = 'topics';
      this.decisions?.push({ line, role: 'title', text: shorten(text), rule: 'title: the first # heading' });
      return;
    }
    if (this.skip && heading.depth <= this.skip.depth) this.skip = undefined;
    if (this.skip) {
      this.decide(heading, 'skipped', text, this.skip.rule);
      return;
    }
    this.resetSection();
    if (this.prose && heading.depth <= this.prose.depth) this.prose = undefined;
    if (this.prose) {
      this.setMode('prose', this.prose.rule);
      this.labelPrefix = [slugify(this.prose.title) || 'label', slugify(text) || 'label'];
      this.decide(heading, 'skipped', text, `inside the ${this.prose.rule}`);
      return;
    }
    if (this.hint === 'skip') {
      this.hint = undefined;
      this.skip = { depth: heading.depth, rule: 'hint: <!-- roadmap: skip -->' };
      this.decide(heading, 'skipped', text, this.skip.rule);
      return;
    }
    if (isAdminName(text)) {
      this.skip = { depth: heading.depth, rule: `admin section ("${text}"): never topics` };
      this.decide(heading, 'skipped', text, this.skip.rule);
      return;
    }
    if (this.region !== 'topics' && heading.depth <= this.regionDepth) this.region = 'topics';
    if (PROJECTS_HEADING.test(text) || PATH_HEADING.test(text)) {
      this.region = PATH_HEADING.test(text) ? 'path' : 'projects';
      this.regionDepth = heading.depth;
      this.projectsHeading = undefined;
      if (this.region === 'projects') {
        while (this.stack.length > 1 && this.stack[this.stack.length - 1]!.depth >= heading.depth) this.stack.pop();
        this.projectsHeading = draft({
          title: text.replace(NUMBER_PREFIX, '') || text,
          line,
          isHeading: true,
          source: 'heading',
          rule: 'a projects heading with prose and no project list is a topic',
          projects: 'heading',
        });
        this.container.children.push(this.projectsHeading);
      }
      // A projects heading is traced once the tree is chosen: it holds the projects
      // only when a project list follows; with prose alone it is a topic.
      if (this.region === 'path') this.decide(heading, 'label', text, `"${text}" holds the learning path`);
      return;
    }
    while (this.stack.length > 1 && this.stack[this.stack.length - 1]!.depth >= heading.depth) this.stack.pop();
    if (this.region === 'topics' && (isProseLabel(text) || isResourceLabel(text))) {
      // A label heading ("Instructions", "Resources") is not a level: what follows belongs to the section above.
      this.setMode(
        isProseLabel(text) ? 'prose' : 'resources',
        `label heading "${text}"`,
        this.lastItemOf(this.container),
      );
      if (isProseLabel(text)) this.prose = { depth: heading.depth, rule: this.modeRule, title: text };
      this.labelPrefix = [slugify(text) || 'label'];
      this.decide(heading, 'label', text, this.modeRule);
      return;
    }
    const title = text.replace(NUMBER_PREFIX, '') || text;
    const section = draft({
      title,
      line,
      isHeading: true,
      source: 'heading',
      rule: 'heading',
      // The first parser took the first # for the title, so what follows it was keyed without it.
      ...(role === 'keyless' ? { keyless: true } : {}),
    });
    this.container.children.push(section);
    this.stack.push({ depth: heading.depth, draft: section });
    this.justUnder = section;
  }

  private lastItemOf(section: Draft): Draft {
    const last = section.children[section.children.length - 1];
    return last && !last.isHeading ? last : section;
  }

  private resetSection(): void {
    this.mode = 'normal';
    this.bold = undefined;
    this.lastItem = undefined;
    this.pendingLabel = undefined;
    this.resourceTarget = undefined;
    this.labelPrefix = [];
  }

  private setMode(mode: 'prose' | 'resources', rule: string, target?: Draft): void {
    this.mode = mode;
    this.modeRule = rule;
    this.resourceTarget = target;
  }

  private takeHint(): Hint | undefined {
    const hint = this.hint;
    if (hint === 'topics' || hint === 'not-topics') this.hint = undefined;
    return hint;
  }

  private addItems(items: Draft[]): void {
    if (items.length === 0) return;
    // Under a label heading the first parser made a level: its slug stays in the items' keys.
    if (this.labelPrefix.length > 0)
      for (const item of items) item.keyPrefix = [...this.labelPrefix, ...(item.keyPrefix ?? [])];
    const container = this.container;
    container.children.push(...items);
    container.ownsItems = true;
    this.lastItem = items[items.length - 1];
  }

  private list(list: Tokens.List): void {
    const hint = this.takeHint();
    if (hint === 'not-topics') return this.decide(list, 'skipped', list.raw, 'hint: <!-- roadmap: not-topics -->');
    const forced = hint === 'topics';
    if (!forced) {
      const why = droppedList(list);
      if (why) return this.decide(list, 'skipped', list.raw, why);
    }
    if (this.region === 'projects' || this.region === 'path') {
      const items = listDrafts(list, this.options.locate, this.decisions);
      if (this.region === 'path') {
        this.stageTitles.push(...items.map((d) => d.title));
        return;
      }
      this.projectTitles.push(...items.map((d) => ({ title: d.title, line: d.line })));
      if (this.projectsHeading && items.length > 0) this.projectsHeading.projects = 'listed';
      return;
    }
    if (!forced && this.mode === 'prose' && !hasTask(list)) {
      return this.decide(list, 'skipped', list.raw, `prose: a list after the ${this.modeRule}`);
    }
    // Checkboxes are always the learner's own items, whatever label stands above them.
    if (!forced && this.mode === 'resources' && !hasTask(list)) {
      return this.resources(list, this.resourceTarget, this.modeRule);
    }
    const items = listDrafts(list, this.options.locate, this.decisions);
    if (forced) {
      for (const item of items) Object.assign(item, { forced: true, rule: 'hint: <!-- roadmap: topics -->' });
    }
    const bold = this.bold;
    if (!forced && bold && !hasTask(list)) {
      if (items.every((item) => item.links.length > 0 && item.title === item.links[0]!.text)) {
        // Rule 2: a list of links under a bold heading is its resources.
        for (const item of items) {
          bold.links.push(...linksBelow(item));
          this.decisions?.push({
            line: item.line,
            role: 'resource',
            text: shorten(item.title),
            rule: `a link under the bold heading "${bold.title}": its resource`,
          });
        }
        return;
      }
      // A list of things to do: the bold line labels it (its items keep the keys they had under the section).
      this.bold = undefined;
      const container = this.container;
      if (bold.links.length === 0 && container.children[container.children.length - 1] === bold) {
        container.children.pop();
        this.pendingLabel = bold.title;
        this.decisions?.push({
          line: bold.line,
          role: 'label',
          text: shorten(bold.title),
          rule: 'a bold line above a list labels it',
        });
      }
    }
    if (this.pendingLabel && items[0]) items[0].label = this.pendingLabel;
    this.pendingLabel = undefined;
    this.addItems(items);
  }

  private resources(token: Token, target: Draft | undefined, rule: string): void {
    const links: Link[] = [];
    collectLinks(token, links);
    const owner = target ?? (this.container.source === 'root' ? undefined : this.container);
    if (owner) owner.links.push(...links);
    this.decide(token, 'resource', token.raw, `resources: after the ${rule}`);
  }

  private table(table: Tokens.Table): void {
    const hint = this.takeHint();
    if (this.region !== 'topics') return;
    const result = tableRows(
      table,
      this.at(table),
      hint === 'topics' ? 'topics' : hint === 'not-topics' ? 'prose' : 'auto',
    );
    if (result.rows.length === 0) return this.decide(table, 'skipped', table.raw, result.rule);
    if (hint === 'topics') for (const row of result.rows) row.forced = true;
    this.addItems(result.rows);
  }

  private paragraph(paragraph: Tokens.Paragraph, under: Draft | undefined): void {
    const inline = paragraph.tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br');
    const text = oneLine(plainText(paragraph.tokens, []));
    if (this.region !== 'topics') return this.body();
    const estimate = under && estimateLine(plainText(paragraph.tokens, []).split('\n')[0]!);
    if (under && estimate !== undefined) {
      // Still prose to the rules (a heading with it and nothing else stays a topic, as it was).
      under.estimate = estimate;
      this.decide(paragraph, 'description', text, 'a line "Estimated time: …" right under a heading is its estimate');
      return this.body(paragraph);
    }
    // A label: "Resources:", "**Prerequisites**", "Further reading".
    if (text.length < 60 && (isProseLabel(text) || isResourceLabel(text))) {
      const prose = isProseLabel(text);
      this.setMode(prose ? 'prose' : 'resources', `label "${cleanTitle(text)}"`, this.bold ?? this.lastItem);
      return this.decide(paragraph, 'label', text, this.modeRule);
    }
    const first = inline[0];
    const onlyBold =
      first?.type === 'strong' && inline.slice(1).every((t) => t.type === 'text' && /^[\s:：]*$/u.test(t.raw));
    if (onlyBold && !isLinkOnly(first)) {
      if (/[:：]\s*$/u.test(text)) {
        this.pendingLabel = cleanTitle(text);
        this.mode = 'normal';
        return this.decide(paragraph, 'label', text, 'a bold line ending in ":" labels the list below it');
      }
      // Rule 2: a paragraph that is only bold text acts as a heading.
      const bold = draft({
        title: cleanTitle(text).replace(NUMBER_PREFIX, '') || cleanTitle(text),
        line: this.at(paragraph),
        isHeading: false,
        source: 'bold',
        rule: 'a paragraph of only bold text acts as a heading',
      });
      this.mode = 'normal';
      this.addItems([bold]);
      this.bold = bold;
      this.justUnder = bold;
      return;
    }
    if (first && isLinkLike(first) && isLinksOnly(paragraph)) {
      const links: Link[] = [];
      plainText(paragraph.tokens, links);
      if (this.mode === 'resources' || this.bold) {
        const owner = this.mode === 'resources' ? this.resourceTarget : this.bold;
        (owner ?? this.container).links.push(...links);
        return this.decide(
          paragraph,
          'resource',
          text,
          this.bold ? `a link under the bold heading "${this.bold.title}"` : `resources: after the ${this.modeRule}`,
        );
      }
      const titled = splitTitle(paragraph.tokens, true);
      if (titled.title !== '') {
        const item = draft({
          title: titled.title,
          keyTitle: cleanTitle(plainText(paragraph.tokens, [])),
          ...(titled.description ? { description: titled.description } : {}),
          line: this.at(paragraph),
          links,
          isHeading: false,
          source: 'paragraph',
          rule: 'a paragraph of only links is an item',
        });
        this.addItems([item]);
        return;
      }
    }
    this.body(paragraph);
  }
}
