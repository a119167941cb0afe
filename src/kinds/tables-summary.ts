// What `parse` shows of a document's tables: where each is, its caption and
// unit, and its size as made (cells counted once however many rows or columns
// they span), so a reader can check the layout against the document.

import type { TableSummary } from '../model/types.js';
import type { Layout } from '../layout/types.js';

export function summarizeTables(layout: Layout): TableSummary[] {
  const out: TableSummary[] = [];
  for (const block of layout.blocks) {
    if (block.type !== 'table') continue;
    let cells = 0;
    let columns = 0;
    for (const row of block.rows) {
      cells += row.cells.length;
      columns = Math.max(columns, row.cells.reduce((w, c) => w + Math.max(1, c.colSpan), 0));
    }
    const summary: TableSummary = { rows: block.rows.length, columns, cells, headerRows: block.headerRows, source: block.source };
    if (block.caption) summary.caption = block.caption;
    if (block.unit) summary.unit = block.unit;
    const header = block.rows[0]?.cells.map((c) => c.text.replace(/\s+/g, ' ')).join(' | ');
    if (header) summary.header = header.length > 120 ? header.slice(0, 119) + '…' : header;
    out.push(summary);
  }
  return out;
}
