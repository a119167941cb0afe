// `budget`: one row per budget line item with its execution rate computed from
// the amounts beside the stated one; `--by group` rolls up per strategy group.
// Totals appear only in table/md output (CONTRACT: CSV has line items only).

import { pushTo } from '../extract/collections.js';
import type { BudgetLine, PolicyDocument } from '../model/types.js';
import { sourceColumn, documentColumn, isContractPeriod, pageColumn, pageRef, pct2, sourceRef, type Column, type Command, type CommandResult, type Row } from './types.js';

export function remainingOf(line: BudgetLine): number | undefined {
  return line.budget && line.executed ? line.budget.value - line.executed.value : undefined;
}

/** Execution rate in percent with two decimals, from the amounts. */
export function executionRate(executed: number | undefined, budget: number | undefined): number | undefined {
  return pct2(executed, budget);
}

const SORTS: Record<string, (a: Row, b: Row) => number> = {
  rate: (a, b) => num(a.execution_rate_pct) - num(b.execution_rate_pct),
  budget: (a, b) => num(b.budget_krw) - num(a.budget_krw),
  executed: (a, b) => num(b.executed_krw) - num(a.executed_krw),
  name: (a, b) => String(a.program ?? a.group).localeCompare(String(b.program ?? b.group), 'ko'),
};
export const BUDGET_SORTS = Object.keys(SORTS);

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number.POSITIVE_INFINITY;
}

function sum(rows: Row[], key: string): number {
  return rows.reduce((s, r) => s + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);
}

function lineRows(doc: PolicyDocument): Row[] {
  return doc.budgetLines.map((l) => ({
    document: doc.file,
    group: l.group ?? '',
    // The contract's year column holds `YYYY`; a line for several years (`2023 이전`) names them in year_label.
    year: isContractPeriod(l.year) ? l.year : '',
    year_label: l.year !== undefined && !isContractPeriod(l.year) ? l.year : '',
    carried_over_krw: l.carriedOver?.value,
    unused_krw: l.unused?.value,
    program: l.program,
    budget_krw: l.budget?.value,
    executed_krw: l.executed?.value,
    remaining_krw: remainingOf(l),
    execution_rate_pct: executionRate(l.executed?.value, l.budget?.value),
    stated_rate_pct: l.statedRate?.value,
    rate_bar: executionRate(l.executed?.value, l.budget?.value),
    status: l.status ?? l.allocationDate ?? '',
    source: sourceRef(l.source),
    page: pageRef(l.source),
  }));
}

/** Budget and executed amounts of a set of lines, in 원. */
export interface BudgetSums {
  budget: number;
  /** Undefined when no line states an executed amount (blank, not 0 and 0%). */
  executed?: number;
  /** The year summed, when the lines belong to several years and some are dated (not for the undated lines). */
  year?: string;
}

/**
 * A document's headline sums: budget and executed over its lines. When the lines
 * belong to several years (a total never adds two years' budgets, as in `totalSets`),
 * over the undated lines if there are any — a document's own budget table names no
 * year, a program's schedule beside it does — else over the latest year's.
 */
export function budgetSums(lines: BudgetLine[]): BudgetSums {
  const year = headlineYear(lines);
  let budget = 0;
  let executed: number | undefined;
  for (const l of lines) {
    if (year !== undefined && (l.year ?? '') !== year) continue;
    budget += l.budget?.value ?? 0;
    if (l.executed) executed = (executed ?? 0) + l.executed.value;
  }
  return { budget, ...(executed !== undefined ? { executed } : {}), ...(year ? { year } : {}) };
}

/**
 * The year whose lines make the headline when the lines name more than one year: ''
 * (the undated lines) when some are undated, else the latest (`2023 이전` counts as 2023).
 * Undefined when there is one year or none.
 */
function headlineYear(lines: BudgetLine[]): string | undefined {
  const years = new Set<string>();
  for (const l of lines) years.add(l.year ?? '');
  if (years.size <= 1) return undefined;
  if (years.has('')) return '';
  let latest: string | undefined;
  let latestNumber = -Infinity;
  for (const y of years) {
    const n = Number(/^\d{4}/.exec(y)?.[0] ?? NaN);
    if (n > latestNumber) {
      latest = y;
      latestNumber = n;
    }
  }
  return latest;
}

function totalRow(rows: Row[], label: Row): Row {
  const budget = sum(rows, 'budget_krw');
  // A table with no 집행 column states no execution: blank, not 0 and 0%.
  if (!rows.some((r) => typeof r.executed_krw === 'number')) return { ...label, budget_krw: budget };
  const executed = sum(rows, 'executed_krw');
  const rate = executionRate(executed, budget);
  return { ...label, budget_krw: budget, executed_krw: executed, remaining_krw: budget - executed, execution_rate_pct: rate, rate_bar: rate };
}

/** The year a line belongs to: its contract year or its printed year label; '' when undated. */
function yearKey(r: Row): string {
  return String(r.year || r.year_label || '');
}

/**
 * The rows a total adds, and its label: all rows under `Total`, or, when the rows
 * belong to several years (a multi-year table), one set per year (`Total 2024`;
 * undated lines `Total (no year)`). A total never adds two years' budgets.
 */
function totalSets(rows: Row[]): { label: string; rows: Row[] }[] {
  const byYear = new Map<string, Row[]>();
  for (const r of rows) pushTo(byYear, yearKey(r), r);
  if (byYear.size <= 1) return [{ label: 'Total', rows }];
  return [...byYear].map(([year, inYear]) => ({ label: year ? `Total ${year}` : 'Total (no year)', rows: inYear }));
}

/** How many names a note lists before `…`. */
const NOTE_NAMES = 3;

/**
 * Notes for documents without a budget table: one line each when no document
 * has one, else one line for all of them (a corpus of mixed kinds is not a wall of notes).
 */
export function noBudgetNotes(files: string[], othersHaveOne: boolean): string[] {
  if (files.length === 0) return [];
  if (!othersHaveOne) return files.map((f) => `${f}: no budget table`);
  const names = files.slice(0, NOTE_NAMES).join(', ') + (files.length > NOTE_NAMES ? ', …' : '');
  return [`${files.length} document${files.length > 1 ? 's have' : ' has'} no budget table (${names})`];
}

/** Sort rows by `key` within their groups, the groups staying in document order. */
function sortWithinGroups(rows: Row[], compare: (a: Row, b: Row) => number): Row[] {
  const order = new Map<string, number>();
  for (const r of rows) {
    const g = `${r.document}\u0000${r.group}`;
    if (!order.has(g)) order.set(g, order.size);
  }
  const groupOf = (r: Row) => order.get(`${r.document}\u0000${r.group}`)!;
  return [...rows].sort((a, b) => groupOf(a) - groupOf(b) || compare(a, b));
}

export const budget: Command = ({ documents, options }): CommandResult => {
  const docs = documents.filter((d) => d.budgetLines.length > 0);
  // A document with no budget table is said so once, not shown as an empty table with a zero total.
  const noted = { notes: noBudgetNotes(documents.filter((d) => d.budgetLines.length === 0).map((d) => d.file), docs.length > 0) };
  const single = new Set(docs.map((d) => d.file)).size <= 1;
  let rows = docs.flatMap(lineRows);
  if (options.group) {
    const needle = options.group.replace(/\s+/g, '');
    rows = rows.filter((r) => String(r.group).replace(/\s+/g, '').includes(needle));
  }
  const moneyUnit = docs[0]?.moneyUnit ?? '원';
  const title = single && docs[0] ? `${docs[0].title} — 예산집행 (${docs[0].file})` : 'Budget execution';
  if (options.by === 'group') {
    const groups = new Map<string, Row[]>();
    // Lines of a multi-year table are grouped within their year: a group never adds up two years.
    const groupOf = (r: Row) => {
      const year = yearKey(r);
      return year ? `${year}${r.group ? ' ' + String(r.group) : ''}` : String(r.group);
    };
    for (const r of rows) {
      const key = `${r.document}\u0000${groupOf(r)}`;
      pushTo(groups, key, r);
    }
    let grouped: Row[] = [...groups.values()].map((g) => ({
      ...totalRow(g, { document: g[0]!.document, group: groupOf(g[0]!) }),
      programs: g.length,
    }));
    if (options.below !== undefined) {
      grouped = grouped.filter((r) => typeof r.execution_rate_pct === 'number' && r.execution_rate_pct < options.below!);
    }
    if (options.sort && SORTS[options.sort]) grouped = [...grouped].sort(SORTS[options.sort]);
    const columns: Column[] = [
      documentColumn(single),
      { key: 'group', label: 'group', kind: 'text' },
      { key: 'programs', label: 'programs', kind: 'int' },
      { key: 'budget_krw', label: 'budget', kind: 'krw' },
      { key: 'executed_krw', label: 'executed', kind: 'krw' },
      { key: 'remaining_krw', label: 'remaining', kind: 'krw' },
      { key: 'execution_rate_pct', label: 'rate %', kind: 'pct' },
      { key: 'rate_bar', label: '', kind: 'rate-bar', displayOnly: true },
    ];
    const kept = new Set(grouped.map((g) => `${g.document}\u0000${g.group}`));
    const inGroups = options.below === undefined ? rows : rows.filter((r) => kept.has(`${r.document}\u0000${groupOf(r)}`));
    const totals = totalSets(inGroups).map((t) => ({ ...totalRow(t.rows, { group: t.label }), programs: t.rows.length }));
    return { tables: [{ title, columns, rows: grouped, totals, moneyUnit, omitWhenEmpty: docs.length === 0 }], ...noted };
  }
  if (options.below !== undefined) {
    rows = rows.filter((r) => typeof r.execution_rate_pct === 'number' && r.execution_rate_pct < options.below!);
  }
  // By name: within each group (the groups stay as the document orders them); by a figure: across groups.
  if (options.sort === 'name') rows = sortWithinGroups(rows, SORTS.name!);
  else if (options.sort && SORTS[options.sort]) rows = [...rows].sort(SORTS[options.sort]);
  const columns: Column[] = [
    documentColumn(single),
    { key: 'group', label: 'group', kind: 'text' },
    { key: 'program', label: 'program', kind: 'text' },
    { key: 'budget_krw', label: 'budget', kind: 'krw' },
    { key: 'executed_krw', label: 'executed', kind: 'krw' },
    { key: 'remaining_krw', label: 'remaining', kind: 'krw' },
    { key: 'execution_rate_pct', label: 'rate %', kind: 'pct' },
    { key: 'stated_rate_pct', label: 'stated %', kind: 'pct' },
    { key: 'rate_bar', label: '', kind: 'rate-bar', displayOnly: true },
    { key: 'status', label: 'allocated', kind: 'text', displayOnly: true },
    sourceColumn(),
    pageColumn(),
  ];
  // Trailing columns of the contract, shown when some line has them (settlement and multi-year tables).
  if (rows.some((r) => r.year !== '')) columns.push({ key: 'year', label: 'year', kind: 'text' });
  if (rows.some((r) => r.carried_over_krw !== undefined)) columns.push({ key: 'carried_over_krw', label: 'carried over', kind: 'krw' });
  if (rows.some((r) => r.unused_krw !== undefined)) columns.push({ key: 'unused_krw', label: 'unused', kind: 'krw' });
  if (rows.some((r) => r.year_label !== '')) columns.push({ key: 'year_label', label: 'years', kind: 'text' });
  const sorted = options.sort !== undefined && options.sort !== 'name';
  return {
    tables: [
      {
        title,
        columns,
        rows,
        totals: totalSets(rows).map((t) => totalRow(t.rows, { program: t.label })),
        moneyUnit,
        ...(sorted ? {} : { groupKey: 'group' }),
        omitWhenEmpty: docs.length === 0,
      },
    ],
    ...noted,
  };
};

budget.uses = ['budgetLines'];
