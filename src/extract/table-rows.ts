// A table's body rows with their meaning: tables continued after a page break,
// the context above a table (headings, caption, the subject it is about), its money
// unit, rows realigned or unstacked where a reader misplaced cells, labels, groups,
// total rows, and figures per column with implausible values flagged. Pure.

import { pushAll } from './collections.js';
import type { Diagnostic, Source } from '../model/types.js';
import { forgetGrid, gridShape, leadingGridRows, tableGrid, type Block, type GridCell, type TableBlock } from '../layout/types.js';
import { collapseLetterSpacing } from './names.js';
import { bracketedMoneyUnit, isMoneyUnit, parseUnitDeclaration, type UnitDeclaration } from './units.js';
import { foldFullWidth } from './text.js';
import { BLANK, holdsFigure, readCellFigure, type CellFigure } from './table-cells.js';
import { diag } from './table-diagnostics.js';
import { joinedAcross } from './table-across.js';
import { classifyTable, headerGridRows, namesFundingPart, normalizeHeader, type ColumnInfo, type ColumnRole, type TableClass } from './table-roles.js';

export interface TableInContext {
  table: TableBlock;
  /** Body rows of continuation tables (same header, no heading between) appended. */
  extraRows: GridCell[][];
  heading?: string;
  /** The headings above the table, outermost first (a new heading closes those at its level or deeper). */
  headings: string[];
  caption?: string;
  /** What the table is about: the nearest heading or short list item above it that is a name, not a `key : value`. */
  subject?: string;
}

function headerSignature(grid: GridCell[][], headerRows: number): string {
  return grid
    .slice(0, headerRows)
    .map((r) => r.map((c) => normalizeHeader(c.text)).join('|'))
    .join('/');
}

/** Tables with the heading above each; a table repeating the header of the one before it continues it. */
export function tablesInContext(blocks: Block[]): TableInContext[] {
  const out: TableInContext[] = [];
  let heading: string | undefined;
  let path: { level: number; text: string }[] = [];
  let last: { ctx: TableInContext; signature: string } | undefined;
  // What the tables are about, as of block `subjectUntil` (see `subjectOf`): read only where a table asks.
  let subject: string | undefined;
  let subjectUntil = 0;
  // The table read from the block just before, while nothing else stands between.
  let adjacent: TableInContext | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const before = adjacent;
    adjacent = undefined;
    if (block.type === 'heading') {
      heading = block.text;
      path = [...path.filter((h) => h.level < block.level), { level: block.level, text: block.text }];
      last = undefined;
      continue;
    }
    if (block.type !== 'table') continue;
    // A wide table printed in two parts: the second part's columns continue the first's.
    const joined = before && before.extraRows.length === 0 ? joinedAcross(before.table, block) : undefined;
    if (joined) {
      before!.table = joined;
      adjacent = before;
      last = undefined;
      continue;
    }
    // Classified and compared by the header's grid rows: the whole grid is made only for a continuation's rows.
    const cls = classifyTable(block);
    const signature = headerSignature(headerGridRows(block, cls.headerRows), cls.headerRows);
    if (last && cls.headerRows > 0 && signature === last.signature && !block.caption) {
      pushAll(last.ctx.extraRows, tableGrid(block).slice(cls.headerRows));
      continue;
    }
    // Classified: the rows are read later without the grid where they can be (see `readRows`).
    forgetGrid(block);
    const ctx: TableInContext = { table: block, extraRows: [], headings: path.map((h) => h.text) };
    const said = subjectOf(blocks, subjectUntil, b);
    if (said) subject = said.subject;
    subjectUntil = b;
    if (subject) ctx.subject = subject;
    if (heading) ctx.heading = heading;
    if (block.caption) ctx.caption = block.caption;
    out.push(ctx);
    adjacent = ctx;
    last = cls.headerRows > 0 ? { ctx, signature } : undefined;
  }
  return out;
}

/**
 * The subject the last of `blocks[from..to)` that says one gives, or undefined when none
 * does (the subject stays as it was): a heading says its name or that there is none, a
 * list item a short name or a `사업명 : X` line, a paragraph a `사업명 : X` line. Read
 * backwards from the table, so blocks before the nearest one that says are never read.
 */
function subjectOf(blocks: Block[], from: number, to: number): { subject: string | undefined } | undefined {
  for (let i = to - 1; i >= from; i--) {
    const block = blocks[i]!;
    if (block.type === 'heading') {
      return { subject: isSubjectText(block.text) ? block.text.replace(/^\s*(\d+|[IVXⅠ-Ⅹ]+|[가-하])[.)]\s*/, '').trim() : undefined };
    }
    if (block.type !== 'list-item' && block.type !== 'paragraph') continue;
    const named = nameLine(block.text);
    if (named) return { subject: named };
    if (block.type === 'list-item' && isSubjectText(block.text)) return { subject: block.text.trim() };
  }
  return undefined;
}

/** Keys that introduce a project's name (`사 업 명 : 수요응답형 교통(DRT) 운영`). */
const NAME_KEYS = /^(사업명|세부사업명|내역사업명|단위사업명|과제명|세부과제명|프로젝트명)$/;

/** The name a `사업명 : X` line gives, or undefined. */
export function nameLine(text: string): string | undefined {
  // The pattern needs a colon: most lines hold none.
  if (!text.includes(':') && !text.includes('：')) return undefined;
  const m = /^([^:：]{2,20}?)\s*[:：]\s*(.+)$/.exec(text.trim());
  if (!m || !NAME_KEYS.test(m[1]!.replace(/\s+/g, ''))) return undefined;
  const name = m[2]!.replace(/\s+/g, ' ').trim();
  return name.length > 1 && name.length <= 80 ? name : undefined;
}

/** A short name (a program, a project), not a `key : value` line or a sentence. */
function isSubjectText(text: string): boolean {
  const t = text.trim();
  return (
    t.length > 1 &&
    t.length <= 40 &&
    !/[:：]/.test(t) &&
    !/(다|음|함|임)\.?$/.test(t) &&
    !/^[\d\s.,%]+$/.test(t) &&
    // `추진 현황`, `예산 개요`: the name of a section, not of a program.
    !/(현황|실적|계획|개요|내용|예산|추진|성과|일반|총괄)$/.test(t.replace(/\s+/g, ''))
  );
}

/**
 * The whole declaration the table's unit was read from, when the reader kept it:
 * `(단위: 백만원, ha)` declares a second unit for the rows not named as money.
 * Only when it states the same unit the reader took.
 */
function fullDeclaration(table: TableBlock): UnitDeclaration | undefined {
  const declared = table.unitSource ? parseUnitDeclaration(table.unitSource.text) : undefined;
  return declared && table.unit !== undefined && (declared.money ?? declared.units[0]) === table.unit ? declared : undefined;
}

/** The money unit: the table's declaration, else its caption, else the header cells (`사업비(천원)`). */
export function moneyUnitOf(ctx: TableInContext, grid: GridCell[][], headerRows: number): { money?: string; units: string[] } {
  const declared = ctx.table.unit ? fullDeclaration(ctx.table) ?? parseUnitDeclaration(`(단위: ${ctx.table.unit})`) : undefined;
  if (declared) return declared.money ? { money: declared.money, units: declared.units } : { units: declared.units };
  const fromCaption = ctx.caption ? parseUnitDeclaration(ctx.caption) : undefined;
  if (fromCaption) return fromCaption.money ? { money: fromCaption.money, units: fromCaption.units } : { units: fromCaption.units };
  // A caption that is only a unit in brackets: `(백만원)`.
  const caption = foldFullWidth(ctx.caption ?? '').trim();
  const bare = /^[(\[][^()[\]]*[)\]]$/.test(caption) ? bracketedMoneyUnit(caption) : undefined;
  if (bare) return { money: bare, units: [bare] };
  // `금액: 억원`, `금액 단위 - 백만원`.
  const amount = /금액\s*(?:단위)?\s*[:：\-]\s*([^\s,()]+)/.exec(caption)?.[1];
  if (amount !== undefined && isMoneyUnit(amount)) return { money: amount, units: [amount] };
  for (const row of grid.slice(0, headerRows)) {
    for (const cell of row) {
      const unit = bracketedMoneyUnit(cell.text);
      if (unit) return { money: unit, units: [unit] };
    }
  }
  return { units: [] };
}

// ---------------------------------------------------------------- rows

const TOTAL_WORD = /^(총계|합계|계|소계|총괄|전체|total)$|(합계|총계|소계)$/i;
const SUBTOTAL_WORD = /소계$/;

function stripMarks(label: string): string {
  return label.replace(/[\s○●◦▪■□◇◆․·ㆍ∙•\-–()（）]/g, '');
}

export function isTotalLabel(label: string): boolean {
  return TOTAL_WORD.test(stripMarks(label));
}

function cleanLabel(text: string): string {
  // A name without white space (most) has no letter spacing to collapse nor spaces to squeeze.
  const spaced = WHITE_SPACE.test(text) ? collapseLetterSpacing(text.replace(/\n/g, ' ')).replace(/\s+/g, ' ') : text;
  const unmarked = LEADING_MARK.test(spaced) ? spaced.replace(LEADING_MARK, '') : spaced;
  return (unmarked.includes('(') ? unmarked.replace(/\(\s*\)/g, '') : unmarked).trim();
}

const WHITE_SPACE = /\s/;
const LEADING_MARK = /^[○●◦▪■□◇◆․·ㆍ∙•\-–]\s*/;

/**
 * A row's figures by column index, read as a Map is (get, set, delete, size, in
 * column order) but held in one array: a long table has one per row, and a Map
 * per row was several times the size of its figures' references.
 */
export class RowFigures implements Iterable<[number, CellFigure]> {
  private readonly byColumn: (CellFigure | undefined)[];
  private count: number;

  /** Room for `columns` columns (the array is made at its size: grown by assignment, it would take more), or a copy of `from`. */
  constructor(from: RowFigures | number) {
    this.byColumn = typeof from === 'number' ? new Array<CellFigure | undefined>(from) : from.byColumn.slice();
    this.count = typeof from === 'number' ? 0 : from.count;
  }

  get size(): number {
    return this.count;
  }

  get(column: number): CellFigure | undefined {
    return this.byColumn[column];
  }

  set(column: number, figure: CellFigure): this {
    if (this.byColumn[column] === undefined) this.count++;
    this.byColumn[column] = figure;
    return this;
  }

  delete(column: number): boolean {
    if (this.byColumn[column] === undefined) return false;
    this.byColumn[column] = undefined;
    this.count--;
    return true;
  }

  *values(): IterableIterator<CellFigure> {
    for (const f of this.byColumn) if (f !== undefined) yield f;
  }

  *[Symbol.iterator](): IterableIterator<[number, CellFigure]> {
    for (let c = 0; c < this.byColumn.length; c++) {
      const f = this.byColumn[c];
      if (f !== undefined) yield [c, f];
    }
  }
}

/**
 * A body row's cell: its grid position, or the cell as made where the row has no
 * span (the same text; its source, when unset, is the row's).
 */
export interface BodyCell {
  text: string;
  source?: Source;
  spanned?: boolean;
}

export interface BodyRow {
  cells: BodyCell[];
  label: string;
  group?: string;
  /** Where the row starts: its first cell's source. */
  source: Source;
  /** Where a cell that states no source of its own stands: its table row's source (see `cellSource`). */
  cellsAt: Source;
  figures: RowFigures;
  total: boolean;
  subtotal: boolean;
  funding: boolean;
  /** Excluded from sums: a value implausible for its column (made only for a row that has one). */
  implausible?: Set<number>;
}

const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set([
  'budget', 'executed', 'remaining', 'carriedOver', 'unused', 'year', 'funding', 'total', 'change', 'other', 'target', 'actual',
]);
export const RATE_ROLES: ReadonlySet<ColumnRole> = new Set(['rate', 'changeRate', 'achievement']);

export function isFigureColumn(c: ColumnInfo, cls: TableClass): boolean {
  return c.index !== cls.labelColumn && c.index !== cls.groupColumn && (FIGURE_ROLES.has(c.role) || RATE_ROLES.has(c.role));
}

/**
 * A row that lost a leading empty cell sits one column left of its header.
 * Each shift is scored by how many figure columns then hold a number; no shift wins ties.
 */
function bestShift(cells: BodyCell[], columns: ColumnInfo[], cls: TableClass, shifts: number[]): number {
  const score = (shift: number) =>
    columns.filter((c) => isFigureColumn(c, cls) && c.role !== 'other' && readCellFigure(cells[c.index + shift]?.text ?? '').value !== undefined).length;
  let best = { shift: 0, score: score(0) };
  for (const shift of shifts) {
    const s = score(shift);
    if (s > best.score) best = { shift, score: s };
  }
  return best.shift;
}

function shifted(cells: BodyCell[], shift: number): BodyCell[] {
  return cells.map((cell, c) => cells[c + shift] ?? { ...cell, text: '' });
}

/** Where a row's cell was read: its own source, else its table row's; the row's for a cell it does not have. */
export function cellSource(row: BodyRow, column: number): Source {
  const cell = row.cells[column];
  return cell ? cell.source ?? row.cellsAt : row.source;
}

/**
 * Rows whose cells sit off their header columns, realigned on their figures:
 * - a row with a figure where its name should be lost a leading cell (shift left);
 * - a row whose name was cut into several cells (`일 | 반 | 회 | 계 | 7,361 …`, a
 *   letter-spaced label read as cells) has word cells where figures should be:
 *   the words join the name and the figures move back under their headers.
 * Rows with merged cells are as the reader made them and are left alone.
 */
function realign(cells: BodyCell[], cls: TableClass, firstFigure: ColumnInfo | undefined): { cells: BodyCell[]; why: string } | undefined {
  if (cls.labelColumn === undefined || cells.some((c) => c.spanned)) return undefined;
  const label = cls.labelColumn;
  const nameCell = cells[label]?.text ?? '';
  if (holdsFigure(nameCell)) {
    const shift = bestShift(cells, cls.columns, cls, [-1, 1, -2, 2]);
    if (shift === 0) return undefined;
    return { cells: shifted(cells, shift), why: `row has its cells ${Math.abs(shift)} column(s) off the header; realigned on its figures (group continues)` };
  }
  if (!firstFigure) return undefined;
  const words = (from: number, to: number) => {
    for (let c = from; c < to && c < cells.length; c++) if (cells[c]!.text.trim() === '' || /\d/.test(cells[c]!.text)) return false;
    return true;
  };
  // Any shift needs a word under the first figure header: without one (most rows) no shift can apply,
  // and scoring five shifts per row was the largest cost on long tables.
  if (!words(firstFigure.index, firstFigure.index + 1)) return undefined;
  const shift = bestShift(cells, cls.columns, cls, [1, 2, 3, 4, 5]);
  if (shift <= 0 || !words(firstFigure.index, firstFigure.index + shift)) return undefined;
  const joined = cells.slice(label, firstFigure.index + shift).map((c) => c.text.trim()).join(' ');
  const out = cells.map((cell, c) => {
    if (c === label) return { ...cell, text: joined };
    if (c > label && c < firstFigure.index) return { ...cell, text: '' };
    if (c >= firstFigure.index) return cells[c + shift] ?? { ...cell, text: '' };
    return cell;
  });
  return { cells: out, why: `row's name "${collapseLetterSpacing(joined)}" was read as ${shift + 1} cells; joined, and its figures realigned under their headers` };
}

/**
 * Rows stacked into one (a box-drawn or PDF table whose rule lines were missing): when
 * the name and every other filled cell hold the same number of lines, N ≥ 2, and the
 * figure cells hold one number per line, the row is N rows.
 */
function unstack(cells: BodyCell[], cls: TableClass): BodyCell[][] {
  if (cls.labelColumn === undefined || cells.some((c) => c.spanned)) return [cells];
  // A name on one line is one row (most rows): nothing to split.
  if (!cells[cls.labelColumn]!.text.includes('\n')) return [cells];
  const lines = cells.map((c) => (c.text.trim() === '' ? [] : c.text.split('\n')));
  const n = lines[cls.labelColumn]!.length;
  if (n < 2 || lines.some((l) => l.length !== 0 && l.length !== n)) return [cells];
  const figureColumns = cls.columns.filter((c) => isFigureColumn(c, cls) && lines[c.index]!.length === n);
  if (figureColumns.length === 0) return [cells];
  const oneNumberEach = figureColumns.every((c) => lines[c.index]!.every((l) => BLANK.test(l.trim()) || readCellFigure(l).value !== undefined));
  if (!oneNumberEach) return [cells];
  return Array.from({ length: n }, (_, i) => cells.map((c, k) => ({ ...c, text: lines[k]!.length ? lines[k]![i]!.trim() : '' })));
}

/** The header's bottom row, normalized once per table: each body row is compared with it. */
interface HeaderKey {
  cells: string[];
  joined: string;
  /**
   * Per cell, a letter of its normalized text and that letter's full-width form: normalizing
   * only folds full-width forms and takes characters away, so a body cell holding neither
   * cannot normalize to the header's (most body rows differ at their first cell).
   */
  probes: (readonly [string, string] | undefined)[];
}

function headerKey(headerGrid: GridCell[][]): HeaderKey | undefined {
  const bottom = headerGrid[headerGrid.length - 1];
  if (!bottom) return undefined;
  const cells = bottom.map((c) => normalizeHeader(c.text));
  return { cells, joined: cells.join('|'), probes: cells.map(probeOf) };
}

function probeOf(normalized: string): readonly [string, string] | undefined {
  const letter = normalized[normalized.length - 1];
  if (letter === undefined) return undefined;
  const code = letter.charCodeAt(0);
  return [letter, code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : letter];
}

function isRepeatedHeader(cells: BodyCell[], key: HeaderKey | undefined): boolean {
  if (!key) return false;
  // Same cell count and no '|' in the header: the joined strings are equal exactly when every cell is,
  // so the comparison stops at the first differing cell (usually the name) instead of normalizing the row.
  if (cells.length === key.cells.length && key.cells.every((c) => !c.includes('|'))) {
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i]!.text;
      const probe = key.probes[i];
      if (probe && !text.includes(probe[0]) && !text.includes(probe[1])) return false;
      if (normalizeHeader(text) !== key.cells[i]) return false;
    }
    return key.joined.replace(/\|/g, '') !== '';
  }
  const a = cells.map((c) => normalizeHeader(c.text)).join('|');
  return a === key.joined && a.replace(/\|/g, '') !== '';
}

/**
 * The table's body rows. Rows as made (no span; see `gridShape`) take their cells as
 * made, not grid positions, and the grid is made only for the other rows: a long table's
 * grid need not be held while its rows are. Each row's source is its own.
 */
export function readRows(ctx: TableInContext, cls: TableClass, diagnostics: Diagnostic[], headerGrid?: GridCell[][]): BodyRow[] {
  const shape = gridShape(ctx.table);
  headerGrid ??= leadingGridRows(ctx.table, cls.headerRows, shape.width);
  // The table's own body rows, then the rows of the tables continuing it (grid rows).
  const ownBody = Math.max(0, ctx.table.rows.length - cls.headerRows);
  const printedCount = ownBody + ctx.extraRows.length;
  const rows: BodyRow[] = [];
  const key = headerKey(headerGrid);
  const figureColumns = cls.columns.filter((c) => isFigureColumn(c, cls)).map((c) => c.index);
  const width = figureColumns.reduce((w, c) => Math.max(w, c + 1), 0);
  // The first figure column right of the name, the same for every row (see `realign`).
  const nameColumn = cls.labelColumn;
  const firstFigure = nameColumn === undefined ? undefined : cls.columns.find((c) => isFigureColumn(c, cls) && c.index > nameColumn);
  let group: string | undefined;
  for (let k = 0; k < printedCount; k++) {
    const r = cls.headerRows + k;
    const tableRow = k < ownBody ? ctx.table.rows[r]! : undefined;
    const line: { cells: BodyCell[]; source?: Source } = tableRow
      ? { cells: shape.asMade[r] === 1 ? tableRow.cells : tableGrid(ctx.table)[r]!, source: tableRow.source }
      : { cells: ctx.extraRows[k - ownBody]! };
    for (let cells of unstack(line.cells, cls)) {
      if (cells.every((c) => c.text.trim() === '')) continue;
      if (isRepeatedHeader(cells, key)) continue;
      // A grid position always has its source; a cell as made has one only where it differs from its row's.
      const source = (cells[0]!.source ?? line.source)!;
      const realigned = realign(cells, cls, firstFigure);
      if (realigned) {
        cells = realigned.cells;
        diagnostics.push(diag('table-row-realigned', realigned.why, source));
      }
      const labelText = cls.labelColumn !== undefined ? cleanLabel(cells[cls.labelColumn]?.text ?? '') : '';
      const groupText = cls.groupColumn !== undefined ? cleanLabel(cells[cls.groupColumn]?.text ?? '') : '';
      const label = labelText || groupText;
      const marks = stripMarks(label);
      const total = TOTAL_WORD.test(marks);
      if (groupText && !isTotalLabel(groupText)) group = groupText;
      const figures = new RowFigures(width);
      for (const c of figureColumns) figures.set(c, readCellFigure(cells[c]?.text ?? ''));
      const subtotal = SUBTOTAL_WORD.test(marks) || (total && labelText !== '' && groupText !== '' && !isTotalLabel(groupText));
      // Every field in the literal, `group` too when there is none: a field added later takes extra room in each of a long table's rows.
      rows.push({
        cells,
        label,
        source,
        cellsAt: line.source ?? source,
        figures,
        total,
        subtotal,
        funding: namesFundingPart(label),
        group: group && ((labelText && !total && groupText !== labelText) || (total && subtotal)) ? group : undefined,
      });
    }
  }
  dropWordColumns(rows, cls);
  flagImplausible(rows, cls, diagnostics);
  return rows;
}

/** A column the vocabulary does not name holds figures only if most of its cells are numbers (not 사업기간, 주관부처). */
function dropWordColumns(rows: BodyRow[], cls: TableClass): void {
  for (const column of cls.columns) {
    if (column.role !== 'other') continue;
    const cells = rows.map((r) => r.figures.get(column.index)).filter((f): f is CellFigure => f !== undefined && !f.blank);
    const numbers = cells.filter((f) => f.value !== undefined || f.krw !== undefined).length;
    if (numbers * 2 >= cells.length && cells.length > 0) continue;
    for (const row of rows) row.figures.delete(column.index);
  }
}

/** The first figure in a column whose header is empty (not the name column), if any. */
export function figuresWithoutHeader(rows: BodyRow[], cls: TableClass): { text: string; source: Source } | undefined {
  for (const column of cls.columns) {
    if (column.path.length > 0 || column.index === cls.labelColumn || column.index === cls.groupColumn) continue;
    for (const row of rows) {
      const text = row.cells[column.index]?.text.trim() ?? '';
      if (text !== '' && readCellFigure(text).value !== undefined) return { text, source: row.source };
    }
  }
  return undefined;
}

function digitsOf(value: number): number {
  const t = Math.trunc(Math.abs(value));
  // Counted without a string below 10^15 (every power of ten there is exact); the printed length above.
  if (t >= 1e15) return String(t).length;
  let digits = 1;
  for (let p = 10; t >= p; p *= 10) digits++;
  return digits;
}

/** The median (lower middle) of `n` digit counts given as how many values have each count: a column of a long table has few distinct counts. */
function medianOfCounts(counts: number[], n: number): number {
  let left = Math.floor((n - 1) / 2);
  for (let d = 0; d < counts.length; d++) {
    left -= counts[d] ?? 0;
    if (left < 0) return d;
  }
  return 0;
}

/** A value ten thousand times the column's usual size, or a percentage over 1,000, is reported and left out. */
function flagImplausible(rows: BodyRow[], cls: TableClass, diagnostics: Diagnostic[]): void {
  for (const column of cls.columns) {
    // Only figure columns have figures (see readRows).
    if (!isFigureColumn(column, cls)) continue;
    const rate = RATE_ROLES.has(column.role);
    // Non-zero values: how many, how many have each digit count, and the largest rate or
    // digit count (when even that is plausible, no row is looked at again).
    let n = 0;
    const counts: number[] = [];
    let largest = 0;
    for (const row of rows) {
      const v = row.figures.get(column.index)?.value;
      if (v === undefined || v === 0) continue;
      n++;
      if (rate) {
        if (Math.abs(v) > largest) largest = Math.abs(v);
        continue;
      }
      const d = digitsOf(v);
      counts[d] = (counts[d] ?? 0) + 1;
      if (d > largest) largest = d;
    }
    if (n === 0) continue;
    if (rate ? !(largest > 1000) : n < 3) continue;
    const median = rate ? 0 : medianOfCounts(counts, n);
    if (!rate && largest < median + 4) continue;
    for (const row of rows) {
      const f = row.figures.get(column.index);
      if (f?.value === undefined) continue;
      const bad = rate ? Math.abs(f.value) > 1000 : digitsOf(f.value) >= median + 4;
      if (bad) {
        (row.implausible ??= new Set()).add(column.index);
        diagnostics.push(diag('table-value-implausible', `"${f.text.trim()}" in column "${column.path.join(' ')}" is implausible for that column (${rate ? 'over 1,000%' : `${digitsOf(f.value)} digits where the column has ${median}`}); not used`, row.source));
      }
    }
  }
}

export function reportUnreadable(rows: BodyRow[], cls: TableClass, diagnostics: Diagnostic[]): void {
  for (const row of rows) {
    for (const [index, f] of row.figures) {
      const column = cls.columns[index]!;
      // Words in a figure column (`직접 지원`, `미정`) are a note, not a misread number.
      if (!f.problem || (f.problem === 'unreadable' && !/\d/.test(f.text))) continue;
      const code = f.problem === 'several-numbers' ? 'table-cell-several-numbers' : 'table-cell-unreadable';
      diagnostics.push(
        diag(code, `cell "${f.text.replace(/\n/g, ' ').trim()}" in column "${column.path.join(' ')}" ${f.problem === 'several-numbers' ? 'holds several numbers and no header says what each is' : 'is not a number'}; not read`, row.source),
      );
    }
  }
}
