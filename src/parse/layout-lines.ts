// Lines for kind detection and the blog reader (the one kind reader that reads lines) from a layout that was read straight
// from a structured file (HWPX, HWP): one line per paragraph block, as printed
// (markers kept), and one tab-separated line per table row with merged cells
// printed once (in their first row and column), as a text export writes them.
// Each line keeps its block's source line (the paragraph index), so figures
// read from it point back into the document.

import { tableGrid, type Layout } from '../layout/types.js';
import type { SourceLine } from './lines.js';

export function layoutLines(layout: Layout): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const block of layout.blocks) {
    if (block.type !== 'table') {
      lines.push({ n: block.source.line, text: block.source.text });
      continue;
    }
    tableGrid(block).forEach((row, r) => {
      const text = row.map((cell) => (cell.spanned ? '' : cell.text.replace(/\s*\n\s*/g, ' '))).join('\t');
      lines.push({ n: block.rows[r]!.source.line, text });
    });
    // A blank line ends the table, as in a text export.
    lines.push({ n: lines[lines.length - 1]!.n, text: '' });
  }
  return lines;
}
