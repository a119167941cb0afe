// Cell formatting shared by the human-facing renderers (table, md): money in the
// display unit with thousands separators and as many decimals as the column
// needs to show its figures, rates with one decimal, empty for unknown.

import { formatAmount, formatGrouped, MONEY_UNITS } from '../extract/amounts.js';
import type { Cell, Column, Row } from '../commands/types.js';

export interface HumanFormat {
  /** Money display unit (원, 천원, 백만원, 억원, 조원). */
  unit: string;
  /** Decimals per money column (by key), chosen by `moneyDecimals`. */
  decimals?: Record<string, number>;
}

const BAR_WIDTH = 10;
/** Most decimals a money column gets: past this a figure is too small for the unit to be useful. */
const MAX_MONEY_DECIMALS = 6;

export function rateBar(rate: number): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round((rate / 100) * BAR_WIDTH)));
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

/** The unit's usual decimals: one for 억원 and 조원 (`20.9`), none for smaller units. */
function baseDecimals(unit: string): number {
  return unit === '억원' || unit === '조원' ? 1 : 0;
}

/**
 * Decimals for a money column: the unit's usual ones, or more until every
 * non-zero amount shows a non-zero digit (`--unit 조원`: 26,507,677,000 원 is
 * `0.027`, not `0.0`).
 */
export function moneyDecimals(values: Iterable<Cell>, unit: string): number {
  const scale = MONEY_UNITS[unit] ?? 1;
  let smallest = Infinity;
  for (const v of values) if (typeof v === 'number' && v !== 0) smallest = Math.min(smallest, Math.abs(v) / scale);
  let d = baseDecimals(unit);
  if (!Number.isFinite(smallest)) return d;
  while (d < MAX_MONEY_DECIMALS && Math.round(smallest * 10 ** d) === 0) d++;
  return d;
}

/** Decimals of every money column of these rows. */
export function columnDecimals(columns: Column[], rows: Row[][], unit: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of columns) {
    if (c.kind !== 'krw') continue;
    const values: Cell[] = [];
    for (const list of rows) for (const r of list) values.push(r[c.key]);
    out[c.key] = moneyDecimals(values, unit);
  }
  return out;
}

export function formatCell(value: Cell, column: Column, fmt: HumanFormat): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'krw':
      return formatAmount(value, fmt.unit, fmt.decimals?.[column.key] ?? baseDecimals(fmt.unit));
    case 'pct':
      return value.toFixed(1);
    case 'rate-bar':
      return rateBar(value);
    case 'int':
      return formatGrouped(Math.round(value), 0);
    case 'number':
      return formatGrouped(value, 2);
    default:
      return String(value);
  }
}

export function isRightAligned(column: Column): boolean {
  return column.kind === 'krw' || column.kind === 'pct' || column.kind === 'int' || column.kind === 'number';
}

/** Column header with the money unit, so a reader knows what the figures are in. */
export function headerLabel(column: Column, fmt: HumanFormat): string {
  return column.kind === 'krw' ? `${column.label} (${fmt.unit})` : column.label;
}
