/**
 * The second pass: which drafts are topics. The file's strongest kind of item
 * decides, so a learner can predict it:
 *
 * 1. checkboxes (`- [ ]`): only checkbox items are topics; plain items below one
 *    are its resources;
 * 2. else topic tables: only table rows are topics;
 * 3. else the leaves: list items, link paragraphs, bold headings, `<details>`
 *    questions, and headings with prose but nothing else beneath them.
 *
 * In 3, the preamble (lists above the first section heading) is not topics; in every mode, a `<!-- roadmap: topics -->` hint's items are.
 */
import type { Item } from '../model.js';
import { slugify } from '../text.js';
import { shorten, type Decision, type Draft } from './draft.js';
import { takeEstimate } from './estimate.js';
import { linksBelow } from './lists.js';

export type Mode = 'checkboxes' | 'table rows' | 'leaves';

export function modeOf(root: Draft): Mode {
  if (some(root, (d) => d.checked !== undefined)) return 'checkboxes';
  if (some(root, (d) => d.source === 'row' && !d.forced)) return 'table rows';
  return 'leaves';
}

function some(d: Draft, test: (d: Draft) => boolean): boolean {
  return d.children.some((c) => test(c) || some(c, test));
}

export function select(root: Draft, mode: Mode, titleLine: number, decisions: Decision[] | undefined): Draft[] {
  const drop = (d: Draft, rule: string): [] => {
    if (d.projects === 'listed') {
      decisions?.push({ line: d.line, role: 'label', text: shorten(d.title), rule: `"${d.title}" holds the projects` });
    } else if (!d.transparent) decisions?.push({ line: d.line, role: 'skipped', text: shorten(d.title), rule });
    return [];
  };
  const kept =
    mode === 'checkboxes'
      ? keepCheckboxItems(root.children, drop)
      : mode === 'table rows'
        ? keepRows(root.children, drop)
        : keepLeaves(root.children, contentStart(root, titleLine), drop);
  return unwrap(kept);
}

/** Transparent stand-ins give way to their items, which keep the stand-in's slug in their keys. */
function unwrap(drafts: readonly Draft[]): Draft[] {
  return drafts.flatMap((d) => {
    const children = unwrap(d.children);
    if (!d.transparent) return [{ ...d, children }];
    const slug = slugify(d.title) || 'label';
    return children.map((c) => ({ ...c, keyPrefix: [slug, ...(c.keyPrefix ?? [])] }));
  });
}

type Drop = (d: Draft, rule: string) => [];

const EMPTY_HEADING = 'a heading with no topics beneath it';

/**
 * Task lists: checkbox items are the topics. A plain item below a checkbox item
 * is one of its resources (its links are kept); a plain item or heading with no
 * checkbox below it is prose and is dropped.
 */
function keepCheckboxItems(drafts: readonly Draft[], drop: Drop): Draft[] {
  return drafts.flatMap((d) => {
    const children = keepCheckboxItems(d.children, drop);
    if (d.checked !== undefined || d.forced) {
      const resources = d.children.filter((c) => c.checked === undefined && !hasCheckbox(c));
      return [{ ...d, links: [...d.links, ...resources.flatMap(linksBelow)], children }];
    }
    if (children.length > 0) return [{ ...d, children }];
    return drop(d, d.isHeading ? EMPTY_HEADING : 'the file uses checkboxes: an item without one is not a topic');
  });
}

function hasCheckbox(d: Draft): boolean {
  return d.children.some((c) => c.checked !== undefined || hasCheckbox(c));
}

/** Topic tables: the rows are the topics; list items and prose headings are not. */
function keepRows(drafts: readonly Draft[], drop: Drop): Draft[] {
  return drafts.flatMap((d) => {
    if (d.source === 'row' || d.forced) return [{ ...d, children: [] }];
    const children = keepRows(d.children, drop);
    if (d.isHeading) return children.length > 0 ? [{ ...d, children }] : drop(d, EMPTY_HEADING);
    if (children.length > 0) return [{ ...d, children }];
    return drop(d, 'the file lists its topics in tables: other items are not topics');
  });
}

/**
 * The first line of content: the first section heading after the title (admin
 * sections are skipped before this). A list above it is preamble; with no
 * section heading at all, the lists are the roadmap.
 */
function contentStart(root: Draft, titleLine: number): number {
  let first = 0;
  const visit = (d: Draft): void => {
    for (const c of d.children) {
      if (first !== 0) return;
      if (c.isHeading && !c.transparent && c.line > titleLine) first = c.line;
      else visit(c);
    }
  };
  visit(root);
  return first;
}

/** Plain lists: the leaves are the topics; a heading with prose and nothing else is one too. */
function keepLeaves(drafts: readonly Draft[], start: number, drop: Drop): Draft[] {
  return drafts.flatMap((d) => {
    const children = keepLeaves(d.children, start, drop);
    if (d.forced) return [{ ...d, children }];
    if (d.line < start && !d.isHeading && children.length === 0) {
      return drop(d, 'preamble: a list above the first section heading');
    }
    if (!d.isHeading) return [{ ...d, children }];
    if (children.length > 0) return [{ ...d, children }];
    if (d.hasBody && !d.transparent && d.line >= start && d.children.length === 0 && d.projects !== 'listed') {
      return [{ ...d, children, rule: 'a heading with prose and no items of its own is a topic' }];
    }
    return drop(d, EMPTY_HEADING);
  });
}

/** A heading that stands alone under its parent becomes a label on the first item below it. */
export function collapseLabels(drafts: readonly Draft[]): Draft[] {
  return drafts.map((d) => {
    let children = collapseLabels(d.children);
    const only = children.length === 1 ? children[0]! : undefined;
    if (only?.isHeading && only.children.length > 0) {
      const keyPrefix = [slugify(only.title) || 'label', ...(only.keyPrefix ?? [])];
      children = only.children.map((child, i) => ({
        ...child,
        ...(i === 0 ? { label: only.title } : {}),
        keyPrefix: [...keyPrefix, ...(child.keyPrefix ?? [])],
      }));
    }
    return { ...d, children };
  });
}

export function finalize(
  drafts: readonly Draft[],
  parentId: string,
  parentKey: string,
  depth: number,
  mode: Mode,
  decisions: Decision[] | undefined,
): Item[] {
  const used = new Map<string, number>();
  return drafts.map((d, index) => {
    const id = parentId ? `${parentId}.${index + 1}` : `${index + 1}`;
    const { title, description, estimate, keyTitle } = estimated(d);
    const slug = slugify(title) || `item-${index + 1}`;
    // Keys come from the title as the first parser read it, so a learner's ticks survive the later rules.
    const keySlug = keyTitle !== undefined ? slugify(keyTitle) || slug : slug;
    // A key is also a REF, so it must never read as an ID (a title "1." would give the key "1").
    const base = /^p?\d+$/.test(keySlug) ? `n-${keySlug}` : keySlug;
    // Two siblings with one title still need distinct keys: the second is `slug~2`.
    const scoped = [...(d.keyPrefix ?? []), base].join('/');
    const seen = (used.get(scoped) ?? 0) + 1;
    used.set(scoped, seen);
    const ownKey = seen === 1 ? base : `${base}~${seen}`;
    const key = [parentKey, ...(d.keyPrefix ?? []), ownKey].filter((k) => k !== '').join('/');
    const children = finalize(d.children, id, d.keyless ? parentKey : key, depth + 1, mode, decisions);
    const isTopic =
      mode === 'checkboxes'
        ? d.checked !== undefined || (d.forced === true && children.length === 0)
        : children.length === 0;
    const kind = isTopic ? 'topic' : depth === 1 ? 'part' : 'section';
    decisions?.push({
      line: d.line,
      role: kind,
      text: shorten(d.title),
      rule: isTopic ? d.rule : d.isHeading ? 'a heading with topics beneath it' : `${d.rule}, with topics beneath it`,
    });
    return {
      id,
      kind,
      title,
      slug,
      key,
      ...(d.label ? { label: d.label } : {}),
      ...(description ? { description } : {}),
      ...(estimate !== undefined ? { estimate } : {}),
      ...(d.details && d.details.length > 0 ? { details: d.details } : {}),
      ...(d.checked || d.done ? { checked: true as const } : {}),
      line: d.line,
      links: d.links,
      children,
    } satisfies Item;
  });
}

/**
 * The estimate written at the end of the title (or, failing that, of the
 * description) leaves the words shown, but not the key: the key is still made
 * from the title as written, so progress saved before estimates stays put.
 */
function estimated(d: Draft): { title: string; description?: string; estimate?: number; keyTitle?: string } {
  const fromTitle = takeEstimate(d.title);
  if (fromTitle.minutes !== undefined) {
    return {
      title: fromTitle.text,
      ...(d.description ? { description: d.description } : {}),
      estimate: fromTitle.minutes,
      keyTitle: d.keyTitle ?? d.title,
    };
  }
  const fromDescription = d.description ? takeEstimate(d.description, true) : undefined;
  const description = fromDescription?.text ?? d.description;
  const estimate = fromDescription?.minutes ?? d.estimate;
  return {
    title: d.title,
    ...(description ? { description } : {}),
    ...(estimate !== undefined ? { estimate } : {}),
    ...(d.keyTitle !== undefined ? { keyTitle: d.keyTitle } : {}),
  };
}
