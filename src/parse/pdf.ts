// PDF to text lines with positions, through pdf-parse (pdf.js underneath).
// Korean PDFs with non-embedded CID fonts give empty text unless the CMaps are
// passed; Chromium-printed PDFs put U+0001 where spaces were. Lines are rebuilt
// from item coordinates: items on one baseline form a line, and a wide gap
// between items becomes a tab, so table rows come out as cells.

import { pushAll } from '../extract/collections.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normalizeLine } from '../extract/text.js';

export interface PdfItem {
  str: string;
  x: number;
  /** Baseline, from the top of the page (grows downward). */
  y: number;
  width: number;
  height: number;
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

const require = createRequire(import.meta.url);

function cMapUrl(): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { height: number };
    getTextContent(): Promise<{ items: TextItemLike[] }>;
    cleanup(): void;
  }>;
}

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
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes), cMapUrl: cMapUrl(), cMapPacked: true, verbosity: 0 });
  try {
    // pdf-parse keeps the pdf.js document behind `load`; its getText joins lines
    // without coordinates, and rows need them.
    const doc = await (parser as unknown as { load(): Promise<PdfDocLike> }).load();
    const lines: PdfLine[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || !it.transform) continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
        items.push({
          str: it.str,
          x: e,
          y: height - f,
          width: it.width ?? 0,
          height: it.height || Math.hypot(a, b) || 10,
        });
      }
      pushAll(lines, groupLines(items, n));
      page.cleanup();
    }
    const kept = dropRunningLines(lines, doc.numPages);
    lines.length = 0;
    pushAll(lines, kept);
    const chars = lines.reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0);
    if (chars === 0) return { error: 'no text layer — scanned PDF?' };
    return { lines, pages: doc.numPages };
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    const message = (error as { message?: string }).message ?? String(error);
    if (name === 'PasswordException' || /password/i.test(message)) return { error: 'encrypted PDF (password required)' };
    return { error: `unreadable PDF (${message.replace(/\s+/g, ' ').slice(0, 120)})` };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
