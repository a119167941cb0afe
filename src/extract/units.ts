// The grammar of units as Korean documents print them: the declaration near a
// table (`(단위: 백만원)`, `[단위 : 천원]`, `(2024. 12. 31. 현재, 단위 : 건, 천원)`,
// a bare `단위: 억원` ending a line), the money units with their multipliers, and
// the unit words a bracketed note may end with (`(현원, 명)`).
// Both the layout readers and the extractors use it, so it imports nothing but
// the import-free text folding: the layout layer stays below the extractors.

import { foldFullWidth } from './text.js';

/** Multipliers of the money units a table may declare. */
export const MONEY_UNITS: Record<string, number> = {
  원: 1,
  천원: 1e3,
  만원: 1e4,
  백만원: 1e6,
  천만원: 1e7,
  억원: 1e8,
  십억원: 1e9,
  조원: 1e12,
};

export function isMoneyUnit(unit: string): boolean {
  return unit in MONEY_UNITS;
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
