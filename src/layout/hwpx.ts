// HWPX (OWPML, KS X 6101) reader: the zip's section XML parts to layout blocks.
// Paragraphs (`hp:p`) become headings (outline level from the paragraph's
// paraPr or an outline style in header.xml), list items, notes or paragraphs
// by their printed marker; tables (`hp:tbl`) keep their cells exactly as made,
// with row and column spans placed by `hp:cellAddr`. Tables nested in a cell
// are also emitted as blocks of their own, right after their outer table.
//
// Location convention: `line` is the running paragraph index, 1-based,
// across all sections in reading order, counting every paragraph including
// those inside table cells (so each table row has a line of its own). HWPX
// stores no page breaks that a reader can trust, so `page` is never set.

import { pushAll } from '../extract/collections.js';
import { LayoutBuilder, type PlacedCell } from './builder.js';
import type { Layout, TableBlock } from './types.js';
import { localName, parseXml, type XmlElement } from './xml.js';
import { isZip, readZip } from './zip.js';

const MIMETYPE = 'application/hwp+zip';
const SECTION = /^Contents\/section(\d+)\.xml$/;
const WANTED = new Set(['mimetype', 'META-INF/manifest.xml', 'Contents/content.hpf', 'Contents/header.xml']);

export const HWPX_ERRORS = {
  notZip: 'not an HWPX document (not a zip archive)',
  notHwpx: 'not an HWPX document (a zip archive without HWPX contents)',
  encrypted: 'password-protected (encrypted) HWPX document; save it without a password',
  unreadable: 'unreadable HWPX document',
} as const;

export async function readHwpxLayout(file: string, bytes: Uint8Array): Promise<Layout | { error: string }> {
  try {
    return readHwpx(file, bytes);
  } catch {
    // The readers below return errors for every case we know; this is the net for the rest.
    return { error: HWPX_ERRORS.unreadable };
  }
}

function readHwpx(file: string, bytes: Uint8Array): Layout | { error: string } {
  if (!isZip(bytes)) return { error: HWPX_ERRORS.notZip };
  const zip = readZip(bytes, (name) => WANTED.has(name) || SECTION.test(name));
  if ('error' in zip) return zip;
  const text = (name: string): string | undefined => {
    const data = zip.files.get(name);
    return data ? new TextDecoder('utf-8').decode(data) : undefined;
  };

  const mimetype = text('mimetype');
  const sectionNames = [...zip.files.keys()].filter((n) => SECTION.test(n));
  if ((mimetype !== undefined && mimetype.trim() !== MIMETYPE) || sectionNames.length === 0) return { error: HWPX_ERRORS.notHwpx };

  const manifest = text('META-INF/manifest.xml');
  // Password-protected HWPX lists its encrypted parts in the manifest, ODF-style.
  if (manifest && /<(?:[\w-]+:)?encryption-data\b/.test(manifest)) return { error: HWPX_ERRORS.encrypted };

  const header = text('Contents/header.xml');
  let styles: HeaderStyles = { outlineParaPr: new Map(), outlineStyles: new Map(), bulletParaPr: new Map() };
  if (header !== undefined) {
    const root = parseXml(header);
    if ('error' in root) return { error: `malformed XML in Contents/header.xml: ${root.error}` };
    styles = readHeaderStyles(root);
  }

  const builder = new LayoutBuilder(file);
  const reader = new SectionReader(builder, styles);
  for (const name of sectionOrder(text('Contents/content.hpf'), sectionNames)) {
    const root = parseXml(text(name) ?? '');
    if ('error' in root) return { error: `malformed XML in ${name}: ${root.error}` };
    reader.readSection(root);
  }
  return { file, format: 'hwpx', blocks: builder.blocks };
}

/** Sections in the package's spine order; by number when the spine does not name them. */
export function sectionOrder(contentHpf: string | undefined, sectionNames: string[]): string[] {
  const byNumber = [...sectionNames].sort((a, b) => Number(SECTION.exec(a)![1]) - Number(SECTION.exec(b)![1]));
  if (!contentHpf) return byNumber;
  const root = parseXml(contentHpf);
  if ('error' in root) return byNumber;
  const hrefs = new Map<string, string>();
  const spine: string[] = [];
  walk(root, (el) => {
    const name = localName(el);
    if (name === 'item' && el.attribs.id && el.attribs.href) hrefs.set(el.attribs.id, el.attribs.href.replace(/^\.?\//, ''));
    if (name === 'itemref' && el.attribs.idref) spine.push(el.attribs.idref);
  });
  const ordered = spine.map((id) => hrefs.get(id)).filter((h): h is string => h !== undefined && sectionNames.includes(h));
  const rest = byNumber.filter((n) => !ordered.includes(n));
  return [...new Set(ordered), ...rest];
}

interface HeaderStyles {
  /** paraPr id → outline level (1 = top) for paragraph shapes numbered as outline. */
  outlineParaPr: Map<string, number>;
  /** style id → outline level for styles named 개요 N / Outline N. */
  outlineStyles: Map<string, number>;
  /** paraPr id → the bullet 한글 draws before paragraphs of that shape (not stored in their text). */
  bulletParaPr: Map<string, { marker: string; depth: number }>;
}

const OUTLINE_STYLE = /^(?:개요|Outline)\s*(\d{1,2})$/i;

export function readHeaderStyles(root: XmlElement): HeaderStyles {
  const outlineParaPr = new Map<string, number>();
  const outlineStyles = new Map<string, number>();
  const bullets = new Map<string, string>();
  const bulletRefs: [paraPr: string, bullet: string, depth: number][] = [];
  walk(root, (el) => {
    const name = localName(el);
    if (name === 'bullet' && el.attribs.id !== undefined && el.attribs.char) bullets.set(el.attribs.id, el.attribs.char);
    if (name === 'paraPr' && el.attribs.id !== undefined) {
      const heading = find(el, (c) => localName(c) === 'heading');
      const level = Number(heading?.attribs.level ?? 0);
      if (heading?.attribs.type === 'OUTLINE') outlineParaPr.set(el.attribs.id, level + 1);
      if (heading?.attribs.type === 'BULLET') bulletRefs.push([el.attribs.id, heading.attribs.idRef ?? '', level]);
      return false;
    }
    if (name === 'style' && el.attribs.id !== undefined) {
      const m = OUTLINE_STYLE.exec(el.attribs.engName ?? '') ?? OUTLINE_STYLE.exec(el.attribs.name ?? '');
      if (m) outlineStyles.set(el.attribs.id, Number(m[1]));
    }
    return true;
  });
  const bulletParaPr = new Map<string, { marker: string; depth: number }>();
  for (const [paraPr, bullet, depth] of bulletRefs) {
    const marker = bullets.get(bullet);
    if (marker) bulletParaPr.set(paraPr, { marker, depth });
  }
  return { outlineParaPr, outlineStyles, bulletParaPr };
}

/** What one paragraph holds: its text, and the tables and text boxes anchored in it. */
interface ParagraphParts {
  text: string;
  tables: XmlElement[];
  /** Paragraphs of text boxes (drawing objects with text) anchored in this paragraph. */
  boxed: XmlElement[];
}

/** Inline elements of `hp:t` and what they print. */
const INLINE_TEXT: Record<string, string> = { tab: '\t', lineBreak: '\n', fwSpace: ' ', nbSpace: '\u00a0', hyphen: '-' };

function paragraphParts(p: XmlElement): ParagraphParts {
  const parts: ParagraphParts = { text: '', tables: [], boxed: [] };
  const visit = (el: XmlElement): void => {
    for (const child of el.content) {
      // Text lives in `hp:t` only; anything else between elements is layout whitespace.
      if (typeof child === 'string') continue;
      const name = localName(child);
      if (name === 't') visitText(child);
      else if (name === 'tbl') parts.tables.push(child);
      // Headers, footers, footnotes, fields and page numbers live in controls: not body text.
      else if (name === 'ctrl' || name === 'linesegarray' || name === 'secPr') continue;
      else if (name === 'drawText') pushAll(parts.boxed, paragraphsOf(child));
      else if (name === 'run' || isDrawingObject(name)) visit(child);
    }
  };
  const visitText = (t: XmlElement): void => {
    for (const child of t.content) {
      if (typeof child === 'string') parts.text += child;
      else parts.text += INLINE_TEXT[localName(child)] ?? '';
    }
  };
  visit(p);
  return parts;
}

const DRAWING_OBJECTS = new Set(['rect', 'ellipse', 'polygon', 'curve', 'arc', 'container', 'textart', 'connectLine', 'line']);

function isDrawingObject(name: string): boolean {
  return DRAWING_OBJECTS.has(name);
}

/** The paragraphs of a sub-list holder (`hp:subList` inside a cell or text box). */
function paragraphsOf(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) {
    const name = localName(child);
    if (name === 'p') out.push(child);
    else if (name === 'subList') pushAll(out, paragraphsOf(child));
  }
  return out;
}

/** Reads section paragraphs and tables into the shared builder. */
class SectionReader {
  constructor(
    private readonly builder: LayoutBuilder,
    private readonly styles: HeaderStyles,
  ) {}

  readSection(root: XmlElement): void {
    for (const p of root.children) if (localName(p) === 'p') this.readParagraph(p);
  }

  private outlineLevel(p: XmlElement): number | undefined {
    return this.styles.outlineParaPr.get(p.attribs.paraPrIDRef ?? '') ?? this.styles.outlineStyles.get(p.attribs.styleIDRef ?? '');
  }

  private readParagraph(p: XmlElement): void {
    const line = this.builder.nextLine();
    const parts = paragraphParts(p);
    const bullet = this.styles.bulletParaPr.get(p.attribs.paraPrIDRef ?? '');
    if (bullet && parts.text.trim() !== '') this.builder.addListItem(bullet.marker, bullet.depth, parts.text, line);
    else this.builder.addParagraph(parts.text, line, this.outlineLevel(p));
    for (const tbl of parts.tables) this.builder.addTables(this.readTable(tbl, line));
    for (const boxed of parts.boxed) this.readParagraph(boxed);
  }

  /** The table and, after it, every table nested in its cells. */
  private readTable(tbl: XmlElement, anchor: number): TableBlock[] {
    const nested: TableBlock[] = [];
    const placed: PlacedCell[] = [];
    // The table's own caption (한글's 캡션), before its rows in reading order.
    const captionElement = tbl.children.find((c) => localName(c) === 'caption');
    const caption = captionElement ? this.readCell(captionElement, nested).text : '';
    let rowIndex = 0;
    for (const tr of tbl.children) {
      if (localName(tr) !== 'tr') continue;
      let colIndex = 0;
      for (const tc of tr.children) {
        if (localName(tc) !== 'tc') continue;
        const addr = tc.children.find((c) => localName(c) === 'cellAddr')?.attribs;
        const span = tc.children.find((c) => localName(c) === 'cellSpan')?.attribs;
        const cell = this.readCell(tc, nested);
        const row = intAttr(addr?.rowAddr) ?? rowIndex;
        const col = intAttr(addr?.colAddr) ?? colIndex;
        const colSpan = Math.max(1, intAttr(span?.colSpan) ?? 1);
        const rowSpan = Math.max(1, intAttr(span?.rowSpan) ?? 1);
        placed.push({ row, col, header: tc.attribs.header === '1', line: cell.line, cell: { text: cell.text, rowSpan, colSpan } });
        colIndex = col + colSpan;
      }
      rowIndex++;
    }
    const table = this.builder.table(placed, intAttr(tbl.attribs.rowCnt) ?? 0, intAttr(tbl.attribs.colCnt) ?? 0, anchor);
    if (caption !== '') this.builder.setOwnCaption(table, caption);
    return [table, ...nested];
  }

  /** Text of a cell (or caption): its paragraphs; tables inside it go to `nested`. */
  private readCell(tc: XmlElement, nested: TableBlock[]): { text: string; line: number | undefined } {
    const lines: string[] = [];
    let first: number | undefined;
    const readParagraphs = (paragraphs: XmlElement[]): void => {
      for (const p of paragraphs) {
        const line = this.builder.nextLine();
        first ??= line;
        const parts = paragraphParts(p);
        const text = parts.text.trim();
        if (text !== '') lines.push(text);
        for (const inner of parts.tables) pushAll(nested, this.readTable(inner, line));
        readParagraphs(parts.boxed);
      }
    };
    readParagraphs(paragraphsOf(tc));
    return { text: lines.join('\n'), line: first };
  }
}

function intAttr(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** Depth-first walk; the visitor returns false to skip an element's children. */
function walk(el: XmlElement, visit: (el: XmlElement) => boolean | void): void {
  if (visit(el) === false) return;
  for (const child of el.children) walk(child, visit);
}

function find(el: XmlElement, test: (el: XmlElement) => boolean): XmlElement | undefined {
  for (const child of el.children) {
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner) return inner;
  }
  return undefined;
}
