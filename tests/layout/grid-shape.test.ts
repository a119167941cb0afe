// gridShape and leadingGridRows tell, without making a table's grid, which rows are
// their grid rows as made and what the header's grid is: checked on literal tables.

import { describe, expect, it } from 'vitest';
import { gridShape, leadingGridRows, tableGrid, type TableBlock, type TableCell } from '../../src/layout/types.js';

const cell = (text: string, rowSpan = 1, colSpan = 1): TableCell => ({ text, rowSpan, colSpan });
const at = (line: number) => ({ file: 'shape.txt', line, text: `line ${line}` });
const tableOf = (rows: TableCell[][]): TableBlock => ({ type: 'table', headerRows: 1, source: at(1), rows: rows.map((cells, i) => ({ cells, source: at(i + 1) })) });

describe('gridShape', () => {
  it.each([
    {
      name: 'a header spanning two columns, a name merged down two rows, a short row',
      rows: [
        [cell('구분', 1, 2), cell('예산')],
        [cell('가'), cell('나'), cell('100')],
        [cell('다', 2, 1), cell('라'), cell('200')],
        [cell('마'), cell('300')],
        [cell('바'), cell('400')],
      ],
      // Row 0 spans columns, row 3 has 다 reaching into it, row 4 is one cell short of the width.
      expected: { width: 3, asMade: [0, 1, 1, 0, 0] },
    },
    {
      name: 'plain rows only',
      rows: [
        [cell('사업명'), cell('예산액'), cell('집행액')],
        [cell('가사업'), cell('1,000'), cell('500')],
        [cell('나사업'), cell('2,000'), cell('700')],
      ],
      expected: { width: 3, asMade: [1, 1, 1] },
    },
    {
      name: 'one row wider than the others',
      rows: [
        [cell('사업명'), cell('예산액')],
        [cell('가사업'), cell('1,000'), cell('비고')],
      ],
      expected: { width: 3, asMade: [0, 1] },
    },
    {
      name: 'plain rows below a merged cell and below a wide row',
      rows: [
        [cell('구분', 2, 1), cell('예산')],
        [cell('100')],
        [cell('가사업'), cell('200')],
        [cell('나사업'), cell('300')],
        [cell('합계', 1, 2)],
        [cell('다사업'), cell('400')],
      ],
      // Row 1 has 구분 reaching into it; rows 2, 3 and 5 are plain again; row 4 spans the columns.
      expected: { width: 2, asMade: [1, 0, 1, 1, 0, 1] },
    },
  ])('$name', ({ rows, expected }) => {
    const shape = gridShape(tableOf(rows));
    expect({ width: shape.width, asMade: [...shape.asMade] }).toEqual(expected);
  });
});

describe('leadingGridRows', () => {
  it('gives the header rows of the grid, spans expanded and padded to the width of the whole table', () => {
    const table = tableOf([
      [cell('구분', 2, 1), cell('예산', 1, 2)],
      [cell('본예산'), cell('추경')],
      [cell('가사업'), cell('100'), cell('10'), cell('비고')],
    ]);
    const rows = leadingGridRows(table, 2);
    expect(rows.map((r) => r.map((c) => [c.text, c.originRow, c.originCol, c.spanned, c.source.line]))).toEqual([
      [['구분', 0, 0, false, 1], ['예산', 0, 1, false, 1], ['예산', 0, 1, true, 1], ['', 0, 3, false, 1]],
      [['구분', 0, 0, true, 1], ['본예산', 1, 1, false, 2], ['추경', 1, 2, false, 2], ['', 1, 3, false, 2]],
    ]);
  });
});

describe('tableGrid', () => {
  it('places plain cells beside and below merged ones, each with its own source where it has one', () => {
    const table = tableOf([
      [cell('구분', 2, 1), cell('예산', 1, 2)],
      [cell('본예산'), { ...cell('추경'), source: { file: 'shape.txt', line: 9, text: '추경' } }],
      [cell('가사업'), cell('100')],
    ]);
    expect(tableGrid(table).map((r) => r.map((c) => [c.text, c.originRow, c.originCol, c.spanned, c.source.line]))).toEqual([
      [['구분', 0, 0, false, 1], ['예산', 0, 1, false, 1], ['예산', 0, 1, true, 1]],
      [['구분', 0, 0, true, 1], ['본예산', 1, 1, false, 2], ['추경', 1, 2, false, 9]],
      [['가사업', 2, 0, false, 3], ['100', 2, 1, false, 3], ['', 2, 2, false, 3]],
    ]);
  });
});
