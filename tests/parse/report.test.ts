import { describe, expect, it } from 'vitest';
import { load, loadText } from '../helpers/load.js';

const SAMPLE = 'fixtures/samples/regional-report-2020h1.txt';

describe('regional report sample (text)', async () => {
  const { document: doc, diagnostics } = await load(SAMPLE);

  it('is recognised with its title, period and as-of date', () => {
    expect(doc.kind).toBe('regional-report');
    expect(doc.title).toBe('2020년도 상반기 주요업무 추진상황');
    expect(doc.fiscalPeriod).toBe('2020-H1');
    expect(doc.asOf).toBe('2020-06-30');
    expect(doc.moneyUnit).toBe('천원');
  });

  it('reads 52 budget lines summing to 26,507,677천원 budget and 4,178,057천원 executed', () => {
    expect(doc.budgetLines).toHaveLength(52);
    expect(doc.budgetLines.reduce((s, l) => s + l.budget!.value, 0)).toBe(26_507_677_000);
    expect(doc.budgetLines.reduce((s, l) => s + l.executed!.value, 0)).toBe(4_178_057_000);
  });

  it('keeps the grand total row as a total, not a program', () => {
    expect(doc.budgetTotals).toHaveLength(1);
    expect(doc.budgetTotals[0]).toMatchObject({ label: '계', budget: { value: 26_507_677_000 }, statedRate: { value: 15.7 } });
    expect(doc.budgetLines.some((l) => l.program === '계')).toBe(false);
  });

  it('collapses letter-spaced names and reads allocation dates', () => {
    const first = doc.budgetLines[0]!;
    expect(first.program).toBe('SW융합클러스터2.0');
    expect(first.group).toBe('ICT 융합 혁신성장 플랫폼 구축');
    expect(first.allocationDate).toBe('2020-04-13');
    expect(first.source.line).toBe(1061);
  });

  it('marks 미교부 lines as not yet allocated', () => {
    expect(doc.budgetLines.filter((l) => l.unallocated).map((l) => l.status)).toEqual(['미교부', '미교부', '미교부', '미교부', '미교부']);
    expect(doc.budgetLines.filter((l) => l.status === '미교부').map((l) => l.program)).toEqual([
      '충북인공지능진흥컨트론타워기반마련사업',
      '충북벤처넷운영사업',
      '충북혁신중소기업비즈매칭 박람회개최',
      '고용안전선제대응프로젝트',
      '청주시해외시장개척단과견지원',
    ]);
  });

  it('realigns the row that lost its leading empty cell and keeps its group', () => {
    const row = doc.budgetLines.find((l) => l.program === '중소기업저작권서비스센터운영')!;
    expect(row.group).toBe('중소벤처 기업의 성장 발판 관련');
    expect(row.budget!.value).toBe(230_000_000);
    expect(row.executed!.value).toBe(44_223_000);
    expect(row.allocationDate).toBe('2020-03-18');
    expect(diagnostics.some((d) => d.code === 'table-row-realigned' && d.source?.line === row.source.line)).toBe(true);
  });

  it('continues a group across the repeated header after a page break', () => {
    const row = doc.budgetLines.find((l) => l.program === '충북인터넷방송운영')!;
    expect(row.group).toBe('뉴 콘텐츠 산업 혁신 주도 성장전인');
    expect(new Set(doc.budgetLines.map((l) => l.group)).size).toBe(5);
  });

  it('reads project descriptions with period, split and governance', () => {
    const p = doc.programs.find((x) => x.name === '충북 SW융합 클러스터 2.0 사업')!;
    expect(p.period).toMatchObject({ start: '2020-04-01', end: '2024-12-31', statedMonths: 57, months: 57 });
    expect(p.totalBudget!.value).toBe(17_780_000_000);
    expect(p.funding!.map((f) => [f.name, f.amount.value])).toEqual([
      ['국비', 8_780_000_000],
      ['지방비', 9_000_000_000],
    ]);
    expect(p.ministry).toBe('과기정통부');
    expect(p.agency).toBe('정보통신산업진흥원');
    expect(p.department).toBe('미래전략부');
    const sos = doc.programs.find((x) => x.name.startsWith('도시안전 SOS랩'))!;
    expect(sos.firstYearBudget!.value).toBe(1_475_000_000);
  });

  it('reads the new-project list with departments from subtotal rows', () => {
    const list = doc.programs.filter((p) => p.sources[0]!.line >= 1011 && p.sources[0]!.line <= 1052 && p.period);
    expect(list).toHaveLength(28);
    expect(list.find((p) => p.name === '공공데이터활용창업경진대회')!.department).toBe('성과확산부');
    const sums = doc.claims.filter((c) => c.kind === 'sum' && c.label.includes('신규사업'));
    expect(sums.map((c) => (c.kind === 'sum' ? c.total.value : 0))).toEqual([
      19_661_000_000, 2_128_000_000, 10_265_000_000, 9_369_000_000, 850_000_000, 42_273_000_000,
    ]);
  });

  it('turns the yearly acquisition table into two series (read by the table extractor, grouped by its caption)', () => {
    expect(doc.series.map((s) => [s.group, s.indicator, s.unit, s.points.map((p) => p.value)])).toEqual([
      ['연도별 신규사업 확보실적', '건수', '건', [6, 4, 9, 28]],
      ['연도별 신규사업 확보실적', '총사업비', '원', [2_200_000_000, 1_000_000_000, 15_900_000_000, 42_273_000_000]],
    ]);
  });

  it('reads the budget-size growth claim with both amounts', () => {
    const growth = doc.claims.find((c) => c.kind === 'growth' && c.stated.value === 48);
    expect(growth).toMatchObject({ from: { value: 12_853_628_000 }, to: { value: 26_507_677_000 }, fromPeriod: '2019', toPeriod: '2020' });
  });

  it('reads activity outputs with counts, statuses and timing', () => {
    const drone = doc.programs.find((p) => p.name === '드론 전문인력 양성 지원')!;
    expect(drone.group).toBe('ICT융합 혁신성장 플랫폼 구축');
    expect(drone.outputs!.slice(0, 2).map((o) => [o.quantity?.value, o.quantity?.unit])).toEqual([
      [101, '명'],
      [1, '회'],
    ]);
    const ai = doc.programs.find((p) => p.name === '충북인공지능산업 컨트롤타워 기반 강화')!;
    expect(ai.outputs!.find((o) => o.status === '추진중')).toMatchObject({ timing: '하반기' });
  });

  it('warns about a figure it cannot read instead of guessing', () => {
    expect(diagnostics.find((d) => d.code === 'output-unreadable')).toMatchObject({ source: { line: 241 } });
  });

  it('reads the organisation table into rows whose totals can be checked', () => {
    expect(doc.meta.organisation!.map((r) => [r.label, r.total!.value, r.cells.map((c) => c.count.value)])).toEqual([
      ['정원', 53, [1, 3, 6, 43]],
      ['현원', 37, [1, 2, 0, 34]],
    ]);
  });

  it('matches the golden model', async () => {
    await expect(JSON.stringify({ document: doc, diagnostics }, null, 2) + '\n').toMatchFileSnapshot(
      '../../fixtures/samples/regional-report-2020h1.txt.model.json',
    );
  });
});

describe('budget tables of other agencies', () => {
  const report = (table: string) => `# 2021년도 하반기 주요업무 추진상황\n\n## 예산집행 현황\n\n${table}\n`;

  it('maps columns by header meaning when order and wording differ (예산현액, 지출액, 집행잔액, 집행율)', async () => {
    const { document } = await loadText(
      'other.txt',
      report(['(단위 : 백만원)', '', '사업명\t구분\t집행율\t지출액\t예산현액\t집행잔액', '가나사업\t분야A\t50.0%\t5\t10\t5', '다라사업\t\t25.0%\t1\t4\t3'].join('\n')),
    );
    expect(document.budgetLines.map((l) => [l.program, l.group, l.budget?.value, l.executed?.value, l.statedRate?.value])).toEqual([
      ['가나사업', '분야A', 10_000_000, 5_000_000, 50],
      ['다라사업', '분야A', 4_000_000, 1_000_000, 25],
    ]);
  });

  it.each([
    ['원', 1],
    ['천원', 1e3],
    ['백만원', 1e6],
    ['억원', 1e8],
  ])('applies a (단위 : %s) declaration to money cells', async (unit, mult) => {
    const { document } = await loadText(
      'u.txt',
      report([`(단위 : ${unit})`, '구분\t사업명\t예산액\t집행액\t잔액\t집행률', '분야\t가사업\t1,200\t300\t900\t25.0%'].join('\n')),
    );
    expect(document.budgetLines[0]!.budget!.value).toBe(1200 * mult);
    expect(document.budgetLines[0]!.executed!.value).toBe(300 * mult);
  });

  it('keeps 소계 rows as group totals', async () => {
    const { document } = await loadText(
      's.txt',
      report(['(단위 : 천원)', '구분\t사업명\t예산액\t집행액\t잔액\t집행률', '분야A\t가사업\t100\t10\t90\t10.0%', '\t나사업\t300\t30\t270\t10.0%', '\t소계\t400\t40\t360\t10.0%', '합계\t\t400\t40\t360\t10.0%'].join('\n')),
    );
    expect(document.budgetLines.map((l) => l.program)).toEqual(['가사업', '나사업']);
    expect(document.budgetTotals.map((t) => [t.label, t.group, t.budget?.value])).toEqual([
      ['소계', '분야A', 400_000],
      ['합계', undefined, 400_000],
    ]);
  });

  it('warns about a money cell that is not a number and keeps reading the table', async () => {
    const { document, diagnostics } = await loadText(
      'w.txt',
      report(['(단위 : 천원)', '구분\t사업명\t예산액\t집행액\t잔액\t집행률', '분야A\t가사업\t1O0\t10\t90\t10.0%', '\t나사업\t300\t30\t270\t10.0%'].join('\n')),
    );
    expect(document.budgetLines.map((l) => l.program)).toEqual(['가사업', '나사업']);
    expect(document.budgetLines.map((l) => l.budget?.value)).toEqual([undefined, 300_000]);
    expect(diagnostics.find((d) => d.code === 'table-cell-unreadable')).toMatchObject({ source: { line: 7 } }); // line 7: the first table row
  });
});

describe('a report of another agency (plain text, 사업명 first, 예산현액/지출액/집행잔액/집행율, 소계 rows, 백만원)', async () => {
  const { document: doc } = await load('fixtures/report/other-agency-2021h2.txt');
  const { check } = await import('../../src/commands/check.js');

  it('reads its period, as-of date and unit', () => {
    expect([doc.title, doc.fiscalPeriod, doc.asOf, doc.moneyUnit]).toEqual(['2021년도 하반기 주요업무 추진실적', '2021-H2', '2021-12-31', '백만원']);
  });

  it('reads four lines in two groups, with 소계 rows as group totals', () => {
    expect(doc.budgetLines.map((l) => [l.group, l.program, l.budget?.value, l.executed?.value, l.allocationDate ?? l.status])).toEqual([
      ['디지털 혁신', '데이터바우처지원', 3_000_000_000, 2_700_000_000, '2021-02-15'],
      ['디지털 혁신', 'AI인재양성', 2_000_000_000, 1_500_000_000, '2021-03-02'],
      ['지역 혁신', '스마트시티실증', 4_400_000_000, 3_520_000_000, '2021-01-20'],
      ['지역 혁신', '지역특화 R&D', 3_000_000_000, 2_200_000_000, '미교부'],
    ]);
    expect(doc.budgetTotals.map((t) => [t.label, t.group ?? null, t.budget?.value])).toEqual([
      ['합계', null, 12_400_000_000],
      ['소계', '디지털 혁신', 5_000_000_000],
      ['소계', '지역 혁신', 7_400_000_000],
    ]);
  });

  it('finds its activities without Markdown headings', () => {
    expect(doc.programs.map((p) => [p.name, p.group, p.outputs!.length])).toEqual([
      ['데이터 바우처 지원', '디지털 혁신 기반 조성', 4],
      ['인공지능 인재 양성', '디지털 혁신 기반 조성', 2],
    ]);
  });

  it('checks out: the 24% growth holds (10,000 → 12,400), and 77.2% is a truncated 77.30%', () => {
    const f = check({ documents: [doc], diagnostics: new Map(), options: {} }).findings!;
    expect(f.map((x) => [x.severity, x.code, x.stated, x.computed])).toEqual([['info', 'rate', 77.2, 77.3]]);
    expect(doc.claims.find((c) => c.kind === 'growth')).toMatchObject({ stated: { value: 24 }, from: { value: 10_000_000_000 }, to: { value: 12_400_000_000 } });
  });
});

describe('a budget table that cannot be read', () => {
  it('is reported as a warning on the line that announces it, not passed over in silence', async () => {
    const text = ['# 2021년도 상반기 주요업무 추진상황', '', '## 2021년도 상반기 예산집행 현황', '', '구분 사업명 예산액 집행액', '가사업 100 50'].join('\n');
    const { document, diagnostics } = await loadText('lost.txt', text);
    expect(document.budgetLines).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'budget-table-missing')).toMatchObject({ severity: 'warning', source: { line: 3 } });
  });
});

describe('a report exported as HTML', () => {
  it('reads table rows as rows, with the HTML line of each row as its source', async () => {
    const { document, diagnostics } = await load('fixtures/report/html-export-2022h1.html');
    expect(document.kind).toBe('regional-report');
    expect([document.title, document.fiscalPeriod, document.asOf]).toEqual(['2022년도 상반기 주요업무 추진상황', '2022-H1', '2022-06-30']);
    expect(document.budgetLines.map((l) => [l.group, l.program, l.budget?.value, l.executed?.value, l.source.line])).toEqual([
      ['창업 지원', '창업보육센터 운영', 800_000_000, 320_000_000, 12],
      ['창업 지원', '청년 창업 & 성장 지원', 500_000_000, 70_000_000, 13],
    ]);
    expect(document.budgetTotals[0]).toMatchObject({ label: '계', budget: { value: 1_300_000_000 }, source: { line: 11 } });
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });
});
