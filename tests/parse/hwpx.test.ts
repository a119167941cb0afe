import { describe, expect, it } from 'vitest';
import { budget } from '../../src/commands/budget.js';
import { check } from '../../src/commands/check.js';
import { targets } from '../../src/commands/targets.js';
import type { Command } from '../../src/commands/types.js';
import { yoy } from '../../src/commands/yoy.js';
import type { ParseResult } from '../../src/model/types.js';
import { load } from '../helpers/load.js';

function run(command: Command, r: ParseResult) {
  const diagnostics = new Map([[r.document.file, r.diagnostics]]);
  const result = command({ documents: [r.document], diagnostics, options: {} });
  const strip = (row: Record<string, unknown>) => {
    const copy = { ...row };
    delete copy.document;
    delete copy.source;
    // Findings name their operands with their places (file and line differ between the two formats).
    if (Array.isArray(copy.operands)) copy.operands = copy.operands.map((o: Record<string, unknown>) => ({ ...o, source: undefined }));
    if (typeof copy.message === 'string') copy.message = copy.message.replace(/\((?:p\.\d+ )?line \d+\)/g, '(…)');
    return copy;
  };
  return { rows: (result.tables[0]?.rows ?? []).map(strip), findings: (result.findings ?? []).map((f) => strip({ ...f })) };
}

describe('an HWPX document gives the same figures as its text version', async () => {
  const hwpx = await load('fixtures/hwpx/budget-execution-2024h2.hwpx');
  const text = await load('fixtures/hwpx/budget-execution-2024h2.txt');

  it('the same kind, budget lines, groups and totals', () => {
    expect(hwpx.document.kind).toBe(text.document.kind);
    expect(hwpx.document.budgetLines.map((l) => [l.group, l.program])).toEqual([
      ['에너지 전환', '태양광 보급 지원'],
      ['에너지 전환', '건물 에너지 효율화'],
      ['에너지 전환', '수소버스 충전소 구축'],
      ['시민 참여', '에너지 자립마을 조성'],
      ['시민 참여', '탄소중립 시민교육'],
    ]);
    // Read off the text version's table (백만원): 계 column and 집행액.
    expect(hwpx.document.budgetLines.map((l) => [l.budget.value, l.executed?.value])).toEqual([
      [1_500_000_000, 1_230_000_000],
      [900_000_000, 612_000_000],
      [2_500_000_000, 1_750_000_000],
      [750_000_000, 690_000_000],
      [250_000_000, 235_000_000],
    ]);
    expect(run(budget, hwpx).rows).toEqual(run(budget, text).rows);
  });

  it('the same series, targets and findings', () => {
    expect(run(yoy, hwpx).rows).toEqual(run(yoy, text).rows);
    expect(run(targets, hwpx).rows).toEqual(run(targets, text).rows);
    expect(run(check, hwpx).findings).toEqual(run(check, text).findings);
    // The four indicators of the 성과지표 table: target and actual as printed.
    expect(hwpx.document.targets.filter((t) => t.actual).map((t) => [t.target.value, t.actual?.value])).toEqual([
      [2000, 1840],
      [5, 5],
      [1200, 1320],
      [2, 1],
    ]);
    // Every figure checks out (23 checks); the only finding the legacy line reader gave was a spurious
    // budget-row-unread warning on the second header row (본예산 | 추경 | 계), which the layout reads as a header.
    expect(run(check, text).findings).toEqual([]);
  });

  it('sources point at the paragraph index of the row', () => {
    // The 태양광 보급 지원 row starts at paragraph 38 (see tests/layout/hwpx.test.ts).
    expect(hwpx.document.budgetLines[0]!.source).toMatchObject({ file: 'fixtures/hwpx/budget-execution-2024h2.hwpx', line: 38 });
  });
});
