// PDF to text lines with positions, through pdf.js (layout/pdf-engine.ts).
// Korean PDFs with non-embedded CID fonts give empty text unless the CMaps are
// passed; Chromium-printed PDFs put U+0001 where spaces were. Lines are rebuilt
// from item coordinates: items on one baseline form a line, and a wide gap
// between items becomes a tab, so table rows come out as cells.

import { normalizeLine } from '../extract/text.js';

export interface PdfItem {
  str: string;
  x: number;
  /** Baseline, from the top of the page (grows downward). */
  y: number;
  width: number;
  height: number;
  /** The font's name (subset tag dropped), when the page's operator list was read. */
  font?: string;
}

export interface PdfLine {
  page: number;
  y: number;
  items: PdfItem[];
  text: string;
}

export interface PdfText {
  lines: PdfLine[];
  pages: number;
}

export type PdfResult = PdfText | { error: string };

export { readPdfPages, type PdfPage, type PdfPages, type PdfRule } from './pdf-engine.js';
import { readPdfPages, type PdfPages } from './pdf-engine.js';

/** Items of one page grouped into lines: same baseline within a third of the glyph height. */
export function groupLines(items: PdfItem[], page: number): PdfLine[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    const tolerance = Math.max(2, item.height * 0.35);
    if (last && Math.abs(last.y - item.y) <= tolerance) last.items.push(item);
    else lines.push({ page, y: item.y, items: [item], text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.text = joinItems(line.items);
  }
  return lines;
}

/** Join a line's items: touching items join, a space-sized gap is a space, a wide gap is a tab. */
export function joinItems(items: PdfItem[]): string {
  let text = '';
  let prevEnd: number | undefined;
  for (const item of items) {
    const size = Math.max(1, item.height);
    if (prevEnd !== undefined) {
      const gap = item.x - prevEnd;
      if (gap > size * 1.6) text += '\t';
      else if (gap > size * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    }
    text += item.str;
    prevEnd = item.x + item.width;
  }
  return normalizeLine(text).replace(/ {2,}/g, ' ').replace(/ *\t */g, '\t').trim();
}

const PAGE_NUMBER = /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+)$/i;

/**
 * Page headers, footers and page numbers are not part of the text: a lone page
 * number at the top or bottom of a page, or a line repeated at the top or bottom
 * of at least three pages (and 40% of them), digits aside, is dropped.
 */
export function dropRunningLines(lines: PdfLine[], pages: number): PdfLine[] {
  const byPage = new Map<number, PdfLine[]>();
  for (const l of lines) {
    const list = byPage.get(l.page);
    if (list) list.push(l);
    else byPage.set(l.page, [l]);
  }
  const edge = new Set<PdfLine>();
  for (const list of byPage.values()) {
    for (const l of [...list.slice(0, 2), ...list.slice(-2)]) edge.add(l);
  }
  const shape = (l: PdfLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, Set<number>>();
  for (const l of edge) {
    const key = shape(l);
    const set = seen.get(key) ?? new Set<number>();
    set.add(l.page);
    seen.set(key, set);
  }
  const repeated = (l: PdfLine) => {
    const n = seen.get(shape(l))?.size ?? 0;
    return n >= 3 && n >= pages * 0.4;
  };
  return lines.filter((l) => !(edge.has(l) && (PAGE_NUMBER.test(l.text.trim()) || repeated(l))));
}

export async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  const pages = await readPdfPages(bytes);
  if ('error' in pages) return pages;
  return pdfLines(pages);
}

/** The text lines of loaded pages: items grouped into lines, running headers and footers dropped. */
export function pdfLines(doc: PdfPages): PdfResult {
  const lines: PdfLine[] = [];
  for (const page of doc.pages) for (const line of groupLines(page.items, page.n)) lines.push(line);
  const kept = dropRunningLines(lines, doc.pages.length);
  let chars = 0;
  for (const l of kept) chars += l.text.replace(/\s/g, '').length;
  if (chars === 0) return { error: 'no text layer — scanned PDF?' };
  return { lines: kept, pages: doc.pages.length };
}
