// PDF → Layout. Text items and ruling lines come from pdf.js (layout/pdf-engine);
// lines are rebuilt and numbered exactly as the line pipeline (layout/pdf-text.ts)
// numbers them, so a block's source line means the same in both.
//
// Tables: where the page has ruling lines, their grid gives the cells (lattice);
// elsewhere runs of lines whose items stand in aligned columns form a table
// (stream). The rest of the text becomes headings (larger type, Roman or
// numbered section marks), list items (by marker, depth from indentation),
// notes (※ * 주)) and paragraphs, lines wrapped inside a block joined again.

import type { Source } from '../model/types.js';
import { normalizeLine } from '../extract/text.js';
import { splitUnit, unitOfNote } from '../extract/units.js';
import { joinItems, pdfLines, readPdfPages, type PdfText, type PdfItem, type PdfLine, type PdfPage } from './pdf-text.js';
import { type Block, type Layout, type TableBlock, type TableRow } from './types.js';
import { buildGrid, ruleGroups, type Grid } from './pdf-grid.js';
import { inReadingOrder, insideBox, noteContentOrder, isFigure, sourceOfLine, tableRows, type PlacedItem } from './pdf-table.js';
import { mergeContinuedTables } from './continuation.js';

export async function readPdfLayout(file: string, bytes: Uint8Array): Promise<Layout | { error: string }> {
  const read = await readPdfWithLayout(file, bytes);
  return 'error' in read ? read : read.layout;
}

/**
 * The layout and the line pipeline's text (what `readPdf` returns) from one
 * load, for callers that still need the lines: the PDF is read once.
 */
export async function readPdfWithLayout(file: string, bytes: Uint8Array): Promise<{ layout: Layout; text: PdfText } | { error: string }> {
  const doc = await readPdfPages(bytes, { rules: true });
  if ('error' in doc) return doc;
  const text = pdfLines(doc);
  if ('error' in text) return text;
  try {
    const layout = layoutOfPages(file, doc.pages, text.lines);
    return 'error' in layout ? layout : { layout, text };
  } catch (error) {
    return { error: `unreadable PDF layout (${(error as Error).message ?? String(error)})` };
  }
}

/**
 * The layout of loaded pages (pure: no I/O). `lines` are the pages' rebuilt
 * lines as `pdfLines` gives them, when the caller has them already.
 */
export function layoutOfPages(file: string, pages: PdfPage[], lines?: PdfLine[]): Layout | { error: string } {
  for (const page of pages) noteContentOrder(page.items);
  if (!lines) {
    const text = pdfLines({ pages });
    if ('error' in text) return text;
    lines = text.lines;
  }
  const number = new Map<PdfLine, number>();
  lines.forEach((l, i) => number.set(l, i + 1));
  const lineNumber = (l: PdfLine) => number.get(l) ?? 0;
  const body = bodySize(lines);
  const entries: Entry[] = [];
  for (const page of pages) {
    const pageLines = lines.filter((l) => l.page === page.n);
    for (const entry of pageEntries(file, page, pageLines, lineNumber)) entries.push(entry);
  }
  const rightEdge = new Map<number, number>();
  for (const l of lines) for (const i of l.items) rightEdge.set(l.page, Math.max(rightEdge.get(l.page) ?? 0, i.x + i.width));
  const blocks = flowBlocks(file, entries, body, lineNumber, rightEdge);
  return { file, format: 'pdf', blocks: mergeContinuedTables(blocks), pages: pages.length };
}

/** A piece of a page in reading order: a text line (perhaps the part of one outside a table) or a table. */
type Entry = { kind: 'line'; line: PdfLine; items: PdfItem[]; text: string; y: number; page: number; framed?: boolean } | { kind: 'table'; table: TableBlock; y: number; y1: number; page: number; cols: number[] };

function leftOf(items: PdfItem[]): number {
  let x = Infinity;
  for (const i of items) if (i.x < x) x = i.x;
  return x;
}

function rightOf(items: PdfItem[]): number {
  let x = -Infinity;
  for (const i of items) if (i.x + i.width > x) x = i.x + i.width;
  return x;
}

function tallest(items: PdfItem[]): number {
  let h = 0;
  for (const i of items) if (i.height > h) h = i.height;
  return h;
}

/** The body font size: the item height that carries the most characters. */
function bodySize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    for (const item of line.items) {
      const h = Math.round(item.height * 2) / 2;
      weight.set(h, (weight.get(h) ?? 0) + item.str.length);
    }
  }
  let best = 10;
  let most = -1;
  for (const [h, w] of weight) if (w > most) [best, most] = [h, w];
  return best;
}

/** Ruled tables of a page, innermost first: a grid holding another grid is a frame around content, not a table. */
function pageGrids(page: PdfPage): { grids: Grid[]; frames: Grid[] } {
  const grids = ruleGroups(page.rules ?? [])
    .map(buildGrid)
    .filter((g): g is Grid => g !== undefined);
  const area = (g: Grid) => (g.x1 - g.x0) * (g.y1 - g.y0);
  // `a` frames `b` when most of the smaller `b` lies inside `a` (a frame split over pages may hold only part of it).
  const frames = (a: Grid, b: Grid) => {
    if (a === b || area(a) <= area(b)) return false;
    const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
    return w > 0 && h > 0 && w * h > area(b) * 0.5;
  };
  const isFrame = (g: Grid) => grids.some((inner) => frames(g, inner));
  return { grids: grids.filter((g) => !isFrame(g)), frames: grids.filter(isFrame) };
}

function pageEntries(file: string, page: PdfPage, lines: PdfLine[], lineNumber: (l: PdfLine) => number): Entry[] {
  const taken = new Set<PdfItem>();
  const entries: Entry[] = [];
  const { grids, frames } = pageGrids(page);
  for (const grid of grids) {
    const placed: PlacedItem[] = [];
    for (const line of lines) for (const item of line.items) if (!taken.has(item) && insideBox(item, grid)) placed.push({ item, line });
    if (placed.length === 0) continue;
    const { rows, headerRows, filled } = tableRows(file, grid, placed, lineNumber, page.shades);
    const width = Math.max(0, ...rows.map((r) => r.cells.reduce((s, c) => s + c.colSpan, 0)));
    // A box (one cell, one row, or a title bar) is not a table: its text stays in the flow.
    if (rows.length < 2 || width < 2 || filled < 3) continue;
    for (const p of placed) taken.add(p.item);
    entries.push({
      kind: 'table',
      table: { type: 'table', source: rows[0]!.source, headerRows, rows },
      y: grid.y0,
      y1: grid.y1,
      page: page.n,
      cols: grid.xs,
    });
  }
  for (const line of lines) {
    const items = line.items.filter((i) => !taken.has(i));
    if (items.length === 0) continue;
    const text = joinItems(inReadingOrder(items));
    // Text inside a ruled frame is laid out by the frame's rules: no stream table is sought there.
    const framed = frames.some((f) => items.some((i) => insideBox(i, f)));
    if (text !== '') entries.push({ kind: 'line', line, items, text, y: line.y, page: page.n, framed });
  }
  entries.sort((a, b) => a.y - b.y);
  return streamTables(file, entries, lineNumber);
}

// ---------------------------------------------------------------------------
// Stream tables: no rules, cells told apart by wide gaps (tabs in the rebuilt line).

/**
 * Tables without rules. A header is a line of at least three cells (wide gaps
 * between them) and no figure; its cells give the columns, split halfway
 * between neighbours, so a figure set off by a single space still finds its
 * column. Lines below belong to the table while every word of them stands in
 * one column. Lines with figures make the rows; a line without figures (a
 * label wrapped above or below its figures, as in vertically centred cells)
 * joins the nearest row.
 */
function streamTables(file: string, entries: Entry[], lineNumber: (l: PdfLine) => number): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const header = e.kind === 'line' ? splitCells(e.items) : [];
    // A header: short labels, none a figure, not a bullet or note line (justified prose has wide gaps too).
    const isHeader = header.length >= 3 && header.every((c) => !isFigure(c.text) && c.text.length <= 16) && !LIST_MARKER.test(e.kind === 'line' ? e.text : '') && !NOTE_MARKER.test(e.kind === 'line' ? e.text : '');
    if (e.kind !== 'line' || e.framed || !isHeader) {
      out.push(e);
      continue;
    }
    const bounds = header.slice(1).map((c, k) => (header[k]!.end + c.x) / 2);
    // A word's column is where its middle stands; a word over a column split (prose, not cells) is flagged.
    const columnOf = (x0: number, x1: number) => bounds.filter((b) => b <= (x0 + x1) / 2).length;
    const crosses = (x0: number, x1: number) => bounds.some((b) => b > x0 + 2 && b < x1 - 2);
    const body: { entry: Extract<Entry, { kind: 'line' }>; words: { col: number; text: string }[] }[] = [];
    let last = e;
    let j = i + 1;
    for (; j < entries.length; j++) {
      const next = entries[j]!;
      if (next.kind !== 'line' || next.y - last.y > tallest(next.items) * 3) break;
      const split = wordsOf(next.items);
      const words = split.map((w) => ({ col: columnOf(w.x, w.x + w.width), text: w.str }));
      // A word over a column split ends the table (prose), unless it is a figure: a figure's place is only estimated from its run's width.
      if (split.some((w) => !isFigure(w.str) && crosses(w.x, w.x + w.width)) || LIST_MARKER.test(next.text) || NOTE_MARKER.test(next.text)) break;
      body.push({ entry: next, words });
      last = next;
    }
    // Rows: lines with figures in at least two columns.
    const anchors = body.filter((b) => new Set(b.words.filter((w) => isFigure(w.text)).map((w) => w.col)).size >= 2);
    if (anchors.length === 0) {
      out.push(e);
      continue;
    }
    const cols = header.length;
    const rows = new Map<(typeof body)[number], string[][]>(anchors.map((a) => [a, Array.from({ length: cols }, () => [] as string[])]));
    // Header cells set on two or more lines: lines without figures right under the header, nearer it than the first row.
    const headerCells = header.map((c) => [c.text]);
    let headerEnd = e.y;
    for (const b of body) {
      if (anchors.includes(b) || b.entry.y - headerEnd > b.entry.items[0]!.height * 1.8 || b.entry.y - headerEnd >= anchors[0]!.entry.y - b.entry.y) break;
      for (const w of b.words) headerCells[w.col]!.push(w.text);
      headerEnd = b.entry.y;
      b.words = [];
    }
    for (const b of body) {
      if (b.words.length === 0) continue;
      const anchor = anchors.reduce((best, a) => (Math.abs(a.entry.y - b.entry.y) < Math.abs(best.entry.y - b.entry.y) ? a : best));
      const cells = rows.get(anchor)!;
      const lineCells: string[][] = Array.from({ length: cols }, () => []);
      for (const w of b.words) lineCells[w.col]!.push(w.text);
      lineCells.forEach((words, k) => words.length > 0 && cells[k]!.push(words.join(' ')));
    }
    const headerRow: TableRow = { source: sourceOfLine(file, e.line, lineNumber(e.line)), cells: headerCells.map((lines) => ({ text: lines.join('\n'), rowSpan: 1, colSpan: 1 })) };
    const tableRows: TableRow[] = [headerRow];
    for (const a of anchors) {
      tableRows.push({ source: sourceOfLine(file, a.entry.line, lineNumber(a.entry.line)), cells: rows.get(a)!.map((lines) => ({ text: lines.join('\n'), rowSpan: 1, colSpan: 1 })) });
    }
    out.push({ kind: 'table', table: { type: 'table', source: headerRow.source, headerRows: 1, rows: tableRows }, y: e.y, y1: last.y, page: e.page, cols: [] });
    i = j - 1;
  }
  return out;
}

/** Items cut into words at spaces, each word's position estimated from its share of the item. */
function wordsOf(items: PdfItem[]): PdfItem[] {
  const out: PdfItem[] = [];
  for (const item of items) {
    const chars = [...normalizeLine(item.str)];
    const per = chars.length > 0 ? item.width / chars.length : 0;
    let start = -1;
    for (let k = 0; k <= chars.length; k++) {
      const space = k === chars.length || /\s/.test(chars[k]!);
      if (!space && start < 0) start = k;
      if (space && start >= 0) {
        out.push({ ...item, str: chars.slice(start, k).join(''), x: item.x + start * per, width: (k - start) * per });
        start = -1;
      }
    }
  }
  return out;
}

/** A line's items split at wide gaps (the tabs of the rebuilt line), each cell with its left edge. */
function splitCells(items: PdfItem[]): { x: number; end: number; text: string }[] {
  const cells: { x: number; items: PdfItem[] }[] = [];
  let prevEnd: number | undefined;
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    const gap = prevEnd === undefined ? Infinity : item.x - prevEnd;
    if (gap > Math.max(1, item.height) * 1.6) cells.push({ x: item.x, items: [item] });
    else cells[cells.length - 1]!.items.push(item);
    prevEnd = item.x + item.width;
  }
  return cells.map((c) => ({ x: c.x, end: rightOf(c.items), text: joinItems(c.items) })).filter((c) => c.text !== '');
}

// ---------------------------------------------------------------------------
// Text blocks.

// A private-use character first on a line is a bullet from a symbol font (□ in 함초롬 exports).
// Korean list letters are the fourteen ordinals 가 나 다 … 하, not any syllable: `원)로 구조화하고`
// is the rest of a wrapped `인프라(1,281억` line, not an item.
const LIST_MARKER = /^([\uE000-\uF8FF]|□|■|❍|❏|❑|▣|◈|✓|✔|○|◦|●|◎|◇|◆|▪|▫|▸|▹|▶|▷|►|➔|➢|→|·|•|∙|ㆍ|ㅇ(?=\s)|-(?=\s)|–(?=\s)|[①-⑳]|[❶-❿]|[㉠-㉭]|[㉮-㉻]|[가나다라마바사아자차카타파하]\.(?=\s)|[가나다라마바사아자차카타파하]\)|\(\s*[가나다라마바사아자차카타파하]\s*\)|\d{1,2}\)|\(\s*\d{1,2}\s*\))\s*/;
/** The list marker a PDF line starts with, if any (`가)`, `○`, `1)`); exported for its tests. */
export function pdfListMarker(text: string): string | undefined {
  return LIST_MARKER.exec(text)?.[1];
}
const NOTE_MARKER = /^(※|\*{1,3}(?!\d)|주\s*\)|주\s*:)\s*/;
const ROMAN_HEADING = /^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|[IVX]{1,4})\s*[.．]\s*\S/;
const NUMBER_HEADING = /^\d{1,2}\s*\.\s*\S/;
const SENTENCE_END = /(?:다|요|음|함|임|됨)\s*[.。]?$/;
const CAPTION = /^(?:<[^>]+>|〈[^〉]+〉|《[^》]+》|【[^】]+】|\[[^\]]+\]|「[^」]+」)$/;
/**
 * The unit declared in a line: `(단위: 백만원)` → `백만원`, `(기준 : ’25 / 단위 : 억원)` → `억원`,
 * and a bracketed note ending in a unit word, `(현원, 명)` → `명`.
 */
function unitOf(text: string): string | undefined {
  return splitUnit(text).unit ?? unitOfNote(text);
}

const SYMBOL_FONT = /wingdings|webdings|symbol|dingbat/i;
// Weight in the font's name: `…Bold`, `…Black`, or the HY/Haan naming's closing `B` (`HYwulB`).
const BOLD_FONT = /bold|black|heavy/i;
const BOLD_SUFFIX = /[a-z]B$/;

/** Most of the line's characters set in a bold face (known when the page's fonts were read). */
function isBold(items: PdfItem[]): boolean {
  let bold = 0;
  let all = 0;
  for (const i of items) {
    const n = i.str.replace(/\s/g, '').length;
    all += n;
    if (i.font && (BOLD_FONT.test(i.font) || BOLD_SUFFIX.test(i.font))) bold += n;
  }
  return all > 0 && bold >= all * 0.8;
}

/**
 * A bullet set in a symbol font (Wingdings ◆ comes out of pdf.js as `w`): the
 * first item of the line, one character, in a symbol font. Its text stays as extracted.
 */
function symbolMarker(items: PdfItem[], text: string): RegExpExecArray | null {
  const first = [...items].sort((a, b) => a.x - b.x)[0];
  const mark = first?.str.trim();
  if (!first?.font || !SYMBOL_FONT.test(first.font) || !mark || [...mark].length !== 1 || !text.startsWith(mark)) return null;
  return /^(\S)\s*/u.exec(text);
}

function lineSize(items: PdfItem[]): number {
  let best = 0;
  let most = -1;
  const weight = new Map<number, number>();
  for (const i of items) weight.set(i.height, (weight.get(i.height) ?? 0) + i.str.length);
  for (const [h, w] of weight) if (w > most) [best, most] = [h, w];
  return best;
}

interface Open {
  block: Block & { text: string };
  x: number;
  size: number;
  y: number;
  page: number;
  /** Right end of the block's last line. */
  end: number;
}

function flowBlocks(file: string, entries: Entry[], body: number, lineNumber: (l: PdfLine) => number, rightEdge: Map<number, number>): Block[] {
  // Heading levels by type size: the distinct sizes above the body, largest first. A size
  // used on one page only (a cover, a chart title) takes no level from the others.
  const pagesOfSize = new Map<number, Set<number>>();
  for (const e of entries) {
    if (e.kind !== 'line') continue;
    const size = Math.round(lineSize(e.items) * 2) / 2;
    if (size < body * 1.15) continue;
    const pages = pagesOfSize.get(size) ?? new Set<number>();
    pages.add(e.page);
    pagesOfSize.set(size, pages);
  }
  const headingSizes = [...pagesOfSize.keys()].sort((a, b) => b - a);
  const recurring = headingSizes.filter((size) => pagesOfSize.get(size)!.size >= 2);
  const levelOf = (size: number) => 1 + recurring.filter((r) => r > size).length;
  // A line that stops well short of the page's right edge ends its block (justified text runs to the edge).
  const blocks: Block[] = [];
  const listStack: number[] = [];
  let open: Open | undefined;
  for (const e of entries) {
    if (e.kind === 'table') {
      const table = e.table;
      // Caption and unit: the lines just above the table.
      // A line that only declares the unit, or only a bracketed title, belongs to the table.
      for (let k = blocks.length - 1; k >= Math.max(0, blocks.length - 3); k--) {
        const b = blocks[k]!;
        if (b.type === 'table' || b.source.page !== e.page) break;
        const text = 'text' in b ? b.text : '';
        const declared = splitUnit(text);
        const unit = declared.unit ?? unitOfNote(text);
        if (unit && table.unit === undefined) {
          table.unit = unit;
          table.unitSource = b.source;
          const rest = declared.unit !== undefined ? declared.rest : '';
          if (rest !== '' && table.caption === undefined && rest.length <= 60) table.caption = rest;
          if (rest === '' || CAPTION.test(rest)) blocks.splice(k, 1);
          continue;
        }
        if (table.caption === undefined && text.length <= 60) {
          table.caption = text;
          if (CAPTION.test(text) && b.type === 'paragraph') blocks.splice(k, 1);
        }
        break;
      }
      // A unit printed inside the table's first row (a one-cell title row) counts too.
      if (table.unit === undefined) {
        const inner = table.rows[0]?.cells.map((c) => unitOf(c.text)).find(Boolean);
        if (inner) table.unit = inner;
      }
      blocks.push(table);
      open = undefined;
      listStack.length = 0;
      continue;
    }
    const text = e.text.replace(/\t/g, ' ');
    const items = e.items;
    const x = leftOf(items);
    const size = lineSize(items);
    const source: Source = sourceOfLine(file, e.line, lineNumber(e.line));
    const list = LIST_MARKER.exec(text) ?? symbolMarker(items, text);
    const note = NOTE_MARKER.exec(text);
    const rounded = Math.round(size * 2) / 2;
    const sizeLevel = headingSizes.indexOf(rounded);
    const shortTitle = text.length <= 40 && !SENTENCE_END.test(text);
    // Continuation of the open block: no marker, same type size, just below, not left of the block.
    if (
      open &&
      !list &&
      !note &&
      sizeLevel < 0 &&
      !ROMAN_HEADING.test(text) &&
      open.page === e.page &&
      open.end >= (rightEdge.get(e.page) ?? 0) - open.size * 4 &&
      Math.abs(open.size - size) < 0.6 &&
      e.y - open.y <= size * 2 &&
      x >= open.x - 2 &&
      !CAPTION.test(text) &&
      !unitOf(text)
    ) {
      open.block.text = joinText(open.block.text, text);
      open.y = e.y;
      open.end = rightOf(items);
      continue;
    }
    let block: Block;
    if (list) {
      const marker = list[1]!;
      while (listStack.length > 0 && listStack[listStack.length - 1]! > x + 3) listStack.pop();
      if (listStack.length === 0 || listStack[listStack.length - 1]! < x - 3) listStack.push(x);
      block = { type: 'list-item', marker, depth: listStack.length - 1, text: text.slice(list[0].length).trim(), source };
    } else if (note) {
      block = { type: 'note', marker: note[1]!.replace(/\s+/g, ''), text: text.slice(note[0].length).trim(), source };
    } else if (sizeLevel >= 0 && text.length <= 80) {
      block = { type: 'heading', level: levelOf(rounded), text, source };
      listStack.length = 0;
    } else if (ROMAN_HEADING.test(text) && shortTitle) {
      block = { type: 'heading', level: 1, text, source };
      listStack.length = 0;
    } else if ((NUMBER_HEADING.test(text) || isBold(items)) && shortTitle && size >= body * 0.98 && !CAPTION.test(text) && !unitOf(text)) {
      // A numbered or bold short line set in body type: a heading under the size-ranked ones.
      block = { type: 'heading', level: recurring.length + 1, text, source };
      listStack.length = 0;
    } else {
      block = { type: 'paragraph', text, source };
    }
    blocks.push(block);
    open = block.type === 'heading' ? undefined : { block: block as Open['block'], x: block.type === 'paragraph' ? x - size * 2 : x + 1, size, y: e.y, page: e.page, end: rightOf(items) };
  }
  return blocks;
}

function joinText(a: string, b: string): string {
  // Justified Korean text wraps mid-word, so no space is added, except between
  // two Latin words or numbers, which must not run together.
  return /[A-Za-z0-9%)]$/.test(a) && /^[A-Za-z0-9(]/.test(b) ? `${a} ${b}` : a + b;
}

// ---------------------------------------------------------------------------
// A table continued on the next page.

/**
 * A table that continues the table just before it (nothing between them, the
 * same number of columns) is one table with it: either it opens the next page
 * without a caption, or it repeats the same header (a table the author split
 * at page breaks). The repeated header is dropped.
 */
