/**
 * Rule 1: the rows of a table are topics when its header names what a row is
 * (Course, Lesson, Day, Week, Module, Topic, Chapter, Lecture, Unit, Resource,
 * …), when it has a column for the learner's marks (Status, Done), or when its
 * first column numbers the rows. The title is the linked cell or that named
 * column; the other cells are details; a ✅ / ✔ / [x] / "Done" cell starts the
 * row as done.
 */
import type { Tokens } from 'marked';
import type { Detail, Link } from '../model.js';
import { draft, type Draft } from './draft.js';
import { rowEstimate } from './estimate.js';
import { cleanTitle, oneLine, plainText } from './inline.js';
import { isDoneCell, isGenericLinkText, isItemColumn, isStatusColumn } from './words.js';

export interface TableResult {
  readonly rows: Draft[];
  /** Why the rows are topics, or why they are not. */
  readonly rule: string;
}

interface Cell {
  readonly text: string;
  readonly links: Link[];
  readonly images: number;
}

function cellOf(cell: Tokens.TableCell): Cell {
  const links: Link[] = [];
  const text = oneLine(plainText(cell.tokens, links));
  const images = cell.tokens.filter(
    (t) => t.type === 'image' || (t.type === 'link' && t.tokens?.some((i) => i.type === 'image')),
  ).length;
  return { text, links, images };
}

/** "12", "W3", "CS 101", "1.2": a row number or ID. */
const ID_CELL = /^(?:[A-Za-z]{0,4}\s?-?\d+(?:\.\d+)*[a-z]?|[IVXLC]+)\.?$/;

/** A header that says its column numbers the rows: "#", "No.", "Nr", "N°", "Nº". */
const NUMBER_HEADER = /^(?:#|№|no\.?|nr\.?|n[°º]\.?|num\.?|number)$/iu;
/** A plain row number, or the dash or blank of a row left unnumbered (a holiday). */
const NUMBER_CELL = /^(?:\d+\.?|[-–—]*)$/u;

/**
 * The column that only numbers the rows, shown by the topic's own number
 * already: one headed "#" / "No." / "Nr" / "N°", or a first column of plain
 * numbers whose header names nothing ("Week" and "Day" numbers stay details).
 */
function numberColumn(header: readonly string[], rows: readonly (readonly Cell[])[]): number {
  const headed = header.findIndex((h) => NUMBER_HEADER.test(h.trim()));
  if (headed >= 0) return headed;
  const cells = rows.map((r) => r[0]?.text ?? '');
  const onlyNumbers = cells.every((c) => NUMBER_CELL.test(c)) && cells.some((c) => /\d/.test(c));
  return header.length > 1 && onlyNumbers && !isItemColumn(header[0] ?? '') ? 0 : -1;
}

export function tableRows(table: Tokens.Table, line: number, mode: 'auto' | 'topics' | 'prose'): TableResult {
  if (mode === 'prose') return { rows: [], rule: 'hint: <!-- roadmap: not-topics -->' };
  const header = table.header.map((h) => oneLine(plainText(h.tokens, [])));
  const rows = table.rows.map((r) => r.map(cellOf));
  if (rows.length === 0) return { rows: [], rule: 'a table with no rows' };
  const named = header.findIndex(isItemColumn);
  const status = header.findIndex(isStatusColumn);
  const numbered = rows.every((r) => ID_CELL.test(r[0]?.text ?? '')) && header.length > 1;
  const numberCol = numbered ? 0 : numberColumn(header, rows);
  let rule: string;
  if (mode === 'topics') rule = 'hint: <!-- roadmap: topics -->';
  else if (named >= 0) rule = `table row: the header names "${header[named]}"`;
  else if (status >= 0) rule = `table row: the table has a "${header[status]}" column`;
  else if (numbered) rule = 'table row: the first column numbers the rows';
  else
    return {
      rows: [],
      rule: 'table: its header names no course, lesson, day, … column (a comparison or reference table)',
    };
  if (mode === 'auto' && isContentsOrBadges(rows)) {
    return { rows: [], rule: 'table of contents or badges: only in-page links or images' };
  }
  const drafts: Draft[] = [];
  // Rows are lines 3.. of the table (header, delimiter, rows); marked keeps no positions.
  const base = line;
  rows.forEach((cells, r) => {
    const titleColumn = pickTitleColumn(cells, header, numberCol);
    if (titleColumn < 0) return;
    const titleCell = cells[titleColumn]!;
    const title = cleanTitle(titleCell.text);
    if (title === '') return;
    const details: Detail[] = [];
    const links: Link[] = [...titleCell.links];
    let done = false as boolean;
    cells.forEach((cell, c) => {
      if (c === titleColumn) return;
      if (c === status || isStatusColumn(header[c] ?? '')) {
        if (isDoneCell(cell.text)) done = true;
        return;
      }
      if (isDoneCell(cell.text) && /^(?:✅|✔|☑|\[[xX]\])/u.test(cell.text.trim())) {
        done = true;
        return;
      }
      // A cell that is only a generic link ("Link", "Solution") is a resource, not a detail.
      if (cell.links.length > 0 && isGenericLinkText(cell.text)) {
        links.push(...cell.links.map((l) => ({ text: header[c] || l.text, href: l.href })));
        return;
      }
      links.push(...cell.links);
      if (cell.text !== '' && c !== numberCol)
        details.push({ label: header[c] || `Column ${c + 1}`, value: cell.text });
    });
    const rowLine = base + r + 2;
    const estimate = rowEstimate(details);
    drafts.push(
      draft({
        title,
        line: rowLine,
        links,
        isHeading: false,
        source: 'row',
        rule,
        ...(details.length > 0 ? { details } : {}),
        ...(estimate !== undefined ? { estimate } : {}),
        ...(done ? { done: true } : {}),
      }),
    );
  });
  return { rows: drafts, rule };
}

/**
 * The column that names the row: the named column ("Course"), else the first
 * cell with a link that is not a generic word, else the first non-number cell.
 */
function pickTitleColumn(cells: readonly Cell[], header: readonly string[], numberCol: number): number {
  const named = header.findIndex(
    (h, i) =>
      isItemColumn(h) && cells[i] !== undefined && !ID_CELL.test(cells[i].text) && !isGenericLinkText(cells[i].text),
  );
  if (named >= 0 && cells[named]!.text !== '') return named;
  const linked = cells.findIndex((c) => c.links.length > 0 && c.text !== '' && !isGenericLinkText(c.text));
  if (linked >= 0) return linked;
  return cells.findIndex((c, i) => c.text !== '' && i !== numberCol && !isDoneCell(c.text));
}

function isContentsOrBadges(rows: readonly (readonly Cell[])[]): boolean {
  const cells = rows.flat().filter((c) => c.text !== '' || c.images > 0);
  if (cells.length === 0) return true;
  const anchorsOnly = cells.every((c) => c.links.length > 0 && c.links.every((l) => l.href.startsWith('#')));
  const imagesOnly = cells.every((c) => c.images > 0 && c.text === '');
  return anchorsOnly || imagesOnly;
}
