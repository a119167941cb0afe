// Projects as reports and plans describe them, read from layout blocks:
//  - a project description: a title followed by `field : value` items
//    (사업기간, 총사업비 with its funding split, 추진체계, 지원대상 …) and a
//    sign-off naming the department (부서명 …);
//  - a project list table: 사업명 / 사업기간 / 사업비 / 주관부처 columns, with
//    department subtotal rows `미래전략부(3건)` closing the rows above them and
//    a 합계 row for the whole list.

import type { Claim, Diagnostic, FundingPart, Period, Program, Quantity, Source } from '../model/types.js';
import { tableGrid, type TableBlock } from '../layout/types.js';
import { mapColumns, type ColumnVocabulary } from '../extract/tables.js';
import { collapseLetterSpacing, normalizeName } from '../extract/names.js';
import { parseDateRange } from '../extract/periods.js';
import { isMoneyUnit, parseKoreanAmount } from '../extract/amounts.js';
import { isBlankCell, money, moneyCell } from '../extract/money.js';
import { warning } from '../model/diagnostics.js';
import { cellLine } from './blocks.js';
import { isSpaceCode } from '../extract/text.js';

export function periodFrom(text: string, source: Source): Period | undefined {
  const range = parseDateRange(text);
  if (!range) return undefined;
  const period: Period = { source };
  if (range.start) period.start = range.start;
  if (range.end) period.end = range.end;
  if (range.statedMonths !== undefined) period.statedMonths = range.statedMonths;
  if (range.months !== undefined) period.months = range.months;
  return period;
}

/** Funding sources named in a budget split (national, local, private, funds). */
const FUNDING_SOURCE = '국비|지방비|도비|시비|군비|구비|민간(?:부담금)?|자부담|기금|출연금|융자';

/** Short forms of the sources as printed in tight cells: `(국 64, 시 171)`. */
const SHORT_SOURCE: Record<string, string> = { 국: '국비', 시: '시비', 도: '도비', 군: '군비', 구: '구비', 민: '민간' };
/** One part of a split at the reading position: a name (no digits) and an amount, `국비 8,780,000`, `지정기탁금 5`, `민간 81억원`. */
const FUNDING_PART = /([^\d%()，,·/]+?)\s*:?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([천백만억조]*원?)(?![\d.%])/y;
/** What may stand between two parts: commas, middle dots, slashes, spaces. */
const PART_SEPARATOR = /[\s,，·/]*/y;

/**
 * `국비 8,780,000, 지방비 9,000,000` (or `국비 875,000 도비 600,000`) → funding parts in the
 * given unit. The whole list must read as names and amounts; a list with a share (`국비 50%`)
 * or a part that does not read is no split (empty), so a sum is never checked against some of
 * its parts.
 */
export function readFunding(text: string, unit: string, source: Source): FundingPart[] {
  const parts: FundingPart[] = [];
  const list = text.trim();
  let at = 0;
  while (at < list.length) {
    FUNDING_PART.lastIndex = at;
    const m = FUNDING_PART.exec(list);
    if (!m) return [];
    const name = m[1]!.trim();
    const amount = parseKoreanAmount(m[2]! + (m[3] ? (m[3].endsWith('원') ? m[3] : m[3] + '원') : ''), unit);
    if (!amount || name === '') return [];
    parts.push({ name: SHORT_SOURCE[name] ?? name, amount: money(amount.krw, source) });
    PART_SEPARATOR.lastIndex = FUNDING_PART.lastIndex;
    PART_SEPARATOR.exec(list);
    at = PART_SEPARATOR.lastIndex;
  }
  return parts;
}

/**
 * `17,780,000천원(국비 8,780,000, 지방비 9,000,000)`: the total, its unit, the split. The split is
 * the first bracket after the total only (`235억원(국 64, 시 171) * (1단계) 133억원(…)` splits 235).
 */
export function readBudgetWithSplit(text: string, source: Source): { total?: Quantity; funding: FundingPart[] } | undefined {
  const m = /^([\d,.]+)\s*([천백만억조]*원)\s*(?:\(([^()]*)\))?/.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2]!;
  const total = parseKoreanAmount(m[1]! + unit);
  const funding = m[3] ? readFunding(m[3], unit, source) : [];
  // `1,500,000천원(국비)`: the whole amount comes from one source.
  if (m[3] && funding.length === 0 && total && new RegExp(`^(${FUNDING_SOURCE})$`).test(m[3].trim())) {
    funding.push({ name: m[3].trim(), amount: money(total.krw, source) });
  }
  return total ? { total: money(total.krw, source), funding } : { funding };
}

/** `과기정통부(정보통신산업진흥원), 충북도(과기원)` → the first ministry and its agency. */
export function readGovernance(text: string): { ministry?: string; agency?: string } {
  const m = /^([^(,]+?)\s*\(([^)]+)\)/.exec(text.trim());
  if (!m) return text.trim() ? { ministry: text.trim().split(/[,(]/)[0]!.trim() } : {};
  return { ministry: m[1]!.trim(), agency: m[2]!.trim() };
}

/** What a description field means, by its label (spaces removed). */
export type DescriptionField = 'period' | 'total' | 'firstYear' | 'governance' | 'target';
const DESCRIPTION_FIELDS: [RegExp, DescriptionField][] = [
  [/^(사업|추진|수행)기간$/, 'period'],
  [/^(총사업비|사업비|총예산|사업예산)$/, 'total'],
  [/^(1|첫)차?년도사업비$/, 'firstYear'],
  [/^(추진체계|추진주체|사업주체|주관기관|수행기관)$/, 'governance'],
  [/^(지원대상|교육대상|참여기업|참여대상|사업대상)$/, 'target'],
];

/** The longest label DESCRIPTION_FIELDS take, without spaces (`1차년도사업비`). */
const LONGEST_FIELD = 7;

export function descriptionField(label: string): DescriptionField | undefined {
  // Most labels are longer than any field's (an activity's name, a sentence): told without a copy.
  if (label.length > LONGEST_FIELD && nonSpaceBeyond(label, LONGEST_FIELD)) return undefined;
  const key = label.replace(/\s+/g, '');
  return DESCRIPTION_FIELDS.find(([pattern]) => pattern.test(key))?.[1];
}

/** Whether a text holds more than `limit` characters other than white space. */
function nonSpaceBeyond(text: string, limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i)) && ++n > limit) return true;
  return false;
}

/** Reads one field into the program; returns the claims the field states (months, budget splits). */
export function applyField(program: Program, field: DescriptionField, label: string, value: string, source: Source): Claim[] {
  const claims: Claim[] = [];
  const key = label.replace(/\s+/g, '');
  if (field === 'period') {
    const period = periodFrom(value, source);
    if (period) {
      program.period = period;
      if (period.statedMonths !== undefined) claims.push({ kind: 'months', label: program.name, period, source });
    }
  } else if (field === 'total' || field === 'firstYear') {
    const split = readBudgetWithSplit(value, source);
    if (!split?.total) return claims;
    if (field === 'total') {
      program.totalBudget = split.total;
      if (split.funding.length) program.funding = split.funding;
    } else program.firstYearBudget = split.total;
    if (split.funding.length >= 2) {
      const what = field === 'total' ? key : key.replace(/^(\d+차?년도)/, '$1 ');
      claims.push({ kind: 'sum', label: `${program.name} ${what}`, total: split.total, parts: split.funding.map((f) => ({ label: f.name, amount: f.amount })), source });
    }
  } else if (field === 'governance') {
    const gov = readGovernance(value);
    if (gov.ministry) program.ministry = gov.ministry;
    if (gov.agency) program.agency = gov.agency;
  } else if (field === 'target' && value !== '') {
    program.target = value;
  }
  return claims;
}

const SIGN_OFF_INITIALS = '부담소주';

/** A sign-off naming the department in charge: `부서명 미래전략부 …`, `담당부서 : 교통정책과`. */
export function departmentOf(text: string): string | undefined {
  // The sign-off starts with 부, 담, 소 or 주 (after any white space): other texts are not searched.
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  if (!SIGN_OFF_INITIALS.includes(text[i] ?? '')) return undefined;
  return /^(?:부\s*서\s*명|담당\s*부서|소관\s*부서|주관\s*부서)\s*[:：]?\s*([^\s|:：]+)/.exec(text.trim())?.[1];
}

type ProjectColumn = 'number' | 'name' | 'period' | 'amount' | 'ministry';
const PROJECT_COLUMNS: ColumnVocabulary<ProjectColumn> = {
  number: /^(번호|연번|순번|no\.?)$/i,
  name: /^(사업명|과제명|사업)$/,
  period: /^(사업기간|기간|수행기간)$/,
  amount: /^(사업비|총사업비|확보액|금액)/,
  ministry: /^(주관부처|부처|소관부처|주관기관)$/,
};

/**
 * The first row's texts by column, without their spaces (as every reader of a header
 * compares them: mapColumns, the unit in brackets), a merged cell repeated over the
 * columns it spans: the first row of the table's grid, read without building the grid
 * (every table is asked whether it is a project list; a long one need not be expanded for that).
 */
function headerOf(table: TableBlock): string[] {
  const out: string[] = [];
  for (const cell of table.rows[0]?.cells ?? []) {
    // cellLine only joins and collapses white space: without any, the cell's text is the same.
    const text = cell.text.replace(/\s+/g, '');
    for (let k = 0; k < Math.max(1, cell.colSpan); k++) out.push(text);
  }
  return out;
}

/** The headers PROJECT_COLUMNS takes for a name column. */
const NAME_HEADERS = new Set(['사업명', '과제명', '사업']);

/** A project list: a name column, an amount column, and a period or ministry column. */
export function isProjectList(table: TableBlock): boolean {
  const headers = headerOf(table);
  // Without a name column it is none (no other column's words take a name header): not mapped.
  if (!headers.some((h) => NAME_HEADERS.has(h))) return false;
  const m = mapColumns(headers, PROJECT_COLUMNS);
  return m.name !== undefined && m.amount !== undefined && (m.period !== undefined || m.ministry !== undefined);
}

/**
 * `사업비(천원)` in a header names the money unit of its column. Any unit the
 * amount reader knows (amounts.ts MONEY_UNITS: 만원, 십억원 …) counts, not a
 * short list of its own; `(국비)` or `(건)` in brackets is no money unit.
 */
function headerUnit(table: TableBlock): string | undefined {
  for (const header of headerOf(table)) {
    for (const m of header.matchAll(/\(([^()]+)\)/g)) if (isMoneyUnit(m[1]!)) return m[1];
  }
  return undefined;
}

const SUBTOTAL = /^(.+?)\s*\(\s*(\d+)\s*건\s*\)$/;
const TOTAL = /^(합계|총계|계)$/;

/**
 * The rows of consecutive project-list tables read as one list (a list broken
 * over pages keeps its department subtotals running). `subject` names what
 * the list counts, for the claims' labels.
 */
export class ProjectListReader {
  readonly programs: Program[] = [];
  readonly claims: Claim[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private pending: Program[] = [];
  private grand: { total: Quantity; source: Source } | undefined;
  private unit: string | undefined;

  constructor(private readonly subject: string) {}

  read(table: TableBlock): void {
    const header = headerOf(table);
    const columns = mapColumns(header, PROJECT_COLUMNS);
    this.unit = table.unit ?? headerUnit(table) ?? this.unit;
    const unit = this.unit ?? '원';
    const grid = tableGrid(table);
    for (let r = Math.max(1, table.headerRows); r < grid.length; r++) {
      const cells = grid[r]!.map((c) => (c.spanned && c.originRow !== r ? '' : cellLine(c.text)));
      const source = table.rows[r]!.source;
      const first = (cells[0] ?? '').trim();
      const amountCell = cells[columns.amount ?? -1];
      const amount = moneyCell(amountCell, unit, source);
      const squashed = first.replace(/\s+/g, '');
      if (TOTAL.test(squashed)) {
        if (amount) this.grand = { total: amount, source };
        continue;
      }
      const sub = SUBTOTAL.exec(squashed);
      if (sub) {
        this.closeGroup(sub[1]!, Number(sub[2]), amount, source);
        continue;
      }
      const name = collapseLetterSpacing(cells[columns.name ?? 1] ?? '').trim();
      if (!name || isBlankCell(name)) continue;
      const program: Program = { name, normalizedName: normalizeName(name), sources: [source] };
      const period = columns.period !== undefined ? periodFrom(cells[columns.period] ?? '', source) : undefined;
      if (period) {
        program.period = period;
        if (period.statedMonths !== undefined) this.claims.push({ kind: 'months', label: name, period, source });
      }
      if (amount) program.totalBudget = amount;
      else if (!isBlankCell(amountCell)) this.diagnostics.push(warning('number-unreadable', `amount "${amountCell}" is not a number`, source));
      const ministry = cells[columns.ministry ?? -1]?.trim();
      if (ministry && !isBlankCell(ministry)) program.ministry = ministry;
      this.pending.push(program);
      this.programs.push(program);
    }
  }

  private closeGroup(department: string, count: number, amount: Quantity | undefined, source: Source): void {
    for (const p of this.pending) p.department = department;
    if (amount) {
      this.claims.push({
        kind: 'sum',
        label: `${department} ${this.subject} 합계 (${count}건)`,
        total: amount,
        parts: this.pending.filter((p) => p.totalBudget).map((p) => ({ label: p.name, amount: p.totalBudget! })),
        source,
      });
    }
    if (count !== this.pending.length) {
      this.diagnostics.push(warning('subtotal-count', `${department}: subtotal says ${count}건 but ${this.pending.length} rows precede it`, source));
    }
    this.pending = [];
  }

  /** The list's grand total against all its rows, once the list has ended. */
  finish(): void {
    if (!this.grand) return;
    this.claims.push({
      kind: 'sum',
      label: `${this.subject} 합계`,
      total: this.grand.total,
      parts: this.programs.filter((p) => p.totalBudget).map((p) => ({ label: p.name, amount: p.totalBudget! })),
      source: this.grand.source,
    });
    this.grand = undefined;
  }
}
