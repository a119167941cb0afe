// National implementation plan (시행계획): title, horizon and issuer; the
// 목표 table as Targets (with actuals stated in the text); every year-labelled
// sequence as Series; per-year budget structures (`전략분야(5,987억원)`) as
// budget-category series; keyword bullets with amounts as Programs (with their
// funding split); breakdown and ratio statements as Claims for `check`.

import { pushTo, pushAll } from '../../extract/collections.js';
import {
  type Claim,
  type Diagnostic,
  type ParseResult,
  type Quantity,
  type Series,
  type Source,
  type Target,
} from '../../model/types.js';
import { parseCount } from '../../extract/amounts.js';
import { normalizeName } from '../../extract/names.js';
import { findQuantities, type FoundQuantity } from '../../extract/quantities.js';
import { findSeries } from '../../extract/series.js';
import { expandYear } from '../../extract/periods.js';
import { printedDecimals as decimalsOf } from '../../extract/printed.js';
import { sourceOf, type ParseInput } from '../lines.js';
import { joinWrapped, outline, type PlanLine } from './structure.js';
import { markdownizePdfLines } from '../pdf-structure.js';
import { parsePlanLayout, readNamedAmounts } from '../../kinds/plan.js';

interface Context {
  file: string;
  diagnostics: Diagnostic[];
}

function quantityOf(q: FoundQuantity, source: Source): Quantity {
  const out: Quantity = { value: q.value, unit: q.unit, source };
  if (q.max !== undefined) out.max = q.max;
  return out;
}

/** `보급 목표(3만개)를 초과 달성(누계 30,144개)` → the actual of the target 30,000 개. */
function readActuals(ctx: Context, lines: PlanLine[], targets: Target[]): void {
  for (const pl of lines) {
    const m = /목표\s*치?\s*\(\s*([^)]+?)\s*\)[^()]*?(?:달성|초과|미달)[^()]*?\(\s*(?:누적|누계)\s*([\d,.]+\s*[만]?\s*[가-힣]*)\s*\)/.exec(pl.content);
    if (!m) continue;
    const goal = parseCount(m[1]!);
    const actual = parseCount(m[2]!.trim());
    if (!goal || !actual) continue;
    const target = targets.find((t) => !t.actual && t.unit === goal.unit && t.target.value === goal.value);
    if (!target) continue;
    target.actual = { value: actual.value, unit: actual.unit || goal.unit, source: sourceOf(ctx.file, pl.line) };
    if (pl.year) target.actualPeriod = pl.year;
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

function indicatorName(pl: PlanLine, prefix: string, label?: string): string {
  const parentText = pl.parent && !pl.parent.keyword ? pl.parent.content.replace(/\s*[(,].*$/, '') : undefined;
  const parentPhrase = parentText && parentText.length > 32 ? lastPhrase(parentText) : parentText;
  const keyword = pl.keyword ?? pl.parent?.keyword ?? parentPhrase ?? pl.topic ?? '';
  let base = prefix.replace(/^\([^()]*\)\s*/, '').trim();
  // A prefix that is a whole sentence is context, not a name: keep its last phrase.
  if (base.length > 32) base = lastPhrase(base);
  const parts = [keyword, base].filter(Boolean);
  let name = parts.length === 2 && parts[1]!.includes(parts[0]!) ? parts[1]! : parts.join(' · ');
  if (!name) name = pl.topic ?? '(series)';
  return label ? `${name} (${label})` : name;
}

function readSeries(ctx: Context, lines: PlanLine[]): Series[] {
  const series: Series[] = [];
  for (const pl of lines) {
    if (pl.role === 'heading') continue;
    for (const found of findSeries(pl.content)) {
      const source = sourceOf(ctx.file, pl.line);
      const s: Series = {
        indicator: indicatorName(pl, found.prefix, found.label),
        unit: found.unit,
        flags: found.flags,
        points: found.points.map((p) => ({ ...p, source })),
        source,
      };
      if (pl.strategy) s.group = pl.strategy;
      if (pl.task) s.task = pl.task;
      series.push(s);
    }
  }
  return series;
}

/** Per-year budget structures; a category named in two years becomes a series. */
function readBudgetCategories(ctx: Context, lines: PlanLine[]): Series[] {
  const byName = new Map<string, { period: string; value: number; source: Source; strategy?: string }[]>();
  for (const pl of lines) {
    if (!pl.year) continue;
    const named = readNamedAmounts(pl.content);
    if (!named) continue;
    const source = sourceOf(ctx.file, pl.line);
    for (const n of named) {
      const key = normalizeName(n.name);
      const points = byName.get(key) ?? [];
      if (!points.some((p) => p.period === pl.year)) points.push({ period: pl.year, value: n.value, source, ...(pl.strategy ? { strategy: pl.strategy } : {}) });
      byName.set(key, points);
      (points as unknown as { name?: string }).name ??= n.name;
    }
  }
  const series: Series[] = [];
  for (const points of byName.values()) {
    if (points.length < 2) continue;
    const sorted = [...points].sort((a, b) => a.period.localeCompare(b.period));
    const name = (points as unknown as { name: string }).name;
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

/** A line that is only a list of labelled figures: `정부단독 2,418, 상생형 1,081, 수준확인 1,606개`. */
export function readParts(content: string): FoundQuantity[] | undefined {
  const body = content.replace(/^\(\s*(?:['’‘]\d{2}\s*,?\s*)?(?:실적|계획)?\s*\)\s*/, '').replace(/\s*등\s*$/, '');
  const items = body.split(/\s*[,/]\s*(?=[^\d\s,])/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 2) return undefined;
  for (const item of items) if (!PART_ITEM.test(item)) return undefined;
  const quantities = findQuantities(body);
  return quantities.length >= 2 ? quantities : undefined;
}

function baseUnit(q: FoundQuantity): string {
  return q.kind === 'money' ? '원' : q.unit;
}

/** Breakdowns (a total then its parts) and ratios (`713명 …(취업자수 586명, 취업률 82.2%)`, `56%(271개/485개)`). */
function readClaims(ctx: Context, lines: PlanLine[]): Claim[] {
  const claims: Claim[] = [];
  lines.forEach((pl, index) => {
    const source = sourceOf(ctx.file, pl.line);
    if (!/\d/.test(pl.content)) return;
    // Ratio: `56%(271개/485개)`.
    if (pl.content.includes('%')) for (const m of pl.content.matchAll(/([\d.]+)\s*%\s*\(\s*([\d,]+)\s*([가-힣]*)\s*\/\s*([\d,]+)\s*([가-힣]*)\s*\)/g)) {
      const num = Number(m[2]!.replace(/,/g, ''));
      const den = Number(m[4]!.replace(/,/g, ''));
      claims.push({ kind: 'ratio', label: m[0], stated: { value: Number(m[1]), unit: '%', decimals: decimalsOf(m[1]!), source }, numerator: { value: num, unit: m[3] ?? '', source }, denominator: { value: den, unit: m[5] ?? '', source }, source });
    }
    // Ratio: `713명 양성(취업자수 586명, 취업률 82.2%)`.
    if (pl.content.includes('%')) for (const m of pl.content.matchAll(/([\d,]+)\s*(명|개|건|개사)\s*[가-힣\s]*\(\s*[가-힣\s]*?([\d,]+)\s*\2\s*,\s*[가-힣\s]*?([\d.]+)\s*%\s*\)/g)) {
      const total = Number(m[1]!.replace(/,/g, ''));
      const part = Number(m[3]!.replace(/,/g, ''));
      claims.push({ kind: 'ratio', label: m[0], stated: { value: Number(m[4]), unit: '%', decimals: decimalsOf(m[4]!), source }, numerator: { value: part, unit: m[2]!, source }, denominator: { value: total, unit: m[2]!, source }, source });
    }
    // Breakdown: a parts line under a bullet, or list items in a table cell after a stated total.
    const cellParts = pl.role === 'table' ? tableCellParts(lines, index) : undefined;
    const parts = cellParts ?? (pl.role === 'sub' || pl.role === 'footnote' ? readParts(pl.content) : undefined);
    if (!parts) return;
    const candidates: { q: FoundQuantity; pl: PlanLine }[] = [];
    if (pl.parent && !cellParts) for (const q of findQuantities(pl.parent.content)) candidates.push({ q, pl: pl.parent });
    if (cellParts) {
      for (let k = index - 1; k >= Math.max(0, index - 8); k--) for (const q of findQuantities(lines[k]!.content)) candidates.push({ q, pl: lines[k]! });
    }
    const groups = new Map<string, FoundQuantity[]>();
    for (const p of parts) {
      if (p.kind === 'percent') continue;
      const key = `${baseUnit(p)}|${p.qualifier ?? ''}`;
      pushTo(groups, key, p);
    }
    // Bare parts take the unit of the list's last figure (`2,418, 1,081, 1,606개`).
    const bare = groups.get('|');
    const unitOwner = [...parts].reverse().find((p) => p.kind !== 'bare' && p.kind !== 'percent');
    if (bare && unitOwner) {
      groups.delete('|');
      const key = `${baseUnit(unitOwner)}|${unitOwner.qualifier ?? ''}`;
      const scaled = bare.map((b) => (unitOwner.kind === 'money' ? { ...b, value: Math.round(b.raw * (unitOwner.scale ?? 1)), unit: '원', kind: 'money' as const } : { ...b, unit: unitOwner.unit, kind: 'count' as const }));
      groups.set(key, [...scaled, ...(groups.get(key) ?? [])].sort((a, b) => a.index - b.index));
    }
    for (const [key, items] of groups) {
      if (items.length < 2) continue;
      const [unit, qualifier] = key.split('|') as [string, string];
      const total = candidates.find(
        (c) => baseUnit(c.q) === unit && c.q.kind !== 'bare' && (qualifier === '' || c.q.qualifier === qualifier) && !/누적|누계|목표/.test(c.pl.content.slice(Math.max(0, c.q.index - 6), c.q.index)),
      );
      if (!total) continue;
      claims.push({
        kind: 'sum',
        label: `${pl.parent?.keyword ?? pl.topic ?? ''} ${total.q.text}`.trim(),
        total: quantityOf(total.q, sourceOf(ctx.file, total.pl.line)),
        parts: items.map((p) => ({ label: p.label ?? '', amount: quantityOf(p, source) })),
        source,
        inferred: true,
      });
    }
  });
  return claims;
}

/**
 * List items inside a table cell: `<li>■ 국내 291개사</li> <li>■ 국외 1,176개사</li>` in the
 * text version, `■ 국내 291개사` with `■ 국외 1,176개사` on the next line in the PDF.
 * Each item must be a short label and one figure.
 */
function tableCellParts(lines: PlanLine[], index: number): FoundQuantity[] | undefined {
  const texts = [lines[index]!.line.text];
  for (let k = index + 1; k < Math.min(lines.length, index + 6) && /^\s*■/.test(lines[k]!.line.text) && !lines[k]!.line.text.includes('\t'); k++) {
    texts.push(lines[k]!.line.text);
  }
  const plain = texts.map((t) => t.replace(/<[^>]*>/g, ' ')).join('\t');
  const items = [...plain.matchAll(/■\s*([^■\t]+)/g)].map((m) => m[1]!.trim());
  if (items.length < 2 || !items.every((i) => /^[가-힣A-Za-z\s]{1,15}\s*[\d,.]+\s*[가-힣]+$/.test(i))) return undefined;
  const qs = items.map((i) => findQuantities(i)[0]).filter((q): q is FoundQuantity => q !== undefined);
  return qs.length === items.length ? qs.map((q, k) => ({ ...q, label: items[k]!.replace(q.text, '').trim() })) : undefined;
}

/** `'22년 5,105개 … 신규 보급 … (누적 30,144개)` above `연도별 누적 : … ('21) 25,039 → ('22) 30,144개`. */
function readDifferenceClaims(ctx: Context, lines: PlanLine[], series: Series[]): Claim[] {
  const claims: Claim[] = [];
  for (const s of series) {
    if (!s.flags.includes('누적')) continue;
    const pl = lines.find((l) => l.line.n === s.source.line);
    const parent = pl?.parent;
    if (!parent) continue;
    const m = /['’‘](\d{2})\s*년\s*([\d,]+)\s*([가-힣]+)[^→]*?(?:신규|추가)/.exec(parent.content);
    if (!m) continue;
    const year = String(expandYear(m[1]!));
    const idx = s.points.findIndex((p) => p.period === year);
    if (idx < 1) continue;
    const stated = Number(m[2]!.replace(/,/g, ''));
    const src = sourceOf(ctx.file, parent.line);
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

export function parsePlan(input: ParseInput): ParseResult {
  const ctx: Context = { file: input.file, diagnostics: [] };
  // What is the plan's own — head, vision, strategies, schedule, goal targets, programs with
  // their footnoted budgets — is read from layout blocks (src/kinds/plan.ts).
  const own = parsePlanLayout(input.layout!);
  const doc = own.document;
  pushAll(ctx.diagnostics, own.diagnostics);
  // Still read from lines, until the shared extractors read them at parity: series and
  // budget-category series, actuals stated in prose, ratio/breakdown/difference claims.
  const source = input.origin === 'pdf' ? markdownizePdfLines(input.lines) : input.lines;
  const lines = outline(joinWrapped(source, 'text'));
  readActuals(ctx, lines, doc.targets);
  doc.series = [...readSeries(ctx, lines), ...readBudgetCategories(ctx, lines)];
  pushAll(doc.claims, readClaims(ctx, lines));
  pushAll(doc.claims, readDifferenceClaims(ctx, lines, doc.series));
  return { document: doc, diagnostics: ctx.diagnostics };
}
