import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/commands/check.js';
import { emptyDocument, type BudgetLine, type BudgetTotal } from '../../src/model/types.js';

// Model-level cases of the `total` check's scope: which lines a printed total stands for.
const FILE = 'sheet.txt';
const src = (line: number) => ({ file: FILE, line, text: '' });
const won = (v: number) => ({ value: v * 1_000_000, unit: '원', source: src(0) });
const line = (at: number, program: string, budget: number, executed: number): BudgetLine => ({
  program, normalizedName: program, budget: won(budget), executed: won(executed), year: '2022', table: 0, source: src(at),
});
const total = (at: number, label: string, budget: number, executed: number): BudgetTotal => ({
  label, budget: won(budget), executed: won(executed), year: '2022', table: 0, source: src(at),
});

function findings(lines: BudgetLine[], totals: BudgetTotal[]) {
  const doc = emptyDocument(FILE, 'document', 't');
  doc.moneyUnit = '백만원';
  for (const l of lines) doc.budgetLines.push(l);
  for (const t of totals) doc.budgetTotals.push(t);
  return runChecks(doc, []).findings.map((f) => [f.severity, f.code, f.stated, f.computed]);
}

// The shape of a 사업설명자료 기능별/비목별/기능·비목별 계획 내역 table: the same money three ways,
// each section's 합계 printed above it; in the third, each 내역사업 is followed by its only 비목.
const sections = (first: number) => ({
  totals: [total(42, '기능별분류(합계)', 349_300, 341_802), total(54, '비목별분류(합계)', 349_300, 341_802), total(63, '기능·비목별분류(합계)', 349_300, 341_802)],
  lines: [
    line(45, '가로주택정비사업', first, 306_121), line(48, '자율주택정비사업', 37_900, 35_681),
    line(57, '기타민간 융자금', 349_300, 341_802),
    line(66, '가로주택정비사업', 311_400, 306_121), line(69, '기타민간 융자금', 311_400, 306_121),
    line(72, '자율주택정비사업', 37_900, 35_681), line(75, '기타민간 융자금', 37_900, 35_681),
  ],
});

describe('check: the lines a total covers', () => {
  it('three totals of one table and year: each against its own section, a repeated only breakdown counted once — no finding', () => {
    const { lines, totals } = sections(311_400);
    expect(findings(lines, totals)).toEqual([]);
  });

  it('the same table with one section row misprinted (311,400 → 301,400): a warning, since three totals share the rows', () => {
    const { lines, totals } = sections(301_400);
    // 301,400 + 37,900 = 339,300 under the first 합계 (349,300); printed in 백만원, so in 원.
    expect(findings(lines, totals)).toEqual([['warning', 'total', 349_300_000_000, 339_300_000_000]]);
  });

  it('one total over rows that do not add up: an error, as before', () => {
    const lines = [line(2, 'A', 100, 90), line(3, 'B', 50, 40)];
    expect(findings(lines, [total(4, '합계', 160, 130)])).toEqual([['error', 'total', 160_000_000, 150_000_000]]);
  });

  it('one total over a 내역사업 and its only 비목 (same figures, one under the other): counted once — no finding', () => {
    const lines = [line(2, '가로주택정비사업', 100, 90), line(3, '기타민간 융자금', 100, 90), line(4, '이차보전지원', 20, 10)];
    expect(findings(lines, [total(1, '합계', 120, 100)])).toEqual([]);
  });
});
