// New-project acquisition tables (신규사업 확보현황) and project descriptions
// (현안사업 N : …) of a regional report.
//  - yearly table: a header of years (2017년 …) and one row per measure, the
//    units declared in order `(단위 : 건, 천원)` → two Series;
//  - project list: 번호 / 사업명 / 사업기간 / 사업비 / 주관부처, with department
//    subtotal rows `미래전략부(3건)` closing the rows above them;
//  - descriptions: `- 사업기간 : …`, `- 총사업비 : 17,780,000천원(국비 8,780,000, …)`.

import type { Claim, Diagnostic, FundingPart, Period, Program, Quantity, Series, Source } from '../../model/types.js';
import { mapColumns, splitCells, type ColumnVocabulary } from '../../extract/tables.js';
import { collapseLetterSpacing, normalizeName } from '../../extract/names.js';
import { parseDateRange, parseYearLabel } from '../../extract/periods.js';
import { isMoneyUnit, parseKoreanAmount, parseNumber } from '../../extract/amounts.js';
import { isBlankCell, money, moneyCell, quantityIn, warning } from '../common.js';
import { plainText, sourceOf, type SourceLine } from '../lines.js';

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

/** Yearly table: header of year labels, rows of figures; one Series per row. */
export function readYearlyTable(
  file: string,
  lines: SourceLine[],
  start: number,
  units: string[],
  indicatorPrefix: string,
): { series: Series[]; end: number } {
  const header = splitCells(lines[start]!.text);
  const periods = header.map((h) => parseYearLabel(h)?.period);
  const series: Series[] = [];
  let i = start + 1;
  let row = 0;
  for (; i < lines.length && lines[i]!.text.includes('\t'); i++, row++) {
    const cells = splitCells(lines[i]!.text);
    // The table ends at the first row without a figure under a year (e.g. the next table's header).
    if (!cells.some((c, k) => periods[k] && parseNumber(c) !== undefined)) break;
    const label = (cells[0] ?? '').replace(/\s+/g, '');
    const source = sourceOf(file, lines[i]!);
    const unit = units[Math.min(row, units.length - 1)] ?? '';
    const points = [];
    for (let c = 1; c < cells.length; c++) {
      const period = periods[c];
      const value = parseNumber(cells[c] ?? '');
      if (!period || value === undefined) continue;
      const q = quantityIn(value, unit, source);
      points.push({ period, value: q.value, flags: [], source });
    }
    if (points.length >= 2) {
      series.push({
        indicator: `${indicatorPrefix} ${label}`.trim(),
        unit: isMoneyUnit(unit) ? '원' : unit,
        flags: [],
        points,
        source,
      });
    }
  }
  return { series, end: i };
}

type ProjectColumn = 'number' | 'name' | 'period' | 'amount' | 'ministry';
const PROJECT_COLUMNS: ColumnVocabulary<ProjectColumn> = {
  number: /^(번호|연번|순번|no\.?)$/i,
  name: /^(사업명|과제명|사업)$/,
  period: /^(사업기간|기간|수행기간)$/,
  amount: /^(사업비|총사업비|확보액|금액)/,
  ministry: /^(주관부처|부처|소관부처|주관기관)$/,
};

export function isProjectListHeader(cells: string[]): boolean {
  const m = mapColumns(cells, PROJECT_COLUMNS);
  return m.name !== undefined && m.amount !== undefined && (m.period !== undefined || m.ministry !== undefined);
}

export interface ProjectListResult {
  programs: Program[];
  claims: Claim[];
  diagnostics: Diagnostic[];
  end: number;
}

const SUBTOTAL = /^(.+?)\s*\(\s*(\d+)\s*건\s*\)$/;

/** The project list with its department subtotals and grand total. */
export function readProjectList(file: string, lines: SourceLine[], start: number, unit: string): ProjectListResult {
  const result: ProjectListResult = { programs: [], claims: [], diagnostics: [], end: start + 1 };
  let columns = mapColumns(splitCells(lines[start]!.text), PROJECT_COLUMNS);
  let pending: Program[] = [];
  const all: Program[] = [];
  let grand: { total: Quantity; source: Source } | undefined;
  let blankRun = 0;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.includes('\t')) {
      if (line.text.trim() === '' && ++blankRun <= 4) continue;
      break;
    }
    blankRun = 0;
    const cells = splitCells(line.text);
    if (!/\d/.test(line.text) && isProjectListHeader(cells)) {
      columns = mapColumns(cells, PROJECT_COLUMNS);
      continue;
    }
    const source = sourceOf(file, line);
    const first = (cells[0] ?? '').trim();
    const amountCell = cells[columns.amount ?? -1];
    const amount = moneyCell(amountCell, unit, source);
    const sub = SUBTOTAL.exec(first.replace(/\s+/g, ''));
    if (/^합\s*계$|^총\s*계$|^계$/.test(first)) {
      if (amount) grand = { total: amount, source };
      continue;
    }
    if (sub) {
      const department = sub[1]!;
      const count = Number(sub[2]);
      for (const p of pending) p.department = department;
      if (amount) {
        result.claims.push({
          kind: 'sum',
          label: `${department} 신규사업 합계 (${count}건)`,
          total: amount,
          parts: pending.filter((p) => p.totalBudget).map((p) => ({ label: p.name, amount: p.totalBudget! })),
          source,
        });
      }
      if (count !== pending.length) {
        result.diagnostics.push(
          warning('subtotal-count', `${department}: subtotal says ${count}건 but ${pending.length} rows precede it`, source),
        );
      }
      pending = [];
      continue;
    }
    const name = collapseLetterSpacing(cells[columns.name ?? 1] ?? '').trim();
    if (!name || isBlankCell(name)) continue;
    const program: Program = { name, normalizedName: normalizeName(name), sources: [source] };
    const period = columns.period !== undefined ? periodFrom(cells[columns.period] ?? '', source) : undefined;
    if (period) {
      program.period = period;
      if (period.statedMonths !== undefined) {
        result.claims.push({ kind: 'months', label: name, period, source });
      }
    }
    if (amount) program.totalBudget = amount;
    else if (!isBlankCell(amountCell)) {
      result.diagnostics.push(warning('number-unreadable', `amount "${amountCell}" is not a number`, source));
    }
    const ministry = cells[columns.ministry ?? -1]?.trim();
    if (ministry && !isBlankCell(ministry)) program.ministry = ministry;
    pending.push(program);
    all.push(program);
  }
  if (grand) {
    result.claims.push({
      kind: 'sum',
      label: '신규사업 확보 합계',
      total: grand.total,
      parts: all.filter((p) => p.totalBudget).map((p) => ({ label: p.name, amount: p.totalBudget! })),
      source: grand.source,
    });
  }
  result.programs = all;
  result.end = i;
  return result;
}

/** `국비 8,780,000, 지방비 9,000,000` → funding parts in the given unit. */
export function readFunding(text: string, unit: string, source: Source): FundingPart[] {
  const parts: FundingPart[] = [];
  for (const m of text.matchAll(/(국비|지방비|도비|시비|군비|민간(?:부담금)?|자부담|기금|출연금)\s*:?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:[천백만억조]+)?원?)/g)) {
    const amount = parseKoreanAmount(m[2]!.trim(), unit);
    if (amount) parts.push({ name: m[1]!, amount: money(amount.krw, source) });
  }
  return parts;
}

/** `17,780,000천원(국비 8,780,000, 지방비 9,000,000)`: the total, its unit, the split. */
export function readBudgetWithSplit(
  text: string,
  source: Source,
): { total?: Quantity; funding: FundingPart[] } | undefined {
  const m = /^([\d,.]+)\s*([천백만억조]*원)\s*(?:\((.*)\))?/.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2]!;
  const total = parseKoreanAmount(m[1]! + unit);
  const funding = m[3] ? readFunding(m[3], unit, source) : [];
  // `1,500,000천원(국비)`: the whole amount comes from one source.
  if (m[3] && funding.length === 0 && total && /^(국비|지방비|도비|시비|민간)$/.test(m[3].trim())) {
    funding.push({ name: m[3].trim(), amount: money(total.krw, source) });
  }
  return total ? { total: money(total.krw, source), funding } : { funding };
}

/** `과기정통부(정보통신산업진흥원), 충북도·청주시(충북과기원)` → ministry and its agency. */
export function readGovernance(text: string): { ministry?: string; agency?: string } {
  const m = /^([^(,]+?)\s*\(([^)]+)\)/.exec(text.trim());
  if (!m) return text.trim() ? { ministry: text.trim().split(/[,(]/)[0]!.trim() } : {};
  return { ministry: m[1]!.trim(), agency: m[2]!.trim() };
}

const DESCRIPTION_HEADING = /현안\s*사업\s*(\d+)\s*[:：]\s*(.+)$/;

/** `현안사업 N : name` sections: period, budget split, governance, target, department. */
export function readProjectDescriptions(
  file: string,
  lines: SourceLine[],
): { programs: Program[]; claims: Claim[] } {
  const programs: Program[] = [];
  const claims: Claim[] = [];
  let current: Program | undefined;
  for (const line of lines) {
    const plain = plainText(line);
    const heading = DESCRIPTION_HEADING.exec(plain);
    const source = sourceOf(file, line);
    if (heading) {
      const name = heading[2]!.replace(/\\_/g, '_').trim();
      current = { name, normalizedName: normalizeName(name), sources: [source] };
      programs.push(current);
      continue;
    }
    if (!current) continue;
    if (/^#/.test(line.text) && /(확보\s*현황|예산\s*집행|붙\s*임)/.test(plain)) {
      current = undefined;
      continue;
    }
    const field = /^[-•○·]?\s*([가-힣\s\d]+?)\s*[:：]\s*(.+)$/.exec(plain.replace(/^-\s*/, ''));
    const dept = /^부서명\s+(\S+)/.exec(line.text.replace(/\t/g, ' ').trim());
    if (dept) {
      current.department = dept[1]!;
      continue;
    }
    if (!field) continue;
    const key = field[1]!.replace(/\s+/g, '');
    const value = field[2]!.trim();
    if (key === '사업기간') {
      const period = periodFrom(value, source);
      if (period) {
        current.period = period;
        if (period.statedMonths !== undefined) claims.push({ kind: 'months', label: current.name, period, source });
      }
    } else if (key === '총사업비' || key === '사업비') {
      const split = readBudgetWithSplit(value, source);
      if (split?.total) {
        current.totalBudget = split.total;
        if (split.funding.length) current.funding = split.funding;
        if (split.funding.length >= 2) {
          claims.push({
            kind: 'sum',
            label: `${current.name} ${key}`,
            total: split.total,
            parts: split.funding.map((f) => ({ label: f.name, amount: f.amount })),
            source,
          });
        }
      }
    } else if (key === '1차년도사업비') {
      const split = readBudgetWithSplit(value, source);
      if (split?.total) {
        current.firstYearBudget = split.total;
        if (split.funding.length >= 2) {
          claims.push({
            kind: 'sum',
            label: `${current.name} 1차년도 사업비`,
            total: split.total,
            parts: split.funding.map((f) => ({ label: f.name, amount: f.amount })),
            source,
          });
        }
      }
    } else if (key === '추진체계') {
      const gov = readGovernance(value);
      if (gov.ministry) current.ministry = gov.ministry;
      if (gov.agency) current.agency = gov.agency;
    } else if (/^(지원대상|교육대상|참여기업|참여대상)$/.test(key)) {
      current.target = value;
    }
  }
  return { programs, claims };
}
