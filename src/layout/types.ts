// The layout every input format is read into: an ordered list of blocks, each
// with its source. Readers (text, Markdown, HTML, PDF, HWPX) produce it;
// extractors read figures from it and never look at raw lines again.

import type { Source } from '../model/types.js';

export type LayoutFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'hwpx' | 'hwp';

interface BlockBase {
  /** Where the block starts (file, 1-based line; page for PDFs; for HWPX the line is the paragraph index). */
  source: Source;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  /** 1 = top level. Markdown `#` count; HTML h1–h6; PDF by font size; HWPX by outline level. */
  level: number;
  /** The heading text without its marks (`#`, numbering kept: `1. 추진 배경`). */
  text: string;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  text: string;
}

export interface ListItemBlock extends BlockBase {
  type: 'list-item';
  /** The marker as printed: □ ○ - ▪ · ① 가. 1) 1. … */
  marker: string;
  /** 0 = outermost. From indentation and marker family. */
  depth: number;
  /** Text after the marker. */
  text: string;
}

export interface NoteBlock extends BlockBase {
  type: 'note';
  /** ※ * 주) … */
  marker: string;
  text: string;
}

export interface TableCell {
  /** The cell's text; lines inside one cell joined with '\n'. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Where the cell's text starts, when it differs from its row's source (PDF stacked cells). */
  source?: Source;
}

export interface TableRow {
  cells: TableCell[];
  source: Source;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  /** Title line just above the table (`< 예산 집행 현황 >`, `【 연도별 예산 】`), if any. */
  caption?: string;
  /** The unit declaration nearest the table, as printed (`(단위: 백만원)` → `백만원`). */
  unit?: string;
  /**
   * Where the unit declaration was read, with its full printed text, when the
   * reader kept it apart from the blocks (`('20. 6. 30 현재, 단위 : 천원)` also
   * states the date the table's figures are as of).
   */
  unitSource?: Source;
  /** How many of `rows` are header rows (0 when the reader could not tell). */
  headerRows: number;
  /** Rows as made: merged cells appear once, in their first row, with their spans. */
  rows: TableRow[];
}

export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | NoteBlock | TableBlock;

export interface Layout {
  file: string;
  format: LayoutFormat;
  blocks: Block[];
  /** Front matter of Markdown/MDX posts, parsed (YAML/TOML/JSON), when present. */
  frontMatter?: Record<string, unknown>;
  /** Number of pages, for PDFs. */
  pages?: number;
}

/** One position of a table's grid after spans are expanded. */
export interface GridCell {
  text: string;
  /** Row and column of the cell as made (the top-left of a merged cell). */
  originRow: number;
  originCol: number;
  /** True for every position of a merged cell but its top-left one. */
  spanned: boolean;
  source: Source;
}

/**
 * Expands row and column spans into a rectangular grid: a merged cell fills
 * every position it covers (with `spanned` set on all but the first), so
 * header lookups and group labels work by column index. Ragged rows are padded
 * with empty cells.
 */
export function tableGrid(table: TableBlock): GridCell[][] {
  // Every extractor asks for the grid of the same table (eight times on a report's budget table):
  // it is built once, and again only if rows were added since (PDF tables continued on the next page).
  const cached = grids.get(table);
  if (cached && cached.rows === table.rows && cached.count === table.rows.length) return cached.grid;
  const grid = buildGrid(table);
  grids.set(table, { rows: table.rows, count: table.rows.length, grid });
  return grid;
}

/** Grids already built, per table; read-only to every caller. */
const grids = new WeakMap<TableBlock, { rows: TableRow[]; count: number; grid: GridCell[][] }>();

/**
 * Lets go of a table's grid once the readers that share it are done: a long table's
 * grid holds an object per cell for as long as the table lives. A later `tableGrid`
 * builds it again, the same.
 */
export function forgetGrid(table: TableBlock): void {
  grids.delete(table);
}

function buildGrid(table: TableBlock): GridCell[][] {
  const grid: (GridCell | undefined)[][] = [];
  table.rows.forEach((row, r) => {
    // Made at the row's own width (grown by assignment from empty, a row's array took twice the room).
    const line = (grid[r] ??= new Array<GridCell | undefined>(spannedWidth(row)));
    let c = 0;
    for (const cell of row.cells) {
      while (line[c] !== undefined) c++;
      if (cell.rowSpan === 1 && cell.colSpan === 1) {
        // A plain cell (nearly all of them) fills its own position only.
        line[c] = { text: cell.text, originRow: r, originCol: c, spanned: false, source: cell.source ?? row.source };
        c++;
        continue;
      }
      const rowSpan = Math.max(1, cell.rowSpan);
      const colSpan = Math.max(1, cell.colSpan);
      for (let dr = 0; dr < rowSpan && r + dr < table.rows.length; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) {
          target[c + dc] = {
            text: cell.text,
            originRow: r,
            originCol: c,
            spanned: dr > 0 || dc > 0,
            source: cell.source ?? row.source,
          };
        }
      }
      c += colSpan;
    }
  });
  const width = grid.reduce((w, line) => Math.max(w, line?.length ?? 0), 0);
  return table.rows.map((row, r) => {
    const line = grid[r] ?? [];
    // A full row (most rows) is already the grid's row: kept, not copied.
    if (line.length === width && isFull(line)) return line;
    const out = new Array<GridCell>(width);
    for (let c = 0; c < width; c++) {
      out[c] = line[c] ?? { text: '', originRow: r, originCol: c, spanned: false, source: row.source };
    }
    return out;
  });
}

/** The columns a row's own cells cover. */
function spannedWidth(row: TableRow): number {
  let width = 0;
  for (const cell of row.cells) width += Math.max(1, cell.colSpan);
  return width;
}

function isFull(line: (GridCell | undefined)[]): line is GridCell[] {
  for (let c = 0; c < line.length; c++) if (line[c] === undefined) return false;
  return true;
}

/**
 * What `tableGrid` makes of a table, found without making it: the grid's width, and
 * which rows are their grid rows as made (no span reaches into them, none of their
 * cells spans columns, no padding), so that a reader of a long table can take those
 * rows' cells and leave the grid unmade.
 */
export interface GridShape {
  width: number;
  /** 1 where row r's cells are its grid row, position for position. */
  asMade: Uint8Array;
}

export function gridShape(table: TableBlock): GridShape {
  // Asked for by several readers of the same table (its rows, its header, a before/after check): found once.
  const cached = shapes.get(table);
  if (cached && cached.rows === table.rows && cached.count === table.rows.length) return cached.shape;
  const shape = findShape(table);
  shapes.set(table, { rows: table.rows, count: table.rows.length, shape });
  return shape;
}

/** Shapes already found, per table (a byte per row). */
const shapes = new WeakMap<TableBlock, { rows: TableRow[]; count: number; shape: GridShape }>();

function findShape(table: TableBlock): GridShape {
  const rows = table.rows;
  const asMade = new Uint8Array(rows.length);
  const lengths = new Uint32Array(rows.length);
  // Per column, the last row a span from a row above covers (-1: none). Only entries from
  // row r on mean anything at row r: a cell one row high need not write its own row.
  const coveredUntil: number[] = [];
  // The last row any span reaches: below it (most rows of most tables) no column is covered.
  let reach = -1;
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    let length = 0;
    let fromAbove = false;
    if (reach >= r) {
      for (let k = 0; k < coveredUntil.length; k++) {
        if (coveredUntil[k]! >= r) {
          fromAbove = true;
          length = k + 1;
        }
      }
    }
    let plain = !fromAbove;
    let c = 0;
    for (const cell of rows[r]!.cells) {
      if (reach >= r) while ((coveredUntil[c] ?? -1) >= r) c++;
      const rowSpan = Math.max(1, cell.rowSpan);
      const colSpan = Math.max(1, cell.colSpan);
      if (colSpan !== 1) plain = false;
      const last = Math.min(r + rowSpan - 1, rows.length - 1);
      if (last > r) {
        for (let dc = 0; dc < colSpan; dc++) coveredUntil[c + dc] = Math.max(coveredUntil[c + dc] ?? -1, last);
        reach = Math.max(reach, last);
      }
      c += colSpan;
    }
    length = Math.max(length, c);
    lengths[r] = length;
    width = Math.max(width, length);
    if (plain) asMade[r] = 1;
  }
  for (let r = 0; r < rows.length; r++) if (asMade[r] === 1 && (lengths[r] !== width || rows[r]!.cells.length !== width)) asMade[r] = 0;
  return { width, asMade };
}

/**
 * The first `n` rows of the table's grid, as `tableGrid(table).slice(0, n)` gives them,
 * made without the rows below (a header needs no grid of the whole table).
 */
export function leadingGridRows(table: TableBlock, n: number, width: number = gridShape(table).width): GridCell[][] {
  const cached = grids.get(table);
  if (cached && cached.rows === table.rows && cached.count === table.rows.length) return cached.grid.slice(0, n);
  if (n <= 0) return [];
  // Cells of a row are placed by the rows above it only, so the leading rows' grid is theirs alone, padded to the whole width.
  const lead = buildGrid({ ...table, rows: table.rows.slice(0, n) });
  return lead.map((line, r) => {
    if (line.length >= width) return line;
    const out = new Array<GridCell>(width);
    for (let c = 0; c < width; c++) out[c] = line[c] ?? { text: '', originRow: r, originCol: c, spanned: false, source: table.rows[r]!.source };
    return out;
  });
}

/** A plain row of cells (no spans), as most text readers produce. */
export function plainRow(texts: string[], source: Source): TableRow {
  return { cells: texts.map((text) => ({ text, rowSpan: 1, colSpan: 1 })), source };
}
