// Find every figure in running text: `1조 1,081억원`, `2천~4천만원`, `3만개`,
// `88개사`, `82.2%`, bare `12,660`. Each comes with its position, the word
// before it (its label: `(교육) 1.8만명` → 교육, `정부단독 2,418` → 정부단독) and
// the noun after a count unit (`23개 분야` → 분야). Numbers that are part of a
// word (`4차`, `2년`, `R&D2`) are not figures. Pure.

import { COUNT_UNITS, parseKoreanAmount, parseKoreanNumber, roundTo } from './amounts.js';
import { foldFullWidth, isDigitCode, isHangulSyllableCode, isSpaceCode, matchesOf, withoutSpaces } from './text.js';
import { memoized } from './memo.js';

export type QuantityKind = 'money' | 'count' | 'percent' | 'bare';

export interface FoundQuantity {
  value: number;
  max?: number;
  /** 원 for money (value in KRW), %, %p, a count noun, or '' for a bare number. */
  unit: string;
  kind: QuantityKind;
  /** For bare numbers that may later take a unit: the number as written, without magnitude scaling to money. */
  raw: number;
  rawMax?: number;
  /** Money: the KRW value of one unit as written (`215억원` → 1e8), so a bare number beside it can take the same unit. */
  scale?: number;
  /** The noun that qualifies a count (`23개 분야` → 분야). */
  qualifier?: string;
  label?: string;
  index: number;
  end: number;
  text: string;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const MAG = String.raw`(?:\s*[십백천])?(?:\s*[만억조])?`;
const FULL = String.raw`(?:${NUM}\s*조\s*)?${NUM}${MAG}`;
// `%포인트` is the spelled-out `%p` (press releases write it so).
const UNIT = String.raw`원|%p|%\s*포인트|%|${COUNT_UNITS.join('|')}`;
const QTY = new RegExp(String.raw`(${FULL})(?:\s*[~∼～]\s*(${FULL}))?\s*(${UNIT})?`, 'g');

/** The KRW value of one unit of each magnitude a money figure may end with (`억` → 1e8, `천만` → 1e7), read once. */
const SCALES = new Map(['', '십', '백', '천'].flatMap((small) => ['', '만', '억', '조'].map((big): [string, number] => [small + big, parseKoreanAmount(`1${small}${big}원`)?.krw ?? 1])));

const HANGUL = /[\uAC00-\uD7A3]/;

function isLatinCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}


/** A Latin letter, hyphen or underscore right before digits makes them part of a name (`[A-Za-z\-_]`). */
function gluesToName(code: number): boolean {
  return isLatinCode(code) || code === 0x2d || code === 0x5f;
}
/** `9대 분야`: a count followed by one of these is a classifier, not a figure. */
// The words after a figure are read where it ends, with sticky patterns (`y`): as `^…` on
// the rest of the text, without cutting the rest off for every figure.
const CLASSIFIER_AFTER = /\s*(분야|개\s*분야|권역|세대|차\b)/y;
const QUALIFIER = /\s?([\uAC00-\uD7A3A-Za-z]{1,8})/y;
const DATE_DOT_AFTER = /\s*\./y;
const YEAR_MARK_AFTER = /\s*(년|~|\.|')/y;
const NAMED_BY_HO = /[선점기실차봉]/y;
const LATIN_AFTER = /[A-Za-z]/y;

/** `sticky` matched at `index` of `text`, as `^pattern` on `text.slice(index)`. */
function execAt(sticky: RegExp, text: string, index: number): RegExpExecArray | null {
  sticky.lastIndex = index;
  return sticky.exec(text);
}

/**
 * Unit words that also number or name things: `제3호`, `2호선`, `1호점` are not
 * counts of 호; `ha` glued to more Latin letters is a word, not hectares.
 */
function isNameNotUnit(unit: string, text: string, index: number, end: number): boolean {
  if (unit === '') return false;
  if (unit === '호') return /제\s*$/.test(text.slice(0, index)) || execAt(NAMED_BY_HO, text, end) !== null;
  if (LATIN_UNITS.has(unit)) return execAt(LATIN_AFTER, text, end) !== null;
  return false;
}

/** The units of Latin letters only (`ha`): the ones a following letter makes part of a word. */
const LATIN_UNITS = new Set(COUNT_UNITS.filter((u) => /^[A-Za-z]+$/.test(u)));

/** A character of a label word: `[\uAC00-\uD7A3A-Za-z&·\-]`. */
function isWordCode(code: number): boolean {
  return isHangulSyllableCode(code) || isLatinCode(code) || code === 0x26 || code === 0xb7 || code === 0x2d;
}
/** Longest label word kept (its last characters, when the word runs on). */
const MAX_LABEL = 20;

/**
 * The label of the figure at `index`: the bracketed words right before it
 * (`(교육) 1.8만명`), else the word before it, a colon allowed between
 * (`정부단독 2,418`, `매출액: 30억원`). Read backwards from `index` over at most
 * 40 characters, as the end-anchored patterns `\(([^()]{1,20})\)\s*$` and
 * `([\uAC00-\uD7A3A-Za-z&·\-]{1,20})\s*[:：]?\s*$` would match there: a regex
 * anchored at the end still tries every start, and this runs for every figure.
 */
function labelBefore(text: string, index: number): string | undefined {
  const from = Math.max(0, index - 40);
  let i = index;
  while (i > from && isSpaceCode(text.charCodeAt(i - 1))) i--;
  if (i > from && text[i - 1] === ')') {
    // `(교육) `: one to twenty characters, no bracket among them, after a `(` inside the window.
    let open = i - 2;
    while (open >= from && open >= i - 22 && text[open] !== '(' && text[open] !== ')') open--;
    const length = i - 1 - (open + 1);
    if (open >= from && text[open] === '(' && length >= 1 && length <= 20) return text.slice(open + 1, i - 1).trim();
  }
  if (i > from && (text[i - 1] === ':' || text[i - 1] === '：')) {
    i--;
    while (i > from && isSpaceCode(text.charCodeAt(i - 1))) i--;
  }
  let start = i;
  while (start > from && isWordCode(text.charCodeAt(start - 1))) start--;
  if (start === i) return undefined;
  // A word longer than the limit gives its last characters (the pattern starts it there).
  if (i - start > MAX_LABEL) start = i - MAX_LABEL;
  // `2년 6억원`: a word glued to a number is that number's unit, not a label.
  else if (start > from && isDigitCode(text.charCodeAt(start - 1))) return undefined;
  return text.slice(start, i);
}

const [MAN, EOK, JO, CHEON, BAEK, SIP] = [...'만억조천백십'].map((c) => c.charCodeAt(0));

/** `[만억조]`: a big magnitude word. */
function isBigCode(code: number): boolean {
  return code === MAN || code === EOK || code === JO;
}

/** A number as read (`lo`, `hi`) ends with a magnitude word (`[만억조천백십]$`). */
function endsWithMagnitude(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return isBigCode(code) || code === CHEON || code === BAEK || code === SIP;
}

/** `[억조]$`: a number that is money even without 원 (`307.9억`). */
function endsWithEokOrJo(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return code === EOK || code === JO;
}

/** `/[만억조]/.test(text)` for the short text of one number. */
function hasBigMagnitude(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isBigCode(text.charCodeAt(i))) return true;
  return false;
}

/** `^\d{4}$`. */
function isFourDigits(text: string): boolean {
  return text.length === 4 && isDigitCode(text.charCodeAt(0)) && isDigitCode(text.charCodeAt(1)) && isDigitCode(text.charCodeAt(2)) && isDigitCode(text.charCodeAt(3));
}

/** `^\d{1,2}\.\d`: a number that may be a date (`22.6`), told by its first characters. */
function mayBeDate(lo: string): boolean {
  const dot = lo[1] === '.' ? 1 : lo[2] === '.' && isDigitCode(lo.charCodeAt(1)) ? 2 : -1;
  return dot > 0 && isDigitCode(lo.charCodeAt(0)) && isDigitCode(lo.charCodeAt(dot + 1));
}

const DIGIT = /\d/;
const memoQuantities = memoized(readQuantities);

/**
 * Every figure in a line of text, left to right (memoized per document: callers read the
 * same lines again and again). A text without a digit has none: that is answered before
 * the memo, whose lookup costs more than the test (it hashes the whole text).
 */
export function findQuantities(text: string): FoundQuantity[] {
  return DIGIT.test(text) ? memoQuantities(text) : [];
}

// Called only on a text with a digit (findQuantities tests it).
function readQuantities(input: string): FoundQuantity[] {
  const text = foldFullWidth(input);
  const found: FoundQuantity[] = [];
  for (const m of matchesOf(QTY, text)) {
    const index = m.index ?? 0;
    const whole = m[0].trimEnd();
    const end = index + whole.length;
    // `R&D2`, `Net-Zero`, `K-2`: digits glued to a word are part of a name.
    if (index > 0 && gluesToName(text.charCodeAt(index - 1))) continue;
    const unit = m[3] === undefined ? '' : m[3].endsWith('포인트') ? '%p' : m[3];
    const lo = withoutSpaces(m[1]!);
    const hi = m[2] === undefined ? undefined : withoutSpaces(m[2]);
    if (!unit && !endsWithMagnitude(lo) && end < text.length && (isLatinCode(text.charCodeAt(end)) || isHangulSyllableCode(text.charCodeAt(end)))) continue; // 4차, 2년, 3배
    if (unit && unit !== '원' && !unit.startsWith('%') && execAt(CLASSIFIER_AFTER, text, end) !== null) continue;
    if (isNameNotUnit(unit, text, index, end)) continue;
    if (mayBeDate(lo) && execAt(DATE_DOT_AFTER, text, end) !== null) continue; // dates such as 22.6.
    let q: FoundQuantity | undefined;
    const hasBig = hasBigMagnitude(lo) || (hi !== undefined && hasBigMagnitude(hi));
    if (unit === '원' || (!unit && endsWithEokOrJo(hi ?? lo))) {
      const amount = parseKoreanAmount(m[1]! + (m[2] ? `~${m[2]}` : '') + '원');
      if (!amount) continue;
      q = { value: amount.krw, unit: '원', kind: 'money', raw: amount.krw, index, end, text: whole };
      const magnitude = /([십백천]?[만억조]?)$/.exec(hi ?? lo)?.[1] ?? '';
      q.scale = SCALES.get(magnitude) ?? parseKoreanAmount(`1${magnitude}원`)?.krw ?? 1;
      if (amount.maxKrw !== undefined) q.max = q.rawMax = amount.maxKrw;
    } else {
      const value = parseKoreanNumber(lo);
      if (value === undefined) continue;
      const max = hi ? parseKoreanNumber(hi) : undefined;
      const kind: QuantityKind = unit.startsWith('%') ? 'percent' : unit ? 'count' : 'bare';
      q = { value: roundTo(value, 6), unit, kind, raw: roundTo(value, 6), index, end, text: whole };
      if (max !== undefined) q.max = q.rawMax = roundTo(max, 6);
      if (!hasBig && kind === 'bare' && isFourDigits(lo) && Number(lo) >= 1990 && Number(lo) <= 2100 && execAt(YEAR_MARK_AFTER, text, end) !== null) {
        continue; // a year
      }
    }
    if (q.kind === 'count') {
      const qual = execAt(QUALIFIER, text, end);
      if (qual && HANGUL.test(qual[1]!) && !/^(지원|달성|참여|선정|양성|보급|신규|이상|이내|내외|규모|정도|추가|확대|구축|운영|체결|발굴|실시|개최|증가|감소|상승|투자|등)/.test(qual[1]!)) {
        q.qualifier = qual[1]!;
      }
    }
    const label = labelBefore(text, index);
    if (label) q.label = label;
    found.push(q);
  }
  return found;
}

/** Scale a bare number into a unit named elsewhere (`(모태펀드, 억원) : 165`). */
export function applyUnit(q: FoundQuantity, unit: string, multiplier: number | undefined): FoundQuantity {
  if (q.kind !== 'bare') return q;
  if (multiplier !== undefined) {
    const scaled: FoundQuantity = { ...q, value: Math.round(q.raw * multiplier), unit: '원', kind: 'money', scale: multiplier };
    if (q.rawMax !== undefined) scaled.max = Math.round(q.rawMax * multiplier);
    return scaled;
  }
  return { ...q, unit, kind: unit.startsWith('%') ? 'percent' : unit ? 'count' : 'bare' };
}
