import { describe, expect, it } from 'vitest';
import { load } from '../helpers/load.js';
import { budget } from '../../src/commands/budget.js';
import { yoy } from '../../src/commands/yoy.js';
import { targets } from '../../src/commands/targets.js';
import type { ParseResult } from '../../src/model/types.js';
import { groupLines, joinItems } from '../../src/layout/pdf-text.js';

function rows(command: typeof budget, r: ParseResult, drop: string[]) {
  const t = command({ documents: [r.document], diagnostics: new Map(), options: {} }).tables[0]!;
  return t.rows.map((row) => {
    const copy = { ...row };
    for (const k of drop) delete copy[k];
    // Names wrap inside PDF cells: compare them without spaces.
    for (const k of ['program', 'group', 'indicator']) if (typeof copy[k] === 'string') copy[k] = (copy[k] as string).replace(/\s+/g, '');
    return copy;
  });
}

describe('PDF samples give the same figures as the text versions', async () => {
  const reportText = await load('fixtures/samples/regional-report-2020h1.txt');
  const reportPdf = await load('fixtures/samples/regional-report-2020h1.pdf');
  const planText = await load('fixtures/samples/national-plan-2023.txt');
  const planPdf = await load('fixtures/samples/national-plan-2023.pdf');

  it('regional report: the same 52 budget rows and totals', () => {
    expect(reportPdf.document.budgetLines).toHaveLength(52);
    expect(rows(budget, reportPdf, ['document', 'source', 'page'])).toEqual(rows(budget, reportText, ['document', 'source', 'page']));
  });

  it('regional report: the same programs, claims and series', () => {
    const names = (r: ParseResult) => r.document.programs.map((p) => p.normalizedName);
    expect(names(reportPdf)).toEqual(names(reportText));
    const claim = (r: ParseResult) => r.document.claims.map((c) => (c.kind === 'sum' ? [c.kind, c.total.value, c.parts.length] : [c.kind, c.source.text.length > 0]));
    expect(claim(reportPdf)).toEqual(claim(reportText));
    expect(reportPdf.document.series.map((s) => s.points.map((p) => p.value))).toEqual(reportText.document.series.map((s) => s.points.map((p) => p.value)));
  });

  it('regional report: sources point at PDF pages', () => {
    const first = reportPdf.document.budgetLines[0]!;
    expect(first.source.page).toBe(21);
    expect(first.source.file).toBe('fixtures/samples/regional-report-2020h1.pdf');
  });

  const YOY_SOURCES = ['document', 'source', 'page', 'from_source', 'to_source', 'from_page', 'to_page'];
  it('national plan: the same series, year pairs and targets', () => {
    expect(rows(yoy, planPdf, YOY_SOURCES)).toEqual(rows(yoy, planText, YOY_SOURCES));
    expect(rows(targets, planPdf, ['document', 'source', 'page'])).toEqual(rows(targets, planText, ['document', 'source', 'page']));
  });

  it('national plan: the same claims', () => {
    const claim = (r: ParseResult) => r.document.claims.map((c) => c.kind + (c.kind === 'sum' ? `:${c.total.value}` : ''));
    expect(claim(planPdf)).toEqual(claim(planText));
  });
});

describe('PDF line building', () => {
  const item = (str: string, x: number, y: number, width = str.length * 10, height = 10) => ({ str, x, y, width, height });

  it('groups items on one baseline into a line, a wide gap becoming a tab', () => {
    const lines = groupLines([item('예산액', 200, 100), item('구분', 10, 100.5), item('사업명', 60, 100), item('다음 줄', 10, 115)], 1);
    expect(lines.map((l) => l.text)).toEqual(['구분\t사업명\t예산액', '다음 줄']);
  });

  it('turns U+0001 into spaces and joins touching items', () => {
    expect(joinItems([item('SW\u0001융합', 0, 0, 40), item('사업', 40, 0)])).toBe('SW 융합사업');
  });
});
