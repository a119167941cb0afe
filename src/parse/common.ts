// Helpers the three parsers share: building Quantities with their source,
// reading a cell as money / count / percent, and diagnostics wording.

import type { Diagnostic, DiagnosticCode, Quantity, Source } from '../model/types.js';
import { parseKoreanAmount, parsePercent, MONEY_UNITS } from '../extract/amounts.js';

export function money(krw: number, source: Source, maxKrw?: number): Quantity {
  const q: Quantity = { value: krw, unit: '원', source };
  if (maxKrw !== undefined) q.max = maxKrw;
  return q;
}

/** A money cell under a declared unit; undefined for blanks and dashes. */
export function moneyCell(cell: string | undefined, unit: string, source: Source): Quantity | undefined {
  const text = (cell ?? '').trim();
  if (text === '' || /^[-–—]$/.test(text)) return undefined;
  const amount = parseKoreanAmount(text, unit);
  return amount ? money(amount.krw, source, amount.maxKrw) : undefined;
}

export function isBlankCell(cell: string | undefined): boolean {
  return (cell ?? '').trim() === '' || /^[-–—]$/.test((cell ?? '').trim());
}

export function percentQuantity(text: string, source: Source): Quantity | undefined {
  const p = parsePercent(text);
  return p ? { value: p.value, unit: p.unit, decimals: decimalsOf(text), source } : undefined;
}

/** Digits after the decimal point in a printed number (`15.7%` → 1, `165%` → 0). */
export function decimalsOf(text: string): number {
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/** A quantity in a unit that may be money (converted to 원) or a count noun. */
export function quantityIn(value: number, unit: string, source: Source): Quantity {
  const mult = MONEY_UNITS[unit];
  if (mult !== undefined) return { value: Math.round(value * mult), unit: '원', source };
  return { value, unit, source };
}

export function warning(code: DiagnosticCode, message: string, source?: Source): Diagnostic {
  return source ? { severity: 'warning', code, message, source } : { severity: 'warning', code, message };
}
