// Money as the model holds it: a Quantity in 원 with the source it was read
// from, and a table cell read under the table's declared unit. Pure.

import type { Quantity, Source } from '../model/types.js';
import { parseKoreanAmount } from './amounts.js';

export function money(krw: number, source: Source, maxKrw?: number): Quantity {
  const q: Quantity = { value: krw, unit: '원', source };
  if (maxKrw !== undefined) q.max = maxKrw;
  return q;
}

/** An empty cell or a lone dash (`-`, `–`, `—`): nothing printed. */
export function isBlankCell(cell: string | undefined): boolean {
  const text = (cell ?? '').trim();
  return text === '' || /^[-–—]$/.test(text);
}

/** A money cell under a declared unit; undefined for blanks and dashes. */
export function moneyCell(cell: string | undefined, unit: string, source: Source): Quantity | undefined {
  if (isBlankCell(cell)) return undefined;
  const amount = parseKoreanAmount((cell ?? '').trim(), unit);
  return amount ? money(amount.krw, source, amount.maxKrw) : undefined;
}
