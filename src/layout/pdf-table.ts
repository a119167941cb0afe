// From a ruled grid and the text items inside it to a table of logical rows.
// - An item that runs over a column rule (an exporter wrote a whole row as one
//   text run) is cut at the rule, by its share of characters.
// - One grid row often stacks several logical rows: every non-empty cell holds
//   the same number of text lines at the same heights, and figures among them.
//   Such a row is split into one row per line; cells spanning it grow.
// - Header rows are the rows above the first one that holds a figure.

import type { Source } from '../model/types.js';
import type { PdfItem, PdfLine } from './pdf-text.js';
import { joinItems } from './pdf-text.js';
import type { TableCell, TableRow } from './types.js';
import type { Grid, GridCell } from './pdf-grid.js';

type Box = { x0: number; x1: number; y0: number; y1: number };

/** A text item placed in the table, with the rebuilt line it belongs to. */
export interface PlacedItem {
  item: PdfItem;
  line: PdfLine;
}

export interface TableRows {
  rows: TableRow[];
  headerRows: number;
  /** Cells that held text, out of all cells. */
  filled: number;
}

/** Where a text item's centre falls. */
export function itemCentre(item: PdfItem): [number, number] {
  return [item.x + item.width / 2, item.y - item.height * 0.35];
}

export function insideBox(item: PdfItem, box: { x0: number; x1: number; y0: number; y1: number }, margin = 0): boolean {
  const [cx, cy] = itemCentre(item);
  return cx >= box.x0 - margin && cx <= box.x1 + margin && cy >= box.y0 - margin && cy <= box.y1 + margin;
}

/** Cuts an item at the column rules it runs over; each piece keeps its share of the width. */
export function cutAtRules(item: PdfItem, xs: number[]): PdfItem[] {
  const end = item.x + item.width;
  const inner = xs.filter((x) => x > item.x + 1 && x < end - 1);
  const chars = [...item.str];
  if (inner.length === 0 || chars.length < 2) return [item];
  const per = item.width / chars.length;
  const pieces: PdfItem[] = [];
  let start = 0;
  for (const x of [...inner, Infinity]) {
    const stop = x === Infinity ? chars.length : Math.max(start, Math.min(chars.length, Math.round((x - item.x) / per)));
    if (stop > start) {
      const str = chars.slice(start, stop).join('');
      if (str.trim() !== '') pieces.push({ ...item, str, x: item.x + start * per, width: (stop - start) * per });
    }
    start = stop;
  }
  return pieces.length > 0 ? pieces : [item];
}

// Where each item stands in its page's content stream: 한글 sets condensed text
// glyph by glyph, and neighbours can overlap (`·` at x 80.1 before `비` at 80.0).
const contentOrder = new WeakMap<PdfItem, number>();

/** Records the content-stream order of a page's items, for inReadingOrder. */
export function noteContentOrder(items: PdfItem[]): void {
  items.forEach((item, i) => contentOrder.set(item, i));
}

/**
 * Items of one line left to right. Items starting within a fifth of a glyph of
 * each other keep the order the page draws them in.
 */
export function inReadingOrder(items: PdfItem[]): PdfItem[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  for (let i = 1; i < sorted.length; i++) {
    for (let k = i; k > 0; k--) {
      const a = sorted[k - 1]!;
      const b = sorted[k]!;
      const oa = contentOrder.get(a);
      const ob = contentOrder.get(b);
      if (oa === undefined || ob === undefined || b.x - a.x > Math.max(a.height, b.height) * 0.2 || oa < ob) break;
      sorted[k - 1] = b;
      sorted[k] = a;
    }
  }
  return sorted;
}

interface CellText {
  cell: GridCell;
  /** Text lines of the cell, top to bottom. */
  lines: { y: number; height: number; text: string; line: PdfLine }[];
}

function cellLines(items: PlacedItem[]): CellText['lines'] {
  const sorted = [...items].sort((a, b) => a.item.y - b.item.y || a.item.x - b.item.x);
  const groups: PlacedItem[][] = [];
  for (const p of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0]!.item.y - p.item.y) <= Math.max(2, p.item.height * 0.35)) last.push(p);
    else groups.push([p]);
  }
  return groups
    .map((g) => {
      // Inside a cell a wide gap is justification, not a column: spaces only.
      const text = joinItems(inReadingOrder(g.map((p) => p.item))).replace(/\t/g, ' ');
      return { y: g[0]!.item.y, height: g[0]!.item.height, text, line: g[0]!.line };
    })
    .filter((l) => l.text !== '');
}

const FIGURE = /^[([]?[△▲▽▼+-]?[\d,]*\d(?:\.\d+)?(?:%|%p|원|천원|만원|백만원|억원|조원|건|개|개소|개사|명|인|회|배|호|대|톤|㎡|km)?[)\]]?$/;

/** A printed figure: an amount, count, rate or a dash for none; years and codes are not figures. */
export function isFigure(text: string): boolean {
  const t = text.replace(/\s/g, '');
  if (/^(?:19|20)\d{2}(?:년|년도)?$/.test(t)) return false;
  return FIGURE.test(t);
}

const ALIGN = 0.6;

/** A bracketed figure under a figure annotates it (`(△31,800)` change, `[341,802]` actual spending). */
const ANNOTATION = /^[([{].*\d.*[)\]}]$/;

type Line = CellText['lines'][number];

/** A cell's lines as entries: a figure and the bracketed lines under it are one entry. */
function entriesOf(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && ANNOTATION.test(l.text.replace(/\s/g, '')) && isFigure(last[0]!.text)) last.push(l);
    else out.push([l]);
  }
  return out;
}

const middle = (entry: Line[]) => (entry[0]!.y + entry[entry.length - 1]!.y) / 2;

/**
 * The logical rows one grid row stacks: the heights (entry middles) of its
 * figure cells, when at least two cells hold figures and all of them hold the
 * same number (k > 1) of entries at the same heights, figures on every one.
 * Undefined when the row does not stack.
 */
function stackedRows(cells: CellText[]): number[] | undefined {
  const figureCells = cells.filter((c) => c.lines.some((l) => isFigure(l.text))).map((c) => entriesOf(c.lines));
  if (figureCells.length < 2) return undefined;
  const k = figureCells[0]!.length;
  if (k < 2 || figureCells.some((c) => c.length !== k)) return undefined;
  const ys: number[] = [];
  for (let i = 0; i < k; i++) {
    const y = middle(figureCells[0]![i]!);
    if (figureCells.some((c) => Math.abs(middle(c[i]!) - y) > Math.max(2, c[i]![0]!.height * ALIGN))) return undefined;
    if (figureCells.filter((c) => isFigure(c[i]![0]!.text)).length < 2) return undefined;
    ys.push(y);
  }
  // Every other cell must fit: no line above the first row.
  for (const c of cells) if (c.lines.length > 0 && c.lines[0]!.y < ys[0]! - Math.max(4, c.lines[0]!.height)) return undefined;
  return ys;
}

/** The logical row (index into ys) a line of a stacked grid row belongs to: the nearest one (labels wrap around their figures). */
function rowOfLine(ys: number[], y: number): number {
  let k = 0;
  for (let i = 1; i < ys.length; i++) if (Math.abs(ys[i]! - y) < Math.abs(ys[k]! - y)) k = i;
  return k;
}

export function sourceOfLine(file: string, line: PdfLine, number: number): Source {
  return { file, line: number, text: line.text.trim(), page: line.page };
}

/**
 * The logical rows of a grid. `lineNumber` gives the running number of a
 * rebuilt line. Rows with no text anywhere (spacer rows) are dropped, and the
 * spans of cells across them shrink.
 */
export function tableRows(file: string, grid: Grid, items: PlacedItem[], lineNumber: (l: PdfLine) => number, shades: Box[] = []): TableRows {
  const isShaded = (c: GridCell) => {
    const [cx, cy] = [(c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2];
    return shades.some((s) => cx >= s.x0 && cx <= s.x1 && cy >= s.y0 && cy <= s.y1);
  };
  const byCell = new Map<GridCell, PlacedItem[]>();
  for (const placed of items) {
    for (const piece of cutAtRules(placed.item, grid.xs)) {
      const [cx, cy] = itemCentre(piece);
      const cell =
        grid.cells.find((c) => cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1) ??
        grid.cells.find((c) => cx >= c.x0 - 2 && cx <= c.x1 + 2 && cy >= c.y0 - 4 && cy <= c.y1 + 4);
      if (!cell) continue;
      const list = byCell.get(cell);
      if (list) list.push({ item: piece, line: placed.line });
      else byCell.set(cell, [{ item: piece, line: placed.line }]);
    }
  }
  const texts: CellText[] = grid.cells.map((cell) => ({ cell, lines: cellLines(byCell.get(cell) ?? []) }));
  const gridRows = grid.ys.length - 1;
  // Logical rows per grid row: 0 for a row no text touches, k for a stacked row.
  const counts: number[] = [];
  const stacks: (number[] | undefined)[] = [];
  for (let r = 0; r < gridRows; r++) {
    // A row no text touches is a spacer: a row whose only text is a merged cell's lines lying outside it too.
    const [top, bottom] = [grid.ys[r]!, grid.ys[r + 1]!];
    const touched = texts.some(
      (t) => t.cell.row <= r && t.cell.row + t.cell.rowSpan > r && t.lines.some((l) => t.cell.row === r || (l.y - l.height * 0.35 >= top && l.y - l.height * 0.35 <= bottom)),
    );
    const ys = touched ? stackedRows(texts.filter((t) => t.cell.row === r && t.cell.rowSpan === 1)) : undefined;
    stacks.push(ys);
    counts.push(touched ? (ys?.length ?? 1) : 0);
  }
  const start: number[] = [0];
  for (let r = 0; r < gridRows; r++) start.push(start[r]! + counts[r]!);
  const total = start[gridRows]!;
  const rows: { cells: (TableCell & { col: number; shaded: boolean })[]; first?: PdfLine }[] = Array.from({ length: total }, () => ({ cells: [] }));
  const firstLine = (a: PdfLine | undefined, b: PdfLine) => (a === undefined || lineNumber(b) < lineNumber(a) ? b : a);
  const spanParts = splitSpans(texts, grid, counts, stacks);
  let filled = 0;
  for (const t of texts) {
    const { cell } = t;
    const parts = spanParts.get(t);
    if (parts) {
      filled++;
      parts.forEach((part, i) => {
        const row = rows[start[cell.row]! + i]!;
        const l = part[0];
        row.cells.push({ text: part.map((p) => p.text).join('\n'), rowSpan: 1, colSpan: cell.colSpan, col: cell.col, shaded: isShaded(cell), ...(l ? { source: sourceOfLine(file, l.line, lineNumber(l.line)) } : {}) });
        if (l) row.first = firstLine(row.first, l.line);
      });
      continue;
    }
    const from = start[cell.row]!;
    const to = start[cell.row + cell.rowSpan]!;
    if (to <= from) continue; // the cell lies in dropped rows only
    if (t.lines.length > 0) filled++;
    const ys = cell.rowSpan === 1 ? stacks[cell.row] : undefined;
    if (ys) {
      const parts: CellText['lines'][] = ys.map(() => []);
      for (const entry of entriesOf(t.lines)) for (const l of entry) parts[rowOfLine(ys, middle(entry))]!.push(l);
      parts.forEach((part, i) => {
        const row = rows[from + i]!;
        const l = part[0];
        row.cells.push({ text: part.map((p) => p.text).join('\n'), rowSpan: 1, colSpan: cell.colSpan, col: cell.col, shaded: isShaded(cell), ...(l ? { source: sourceOfLine(file, l.line, lineNumber(l.line)) } : {}) });
        if (l) row.first = firstLine(row.first, l.line);
      });
      continue;
    }
    const row = rows[from]!;
    const first = t.lines[0];
    row.cells.push({
      text: t.lines.map((l) => l.text).join('\n'),
      rowSpan: to - from,
      colSpan: cell.colSpan,
      col: cell.col,
      shaded: isShaded(cell),
      ...(first ? { source: sourceOfLine(file, first.line, lineNumber(first.line)) } : {}),
    });
    if (first) row.first = firstLine(row.first, first.line);
  }
  const out: TableRow[] = [];
  const shadedRows: boolean[] = [];
  let previous: Source | undefined;
  for (const row of rows) {
    row.cells.sort((a, b) => a.col - b.col);
    const source = row.first ? sourceOfLine(file, row.first, lineNumber(row.first)) : previous;
    if (!source) continue;
    previous = source;
    shadedRows.push(row.cells.length > 0 && row.cells.filter((c) => c.shaded).length >= row.cells.length * 0.6);
    out.push({
      source,
      cells: row.cells.map(({ col: _col, shaded: _shaded, source: s, ...cell }) => (s && s.line !== source.line ? { ...cell, source: s } : cell)),
    });
  }
  return { rows: out, headerRows: headerRowCount(out, shadedRows), filled };
}

/**
 * Cells drawn as merged over rows that their text does not merge: a figure
 * cell over n logical rows with n entries, one inside each row's band (한글
 * leaves out rules under some columns), is split into those rows; a label
 * cell over the same rows is split by where its lines fall, when at least two
 * figure cells there were split. Bands are the grid rows, and inside a stacked
 * grid row the stretches between its lines.
 */
function splitSpans(texts: CellText[], grid: Grid, counts: number[], stacks: (number[] | undefined)[]): Map<CellText, Line[][]> {
  // The bands (top, bottom) of the logical rows, in order.
  const bands: [number, number][] = [];
  const first: number[] = [];
  for (let r = 0; r < counts.length; r++) {
    first.push(bands.length);
    const [top, bottom] = [grid.ys[r]!, grid.ys[r + 1]!];
    const ys = stacks[r];
    if (counts[r] === 0) continue;
    if (!ys) bands.push([top, bottom]);
    else ys.forEach((y, i) => bands.push([i === 0 ? top : (ys[i - 1]! + y) / 2, i === ys.length - 1 ? bottom : (y + ys[i + 1]!) / 2]));
  }
  first.push(bands.length);
  const range = (c: GridCell) => [first[c.row]!, first[c.row + c.rowSpan]!] as const;
  const bandOf = (y: number, from: number, to: number) => {
    for (let i = from; i < to; i++) if (y <= bands[i]![1]) return i - from;
    return to - from - 1;
  };
  const out = new Map<CellText, Line[][]>();
  const split = new Map<string, number>();
  for (const t of texts) {
    const [from, to] = range(t.cell);
    if (t.cell.rowSpan < 2 || to - from < 2 || !t.lines.some((l) => isFigure(l.text))) continue;
    const entries = entriesOf(t.lines);
    if (entries.length !== to - from || entries.some((e, i) => bandOf(middle(e), from, to) !== i)) continue;
    out.set(t, entries);
    split.set(`${from}:${to}`, (split.get(`${from}:${to}`) ?? 0) + 1);
  }
  for (const t of texts) {
    const [from, to] = range(t.cell);
    if (t.cell.rowSpan < 2 || out.has(t) || t.lines.length === 0 || (split.get(`${from}:${to}`) ?? 0) < 2) continue;
    const parts: Line[][] = Array.from({ length: to - from }, () => []);
    for (const l of t.lines) parts[bandOf(l.y - l.height * 0.35, from, to)]!.push(l);
    out.set(t, parts);
  }
  return out;
}

/**
 * Header rows: those above the first row with a figure outside its first cell,
 * extended so that no header cell spans into the body. Without a figure, the
 * leading shaded rows (header cells are printed on a tint) when some row below
 * is not shaded. 0 when neither tells.
 */
export function headerRowCount(rows: TableRow[], shaded: boolean[] = []): number {
  let first = rows.findIndex((row) => row.cells.slice(1).some((c) => isFigure(c.text.split('\n')[0] ?? '')));
  if (first <= 0) {
    const tinted = shaded.findIndex((s) => !s);
    first = tinted > 0 && tinted < rows.length ? tinted : 0;
  }
  if (first <= 0) return 0;
  let count = first;
  for (let r = 0; r < count; r++) for (const c of rows[r]!.cells) count = Math.min(rows.length, Math.max(count, r + c.rowSpan));
  return count < rows.length ? count : first;
}
