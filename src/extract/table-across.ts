// Tables whose line items run across the columns: a 부서별 예산 table prints the
// departments as column headers (`구 분 | 계 | 건강정책과 | 보건위생과`) and the
// measures down the rows (`세 입`, `세 출`). Read as printed, its names would be
// headers and its measures labels; read as its transpose, it is an ordinary budget
// table (`구분 | 세입 | 세출` with one row per department, the 계 column its total
// row). Pure; vocabulary as data.

import { tableGrid, type GridCell, type TableBlock, type TableCell, type TableRow } from '../layout/types.js';
import { readCellFigure } from './table-cells.js';
import { headerRowCount, mayBeOneOf, normalizeHeader, roleOfHeader, wordsOf, yearOf } from './table-roles.js';

/**
 * Row labels that name a measure of money, not a line item: revenue, spending and
 * the accounts they are kept in. A table whose every row is one of these (or a
 * total) holds its line items across the columns.
 */
export const MEASURE_ROWS: readonly RegExp[] = [
  /^(세입|세입예산|세입예산액|세출|세출예산|세출예산액|예산|예산액|총예산|예산규모)$/,
  /^(본예산|당초예산|추경예산|최종예산)$/,
  /^(일반회계|특별회계|기금|일반회계예산|특별회계예산|기금운용|기금운용계획)$/,
  /^(계|합계|총계)$/,
  /^(증감|증감액|비교증감)$/,
];

/**
 * A year before a measure names the year it is for (`2024 예산`, `’25년 예산`,
 * `2025년 본예산`): the measure is what the row holds, the year which column it fills.
 */
const YEAR_PREFIX = /^['’‘`]?(?:(?:19|20)\d{2}|\d{2}(?=년))(?:년도?)?/;

/** More rows than this are line items, not measures. */
const MAX_MEASURES = 8;

export interface AcrossTable {
  /** The table as read: one row per name of the original header, one column per measure. */
  table: TableBlock;
  reason: string;
}

const MEASURE_WORDS = wordsOf(MEASURE_ROWS);

function isMeasure(label: string): boolean {
  if (!mayBeOneOf(label, MEASURE_WORDS)) return false;
  const n = normalizeHeader(label).replace(YEAR_PREFIX, '');
  return n !== '' && MEASURE_ROWS.some((re) => re.test(n));
}

function cellOf(g: GridCell): TableCell {
  return { text: g.text, rowSpan: 1, colSpan: 1, source: g.source };
}

/**
 * The transpose of a table whose names run across the columns, or undefined when the
 * table is not one. All of these must hold, so an ordinary table is never turned:
 * - one header row; its first cell names the label column (구분, 과목…);
 * - every body row is labelled by a measure (세입, 세출, 일반회계, 계…), at least one
 *   of which the vocabulary reads as a budget (세출, 예산) once it heads a column;
 * - at least two other header cells are names: no role in the vocabulary (a 계/합계
 *   column is allowed and becomes the total row), no year (years across are a
 *   multi-year table), no funding part (국비, 시비 across are a funding breakdown);
 * - the body cells under the names are figures (or blank).
 */
export function transposedAcross(table: TableBlock): AcrossTable | undefined {
  // Cheap tests first: measures are few rows, and the first cell names the labels.
  if (table.rows.length > MAX_MEASURES + 1 || roleOfHeader(table.rows[0]?.cells[0]?.text ?? '').role !== 'label') return undefined;
  // Every row below the first is labelled by a measure in its first cell as made (a table with
  // merged cells is never turned, and without any its grid rows are its rows): asked before the grid is made.
  for (let r = 1; r < table.rows.length; r++) if (!isMeasure(table.rows[r]!.cells[0]?.text ?? '')) return undefined;
  const grid = tableGrid(table);
  if (headerRowCount(table, grid) !== 1 || grid.length < 2) return undefined;
  if (grid.some((r) => r.some((c) => c.spanned))) return undefined;
  const header = grid[0]!;
  const body = grid.slice(1);
  if (roleOfHeader(header[0]!.text).role !== 'label') return undefined;
  const labels = body.map((r) => r[0]!.text);
  if (!labels.every(isMeasure)) return undefined;
  if (!labels.some((l) => roleOfHeader(l).role === 'budget')) return undefined;
  let names = 0;
  for (const cell of header.slice(1)) {
    const role = roleOfHeader(cell.text).role;
    if (yearOf(cell.text)) return undefined;
    if (role === 'total') continue;
    if (role !== 'other' || cell.text.trim() === '') return undefined;
    names++;
  }
  if (names < 2) return undefined;
  const figures = body.every((r) => r.slice(1).every((c) => c.text.trim() === '' || readCellFigure(c.text).value !== undefined || readCellFigure(c.text).blank));
  if (!figures) return undefined;
  const rows: TableRow[] = [];
  rows.push({ cells: [cellOf(header[0]!), ...body.map((r) => cellOf(r[0]!))], source: table.rows[0]!.source });
  for (let c = 1; c < header.length; c++) {
    rows.push({ cells: [cellOf(header[c]!), ...body.map((r) => cellOf(r[c]!))], source: header[c]!.source });
  }
  const turned: TableBlock = { ...table, headerRows: 1, rows };
  const measures = labels.map((l) => normalizeHeader(l)).join(', ');
  return { table: turned, reason: `line items across the columns (${header.length - 1} names) with measures down the rows (${measures}): read as its transpose` };
}

/** Every body cell is a figure or blank, and the body holds no merged cells. */
function figuresOnly(grid: GridCell[][], headerRows: number): boolean {
  const body = grid.slice(headerRows);
  return (
    body.length > 0 &&
    body.every((r) => r.every((c) => !c.spanned && (c.text.trim() === '' || readCellFigure(c.text).value !== undefined || readCellFigure(c.text).blank)))
  );
}

/**
 * A wide table printed in two parts, one under the other (`계 | 의사 | … | 한약사`, then
 * `임상병리사 | 방사선사 | …` with no caption): the second part's columns continue the
 * first's, so its 계 adds up columns of both. Joined when the second part follows the
 * first directly, has no caption and no unit of its own (or the same), no label or
 * total column, the same number of body rows, and both bodies hold figures only (the
 * one-row counts of a 현황 table: there are no row labels to align on, so any labels
 * would make the join uncertain). Returns the joined table, or undefined.
 */
export function joinedAcross(a: TableBlock, b: TableBlock): TableBlock | undefined {
  if (b.caption || (b.unit && b.unit !== a.unit) || a.rows.length - a.headerRows !== b.rows.length - b.headerRows) return undefined;
  if (roleOfHeader(a.rows[0]?.cells[0]?.text ?? '').role !== 'total') return undefined;
  const ga = tableGrid(a);
  const gb = tableGrid(b);
  const ha = headerRowCount(a, ga);
  const hb = headerRowCount(b, gb);
  if (ha < 1 || hb < 1 || ga.length - ha !== gb.length - hb) return undefined;
  if (roleOfHeader(ga[0]![0]!.text).role !== 'total') return undefined;
  if (gb[0]!.some((c) => ['label', 'group', 'total'].includes(roleOfHeader(c.text).role ?? ''))) return undefined;
  if (!figuresOnly(ga, ha) || !figuresOnly(gb, hb)) return undefined;
  // Header rows as made, the shorter header's last cells stretched down to the taller one's.
  const height = Math.max(ha, hb);
  const headerCells = (t: TableBlock, h: number, r: number): TableCell[] =>
    r >= h ? [] : t.rows[r]!.cells.map((c) => (r + c.rowSpan >= h ? { ...c, rowSpan: c.rowSpan + height - h } : c));
  const rows: TableRow[] = [];
  for (let r = 0; r < height; r++) rows.push({ cells: [...headerCells(a, ha, r), ...headerCells(b, hb, r)], source: (a.rows[r] ?? a.rows[ha - 1]!).source });
  for (let i = 0; i < ga.length - ha; i++) rows.push({ cells: [...a.rows[ha + i]!.cells, ...b.rows[hb + i]!.cells], source: a.rows[ha + i]!.source });
  return { ...a, headerRows: height, rows };
}
