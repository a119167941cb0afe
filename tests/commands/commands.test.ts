import { describe, expect, it } from 'vitest';
import { load, loadText } from '../helpers/load.js';
import { budget } from '../../src/commands/budget.js';
import { yoy } from '../../src/commands/yoy.js';
import { targets } from '../../src/commands/targets.js';
import { programs } from '../../src/commands/programs.js';
import { check, judgeRate } from '../../src/commands/check.js';
import type { CommandOptions } from '../../src/commands/types.js';
import type { ParseResult } from '../../src/model/types.js';

function input(results: ParseResult[], options: CommandOptions = {}) {
  return {
    documents: results.map((r) => r.document),
    diagnostics: new Map(results.map((r) => [r.document.file, r.diagnostics])),
    options,
  };
}

const report = await load('fixtures/samples/regional-report-2020h1.txt');
const plan = await load('fixtures/samples/national-plan-2023.txt');
const blog = await load('fixtures/samples/blog-post.md');

describe('budget', () => {
  it('gives 52 line items and a total row with the grand rate 15.76%', () => {
    const t = budget(input([report])).tables[0]!;
    expect(t.rows).toHaveLength(52);
    expect(t.totals![0]).toMatchObject({ budget_krw: 26_507_677_000, executed_krw: 4_178_057_000, remaining_krw: 22_329_620_000, execution_rate_pct: 15.76 });
  });

  it('a multi-year table gets one total per year, never two years added (MOF plan: 2023 and 2024 budgets by field)', async () => {
    const mof = await load('fixtures/corpus/mof-marine-science-plan-2024.txt');
    // Hand sums of the document's table, 억원: 2023 1,342+928+1,126+1,587+845+412 = 6,240; 2024 1,415+874+1,208+1,731+862+398 = 6,488.
    const plain = budget(input([mof])).tables[0]!;
    expect(plain.totals!.map((t) => [t.program, t.budget_krw])).toEqual([
      ['Total 2023', 624_000_000_000],
      ['Total 2024', 648_800_000_000],
    ]);
    const byGroup = budget(input([mof], { by: 'group' })).tables[0]!;
    expect(byGroup.totals!.map((t) => [t.group, t.programs, t.budget_krw])).toEqual([
      ['Total 2023', 6, 624_000_000_000],
      ['Total 2024', 6, 648_800_000_000],
    ]);
  });

  it('computes each rate from the amounts, beside the stated one', () => {
    const row = budget(input([report])).tables[0]!.rows.find((r) => r.program === 'SW융합클러스터2.0')!;
    // 200,307 / 2,094,000 = 9.5657…% → 9.57; the report prints 9.6%.
    expect(row).toMatchObject({ execution_rate_pct: 9.57, stated_rate_pct: 9.6, remaining_krw: 1_893_693_000 });
  });

  it('rolls up the five groups with their program counts (--by group)', () => {
    const t = budget(input([report], { by: 'group' })).tables[0]!;
    expect(t.rows.map((r) => [r.group, r.programs, r.budget_krw])).toEqual([
      ['ICT 융합 혁신성장 플랫폼 구축', 11, 7_481_800_000],
      ['뉴 콘텐츠 산업 혁신 주도 성장전인', 7, 2_680_000_000],
      ['과학기술을 통한 지역혁신성장 동력 확보', 13, 5_119_000_000],
      ['중소벤처 기업의 성장 발판 관련', 19, 8_592_880_000],
      ['기관운영 (기타)', 2, 2_633_997_000],
    ]);
    expect(t.totals![0]).toMatchObject({ programs: 52, budget_krw: 26_507_677_000 });
  });

  it('filters with --below and --group, and sorts with --sort rate', () => {
    const below = budget(input([report], { below: 1 })).tables[0]!.rows;
    expect(below.every((r) => (r.execution_rate_pct as number) < 1)).toBe(true);
    expect(below).toHaveLength(16);
    const group = budget(input([report], { group: '기관운영' })).tables[0]!.rows;
    expect(group.map((r) => r.program)).toEqual(['충북과학기술혁신원운영', '자본예산']);
    const sorted = budget(input([report], { sort: 'rate' })).tables[0]!.rows;
    expect(sorted[sorted.length - 1]!.program).toBe('이노비즈인증획득지원'); // 100%
  });
});

describe('yoy', () => {
  const rows = yoy(input([plan])).tables[0]!.rows;
  const find = (needle: string, from: string, unit?: string) =>
    rows.find((r) => String(r.indicator).includes(needle) && r.from_period === from && (!unit || r.unit === unit))!;

  it.each([
    ['연도별 누적', '2019', 12_660, 19_799, 7_139, 56.39],
    ['연도별 누적', '2020', 19_799, 25_039, 5_240, 26.47],
    ['연도별 누적', '2021', 25_039, 30_144, 5_105, 20.39],
    ['투자형 R&D', '2020', 16_500_000_000, 33_500_000_000, 17_000_000_000, 103.03],
    ['투자형 R&D', '2021', 33_500_000_000, 50_000_000_000, 16_500_000_000, 49.25],
    ['성과공유', '2021', 72_222, 102_355, 30_133, 41.72],
    ['예산 전략분야', '2022', 598_700_000_000, 530_900_000_000, -67_800_000_000, -11.32],
  ])('%s from %s: %d → %d (%d, %d%%)', (needle, from, a, b, change, pct) => {
    expect(find(needle, from)).toMatchObject({ from_value: a, to_value: b, change, change_pct: pct });
  });

  it('leaves the change of a range empty rather than guessing', () => {
    expect(find('예산배분', '2022')).toMatchObject({ from_value: 20_000_000, change: undefined, change_pct: undefined });
  });

  it('filters by --indicator', () => {
    const only = yoy(input([plan], { indicator: '연도별 누적' })).tables[0]!.rows;
    expect(only).toHaveLength(3);
  });
});

describe('targets', () => {
  it('lists eight targets, the smart-factory one achieved at 100.48%', () => {
    const rows = targets(input([plan])).tables[0]!.rows;
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.indicator === '스마트공장 보급')).toMatchObject({ target_value: 30_000, actual_value: 30_144, achievement_pct: 100.48, actual_period: '2022' });
    expect(rows.filter((r) => r.achievement_pct !== undefined)).toHaveLength(1);
  });
});

describe('programs', () => {
  it('lists the SW convergence cluster once, with its three sources', () => {
    const rows = programs(input([report], { grep: 'SW융합클러스터' })).tables[0]!.rows;
    const cluster = rows.find((r) => String(r.program).includes('클러스터 2.0'))!;
    expect(cluster).toMatchObject({ start: '2020-04-01', end: '2024-12-31', months: 57, total_budget_krw: 17_780_000_000, year_budget_krw: 2_094_000_000 });
    expect(String(cluster.source).split('; ')).toEqual([
      'fixtures/samples/regional-report-2020h1.txt:644',
      'fixtures/samples/regional-report-2020h1.txt:1013',
      'fixtures/samples/regional-report-2020h1.txt:1061',
    ]);
  });

  it('lists programs of all three kinds together, and filters by --kind', () => {
    const rows = programs(input([blog, plan, report])).tables[0]!.rows;
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['blog-post', 'national-plan', 'regional-report']));
    const blogRows = programs(input([blog, plan, report], { kind: 'blog-post' })).tables[0]!.rows;
    expect(blogRows.map((r) => [r.program, r.steps, r.documents_required])).toEqual([
      ['기술개발 지원', 3, 3],
      ['지식서비스 거래지원', 0, 4],
      ['해외진출', 0, 0],
      ['네트워크 프로그램', 0, 0],
    ]);
  });
});

describe('check', () => {
  it('judges stated rates: rounded is fine, truncated is info, off is an error (a warning when the operands are ambiguous)', () => {
    expect(judgeRate(9.6, 9.5657, 1)).toEqual({ how: 'rounded' });
    expect(judgeRate(15.7, 15.7617, 1)).toEqual({ severity: 'info', how: 'truncated' });
    expect(judgeRate(165, 165.87, 0)).toEqual({ severity: 'info', how: 'truncated' });
    expect(judgeRate(15.5, 15.76, 1)).toEqual({ severity: 'error', how: 'off' });
    expect(judgeRate(15.5, 15.76, 1, true)).toEqual({ severity: 'warning', how: 'off' });
    expect(judgeRate(48, 106.23, 0)).toEqual({ severity: 'error', how: 'off' });
  });

  it('on the regional report: the wrong 48% is an error; 15.7% and 165% are truncations; no other error', () => {
    const { findings } = check(input([report]));
    const errors = findings!.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.stated, f.computed, f.source?.line])).toEqual([['growth', 48, 106.23, 55]]);
    // (26,507,677 − 12,853,628) / 12,853,628 = 106.23%
    const infos = findings!.filter((f) => f.severity === 'info');
    expect(infos.map((f) => [f.code, f.stated, f.computed])).toEqual([
      ['rate', 15.7, 15.76],
      ['growth', 165, 165.87],
    ]);
  });

  it('on the national plan: verifies the breakdowns without errors', () => {
    const { findings, sections } = check(input([plan]));
    expect(findings!.filter((f) => f.severity === 'error')).toEqual([]);
    // 10 from the plan's reader, and 4 the prose extractors add from sentences it does not read:
    // line 227 ('20) 40(중기부 20, 환경부 20); 426, 533 and 600, lists of 4, 5 and 4 named items.
    expect(sections![0]!.lines[0]).toMatch(/14 checks, 14 consistent/);
  });

  it('reports a total that does not add up, a wrong remaining and a wrong rate', async () => {
    const text = [
      '# 2020년도 상반기 주요업무 추진상황', '## 예산집행 현황', '(단위 : 천원)',
      '구분\t사업명\t예산액\t집행액\t잔액\t집행률',
      '계\t\t1,000\t300\t700\t30.0%',
      '분야\t가사업\t600\t200\t400\t33.3%',
      '\t나사업\t300\t100\t250\t30.0%',
    ].join('\n');
    const r = await loadText('bad.txt', text);
    const f = check(input([r])).findings!;
    expect(f.map((x) => [x.severity, x.code, x.stated, x.computed])).toEqual([
      ['error', 'remaining', 250_000, 200_000],
      ['error', 'rate', 30, 33.33], // 100/300 = 33.33%, more than one point from the stated 30.0%
      ['error', 'total', 1_000_000, 900_000],
      ['error', 'total', 700_000, 650_000],
      ['warning', 'table-total-mismatch', undefined, undefined], // the table extractor's note on the same 계 row
    ]);
  });
});

describe('summary --format md', () => {
  it('renders a Markdown page: headings, and tables whose rows all have the header\'s column count', async () => {
    const { summary } = await import('../../src/commands/summary.js');
    const { renderMd } = await import('../../src/render/md.js');
    const md = renderMd(summary(input([report, plan, blog])), {});
    const lines = md.split('\n');
    // One `#` title, an overall line, then `##` per document and `###` within it.
    expect(lines.filter((l) => l.startsWith('# '))).toEqual(['# policy-lens summary']);
    expect(lines[2]).toBe('3 documents · 1 error · 1 warning · total budget 26,507,677천원 · executed 4,178,057천원 (15.76%)');
    const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    expect(headings).toEqual(['Documents', '2020년도 상반기 주요업무 추진상황', "제4차 중소기업 기술혁신 촉진계획('19~'23) 2023년도 시행계획(안)", '기술개발 지원을 통한 1인 창조기업 육성']);
    const sub = lines.filter((l) => l.startsWith('### ')).map((l) => l.slice(4));
    expect(sub).toContain('Budget execution');
    expect(sub).toContain('Not yet allocated (미교부)');
    expect(sub.filter((h) => h === 'Consistency checks')).toHaveLength(3);
    // Every table: a header row, a --- row with as many cells, body rows with as many cells.
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.startsWith('|') && lines[i + 1]?.startsWith('| ---') || lines[i + 1]?.startsWith('| ---:')) {
        const n = cells(lines[i]!);
        for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cells(lines[j]!)).toBe(n);
      }
    }
    expect(md).toContain('- total budget 26,507,677천원, executed 4,178,057천원, rate 15.76%');
    expect(md).toMatch(/error: growth 2019→2020 .* stated 48% but the figures give 106\.23%/);
  });
});

describe('check uses the precision the document printed', () => {
  it('a rate printed as 33.30% is checked at two decimals, with amounts of a 천원 table taken as ±0.5천원: 100/300 can be 33.30% (no finding), 1,000/3,000 cannot (error)', async () => {
    const text = ['# 2020년도 상반기 주요업무 추진상황', '## 예산집행 현황', '(단위 : 천원)', '구분\t사업명\t예산액\t집행액\t잔액\t집행률', '분야\t가사업\t300\t100\t200\t33.30%', '\t나사업\t300\t100\t200\t33.3%', '\t다사업\t3,000\t1,000\t2,000\t33.30%'].join('\n');
    const r = await loadText('precision.txt', text);
    expect(r.document.budgetLines.map((l) => l.statedRate?.decimals)).toEqual([2, 1, 2]);
    const f = check(input([r])).findings!;
    // 99.5/300.5 = 33.11% … 100.5/299.5 = 33.56% covers 33.30. In 원, 1e6 ± 500 over 3e6 ± 500 is
    // 33.3333% ± 0.0222 (relative 500/1e6 + 500/3e6), 33.311% at the least, which no rounding brings to 33.30.
    // (Not 1,000,000/3,000,000: seven digits among three-digit rows are set aside as implausible.)
    expect(f.map((x) => [x.severity, x.code, x.stated, x.computed, x.source?.line])).toEqual([['error', 'rate', 33.3, 33.33, 7]]);
    // Tolerance: half a step of the stated 33.30 (0.005) plus the half-width above.
    expect(f[0]!.tolerance).toBeCloseTo(0.0272222, 6);
  });
});

describe('growth claims with both figures in one sentence (the review case)', () => {
  it('…14,800백만원은 전년(13,500백만원) 대비 9.6% 증가: from 13,500 to 14,800 (+9.63%), consistent; a wrong 12.6% is an error', async () => {
    const text = ['# 2025년도 주요업무 추진상황', '', '□ 2025년 예산 14,800백만원은 전년(13,500백만원) 대비 9.6% 증가', '', '□ 2025년 기금 2,600백만원은 전년(2,000백만원) 대비 12.6% 증가'].join('\n');
    const r = await loadText('growth.txt', text, { kind: 'regional-report' });
    const growth = r.document.claims.filter((c) => c.kind === 'growth');
    expect(growth.map((c) => (c.kind === 'growth' ? [c.from.value, c.to.value, c.stated.value, c.fromPeriod, c.toPeriod] : []))).toEqual([
      [13_500_000_000, 14_800_000_000, 9.6, '2024', '2025'],
      [2_000_000_000, 2_600_000_000, 12.6, '2024', '2025'],
    ]);
    // 2,600 / 2,000 − 1 = 30%
    const f = check(input([r])).findings!.filter((x) => x.code === 'growth');
    expect(f.map((x) => [x.severity, x.stated, x.computed, x.source?.line])).toEqual([['error', 12.6, 30, 5]]);
    expect(r.diagnostics.filter((d) => d.code === 'claim-unresolved')).toEqual([]);
  });
});

describe('a budget column that is not the base of the rate (본예산 | 추경 | 계 under 예산)', () => {
  it('reads the 계 under 예산 as each line\'s budget, so rates and 잔액 check out with no error', async () => {
    const r = await load('fixtures/hwpx/budget-execution-2024h2.txt');
    // Lines 40–45 of the fixture: the 계 column (third under 예산).
    expect(r.document.budgetLines.map((l) => [l.program, l.budget?.value])).toEqual([
      ['태양광 보급 지원', 1_500_000_000],
      ['건물 에너지 효율화', 900_000_000],
      ['수소버스 충전소 구축', 2_500_000_000],
      ['에너지 자립마을 조성', 750_000_000],
      ['탄소중립 시민교육', 250_000_000],
    ]);
    const f = check(input([r])).findings!;
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
  });
});

describe('a 집행률 column whose cells omit the % sign', () => {
  it('reads 73.1 under 집행률 as 73.1%, and checks it (1,688 / 2,310 = 73.07% → 73.1 ✓; 1,000 / 3,000 = 33.33% ≠ 35.0)', async () => {
    const text = ['# 2024년도 주요업무 추진상황', '## 예산집행 현황', '(단위 : 백만원)', '구분\t사업명\t예산액\t집행액\t잔액\t집행률', '분야\t가사업\t2,310\t1,688\t622\t73.1', '\t나사업\t3,000\t1,000\t2,000\t35.0'].join('\n');
    const r = await loadText('rate-no-percent.txt', text, { kind: 'regional-report' });
    expect(r.document.budgetLines.map((l) => [l.statedRate?.value, l.statedRate?.decimals])).toEqual([
      [73.1, 1],
      [35, 1],
    ]);
    const f = check(input([r])).findings!.filter((x) => x.code === 'rate');
    expect(f.map((x) => [x.severity, x.stated, x.computed, x.source?.line])).toEqual([['error', 35, 33.33, 6]]);
  });
});

describe('summary from per-document digests (what a worker sends back)', () => {
  it('the table is the same with tablesOnly; the pages are left out; findings keep errors and warnings only', async () => {
    const { summary } = await import('../../src/commands/summary.js');
    const full = summary(input([report, plan, blog]));
    const lean = summary(input([report, plan, blog], { tablesOnly: true }));
    expect(lean.tables).toEqual(full.tables);
    // The overall section only: its line is the same (3 documents · 1 error · 1 warning …).
    expect(lean.sections!.map((s) => s.title)).toEqual(['policy-lens summary']);
    expect(lean.sections![0]!.lines).toEqual(full.sections![0]!.lines);
    expect(lean.findings!.map((f) => f.severity)).toEqual(['error', 'warning']);
  });

  it('a digest survives a structured clone: combining the clones gives the same result', async () => {
    const { summary } = await import('../../src/commands/summary.js');
    const steps = summary.perDocument!;
    const docs = [report, plan, blog];
    const digests = docs.map((r) => structuredClone(steps.digest(r.document, r.diagnostics, {})));
    expect(steps.combine(digests, {})).toEqual(summary(input(docs)));
  });
});

describe('budgetSums: the headline sums of summary and report', () => {
  const line = (year: string | undefined, budget: number, executed?: number) =>
    ({ program: 'p', normalizedName: 'p', source: { file: 'f', line: 1, text: '' }, ...(year ? { year } : {}), budget: { value: budget, unit: '원' }, ...(executed !== undefined ? { executed: { value: executed, unit: '원' } } : {}) }) as never;
  it.each([
    ['one year, executed stated', [line('2024', 300, 120), line('2024', 200, 30)], { budget: 500, executed: 150 }],
    ['no executed amount stated: none, not 0', [line(undefined, 300), line(undefined, 200)], { budget: 500 }],
    ['an executed 0 is stated', [line(undefined, 300, 0)], { budget: 300, executed: 0 }],
    ['two years: the latest alone (2023: 300, 2024: 200 + 100)', [line('2023', 300, 10), line('2024', 200), line('2024', 100, 40)], { budget: 300, executed: 40, year: '2024' }],
    ['a year label counts by its leading year', [line('2023 이전', 50), line('2025', 70)], { budget: 70, year: '2025' }],
    ['undated lines (the document\'s own table) before a dated schedule', [line(undefined, 500), line(undefined, 250), line('2024', 40, 40), line('2025', 14)], { budget: 750 }],
  ])('%s', async (_name, lines, expected) => {
    const { budgetSums } = await import('../../src/commands/budget.js');
    expect(budgetSums(lines)).toEqual(expected);
  });

  it('summary of a two-year plan gives its 2024 budget and no executed figure (MOF plan: 2023 6,240억원, 2024 6,488억원)', async () => {
    const { cli } = await import('../helpers/load.js');
    const t = await cli(['summary', 'fixtures/corpus/mof-marine-science-plan-2024.txt', '-f', 'csv', '-q']);
    const [header, row] = t.stdout.trim().split('\n').map((l) => l.split(','));
    const at = (key: string) => row![header!.indexOf(key)];
    expect([at('budget_krw'), at('executed_krw'), at('execution_rate_pct')]).toEqual(['648800000000', '', '']);
  });
});
