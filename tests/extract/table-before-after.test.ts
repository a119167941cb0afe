// Before/after tables (`항목 | 변경 전 | 변경 후`): one pair per row whose two cells read as figures of one unit.
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/layout/types.js';
import { beforeAfterSeries } from '../../src/extract/table-before-after.js';

function table(rows: string[][]): TableBlock {
  const source = { file: 't.md', line: 1, text: '' };
  return { type: 'table', headerRows: 1, source, rows: rows.map((cells, i) => ({ cells: cells.map((text) => ({ text, rowSpan: 1, colSpan: 1 })), source: { ...source, line: i + 1 } })) };
}

const pairs = (t: TableBlock) => beforeAfterSeries(t).map((s) => [s.indicator, s.unit, s.points[0]!.value, s.points[1]!.value]);

describe('beforeAfterSeries', () => {
  it.each([
    // The national learning card post (../shared/real/blogs, line 121): 월 11.6만원 → 월 20만원; 없음 → 신설 gives nothing.
    ['변경 전 / 변경 후, money a month, bold', [['항목', '변경 전', '변경 후'], ['훈련장려금', '월 11.6만원', '**월 20만원**'], ['특별훈련수당', '없음', '**신설** (지역별 차등)']], [['훈련장려금', '원', 116_000, 200_000]]],
    // An ordinance amendment table (현행 | 개정), counts and money.
    ['현행 / 개정, counts and money', [['구분', '현행', '개정'], ['거주자우선주차 월 요금', '40,000원', '50,000원'], ['공영주차장 수', '12개소', '15개소']], [['거주자우선주차 월 요금', '원', 40_000, 50_000], ['공영주차장 수', '개소', 12, 15]]],
    ['기존 / 개선 with a remark column after', [['구분', '기존', '개선', '비고'], ['처리기간', '14일', '7일', '전자 접수']], [['처리기간', '일', 14, 7]]],
  ])('%s', (_name, rows, expected) => {
    expect(pairs(table(rows))).toEqual(expected);
  });

  it.each([
    ['no before/after header: a year table', [['구분', '2023', '2024'], ['예산', '100', '120']]],
    ['two after columns: which pairs with the before one is a guess', [['구분', '현행', '1안', '변경', '개정'], ['요금', '1,000원', '1,200원', '1,300원', '1,400원']]],
    ['after before before', [['구분', '변경 후', '변경 전'], ['요금', '1,200원', '1,000원']]],
    ['units that differ (명 → 개소)', [['구분', '변경 전', '변경 후'], ['대상', '100명', '20개소']]],
    ['a cell with two figures', [['구분', '변경 전', '변경 후'], ['요금', '1,000원(성인), 500원(청소년)', '1,200원']]],
  ])('no pair: %s', (_name, rows) => {
    expect(pairs(table(rows))).toEqual([]);
  });
});
