// The generic kind: a document no other kind claims. Every extractor runs on
// its layout; only the title and date are read here, from the layout's first
// blocks. Kinds that know more add to the same figures (see enrich.ts).

import { emptyDocument, type ParseResult } from '../model/types.js';
import type { Layout } from '../layout/types.js';
import { figuresFromLayout } from '../extract/document.js';

const TITLE_BLOCKS = 15;

/** The document's title: its first heading, else its first short paragraph. */
export function titleOf(layout: Layout): string | undefined {
  const head = layout.blocks.slice(0, TITLE_BLOCKS);
  const heading = head.find((b) => b.type === 'heading' && b.text.length <= 100 && !/^목\s*차$/.test(b.text.replace(/\s+/g, '')));
  if (heading && heading.type === 'heading') return heading.text;
  const paragraph = head.find((b) => (b.type === 'paragraph') && /[가-힣A-Za-z]/.test(b.text) && b.text.length <= 80);
  return paragraph && paragraph.type === 'paragraph' ? paragraph.text : undefined;
}

export function parseGenericDocument(layout: Layout): ParseResult {
  const doc = emptyDocument(layout.file, 'document', titleOf(layout) ?? '(untitled document)');
  const figures = figuresFromLayout(layout);
  for (const l of figures.budgetLines) doc.budgetLines.push(l);
  for (const t of figures.budgetTotals) doc.budgetTotals.push(t);
  for (const s of figures.series) doc.series.push(s);
  for (const t of figures.targets) doc.targets.push(t);
  for (const c of figures.claims) doc.claims.push(c);
  if (figures.moneyUnit) doc.moneyUnit = figures.moneyUnit;
  return { document: doc, diagnostics: figures.diagnostics };
}
