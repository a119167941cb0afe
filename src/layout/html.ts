// HTML to layout blocks through cheerio's parse tree (loaded only here):
// h1–h6 headings, li list items, p/div paragraphs, and tables with their
// rowspan and colspan kept as made. Each block cites the source line its
// element starts on.

import { createRequire } from 'node:module';
import type { Source } from '../model/types.js';
import { splitUnit } from '../extract/units.js';
import { decodeEntities } from '../extract/text.js';
import type { Block, Layout, TableBlock, TableCell, TableRow } from './types.js';
import { paragraphBlock } from './paragraphs.js';

const require = createRequire(import.meta.url);

interface Node {
  type: string;
  tagName?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  sourceCodeLocation?: { startLine: number };
}

type Load = (html: string, options: unknown, isDocument: boolean) => { root(): { toArray(): Node[] } };

const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg']);
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'section', 'article', 'blockquote', 'pre', 'tr', 'caption', 'dl', 'dt', 'dd', 'header', 'footer', 'main', 'nav', 'figure', 'figcaption']);

function parse(html: string): Node {
  const cheerio = require('cheerio') as { load: Load };
  return cheerio.load(html, { sourceCodeLocationInfo: true }, false).root().toArray()[0]!;
}

/** Text of a node: `<br>` and block ends become '\n', runs of spaces collapse. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.type === 'text') parts.push(n.data ?? '');
    else if (n.type === 'tag' || n.type === 'root') {
      if (n.tagName === 'br') return void parts.push('\n');
      if (SKIP.has(n.tagName ?? '')) return;
      for (const c of n.children ?? []) walk(c);
      if (BLOCK_TAGS.has(n.tagName ?? '')) parts.push('\n');
    }
  };
  walk(node);
  return decodeEntities(parts.join(''))
    .split('\n')
    .map((s) => s.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function lineOf(node: Node, offset: number): number {
  return (node.sourceCodeLocation?.startLine ?? 1) + offset;
}

function rowsOf(table: Node): Node[] {
  const rows: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.children ?? []) {
      if (c.type !== 'tag') continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function tableOf(node: Node, file: string, offset: number): TableBlock {
  const rows: TableRow[] = [];
  let headerRows = 0;
  let inHeader = true;
  for (const tr of rowsOf(node)) {
    const cellNodes = (tr.children ?? []).filter((c) => c.type === 'tag' && (c.tagName === 'td' || c.tagName === 'th'));
    const cells: TableCell[] = cellNodes.map((c) => ({ text: textOf(c), rowSpan: span(c.attribs?.rowspan), colSpan: span(c.attribs?.colspan) }));
    const text = cells.map((c) => c.text.replace(/\n/g, ' ')).join(' | ');
    rows.push({ cells, source: { file, line: lineOf(tr, offset), text } });
    // Header rows: leading rows of <th> cells, or rows inside <thead>.
    const allTh = cellNodes.length > 0 && cellNodes.every((c) => c.tagName === 'th');
    if (inHeader && allTh) headerRows++;
    else inHeader = false;
  }
  const first = rows[0]?.source ?? { file, line: lineOf(node, offset), text: '' };
  const block: TableBlock = { type: 'table', headerRows, rows, source: first };
  const caption = (node.children ?? []).find((c) => c.tagName === 'caption');
  if (caption) {
    const text = textOf(caption);
    const { unit, rest } = splitUnit(text);
    if (unit !== undefined) block.unit = unit;
    if (rest) block.caption = rest;
  }
  return block;
}

/** Every top-level table in an HTML fragment (nested tables become tables of their own). */
export function readHtmlTables(file: string, html: string, firstLine = 1): TableBlock[] {
  const out: TableBlock[] = [];
  const walk = (n: Node) => {
    for (const c of n.children ?? []) {
      if (c.type !== 'tag') continue;
      if (c.tagName === 'table') {
        out.push(tableOf(c, file, firstLine - 1));
      }
      walk(c);
    }
  };
  walk(parse(html));
  return out;
}

/** A whole HTML document (an export of a plan or report, or a web page) as layout blocks. */
export function readHtmlLayout(file: string, html: string): Layout {
  const blocks: Block[] = [];
  let pendingUnit: string | undefined;
  let pendingUnitSource: Source | undefined;
  const families: string[] = [];
  const src = (node: Node, text: string): Source => ({ file, line: lineOf(node, 0), text: text.split('\n')[0] ?? '' });
  const pushText = (node: Node, text: string) => {
    for (const part of text.split('\n')) {
      const t = part.trim();
      if (!t) continue;
      const { unit, rest } = splitUnit(t);
      if (unit !== undefined && rest === '') {
        pendingUnit = unit;
        pendingUnitSource = src(node, t);
        continue;
      }
      // The markers, notes and nesting every reader shares (`-5% 감소` is no list item, `**굵게**` no note).
      const block = paragraphBlock(t, src(node, t), families);
      if (block) blocks.push(block);
    }
  };
  const walk = (node: Node, depth: number): void => {
    if (node.type === 'text') {
      pushText(node, decodeEntities(node.data ?? '').replace(/[ \t]+/g, ' '));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const tag = node.tagName ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'table') {
      const table = tableOf(node, file, 0);
      if (!table.unit && pendingUnit) {
        table.unit = pendingUnit;
        // The declaration as printed, as the text reader keeps it (its as-of date, its second unit).
        if (pendingUnitSource) table.unitSource = pendingUnitSource;
      }
      const last = blocks[blocks.length - 1];
      if (!table.caption && last && last.type !== 'table' && last.text.length <= 60) table.caption = last.text;
      pendingUnit = undefined;
      pendingUnitSource = undefined;
      blocks.push(table);
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const text = textOf(node).replace(/\n/g, ' ');
      if (text) blocks.push({ type: 'heading', level: Number(heading[1]), text, source: src(node, text) });
      return;
    }
    if (tag === 'li') {
      const text = textOf(node).replace(/\n/g, ' ');
      if (text) blocks.push({ type: 'list-item', marker: '-', depth, text, source: src(node, text) });
      // Nested lists inside the item.
      for (const c of node.children ?? []) if (c.tagName === 'ul' || c.tagName === 'ol') walk(c, depth + 1);
      return;
    }
    const children = node.children ?? [];
    const hasBlocks = children.some((c) => c.type === 'tag' && BLOCK_TAGS.has(c.tagName ?? ''));
    if (!hasBlocks && (tag === 'p' || tag === 'div' || tag === 'blockquote' || tag === 'pre' || tag === 'dd' || tag === 'dt')) {
      pushText(node, textOf(node));
      return;
    }
    for (const c of children) walk(c, tag === 'ul' || tag === 'ol' ? depth : depth);
  };
  walk(parse(html), 0);
  return { file, format: 'html', blocks };
}
