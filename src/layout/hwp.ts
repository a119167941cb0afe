// HWP 5.0 reader (한글 binary document: an OLE compound file). Reads the
// `BodyText/Section*` streams, raw-deflated when the file header says so,
// as tag records (Hancom's published "HWP 5.0 file format" description):
// HWPTAG_PARA_HEADER / PARA_TEXT for paragraphs, CTRL_HEADER `tbl ` with its
// HWPTAG_TABLE record and one HWPTAG_LIST_HEADER per cell (address and spans)
// followed by the cell's paragraphs. Blocks are assembled as for HWPX.
// Distribution (배포용) and password-protected documents are refused: their
// body is encrypted.
//
// Location convention: as for HWPX, `line` is the running paragraph index
// over the whole document, cell paragraphs included; no page.

import { pushAll } from '../extract/collections.js';
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { LayoutBuilder, type PlacedCell } from './builder.js';
import type { Layout, TableBlock } from './types.js';

const require = createRequire(import.meta.url);

export const HWP_ERRORS = {
  notHwp: 'not an HWP document (not an OLE compound file)',
  notHwp5: 'not an HWP 5.0 document (no HWP file header)',
  distribution: 'distribution (배포용) HWP document: its body is encrypted and cannot be read; save it as HWPX or PDF in 한글',
  password: 'password-protected (encrypted) HWP document; save it without a password',
  drm: 'DRM-protected HWP document; save it as HWPX or PDF in 한글',
  damaged: 'damaged HWP document',
  tooLarge: 'HWP document body expands beyond 64 MB in one section or 256 MB in all (compression bomb?)',
} as const;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIGNATURE = 'HWP Document File';

/** File header attribute bits. */
const FLAG = { compressed: 1 << 0, password: 1 << 1, distribution: 1 << 2, drm: 1 << 4, certEncrypted: 1 << 8 };

/** Record tags (HWPTAG_BEGIN = 16). */
const TAG = { paraHeader: 66, paraText: 67, ctrlHeader: 71, listHeader: 72, table: 77 };

/** Control ids as read from a CTRL_HEADER (a four-letter code, stored little-endian). */
const CTRL_TABLE = 0x74626c20; // 'tbl '
const CTRL_DRAWING = 0x67736f20; // 'gso '

/** Largest decompressed section stream; a bigger one is refused rather than exhausting memory. */
const MAX_SECTION_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

interface CfbEntry {
  content?: Uint8Array | number[];
}
interface CfbApi {
  read(data: Uint8Array, options: { type: 'buffer' }): { FullPaths: string[] };
  find(container: unknown, path: string): CfbEntry | null;
}

export async function readHwpLayout(file: string, bytes: Uint8Array): Promise<Layout | { error: string }> {
  try {
    return readHwp(file, bytes);
  } catch {
    return { error: HWP_ERRORS.damaged };
  }
}

function readHwp(file: string, bytes: Uint8Array): Layout | { error: string } {
  if (!isOleFile(bytes)) return { error: HWP_ERRORS.notHwp };
  const cfb = require('cfb') as CfbApi;
  const container = cfb.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  const stream = (path: string): Buffer | undefined => {
    const content = cfb.find(container, path)?.content;
    return content ? Buffer.from(content) : undefined;
  };

  const header = stream('/FileHeader');
  if (!header || header.length < 40 || header.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) return { error: HWP_ERRORS.notHwp5 };
  const flags = header.readUInt32LE(36);
  if (flags & FLAG.distribution) return { error: HWP_ERRORS.distribution };
  if (flags & (FLAG.password | FLAG.certEncrypted)) return { error: HWP_ERRORS.password };
  if (flags & FLAG.drm) return { error: HWP_ERRORS.drm };

  const sections = container.FullPaths.map((p) => /\/BodyText\/Section(\d+)$/.exec(p))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  if (sections.length === 0) return { error: HWP_ERRORS.damaged };

  const builder = new LayoutBuilder(file);
  let total = 0;
  for (const n of sections) {
    const raw = stream(`/BodyText/Section${n}`);
    if (!raw) return { error: HWP_ERRORS.damaged };
    let data: Buffer;
    try {
      data = flags & FLAG.compressed ? inflateRawSync(raw, { maxOutputLength: MAX_SECTION_BYTES }) : raw;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { error: HWP_ERRORS.tooLarge };
      return { error: HWP_ERRORS.damaged };
    }
    total += data.length;
    if (data.length > MAX_SECTION_BYTES || total > MAX_TOTAL_BYTES) return { error: HWP_ERRORS.tooLarge };
    const root = recordTree(data);
    if (!root) return { error: HWP_ERRORS.damaged };
    for (const node of root.children) if (node.tag === TAG.paraHeader) readParagraph(builder, node);
  }
  return { file, format: 'hwp', blocks: builder.blocks };
}

interface RecordNode {
  tag: number;
  level: number;
  data: Buffer;
  children: RecordNode[];
}

/** Records nest by their level: a record's children are the records after it with a deeper level. */
export function recordTree(data: Buffer): RecordNode | undefined {
  const root: RecordNode = { tag: -1, level: -1, data: Buffer.alloc(0), children: [] };
  const stack: RecordNode[] = [root];
  let at = 0;
  while (at < data.length) {
    if (at + 4 > data.length) return undefined;
    const head = data.readUInt32LE(at);
    at += 4;
    let size = head >>> 20;
    if (size === 0xfff) {
      if (at + 4 > data.length) return undefined;
      size = data.readUInt32LE(at);
      at += 4;
    }
    if (at + size > data.length) return undefined;
    const node: RecordNode = { tag: head & 0x3ff, level: (head >>> 10) & 0x3ff, data: data.subarray(at, at + size), children: [] };
    at += size;
    while (stack.length > 1 && stack[stack.length - 1]!.level >= node.level) stack.pop();
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  return root;
}

/** Control characters that take one code unit; every other code below 32 takes eight (the control and its data). */
const ONE_UNIT_CONTROLS = new Set([0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31]);

/** A paragraph's text from its PARA_TEXT record, with controls dropped (tab and line break kept). */
export function paragraphText(paraText: Buffer | undefined): string {
  if (!paraText) return '';
  let out = '';
  const units = Math.floor(paraText.length / 2);
  for (let i = 0; i < units; ) {
    const code = paraText.readUInt16LE(i * 2);
    if (code >= 32) {
      out += String.fromCharCode(code);
      i++;
    } else if (ONE_UNIT_CONTROLS.has(code)) {
      if (code === 10) out += '\n';
      else if (code === 24) out += '-';
      else if (code === 30 || code === 31) out += ' ';
      i++;
    } else {
      if (code === 9) out += '\t';
      i += 8;
    }
  }
  return out;
}

interface ParagraphParts {
  text: string;
  tables: RecordNode[];
  /** Paragraphs of text boxes anchored in the paragraph. */
  boxed: RecordNode[];
}

function paragraphParts(para: RecordNode): ParagraphParts {
  const parts: ParagraphParts = { text: paragraphText(para.children.find((c) => c.tag === TAG.paraText)?.data), tables: [], boxed: [] };
  for (const child of para.children) {
    if (child.tag !== TAG.ctrlHeader || child.data.length < 4) continue;
    const id = child.data.readUInt32LE(0);
    if (id === CTRL_TABLE) parts.tables.push(child);
    else if (id === CTRL_DRAWING) pushAll(parts.boxed, listParagraphs(child));
    // Headers, footers, footnotes, fields and page numbers are not body text.
  }
  return parts;
}

/** Paragraphs of every list (LIST_HEADER and the paragraphs after it) anywhere under a drawing object. */
function listParagraphs(node: RecordNode): RecordNode[] {
  const out: RecordNode[] = [];
  let inList = false;
  for (const child of node.children) {
    if (child.tag === TAG.listHeader) inList = true;
    else if (child.tag === TAG.paraHeader && inList) out.push(child);
    else pushAll(out, listParagraphs(child));
  }
  return out;
}

function readParagraph(builder: LayoutBuilder, para: RecordNode): void {
  const line = builder.nextLine();
  const parts = paragraphParts(para);
  builder.addParagraph(parts.text, line);
  for (const table of parts.tables) builder.addTables(readTable(builder, table, line));
  for (const boxed of parts.boxed) readParagraph(builder, boxed);
}

/** A table control: the TABLE record, then per cell a LIST_HEADER followed by the cell's paragraphs. */
function readTable(builder: LayoutBuilder, ctrl: RecordNode, anchor: number): TableBlock[] {
  const tableIndex = ctrl.children.findIndex((c) => c.tag === TAG.table);
  if (tableIndex < 0) return [];
  const tableRecord = ctrl.children[tableIndex]!.data;
  const declaredRows = tableRecord.length >= 8 ? tableRecord.readUInt16LE(4) : 0;
  const declaredCols = tableRecord.length >= 8 ? tableRecord.readUInt16LE(6) : 0;
  const nested: TableBlock[] = [];
  const placed: PlacedCell[] = [];
  /** The paragraphs after a LIST_HEADER, read in order: their joined text and first line. */
  const readList = (records: RecordNode[], from: number): { text: string; line: number | undefined; next: number } => {
    const lines: string[] = [];
    let first: number | undefined;
    const readParagraphs = (paragraphs: RecordNode[]): void => {
      for (const para of paragraphs) {
        const line = builder.nextLine();
        first ??= line;
        const parts = paragraphParts(para);
        const text = parts.text.trim();
        if (text !== '') lines.push(text);
        for (const inner of parts.tables) pushAll(nested, readTable(builder, inner, line));
        readParagraphs(parts.boxed);
      }
    };
    let at = from;
    const paragraphs: RecordNode[] = [];
    while (at < records.length && records[at]!.tag === TAG.paraHeader) paragraphs.push(records[at++]!);
    readParagraphs(paragraphs);
    return { text: lines.join('\n'), line: first, next: at };
  };
  // The table's own caption (한글's 캡션) is a list before the TABLE record; cells come after it.
  const before = ctrl.children.slice(0, tableIndex);
  const captionList = before.findIndex((c) => c.tag === TAG.listHeader);
  const caption = captionList >= 0 ? readList(before, captionList + 1).text : '';
  const cellRecords = ctrl.children.slice(tableIndex + 1);
  for (let i = 0; i < cellRecords.length; i++) {
    const list = cellRecords[i]!;
    if (list.tag !== TAG.listHeader || list.data.length < 16) continue;
    const cell = readList(cellRecords, i + 1);
    i = cell.next - 1;
    // LIST_HEADER of a cell: paragraph count (2 bytes), list properties (4), 2 more bytes,
    // then column, row, column span, row span (2 bytes each) from byte 8.
    placed.push({
      col: list.data.readUInt16LE(8),
      row: list.data.readUInt16LE(10),
      header: false,
      line: cell.line,
      cell: { text: cell.text, colSpan: Math.max(1, list.data.readUInt16LE(12)), rowSpan: Math.max(1, list.data.readUInt16LE(14)) },
    });
  }
  const table = builder.table(placed, declaredRows, declaredCols, anchor);
  if (caption !== '') builder.setOwnCaption(table, caption);
  return [table, ...nested];
}
