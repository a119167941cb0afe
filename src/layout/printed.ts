// A layout read straight from a structured file (HWPX, HWP) printed as a text
// export would: one line per paragraph block, as printed (markers kept), and
// one tab-separated line per table row with merged cells printed once (in
// their first row and column). Kind detection reads it as the raw text, and a
// post read from such a file is split by it (post.ts). Each line keeps its
// block's source line (the paragraph index), so blocks read from it point back
// into the document.

import { tableGrid, type Layout } from './types.js';
import type { NumberedLine } from './post.js';

export function printedLines(layout: Layout): NumberedLine[] {
  const lines: NumberedLine[] = [];
  for (const block of layout.blocks) {
    if (block.type !== 'table') {
      lines.push({ n: block.source.line, text: block.source.text });
      continue;
    }
    tableGrid(block).forEach((row, r) => {
      const text = row.map((cell) => (cell.spanned ? '' : cell.text.replace(/\s*\n\s*/g, ' '))).join('\t');
      lines.push({ n: block.rows[r]!.source.line, text });
    });
    // A blank line ends the table, as in a text export (numbered as its last row; a table without rows, as the table).
    lines.push({ n: lines[lines.length - 1]?.n ?? block.source.line, text: '' });
  }
  return lines;
}
