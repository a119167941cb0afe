// Year-over-year sequences in running text:
//   ('19) 12,660 → ('20) 19,799 → ('21) 25,039 → ('22) 30,144개
//   (‘20) 88개사, 6,811억원 → (‘21) 96개사, 7,803억원      (two series)
//   ('22. 320 → '23. 760개)   ('21, 359개, 512억원→'22, 525개, 708억원)
//   ('22) 2천~4천만원 → ('23) 1.5천~5천만원                 (ranges)
//   ('21) (교육) 1.8만명 (복지) 9.1만건 → ('22) (교육) 2.6만명, (복지) 20.2만건
// The last segment carries the units; earlier ones inherit them by position or
// by label. A bare sequence takes its unit from the words before it
// (`투자형 R&D(모태펀드, 억원) : ('20) 165 → …`). Pure.

import { MONEY_UNITS } from './amounts.js';
import { expandYear, PERIOD_FLAGS } from './periods.js';
import { applyUnit, findQuantities, type FoundQuantity } from './quantities.js';
import { foldFullWidth, matchesOf } from './text.js';
import { memoized } from './memo.js';

export interface FoundPoint {
  period: string;
  value: number;
  max?: number;
  flags: string[];
}

export interface FoundSeries {
  /** Words before the first period label (`연도별 누적 :`), cleaned. */
  prefix: string;
  /** Label of this sub-series within the sequence (`교육`, `선도형`), if any. */
  label?: string;
  unit: string;
  flags: string[];
  points: FoundPoint[];
}

interface Label {
  start: number;
  end: number;
  period: string;
  flags: string[];
  parenthesised: boolean;
}

const Q = `['’‘´]`;
const HALF = '(上|下|상반기|하반기|상|하)';
const FLAG = `(${PERIOD_FLAGS.join('|')})`;
const PAREN_LABEL = new RegExp(
  // `(’20.)`: a year abbreviated with a full stop, as in `’24. 3.` dates.
  String.raw`\(\s*(?:${Q}\s*(\d{2})|(\d{4}))\s*년?\s*(?:\.\s*${HALF})?\s*(?:[,.]\s*${FLAG})?\s*\.?\s*\)`,
  'g',
);
// Not the end of a period range (`’24.~’25. 416개소` is a stage, not a year's figure).
const BARE_LABEL = new RegExp(String.raw`(?<![\d]|[~∼～]\s?)${Q}\s*(\d{2})\s*(?:\.\s*${HALF})?\s*[.,]\s+(?=\d)`, 'g');

function halfSuffix(h: string | undefined): string {
  if (!h) return '';
  return /上|상/.test(h) ? '-H1' : '-H2';
}

export function findPeriodLabels(text: string): Label[] {
  const labels: Label[] = [];
  for (const m of matchesOf(PAREN_LABEL, text)) {
    const year = m[1] ? expandYear(m[1]) : Number(m[2]);
    const flag = m[4] === '누계' ? '누적' : m[4];
    labels.push({ start: m.index!, end: m.index! + m[0].length, period: `${year}${halfSuffix(m[3])}`, flags: flag ? [flag] : [], parenthesised: true });
  }
  for (const m of matchesOf(BARE_LABEL, text)) {
    if (labels.some((l) => m.index! >= l.start && m.index! < l.end)) continue;
    labels.push({ start: m.index!, end: m.index! + m[0].length, period: `${expandYear(m[1]!)}${halfSuffix(m[2])}`, flags: [], parenthesised: false });
  }
  return labels.sort((a, b) => a.start - b.start);
}

/** Where the last segment ends: at a `)` that closes a bracket opened before the sequence. */
function lastSegmentEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '→' || c === '※' || c === '/' && depth === 0 && /\/\s*\(/.test(text.slice(i, i + 3))) return i;
  }
  return text.length;
}

const UNIT_WORD = new RegExp(`(${Object.keys(MONEY_UNITS).sort((a, b) => b.length - a.length).join('|')}|%p|%|개사|개교|개국|개|명|건|회)`);

function unitFromPrefix(prefix: string): string | undefined {
  const paren = [...prefix.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!);
  for (const p of paren.reverse()) {
    const u = UNIT_WORD.exec(p.split(/[,\s]+/).reverse().join(' '));
    if (u) return u[1];
  }
  return undefined;
}

function cleanPrefix(prefix: string): string {
  return prefix
    .replace(/^[\s\-*\\•·※]+/, '')
    .replace(/[\s:：(]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const POINT_FLAGS = ['계획', '목표', '예정', '누적', '누계', '잠정', '추정'].map((f) => ({ flag: f === '누계' ? '누적' : f, re: new RegExp(`[(\\s,]${f}\\)?`) }));

/** Markers written beside one point: `19개 (계획)`, `11개 법원(목표)`, `1,500억원(안)` (a proposal: 계획). */
function pointFlags(segment: string): string[] {
  if (!/계획|목표|예정|누적|누계|잠정|추정|\(안\)/.test(segment)) return [];
  const flags = new Set<string>();
  for (const { flag, re } of POINT_FLAGS) if (re.test(` ${segment}`)) flags.add(flag);
  if (/\(\s*안\s*\)/.test(segment)) flags.add('계획');
  return [...flags];
}

/** `개사` and `개` count the same things (`72,222개사 → 102,355개`). */
function sameCountUnit(a: string, b: string): boolean {
  return a === b || a === '' || (a.length > 0 && b.length > 0 && (a.startsWith(b) || b.startsWith(a)));
}

const memoSeries = memoized(readSeries);

/**
 * `\(\s*['’‘]\d{2}` (a bracketed two-digit year) as it reads on the text before
 * `foldFullWidth`: that fold turns `（`, `＇` and `０`–`９` into `(`, `'` and digits,
 * one character for one, so this matches a text where that matches its folding.
 */
const BRACKETED_YEAR = /[(（]\s*['’‘＇][\d０-９]{2}/g;

/** Whether `pattern` (global) matches `text` at least twice. */
function twoMatches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text) && pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/**
 * Every year-labelled sequence in one line (already joined if it wrapped); memoized per
 * document. A sequence needs an arrow or two bracketed years: a text with neither has
 * none, answered before the memo lookup (most lines of a plan are read here, and a memo
 * lookup costs more than the test: it hashes the whole text, and a miss stores it).
 */
export function findSeries(text: string): FoundSeries[] {
  return text.includes('→') || twoMatches(BRACKETED_YEAR, text) ? memoSeries(text) : [];
}

// Reached only through findSeries, on a text with an arrow or two bracketed years.
function readSeries(input: string): FoundSeries[] {
  const text = foldFullWidth(input);
  const labels = findPeriodLabels(text);
  if (labels.length < 2) return [];
  const result: FoundSeries[] = [];
  // Split labels into runs: consecutive labels joined by an arrow (or, for parenthesised labels, a comma).
  let run: Label[] = [labels[0]!];
  const runs: Label[][] = [];
  for (let i = 1; i < labels.length; i++) {
    const between = text.slice(labels[i - 1]!.end, labels[i]!.start);
    const joined = between.includes('→') || (labels[i]!.parenthesised && labels[i - 1]!.parenthesised && /,\s*$/.test(between) && !between.includes('→'));
    if (joined && !/[.。]\s+[가-힣]/.test(between)) run.push(labels[i]!);
    else {
      runs.push(run);
      run = [labels[i]!];
    }
  }
  runs.push(run);
  let prefixStart = 0;
  for (const r of runs) {
    if (r.length < 2) continue;
    const prefix = text.slice(prefixStart, r[0]!.start);
    const segments = r.map((label, k) => {
      const end = k + 1 < r.length ? r[k + 1]!.start : lastSegmentEnd(text, label.end);
      return text.slice(label.end, end).replace(/[→,\s]+$/, '');
    });
    prefixStart = r[r.length - 1]!.end;
    const quantities = segments.map((s) => findQuantities(s).filter((q) => q.kind !== 'percent' || s.includes('%')));
    if (quantities.some((qs) => qs.length === 0)) continue;
    let template = quantities[quantities.length - 1]!;
    // A bare template takes its unit from the words before the sequence.
    const prefixUnit = unitFromPrefix(prefix);
    if (prefixUnit) template = template.map((q) => applyUnit(q, prefixUnit, MONEY_UNITS[prefixUnit]));
    // `30개(중기부 15, 환경부 15)`: bare parts beside a count are in the count's unit.
    const counted = template.find((q) => q.kind === 'count');
    if (counted) template = template.map((q) => applyUnit(q, counted.unit, undefined));
    for (let j = 0; j < template.length; j++) {
      const t = template[j]!;
      const points: FoundPoint[] = [];
      for (let k = 0; k < segments.length; k++) {
        const qs = quantities[k]!;
        const byLabel = t.label && qs.filter((q) => q.label === t.label).length === 1 ? qs.find((q) => q.label === t.label) : undefined;
        let q: FoundQuantity | undefined = k === segments.length - 1 ? t : byLabel ?? (qs.length === template.length ? qs[j] : j === 0 ? qs[0] : undefined);
        if (!q) continue;
        if (q.kind === 'bare' && t.kind !== 'bare') q = applyUnit(q, t.unit, t.kind === 'money' ? t.scale : undefined);
        if (q.kind !== t.kind || (q.kind === 'count' && !sameCountUnit(q.unit, t.unit))) continue;
        const point: FoundPoint = { period: r[k]!.period, value: q.value, flags: [...r[k]!.flags, ...pointFlags(segments[k]!)] };
        if (q.max !== undefined) point.max = q.max;
        points.push(point);
      }
      if (points.length < 2) continue;
      const flags = points.every((p) => p.flags.includes('누적')) || /누적|누계/.test(prefix) ? ['누적'] : [];
      const s: FoundSeries = { prefix: cleanPrefix(prefix), unit: t.unit, flags, points };
      const label = template.length > 1 && t.label && !/^(누적|누계)$/.test(t.label) ? t.label : template.length > 1 && t.label ? t.label : undefined;
      if (label) s.label = label;
      result.push(s);
    }
  }
  return result;
}
