// Table helpers: tab-separated rows, `(단위 : 천원)` declarations, and mapping
// columns by what their header means rather than where they stand. Pure.

import { cellText, foldFullWidth } from './text.js';
import { isMoneyUnit } from './amounts.js';

/** Cells of a tab-separated row, HTML inside cells reduced to text. */
export function splitCells(line: string): string[] {
  return line.split('\t').map(cellText);
}

export interface UnitDeclaration {
  /** All units in the order declared: `(단위 : 건, 천원)` → ['건', '천원']. */
  units: string[];
  /** The money unit among them, if any. */
  money?: string;
}

/**
 * A unit declaration line: `(단위 : 천원)`, `('20. 6. 30 현재, 단위 : 건, 천원)`,
 * `[단위: 백만원]`. Undefined if the line declares none.
 */
export function parseUnitDeclaration(line: string): UnitDeclaration | undefined {
  const m = /단\s*위\s*[:：]\s*([^)\]]+)/.exec(foldFullWidth(line));
  if (!m) return undefined;
  const units = (m[1] ?? '')
    .split(/[,/·]/)
    // A remark after the unit (`억원 (소수점 첫째 자리)`) is not part of it.
    .map((u) => u.replace(/\(.*$/, '').replace(/\s+/g, ''))
    .filter(Boolean);
  if (units.length === 0) return undefined;
  const money = units.find(isMoneyUnit);
  return money ? { units, money } : { units };
}

/** What a column means, with the header words that say so. */
export type ColumnVocabulary<K extends string> = Record<K, RegExp>;

/**
 * Map header cells to meanings: the first header matching each meaning's
 * pattern wins, comparing without spaces (`잔 액` = `잔액`). Returns the column
 * index per meaning; meanings with no header are absent.
 */
export function mapColumns<K extends string>(
  headers: string[],
  vocabulary: ColumnVocabulary<K>,
): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  const taken = new Set<number>();
  for (const key of Object.keys(vocabulary) as K[]) {
    const pattern = vocabulary[key];
    const index = headers.findIndex((h, i) => !taken.has(i) && pattern.test(h.replace(/\s+/g, '')));
    if (index >= 0) {
      result[key] = index;
      taken.add(index);
    }
  }
  return result;
}
