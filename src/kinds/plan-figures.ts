// Figures of a national plan read from its outline (plan-outline.ts), on layout
// blocks: every year-labelled sequence as a Series named by the bullet it sits
// under; per-year budget structures (`전략분야(5,987억원)`) as budget-category
// series; the actual a sentence states for a goal-table target; ratio,
// breakdown and cumulative-difference statements as Claims for `check`.
// The shared extractors (src/extract) read the same sentences for every kind;
// `enrich` keeps this reader's figure where both read one place. Pure.

import type { Claim, Quantity, Series, Source, Target } from '../model/types.js';
import { tableGrid, type TableBlock } from '../layout/types.js';
import { parseCount, parseKoreanAmount } from '../extract/amounts.js';
import { compareText, pushTo } from '../extract/collections.js';
import { normalizeName } from '../extract/names.js';
import { expandYear } from '../extract/periods.js';
import { findQuantities, type FoundQuantity } from '../extract/quantities.js';
import { findSeries } from '../extract/series.js';
import { printedDecimals } from '../extract/printed.js';
import { matchesOf } from '../extract/text.js';
import type { PlanUnit } from './plan-outline.js';

/** `혁신성장(1조 1,081억원)`: a name and its amount in brackets. */
const NAMED_AMOUNT = /([가-힣A-Za-z][가-힣A-Za-z0-9·\- ]{0,24}?)\s*\(\s*((?:[\d,.]+\s*조\s*)?[\d,.]+)\s*(억원|조원|백만원|천원|원)?\s*[,)]/g;

/** `혁신성장(1조 1,081억원), 전략분야(5,987억원), 인프라(1,271억원)`: named amounts, the unit written once. */
export function readNamedAmounts(text: string): { name: string; value: number }[] | undefined {
  // Two named amounts need two brackets opening on a figure: a text with fewer is not searched.
  if (!text.includes('원') || !/\(\s*\d/.test(text) || !bracketedFigures(text, 2)) return undefined;
  const items = matchesOf(NAMED_AMOUNT, text);
  if (items.length < 2) return undefined;
  const unit = items.map((m) => m[3]).filter(Boolean).pop();
  if (!unit) return undefined;
  const out: { name: string; value: number }[] = [];
  for (const m of items) {
    const amount = parseKoreanAmount(`${m[2]!.replace(/\s+/g, ' ')}${m[3] ?? unit}`);
    if (!amount) return undefined;
    out.push({ name: m[1]!.replace(/^.*?(?:를|을|로|는|은|,)\s+/, '').replace(/\s*등$/, '').trim(), value: amount.krw });
  }
  return out;
}

/** Whether at least `count` brackets open on a figure (`(` and spaces before a digit, comma or point, as NAMED_AMOUNT reads one). */
function bracketedFigures(text: string, count: number): boolean {
  let n = 0;
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    let i = at + 1;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    const code = text.charCodeAt(i);
    if (((code >= 0x30 && code <= 0x39) || code === 0x2c || code === 0x2e) && ++n >= count) return true;
  }
  return false;
}

function quantityOf(q: FoundQuantity, source: Source): Quantity {
  const out: Quantity = { value: q.value, unit: q.unit, source };
  if (q.max !== undefined) out.max = q.max;
  return out;
}

/** `목표(3만개)를 초과 달성(누계 30,144개)`: a goal and the cumulative figure that met it. */
const GOAL_MET = /목표\s*치?\s*\(\s*([^)]+?)\s*\)[^()]*?(?:달성|초과|미달)[^()]*?\(\s*(?:누적|누계)\s*([\d,.]+\s*[만]?\s*[가-힣]*)\s*\)/;

/** `보급 목표(3만개)를 초과 달성(누계 30,144개)` → the actual of the goal-table target of 30,000 개. */
export function readActuals(units: PlanUnit[], targets: Target[]): void {
  for (const pu of units) {
    // The wording names the goal (목표): other units are not searched.
    if (!pu.content.includes('목표')) continue;
    const m = GOAL_MET.exec(pu.content);
    if (!m) continue;
    const goal = parseCount(m[1]!);
    const actual = parseCount(m[2]!.trim());
    if (!goal || !actual) continue;
    const target = targets.find((t) => !t.actual && t.unit === goal.unit && t.target.value === goal.value);
    if (!target) continue;
    target.actual = { value: actual.value, unit: actual.unit || goal.unit, source: pu.source };
    if (pu.year) target.actualPeriod = pu.year;
  }
}

/**
 * The last phrase of a long sentence, cut after the last word that ends a clause
 * (`…창경센터 중심으로 기업의 생애 첫 R&D 과제 선정` → `생애 첫 R&D 과제 선정`).
 */
export function lastPhrase(text: string): string {
  const words = text.split(/\s+/);
  for (let k = words.length - 2; k >= 1; k--) {
    const phrase = words.slice(k + 1).join(' ');
    if (/(으로|로|를|을|에서|에|의|하는|하여|통해|통한|위해|위한|대해|대한)$/.test(words[k]!) && phrase.length >= 8) return phrase;
  }
  return words.slice(-4).join(' ');
}

/** A long phrase names nothing by itself: above this length, only its last phrase is kept. */
const LONG_NAME = 32;

/** The bullet's keyword (its own, or its parent's), else the parent's last phrase, else the topic, with the words before the sequence. */
export function indicatorName(pu: PlanUnit, prefix: string, label?: string): string {
  const parentText = pu.parent && !pu.parent.keyword ? pu.parent.content.replace(/\s*[(,].*$/, '') : undefined;
  const parentPhrase = parentText && parentText.length > LONG_NAME ? lastPhrase(parentText) : parentText;
  const keyword = pu.keyword ?? pu.parent?.keyword ?? parentPhrase ?? pu.topic ?? '';
  let base = prefix.replace(/^\([^()]*\)\s*/, '').trim();
  // A prefix that is a whole sentence is context, not a name: keep its last phrase.
  if (base.length > LONG_NAME) base = lastPhrase(base);
  const parts = [keyword, base].filter(Boolean);
  let name = parts.length === 2 && parts[1]!.includes(parts[0]!) ? parts[1]! : parts.join(' · ');
  if (!name) name = pu.topic ?? '(series)';
  return label ? `${name} (${label})` : name;
}

export interface PlanSeries {
  series: Series;
  unit: PlanUnit;
}

export function readSeries(units: PlanUnit[]): PlanSeries[] {
  const out: PlanSeries[] = [];
  for (const pu of units) {
    if (pu.role === 'title' || pu.role === 'table') continue;
    for (const found of findSeries(pu.content)) {
      const source = pu.source;
      const s: Series = {
        indicator: indicatorName(pu, found.prefix, found.label),
        unit: found.unit,
        // Copies: findSeries is memoized per document (its arrays are shared).
        flags: [...found.flags],
        points: found.points.map((p) => ({ ...p, flags: [...p.flags], source })),
        source,
      };
      if (pu.strategy) s.group = pu.strategy;
      if (pu.task) s.task = pu.task;
      out.push({ series: s, unit: pu });
    }
  }
  return out;
}

/** Per-year budget structures; a category named in sections of two years becomes a series. */
export function readBudgetCategories(units: PlanUnit[]): Series[] {
  const byName = new Map<string, { name: string; points: { period: string; value: number; source: Source; strategy?: string }[] }>();
  for (const pu of units) {
    if (!pu.year || pu.role === 'table') continue;
    const named = readNamedAmounts(pu.content);
    if (!named) continue;
    for (const n of named) {
      const key = normalizeName(n.name);
      const entry = byName.get(key) ?? { name: n.name, points: [] };
      if (!entry.points.some((p) => p.period === pu.year)) entry.points.push({ period: pu.year, value: n.value, source: pu.source, ...(pu.strategy ? { strategy: pu.strategy } : {}) });
      byName.set(key, entry);
    }
  }
  const series: Series[] = [];
  for (const { name, points } of byName.values()) {
    if (points.length < 2) continue;
    const sorted = [...points].sort((a, b) => compareText(a.period, b.period));
    const s: Series = {
      indicator: `예산 ${name}`,
      unit: '원',
      flags: ['예산'],
      points: sorted.map((p) => ({ period: p.period, value: p.value, flags: [], source: p.source })),
      source: sorted[0]!.source,
    };
    const strategy = sorted.find((p) => p.strategy)?.strategy;
    if (strategy) s.group = strategy;
    series.push(s);
  }
  return series;
}

const PART_ITEM = /^\(?([^()\d]{1,25}?)\)?\s*\(?\s*((?:[\d,.]+\s*[만억조천]?\s*[가-힣%]*\s*,?\s*){1,2})\)?$/;
/** `이 중 A 1조원, B 6,215억원`: parts named as some of a total, not all of it. */
const SOME_OF = /^(?:이|그)\s*중\s|^(?:이|그)중\s|^중\s/;

const SOME_OF_INITIALS = '이그중';

/**
 * A text without a closing `등` and the spaces around it (`A 1, B 2 등` → `A 1, B 2`), as
 * `.replace(/\s*등\s*$/, '')` gives it, read from the end instead of tried at every position.
 */
function withoutTrailingEtc(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === 0 || text[end - 1] !== '등') return text;
  let start = end - 1;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  return text.slice(0, start);
}

/** A line that is only a list of labelled figures: `정부단독 2,418, 상생형 1,081, 수준확인 1,606개`. */
export function readParts(content: string): FoundQuantity[] | undefined {
  // Two items or more are split at a comma or slash: a text with neither lists none.
  if (!content.includes(',') && !content.includes('/')) return undefined;
  // SOME_OF starts with 이, 그 or 중: other texts are not searched.
  if (SOME_OF_INITIALS.includes(content.charAt(0)) && content !== '' && SOME_OF.test(content)) return undefined;
  const body = withoutTrailingEtc(content.replace(/^\(\s*(?:['’‘]\d{2}\s*,?\s*)?(?:실적|계획)?\s*\)\s*/, ''));
  const items = body.split(/\s*[,/]\s*(?=[^\d\s,])/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 2) return undefined;
  for (const item of items) if (!PART_ITEM.test(item)) return undefined;
  const quantities = findQuantities(body);
  return quantities.length >= 2 ? quantities : undefined;
}

function baseUnit(q: FoundQuantity): string {
  return q.kind === 'money' ? '원' : q.unit;
}

/** A cell item: a square mark, a short label and one figure (`■ 국내 291개사`). */
const CELL_ITEM = /^[■□▪◆]\s*([가-힣A-Za-z\s]{1,15}?)\s*([\d,.]+\s*[가-힣]+)$/;

/**
 * The parts a table cell lists as marked items, one per line (`■ 국내 291개사` /
 * `■ 국외 1,176개사`): each a short label and one figure. A cell of anything else gives none.
 */
export function cellParts(text: string): FoundQuantity[] | undefined {
  // A cell of one line lists nothing (most cells): not split.
  if (!text.includes('\n')) return undefined;
  const items = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (items.length < 2) return undefined;
  const out: FoundQuantity[] = [];
  for (const item of items) {
    const m = CELL_ITEM.exec(item);
    const q = m ? findQuantities(m[2]!)[0] : undefined;
    if (!m || !q) return undefined;
    out.push({ ...q, label: m[1]!.trim() });
  }
  return out;
}

interface Candidate {
  q: FoundQuantity;
  pu: PlanUnit;
}

/** Quantities of the units before a table in its section (back to the title above it), nearest unit first. */
function sectionCandidates(units: PlanUnit[], index: number): Candidate[] {
  const out: Candidate[] = [];
  for (let k = index - 1; k >= 0; k--) {
    const pu = units[k]!;
    if (pu.role === 'title' && !/^[<〈《【[]/.test(pu.content)) break;
    if (pu.role === 'table') continue;
    for (const q of findQuantities(pu.content)) out.push({ q, pu });
  }
  return out;
}

/** `56%(271개/485개)`: a rate and its fraction. */
const RATIO_IN_BRACKETS = /([\d.]+)\s*%\s*\(\s*([\d,]+)\s*([가-힣]*)\s*\/\s*([\d,]+)\s*([가-힣]*)\s*\)/g;
/** `713명 양성(취업자수 586명, 취업률 82.2%)`: a total, then a part of it and its rate. */
const PART_AND_RATE = /([\d,]+)\s*(명|개|건|개사)\s*[가-힣\s]*\(\s*[가-힣\s]*?([\d,]+)\s*\2\s*,\s*[가-힣\s]*?([\d.]+)\s*%\s*\)/g;

/** Ratios: `56%(271개/485개)` and `713명 양성(취업자수 586명, 취업률 82.2%)`. */
function readRatios(pu: PlanUnit): Claim[] {
  const claims: Claim[] = [];
  const source = pu.source;
  if (!pu.content.includes('%')) return claims;
  for (const m of matchesOf(RATIO_IN_BRACKETS, pu.content)) {
    const num = Number(m[2]!.replace(/,/g, ''));
    const den = Number(m[4]!.replace(/,/g, ''));
    claims.push({ kind: 'ratio', label: m[0], stated: { value: Number(m[1]), unit: '%', decimals: printedDecimals(m[1]!), source }, numerator: { value: num, unit: m[3] ?? '', source }, denominator: { value: den, unit: m[5] ?? '', source }, source });
  }
  for (const m of matchesOf(PART_AND_RATE, pu.content)) {
    const total = Number(m[1]!.replace(/,/g, ''));
    const part = Number(m[3]!.replace(/,/g, ''));
    claims.push({ kind: 'ratio', label: m[0], stated: { value: Number(m[4]), unit: '%', decimals: printedDecimals(m[4]!), source }, numerator: { value: part, unit: m[2]!, source }, denominator: { value: total, unit: m[2]!, source }, source });
  }
  return claims;
}

/** Parts grouped by unit and qualifier; bare parts take the unit of the list's last figure (`2,418, 1,081, 1,606개`). */
function groupParts(parts: FoundQuantity[]): Map<string, FoundQuantity[]> {
  const groups = new Map<string, FoundQuantity[]>();
  for (const p of parts) {
    if (p.kind === 'percent') continue;
    pushTo(groups, `${baseUnit(p)}|${p.qualifier ?? ''}`, p);
  }
  const bare = groups.get('|');
  const unitOwner = [...parts].reverse().find((p) => p.kind !== 'bare' && p.kind !== 'percent');
  if (bare && unitOwner) {
    groups.delete('|');
    const key = `${baseUnit(unitOwner)}|${unitOwner.qualifier ?? ''}`;
    const scaled = bare.map((b) => (unitOwner.kind === 'money' ? { ...b, value: Math.round(b.raw * (unitOwner.scale ?? 1)), unit: '원', kind: 'money' as const } : { ...b, unit: unitOwner.unit, kind: 'count' as const }));
    groups.set(key, [...scaled, ...(groups.get(key) ?? [])].sort((a, b) => a.index - b.index));
  }
  return groups;
}

/** A breakdown claim for each unit group of parts whose total one of the candidates states. */
function breakdowns(parts: FoundQuantity[], candidates: Candidate[], label: string, source: Source): Claim[] {
  const claims: Claim[] = [];
  for (const [key, items] of groupParts(parts)) {
    if (items.length < 2) continue;
    const [unit, qualifier] = key.split('|') as [string, string];
    const total = candidates.find(
      (c) => baseUnit(c.q) === unit && c.q.kind !== 'bare' && (qualifier === '' || c.q.qualifier === qualifier) && !/누적|누계|목표/.test(c.pu.content.slice(Math.max(0, c.q.index - 6), c.q.index)),
    );
    if (!total) continue;
    claims.push({
      kind: 'sum',
      label: `${label} ${total.q.text}`.trim(),
      total: quantityOf(total.q, total.pu.source),
      parts: items.map((p) => ({ label: p.label ?? '', amount: quantityOf(p, source) })),
      source,
      inferred: true,
    });
  }
  return claims;
}

/**
 * Breakdowns and ratios: a parts line under a bullet (its total in the bullet), the
 * marked items of a table cell (the total in the section's text before the table),
 * and the two ratio wordings.
 */
export function readClaims(units: PlanUnit[]): Claim[] {
  const claims: Claim[] = [];
  units.forEach((pu, index) => {
    if (pu.role === 'table') {
      const table = pu.unit.block as TableBlock;
      const grid = tableGrid(table);
      grid.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (cell.spanned) return;
          const parts = cellParts(cell.text);
          if (!parts) return;
          const source = table.rows[cell.originRow]?.cells[c]?.source ?? table.rows[r]!.source;
          for (const claim of breakdowns(parts, sectionCandidates(units, index), pu.topic ?? '', source)) claims.push(claim);
        });
      });
      return;
    }
    if (!/\d/.test(pu.content)) return;
    for (const claim of readRatios(pu)) claims.push(claim);
    // Parts are read only where a bullet above can hold their total.
    if (!pu.parent) return;
    const parts = pu.role === 'sub' || pu.role === 'footnote' ? readParts(pu.content) : undefined;
    if (!parts) return;
    const candidates = findQuantities(pu.parent.content).map((q) => ({ q, pu: pu.parent! }));
    for (const claim of breakdowns(parts, candidates, pu.parent.keyword ?? pu.topic ?? '', pu.source)) claims.push(claim);
  });
  return claims;
}

/** `'22년 5,105개 … 신규 …` above a cumulative series: the new figure is the difference of the last two cumulative points. */
const NEW_IN_YEAR = /['’‘](\d{2})\s*년\s*([\d,]+)\s*([가-힣]+)[^→]*?(?:신규|추가)/;

/** `'22년 5,105개 … 신규 보급 … (누적 30,144개)` above `연도별 누적 : … ('21) 25,039 → ('22) 30,144개`. */
export function readDifferenceClaims(read: PlanSeries[]): Claim[] {
  const claims: Claim[] = [];
  for (const { series: s, unit } of read) {
    if (!s.flags.includes('누적')) continue;
    const parent = unit.parent;
    if (!parent) continue;
    const m = NEW_IN_YEAR.exec(parent.content);
    if (!m) continue;
    const year = String(expandYear(m[1]!));
    const idx = s.points.findIndex((p) => p.period === year);
    if (idx < 1) continue;
    const stated = Number(m[2]!.replace(/,/g, ''));
    const src = parent.source;
    claims.push({
      kind: 'difference',
      label: `${s.indicator}: ${year} 신규 = 누적(${year}) − 누적(${s.points[idx - 1]!.period})`,
      stated: { value: stated, unit: s.unit, source: src },
      minuend: { value: s.points[idx]!.value, unit: s.unit, source: s.points[idx]!.source },
      subtrahend: { value: s.points[idx - 1]!.value, unit: s.unit, source: s.points[idx - 1]!.source },
      source: src,
    });
  }
  return claims;
}
