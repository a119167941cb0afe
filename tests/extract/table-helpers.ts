// Literal TableBlocks for extractor tests: rows of cell texts, `{ t, r, c }` for
// merged cells. A tab-separated reader for the sample until main's text layout reader lands.

import type { Block, Layout, TableBlock, TableCell, TableRow } from '../../src/layout/types.js';
import { splitCells } from '../../src/extract/tables.js';

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

/**
 * Tables from tab-separated lines: a run of lines with tabs is one table (its
 * first line the header); the nearest `단위 :` line above gives the unit.
 */
export function tabTables(file: string, text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let unit: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const declared = /단\s*위\s*:\s*([^)]*)\)/.exec(line);
    if (declared) unit = declared[1]!.trim();
    if (!line.includes('\t')) {
      i++;
      continue;
    }
    const rows: TableRow[] = [];
    while (i < lines.length && lines[i]!.includes('\t')) {
      const l = lines[i]!;
      rows.push({ cells: splitCells(l).map((text) => ({ text, rowSpan: 1, colSpan: 1 })), source: { file, line: i + 1, text: l.trim() } });
      i++;
    }
    const t: TableBlock = { type: 'table', source: rows[0]!.source, headerRows: 1, rows };
    if (unit) t.unit = unit;
    unit = undefined;
    blocks.push(t);
  }
  return blocks;
}
