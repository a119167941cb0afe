// The precision a figure was printed with: `13,500백만원` is some amount in
// [13,499.5, 13,500.5) 백만원, `9.6%` some rate in [9.55, 9.65). The checker
// uses these intervals so that a rounding of the printed inputs never becomes
// an error. Pure.

import { foldFullWidth, withoutSpaces } from './text.js';

const MAGNITUDE: Record<string, number> = { 십: 10, 백: 100, 천: 1e3, 만: 1e4, 억: 1e8, 조: 1e12 };

const PRINTED_NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/** The last match of a global pattern in `text` (a figure's last number: most figures print one). */
function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) last = m;
  return last;
}

/** Digits after the decimal point of the last number in `text` (`15.7%` → 1, `1,081억` → 0). */
export function printedDecimals(text: string): number {
  const nums = foldFullWidth(text).match(/\d[\d,]*(?:\.(\d+))?/g);
  const last = nums?.[nums.length - 1];
  const frac = last ? /\.(\d+)$/.exec(last)?.[1] : undefined;
  return frac ? frac.length : 0;
}

/**
 * One step of the last printed digit, in the figure's own unit (원 for money):
 * `13,500백만원` → 1,000,000; `2.6만명` → 1,000; `1조 1,081억원` → 1e8; `9.6%` → 0.1;
 * `12,660` with `scale` 1,000 (a 천원 table) → 1,000.
 */
export function printedStep(text: string, scale = 1): number {
  const s = withoutSpaces(foldFullWidth(text));
  const last = lastMatch(PRINTED_NUMBER, s);
  if (!last) return scale;
  const decimals = /\.(\d+)$/.exec(last[0])?.[1]?.length ?? 0;
  const after = s.slice(last.index! + last[0].length);
  // Magnitude words right after the last number (`1.5천만원` → 천 × 만).
  let magnitude = 1;
  const mag = /^([십백천]?)([만억조]?)/.exec(after);
  if (mag && (mag[1] || mag[2])) {
    magnitude = (mag[1] ? MAGNITUDE[mag[1]]! : 1) * (mag[2] ? MAGNITUDE[mag[2]]! : 1);
  } else magnitude = scale; // money units (`천원`, `백만원`) begin with a magnitude word and are caught above
  return 10 ** -decimals * magnitude;
}

export interface Interval {
  lo: number;
  hi: number;
}

/** The values a printed figure may stand for: value ± step/2. */
export function printedInterval(value: number, step: number | undefined): Interval {
  const h = (step ?? 0) / 2;
  return { lo: value - h, hi: value + h };
}

/** The range of `f` over a box of operand intervals, for `f` monotonic in each operand: evaluated at every corner. */
export function rangeOver(f: (...xs: number[]) => number, boxes: Interval[]): Interval | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  const n = boxes.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const xs = boxes.map((b, i) => (mask & (1 << i) ? b.hi : b.lo));
    const v = f(...xs);
    if (!Number.isFinite(v)) return undefined;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { lo, hi };
}
