// Block assembly shared by the readers of word-processor formats (HWPX, HWP),
// which know paragraphs and table cells with their addresses but not the roles
// of paragraphs: paragraph roles by marker, tables from addressed cells (rows
// as made, spans kept), header rows from the table's shape, and the caption
// and unit from the text just above a table.
//
// Location convention: `line` is the running paragraph index, 1-based, over
// the whole document in reading order, counting every paragraph including
// those inside table cells, so each table row has a line of its own.

import { pushAll } from '../extract/collections.js';
import type { Source } from '../model/types.js';
import { splitUnit } from '../extract/units.js';
import { paragraphBlock } from './paragraphs.js';
import type { Block, TableBlock, TableCell, TableRow } from './types.js';

/** A cell read from the document with the grid address it declares. */
export interface PlacedCell {
  row: number;
  col: number;
  /** Marked as a title cell (repeated on each page). */
  header: boolean;
  /** Line of the cell's first paragraph. */
  line: number | undefined;
  cell: TableCell;
}

/** Longest text taken as a table caption. */
const MAX_CAPTION = 60;
/** A sentence (…한다. …함 …있음) is prose above a table, not its title. */
const SENTENCE_END = /(?:다|음|함|임)\s*\.?$/;
/** How many text blocks above a table are searched for its caption and unit. */
const CAPTION_REACH = 2;
/** More positions than any real table has (a full page of 8-point cells is a few thousand). */
const MAX_GRID_POSITIONS = 1_000_000;
const NUMERIC = /^[\s△▲▽▼+\-−(),.%\d]+$/;

export class LayoutBuilder {
  readonly blocks: Block[] = [];
  private paragraphs = 0;
  /** List marker families in order of first appearance: their depth. */
  private readonly families: string[] = [];

  constructor(readonly file: string) {}

  /** Counts one more paragraph and returns its line. */
  nextLine(): number {
    return ++this.paragraphs;
  }

  source(line: number, text: string): Source {
    return { file: this.file, line, text: oneLine(text) };
  }

  addParagraph(text: string, line: number, outlineLevel?: number): void {
    const block = paragraphBlock(text, this.source(line, text), this.families, outlineLevel);
    if (block) this.blocks.push(block);
  }

  /** A list item whose marker the format draws from the paragraph's shape rather than its text. */
  addListItem(marker: string, depth: number, text: string, line: number): void {
    this.blocks.push({ type: 'list-item', marker, depth, text: text.trim(), source: this.source(line, `${marker} ${text}`) });
  }

  /** Adds a table and the tables nested in it (in that order); the first takes the caption and unit above it. */
  addTables(tables: TableBlock[]): void {
    const [outer] = tables;
    if (outer) {
      const above = this.captionAndUnit();
      outer.caption ??= above.caption;
      outer.unit ??= above.unit;
      if (outer.caption === undefined) delete outer.caption;
      if (outer.unit === undefined) delete outer.unit;
    }
    pushAll(this.blocks, tables);
  }

  /** Sets a table's own caption (the format's caption object), with the unit it declares. */
  setOwnCaption(table: TableBlock, text: string): void {
    const { unit, rest } = splitUnit(oneLine(text));
    if (rest !== '') table.caption = captionText(rest);
    if (unit !== undefined) table.unit = unit;
  }

  /** Caption and unit from the text blocks just above (no table in between). */
  private captionAndUnit(): Pick<TableBlock, 'caption' | 'unit'> {
    const found: Pick<TableBlock, 'caption' | 'unit'> = {};
    for (let i = this.blocks.length - 1, seen = 0; i >= 0 && seen < CAPTION_REACH; i--, seen++) {
      const block = this.blocks[i]!;
      if (block.type === 'table') break;
      const { unit, rest } = splitUnit(block.source.text);
      if (unit !== undefined && found.unit === undefined) found.unit = unit;
      if (rest !== '') {
        if (rest.length <= MAX_CAPTION && !SENTENCE_END.test(rest)) found.caption = captionText(rest);
        break;
      }
    }
    return found;
  }

  /**
   * A table from its addressed cells. Rows as made: each cell in the row
   * where it starts, ordered by column. A position that no cell starts at or
   * spans over (a damaged or sparse table) gets an empty cell, so `tableGrid`
   * puts every cell at its address.
   */
  table(placed: PlacedCell[], declaredRows: number, declaredCols: number, anchor: number): TableBlock {
    const rowCount = Math.max(declaredRows, ...placed.map((p) => p.row + 1), 0);
    const colCount = Math.max(declaredCols, ...placed.map((p) => p.col + p.cell.colSpan), 0);
    // Addresses come from the file: a damaged one must not make us allocate billions of positions.
    if (rowCount * colCount > MAX_GRID_POSITIONS) throw new RangeError(`table of ${rowCount} × ${colCount} positions`);
    const covered: boolean[][] = Array.from({ length: rowCount }, () => new Array<boolean>(colCount).fill(false));
    const starts = new Map<string, PlacedCell>();
    for (const p of placed) {
      if (starts.has(`${p.row},${p.col}`)) continue;
      starts.set(`${p.row},${p.col}`, p);
      for (let r = p.row; r < Math.min(rowCount, p.row + p.cell.rowSpan); r++) {
        for (let c = p.col; c < Math.min(colCount, p.col + p.cell.colSpan); c++) covered[r]![c] = true;
      }
    }
    const rows: TableRow[] = [];
    for (let r = 0; r < rowCount; r++) {
      const cells: TableCell[] = [];
      let line: number | undefined;
      for (let c = 0; c < colCount; c++) {
        const start = starts.get(`${r},${c}`);
        if (start) {
          cells.push(start.cell);
          line ??= start.line;
        } else if (!covered[r]![c]) cells.push({ text: '', rowSpan: 1, colSpan: 1 });
      }
      rows.push({ cells, source: this.source(line ?? anchor, cells.map((cell) => cell.text).join('\t')) });
    }
    return { type: 'table', headerRows: headerRowCount(placed, rows), rows, source: this.source(anchor, rows[0]?.source.text ?? '') };
  }
}

/**
 * Header rows: the leading rows whose cells are marked as title cells;
 * otherwise the rows above the first line that crosses the whole table (a
 * multi-level header, where a cell such as 구분 spans both header rows),
 * provided they hold no figures.
 */
function headerRowCount(placed: PlacedCell[], rows: TableRow[]): number {
  let marked = 0;
  while (marked < rows.length) {
    const inRow = placed.filter((p) => p.row === marked);
    if (inRow.length === 0 || !inRow.every((p) => p.header)) break;
    marked++;
  }
  if (marked > 0) return marked;
  if (rows.length < 2) return 0;
  let depth = 1;
  for (let grown = true; grown; ) {
    grown = false;
    for (const p of placed) {
      if (p.row < depth && p.row + p.cell.rowSpan > depth) {
        depth = p.row + p.cell.rowSpan;
        grown = true;
      }
    }
  }
  if (depth >= rows.length) return 0;
  const head = placed.filter((p) => p.row < depth);
  if (head.length === 0 || head.some((p) => p.cell.text !== '' && NUMERIC.test(p.cell.text))) return 0;
  return depth;
}

/** A caption without the brackets it is printed in (`< 예산 현황 >`, `【 연도별 예산 】`), as the text reader keeps it. */
function captionText(text: string): string {
  return text.replace(/^[<〈《【[]\s*|\s*[>〉》】\]]$/g, '').trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
