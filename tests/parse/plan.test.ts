import { describe, expect, it } from 'vitest';
import { load } from '../helpers/load.js';
import { findSeries } from '../../src/extract/series.js';

const SAMPLE = 'fixtures/samples/national-plan-2023.txt';

describe('series forms (findSeries)', () => {
  const pts = (text: string) => findSeries(text).map((s) => [s.label ?? '', s.unit, s.points.map((p) => (p.max !== undefined ? `${p.period}:${p.value}~${p.max}` : `${p.period}:${p.value}`)).join(' ')]);

  it.each([
    ["('19) 12,660 → ('20) 19,799 → ('21) 25,039 → ('22) 30,144개", [['', '개', '2019:12660 2020:19799 2021:25039 2022:30144']]],
    ["('21) 9대 분야 99개 → ('22) 9대 분야 104개(대용량 등 추가)", [['', '개', '2021:99 2022:104']]],
    ['(‘20) 88개사, 6,811억원 → (‘21) 96개사, 7,803억원 → (‘22) 99개사, 8,753억원', [['', '개사', '2020:88 2021:96 2022:99'], ['', '원', '2020:681100000000 2021:780300000000 2022:875300000000']]],
    ["과제 선정 ('22. 320 → '23. 760개)", [['', '개', '2022:320 2023:760']]],
    ["예산 확대 ('21, 359개, 512억원→'22, 525개, 708억원)", [['', '개', '2021:359 2022:525'], ['', '원', '2021:51200000000 2022:70800000000']]],
    ["예산배분 : ('22) 2천~4천만원 → ('23) 1.5천~5천만원", [['', '원', '2022:20000000~40000000 2023:15000000~50000000']]],
    ["('21) (교육) 1.8만명 (복지) 9.1만건 지원 → ('22) (교육) 2.6만명, (복지) 20.2만건 지원", [['교육', '명', '2021:18000 2022:26000'], ['복지', '건', '2021:91000 2022:202000']]],
    ["투자형 R&D(모태펀드, 억원) : ('20) 165 → ('21) 335 → ('22) 500", [['', '원', '2020:16500000000 2021:33500000000 2022:50000000000']]],
    ["('21, 누적) 72,222개사 → ('22, 누적) 102,355개", [['', '개', '2021:72222 2022:102355']]],
    ["('22. 180 → '23. 215억원)", [['', '원', '2022:18000000000 2023:21500000000']]],
    ["('22) 7% → ('23) 50%", [['', '%', '2022:7 2023:50']]],
  ])('%s', (text, expected) => expect(pts(text)).toEqual(expected));

  it('marks cumulative and planned points', () => {
    const [s] = findSeries("운영사 현황(누적) : ('21) 5개 → ('22) 14개 → ('23) 19개 (계획)");
    expect(s!.flags).toEqual(['누적']);
    expect(s!.points.map((p) => p.flags)).toEqual([[], [], ['계획']]);
    const [c] = findSeries("('21, 누적) 72,222개사 → ('22, 누적) 102,355개");
    expect(c!.points.map((p) => p.flags)).toEqual([['누적'], ['누적']]);
  });

  it.each([['단계별(예방 → 적발 → 제재) 대책'], ['(1단계) 2억원 특례보증 → (2단계) 최대 16억원 R&D 지원'], ["('22) 대전 → ('23.下) 서울, 부산"]])(
    'is not a series without period labels and figures: %s',
    (text) => expect(findSeries(text)).toEqual([]),
  );
});

describe('national plan sample (text)', async () => {
  const { document: doc } = await load(SAMPLE);

  it('reads the title, issuer, date and plan year', () => {
    expect(doc.kind).toBe('national-plan');
    expect(doc.title).toBe("제4차 중소기업 기술혁신 촉진계획('19~'23) 2023년도 시행계획(안)");
    expect(doc.issuer).toBe('중소벤처기업부');
    expect(doc.date).toBe('2023-04-27');
    expect(doc.fiscalPeriod).toBe('2023');
    expect(doc.meta.strategies).toHaveLength(4);
    expect(doc.meta.schedule!.map((s) => s.task)).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '3-1', '3-2', '3-3', '4-1', '4-2']);
    expect(doc.meta.schedule![0]!.timing).toBe("'23.상");
  });

  it('reads the eight targets of the 목표 table, due by the plan horizon 2023', () => {
    expect(doc.targets.map((t) => [t.category, t.indicator, t.target.value, t.unit])).toEqual([
      ['전략 혁신', '4차 산업혁명 투자비중', 40, '%'],
      ['전략 혁신', '정부 R&D 중 중소기업 투자비중', 18.6, '%'],
      ['생산성 혁신', '스마트공장 보급', 30_000, '개'],
      ['생산성 혁신', '중소기업R&D 인력', 200_000, '명'],
      ['상생 혁신', '산학연 협력R&D 비중', 50, '%'],
      ['상생 혁신', '기술자료 임치', 100_000, '건'],
      ['성과 혁신', '사업화 성공률', 52.8, '%'],
      ['성과 혁신', '고성장기업수', 20_000, '개'],
    ]);
    expect(doc.targets.every((t) => t.targetYear === '2023')).toBe(true);
  });

  it('finds the actual of the smart-factory target: 30,144 in 2022', () => {
    const t = doc.targets.find((x) => x.indicator === '스마트공장 보급')!;
    expect(t.actual!.value).toBe(30_144);
    expect(t.actualPeriod).toBe('2022');
  });

  it('attributes the smart-factory series to strategy 2 and its task', () => {
    const s = doc.series.find((x) => x.indicator.includes('연도별 누적'))!;
    expect(s.points.map((p) => p.value)).toEqual([12_660, 19_799, 25_039, 30_144]);
    expect(s.group).toMatch(/^전략2/);
    expect(s.task).toMatch(/^1 스마트공장 확산/);
    expect(s.flags).toEqual(['누적']);
  });

  it('pairs same-named budget categories across the two years', () => {
    const s = doc.series.find((x) => x.indicator === '예산 전략분야')!;
    expect(s.points.map((p) => [p.period, p.value])).toEqual([
      ['2022', 598_700_000_000],
      ['2023', 530_900_000_000],
    ]);
    expect(doc.series.some((x) => x.indicator === '예산 혁신성장')).toBe(false); // renamed 기업성장 in 2023: not paired
  });

  it('reads programs with amounts and funding splits', () => {
    const bio = doc.programs.find((p) => p.name === 'K-바이오랩허브')!;
    expect(bio.totalBudget!.value).toBe(272_600_000_000);
    expect(bio.funding!.map((f) => [f.name, f.amount.value])).toEqual([
      ['국비', 109_500_000_000],
      ['지방비', 155_000_000_000],
      ['민간', 8_100_000_000],
    ]);
    expect(doc.programs.find((p) => p.name === '중소기업 탄소중립 전환지원')!.totalBudget!.value).toBe(5_500_000_000);
  });

  it('reads breakdown, ratio and cumulative-difference claims', () => {
    const sums = doc.claims.flatMap((c) => (c.kind === 'sum' ? [[c.total.value, c.parts.map((p) => p.amount.value)]] : []));
    expect(sums).toContainEqual([5_105, [2_418, 1_081, 1_606]]);
    expect(sums).toContainEqual([1_467, [291, 1_176]]);
    expect(sums).toContainEqual([272_600_000_000, [109_500_000_000, 155_000_000_000, 8_100_000_000]]);
    const ratios = doc.claims.flatMap((c) => (c.kind === 'ratio' ? [[c.stated.value, c.numerator.value, c.denominator.value]] : []));
    expect(ratios).toEqual([
      [82.2, 586, 713],
      [56, 271, 485],
    ]);
    const diff = doc.claims.find((c) => c.kind === 'difference');
    expect(diff).toMatchObject({ stated: { value: 5_105 }, minuend: { value: 30_144 }, subtrahend: { value: 25_039 } });
  });

  it('matches the golden model', async () => {
    await expect(JSON.stringify(doc, null, 2) + '\n').toMatchFileSnapshot('../../fixtures/samples/national-plan-2023.txt.model.json');
  });
});

describe('a plan in another layout (plain text, ○ bullets, 【전략】 markers, no Markdown)', async () => {
  const { document: doc } = await load('fixtures/plan/plain-layout-2024.txt');
  const { check } = await import('../../src/commands/check.js');
  const run = (d: typeof doc) => check({ documents: [d], diagnostics: new Map(), options: {} });

  it('reads title, horizon, targets and the actual', () => {
    expect(doc.title).toBe("제2차 지역 스마트제조 혁신 기본계획('22~'26) 2024년도 시행계획");
    expect(doc.targets.map((t) => [t.indicator, t.target.value, t.unit, t.targetYear, t.actual?.value])).toEqual([
      ['스마트공장 보급', 35_000, '개', '2026', 35_000],
      ['스마트제조 인력', 10_000, '명', '2026', undefined],
    ]);
  });

  it('attributes the series to its strategy and task, and reads ○ bullets with keywords', () => {
    const s = doc.series.find((x) => x.indicator.includes('연도별 누적'))!;
    expect([s.group, s.task, s.points.map((p) => p.value)]).toEqual(['전략1 제조현장 디지털 전환', '1 스마트공장 고도화', [25_039, 30_144, 35_000]]);
    expect(doc.programs.find((p) => p.name === '고도화')!.funding!.map((f) => f.amount.value)).toEqual([60_000_000_000, 25_000_000_000, 5_000_000_000]);
  });

  it('checks its breakdowns: all consistent (2,100+1,256+1,500 = 4,856 = 35,000 − 30,144; 600+250+50 = 900억)', () => {
    const r = run(doc);
    expect(r.findings).toEqual([]);
    expect(r.sections![0]!.lines[0]).toMatch(/4 checks, 4 consistent/);
  });

  it('reports a funding split that does not add up as an error, and an inferred breakdown that does not as info', async () => {
    const { loadText } = await import('../helpers/load.js');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('fixtures/plan/plain-layout-2024.txt', 'utf8').replace('지방비 250억원', '지방비 200억원').replace('수준확인 1,500개', '수준확인 1,400개');
    const { document } = await loadText('changed.txt', text);
    expect(run(document).findings!.map((f) => [f.severity, f.code, f.stated, f.computed])).toEqual([
      ['error', 'breakdown', 90_000_000_000, 85_000_000_000],
      ['info', 'breakdown-inferred', 4_856, 4_756],
    ]);
  });
});

describe('indicator names from long bullets', async () => {
  const { lastPhrase } = await import('../../src/kinds/plan-figures.js');
  it.each([
    ['지역창업 허브기능을 수행하는 창경센터 중심으로 기업의 생애 첫 R&D(디딤돌) 과제 선정', '생애 첫 R&D(디딤돌) 과제 선정'],
    ['로드맵 선정품목에 대해 R&D사업 등과 연계 강화 및 관련 예산 확대', 'R&D사업 등과 연계 강화 및 관련 예산 확대'],
    ['아무 조사도 없는 아주 긴 문장 하나 둘 셋 넷 다섯 여섯', '셋 넷 다섯 여섯'], // no clause ending: the last four words
  ])('%s → %s', (text, phrase) => expect(lastPhrase(text)).toBe(phrase));
});
