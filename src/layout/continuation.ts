// A table broken over pages (or repeated under a new page's header) is one
// table: the next table continues it when its header rows print the same
// words, and only headings of no more than page furniture lie between. The
// continued table's rows are appended, its repeated header dropped.

import type { Block, TableBlock } from './types.js';

function headerKey(table: TableBlock): string {
  return table.rows
    .slice(0, Math.max(1, table.headerRows))
    .map((r) => r.cells.map((c) => c.text.replace(/\s+/g, '')).join('|'))
    .join('/');
}

/** Blocks with each continued table folded into the table it continues. */
export function mergeContinuedTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let open: { table: TableBlock; key: string } | undefined;
  let between = 0;
  for (const block of blocks) {
    if (block.type === 'table') {
      const key = headerKey(block);
      if (open && block.headerRows > 0 && key === open.key && between <= 2) {
        const merged: TableBlock = { ...open.table, rows: [...open.table.rows, ...block.rows.slice(block.headerRows)] };
        if (!merged.unit && block.unit) merged.unit = block.unit;
        out[out.indexOf(open.table)] = merged;
        open = { table: merged, key };
        between = 0;
        continue;
      }
      out.push(block);
      open = block.headerRows > 0 ? { table: block, key } : undefined;
      between = 0;
      continue;
    }
    // Only page furniture (a page number) or the table's own caption repeated may lie between.
    const text = block.text.replace(/\s+/g, '');
    const furniture = /^[-–—(]?\d{1,4}[-–—)]?$|^\d+\/\d+$/.test(text) || (open?.table.caption !== undefined && text === open.table.caption.replace(/\s+/g, ''));
    if (!furniture) open = undefined;
    between++;
    out.push(block);
  }
  return out;
}
