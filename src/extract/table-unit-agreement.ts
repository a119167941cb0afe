// A money unit for a table that declares none, taken from another table of the
// same document that declares one and prints the same amount for the same year.
// Budget sheets state `(단위: 백만원)` over the first table and leave it off the
// later ones (`연도 | 2020 … 2024` over `사업비`, a 내역사업별 지원금액 table).
// The same printed amount for the same year, in a table whose unit is stated, is
// evidence of the unit; a table that repeats no stated amount stays unread
// (table-unit-missing). Pure.

import type { Source } from '../model/types.js';
import type { ColumnInfo, ColumnRole } from './table-roles.js';
import type { BodyRow } from './table-rows.js';

/** An amount printed for a year in a table with a stated money unit. */
export interface UnitAnchor {
  year: string;
  /** As printed, in the table's unit. */
  value: number;
  unit: string;
  source: Source;
}

export interface UnitAgreement {
  unit: string;
  year: string;
  value: number;
  /** The figure agrees with the sum of the column's rows, not with one row. */
  summed: boolean;
  anchor: UnitAnchor;
}

/** Columns whose figure is an amount of one year. */
const YEAR_AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set(['budget', 'executed', 'year']);

/**
 * Below this a printed amount may repeat by chance (`100`, `1,000`): at least
 * five significant digits are asked for.
 */
const MIN_AGREEING = 10_000;

function yearColumns(columns: ColumnInfo[]): ColumnInfo[] {
  return columns.filter((c) => YEAR_AMOUNT_ROLES.has(c.role) && c.year !== undefined && !c.year.bucket && !c.year.end && !c.pair && !c.excluded);
}

/** A plain amount in the table's own unit: not a rate, count or amount with its own unit. */
function plainValue(row: BodyRow, column: number): number | undefined {
  const f = row.figures.get(column);
  if (!f || f.value === undefined || f.percent || f.countUnit || f.krw !== undefined || f.problem) return undefined;
  return f.value;
}

/** The amounts of a table with a stated money unit, per year column. */
export function anchorsOf(rows: BodyRow[], columns: ColumnInfo[], unit: string): UnitAnchor[] {
  const out: UnitAnchor[] = [];
  for (const column of yearColumns(columns)) {
    for (const row of rows) {
      const value = plainValue(row, column.index);
      if (value !== undefined && Math.abs(value) >= MIN_AGREEING) out.push({ year: column.year!.year, value, unit, source: row.source });
    }
  }
  return out;
}

/** Anchors by year and amount, so that a long document is not searched once per figure. */
export type AnchorIndex = Map<string, UnitAnchor[]>;

const keyOf = (year: string, value: number) => `${year}|${value}`;

export function indexAnchors(anchors: UnitAnchor[]): AnchorIndex {
  const index: AnchorIndex = new Map();
  for (const a of anchors) {
    const key = keyOf(a.year, a.value);
    const list = index.get(key);
    if (list) list.push(a);
    else index.set(key, [a]);
  }
  return index;
}

/**
 * The unit of a table without one: the unit of the anchors that one of its
 * year amounts (or a year column's sum over rows that are not totals) repeats.
 * Undefined when nothing agrees, or when agreeing anchors disagree on the unit.
 */
export function unitByAgreement(rows: BodyRow[], columns: ColumnInfo[], anchors: AnchorIndex): UnitAgreement | undefined {
  const found: UnitAgreement[] = [];
  const match = (year: string, value: number, summed: boolean) => {
    if (Math.abs(value) < MIN_AGREEING) return;
    for (const anchor of anchors.get(keyOf(year, value)) ?? []) found.push({ unit: anchor.unit, year, value, summed, anchor });
  };
  for (const column of yearColumns(columns)) {
    const year = column.year!.year;
    let sum = 0;
    let parts = 0;
    for (const row of rows) {
      const value = plainValue(row, column.index);
      if (value === undefined) continue;
      match(year, value, false);
      if (!row.total && !row.subtotal) {
        sum += value;
        parts++;
      }
    }
    if (parts >= 2) match(year, Math.round(sum * 1000) / 1000, true);
  }
  const units = new Set(found.map((f) => f.unit));
  return units.size === 1 ? found[0] : undefined;
}
