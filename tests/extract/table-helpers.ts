// Literal TableBlocks for extractor tests: rows of cell texts, `{ t, r, c }` for
// merged cells.

import type { Block, Layout, TableBlock, TableCell, TableRow } from '../../src/layout/types.js';

export type CellSpec = string | { t: string; r?: number; c?: number };

let nextLine = 1;

export function row(cells: CellSpec[], line = nextLine++, file = 'test.txt', page?: number): TableRow {
  const source = page === undefined ? { file, line, text: cells.map((c) => (typeof c === 'string' ? c : c.t)).join(' | ') } : { file, line, page, text: '' };
  return {
    cells: cells.map((c): TableCell => (typeof c === 'string' ? { text: c, rowSpan: 1, colSpan: 1 } : { text: c.t, rowSpan: c.r ?? 1, colSpan: c.c ?? 1 })),
    source,
  };
}

export function table(headerRows: number, rows: CellSpec[][], extra: { unit?: string; caption?: string; file?: string } = {}): TableBlock {
  const file = extra.file ?? 'test.txt';
  const made = rows.map((r) => row(r, nextLine++, file));
  const t: TableBlock = { type: 'table', source: made[0]!.source, headerRows, rows: made };
  if (extra.unit) t.unit = extra.unit;
  if (extra.caption) t.caption = extra.caption;
  return t;
}

export function layoutOf(...blocks: Block[]): Layout {
  return { file: 'test.txt', format: 'text', blocks };
}

export function heading(text: string): Block {
  return { type: 'heading', level: 2, text, source: { file: 'test.txt', line: nextLine++, text } };
}
