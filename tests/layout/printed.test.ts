// An HWPX/HWP layout printed as text (src/layout/printed.ts): one line per paragraph,
// one tab-separated line per table row, a blank line after each table.
import { describe, expect, it } from 'vitest';
import { printedLines } from '../../src/layout/printed.js';
import type { Layout } from '../../src/layout/types.js';

const src = (line: number, text: string) => ({ file: 'x.hwpx', line, text });
const cell = (text: string) => ({ text, rowSpan: 1, colSpan: 1 });

describe('printedLines', () => {
  it('prints paragraphs as they are, table rows with tabs, and a blank line numbered as the last row', () => {
    const layout: Layout = {
      format: 'hwpx',
      blocks: [
        { type: 'paragraph', text: '□ 예산 현황', source: src(1, '□ 예산 현황') },
        {
          type: 'table',
          headerRows: 1,
          source: src(2, '구분'),
          rows: [
            { source: src(2, '구분'), cells: [cell('구분'), cell('예산')] },
            { source: src(3, '계'), cells: [cell('계'), cell('1,200')] },
          ],
        },
      ],
    } as unknown as Layout;
    expect(printedLines(layout)).toEqual([
      { n: 1, text: '□ 예산 현황' },
      { n: 2, text: '구분\t예산' },
      { n: 3, text: '계\t1,200' },
      { n: 3, text: '' },
    ]);
  });

  it('a table without rows first in the document gives its blank line the table’s own line (no crash)', () => {
    const layout = { format: 'hwpx', blocks: [{ type: 'table', headerRows: 0, rows: [], source: src(7, '') }] } as unknown as Layout;
    expect(printedLines(layout)).toEqual([{ n: 7, text: '' }]);
  });
});
