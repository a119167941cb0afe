// Interim PDF layout: the rebuilt text lines of src/parse/pdf.ts (a wide gap
// between items is a tab) read by the text reader, each block keeping its page.
// The position-based reader (src/layout/pdf.ts) replaces it where it lands.

import { readPdf, type PdfText } from '../parse/pdf.js';
import { readTextLayout } from './text.js';
import type { Layout } from './types.js';

export async function readPdfLinesLayout(file: string, bytes: Uint8Array): Promise<Layout | { error: string }> {
  const pdf = await readPdf(bytes);
  if ('error' in pdf) return pdf;
  return pdfLinesLayout(file, pdf);
}

export function pdfLinesLayout(file: string, pdf: PdfText): Layout {
  const layout = readTextLayout(file, pdf.lines.map((l) => l.text).join('\n'));
  for (const block of layout.blocks) {
    const page = pdf.lines[block.source.line - 1]?.page;
    if (page !== undefined) block.source.page = page;
    if (block.type === 'table') {
      for (const row of block.rows) {
        const p = pdf.lines[row.source.line - 1]?.page;
        if (p !== undefined) row.source.page = p;
      }
    }
  }
  layout.format = 'pdf';
  layout.pages = pdf.pages;
  return layout;
}
