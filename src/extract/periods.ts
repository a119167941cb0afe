// Readers of Korean periods and dates: year labels (`2022년`, `'22`, `('22, 누적)`,
// `'23.下`), half-years (`상반기`), short dates (`20.04.13.`), full dates and
// date ranges with stated months (`2020.4.1.~2024.12.31. (57개월)`). Pure.

import { foldFullWidth } from './text.js';

/** Two-digit years: 00–69 are 20xx, 70–99 are 19xx (documents here are 1970 onward). */
export function expandYear(twoOrFour: string): number {
  const n = Number(twoOrFour);
  if (twoOrFour.length >= 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

export interface YearLabel {
  /** `YYYY`, or `YYYY-H1` / `YYYY-H2`. */
  period: string;
  /** Markers inside the label: 누적, 계획, 목표, 실적, 예정, 잠정. */
  flags: string[];
}

const QUOTE = `['’‘´\`]`;
const HALF: Record<string, 'H1' | 'H2'> = { 上: 'H1', 상: 'H1', 상반기: 'H1', 下: 'H2', 하: 'H2', 하반기: 'H2' };
export const PERIOD_FLAGS = ['누적', '누계', '계획', '목표', '실적', '예정', '잠정', '추정'];

/**
 * A year label as written before a figure: `2022년`, `'22`, `’22`, `('22)`,
 * `('22, 누적)`, `'23.下`, `'23.상`, `2020년 상반기`. Undefined if not a label.
 */
export function parseYearLabel(text: string): YearLabel | undefined {
  let s = foldFullWidth(text).trim();
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) s = (paren[1] ?? '').trim();
  const m = new RegExp(
    String.raw`^(?:(\d{4})\s*년?|${QUOTE}\s*(\d{2})\s*년?)(?:\s*[.\s]\s*(상반기|하반기|上|下|상|하))?\s*(?:[,.]?\s*(.*))?$`,
  ).exec(s);
  if (!m) return undefined;
  const year = m[1] ? Number(m[1]) : expandYear(m[2] ?? '');
  const flags: string[] = [];
  const rest = (m[4] ?? '').trim();
  if (rest) {
    for (const word of rest.split(/[\s,]+/).filter(Boolean)) {
      if (!PERIOD_FLAGS.includes(word)) return undefined;
      flags.push(word === '누계' ? '누적' : word);
    }
  }
  const half = m[3] ? HALF[m[3]] : undefined;
  return { period: half ? `${year}-${half}` : String(year), flags };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date as printed: `20.04.13.` (YY.MM.DD. in budget tables), `2020.4.1.`,
 * `2020. 4. 1.`, `2020-04-01`, `2020년 4월 1일`. Undefined if not a valid date.
 */
export function parseDate(text: string): string | undefined {
  const s = foldFullWidth(text).trim();
  const m =
    /^(\d{4}|\d{2})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?$/.exec(s);
  if (!m) return undefined;
  return isoDate(expandYear(m[1] ?? ''), Number(m[2]), Number(m[3]));
}

export interface DateRange {
  start?: string;
  end?: string;
  statedMonths?: number;
  /** Whole months from start to the day after end (`2020.4.1.~2024.12.31.` → 57). */
  months?: number;
  /** True when the stated months equal the counted ones (rounding a part month either way). */
  monthsAgree?: boolean;
}

function addDay(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/** Months between two ISO dates, counting the end day in: whole months and leftover days. */
export function monthsBetween(start: string, end: string): { months: number; extraDays: number } {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = addDay(end);
  let months = (y2 - y1) * 12 + (m2 - m1);
  let extraDays = d2 - d1;
  if (extraDays < 0) {
    months -= 1;
    const prevMonthDays = new Date(Date.UTC(y2, m2 - 1, 0)).getUTCDate();
    extraDays += prevMonthDays;
  }
  return { months, extraDays };
}

/**
 * A period: `2020.4.1.~2024.12.31. (57개월)`, `2020. 3. 1. ~ 2020. 11. 30(9개월)`,
 * `2021. ~ 2023.(3년)`. Start and end as ISO dates (a bare year runs Jan 1 to Dec 31).
 */
export function parseDateRange(text: string): DateRange | undefined {
  const s = foldFullWidth(text).trim();
  const m = /^(.+?)\s*[~∼～〜]\s*(.+?)\s*(?:\(\s*(\d+)\s*(개월|년)\s*\))?\s*$/.exec(s);
  if (!m) return undefined;
  const rawStart = (m[1] ?? '').trim();
  const rawEnd = (m[2] ?? '').trim();
  const yearOnly = (t: string) => /^(\d{4})\s*\.?\s*년?$/.exec(t)?.[1];
  let start = parseDate(rawStart);
  let end = parseDate(rawEnd);
  const ys = yearOnly(rawStart);
  const ye = yearOnly(rawEnd);
  if (!start && ys) start = `${ys}-01-01`;
  if (!end && ye) end = `${ye}-12-31`;
  if (!start || !end) return undefined;
  const range: DateRange = { start, end };
  if (m[3]) range.statedMonths = Number(m[3]) * (m[4] === '년' ? 12 : 1);
  if (start <= end) {
    const { months, extraDays } = monthsBetween(start, end);
    range.months = months;
    if (range.statedMonths !== undefined) {
      range.monthsAgree =
        range.statedMonths === months || (extraDays > 0 && range.statedMonths === months + 1);
    }
  } else if (range.statedMonths !== undefined) {
    range.monthsAgree = false;
  }
  return range;
}

/** The `('20. 6. 30 현재` / `2020. 6. 30. 기준` date a table is stated as of. */
export function parseAsOf(text: string): string | undefined {
  const m = /(?:['’‘]\s*(\d{2})|(\d{4}))\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?\s*(?:현재|기준)/.exec(
    foldFullWidth(text),
  );
  if (!m) return undefined;
  return isoDate(expandYear(m[1] ?? m[2] ?? ''), Number(m[3]), Number(m[4]));
}
