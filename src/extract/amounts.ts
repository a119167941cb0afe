// Readers of Korean figures: plain numbers (with table negatives), money with
// Korean magnitudes (`1조 1,081억원`, `307.9억`, `2천~4천만원`), counts with unit
// nouns (`2.6만명`) and percentages. Pure; every result is a plain number.

import { foldFullWidth, isDigitCode, matchesOf } from './text.js';
import { MONEY_UNITS } from './units.js';

const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

const PLAIN_NUMBER = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A plain number as printed in a table cell: `1,234`, `12.5`, and the three ways
 * Korean tables write negatives: `△1,920`, `-1,920`, `(1,920)`. Undefined if the
 * cell is not exactly one number.
 */
export function parseNumber(text: string): number | undefined {
  // Most cells are a plain printed number: read it without the clean-up below (same result, far less garbage).
  const plain = plainValue(text);
  if (!Number.isNaN(plain)) return Number.isFinite(plain) ? plain : undefined;
  // A character the clean-up below neither removes nor folds into a digit, comma or full
  // stop stays in the text, which is then no number: most texts asked (`협력국가`, a cell of
  // several lines) are answered at their first character, not folded, trimmed and copied.
  if (NOT_IN_A_NUMBER.test(text)) return undefined;
  let s = foldFullWidth(text).trim().replace(/\s+/g, '');
  if (s === '') return undefined;
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1] ?? '';
    sign = -1;
  }
  if (/^[△▽\-−–]/.test(s)) {
    s = s.slice(1);
    sign = -sign;
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  // Thousands separators must be in groups of three, so `1,23` is not a number.
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const value = Number(s.replace(/,/g, ''));
  return Number.isFinite(value) ? sign * value : undefined;
}

/** Digits of an integer that add up exactly in a double (below 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of `text` when PLAIN_NUMBER matches it (`1,234`, `12.5`; Infinity for a
 * number too long for a double), NaN when it does not: PLAIN_NUMBER read character by
 * character, in one pass with the digits of an integer (most figures are integers).
 */
function plainValue(text: string): number {
  const n = text.length;
  let i = 0;
  let value = 0;
  while (i < n && isDigitCode(text.charCodeAt(i))) value = value * 10 + (text.charCodeAt(i++) - 0x30);
  const lead = i;
  if (lead === 0) return NaN;
  let digits = lead;
  // `\d{1,3}(,\d{3})+`: groups of exactly three digits after a lead of one to three.
  while (i < n && text.charCodeAt(i) === 0x2c) {
    if (lead > 3) return NaN;
    for (let k = 1; k <= 3; k++) {
      const code = text.charCodeAt(i + k);
      if (!isDigitCode(code)) return NaN;
      value = value * 10 + (code - 0x30);
    }
    i += 4;
    digits += 3;
    if (i < n && isDigitCode(text.charCodeAt(i))) return NaN;
  }
  if (i === n) return digits <= EXACT_DIGITS ? value : Number(text.includes(',') ? text.replace(/,/g, '') : text);
  // `(\.\d+)?$`.
  if (text.charCodeAt(i) !== 0x2e || i + 1 === n) return NaN;
  for (let k = i + 1; k < n; k++) if (!isDigitCode(text.charCodeAt(k))) return NaN;
  return Number(text.includes(',') ? text.replace(/,/g, '') : text);
}

/**
 * Any character but those a printed number is made of once cleaned: digits, separators,
 * white space, brackets and signs, and their full-width forms (`１２３，４５６`).
 */
const NOT_IN_A_NUMBER = /[^\d,.\s()△▽\-−–+０-９，．（）－＋]/;

const SMALL: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const BIG: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };

const SEGMENT = new RegExp(String.raw`(${DIGITS})\s*([십백천])?\s*([만억조])?`, 'g');

/**
 * A number written with Korean magnitudes: `1조 1,081억` → 1.1081e12, `3만` → 30000,
 * `1.5천` → 1500, `5천만` → 5e7. Undefined when the text holds anything else.
 */
export function parseKoreanNumber(text: string): number | undefined {
  // Most figures carry no magnitude word (`1,234`, `12.5`): the segment loop below would read them as this does.
  const plain = plainValue(text);
  if (!Number.isNaN(plain)) return Number.isFinite(plain) ? plain : undefined;
  const s = foldFullWidth(text).trim();
  if (s === '') return undefined;
  let total = 0;
  let consumed = '';
  let lastBig = Infinity;
  for (const m of matchesOf(SEGMENT, s)) {
    const num = parseNumber(m[1] ?? '');
    if (num === undefined) return undefined;
    const small = m[2] ? (SMALL[m[2]] ?? 1) : 1;
    const big = m[3] ? (BIG[m[3]] ?? 1) : 1;
    // Magnitudes must fall (조 before 억 before 만) for the segments to add up.
    if (big >= lastBig) return undefined;
    lastBig = big;
    total += num * small * big;
    consumed += m[0];
  }
  if (consumed.replace(/\s+/g, '') !== s.replace(/\s+/g, '')) return undefined;
  return total;
}

export interface Amount {
  /** KRW, rounded to the won. For a range, the lower bound. */
  krw: number;
  /** Upper bound of a range (`2천~4천만원`). */
  maxKrw?: number;
}

export { MONEY_UNITS, isMoneyUnit } from './units.js';

/** The marks a range is written with (`2천~4천만원`). */
const RANGE_MARK = /[~∼～〜]/;

function splitRange(text: string): [string, string] | undefined {
  if (!RANGE_MARK.test(text)) return undefined;
  const parts = text.split(/\s*[~∼～〜]\s*/);
  if (parts.length !== 2) return undefined;
  return [parts[0] ?? '', parts[1] ?? ''];
}

/**
 * Money as Korean documents write it. With a unit in the text (`원`, `억`, `조`,
 * `천원`…) the text decides; a bare number (`17,780,000`) takes `defaultUnit`
 * (a table's `(단위 : 천원)`) or is not money at all.
 */
export function parseKoreanAmount(text: string, defaultUnit?: string): Amount | undefined {
  const s = foldFullWidth(text).trim().replace(/\s*원$/, '원');
  const range = splitRange(s);
  if (range) {
    const [lo, hi] = range;
    const upper = parseKoreanAmount(hi, defaultUnit);
    if (!upper) return undefined;
    // `2천~4천만원`: the right side's magnitude and unit also apply to the left.
    const hiTail = /([만억조]?원|[만억조])$/.exec(hi.trim())?.[1] ?? '';
    const loHasBig = /[만억조]/.test(lo) || /원$/.test(lo);
    const lower = parseKoreanAmount(loHasBig ? lo : lo + hiTail, defaultUnit);
    if (!lower) return undefined;
    return { krw: lower.krw, maxKrw: upper.krw };
  }
  let body = s;
  if (body.endsWith('원')) {
    body = body.slice(0, -1);
  } else if (!/[만억조]$/.test(body)) {
    if (!defaultUnit) return undefined;
    const unit = MONEY_UNITS[defaultUnit];
    if (unit === undefined) return undefined;
    const n = parseNumber(body);
    return n === undefined ? undefined : { krw: Math.round(n * unit) };
  }
  const n = parseKoreanNumber(body);
  if (n === undefined) {
    const plain = parseNumber(body);
    if (plain === undefined) return undefined;
    return { krw: Math.round(plain) };
  }
  return { krw: Math.round(n) };
}

/** Unit nouns that follow counts, longest first so `개사` wins over `개`. */
export const COUNT_UNITS = [
  '개기관', '개국', '개사', '개교', '개소', '개월', '개팀', '과제', '개', '명', '건', '회', '편', '종', '팀',
  '곳', '대', '권', '부', '점', '시간', '일', '배', '품목', '社', '톤', '가구', '칸', '호', 'ha',
];

export interface Count {
  value: number;
  unit: string;
  max?: number;
}

const COUNT_RE = new RegExp(
  String.raw`^(${DIGITS})\s*([십백천]?[만억]?)\s*(${COUNT_UNITS.join('|')})?$`,
);

/** A count with its unit noun: `3만개` → 30000 개, `2.6만명` → 26000 명, `12,660` → 12660. */
export function parseCount(text: string): Count | undefined {
  const s = foldFullWidth(text).trim();
  const m = COUNT_RE.exec(s);
  if (!m) return undefined;
  const value = parseKoreanNumber((m[1] ?? '') + (m[2] ?? ''));
  if (value === undefined) return undefined;
  return { value: roundTo(value, 6), unit: m[3] ?? '' };
}

export interface Percent {
  value: number;
  unit: '%' | '%p';
}

/** `18.6%` → 18.6 %, `5.45%p` → 5.45 %p, `△2.1%` → -2.1 %. */
export function parsePercent(text: string): Percent | undefined {
  const s = foldFullWidth(text).trim();
  const m = /^(.*?)\s*(%p|％p|%포인트|%)$/.exec(s);
  if (!m) return undefined;
  const value = parseNumber(m[1] ?? '');
  if (value === undefined) return undefined;
  return { value, unit: m[2] === '%' ? '%' : '%p' };
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // An integer whose scaled value is exact (under 2^53) rounds to itself: most figures are integers.
  if (Number.isInteger(value) && Math.abs(value) * f < 9007199254740992) return value;
  return Math.round(value * f) / f;
}

/** Format KRW in a money unit for display: 17780000000 in 천원 → `17,780,000`. */
export function formatAmount(krw: number, unit: string, decimals = 0): string {
  const mult = MONEY_UNITS[unit] ?? 1;
  return groupThousands(krw / mult, decimals);
}

/** `1234567.891` → `1,234,567.89` (two decimals): Intl's formatter costs more than a table needs. */
export function groupThousands(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + out + (frac ? `.${frac}` : '');
}

const groupedFormats = new Map<number, Intl.NumberFormat>();

/** The rare numbers `formatGrouped` leaves to ICU: not finite, or written with an exponent. */
function intlGrouped(value: number, maximumFractionDigits: number): string {
  let format = groupedFormats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits });
    groupedFormats.set(maximumFractionDigits, format);
  }
  return format.format(value);
}

/** A string of decimal digits plus one in its last place (`"0999"` → `"1000"`, `"99"` → `"100"`). */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  const tail = '0'.repeat(digits.length - 1 - i);
  return i < 0 ? '1' + tail : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + tail;
}

/**
 * `v.toLocaleString('en-US', { maximumFractionDigits })`, computed here: the first
 * Intl.NumberFormat of a process loads ICU's number data, 6–24 ms of a one-document
 * run. As ICU does, the shortest decimal form of the number (what String(v) writes)
 * is rounded half away from zero, trailing zeros dropped, thousands grouped, and a
 * negative number that rounds to zero keeps its sign (`-0`). A test compares it with
 * Intl.NumberFormat on random and borderline values.
 */
export function formatGrouped(value: number, maximumFractionDigits: number): string {
  const text = Math.abs(value).toString();
  if (!Number.isFinite(value) || text.includes('e')) return intlGrouped(value, maximumFractionDigits);
  const dot = text.indexOf('.');
  let int = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? '' : text.slice(dot + 1);
  if (frac.length > maximumFractionDigits) {
    const up = frac.charCodeAt(maximumFractionDigits) >= 0x35; // the next digit is 5 or more
    frac = frac.slice(0, maximumFractionDigits);
    if (up) {
      const digits = incrementDigits(int + frac);
      int = digits.slice(0, digits.length - frac.length);
      frac = digits.slice(digits.length - frac.length);
    }
  }
  frac = frac.replace(/0+$/, '');
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ',';
    grouped += int[i];
  }
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + grouped + (frac ? `.${frac}` : '');
}

/**
 * A quantity for reading: money in the given display unit (`5,987억원`), counts
 * with their noun (`30,144개`), percentages (`18.6%`). Ranges as `lo~hi`.
 */
export function formatQuantity(value: number, unit: string, moneyUnit: string, max?: number): string {
  if (unit === '원') {
    const decimals = moneyUnit === '억원' || moneyUnit === '조원' ? (Number.isInteger(value / (MONEY_UNITS[moneyUnit] ?? 1)) ? 0 : 1) : 0;
    const lo = formatAmount(value, moneyUnit, decimals);
    return max !== undefined ? `${lo}~${formatAmount(max, moneyUnit, decimals)}${moneyUnit}` : `${lo}${moneyUnit}`;
  }
  const fmt = (v: number) => formatGrouped(v, 2);
  return max !== undefined ? `${fmt(value)}~${fmt(max)}${unit}` : `${fmt(value)}${unit}`;
}
