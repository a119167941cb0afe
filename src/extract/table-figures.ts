// Figures from the tables of any layout: budget lines and totals (budget
// execution, settlement and funding tables), one series per row of a
// multi-year table, targets with actuals, and diagnostics where the printed
// figures do not add up. Row hierarchy comes from arithmetic: a row whose
// figures equal the sum of the rows under it is a group, only leaves are
// lines. Units come from the table's declaration, its caption or the cell.
// Pure: layout in, figures out. Locations are the cells' sources.

import { compareText, pushAll } from './collections.js';
import type { BudgetLine, BudgetTotal, Diagnostic, FundingPart, Quantity, Series, SeriesPoint, Source, Target } from '../model/types.js';
import { forgetGrid, leadingGridRows, type Layout } from '../layout/types.js';
import { COUNT_UNITS, MONEY_UNITS, parseCount } from './amounts.js';
import { foldFullWidth } from './text.js';
import { collapseLetterSpacing, normalizeName } from './names.js';
import { parseDate } from './periods.js';
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
import { readCellFigure } from './table-cells.js';
import { anchorsOf, indexAnchors, unitByAgreement } from './table-unit-agreement.js';
import { transposedAcross } from './table-across.js';
import { buildHierarchy, checkFormulas, checkTotalColumns, compareStated, fmt, valueIn, type Hierarchy } from './table-checks.js';
import { diag, TABLE_DIAGNOSTICS, type TableDiagnosticCode } from './table-diagnostics.js';
import {
  cellSource,
  figuresWithoutHeader,
  isFigureColumn,
  moneyUnitOf,
  RATE_ROLES,
  readRows,
  reportUnreadable,
  RowFigures,
  tablesInContext,
  type BodyRow,
  type TableInContext,
} from './table-rows.js';

export { readCellFigure, TABLE_DIAGNOSTICS, type TableDiagnosticCode };
export type { CellFigure } from './table-cells.js';

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

// ---------------------------------------------------------------- quantities

interface Units {
  money?: string;
  mult: number;
  units: string[];
}

function moneyQuantity(row: BodyRow, column: ColumnInfo | undefined, units: Units): Quantity | undefined {
  if (!column || row.implausible?.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  if (!f || f.percent || f.countUnit) return undefined;
  const source = sourceOfCell(row, column.index);
  if (f.krw !== undefined) return { value: f.krw, unit: '원', source };
  if (f.value === undefined || !units.money) return undefined;
  return { value: Math.round(f.value * units.mult), unit: '원', source };
}

/**
 * A dash printed where a budgeted row's executed amount goes (`850 | - | 850 | 0.0`) is
 * nothing spent: 0. An empty cell or `해당 없음` says nothing and stays unread.
 */
function dashAsZero(row: BodyRow, column: ColumnInfo | undefined, units: Units): Quantity | undefined {
  if (!column || !units.money || !/^[-–—－]$/.test(row.cells[column.index]?.text.trim() ?? '')) return undefined;
  return { value: 0, unit: '원', source: sourceOfCell(row, column.index) };
}

function secondQuantity(row: BodyRow, column: ColumnInfo | undefined, units: Units, kind: 'bracket' | 'paren'): Quantity | undefined {
  if (!column || !units.money) return undefined;
  const f = row.figures.get(column.index);
  if (f?.second?.kind !== kind) return undefined;
  return { value: Math.round(f.second.value * units.mult), unit: '원', source: sourceOfCell(row, column.index) };
}

function percentQuantity(row: BodyRow, column: ColumnInfo | undefined): Quantity | undefined {
  if (!column || row.implausible?.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  if (f?.value === undefined) return undefined;
  return { value: f.value, unit: '%', decimals: f.decimals, source: sourceOfCell(row, column.index) };
}

function sourceOfCell(row: BodyRow, column: number): Source {
  return cellSource(row, column);
}

// ---------------------------------------------------------------- budget lines

/** Which budget column a line takes when a table prints several: the money the year actually has. */
const STAGE_FOR_LINES: (BudgetStage | undefined)[] = ['current', undefined, 'final', 'revised', 'allocated', 'original', 'plan', 'proposal'];
/** Which column a year's point takes: the latest decision about that year. */
// A budget column without a stage word (`예산` beside `집행` under `'24년`) stands with a bare year:
// the year's point is its budget, never its execution while a budget is printed.
const STAGE_FOR_POINTS: (BudgetStage | 'year' | 'executed' | 'unstaged')[] = ['final', 'revised', 'current', 'original', 'allocated', 'unstaged', 'year', 'plan', 'proposal', 'executed'];

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
  // 예산 over 본예산 | 추경 | 계: the 계 under the budget header is the year's whole budget.
  if (budgets.length >= 2) {
    const sumUnderBudget = columns.find((c) => c.role === 'total' && !c.excluded && c.path.length >= 2 && budgets.some((b) => b.path.length >= 2 && b.path[0] === c.path[0]));
    if (sumUnderBudget) return sumUnderBudget;
  }
  for (const stage of STAGE_FOR_LINES) {
    const found = budgets.find((c) => c.stage === stage);
    if (found) return found;
  }
  return budgets[0];
}

function first(columns: ColumnInfo[], role: ColumnRole): ColumnInfo | undefined {
  return columns.find((c) => c.role === role && !c.excluded && !c.expected);
}

/** What a table is about, for naming its series: its caption, else the heading above (a caption that only declares a unit says nothing). */
function contextOf(ctx: TableInContext): string | undefined {
  const clean = (s: string | undefined) =>
    collapseLetterSpacing(
      (s ?? '')
        .replace(/[<>〈〉《》【】\[\]□■○◦▪❍]/g, ' ')
        .replace(/\(?\s*(단위|금액)\s*[:：\-][^)]*\)?/g, '')
        .replace(/^\(\s*(천원|백만원|억원|만원|원|조원)\s*\)$/, ''),
    )
      .replace(/\s+/g, ' ')
      .trim();
  return clean(ctx.caption) || clean(ctx.heading) || undefined;
}

/** The columns a line's figures come from: the same for every row of a table (and year), so chosen once. */
interface LineColumns {
  budget?: ColumnInfo;
  basis?: string;
  executed?: ColumnInfo;
  remaining?: ColumnInfo;
  rate?: ColumnInfo;
  carriedOver?: ColumnInfo;
  unused?: ColumnInfo;
  funding: { column: ColumnInfo; name: string }[];
  note?: ColumnInfo;
  /** Notes already read as dates: a note column repeats a few allocation dates down thousands of rows. */
  dates: Map<string, string | undefined>;
}

function lineColumns(columns: ColumnInfo[], noteColumn: ColumnInfo | undefined): LineColumns {
  const budget = pickBudget(columns) ?? columns.find((c) => c.role === 'year' || c.role === 'total');
  const basis = budget && budget.role === 'budget' ? basisWord(budget) : undefined;
  const plan: LineColumns = {
    funding: columns.filter((x) => x.role === 'funding').map((column) => ({ column, name: normalizeHeader(column.path[column.path.length - 1] ?? '') })),
    dates: new Map(),
  };
  if (budget) plan.budget = budget;
  if (basis) plan.basis = basis;
  const executed = first(columns, 'executed');
  if (executed) plan.executed = executed;
  const remaining = first(columns, 'remaining');
  if (remaining) plan.remaining = remaining;
  const rate = first(columns, 'rate');
  if (rate) plan.rate = rate;
  const carriedOver = first(columns, 'carriedOver');
  if (carriedOver) plan.carriedOver = carriedOver;
  const unused = first(columns, 'unused');
  if (unused) plan.unused = unused;
  if (noteColumn) plan.note = noteColumn;
  return plan;
}

function dateOfNote(plan: LineColumns, note: string): string | undefined {
  if (plan.dates.has(note)) return plan.dates.get(note);
  const date = parseDate(note);
  plan.dates.set(note, date);
  return date;
}

/** A row's line; its `normalizedName` is left empty (in its place) until the line is kept (see `emitRow`). */
function lineFromRow(row: BodyRow, plan: LineColumns, units: Units, year: string | undefined): BudgetLine {
  const line: BudgetLine = { program: row.label, normalizedName: '', source: row.source };
  if (row.group) line.group = row.group;
  const budget = moneyQuantity(row, plan.budget, units);
  if (budget) line.budget = budget;
  if (plan.basis) line.budgetBasis = plan.basis;
  const executed = moneyQuantity(row, plan.executed, units) ?? (budget ? dashAsZero(row, plan.executed, units) : undefined);
  if (executed) line.executed = executed;
  const disbursed = secondQuantity(row, plan.executed, units, 'bracket');
  if (disbursed) line.disbursed = disbursed;
  const remaining = moneyQuantity(row, plan.remaining, units);
  if (remaining) line.remaining = remaining;
  const rate = percentQuantity(row, plan.rate);
  if (rate) line.statedRate = rate;
  const carried = moneyQuantity(row, plan.carriedOver, units);
  if (carried) line.carriedOver = carried;
  const unused = moneyQuantity(row, plan.unused, units);
  if (unused) line.unused = unused;
  if (year) line.year = year;
  const funding: FundingPart[] = [];
  for (const { column, name } of plan.funding) {
    const amount = moneyQuantity(row, column, units);
    if (amount) funding.push({ name, amount });
  }
  if (funding.length) line.funding = funding;
  const note = plan.note ? row.cells[plan.note.index]?.text.trim() : undefined;
  if (note && !/^[-–—]?$/.test(note)) {
    const date = dateOfNote(plan, note);
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

/**
 * What stands in a row's place once `emitLines` has made its line and was told the
 * rows are no longer needed: a long table's rows and their figures are then let go
 * while its lines are made, instead of all of both being held at once.
 */
const RELEASED_ROW: BodyRow = { cells: [], label: '', source: { file: '', line: 0, text: '' }, cellsAt: { file: '', line: 0, text: '' }, figures: new RowFigures(0), total: false, subtotal: false, funding: false };

/**
 * Lines from leaves, totals from groups and total rows; funding-part rows and alternative breakdowns are never lines.
 * With `release`, each row is replaced by `RELEASED_ROW` once read (the caller reads the rows no more).
 */
function emitLines(rows: BodyRow[], h: Hierarchy, columns: ColumnInfo[], units: Units, year: string | undefined, settlement: boolean, diagnostics: Diagnostic[], release = false): Emit {
  const plan = lineColumns(columns, columns.find((c) => c.role === 'note'));
  const out: Emit = { lines: [], totals: [] };
  // A group row may stand below its rows: its label is read before any row is let go.
  const parentLabels = release ? h.parent.map((p) => (p !== undefined ? rows[p]!.label : undefined)) : undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const parent = h.parent[i];
    emitRow(row, i, parentLabels ? parentLabels[i] : parent !== undefined ? rows[parent]!.label : undefined, h, plan, units, year, settlement, diagnostics, out);
    if (release) rows[i] = RELEASED_ROW;
  }
  return out;
}

function emitRow(row: BodyRow, i: number, parentLabel: string | undefined, h: Hierarchy, plan: LineColumns, units: Units, year: string | undefined, settlement: boolean, diagnostics: Diagnostic[], out: Emit): void {
  if (h.alternative.has(i)) return;
  const line = lineFromRow(row, plan, units, year);
  if (h.kinds[i] === 'leaf' && !row.total) {
    if (row.funding || !row.label) return;
    if (!line.budget && !line.executed) return;
    if (!line.group && parentLabel) line.group = parentLabel;
    if (settlement) checkSettlement(line, row, units, diagnostics);
    // Named only when kept: most of a table's group, total and funding rows give no line.
    line.normalizedName = normalizeName(row.label);
    out.lines.push(line);
    return;
  }
  const total = totalFromLine(line, h.kinds[i] === 'group' ? undefined : row.subtotal ? row.group : undefined);
  if (h.kinds[i] === 'group' && parentLabel) total.group = parentLabel;
  if (settlement) checkSettlement(total, row, units, diagnostics);
  out.totals.push(total);
}

// ---------------------------------------------------------------- per kind

function columnNames(cls: TableClass): string[] {
  return cls.columns.map((c) => c.path.join(' '));
}

function figureColumns(cls: TableClass, keep: (c: ColumnInfo) => boolean = () => true): number[] {
  return cls.columns.filter((c) => isFigureColumn(c, cls) && !RATE_ROLES.has(c.role) && keep(c)).map((c) => c.index);
}

/** Lines and totals of a budget table. Its rows are let go as its last lines are made: the caller reads them no more. */
function budgetTable(rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  // Every year's columns are evidence for the hierarchy, whichever year a line is for.
  const h = buildHierarchy(rows, figureColumns(cls), units.mult, out.diagnostics, units.money ?? '', columnNames(cls));
  linesByYear(rows, h, cls, units, out, true);
}

const YEAR_LINE_ROLES: ReadonlySet<ColumnRole> = new Set(['budget', 'executed', 'year', 'carriedOver', 'unused', 'remaining']);

/** Single years (not `이전`/`이후` buckets, not year-end balances) that have line figures. */
function lineYears(cls: TableClass): string[] {
  const years = new Set<string>();
  for (const c of cls.columns) {
    if (c.pair) c.pair.forEach((y) => years.add(y));
    else if (c.year && !c.year.bucket && !c.year.end && YEAR_LINE_ROLES.has(c.role)) years.add(c.year.year);
  }
  return [...years].sort();
}

/** The columns of one year, with the note columns; a column headed by the year alone is its budget. */
function columnsOfYear(cls: TableClass, year: string): ColumnInfo[] {
  return cls.columns
    .filter((c) => (c.pair ? c.pair.includes(year) : c.year?.year === year && !c.year.bucket && !c.year.end) || c.role === 'note')
    .map((c) => (c.role === 'year' ? { ...c, role: 'budget' as const } : c));
}

/** Rows as seen for one year: a `'23 → '24` cell gives its first figure to '23 and the one after the arrow to '24. */
function rowsForYear(rows: BodyRow[], cls: TableClass, year: string): BodyRow[] {
  const pairs = cls.columns.filter((c) => c.pair && c.pair[1] === year);
  if (!pairs.length) return rows;
  return rows.map((row) => pairs.reduce((r, c) => atPart(r, c, 'to'), row));
}

/**
 * Lines (and totals) for each year a table gives figures for, each with its
 * `year`; a table without years gives one set. Lines of different years are
 * never to be summed together. A settlement year is checked (현액 = 집행 + 이월 + 불용)
 * only where its 이월/불용 are settled, not forecast.
 */
function linesByYear(rows: BodyRow[], h: Hierarchy, cls: TableClass, units: Units, out: TableFigures, release = false): void {
  const settlement = cls.kind === 'settlement';
  const years = lineYears(cls);
  const sets: { year?: string; columns: ColumnInfo[] }[] =
    years.length >= 2 ? years.map((year) => ({ year, columns: columnsOfYear(cls, year) })) : [{ ...(years[0] ? { year: years[0] } : {}), columns: cls.columns.map((c) => (c.role === 'year' ? { ...c, role: 'budget' as const } : c)) }];
  sets.forEach((set, k) => {
    const check = settlement && set.columns.some((c) => (c.role === 'carriedOver' || c.role === 'unused') && !c.expected && !c.excluded);
    const seen = set.year ? rowsForYear(rows, cls, set.year) : rows;
    // The rows themselves (not a year's view of them) are let go with the last set.
    const emitted = emitLines(seen, h, set.columns, units, set.year, check, out.diagnostics, release && k === sets.length - 1 && seen === rows);
    pushAll(out.budgetLines, emitted.lines);
    // Totals are kept to verify lines; a table of funding parts alone has none to verify.
    if (emitted.lines.length) pushAll(out.budgetTotals, emitted.totals);
  });
}

function pointColumn(columns: ColumnInfo[], year: string): ColumnInfo | undefined {
  const inYear = columns.filter((c) => c.year?.year === year && !c.year.bucket && !c.year.end && !c.excluded && !c.expected && (c.role === 'budget' || c.role === 'executed' || c.role === 'year'));
  for (const stage of STAGE_FOR_POINTS) {
    const found = inYear.find((c) =>
      stage === 'year' ? c.role === 'year' : stage === 'executed' ? c.role === 'executed' : c.role === 'budget' && (stage === 'unstaged' ? c.stage === undefined : c.stage === stage),
    );
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
  if (row.implausible?.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  if (!f) return undefined;
  if (f.krw !== undefined) return { value: f.krw, unit: '원' };
  if (f.value === undefined) return undefined;
  // A figure printed with % is a share or a rate whatever the table's unit; one printed
  // with its noun is a count of that noun.
  if (f.percent) return { value: f.value, unit: '%' };
  if (f.countUnit) return { value: f.value, unit: f.countUnit };
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
  const own = labelUnit(label);
  if (own) return own;
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

/** A unit printed at the end of a row or column name: `비율(%)`, `참여 학생(명)`, `사업비(억원)`. */
export function labelUnit(label: string): string | undefined {
  const m = /\(\s*([^()\s]{1,4})\s*\)\s*$/.exec(foldFullWidth(label));
  if (!m) return undefined;
  const unit = m[1]!;
  return unit === '%' || MONEY_UNITS[unit] !== undefined || COUNT_UNITS.includes(unit) || MEASURE_UNITS.includes(unit) ? unit : undefined;
}

/** Unit nouns besides the counts of `COUNT_UNITS` that a name may end with in brackets (`(교)`, `(ha)`). */
const MEASURE_UNITS = ['교', '척', '호', '가구', '세대', '기', '톤', '천톤', '만톤', '천명', '만명', 'ha', 'km', '㎡', '㎢', 'kW', 'MW', 'GWh', '점'];

/** The name without a unit at its end: `늘봄학교 참여 학생(명)` → `늘봄학교 참여 학생`. */
function withoutLabelUnit(label: string): string {
  return labelUnit(label) ? label.replace(/\s*\([^()]*\)\s*$/, '').trim() : label;
}

/** A name that says money: a budget, execution or funding word, or a noun of money (…비, …액, …금, 예산). */
export function isMoneyName(name: string): boolean {
  const role = roleOfHeader(name).role;
  if (role && ['budget', 'executed', 'remaining', 'carriedOver', 'unused', 'funding', 'total'].includes(role)) return true;
  return /(비|액|금|예산|비용|원|회계|기금|재원|투자|지출|수입|세입|세출|원가|이익|손익|매출|수익|자산|부채|자본|대가|가격|단가|소득|융자|이자)$/.test(
    name.replace(/\s+/g, '').replace(/\(.*\)$/, ''),
  );
}

function isBudgetContext(ctx: TableInContext, cls: TableClass): boolean {
  const text = `${ctx.caption ?? ''} ${ctx.headings.join(' ')} ${ctx.table.unit ?? ''}`.replace(/\s+/g, '');
  return cls.columns.some((c) => c.role === 'budget') || /예산|세출|사업비/.test(text);
}

function multiYearTable(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  // One project's money (계 over 국비, 시비…): its rows are named after the project.
  const context = (ctx.subject && isOneAmountBrokenDown(rows) ? ctx.subject : undefined) ?? contextOf(ctx);
  const years = [...new Set(cls.columns.filter((c) => c.year && !c.year.bucket && !c.year.end && !c.pair).map((c) => c.year!.year))].sort();
  const pointColumns: PointColumn[] = years
    .map((y) => [y, pointColumn(cls.columns, y)] as const)
    .filter((p): p is readonly [string, ColumnInfo] => p[1] !== undefined)
    .map(([y, c]) => [y, c] as PointColumn);
  // `'23 → '24` columns give two points each.
  for (const c of cls.columns.filter((x) => x.pair)) pointColumns.push([c.pair![0], c, 'from'], [c.pair![1], c, 'to']);
  pointColumns.sort((a, b) => compareText(a[0], b[0]));
  // A long series folded into blocks restates its years in a body row (`사업연도 | 2003 | 2004 …`):
  // the rows below take those years, not the header's.
  let block: PointColumn[] | undefined;
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
    for (const [year, column, part] of block ?? pointColumns) {
      const v = seriesValue(atPart(row, column, part), column, units, unitOfRow);
      if (!v) continue;
      seen.add(v.unit);
      points.push({ period: year, value: v.value, flags: pointFlag(column), source: sourceOfCell(row, column.index) });
    }
    // Points in different units (a % among amounts) are not one series.
    if (points.length < 2 || seen.size !== 1) continue;
    const unit = [...seen][0]!;
    const generic = row.total || row.funding;
    const label = withoutLabelUnit(row.label);
    const name = row.group && row.group !== row.label ? `${row.group} ${label}` : label;
    const indicator = generic && context ? `${context} ${name}` : name;
    // The same indicator in a later block continues its series.
    const earlier = block ? tableSeries.find((x) => x.indicator === indicator && x.unit === unit) : undefined;
    if (earlier && points.every((p) => earlier.points.every((q) => q.period < p.period))) {
      pushAll(earlier.points, points);
      continue;
    }
    const s: Series = { indicator, unit, flags: [], points, source: row.source };
    if (context && !generic) s.group = context;
    tableSeries.push(s);
  }
  pushAll(out.series, tableSeries);
  yearTargets(ctx, dataRows, cls, units, out);
  // Change columns without letters compare the two latest years.
  const change = cls.columns.find((c) => c.role === 'change' && !c.formula?.expression);
  const changeRate = cls.columns.find((c) => c.role === 'changeRate' && !c.formula?.expression);
  const latest = pointColumns[pointColumns.length - 1];
  const before = pointColumns[pointColumns.length - 2];
  if (latest && before && (change || changeRate)) {
    for (const row of dataRows) {
      if (inBlock.has(row)) continue;
      const a = valueIn(atPart(row, before[1], before[2]), before[1].index, units.mult);
      const b = valueIn(atPart(row, latest[1], latest[2]), latest[1].index, units.mult);
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
  if (isOneAmountBrokenDown(dataRows)) {
    projectLinesAcrossYears(ctx, dataRows, cls, units, out);
    return;
  }
  linesByYear(dataRows, h, cls, units, out);
}

/** A 계 row first and only funding parts (국비, 시비, 기타…) under it: the rows break one amount down. */
function isOneAmountBrokenDown(rows: BodyRow[]): boolean {
  const labelled = rows.filter((r) => r.label);
  return labelled.length >= 2 && labelled[0]!.total && labelled.slice(1).every((r) => r.funding);
}

/** The year a line of a multi-year column is for: the year, or `2023 이전` for money of the years up to it. */
function lineYearOf(column: ColumnInfo): string | undefined {
  const y = column.year;
  if (!y || y.end || y.bucket === 'after') return undefined;
  return y.bucket === 'before' ? `${y.year} 이전` : y.year;
}

/**
 * One project's money across the years (`구분 | 총사업비 | '23년 이전 예산 | 집행 | '24년 예산 |
 * 집행 | '25년 | '26년 이후` over 계 / 국비 / 시비 rows): a line per year for the project the
 * table is about (its `사업명`), from the 계 row, with the funding parts of the rows below.
 * Money of the years before (`'23년 이전`) is a line of its own, dated `2023 이전`; money
 * planned for the years after is not a budget yet and gives none; nor does a year with no
 * figure or only zeros. Without a name above the table there is no program to give the
 * lines to, and none are made.
 */
function projectLinesAcrossYears(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  if (!ctx.subject) return;
  const total = rows.find((r) => r.total)!;
  const parts = rows.filter((r) => r.funding);
  const years = new Map<string, ColumnInfo[]>();
  for (const c of cls.columns) {
    if (c.excluded || c.expected || !['budget', 'executed', 'year'].includes(c.role)) continue;
    const year = lineYearOf(c);
    if (year) years.set(year, [...(years.get(year) ?? []), c.role === 'year' ? { ...c, role: 'budget' as const } : c]);
  }
  for (const [year, columns] of years) {
    const budgetColumn = pickBudget(columns);
    const executedColumn = first(columns, 'executed');
    const budget = moneyQuantity(total, budgetColumn, units);
    const executed = moneyQuantity(total, executedColumn, units);
    if (!budget?.value && !executed?.value) continue;
    const line: BudgetLine = { program: ctx.subject, normalizedName: normalizeName(ctx.subject), year, source: total.source };
    if (budget) line.budget = budget;
    if (executed) line.executed = executed;
    const basis = budgetColumn ? basisWord(budgetColumn) : undefined;
    if (basis) line.budgetBasis = basis;
    const funding: FundingPart[] = [];
    for (const row of parts) {
      const amount = moneyQuantity(row, budgetColumn, units);
      if (amount) funding.push({ name: row.label.replace(/\s+/g, ''), amount });
    }
    if (funding.length) line.funding = funding;
    out.budgetLines.push(line);
  }
}

/** A `2025(목표)` column beside the years: one target per row for that year. */
function yearTargets(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  const columns = cls.columns.filter((c) => c.role === 'target' && c.year && !c.year.bucket);
  for (const column of columns) {
    for (const row of rows) {
      if (!row.label || row.total) continue;
      const unitOfRow = rowUnit(row.label, units);
      if (unitOfRow === '') continue;
      const v = seriesValue(row, column, units, unitOfRow);
      if (!v) continue;
      const source = sourceOfCell(row, column.index);
      out.targets.push({
        category: contextOf(ctx) ?? '',
        indicator: withoutLabelUnit(row.label),
        unit: v.unit,
        target: { value: v.value, unit: v.unit, source },
        targetYear: column.year!.year,
        source: row.source,
      });
    }
  }
}

/** A year and the column its point is read from; `to` reads the figure after a cell's arrow. */
type PointColumn = [string, ColumnInfo, ('from' | 'to')?];

/** The row as seen for one side of a `'23 → '24` column: the figure after the arrow stands in for the cell. */
function atPart(row: BodyRow, column: ColumnInfo, part: 'from' | 'to' | undefined): BodyRow {
  if (part !== 'to') return row;
  const f = row.figures.get(column.index);
  if (!f) return row;
  const figures = new RowFigures(row.figures);
  if (f.second?.kind === 'arrow') {
    const { second, ...rest } = f;
    figures.set(column.index, { ...rest, value: second.value });
  } else figures.set(column.index, { ...f, value: undefined, blank: f.blank });
  return { ...row, figures };
}

/** A body row whose figures are all years: the year columns of the rows below it. */
function restatedYears(row: BodyRow, cls: TableClass): PointColumn[] | undefined {
  const years: PointColumn[] = [];
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
    const numbers = rows.some((r) => r.figures.get(column.index)?.value !== undefined);
    if (numbers && unitOfColumn === undefined && units.money && !isMoneyName(name)) {
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
    points.sort((a, b) => compareText(a.period, b.period));
    const s: Series = { indicator: name, unit, flags: [], points, source: points[0]!.source };
    if (context) s.group = context;
    out.series.push(s);
  }
  yearRowTargets(ctx, rows, cls, units, out);
  projectLinesByYear(ctx, rows, cls, units, out);
}

/** Row words that make a year's row a goal: `2025(목표)`, `2025(계획)`. */
const GOAL_ROW_WORDS = ['목표', '계획'];

/**
 * Years down the rows, one of them a goal (`2025(계획)`, `2027(목표)`): each
 * measure of that row (`인증면적 1,010` ha, `취업률 70` %) is a target for that
 * year. Money in a planned row is a planned budget (a budget line), not a target.
 */
function yearRowTargets(ctx: TableInContext, rows: BodyRow[], cls: TableClass, units: Units, out: TableFigures): void {
  for (const row of rows) {
    const year = yearOf(row.label);
    if (!year || year.bucket || row.total || !periodFlags(row.label).some((w) => GOAL_ROW_WORDS.includes(w))) continue;
    for (const column of cls.columns) {
      if (!isFigureColumn(column, cls) || column.role === 'change' || column.role === 'changeRate' || column.role === 'achievement') continue;
      const name = column.path.join(' ');
      const unitOfColumn = rowUnit(name, units);
      if (unitOfColumn === undefined && units.money && !isMoneyName(name)) continue;
      const v = seriesValue(row, column, units, unitOfColumn);
      if (!v || v.unit === '원') continue;
      const source = sourceOfCell(row, column.index);
      out.targets.push({
        category: contextOf(ctx) ?? '',
        indicator: withoutLabelUnit(name),
        unit: v.unit,
        target: { value: v.value, unit: v.unit, source },
        targetYear: year.year,
        source: row.source,
      });
    }
  }
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
  if (!column || row.implausible?.has(column.index)) return undefined;
  const f = row.figures.get(column.index);
  const source = sourceOfCell(row, column.index);
  const text = row.cells[column.index]?.text ?? '';
  if (f?.value === undefined) {
    const count = parseCount(text.replace(/\s+/g, ''));
    if (count) return { value: count.value, unit: count.unit || unit, source };
    return undefined;
  }
  if (f.countUnit) return { value: f.value, unit: f.countUnit, source };
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
    points.sort((a, b) => compareText(a.period, b.period));
    const s: Series = { indicator: row.label, unit: [...units][0]!, flags: [], points, source: row.source };
    if (context) s.group = context;
    out.series.push(s);
  }
}

// ---------------------------------------------------------------- entry

interface ReadTable {
  ctx: TableInContext;
  cls: TableClass;
  units: Units;
  /** Undefined for a table whose figures are not read (no header, or staff and schedules). */
  rows?: BodyRow[];
  /** A figure under no header: the table's columns could not be aligned. */
  orphan?: ReturnType<typeof figuresWithoutHeader>;
  rowDiagnostics: Diagnostic[];
}

function readTable(printed: TableInContext): ReadTable {
  // Names across the columns and measures down the rows: read as the transpose.
  const across = printed.extraRows.length ? undefined : transposedAcross(printed.table);
  const ctx: TableInContext = across ? { ...printed, table: across.table } : printed;
  const cls = classifyTable(ctx.table);
  if (across) cls.reasons.unshift(across.reason);
  const rowDiagnostics: Diagnostic[] = [];
  const nonFigure = cls.kind === 'other' && cls.reasons.some((r) => /names staff|names no money/.test(r));
  // A table without any header row says nothing about what its figures are.
  if (nonFigure || cls.headerRows === 0) return { ctx, cls, units: { units: [], mult: 1 }, rowDiagnostics };
  // The header's grid rows, made once for the unit and the rows.
  const headerGrid = leadingGridRows(ctx.table, cls.headerRows);
  const declared = moneyUnitOf(ctx, headerGrid, cls.headerRows);
  const units: Units = { units: declared.units, mult: declared.money ? MONEY_UNITS[declared.money]! : 1 };
  if (declared.money) units.money = declared.money;
  const rows = readRows(ctx, cls, rowDiagnostics, headerGrid);
  // The rows hold what they read of the grid: a long table's grid is not kept while all its figures are.
  forgetGrid(ctx.table);
  return { ctx, cls, units, rows, orphan: figuresWithoutHeader(rows, cls), rowDiagnostics };
}

/** Figures from every table of a layout. Tables that hold no figures give none. */
export function figuresFromTables(layout: Layout): TableFigures {
  const out: TableFigures = { budgetLines: [], budgetTotals: [], series: [], targets: [], diagnostics: [], tables: [] };
  // Each line and total records the table it was read from, so a total is checked
  // only against the lines of its own table (a document holds many tables and years).
  let table = -1;
  let lines = 0;
  let totals = 0;
  const tag = () => {
    for (; lines < out.budgetLines.length; lines++) out.budgetLines[lines]!.table = table;
    for (; totals < out.budgetTotals.length; totals++) out.budgetTotals[totals]!.table = table;
  };
  // Every table is read first: a table without a unit may take the unit of another
  // table of the document that prints the same amount for the same year (later ones too).
  const read = tablesInContext(layout.blocks).map((ctx) => readTable(ctx));
  const anchors = indexAnchors(read.flatMap((t) => (t.rows && t.units.money && !t.orphan ? anchorsOf(t.rows, t.cls.columns, t.units.money) : [])));
  for (const { ctx, cls, units, rows, orphan, rowDiagnostics } of read) {
    tag();
    table++;
    out.tables.push({ source: ctx.table.source, kind: cls.kind, reasons: cls.reasons });
    if (!rows) continue;
    pushAll(out.diagnostics, rowDiagnostics);
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
      // A multi-year table needs a unit unless its figures carry their own (`%`, `억원`).
      (cls.kind === 'multi-year-budget' &&
        units.units.length === 0 &&
        rows.some((r) => !labelUnit(r.label) && [...r.figures.values()].some((f) => f.value !== undefined && !f.percent && !f.countUnit && f.krw === undefined)));
    if (moneyTable && !units.money) {
      const agreed = unitByAgreement(rows, cls.columns, anchors);
      if (!agreed) {
        out.diagnostics.push(diag('table-unit-missing', `table (${cls.kind}) declares no money unit (단위); its amounts are not read`, ctx.table.source));
        continue;
      }
      const where = agreed.anchor.source.page !== undefined ? `p.${agreed.anchor.source.page}` : `line ${agreed.anchor.source.line}`;
      out.diagnostics.push(
        diag(
          'table-unit-by-agreement',
          `table (${cls.kind}) declares no money unit; read in ${agreed.unit}, the unit of the table at ${where}, which prints the same ${agreed.year} amount ${fmt(agreed.value)}${agreed.summed ? ' (the sum of this column)' : ''}`,
          ctx.table.source,
        ),
      );
      units.money = agreed.unit;
      units.mult = MONEY_UNITS[agreed.unit]!;
      units.units = [agreed.unit];
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
  tag();
  return out;
}
