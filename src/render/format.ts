// Cell formatting shared by the human-facing renderers (table, md): money in the
// display unit with thousands separators, rates with one decimal, empty for unknown.

import { formatAmount } from '../extract/amounts.js';
import type { Cell, Column } from '../commands/types.js';

export interface HumanFormat {
  /** Money display unit (원, 천원, 백만원, 억원, 조원). */
  unit: string;
}

const BAR_WIDTH = 10;

export function rateBar(rate: number): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round((rate / 100) * BAR_WIDTH)));
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

export function formatCell(value: Cell, column: Column, fmt: HumanFormat): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'krw': {
      const decimals = fmt.unit === '억원' || fmt.unit === '조원' ? 1 : 0;
      return formatAmount(value, fmt.unit, decimals);
    }
    case 'pct':
      return value.toFixed(1);
    case 'rate-bar':
      return rateBar(value);
    case 'int':
      return Math.round(value).toLocaleString('en-US');
    case 'number':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
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
