// One table cell read as figures: blank, one number (with Korean negatives and
// percentages), a number with a bracketed or parenthesised second, money with its
// own unit, or unreadable. Two numbers are never joined into one. Pure.

import { parseCount, parseKoreanAmount, parseNumber } from './amounts.js';
import { foldFullWidth } from './text.js';

export interface CellFigure {
  text: string;
  blank: boolean;
  /** The figure in the table's printed unit (or the cell's own, converted: see `krw`). */
  value?: number;
  /** Money the cell states with its own unit (`1,081억원`), in 원. */
  krw?: number;
  /** A second number in the same cell: `[…]` (실집행액) or `(…)` (change). */
  second?: { kind: 'bracket' | 'paren' | 'arrow'; value: number };
  /** `▲`: some documents mean increase, others decrease; compared by magnitude only. */
  ambiguousSign?: boolean;
  problem?: 'several-numbers' | 'unreadable';
  decimals: number;
  /** Printed with `%`: a share or rate, never money. */
  percent?: boolean;
  /** A footnote mark after the figure (`4,873*`): read, and the mark kept here. */
  footnote?: string;
  /** A count printed with its noun (`96개소`, `76만명`): `value` is the count, never money. */
  countUnit?: string;
}

/** A number with thousands separators and decimals, nothing else but an optional `%` right after it. */
const PLAIN_FIGURE = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)([%％])?$/;

const DIGIT = /\d/;
const NOT_IN_NUMBER = /[^\d,.()△▽\-−–+\s]/;
const ARROW_CHARACTER = /[→⇒>▶➡]/;

export const BLANK = /^[-–—‐·.]?$|^해당\s*없음$|^n\/?a$/i;

function readNumber(raw: string): { value?: number; ambiguous?: boolean; several?: boolean } {
  let s = foldFullWidth(raw).trim().replace(/^([△▽▲▼\-−–+])\s+/, '$1').replace(/\s*[%％]$/, '');
  let ambiguous = false;
  if (s.startsWith('▲')) {
    ambiguous = true;
    s = s.slice(1);
  } else if (s.startsWith('▼')) {
    s = `-${s.slice(1)}`;
  }
  // Digits on both sides of a space or line break are two figures, never one.
  if (/[\d)\]]\s+[(\[△▽▲▼\-−–+]?\d/.test(s)) return { several: true };
  // A number holds nothing but digits, separators, brackets, signs and spaces (`s` is folded): a date or a word is none.
  if (NOT_IN_NUMBER.test(s)) return {};
  const value = parseNumber(s);
  return value === undefined ? {} : { value, ambiguous };
}

/**
 * Whether a cell reads as a figure (`readCellFigure(text).value` is set), answered at
 * once for the text that cannot be one (a name, a word): it does not start as a figure does.
 */
export function holdsFigure(text: string): boolean {
  return FIGURE_START.test(text) && readCellFigure(text).value !== undefined;
}

/**
 * How every figure a cell can hold begins, asked of the text as printed: after white space, a
 * digit, a sign or an opening bracket, or the full-width form of one (`０`–`９`, `（`, `－`, `＋`).
 */
const FIGURE_START = /^\s*[\d(△▽▲▼\-−–+０-９（－＋]/;

/** One cell as figures: blank, one number, a number with a bracketed or parenthesised second, or unreadable. */
export function readCellFigure(text: string): CellFigure {
  const folded = foldFullWidth(text).trim();
  // Most cells are one plain number (`1,234`, `45.3%`; no footnote mark can follow it):
  // read as the general path below would, without its patterns.
  const plain = PLAIN_FIGURE.exec(folded);
  if (plain) {
    const number = plain[1]!;
    const value = Number(number.includes(',') ? number.replace(/,/g, '') : number);
    const decimals = plain[2]?.length ?? 0;
    if (Number.isFinite(value)) return plain[3] ? { text, blank: false, value, decimals, percent: true } : { text, blank: false, value, decimals };
  }
  // Every figure, mark and count below holds a digit (full-width ones fold to digits): a
  // cell without one (a word, a run of dashes, nothing) is blank or unreadable, as the patterns would find.
  if (!DIGIT.test(folded)) return BLANK.test(folded) ? { text, blank: true, decimals: 0 } : { text, blank: false, problem: 'unreadable', decimals: 0 };
  const mark = /^(.*\d[%％]?)\s*(\*{1,3}|※\d*|주\d+\)?|[¹²³⁴⁵⁶⁷⁸⁹])$/.exec(folded);
  const t = mark ? mark[1]! : folded;
  const decimals = /\.(\d+)\s*[%％]?\s*$/.exec(t)?.[1]?.length ?? 0;
  if (BLANK.test(t)) return { text, blank: true, decimals };
  const cell = readFigureText(text, t, decimals);
  if (mark) cell.footnote = mark[2]!;
  if (/[%％]\s*$/.test(t) && cell.value !== undefined && !cell.second) cell.percent = true;
  return cell;
}

function readFigureText(text: string, t: string, decimals: number): CellFigure {
  // `312 → 358`: a before and an after figure (under a `'23 → '24` header).
  // Each pattern below is tried only where its mark stands: an arrow anywhere, a closing bracket at the end (`t` is trimmed).
  const arrow = ARROW_CHARACTER.test(t) ? /^(.+?)\s*(?:→|⇒|->|▶|➡)\s*(.+)$/.exec(t) : null;
  if (arrow) {
    const from = readNumber(arrow[1]!);
    const to = readNumber(arrow[2]!);
    if (from.value !== undefined && to.value !== undefined) return { text, blank: false, value: from.value, second: { kind: 'arrow', value: to.value }, decimals };
  }
  const bracket = t.endsWith(']') ? /^([\s\S]*?\S)\s*\[([^\]]*)\]\s*$/.exec(t) : null;
  const paren = bracket || !t.endsWith(')') ? undefined : /^([\s\S]*?[\d,.])\s*\(([^)]*)\)\s*$/.exec(t);
  const split = bracket ?? paren;
  if (split) {
    const main = readNumber(split[1]!);
    const second = readNumber(split[2]!);
    if (main.value !== undefined && second.value !== undefined) {
      const cell: CellFigure = { text, blank: false, value: main.value, second: { kind: bracket ? 'bracket' : 'paren', value: second.value }, decimals };
      if (main.ambiguous) cell.ambiguousSign = true;
      return cell;
    }
  }
  const one = readNumber(t);
  if (one.several) return { text, blank: false, problem: 'several-numbers', decimals };
  if (one.value !== undefined) {
    const cell: CellFigure = { text, blank: false, value: one.value, decimals };
    if (one.ambiguous) cell.ambiguousSign = true;
    return cell;
  }
  // Money with its own unit (`307.9억원`, `1조 1,081억`).
  const amount = /[만억조]\s*원?$|\d\s*원$/.test(t) ? parseKoreanAmount(t) : undefined;
  if (amount && amount.maxKrw === undefined) return { text, blank: false, krw: amount.krw, decimals };
  // A count with its noun (`96개소`, `2.6만명`).
  const count = parseCount(t);
  if (count && count.unit) return { text, blank: false, value: count.value, countUnit: count.unit, decimals };
  return { text, blank: false, problem: 'unreadable', decimals };
}
