// A kind's own reader knows its documents' habits; the layout extractors know
// every document's tables and sentences. Enriching adds what the extractors
// found and the kind's reader did not, so no figure is counted twice: a figure
// read from a source line the kind's reader already used is left out.

import type { ParseResult } from '../model/types.js';
import type { Layout } from '../layout/types.js';
import { figuresFromLayout } from '../extract/document.js';
import { titleOf } from './document.js';

export function enrich(result: ParseResult, layout: Layout): void {
  const doc = result.document;
  if (doc.title.startsWith('(untitled')) doc.title = titleOf(layout) ?? doc.title;
  const figures = figuresFromLayout(layout);
  // Budget tables: the kind's reader wins where it read any; else the extractors' lines.
  if (doc.budgetLines.length === 0 && figures.budgetLines.length > 0) {
    for (const l of figures.budgetLines) doc.budgetLines.push(l);
    for (const t of figures.budgetTotals) doc.budgetTotals.push(t);
    if (figures.moneyUnit && doc.moneyUnit === '원') doc.moneyUnit = figures.moneyUnit;
  }
  const seriesLines = new Set(doc.series.map((s) => s.source.line));
  for (const s of figures.series) if (!seriesLines.has(s.source.line)) doc.series.push(s);
  const targetLines = new Set(doc.targets.map((t) => t.source.line));
  for (const t of figures.targets) if (!targetLines.has(t.source.line)) doc.targets.push(t);
  const claimLines = new Set(doc.claims.map((c) => c.source.line));
  for (const c of figures.claims) if (!claimLines.has(c.source.line)) doc.claims.push(c);
  for (const d of figures.diagnostics) result.diagnostics.push(d);
}
