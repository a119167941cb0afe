// Budget splits in project descriptions (`총사업비 : 11억원(국비 3, 시비 3, 지정기탁금 5)`):
// every part must read, or there is no split to check a total against.
import { describe, expect, it } from 'vitest';
import { ProjectListReader, readBudgetWithSplit } from '../../src/kinds/projects.js';
import { plainRow, type TableBlock } from '../../src/layout/types.js';

const at = { file: 'f', line: 1, text: '' };
const split = (text: string) => {
  const r = readBudgetWithSplit(text, at);
  return r && { total: r.total?.value, parts: r.funding.map((f) => [f.name, f.amount.value]) };
};

describe('readBudgetWithSplit', () => {
  it.each([
    // Busan women-family plan p.? line 841: a source outside the usual words still counts.
    ['11억원(국비 3, 시비 3, 지정기탁금 5)', 1_100_000_000, [['국비', 300_000_000], ['시비', 300_000_000], ['지정기탁금', 500_000_000]]],
    // Short forms in a tight cell; only the first bracket splits the total (Busan ocean plan line 1236).
    ['235억원(국 64, 시 171) * (1단계) 133억원(국비 64억, 시비 69억) / (2단계) 102억원(시비)', 23_500_000_000, [['국비', 6_400_000_000], ['시비', 17_100_000_000]]],
    ['17,780,000천원(국비 8,780,000, 지방비 9,000,000)', 17_780_000_000, [['국비', 8_780_000_000], ['지방비', 9_000_000_000]]],
    ['2,726억원(국비 1,095억원, 지방비 1,550억원, 민간 81억원)', 272_600_000_000, [['국비', 109_500_000_000], ['지방비', 155_000_000_000], ['민간', 8_100_000_000]]],
    // No commas between the parts (regional-report sample line 834).
    ['1,475,000천원(국비 875,000 도비 600,000)', 1_475_000_000, [['국비', 875_000_000], ['도비', 600_000_000]]],
    ['1,500,000천원(국비)', 1_500_000_000, [['국비', 1_500_000_000]]],
    // Shares are not amounts: no split (Busan ocean plan line 731, 195억원 = 50% + 50%).
    ['195억원(국비 50%, 시비 50%)', 19_500_000_000, []],
    // A part that does not read as a name and an amount: no split rather than some of it.
    ['30억원(국비 10, 시비 미정)', 3_000_000_000, []],
    ['12억원', 1_200_000_000, []],
  ])('%s', (text, total, parts) => {
    expect(split(text)).toEqual({ total, parts });
  });
});

describe('project list header unit', () => {
  // Hand-checked: 1,500 만원 = 15,000,000 원; 2 십억원 = 2,000,000,000 원.
  const list = (amountHeader: string, amount: string) => {
    const table: TableBlock = {
      type: 'table',
      headerRows: 1,
      source: at,
      rows: [plainRow(['연번', '사업명', '사업기간', amountHeader], at), plainRow(['1', '스마트 물류 실증', '2024~2026', amount], at)],
    };
    const reader = new ProjectListReader('사업');
    reader.read(table);
    return reader.programs.map((p) => p.totalBudget?.value);
  };
  it.each([
    ['사업비(만원)', '1,500', 15_000_000],
    ['사업비 (십억원)', '2', 2_000_000_000],
    ['사업비(국비)(천원)', '7', 7_000],
  ])('%j column: %j reads as %j won', (header, amount, won) => {
    expect(list(header, amount)).toEqual([won]);
  });
});
