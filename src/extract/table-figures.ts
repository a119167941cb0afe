// Figures from the tables of any layout: budget lines and totals (budget
// execution, settlement and funding tables), one series per row of a
// multi-year table, targets with actuals, and diagnostics where the printed
// figures do not add up. Row hierarchy comes from arithmetic: a row whose
// figures equal the sum of the rows under it is a group, only leaves are
// lines. Units come from the table's declaration, its caption or the cell.
// Pure: layout in, figures out. Locations are the cells' sources.

import type { BudgetLine, BudgetTotal, Diagnostic, FundingPart, Quantity, Series, SeriesPoint, Source, Target } from '../model/types.js';
import { tableGrid, type Block, type GridCell, type Layout, type TableBlock } from '../layout/types.js';
import { MONEY_UNITS, parseCount, parseKoreanAmount, parseNumber } from './amounts.js';
import { collapseLetterSpacing, normalizeName } from './names.js';
import { parseDate } from './periods.js';
import { parseUnitDeclaration } from './tables.js';
import { foldFullWidth } from './text.js';
import {
  classifyTable,
  normalizeHeader,
  roleOfHeader,
  yearOf,
  type BudgetStage,
  type ColumnInfo,
  type ColumnRole,
  type TableClass,
} from './table-roles.js';

/** Diagnostic codes of this extractor, with their severity. */
export const TABLE_DIAGNOSTICS = {
  'table-total-mismatch': 'warning',
  'table-total-rounding': 'info',
  'table-settlement-mismatch': 'warning',
  'table-formula-mismatch': 'warning',
  'table-formula-rounding': 'info',
  'table-achievement-mismatch': 'warning',
  'table-cell-several-numbers': 'warning',
  'table-cell-unreadable': 'warning',
  'table-value-implausible': 'warning',
  'table-unit-missing': 'warning',
  'table-alternative-breakdown': 'info',
  'table-row-realigned': 'info',
  'table-header-misaligned': 'warning',
} as const satisfies Record<string, Diagnostic['severity']>;
export type TableDiagnosticCode = keyof typeof TABLE_DIAGNOSTICS;

function diag(code: TableDiagnosticCode, message: string, source: Source, severity: Diagnostic['severity'] = TABLE_DIAGNOSTICS[code]): Diagnostic {
  return { severity, code, message, source };
}

export interface TableSummary {
  source: Source;
  kind: TableClass['kind'];
  reasons: string[];
}

export interface TableFigures {
  budgetLines: BudgetLine[];
  budgetTotals: BudgetTotal[];
  series: Series[];
  targets: Target[];
  diagnostics: Diagnostic[];
  /** Every table read, with its kind and why (for `--debug`). */
  tables: TableSummary[];
}

// ---------------------------------------------------------------- cells

export interface CellFigure {
  text: string;
  blank: boolean;
  /** The figure in the table's printed unit (or the cell's own, converted: see `krw`). */
  value?: number;
  /** Money the cell states with its own unit (`1,081억원`), in 원. */
  krw?: number;
  /** A second number in the same cell: `[…]` (실집행액) or `(…)` (change). */
  second?: { kind: 'bracket' | 'paren'; value: number };
  /** `▲`: some documents mean increase, others decrease; compared by magnitude only. */
  ambiguousSign?: boolean;
  problem?: 'several-numbers' | 'unreadable';
  decimals: number;
  /** Printed with `%`: a share or rate, never money. */
  percent?: boolean;
  /** A footnote mark after the figure (`4,873*`): read, and the mark kept here. */
  footnote?: string;
}

const BLANK = /^[-–—‐·.]?$|^해당\s*없음$|^n\/?a$/i;

function readNumber(raw: string): { value?: number; ambiguous?: boolean; several?: boolean } {
  let s = foldFullWidth(raw).trim().replace(/^([△▽▲▼\-−–+])\s+/, '$1').replace(/\s*[%％]$/, '');
  let ambiguous = false;
  if (s.startsWith('▲')) {
    ambiguous = true;
    s = s.slice(1);
  } else if (s.startsWith('▼')) {
    s = `-${s.slice(1)}`;
  }
  // Digits on both sides of a space or line break are two figures, never one.
  if (/[\d)\]]\s+[(\[△▽▲▼\-−–+]?\d/.test(s)) return { several: true };
  const value = parseNumber(s);
  return value === undefined ? {} : { value, ambiguous };
}

/** One cell as figures: blank, one number, a number with a bracketed or parenthesised second, or unreadable. */
export function readCellFigure(text: string): CellFigure {
  const folded = foldFullWidth(text).trim();
  const mark = /^(.*\d[%％]?)\s*(\*{1,3}|※\d*|주\d+\)?|[¹²³⁴⁵⁶⁷⁸⁹])$/.exec(folded);
  const t = mark ? mark[1]! : folded;
  const decimals = /\.(\d+)\s*[%％]?\s*$/.exec(t)?.[1]?.length ?? 0;
  if (BLANK.test(t)) return { text, blank: true, decimals };
  const cell = readFigureText(text, t, decimals);
  if (mark) cell.footnote = mark[2]!;
  if (/[%％]\s*$/.test(t) && cell.value !== undefined && !cell.second) cell.percent = true;
  return cell;
}

function readFigureText(text: string, t: string, decimals: number): CellFigure {
  const bracket = /^([\s\S]*?\S)\s*\[([^\]]*)\]\s*$/.exec(t);
  const paren = bracket ? undefined : /^([\s\S]*?[\d,.])\s*\(([^)]*)\)\s*$/.exec(t);
  const split = bracket ?? paren;
  if (split) {
    const main = readNumber(split[1]!);
    const second = readNumber(split[2]!);
    if (main.value !== undefined && second.value !== undefined) {
      const cell: CellFigure = { text, blank: false, value: main.value, second: { kind: bracket ? 'bracket' : 'paren', value: second.value }, decimals };
      if (main.ambiguous) cell.ambiguousSign = true;
      return cell;
    }
  }
  const one = readNumber(t);
  if (one.several) return { text, blank: false, problem: 'several-numbers', decimals };
  if (one.value !== undefined) {
    const cell: CellFigure = { text, blank: false, value: one.value, decimals };
    if (one.ambiguous) cell.ambiguousSign = true;
    return cell;
  }
  // Money with its own unit (`307.9억원`, `1조 1,081억`).
  const amount = /[만억조]\s*원?$|\d\s*원$/.test(t) ? parseKoreanAmount(t) : undefined;
  if (amount && amount.maxKrw === undefined) return { text, blank: false, krw: amount.krw, decimals };
  return { text, blank: false, problem: 'unreadable', decimals };
}

// ---------------------------------------------------------------- tables in context

interface TableInContext {
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
function tablesInContext(blocks: Block[]): TableInContext[] {
  const out: TableInContext[] = [];
  let heading: string | undefined;
  let path: { level: number; text: string }[] = [];
  let last: { ctx: TableInContext; signature: string } | undefined;
  let subject: string | undefined;
  for (const block of blocks) {
    if (block.type === 'list-item' && isSubjectText(block.text)) subject = block.text.trim();
    if (block.type === 'heading') {
      subject = isSubjectText(block.text) ? block.text.replace(/^\s*(\d+|[IVXⅠ-Ⅹ]+|[가-하])[.)]\s*/, '').trim() : undefined;
      heading = block.text;
      path = [...path.filter((h) => h.level < block.level), { level: block.level, text: block.text }];
      last = undefined;
      continue;
    }
    if (block.type !== 'table') continue;
    const grid = tableGrid(block);
    const cls = classifyTable(block);
    const signature = headerSignature(grid, cls.headerRows);
    if (last && cls.headerRows > 0 && signature === last.signature && !block.caption) {
      last.ctx.extraRows.push(...grid.slice(cls.headerRows));
      continue;
    }
    const ctx: TableInContext = { table: block, extraRows: [], headings: path.map((h) => h.text) };
    if (subject) ctx.subject = subject;
    if (heading) ctx.heading = heading;
    if (block.caption) ctx.caption = block.caption;
    out.push(ctx);
    last = cls.headerRows > 0 ? { ctx, signature } : undefined;
  }
  return out;
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

/** The money unit: the table's declaration, else its caption, else the header cells (`사업비(천원)`). */
function moneyUnitOf(ctx: TableInContext, grid: GridCell[][], headerRows: number): { money?: string; units: string[] } {
  const declared = ctx.table.unit ? parseUnitDeclaration(`(단위: ${ctx.table.unit})`) : undefined;
  if (declared) return declared.money ? { money: declared.money, units: declared.units } : { units: declared.units };
  const fromCaption = ctx.caption ? parseUnitDeclaration(ctx.caption) : undefined;
  if (fromCaption) return fromCaption.money ? { money: fromCaption.money, units: fromCaption.units } : { units: fromCaption.units };
  // A caption that is only a unit in brackets: `(백만원)`.
  const bare = /^[(\[]\s*(천원|백만원|억원|만원|원|조원)\s*[)\]]$/.exec(foldFullWidth(ctx.caption ?? '').trim());
  if (bare) return { money: bare[1]!, units: [bare[1]!] };
  for (const row of grid.slice(0, headerRows)) {
    for (const cell of row) {
      const m = /\((천원|백만원|억원|만원|원|조원)\)/.exec(foldFullWidth(cell.text).replace(/\s+/g, ''));
      if (m) return { money: m[1]!, units: [m[1]!] };
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
  return collapseLetterSpacing(text.replace(/\n/g, ' '))
    .replace(/\s+/g, ' ')
    .replace(/^[○●◦▪■□◇◆․·ㆍ∙•\-–]\s*/, '')
    .replace(/\(\s*\)/g, '')
    .trim();
}

interface BodyRow {
  cells: GridCell[];
  label: string;
  group?: string;
  source: Source;
  figures: Map<number, CellFigure>;
  total: boolean;
  subtotal: boolean;
  funding: boolean;
  /** Excluded from sums: a value implausible for its column. */
  implausible: Set<number>;
}

const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set([
  'budget', 'executed', 'remaining', 'carriedOver', 'unused', 'year', 'funding', 'total', 'change', 'other', 'target', 'actual',
]);
const RATE_ROLES: ReadonlySet<ColumnRole> = new Set(['rate', 'changeRate', 'achievement']);

function isFigureColumn(c: ColumnInfo, cls: TableClass): boolean {
  return c.index !== cls.labelColumn && c.index !== cls.groupColumn && (FIGURE_ROLES.has(c.role) || RATE_ROLES.has(c.role));
}

/**
 * A row that lost a leading empty cell sits one column left of its header.
 * Each shift is scored by how many figure columns then hold a number; no shift wins ties.
 */
function bestShift(cells: GridCell[], columns: ColumnInfo[], cls: TableClass, shifts: number[]): number {
  const score = (shift: number) =>
    columns.filter((c) => isFigureColumn(c, cls) && c.role !== 'other' && readCellFigure(cells[c.index + shift]?.text ?? '').value !== undefined).length;
  let best = { shift: 0, score: score(0) };
  for (const shift of shifts) {
    const s = score(shift);
    if (s > best.score) best = { shift, score: s };
  }
  return best.shift;
}

function shifted(cells: GridCell[], shift: number): GridCell[] {
  return cells.map((cell, c) => cells[c + shift] ?? { ...cell, text: '' });
}

/**
 * Rows whose cells sit off their header columns, realigned on their figures:
 * - a row with a figure where its name should be lost a leading cell (shift left);
 * - a row whose name was cut into several cells (`일 | 반 | 회 | 계 | 7,361 …`, a
 *   letter-spaced label read as cells) has word cells where figures should be:
 *   the words join the name and the figures move back under their headers.
 * Rows with merged cells are as the reader made them and are left alone.
 */
function realign(cells: GridCell[], cls: TableClass): { cells: GridCell[]; why: string } | undefined {
  if (cls.labelColumn === undefined || cells.some((c) => c.spanned)) return undefined;
  const label = cls.labelColumn;
  const nameCell = cells[label]?.text ?? '';
  if (readCellFigure(nameCell).value !== undefined) {
    const shift = bestShift(cells, cls.columns, cls, [-1, 1, -2, 2]);
    if (shift === 0) return undefined;
    return { cells: shifted(cells, shift), why: `row has its cells ${Math.abs(shift)} column(s) off the header; realigned on its figures (group continues)` };
  }
  const firstFigure = cls.columns.find((c) => isFigureColumn(c, cls) && c.index > label);
  if (!firstFigure) return undefined;
  const words = (from: number, to: number) => cells.slice(from, to).every((c) => c.text.trim() !== '' && !/\d/.test(c.text));
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
function unstack(cells: GridCell[], cls: TableClass): GridCell[][] {
  if (cls.labelColumn === undefined || cells.some((c) => c.spanned)) return [cells];
  const lines = cells.map((c) => (c.text.trim() === '' ? [] : c.text.split('\n')));
  const n = lines[cls.labelColumn]!.length;
  if (n < 2 || lines.some((l) => l.length !== 0 && l.length !== n)) return [cells];
  const figureColumns = cls.columns.filter((c) => isFigureColumn(c, cls) && lines[c.index]!.length === n);
  if (figureColumns.length === 0) return [cells];
  const oneNumberEach = figureColumns.every((c) => lines[c.index]!.every((l) => BLANK.test(l.trim()) || readCellFigure(l).value !== undefined));
  if (!oneNumberEach) return [cells];
  return Array.from({ length: n }, (_, i) => cells.map((c, k) => ({ ...c, text: lines[k]!.length ? lines[k]![i]!.trim() : '' })));
}

function isRepeatedHeader(cells: GridCell[], headerGrid: GridCell[][]): boolean {
  const bottom = headerGrid[headerGrid.length - 1];
  if (!bottom) return false;
  const a = cells.map((c) => normalizeHeader(c.text)).join('|');
  return a === bottom.map((c) => normalizeHeader(c.text)).join('|') && a.replace(/\|/g, '') !== '';
}

function readRows(ctx: TableInContext, cls: TableClass, diagnostics: Diagnostic[]): BodyRow[] {
  const grid = tableGrid(ctx.table);
  const headerGrid = grid.slice(0, cls.headerRows);
  const body = [...grid.slice(cls.headerRows), ...ctx.extraRows].flatMap((cells) => unstack(cells, cls));
  const rows: BodyRow[] = [];
  let group: string | undefined;
  for (let cells of body) {
    if (cells.every((c) => c.text.trim() === '')) continue;
    if (isRepeatedHeader(cells, headerGrid)) continue;
    const source = cells[0]!.source;
    const realigned = realign(cells, cls);
    if (realigned) {
      cells = realigned.cells;
      diagnostics.push(diag('table-row-realigned', realigned.why, source));
    }
    const labelText = cls.labelColumn !== undefined ? cleanLabel(cells[cls.labelColumn]?.text ?? '') : '';
    const groupText = cls.groupColumn !== undefined ? cleanLabel(cells[cls.groupColumn]?.text ?? '') : '';
    const label = labelText || groupText;
    const total = isTotalLabel(label);
    if (groupText && !isTotalLabel(groupText)) group = groupText;
    const figures = new Map<number, CellFigure>();
    for (const c of cls.columns) if (isFigureColumn(c, cls)) figures.set(c.index, readCellFigure(cells[c.index]?.text ?? ''));
    const row: BodyRow = {
      cells,
      label,
      source,
      figures,
      total,
      subtotal: SUBTOTAL_WORD.test(stripMarks(label)) || (total && labelText !== '' && groupText !== '' && !isTotalLabel(groupText)),
      funding: roleOfHeader(label).role === 'funding',
      implausible: new Set(),
    };
    if (group && labelText && !total && groupText !== labelText) row.group = group;
    else if (group && total && row.subtotal) row.group = group;
    rows.push(row);
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
function figuresWithoutHeader(rows: BodyRow[], cls: TableClass): { text: string; source: Source } | undefined {
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
  return String(Math.trunc(Math.abs(value))).length;
}

/** A value ten thousand times the column's usual size, or a percentage over 1,000, is reported and left out. */
function flagImplausible(rows: BodyRow[], cls: TableClass, diagnostics: Diagnostic[]): void {
  for (const column of cls.columns) {
    const values = rows.map((r) => r.figures.get(column.index)?.value).filter((v): v is number => v !== undefined && v !== 0);
    if (values.length === 0) continue;
    const digits = values.map(digitsOf).sort((a, b) => a - b);
    const median = digits[Math.floor((digits.length - 1) / 2)]!;
    for (const row of rows) {
      const f = row.figures.get(column.index);
      if (f?.value === undefined) continue;
      const bad = RATE_ROLES.has(column.role) ? Math.abs(f.value) > 1000 : values.length >= 3 && digitsOf(f.value) >= median + 4;
      if (bad) {
        row.implausible.add(column.index);
        diagnostics.push(diag('table-value-implausible', `"${f.text.trim()}" in column "${column.path.join(' ')}" is implausible for that column (${RATE_ROLES.has(column.role) ? 'over 1,000%' : `${digitsOf(f.value)} digits where the column has ${median}`}); not used`, row.source));
      }
    }
  }
}

function reportUnreadable(rows: BodyRow[], cls: TableClass, diagnostics: Diagnostic[]): void {
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

// ---------------------------------------------------------------- hierarchy

type Vector = Map<number, number>;

interface Node {
  row: number;
  end: number;
  kids: Node[];
  kind: 'leaf' | 'group' | 'total';
}

function valueIn(row: BodyRow, column: number, mult: number): number | undefined {
  if (row.implausible.has(column)) return undefined;
  const f = row.figures.get(column);
  if (!f || f.percent) return undefined;
  if (f.value !== undefined) return f.value;
  if (f.krw !== undefined) return f.krw / mult;
  return f.blank ? 0 : undefined;
}

/**
 * A row's figures by column: blank cells absent, NaN where the cell is not a
 * figure (words, unreadable), so no sum uses it.
 */
function vectorOf(row: BodyRow, columns: number[], mult: number): Vector {
  const v: Vector = new Map();
  for (const c of columns) {
    if (row.figures.get(c)?.blank && !row.implausible.has(c)) continue;
    v.set(c, valueIn(row, c, mult) ?? NaN);
  }
  return v;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Equal in every column both know, and at least one known column is not zero.
 * A column blank in every part (`-` under a printed total) says nothing either way.
 */
function equalVectors(a: Vector, b: Vector, columns: number[]): boolean {
  let compared = 0;
  for (const c of columns) {
    if (!a.has(c) && !b.has(c)) continue;
    if (!a.has(c) || !b.has(c)) {
      if ((a.get(c) ?? b.get(c)) === 0) continue;
      // Parts all blank where the sum is printed: not comparable.
      continue;
    }
    const x = a.get(c)!;
    const y = b.get(c)!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (!close(x, y)) return false;
    if (x !== 0) compared++;
  }
  return compared > 0;
}

function nonZero(v: Vector): boolean {
  return [...v.values()].some((x) => x !== 0 && !Number.isNaN(x));
}

function addInto(acc: Vector, v: Vector): void {
  for (const [c, x] of v) acc.set(c, (acc.get(c) ?? 0) + x);
}

interface Hierarchy {
  nodes: Node[];
  /** Kind per row index. */
  kinds: Node['kind'][];
  /** Nearest group row above each row, when arithmetic found one. */
  parent: (number | undefined)[];
  /** Rows under a second total that repeats an earlier one: another breakdown of the same money. */
  alternative: Set<number>;
}

/**
 * Rows to a tree by arithmetic. A row is a group when the rows after it, read
 * as nodes themselves, add up to it in every figure column (at least two of
 * them non-zero, or one under a row labelled as a total). 합계/소계 rows at the
 * end of a run are checked against the run above them. Where a labelled total
 * does not add up, a finding says so and its rows stay leaves.
 */
function buildHierarchy(rows: BodyRow[], columns: number[], mult: number, diagnostics: Diagnostic[], units: string, names: string[]): Hierarchy {
  const vectors = rows.map((r) => vectorOf(r, columns, mult));
  const kinds: Node['kind'][] = rows.map(() => 'leaf');
  const parent: (number | undefined)[] = rows.map(() => undefined);
  const memo = new Map<number, Node | null>();
  const sameGroup = (i: number, j: number) => rows[i]!.group === rows[j]!.group || rows[i]!.group === undefined || rows[i]!.total && !rows[i]!.subtotal;

  const tryGroup = (i: number): Node | undefined => {
    if (memo.has(i)) return memo.get(i) ?? undefined;
    memo.set(i, null);
    const target = vectors[i]!;
    const row = rows[i]!;
    if (!nonZero(target)) return undefined;
    const acc: Vector = new Map();
    const kids: Node[] = [];
    let nonZeroKids = 0;
    let j = i + 1;
    const positive = [...target.values()].every((x) => Number.isNaN(x) || x >= 0);
    while (j < rows.length) {
      const next = rows[j]!;
      if (next.total && !(row.total && next.subtotal)) break;
      if (!sameGroup(i, j)) break;
      const kid = tryGroup(j) ?? { row: j, end: j + 1, kids: [], kind: 'leaf' as const };
      addInto(acc, vectors[kid.row]!);
      if (nonZero(vectors[kid.row]!)) nonZeroKids++;
      kids.push(kid);
      j = kid.end;
      if (equalVectors(acc, target, columns) && (nonZeroKids >= 2 || (row.total && nonZeroKids >= 1))) {
        // Trailing zero rows belong to the group too when they share it.
        const node: Node = { row: i, end: j, kids, kind: row.total ? 'total' : 'group' };
        memo.set(i, node);
        return node;
      }
      if (positive && [...acc].some(([c, x]) => x > (target.get(c) ?? 0) + 1e-6)) break;
    }
    return undefined;
  };

  const nodes: Node[] = [];
  // Nodes since the last grand total (`grand`: closed runs; `run`: the open one).
  let run: Node[] = [];
  let grand: Node[] = [];
  let open: number | undefined;
  const alternative = new Set<number>();
  const totals: { vector: Vector; row: number }[] = [];
  // Totals are checked against the rows they stand for: a 소계 inside a 합계's scope counts
  // as its rows, so one misprinted 소계 is one finding, not two.
  const sumOf = (list: Node[]): Vector => {
    const sum: Vector = new Map();
    for (const n of list) addInto(sum, n.kind === 'total' && n.kids.length ? sumOf(n.kids) : vectors[n.row]!);
    return sum;
  };
  // A total printed above rows that do not add up to it: checked when its rows end.
  const closeOpen = () => {
    if (open === undefined) return;
    const scope = grand.concat(run);
    if (scope.length) checkTotal(rows[open]!, vectors[open]!, sumOf(scope), columns, scope.length, diagnostics, units, names);
    open = undefined;
  };
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    const node = tryGroup(i);
    if (row.total && !node) {
      const pending = row.subtotal ? run : grand.concat(run);
      if (pending.length > 0) {
        // A total after its rows: 소계 covers the run since the last total, 합계 everything since the last grand total.
        checkTotal(row, vectors[i]!, sumOf(pending), columns, pending.length, diagnostics, units, names);
        const covered: Node = { row: i, end: i + 1, kids: pending, kind: 'total' };
        nodes.push(covered);
        kinds[i] = 'total';
        if (row.subtotal) {
          grand = grand.concat([covered]);
          run = [];
        } else {
          if (open !== undefined) open = undefined;
          grand = [];
          run = [];
        }
      } else {
        closeOpen();
        open = i;
        totals.push({ vector: vectors[i]!, row: i });
        kinds[i] = 'total';
        nodes.push({ row: i, end: i + 1, kids: [], kind: 'total' });
      }
      i++;
      continue;
    }
    // A row after its rows that adds them up (a department under its programs) closes the run.
    const v = vectors[i]!;
    if (!node && !row.total && run.length >= 2 && bottomGroupHint(row, v)) {
      const sum = sumOf(run);
      if (equalVectors(sum, v, columns) && run.filter((n) => vectors[n.row] && nonZero(vectors[n.row]!)).length >= 2) {
        const group: Node = { row: i, end: i + 1, kids: run, kind: 'group' };
        markKinds(group, kinds, parent, undefined);
        nodes.push(group);
        grand = grand.concat([group]);
        run = [];
        i++;
        continue;
      }
    }
    const current = node ?? { row: i, end: i + 1, kids: [], kind: 'leaf' as const };
    if (current.kind !== 'leaf') {
      const vector = vectors[i]!;
      const repeat = row.total ? totals.find((t) => equalVectors(t.vector, vector, columns)) : undefined;
      if (repeat) {
        for (let k = i; k < current.end; k++) alternative.add(k);
        diagnostics.push(diag('table-alternative-breakdown', `"${row.label}" repeats the total of "${rows[repeat.row]!.label}": its rows break the same money down another way and are not counted again`, row.source));
      }
      if (row.total) totals.push({ vector, row: i });
    }
    markKinds(current, kinds, parent, undefined);
    nodes.push(current);
    if (current.kind === 'total') {
      closeOpen();
      grand = [];
      run = [];
    } else run.push(current);
    i = current.end;
  }
  closeOpen();
  return { nodes, kinds, parent, alternative };
}

/**
 * A row below its rows is taken for their group only with a sign beyond the sum:
 * two or more figures, or a count of items in its label (`미래전략부(3건)`).
 */
function bottomGroupHint(row: BodyRow, v: Vector): boolean {
  return [...v.values()].filter((x) => x !== 0 && !Number.isNaN(x)).length >= 2 || /\(\s*\d+\s*(건|개|개사|개소|개\s*사업)\s*\)/.test(row.label);
}

function markKinds(node: Node, kinds: Node['kind'][], parent: (number | undefined)[], up: number | undefined): void {
  kinds[node.row] = node.kind;
  parent[node.row] = up;
  for (const kid of node.kids) markKinds(kid, kinds, parent, node.kind === 'group' ? node.row : up);
}

function checkTotal(row: BodyRow, stated: Vector, sum: Vector, columns: number[], parts: number, diagnostics: Diagnostic[], units: string, names: string[]): void {
  for (const c of columns) {
    const s = stated.get(c);
    const computed = sum.get(c);
    if (s === undefined || computed === undefined || Number.isNaN(s) || Number.isNaN(computed) || close(s, computed)) continue;
    // Each part was rounded to the printed unit: half a unit per part explains a difference.
    const rounding = Math.abs(s - computed) <= Math.max(1, Math.ceil(parts / 2));
    diagnostics.push(
      diag(
        rounding ? 'table-total-rounding' : 'table-total-mismatch',
        `"${row.label}" states ${fmt(s)}${names[c] ? ` under "${names[c]}"` : ''} but the ${parts} row(s) it covers add up to ${fmt(computed)}${units ? ` (${units})` : ''}${rounding ? ', within rounding of the printed parts' : ''}`,
        row.source,
      ),
    );
    return;
  }
}

function fmt(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

// ---------------------------------------------------------------- formulas

/** Checks of columns whose header states a formula over lettered columns: `(B-A)`, `(B-A)/A`, `(A+B)`. */
function checkFormulas(rows: BodyRow[], cls: TableClass, mult: number, diagnostics: Diagnostic[]): void {
  const lettered = new Map<string, number>();
  for (const c of cls.columns) if (c.formula?.letter) lettered.set(c.formula.letter, c.index);
  for (const c of cls.columns) {
    const expression = c.formula?.expression;
    if (!expression) continue;
    const share = /^([A-Z])\/([A-Z])$/.exec(expression);
    const ratio = /^\(([A-Z])([-+])([A-Z])\)\/([A-Z])$/.exec(expression);
    const terms = ratio ? undefined : /^[A-Z](?:[-+][A-Z])+$/.test(expression) ? expression.match(/[-+]?[A-Z]/g) ?? [] : undefined;
    for (const row of rows) {
      const stated = row.figures.get(c.index);
      if (stated?.value === undefined || row.implausible.has(c.index)) continue;
      const get = (letter: string) => {
        const col = lettered.get(letter);
        return col === undefined ? undefined : valueIn(row, col, mult);
      };
      let computed: number | undefined;
      if (share) {
        const [part, whole] = [get(share[1]!), get(share[2]!)];
        if (part !== undefined && whole) computed = (part / whole) * 100;
      } else if (ratio) {
        const [a, b, base] = [get(ratio[1]!), get(ratio[3]!), get(ratio[4]!)];
        if (a !== undefined && b !== undefined && base) computed = ((ratio[2] === '-' ? a - b : a + b) / base) * 100;
      } else if (terms) {
        let sum = 0;
        let ok = true;
        for (const term of terms) {
          const x = get(term.replace(/[-+]/, ''));
          if (x === undefined) ok = false;
          else sum += term.startsWith('-') ? -x : x;
        }
        if (ok) computed = sum;
      }
      if (computed === undefined) continue;
      compareStated(row, c, stated, computed, ratio || share ? 'percent' : 'amount', `${c.path.join(' ')} = ${expression}`, diagnostics);
    }
  }
}

/**
 * Stated against computed. Amounts: equal, or within one printed unit (rounding) →
 * info. Percentages: within half the last printed digit is equal, within one
 * digit is rounding → info. `▲` values compare by magnitude.
 */
function compareStated(row: BodyRow, column: ColumnInfo, stated: CellFigure, computed: number, kind: 'percent' | 'amount', what: string, diagnostics: Diagnostic[]): void {
  const s = stated.value!;
  const [a, b] = stated.ambiguousSign ? [Math.abs(s), Math.abs(computed)] : [s, computed];
  const step = kind === 'percent' ? 10 ** -stated.decimals : 1;
  const diff = Math.abs(a - b);
  if (diff <= (kind === 'percent' ? step / 2 : 0) + 1e-9) return;
  const rounding = diff <= step + 1e-9;
  diagnostics.push(
    diag(
      rounding ? 'table-formula-rounding' : 'table-formula-mismatch',
      `"${row.label}": ${what} states ${stated.text.replace(/\s+/g, ' ').trim()} but the columns give ${kind === 'percent' ? computed.toFixed(Math.max(1, stated.decimals)) : fmt(computed)}${rounding ? ' (within rounding)' : ''}`,
      row.source,
    ),
  );
  void column;
}

/**
 * A column headed 계/합계 beside its parts (years, funding parts, departments under
 * the same header) equals their sum in every row where all are printed.
 */
function checkTotalColumns(rows: BodyRow[], cls: TableClass, mult: number, diagnostics: Diagnostic[]): void {
  const parentOf = (c: ColumnInfo) => c.path.slice(0, -1).join('/');
  for (const total of cls.columns.filter((c) => c.role === 'total')) {
    const parts = cls.columns.filter(
      (c) => c !== total && parentOf(c) === parentOf(total) && c.path.length === total.path.length && isFigureColumn(c, cls) && ['year', 'funding', 'other'].includes(c.role) && !c.year?.bucket,
    );
    if (parts.length < 2) continue;
    for (const row of rows) {
      const stated = row.figures.get(total.index);
      const t = valueIn(row, total.index, mult);
      if (stated?.value === undefined || t === undefined) continue;
      let sum = 0;
      let known = 0;
      for (const part of parts) {
        const v = valueIn(row, part.index, mult);
        if (v === undefined) {
          sum = NaN;
          break;
        }
        if (!row.figures.get(part.index)?.blank) known++;
        sum += v;
      }
      if (Number.isNaN(sum) || known === 0) continue;
      compareStated(row, total, stated, sum, 'amount', `${total.path.join(' ')} = ${parts.map((p) => p.path[p.path.length - 1]).join(' + ')}`, diagnostics);
    }
  }
}

// ---------------------------------------------------------------- quantities

interface Units {
  money?: string;
  mult: number;
  units: string[];
}

function moneyQuantity(row: BodyRow, column: ColumnInfo | undefined, units: Units): Quantity | undefined {
  if (!column || row.implausible.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  if (!f || f.percent) return undefined;
  const source = sourceOfCell(row, column.index);
  if (f.krw !== undefined) return { value: f.krw, unit: '원', source };
  if (f.value === undefined || !units.money) return undefined;
  return { value: Math.round(f.value * units.mult), unit: '원', source };
}

function secondQuantity(row: BodyRow, column: ColumnInfo | undefined, units: Units, kind: 'bracket' | 'paren'): Quantity | undefined {
  if (!column || !units.money) return undefined;
  const f = row.figures.get(column.index);
  if (f?.second?.kind !== kind) return undefined;
  return { value: Math.round(f.second.value * units.mult), unit: '원', source: sourceOfCell(row, column.index) };
}

function percentQuantity(row: BodyRow, column: ColumnInfo | undefined): Quantity | undefined {
  if (!column || row.implausible.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  if (f?.value === undefined) return undefined;
  return { value: f.value, unit: '%', decimals: f.decimals, source: sourceOfCell(row, column.index) };
}

function sourceOfCell(row: BodyRow, column: number): Source {
  return row.cells[column]?.source ?? row.source;
}

// ---------------------------------------------------------------- budget lines

/** Which budget column a line takes when a table prints several: the money the year actually has. */
const STAGE_FOR_LINES: (BudgetStage | undefined)[] = ['current', undefined, 'final', 'revised', 'allocated', 'original', 'plan', 'proposal'];
/** Which column a year's point takes: the latest decision about that year. */
const STAGE_FOR_POINTS: (BudgetStage | 'year' | 'executed')[] = ['final', 'revised', 'current', 'original', 'allocated', 'year', 'plan', 'proposal', 'executed'];

const STAGE_WORD: Record<BudgetStage, string> = {
  original: '본예산',
  revised: '추경',
  current: '예산현액',
  proposal: '정부안',
  final: '확정',
  plan: '계획',
  allocated: '배정',
  settled: '결산',
};

function pickBudget(columns: ColumnInfo[]): ColumnInfo | undefined {
  const budgets = columns.filter((c) => c.role === 'budget' && !c.excluded && !c.expected);
  for (const stage of STAGE_FOR_LINES) {
    const found = budgets.find((c) => c.stage === stage);
    if (found) return found;
  }
  return budgets[0];
}

function first(columns: ColumnInfo[], role: ColumnRole): ColumnInfo | undefined {
  return columns.find((c) => c.role === role && !c.excluded && !c.expected);
}

function contextOf(ctx: TableInContext): string | undefined {
  const raw = (ctx.caption ?? ctx.heading ?? '').replace(/[<>〈〉《》【】\[\]□■○◦▪❍]/g, ' ').replace(/\(단위[^)]*\)/g, '');
  const text = collapseLetterSpacing(raw).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function lineFromRow(row: BodyRow, columns: ColumnInfo[], units: Units, year: string | undefined, noteColumn: ColumnInfo | undefined): BudgetLine {
  const budgetColumn = pickBudget(columns) ?? columns.find((c) => c.role === 'year' || c.role === 'total');
  const executedColumn = first(columns, 'executed');
  const line: BudgetLine = { program: row.label, normalizedName: normalizeName(row.label), source: row.source };
  if (row.group) line.group = row.group;
  const budget = moneyQuantity(row, budgetColumn, units);
  if (budget) line.budget = budget;
  const basis = budgetColumn && budgetColumn.role === 'budget' ? basisWord(budgetColumn) : undefined;
  if (basis) line.budgetBasis = basis;
  const executed = moneyQuantity(row, executedColumn, units);
  if (executed) line.executed = executed;
  const disbursed = secondQuantity(row, executedColumn, units, 'bracket');
  if (disbursed) line.disbursed = disbursed;
  const remaining = moneyQuantity(row, first(columns, 'remaining'), units);
  if (remaining) line.remaining = remaining;
  const rate = percentQuantity(row, first(columns, 'rate'));
  if (rate) line.statedRate = rate;
  const carried = moneyQuantity(row, first(columns, 'carriedOver'), units);
  if (carried) line.carriedOver = carried;
  const unused = moneyQuantity(row, first(columns, 'unused'), units);
  if (unused) line.unused = unused;
  if (year) line.year = year;
  const funding: FundingPart[] = [];
  for (const c of columns.filter((x) => x.role === 'funding')) {
    const amount = moneyQuantity(row, c, units);
    if (amount) funding.push({ name: normalizeHeader(c.path[c.path.length - 1] ?? ''), amount });
  }
  if (funding.length) line.funding = funding;
  const note = noteColumn ? row.cells[noteColumn.index]?.text.trim() : undefined;
  if (note && !/^[-–—]?$/.test(note)) {
    const date = parseDate(note);
    if (date) line.allocationDate = date;
    else {
      line.status = note;
      if (/^미\s*(교부|배정|집행\s*교부)/.test(note.replace(/\s+/g, ''))) line.unallocated = true;
    }
  }
  return line;
}

function totalFromLine(line: BudgetLine, group: string | undefined): BudgetTotal {
  const total: BudgetTotal = { label: line.program.replace(/\s+/g, ''), source: line.source };
  if (group) total.group = group;
  for (const key of ['budget', 'executed', 'remaining', 'statedRate', 'carriedOver', 'unused', 'disbursed'] as const) {
    const q = line[key];
    if (q) total[key] = q;
  }
  if (line.year) total.year = line.year;
  return total;
}

/** The settlement identity: 현액 = 집행 + 이월 + 불용 (blank parts are zero). */
function checkSettlement(line: BudgetLine | BudgetTotal, row: BodyRow, units: Units, diagnostics: Diagnostic[]): void {
  if (!line.budget || !line.executed || !units.money) return;
  if (!line.carriedOver && !line.unused && !row.figures.size) return;
  const parts = line.executed.value + (line.carriedOver?.value ?? 0) + (line.unused?.value ?? 0);
  if (parts === line.budget.value) return;
  const label = 'program' in line ? line.program : line.label;
  diagnostics.push(
    diag(
      'table-settlement-mismatch',
      `"${label}": budget ${fmt(line.budget.value / units.mult)} ≠ executed ${fmt(line.executed.value / units.mult)} + carried over ${fmt((line.carriedOver?.value ?? 0) / units.mult)} + unused ${fmt((line.unused?.value ?? 0) / units.mult)} = ${fmt(parts / units.mult)} (${units.money})`,
      row.source,
    ),
  );
}

interface Emit {
  lines: BudgetLine[];
  totals: BudgetTotal[];
}

/** Lines from leaves, totals from groups and total rows; funding-part rows and alternative breakdowns are never lines. */
function emitLines(rows: BodyRow[], h: Hierarchy, columns: ColumnInfo[], units: Units, year: string | undefined, settlement: boolean, diagnostics: Diagnostic[]): Emit {
  const note = columns.find((c) => c.role === 'note');
  const out: Emit = { lines: [], totals: [] };
  rows.forEach((row, i) => {
    if (h.alternative.has(i)) return;
    const line = lineFromRow(row, columns, units, year, note);
    const parentLabel = h.parent[i] !== undefined ? rows[h.parent[i]!]!.label : undefined;
    if (h.kinds[i] === 'leaf' && !row.total) {
      if (row.funding || !row.label) return;
      if (!line.budget && !line.executed) return;
      if (!line.group && parentLabel) line.group = parentLabel;
      if (settlement) checkSettlement(line, row, units, diagnostics);
      out.lines.push(line);
      return;
    }
    const total = totalFromLine(line, h.kinds[i] === 'group' ? undefined : row.subtotal ? row.group : undefined);
    if (h.kinds[i] === 'group' && parentLabel) total.group = parentLabel;
    if (settlement) checkSettlement(total, row, units, diagnostics);
    out.totals.push(total);
  });
  return out;
}

// ---------------------------------------------------------------- per kind

function columnNames(cls: TableClass): string[] {
  return cls.columns.map((c) => c.path.join(' '));
}

function figureColumns(cls: TableClass, keep: (c: ColumnInfo) => boolean = () => true): number[] {
  return cls.columns.filter((c) => isFigureColumn(c, cls) && !RATE_ROLES.has(c.role) && keep(c)).map((c) => c.index);
}

function budgetTable(rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  // Every year's columns are evidence for the hierarchy, whichever year a line is for.
  const h = buildHierarchy(rows, figureColumns(cls), units.mult, out.diagnostics, units.money ?? '', columnNames(cls));
  linesByYear(rows, h, cls, units, out);
}

const YEAR_LINE_ROLES: ReadonlySet<ColumnRole> = new Set(['budget', 'executed', 'year', 'carriedOver', 'unused', 'remaining']);

/** Single years (not `이전`/`이후` buckets, not year-end balances) that have line figures. */
function lineYears(cls: TableClass): string[] {
  const years = new Set<string>();
  for (const c of cls.columns) if (c.year && !c.year.bucket && !c.year.end && YEAR_LINE_ROLES.has(c.role)) years.add(c.year.year);
  return [...years].sort();
}

/** The columns of one year, with the note columns; a column headed by the year alone is its budget. */
function columnsOfYear(cls: TableClass, year: string): ColumnInfo[] {
  return cls.columns
    .filter((c) => (c.year?.year === year && !c.year.bucket && !c.year.end) || c.role === 'note')
    .map((c) => (c.role === 'year' ? { ...c, role: 'budget' as const } : c));
}

/**
 * Lines (and totals) for each year a table gives figures for, each with its
 * `year`; a table without years gives one set. Lines of different years are
 * never to be summed together. A settlement year is checked (현액 = 집행 + 이월 + 불용)
 * only where its 이월/불용 are settled, not forecast.
 */
function linesByYear(rows: BodyRow[], h: Hierarchy, cls: TableClass, units: Units, out: TableFigures): void {
  const settlement = cls.kind === 'settlement';
  const years = lineYears(cls);
  const sets: { year?: string; columns: ColumnInfo[] }[] =
    years.length >= 2 ? years.map((year) => ({ year, columns: columnsOfYear(cls, year) })) : [{ ...(years[0] ? { year: years[0] } : {}), columns: cls.columns.map((c) => (c.role === 'year' ? { ...c, role: 'budget' as const } : c)) }];
  for (const set of sets) {
    const check = settlement && set.columns.some((c) => (c.role === 'carriedOver' || c.role === 'unused') && !c.expected && !c.excluded);
    const emitted = emitLines(rows, h, set.columns, units, set.year, check, out.diagnostics);
    out.budgetLines.push(...emitted.lines);
    // Totals are kept to verify lines; a table of funding parts alone has none to verify.
    if (emitted.lines.length) out.budgetTotals.push(...emitted.totals);
  }
}

function pointColumn(columns: ColumnInfo[], year: string): ColumnInfo | undefined {
  const inYear = columns.filter((c) => c.year?.year === year && !c.year.bucket && !c.year.end && !c.excluded && !c.expected && (c.role === 'budget' || c.role === 'executed' || c.role === 'year'));
  for (const stage of STAGE_FOR_POINTS) {
    const found = inYear.find((c) => (stage === 'year' ? c.role === 'year' : stage === 'executed' ? c.role === 'executed' : c.role === 'budget' && c.stage === stage));
    if (found) return found;
  }
  return inYear.find((c) => c.role === 'budget');
}

/** The budget word a column is headed with, as printed (`본예산`, `수정`, `확정`, `결산`), without years or letters. */
export function basisWord(column: ColumnInfo): string | undefined {
  for (let i = column.path.length - 1; i >= 0; i--) {
    const meaning = roleOfHeader(column.path[i]!);
    if (meaning.role === 'budget' || meaning.role === 'executed') {
      const word = normalizeHeader(column.path[i]!)
        .replace(/(?:19|20)\d{2}(?:년도|년)?|['’‘]\d{2}(?:년도|년)?/g, '')
        .replace(/\[.*\]$/, '');
      return column.stage ? word || STAGE_WORD[column.stage] : undefined;
    }
  }
  return column.stage ? STAGE_WORD[column.stage] : undefined;
}

function pointFlag(column: ColumnInfo): string[] {
  const word = column.role === 'year' ? undefined : basisWord(column);
  return word ? [word] : [];
}

function seriesValue(row: BodyRow, column: ColumnInfo, units: Units, rowUnit: string | undefined): { value: number; unit: string } | undefined {
  if (row.implausible.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  if (!f) return undefined;
  if (f.krw !== undefined) return { value: f.krw, unit: '원' };
  if (f.value === undefined) return undefined;
  // A figure printed with % is a share or a rate whatever the table's unit.
  if (f.percent) return { value: f.value, unit: '%' };
  if (rowUnit === '') return undefined;
  const unit = rowUnit ?? units.money ?? units.units[0];
  if (!unit) return undefined;
  const mult = MONEY_UNITS[unit];
  return mult !== undefined ? { value: Math.round(f.value * mult), unit: '원' } : { value: f.value, unit };
}

/** Count nouns that a row label ending in them implies (`건수` counts 건). */
const COUNT_LABELS: readonly [RegExp, string][] = [
  [/건수$/, '건'],
  [/(인원|인원수|명수)$/, '명'],
  [/횟수$/, '회'],
  [/(개수|개소수)$/, '개'],
];

/**
 * A row's own unit. A row that counts (`건수`, `인원`, `…수`) is never money: it takes the
 * declared count unit (`단위 : 건, 천원`), else the noun its label implies, else '' (unknown).
 * Other rows take the money unit.
 */
function rowUnit(label: string, units: Units): string | undefined {
  const name = label.replace(/\s+/g, '');
  // 이익률, 달성률, 비중: rates and shares are never money.
  if (/(률|율|비중|비율|점유율)(\(%\))?$/.test(name) || /\(%\)$/.test(name)) return '%';
  const counts = units.units.filter((u) => MONEY_UNITS[u] === undefined);
  if (/(수|인원)$/.test(name) && !/(예산|사업비|금액|액)$/.test(name)) {
    return counts[0] ?? COUNT_LABELS.find(([re]) => re.test(name))?.[1] ?? '';
  }
  // `(단위: 백만원, ha)`: what is not named as money takes the other unit (% is for rates, above).
  const others = counts.filter((u) => u !== '%');
  if (units.money && others.length === 1 && !isMoneyName(name)) return others[0];
  return undefined;
}

/** A name that says money: a budget, execution or funding word, or a noun of money (…비, …액, …금, 예산). */
export function isMoneyName(name: string): boolean {
  const role = roleOfHeader(name).role;
  if (role && ['budget', 'executed', 'remaining', 'carriedOver', 'unused', 'funding', 'total'].includes(role)) return true;
  return /(비|액|금|예산|비용|원|회계|기금|재원|투자|지출|수입|세입|세출)$/.test(name.replace(/\s+/g, '').replace(/\(.*\)$/, ''));
}

function isBudgetContext(ctx: TableInContext, cls: TableClass): boolean {
  const text = `${ctx.caption ?? ''} ${ctx.headings.join(' ')} ${ctx.table.unit ?? ''}`.replace(/\s+/g, '');
  return cls.columns.some((c) => c.role === 'budget') || /예산|세출|사업비/.test(text);
}

function multiYearTable(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  const context = contextOf(ctx);
  const years = [...new Set(cls.columns.filter((c) => c.year && !c.year.bucket && !c.year.end).map((c) => c.year!.year))].sort();
  const pointColumns = years.map((y) => [y, pointColumn(cls.columns, y)] as const).filter((p): p is readonly [string, ColumnInfo] => p[1] !== undefined);
  // A long series folded into blocks restates its years in a body row (`사업연도 | 2003 | 2004 …`):
  // the rows below take those years, not the header's.
  let block: (readonly [string, ColumnInfo])[] | undefined;
  const inBlock = new Set<BodyRow>();
  const tableSeries: Series[] = [];
  const dataRows: BodyRow[] = [];
  for (const row of rows) {
    const restated = restatedYears(row, cls);
    if (restated) {
      block = restated;
      continue;
    }
    dataRows.push(row);
    if (block) inBlock.add(row);
    if (!row.label) continue;
    const unitOfRow = rowUnit(row.label, units);
    if (unitOfRow === '' && row.figures.size) {
      out.diagnostics.push(diag('table-unit-missing', `row "${row.label}" counts something, but the table declares no count unit; its figures are not read`, row.source));
      continue;
    }
    const points: SeriesPoint[] = [];
    const seen = new Set<string>();
    for (const [year, column] of block ?? pointColumns) {
      const v = seriesValue(row, column, units, unitOfRow);
      if (!v) continue;
      seen.add(v.unit);
      points.push({ period: year, value: v.value, flags: pointFlag(column), source: sourceOfCell(row, column.index) });
    }
    // Points in different units (a % among amounts) are not one series.
    if (points.length < 2 || seen.size !== 1) continue;
    const unit = [...seen][0]!;
    const generic = row.total || row.funding;
    const name = row.group && row.group !== row.label ? `${row.group} ${row.label}` : row.label;
    const indicator = generic && context ? `${context} ${name}` : name;
    // The same indicator in a later block continues its series.
    const earlier = block ? tableSeries.find((x) => x.indicator === indicator && x.unit === unit) : undefined;
    if (earlier && points.every((p) => earlier.points.every((q) => q.period < p.period))) {
      earlier.points.push(...points);
      continue;
    }
    const s: Series = { indicator, unit, flags: [], points, source: row.source };
    if (context && !generic) s.group = context;
    tableSeries.push(s);
  }
  out.series.push(...tableSeries);
  // Change columns without letters compare the two latest years.
  const change = cls.columns.find((c) => c.role === 'change' && !c.formula?.expression);
  const changeRate = cls.columns.find((c) => c.role === 'changeRate' && !c.formula?.expression);
  const latest = pointColumns[pointColumns.length - 1];
  const before = pointColumns[pointColumns.length - 2];
  if (latest && before && (change || changeRate)) {
    for (const row of dataRows) {
      if (inBlock.has(row)) continue;
      const a = valueIn(row, before[1].index, units.mult);
      const b = valueIn(row, latest[1].index, units.mult);
      if (a === undefined || b === undefined) continue;
      const c = change ? row.figures.get(change.index) : undefined;
      if (change && c?.value !== undefined) compareStated(row, change, c, b - a, 'amount', `${change.path.join(' ')} (${latest[0]} − ${before[0]})`, out.diagnostics);
      const r = changeRate ? row.figures.get(changeRate.index) : undefined;
      if (changeRate && r?.value !== undefined && a !== 0) compareStated(row, changeRate, r, ((b - a) / a) * 100, 'percent', `${changeRate.path.join(' ')} (${latest[0]} over ${before[0]})`, out.diagnostics);
    }
  }
  // The hierarchy over every figure column; budget lines per year of a budget table.
  const h = buildHierarchy(dataRows, figureColumns(cls), units.mult, out.diagnostics, units.money ?? '', columnNames(cls));
  if (!isBudgetContext(ctx, cls) || !units.money || inBlock.size) return;
  linesByYear(dataRows, h, cls, units, out);
}

/** A body row whose figures are all years: the year columns of the rows below it. */
function restatedYears(row: BodyRow, cls: TableClass): (readonly [string, ColumnInfo])[] | undefined {
  const years: (readonly [string, ColumnInfo])[] = [];
  for (const column of cls.columns) {
    if (column.index === cls.labelColumn || column.index === cls.groupColumn) continue;
    const text = row.cells[column.index]?.text.trim() ?? '';
    if (text === '') continue;
    if (!/^(?:(?:19|20)\d{2}|['’‘]\d{2})\s*(?:년도|년)?$/.test(text)) return undefined;
    years.push([yearOf(text)!.year, { ...column, role: 'year' }]);
  }
  return years.length >= 2 ? years : undefined;
}

/** Words beside a year that qualify its figure: `2025(계획)`, `2024(잠정)`. */
function periodFlags(label: string): string[] {
  return PERIOD_WORDS.filter((w) => label.includes(w));
}
const PERIOD_WORDS = ['계획', '목표', '예정', '잠정', '추정', '전망', '예산', '실적', '누적'];

function yearsDownTable(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  const context = contextOf(ctx);
  for (const column of cls.columns) {
    if (!isFigureColumn(column, cls) || RATE_ROLES.has(column.role) || column.role === 'change') continue;
    const name = column.path.join(' ');
    const unitOfColumn = rowUnit(name, units);
    // A column of years that is not named as money, in a table that declares only money
    // (`인증면적` under `단위: 백만원`): its unit is not known, so it is not read.
    if (unitOfColumn === undefined && units.money && !isMoneyName(name)) {
      out.diagnostics.push(diag('table-unit-missing', `column "${name}" is not named as money and the table declares no other unit; its figures are not read`, ctx.table.source));
      continue;
    }
    const points: SeriesPoint[] = [];
    let unit = '';
    for (const row of rows) {
      const year = yearOf(row.label);
      if (!year || year.bucket || row.total) continue;
      const v = seriesValue(row, column, units, unitOfColumn);
      if (!v) continue;
      unit = v.unit;
      points.push({ period: year.year, value: v.value, flags: periodFlags(row.label), source: sourceOfCell(row, column.index) });
    }
    if (points.length < 2) continue;
    points.sort((a, b) => a.period.localeCompare(b.period));
    const s: Series = { indicator: name, unit, flags: [], points, source: points[0]!.source };
    if (context) s.group = context;
    out.series.push(s);
  }
  projectLinesByYear(ctx, rows, cls, units, out);
}

/**
 * One project's money by year (`연도 | 사업비 | 국비 | 도비 …` under the project's name):
 * a line per year for the project the table is about, with its funding parts. Without a
 * name above the table there is no program to give the lines to, and none are made.
 */
function projectLinesByYear(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  const budget = cls.columns.find((c) => c.role === 'budget' && !c.excluded && !c.expected);
  if (!budget || !units.money || !ctx.subject || !isBudgetContext(ctx, cls)) return;
  const funding = cls.columns.filter((c) => c.role === 'funding');
  for (const row of rows) {
    const year = yearOf(row.label);
    if (!year || year.bucket || row.total) continue;
    const amount = moneyQuantity(row, budget, units);
    if (!amount) continue;
    const line: BudgetLine = { program: ctx.subject, normalizedName: normalizeName(ctx.subject), budget: amount, year: year.year, source: row.source };
    const basis = basisWord(budget);
    if (basis) line.budgetBasis = basis;
    const flags = periodFlags(row.label);
    if (flags.length) line.status = flags.join(', ');
    const parts: FundingPart[] = [];
    for (const c of funding) {
      const q = moneyQuantity(row, c, units);
      if (q) parts.push({ name: normalizeHeader(c.path[c.path.length - 1] ?? ''), amount: q });
    }
    if (parts.length) line.funding = parts;
    out.budgetLines.push(line);
  }
}

function targetQuantity(row: BodyRow, column: ColumnInfo | undefined, unit: string): Quantity | undefined {
  if (!column || row.implausible.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  const source = sourceOfCell(row, column.index);
  const text = row.cells[column.index]?.text ?? '';
  if (f?.value === undefined) {
    const count = parseCount(text.replace(/\s+/g, ''));
    if (count) return { value: count.value, unit: count.unit || unit, source };
    return undefined;
  }
  const mult = MONEY_UNITS[unit];
  if (mult !== undefined) return { value: Math.round(f.value * mult), unit: '원', source };
  const q: Quantity = { value: f.value, unit: /%/.test(text) ? '%' : unit, source };
  if (f.decimals) q.decimals = f.decimals;
  return q;
}

function targetTable(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  const category = contextOf(ctx) ?? '';
  const unitColumn = cls.columns.find((c) => c.role === 'unit');
  const targets = cls.columns.filter((c) => c.role === 'target');
  const yearOfColumn = (c: ColumnInfo) => c.year?.year;
  for (const row of rows) {
    if (!row.label || row.total) continue;
    const unit = (unitColumn ? row.cells[unitColumn.index]?.text.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1') : undefined) || units.units[0] || units.money || '';
    const rowYear = cls.yearsDown ? yearOf(row.label)?.year : undefined;
    for (const tc of targets) {
      const year = yearOfColumn(tc) ?? rowYear;
      // The actual of the target's own year; a column without a year goes with any single target,
      // never an earlier year's actual with a later year's target.
      const sameYear = (role: ColumnRole) =>
        cls.columns.find((c) => c.role === role && yearOfColumn(c) === yearOfColumn(tc)) ??
        (targets.length === 1 ? cls.columns.find((c) => c.role === role && yearOfColumn(c) === undefined) : undefined);
      const target = targetQuantity(row, tc, unit);
      if (!target) continue;
      const t: Target = { category, indicator: cls.yearsDown ? category || row.label : row.label, unit: target.unit, target, source: row.source };
      if (year) t.targetYear = year;
      const actualColumn = sameYear('actual');
      const actual = targetQuantity(row, actualColumn, unit);
      if (actual) {
        t.actual = actual;
        const period = (actualColumn && yearOfColumn(actualColumn)) ?? rowYear;
        if (period) t.actualPeriod = period;
      }
      const achievementColumn = sameYear('achievement');
      const stated = percentQuantity(row, achievementColumn);
      if (stated) t.statedAchievement = stated;
      if (stated && actual && target.value !== 0) {
        const computed = (actual.value / target.value) * 100;
        const f = row.figures.get(achievementColumn!.index)!;
        const inverse = actual.value !== 0 ? (target.value / actual.value) * 100 : undefined;
        const half = 10 ** -f.decimals / 2 + 1e-9;
        // Lower-is-better indicators state target ÷ actual; that is not a mismatch.
        if (Math.abs(computed - f.value!) > half && !(inverse !== undefined && Math.abs(inverse - f.value!) <= half)) {
          out.diagnostics.push(
            diag('table-achievement-mismatch', `"${t.indicator}": achievement stated ${f.text.trim()} but actual ÷ target gives ${computed.toFixed(Math.max(1, f.decimals))}%`, sourceOfCell(row, achievementColumn!.index)),
          );
        }
      }
      out.targets.push(t);
    }
  }
  actualSeries(ctx, rows, cls, out);
}

/** Actuals printed for two or more years (`'22 실적 | '23 실적`) are also a series per indicator. */
function actualSeries(ctx: TableInContext, rows: BodyRow[], cls: TableClass, out: TableFigures): void {
  const actuals = cls.columns.filter((c) => c.role === 'actual' && c.year && !c.year.bucket);
  if (new Set(actuals.map((c) => c.year!.year)).size < 2 || cls.yearsDown) return;
  const unitColumn = cls.columns.find((c) => c.role === 'unit');
  const context = contextOf(ctx);
  for (const row of rows) {
    if (!row.label || row.total) continue;
    const unit = (unitColumn ? row.cells[unitColumn.index]?.text.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1') : undefined) || '';
    const points: SeriesPoint[] = [];
    const units = new Set<string>();
    for (const column of actuals) {
      const q = targetQuantity(row, column, unit);
      if (!q) continue;
      units.add(q.unit);
      points.push({ period: column.year!.year, value: q.value, flags: ['실적'], source: q.source });
    }
    if (points.length < 2 || units.size !== 1) continue;
    points.sort((a, b) => a.period.localeCompare(b.period));
    const s: Series = { indicator: row.label, unit: [...units][0]!, flags: [], points, source: row.source };
    if (context) s.group = context;
    out.series.push(s);
  }
}

// ---------------------------------------------------------------- entry

/** Figures from every table of a layout. Tables that hold no figures give none. */
export function figuresFromTables(layout: Layout): TableFigures {
  const out: TableFigures = { budgetLines: [], budgetTotals: [], series: [], targets: [], diagnostics: [], tables: [] };
  for (const ctx of tablesInContext(layout.blocks)) {
    const cls = classifyTable(ctx.table);
    out.tables.push({ source: ctx.table.source, kind: cls.kind, reasons: cls.reasons });
    const nonFigure = cls.kind === 'other' && cls.reasons.some((r) => /names staff|names no money/.test(r));
    // A table without any header row says nothing about what its figures are.
    if (nonFigure || cls.headerRows === 0) continue;
    const grid = tableGrid(ctx.table);
    const declared = moneyUnitOf(ctx, grid, cls.headerRows);
    const units: Units = { units: declared.units, mult: declared.money ? MONEY_UNITS[declared.money]! : 1 };
    if (declared.money) units.money = declared.money;
    const rows = readRows(ctx, cls, out.diagnostics);
    const orphan = figuresWithoutHeader(rows, cls);
    if (orphan) {
      // Figures under no header: the reader lost the columns' alignment, so no column
      // can be trusted to mean what its header says. Nothing is read, nothing is checked.
      // A warning where budget figures are lost; only a note for a table of other figures.
      const severity = cls.kind === 'other' ? 'info' : 'warning';
      out.diagnostics.push(diag('table-header-misaligned', `figure "${orphan.text}" stands under no header: the table's columns could not be aligned with its header; its figures are not read`, orphan.source, severity));
      continue;
    }
    // Cells of other tables are not read as figures, so their words are no one's concern.
    if (cls.kind !== 'other') reportUnreadable(rows, cls, out.diagnostics);
    const moneyTable =
      cls.kind === 'budget-execution' ||
      cls.kind === 'settlement' ||
      cls.kind === 'funding-breakdown' ||
      (cls.kind === 'multi-year-budget' && units.units.length === 0 && !rows.some((r) => [...r.figures.values()].some((f) => f.krw !== undefined)));
    if (moneyTable && !units.money) {
      out.diagnostics.push(diag('table-unit-missing', `table (${cls.kind}) declares no money unit (단위); its amounts are not read`, ctx.table.source));
      continue;
    }
    checkFormulas(rows, cls, units.mult, out.diagnostics);
    checkTotalColumns(rows, cls, units.mult, out.diagnostics);
    switch (cls.kind) {
      case 'budget-execution':
      case 'settlement':
      case 'funding-breakdown':
        budgetTable(rows, cls, units, out);
        break;
      case 'multi-year-budget':
        if (cls.yearsDown) yearsDownTable(ctx, rows, cls, units, out);
        else multiYearTable(ctx, rows, cls, units, out);
        break;
      case 'target-actual':
        targetTable(ctx, rows, cls, units, out);
        break;
      case 'other':
        // No figures to give, but a printed total that does not add up is still worth saying.
        if (rows.some((r) => r.total)) buildHierarchy(rows, figureColumns(cls), units.mult, out.diagnostics, units.money ?? '', columnNames(cls));
        break;
    }
  }
  return out;
}
