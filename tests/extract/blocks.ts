// Hand-built layout blocks for extractor tests (until every format has a layout reader).
import type { Block, TableBlock } from '../../src/layout/types.js';
import { plainRow } from '../../src/layout/types.js';

const FILE = 'test.txt';
let line = 0;

function src(text: string, l?: number) {
  return { file: FILE, line: l ?? ++line, text };
}

export function para(text: string, l?: number): Block {
  return { type: 'paragraph', text, source: src(text, l) };
}

export function item(text: string, depth = 0, marker = '○', l?: number): Block {
  return { type: 'list-item', text, depth, marker, source: src(text, l) };
}

export function note(text: string, marker = '※', l?: number): Block {
  return { type: 'note', text, marker, source: src(text, l) };
}

export function heading(text: string, level = 2, l?: number): Block {
  return { type: 'heading', text, level, source: src(text, l) };
}

export function table(rows: string[][], opts: { unit?: string; headerRows?: number; caption?: string } = {}): TableBlock {
  const start = ++line;
  line += rows.length;
  return {
    type: 'table',
    headerRows: opts.headerRows ?? 1,
    ...(opts.unit ? { unit: opts.unit } : {}),
    ...(opts.caption ? { caption: opts.caption } : {}),
    rows: rows.map((r, i) => plainRow(r, src(r.join(' | '), start + i))),
    source: src(rows[0]!.join(' | '), start),
  };
}
