// Where a table's figures are cited: a cell that states its own source (a PDF cell
// stacked over two text lines) is cited there, a cell that does not at its row's line.
// Rows without spans are read from the cells as made (no grid), so this is checked
// on rows with and without spans.

import { describe, expect, it } from 'vitest';
import { figuresFromTables } from '../../src/extract/table-figures.js';
import type { Source } from '../../src/model/types.js';
import type { TableBlock, TableCell } from '../../src/layout/types.js';

const at = (line: number): Source => ({ file: 'sheet.pdf', line, page: 2, text: `line ${line}` });
const cell = (text: string, source?: Source, rowSpan = 1): TableCell => (source ? { text, rowSpan, colSpan: 1, source } : { text, rowSpan, colSpan: 1 });

function sheet(): TableBlock {
  return {
    type: 'table',
    headerRows: 1,
    unit: '백만원',
    source: at(10),
    rows: [
      { cells: [cell('구분'), cell('사업명'), cell('예산액'), cell('집행액')], source: at(10) },
      // The name cell was read one line below its row's figures, the executed cell one line above.
      { cells: [cell('주택', at(13), 2), cell('가로주택정비', at(13)), cell('300'), cell('200', at(11))], source: at(12) },
      // Under the merged 주택: this row's grid holds a position from the row above.
      { cells: [cell('자율주택정비', at(15)), cell('100'), cell('50')], source: at(14) },
      { cells: [cell('기타'), cell('도로정비', at(17)), cell('700'), cell('600')], source: at(16) },
    ],
  };
}

describe('figure sources of rows whose cells state their own', () => {
  it.each([
    // program: the line of the row's first grid position; budget and executed: the cell's own line, else the row's.
    { program: '가로주택정비', line: 13, budget: 12, executed: 11 },
    // The first position is 주택, merged down from the row above (line 13).
    { program: '자율주택정비', line: 13, budget: 14, executed: 14 },
    { program: '도로정비', line: 16, budget: 16, executed: 16 },
  ])('$program', ({ program, line, budget, executed }) => {
    const out = figuresFromTables({ file: 'sheet.pdf', format: 'pdf', blocks: [sheet()] });
    const found = out.budgetLines.find((l) => l.program === program)!;
    expect([found.source.line, found.budget?.source.line, found.executed?.source.line]).toEqual([line, budget, executed]);
  });
});
