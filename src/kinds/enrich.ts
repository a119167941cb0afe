// A kind's own reader knows its documents' habits; the layout extractors know
// every document's tables and sentences. For each kind of figure (budget
// lines, series, targets, claims) the kind's reader wins where it read any;
// where it read none, the extractors' figures are taken. So a figure is never
// counted twice, and a document the kind's reader does not know still gets
// every figure the extractors can read.

import type { BudgetLine, ParseResult, Source } from '../model/types.js';
import type { Layout } from '../layout/types.js';
import { figuresFromLayout } from '../extract/document.js';
import { pushAll } from '../extract/collections.js';
import { titleOf } from './document.js';

export interface EnrichOptions {
  /**
   * The kind reads only structural claims (staff sums, project lists, funding splits) and leaves
   * the prose claims to the extractors: theirs are added line by line. Otherwise the kind's
   * claims, where it read any, stand alone (a kind that still reads its prose claims itself).
   */
  mergeClaims?: boolean;
}

export function enrich(result: ParseResult, layout: Layout, options: EnrichOptions = {}): void {
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
    used = true;
  }
  if (doc.series.length === 0 && figures.series.length > 0) {
    pushAll(doc.series, figures.series);
    used = true;
  }
  if (doc.targets.length === 0 && figures.targets.length > 0) {
    pushAll(doc.targets, figures.targets);
    used = true;
  }
  // Claims: the kind's own stay; with mergeClaims, a claim of the extractors is added where
  // the kind read none on that line, so a sentence is checked once.
  const kindLines = new Set(doc.claims.map((c) => lineKey(c.source)));
  const added = options.mergeClaims || doc.claims.length === 0 ? figures.claims.filter((c) => !kindLines.has(lineKey(c.source))) : [];
  if (added.length > 0) {
    pushAll(doc.claims, added);
    used = true;
  }
  // The extractors' notes matter only where their figures were taken.
  if (used) pushAll(result.diagnostics, figures.diagnostics);
}

function lineKey(source: Source): string {
  return `${source.file}:${source.line}`;
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
