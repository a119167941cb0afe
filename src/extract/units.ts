// The grammar of units as Korean documents print them: the declaration near a
// table (`(단위: 백만원)`, `[단위 : 천원]`, `(2024. 12. 31. 현재, 단위 : 건, 천원)`,
// a bare `단위: 억원` ending a line), the money units with their multipliers, and
// the unit words a bracketed note may end with (`(현원, 명)`).
// Both the layout readers and the extractors use it, so it imports nothing but
// the import-free text folding: the layout layer stays below the extractors.

import { foldFullWidth, matchesOf, withoutSpaces } from './text.js';

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
  return Object.hasOwn(MONEY_UNITS, unit);
}

/** The multiplier of a money unit (`백만원` → 1e6); undefined for any other unit or none. */
export function moneyMultiplier(unit: string | undefined): number | undefined {
  return unit !== undefined && isMoneyUnit(unit) ? MONEY_UNITS[unit] : undefined;
}

/** The first money unit printed in brackets in a text: `사업비(천원)` → `천원`, `(백만원)` → `백만원`. */
export function bracketedMoneyUnit(text: string): string | undefined {
  // Most header cells open no bracket (full-width ones fold to `(` and `[`): one scan answers them.
  if (!OPENING_BRACKET.test(text)) return undefined;
  for (const m of matchesOf(BRACKETED_TEXT, foldFullWidth(text))) {
    const unit = withoutSpaces(m[1]!);
    if (isMoneyUnit(unit)) return unit;
  }
  return undefined;
}

const OPENING_BRACKET = /[(\[（［]/;
const BRACKETED_TEXT = /[(\[]\s*([^()[\]]+?)\s*[)\]]/g;

/** Units a table may be counted in, when a bracketed note names one without the word 단위: `(현원, 명)`. */
const UNIT_WORDS = new Set(['원', '천원', '만원', '백만원', '억원', '조원', '명', '건', '개', '개소', '개사', '%', '톤', '㎡', '㎢', 'km', '호', '대', '회']);

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

/** The unit a table is read in: the money unit declared, else the first unit. */
export function unitTaken(declaration: UnitDeclaration): string {
  return declaration.money ?? declaration.units[0]!;
}

const OPEN = '[(（[<〈［〔【]';
const CLOSE = '[)）\\]>〉］〕】]';
const NOT_BRACKET = '[^()（）[\\]<>〈〉［］〔〕【】]';
/** A list marker a declaration line may begin with. */
const LINE_MARKER = '[○●◦▪■□◇◆ㅇ·•※\\-]';
/** What a unit may be declared for, said before 단위 (`금액 단위`). */
const DECLARATION_SUBJECT = '(?:금액|화폐|통화)';
/** The whole bracket is the declaration, a date or basis before the unit included. */
const BRACKETED_DECLARATION = new RegExp(`${OPEN}${NOT_BRACKET}*?단\\s*위\\s*[:：]\\s*${NOT_BRACKET}+?\\s*${CLOSE}`);
/**
 * A declaration ending its line without brackets: `단위: 억원`, with what the line
 * begins with when it only names the declaration (`○ 금액 단위 : 백만원, %`) and a
 * remark after the unit (`억원 (소수점 첫째 자리)`).
 */
const BARE_DECLARATION = new RegExp(
  `(?:^\\s*${LINE_MARKER}?\\s*${DECLARATION_SUBJECT}?\\s*)?단\\s*위\\s*[:：]\\s*${NOT_BRACKET}+?(?:\\s*[(（][^()（）]*[)）])?\\s*$`,
);

export interface SplitUnit {
  /** The unit taken (`unitTaken`), when the text declares one. */
  unit?: string;
  declaration?: UnitDeclaration;
  /** The text without the declaration, trimmed (a caption printed with it). */
  rest: string;
}

/**
 * A line that may declare a unit, split into the declaration and the rest:
 * `<표 1> 예산 현황 (단위: 백만원)` → unit 백만원, rest `<표 1> 예산 현황`.
 */
export function splitUnit(text: string): SplitUnit {
  if (!/단\s*위/.test(text)) return { rest: text.trim() };
  const found = BRACKETED_DECLARATION.exec(text) ?? BARE_DECLARATION.exec(text);
  const declaration = found ? parseUnitDeclaration(found[0]) : undefined;
  if (!found || !declaration) return { rest: text.trim() };
  const rest = (text.slice(0, found.index) + text.slice(found.index + found[0].length)).trim();
  return { unit: unitTaken(declaration), declaration, rest };
}

const BRACKETED_NOTE = /^[(（]([^()（）]+)[)）]$/;

/** A bracketed note whose last part is a unit word: `(현원, 명)` → `명`. */
export function unitOfNote(text: string): string | undefined {
  const note = BRACKETED_NOTE.exec(text.trim())?.[1];
  const last = note?.split(/[,/:：]/).pop()?.trim();
  return last && UNIT_WORDS.has(last) ? last : undefined;
}
