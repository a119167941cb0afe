// A table broken over pages is one table. The next table continues the open one
// when either
// - its header rows print the same words (a header repeated on the new page;
//   the repeated header is dropped), or
// - it has no header rows and no caption, has as many columns, and starts on the
//   page right after the open table's last row (a PDF page break cut the body);
// and only page furniture (a page number, the table's own caption repeated), at
// most two blocks of it, lies between. Every reader's layout goes through this one
// rule, so a table continued in a PDF and one continued in an HWPX fold the same way.

import { tableGrid, type Block, type TableBlock, type TableRow } from './types.js';

const MAX_FURNITURE_BETWEEN = 2;

function rowKey(row: TableRow): string {
  return row.cells.map((c) => c.text.replace(/\s+/g, '')).join('|');
}

function headerKey(table: TableBlock): string | undefined {
  if (table.headerRows === 0) return undefined;
  return table.rows.slice(0, table.headerRows).map(rowKey).join('/');
}

function columnCount(table: TableBlock): number {
  return tableGrid(table)[0]?.length ?? 0;
}

function isFurniture(text: string, open: TableBlock): boolean {
  const squeezed = text.replace(/\s+/g, '');
  return /^[-–—(]?\d{1,4}[-–—)]?$|^\d+\/\d+$/.test(squeezed) || (open.caption !== undefined && squeezed === open.caption.replace(/\s+/g, ''));
}

/** How many leading rows of `next` to drop when it continues `open`, or undefined when it does not. */
function continuation(open: TableBlock, next: TableBlock): number | undefined {
  const key = headerKey(next);
  if (key !== undefined) return key === headerKey(open) ? next.headerRows : undefined;
  const lastPage = open.rows[open.rows.length - 1]?.source.page;
  const firstPage = next.rows[0]?.source.page ?? next.source.page;
  const nextPage = lastPage !== undefined && firstPage === lastPage + 1;
  return nextPage && next.caption === undefined && columnCount(next) === columnCount(open) ? 0 : undefined;
}

/**
 * Blocks with each continued table folded into the table it continues. When no table
 * continues another, the caller's own list comes back: readers memoized by a block list
 * (the sentences of a layout) then find the work the kind's reader already did.
 */
export function mergeContinuedTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  // A table that continues nothing stays the caller's block (its grid and classification,
  // already made by other readers, are then reused). The open table is copied when a first
  // continuation is folded into it, and rows are then appended in place (no copy per page).
  let open: { table: TableBlock; at: number; owned: boolean } | undefined;
  let between = 0;
  for (const block of blocks) {
    if (block.type === 'table') {
      const drop = open && between <= MAX_FURNITURE_BETWEEN ? continuation(open.table, block) : undefined;
      if (open && drop !== undefined) {
        if (!open.owned) {
          open.table = { ...open.table, rows: open.table.rows.slice() };
          open.owned = true;
          out[open.at] = open.table;
        }
        for (let i = drop; i < block.rows.length; i++) open.table.rows.push(block.rows[i]!);
        if (!open.table.unit && block.unit) {
          open.table.unit = block.unit;
          if (block.unitSource) open.table.unitSource = block.unitSource;
        }
        between = 0;
        continue;
      }
      open = { table: block, at: out.length, owned: false };
      out.push(block);
      between = 0;
      continue;
    }
    // Only furniture keeps a table open, and only so many blocks of it: with none open,
    // or one block more than allowed, there is nothing to ask (most blocks).
    if (open && (between >= MAX_FURNITURE_BETWEEN || !isFurniture(block.text, open.table))) open = undefined;
    between++;
    out.push(block);
  }
  return out.length === blocks.length ? blocks : out;
}
