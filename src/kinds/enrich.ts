// A kind's own reader knows its documents' habits; the layout extractors know
// every document's tables and sentences. For each kind of figure (budget
// lines, series, targets) the kind's reader wins where it read any; where it
// read none, the extractors' figures are taken. Claims are merged sentence by
// sentence: the reader's where it read one, the extractors' elsewhere. So a figure is never
// counted twice, and a document the kind's reader does not know still gets
// every figure the extractors can read.

import type { BudgetLine, Claim, ParseResult, Series, Source } from '../model/types.js';
import type { Layout } from '../layout/types.js';
import { figuresFromLayout } from '../extract/document.js';
import { pushAll } from '../extract/collections.js';
import { titleOf } from './document.js';

export function enrich(result: ParseResult, layout: Layout): void {
  const doc = result.document;
  if (doc.title.startsWith('(untitled')) doc.title = titleOf(layout) ?? doc.title;
  const figures = figuresFromLayout(layout, doc.fiscalPeriod ? { year: doc.fiscalPeriod.slice(0, 4) } : {});
  let used = false;
  // Budget tables: the kind's reader wins where it read any lines, unless its lines
  // contradict their own rows (잔액 ≠ 예산 − 집행: it took the wrong budget column, such
  // as 본예산 beside 최종예산) and the extractors' lines contradict fewer.
  const replace =
    figures.budgetLines.length > 0 &&
    (doc.budgetLines.length === 0 || (selfContradictions(doc.budgetLines) > 0 && selfContradictions(figures.budgetLines) < selfContradictions(doc.budgetLines)));
  if (replace) {
    doc.budgetLines.length = 0;
    doc.budgetTotals.length = 0;
    pushAll(doc.budgetLines, figures.budgetLines);
    pushAll(doc.budgetTotals, figures.budgetTotals);
    if (figures.moneyUnit && doc.moneyUnit === '원') doc.moneyUnit = figures.moneyUnit;
    // The reader's "announces a budget table but no rows could be read" is moot: the extractors read them.
    const kept = result.diagnostics.filter((d) => d.code !== 'budget-table-missing');
    result.diagnostics.length = 0;
    pushAll(result.diagnostics, kept);
    used = true;
  }
  // Series as claims: the reader's rows and sentences stay, the extractors add those it did not read.
  const read = new Set(doc.series.flatMap(placesOf));
  const series = figures.series.filter((s) => !placesOf(s).some((p) => read.has(p)));
  if (series.length > 0) {
    pushAll(doc.series, series);
    used = true;
  }
  if (doc.targets.length === 0 && figures.targets.length > 0) {
    pushAll(doc.targets, figures.targets);
    used = true;
  }
  // Claims are sentences, not a table to read one way or another: the kind's reader
  // wins sentence by sentence, and the extractors add every claim it did not read.
  const own = claimsByPlace(doc.claims);
  const added = figures.claims.filter((c) => !nearby(own, c.source).some((o) => sameClaim(o, c)));
  if (added.length > 0) {
    pushAll(doc.claims, added);
    // The reader's "names no figures" for a sentence an extractor resolved is moot.
    const byPlace = claimsByPlace(added);
    const kept = result.diagnostics.filter((d) => !(d.code === 'claim-unresolved' && d.source && nearby(byPlace, d.source).some((c) => covers(c, d.source!) && d.message.includes(`${statedValue(c)}%`))));
    result.diagnostics.length = 0;
    pushAll(result.diagnostics, kept);
    used = true;
  }
  // The extractors' notes matter only where their figures were taken.
  if (used) pushAll(result.diagnostics, figures.diagnostics);
}

type ClaimFamily = 'change' | 'ratio' | 'count' | 'sum' | 'months' | 'series';

const FAMILY: Record<Claim['kind'], ClaimFamily> = {
  growth: 'change',
  points: 'change',
  multiple: 'change',
  share: 'ratio',
  rate: 'ratio',
  achievement: 'ratio',
  ratio: 'ratio',
  count: 'count',
  sum: 'sum',
  months: 'months',
  difference: 'series',
};

/** The figure a claim states (a sum's total, a period's months). */
function statedValue(c: Claim): number | undefined {
  if (c.kind === 'sum') return c.total.value;
  if (c.kind === 'months') return c.period.statedMonths;
  return c.stated.value;
}

/** Lines a sentence read as one block may run over after the line it starts on. */
const BLOCK_LINES = 4;

/** Whether a place lies in the block an extractor's claim was read from (its first line and the few after it, same page). */
function covers(claim: Claim, at: Source): boolean {
  const s = claim.source;
  if (s.page !== undefined && at.page !== undefined && s.page !== at.page) return false;
  return at.line >= s.line && at.line <= s.line + BLOCK_LINES;
}

/** The same statement read twice: one family of claim, one stated figure, one place. */
function sameClaim(own: Claim, extracted: Claim): boolean {
  if (FAMILY[own.kind] !== FAMILY[extracted.kind]) return false;
  const a = statedValue(own);
  const b = statedValue(extracted);
  if (a === undefined || b === undefined || Math.abs(Math.abs(a) - Math.abs(b)) > 1e-9) return false;
  return covers(extracted, own.source) || covers(own, extracted.source);
}

const placeKey = (s: Source) => `${s.page ?? ''}:${s.line}`;

/** The lines a series was read from (its row or sentence, and each point's): two readings of one row share one. */
function placesOf(s: Series): string[] {
  const out = [placeKey(s.source)];
  for (const p of s.points) if (p.source) out.push(placeKey(p.source));
  return out;
}

/** Claims by the line they start on, so a claim's neighbours are found without a scan (a large report has thousands). */
function claimsByPlace(claims: Claim[]): Map<string, Claim[]> {
  const map = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = placeKey(c.source);
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }
  return map;
}

/** Claims starting within a block's reach of a place, before or after it. */
function nearby(map: Map<string, Claim[]>, at: Source): Claim[] {
  const out: Claim[] = [];
  // No claims to look among (a reader that read none): no keys to build.
  if (map.size === 0) return out;
  const page = at.page ?? '';
  for (let line = at.line - BLOCK_LINES; line <= at.line + BLOCK_LINES; line++) {
    // placeKey of the place moved to `line`, without a copy of the place.
    for (const c of map.get(`${page}:${line}`) ?? []) out.push(c);
  }
  return out;
}

/** Section titles that announce a budget execution table (data: add wordings here). */
export const BUDGET_TABLE_TITLES: readonly RegExp[] = [/예산\s*집행\s*(현황|실적)/, /세출\s*예산\s*집행/];

/**
 * A document whose heading announces a budget execution table but from which no budget line
 * was read has lost that table (a PDF table that could not be rebuilt, a table pasted without
 * its columns): a warning on the heading, rather than an empty budget in silence.
 */
export function missingBudgetTable(result: ParseResult, layout: Layout): void {
  if (result.document.budgetLines.length > 0) return;
  const announced = layout.blocks.find((b) => b.type === 'heading' && BUDGET_TABLE_TITLES.some((t) => t.test(b.text)) && !/\d\s*$/.test(b.text));
  if (!announced) return;
  result.diagnostics.push({
    severity: 'warning',
    code: 'budget-table-missing',
    message: `the document announces a budget execution table but no rows could be read${layout.format === 'pdf' ? ' from the PDF' : ''}`,
    source: announced.source,
  });
}

/** Lines whose printed 잔액 is not their budget less executed, or whose printed rate is not executed/budget (beyond rounding). */
function selfContradictions(lines: BudgetLine[]): number {
  let n = 0;
  for (const l of lines) {
    if (!l.budget || !l.executed || l.carriedOver || l.unused) continue;
    if (l.remaining && Math.abs(l.budget.value - l.executed.value - l.remaining.value) > Math.max(1, Math.abs(l.budget.value) * 0.001)) n++;
    // A printed rate more than a point away from executed/budget: not a rounding.
    else if (l.statedRate && l.budget.value !== 0 && Math.abs((100 * l.executed.value) / l.budget.value - l.statedRate.value) > 1) n++;
  }
  return n;
}
