// Series and targets from prose blocks, rule-tester style: literal blocks and
// hand-read expectations. [real …] marks sentences read off ../shared/real/.

import { describe, expect, it } from 'vitest';
import { changePairs, extractProseSeries, labelYears, yearAfterPairs } from '../../src/extract/prose-series.js';
import { extractProseTargets } from '../../src/extract/prose-targets.js';
import type { Block } from '../../src/layout/types.js';
import { heading, item, note, para } from './blocks.js';

type Pt = [string, number, string[]?];

const SERIES: [string, Block[], { indicator: string; unit: string; flags?: string[]; points: Pt[] }[]][] = [
  // Forms src/extract/series.ts already read, through blocks.
  ['bracketed years, the unit on the last point', [para("연도별 누적 : ('19) 12,660 → ('20) 19,799 → ('21) 25,039 → ('22) 30,144개")], [{ indicator: '연도별 누적', unit: '개', flags: ['누적'], points: [['2019', 12660], ['2020', 19799], ['2021', 25039], ['2022', 30144]] }]],
  ['two series in one sequence', [item("(‘20) 88개사, 6,811억원 → (‘21) 96개사, 7,803억원")], [
    { indicator: '(series)', unit: '개사', points: [['2020', 88], ['2021', 96]] },
    { indicator: '(series)', unit: '원', points: [['2020', 681_100_000_000], ['2021', 780_300_000_000]] },
  ]],
  ['ranges keep their upper bound out of the value', [item("지원한도 ('22) 2천~4천만원 → ('23) 1.5천~5천만원")], [{ indicator: '지원한도', unit: '원', points: [['2022', 20_000_000], ['2023', 15_000_000]] }]],
  // Year words as labels.
  ["'24년 → '25년", [para("매출 '24년 1,200억원 → '25년 1,500억원")], [{ indicator: '매출', unit: '원', points: [['2024', 120_000_000_000], ['2025', 150_000_000_000]] }]],
  ['2023년 → 2024년, percentages', [item('공공형 이용률 2023년 46% → 2024년 48%')], [{ indicator: '공공형 이용률', unit: '%', points: [['2023', 46], ['2024', 48]] }]],
  ['bracketed year words [real women-family p.7, reading order]', [item('부산형 공보육 이용률 (’23년) 46% → (‘24년) 48%', 0, 'ㅇ')], [{ indicator: '부산형 공보육 이용률', unit: '%', points: [['2023', 46], ['2024', 48]] }]],
  ['에서 … 로 between dated figures', [para('기초생활수급자는 2023년 18,400명에서 2024년 19,320명으로 5% 증가하였다.')], [{ indicator: '기초생활수급자', unit: '명', points: [['2023', 18400], ['2024', 19320]] }]],
  ['에서 … 로 with percentages', [item("재방문율은 '23년 32.5%에서 '24년 35.0%로 2.5%p 상승")], [{ indicator: '재방문율', unit: '%', points: [['2023', 32.5], ['2024', 35]] }]],
  ['a dated figure and 전년(…) in brackets', [item('관광 일자리는 2024년 8,400명으로 전년(7,000명) 대비 12% 증가', 0, '-')], [{ indicator: '관광 일자리', unit: '명', points: [['2023', 7000], ['2024', 8400]] }]],
  ['전년(…) with the year at the start', [para('2024년 복지예산은 4,620억원으로 전년(4,200억원) 대비 10.0% 증가하였다.')], [{ indicator: '복지예산', unit: '원', points: [['2023', 420_000_000_000], ['2024', 462_000_000_000]] }]],
  // 전년 / 금년 against the document year (2025 in these cases).
  ['전년 → 금년', [para('예산 전년 1,200억원 → 금년 1,500억원')], [{ indicator: '예산', unit: '원', points: [['2024', 120_000_000_000], ['2025', 150_000_000_000]] }]],
  // Markers.
  ['(안) marks a planned point', [para("총사업비 ('24) 1,200 → ('25)(안) 1,500억원")], [{ indicator: '총사업비', unit: '원', points: [['2024', 120_000_000_000], ['2025', 150_000_000_000, ['계획']]] }]],
  ['(잠정) inside the label', [para("수출기업 ('22) 320 → ('23) 760 → ('24, 잠정) 900개")], [{ indicator: '수출기업', unit: '개', points: [['2022', 320], ['2023', 760], ['2024', 900, ['잠정']]] }]],
  ['(누적) on every point makes a cumulative series', [para("창업펀드 ('23) 12,268억원(누적) → ('24) 14,468억원(누적)")], [{ indicator: '창업펀드', unit: '원', flags: ['누적'], points: [['2023', 1_226_800_000_000, ['누적']], ['2024', 1_446_800_000_000, ['누적']]] }]],
  ['a foreign currency keeps its name, not 원 [real ocean-agriculture-fisheries p.11]', [item('(‘21) 약7,700억 달러 →(’25) 2조달러 →(’30) 6조달러', 0, '-')], [{ indicator: '(series)', unit: '달러', points: [['2021', 770_000_000_000], ['2025', 2_000_000_000_000], ['2030', 6_000_000_000_000]] }]],
  // No series: no periods, or dates rather than labels.
  ['stages with period ranges are not yearly points [real transport-innovation p.13]', [item('✓ 1단계(’24.~’25. 416개소, 843백만원) → 2단계(’25.~’26. 250개소, 510백만원)', 0, '✓')], []],
  // A change without periods is a series from `before` to `after` (see changePairs below).
  ['before → after without periods: periods before and after [real livelihood-benefit p.3]', [item('부양의무자 재산환산율(4.17% → 2.08%) 완화(‘19.9월)', 0, '-')], [{ indicator: '부양의무자 재산환산율', unit: '%', points: [['before', 4.17], ['after', 2.08]] }]],
  ['a widened age limit: before and after [real finance-startup p.13]', [item('딥테크 신산업(AI·반도체·바이오 등) 창업기업 지원 확대 (업력) 7년→ 10년', 0, '-')], [{ indicator: '창업기업 지원 업력', unit: '년', points: [['before', 7], ['after', 10]] }]],
  // A line led by an arrow continues the sequence of the block above it (read once, from the block it starts in).
  ["an arrow line after a footnote (the national-plan sample's text, lines 506–508)", [note("스케일업 팁스 출연R&D : ('22) 최대 2년 6억원 지원(40개사)", '*'), para("→ ('23) 최대 3년 12억원 지원(170개사)")], [
    { indicator: '스케일업 팁스 출연R&D', unit: '원', points: [['2022', 600_000_000], ['2023', 1_200_000_000]] },
    { indicator: '스케일업 팁스 출연R&D', unit: '개사', points: [['2022', 40], ['2023', 170]] },
  ]],
  ['an arrow marking a PDF list item (the sample PDF, p.12)', [note("스케일업 팁스 출연R&D : ('22) 최대 2년 6억원 지원(40개사)", '*'), item("('23) 최대 3년 12억원 지원(170개사)", 0, '→')], [
    { indicator: '스케일업 팁스 출연R&D', unit: '원', points: [['2022', 600_000_000], ['2023', 1_200_000_000]] },
    { indicator: '스케일업 팁스 출연R&D', unit: '개사', points: [['2022', 40], ['2023', 170]] },
  ]],
  ['an arrow paragraph after a footnote (me-env-industry-plan-2024.html, lines 22–23)', [note("실증 참여기업 : ('22) 120개사", '*'), para("→ ('23) 185개사")], [{ indicator: '실증 참여기업', unit: '개사', points: [['2022', 120], ['2023', 185]] }]],
  ['an arrow line does not continue a heading', [heading("참여기업 ('22) 120개사"), para("→ ('23) 185개사")], []],
];

describe('extractProseSeries', () => {
  it.each(SERIES)('%s', (_name, blocks, expected) => {
    const got = extractProseSeries(blocks, { year: '2025' }).series.map((s) => ({
      indicator: s.indicator,
      unit: s.unit,
      ...(s.flags.length ? { flags: s.flags } : {}),
      points: s.points.map((p) => (p.flags.length ? [p.period, p.value, p.flags] : [p.period, p.value])),
    }));
    expect(got).toEqual(expected);
  });

  it('without the document year, 전년/금년 sequences are reported, not guessed', () => {
    const r = extractProseSeries([para('예산 전년 1,200억원 → 금년 1,500억원')]);
    expect(r.series).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['series-relative-year']);
  });

  it.each([
    ["'24년 1,200 → '25년 1,500억원", "('24) 1,200 → ('25) 1,500억원"],
    ['2024년 12월 기준 1,200 → 1,500', '(2024) 12월 기준 1,200 → 1,500'],
    ['2024년 1,200억원', '2024년 1,200억원'], // no arrow: left alone
  ])('labelYears(%s)', (input, out) => {
    expect(labelYears(input).text).toBe(out);
  });
});

type T = { indicator: string; unit: string; target: number; targetYear?: string; actual?: number; actualPeriod?: string; category?: string };

const TARGETS: [string, Block[], T[]][] = [
  [
    'numbered target line (the national plan’s ① form)',
    [para('■ 생산성 혁신 ① 스마트공장 보급 : 3만개, ② 중소기업R&D 인력 : 20만명')],
    [
      { category: '생산성 혁신', indicator: '스마트공장 보급', unit: '개', target: 30_000, targetYear: '2027' },
      { category: '생산성 혁신', indicator: '중소기업R&D 인력', unit: '명', target: 200_000, targetYear: '2027' },
    ],
  ],
  ['a year and (목표)', [para('2027년까지 스마트공장 5만개 (목표)')], [{ indicator: '스마트공장', unit: '개', target: 50_000, targetYear: '2027' }]],
  ['’YY년까지 … 육성', [item('’28년까지 청년 창업기업 1,000개사 육성')], [{ indicator: '청년 창업기업', unit: '개사', target: 1000, targetYear: '2028' }]],
  ['target and actual in one sentence', [heading('성과지표'), para('안전점검 목표 50건, 2024년 실적 45건 (달성률 90%)')], [{ category: '성과지표', indicator: '안전점검', unit: '건', target: 50, targetYear: '2024', actual: 45, actualPeriod: '2024' }]],
  ['target in brackets, cumulative actual after', [para("보급 목표(3만개)를 초과 달성(누계 30,144개)")], [{ indicator: '보급', unit: '개', target: 30_000, targetYear: '2027', actual: 30_144 }]],
  [
    'a 목표 list with two units [real ocean-agriculture-fisheries p.40]',
    [para('◇ 2025년도 거래목표 : 338천톤, 5,885억원')],
    [
      { indicator: '거래', unit: '천톤', target: 338, targetYear: '2025' },
      { indicator: '거래', unit: '원', target: 588_500_000_000, targetYear: '2025' },
    ],
  ],
  ['목표 after an arrow mark [real ocean-agriculture-fisheries p.40]', [item('도매시장 활성화를 위한 출하장려금 등 지급 ▹ 목표 105억원')], [{ indicator: '출하장려금 지급', unit: '원', target: 10_500_000_000, targetYear: '2027' }]],
  ['목표 in brackets [real ocean-agriculture-fisheries p.41]', [item('도매시장 신뢰도 제고▹안전성검사(목표 1,020건 이상), 등급표시(주1회)')], [{ indicator: '안전성검사', unit: '건', target: 1020, targetYear: '2027' }]],
  ['the same target stated twice is one target; each figure of the list keeps its year [real women-family p.25, p.34]', [item('설치 목표 : 75개소(‘25년) → 80개소(‘26년) ※ ‘24년 68개소', 1, '-'), item('다함께돌봄센터 7개소 추가 설치(‘25년 75개소 목표)', 0, 'ㅇ')], [
    { indicator: '설치', unit: '개소', target: 75, targetYear: '2025' },
    { indicator: '설치', unit: '개소', target: 80, targetYear: '2026' },
  ]],
  ['a 목표 list with a year on each figure [written Gimhae report]', [item('확충 목표 : 42개소(2025년) → 48개소(2026년)', 1, '-')], [
    { indicator: '확충', unit: '개소', target: 42, targetYear: '2025' },
    { indicator: '확충', unit: '개소', target: 48, targetYear: '2026' },
  ]],
  ['a weight in 천톤 keeps its printed unit [written Gimhae report]', [item('2025년 목표 : 음식물류 폐기물 재활용량 52.5천톤', 0, '-')], [{ indicator: '재활용량', unit: '천톤', target: 52.5, targetYear: '2025' }]],
  ['a percentage reached by a year: 까지 N% 달성 [written MAFRA plan line 34]', [item('시설원예 스마트팜 보급률 2027년까지 20% 달성', 0, '-')], [{ indicator: '시설원예 스마트팜 보급률', unit: '%', target: 20, targetYear: '2027' }]],
  ['a percentage reached by a year: 까지 N% 이상으로 확대, the current share is no target [real transport-innovation p.26]', [item('(목표) 전기버스 비중(25%)을 ‘26년까지 40% 이상으로 확대', 0, '-')], [{ indicator: '전기버스 비중', unit: '%', target: 40, targetYear: '2026' }]],
  ['N억원 조성 목표(period, as-of actual) [real tourism-mice p.22]', [item('100억원 조성 목표(‘21.~’25. ’24년말 기준 61억), 기금 활용 관광업체 역량 강화 지원 등', 1, '-')], [{ indicator: '(목표)', unit: '원', target: 10_000_000_000, targetYear: '2025', actual: 6_100_000_000, actualPeriod: '2024' }]],
  ['기금 N억원 조성 목표 with an as-of actual [written Gimhae report]', [item('농어촌진흥기금 50억원 조성 목표(2022~2026년, 2024년말 기준 32억원)', 0, '-')], [{ indicator: '농어촌진흥기금', unit: '원', target: 5_000_000_000, targetYear: '2026', actual: 3_200_000_000, actualPeriod: '2024' }]],
  ['an actual with its 달성률 against the plan printed earlier in the section [real citizen-health p.39]', [heading('외국어메뉴판 지원사업'), item('AI OCR 기술기반 QR코드 활용 음식점 외국어 메뉴판 지원(2,000개소)', 0, '-'), item('’24.10.~12. : 지원사업 선정 음식점 현장조사, 중간보고회 개최외국어메뉴판 지원 대상 음식점 2,070개소 선정(달성률 103.5%)', 0, '-')], [{ category: '외국어메뉴판 지원사업', indicator: '개최외국어메뉴판 지원 대상 음식점', unit: '개소', target: 2000, targetYear: '2024', actual: 2070, actualPeriod: '2024' }]],
  ['an actual with its 달성률 against the plan [written Gimhae report line 30]', [heading('5. 경로당 냉난방기 교체'), item('사업내용 : 노후 경로당 냉난방기 교체 지원(620개소)', 0, '-'), item('2024년 추진실적 : 냉난방기 교체 651개소 완료(달성률 105.0%)', 0, '-')], [{ category: '5. 경로당 냉난방기 교체', indicator: '냉난방기 교체', unit: '개소', target: 620, targetYear: '2024', actual: 651, actualPeriod: '2024' }]],
  ['a target and its actual in one sentence, the actual confirmed by its 달성률 (54/50 = 108%) [written Changwon press line 23]', [item('공유주차장 : ’24년 개방 목표 50개소에 대해 54개소 개방(달성률 108%)', 0, '-')], [{ indicator: '개방', unit: '개소', target: 50, targetYear: '2024', actual: 54, actualPeriod: '2024' }]],
  ['a rate that confirms no count leaves the target without an actual (54/50 is not 120%)', [item('공유주차장 : ’24년 개방 목표 50개소에 대해 54개소 개방(달성률 120%)', 0, '-')], [{ indicator: '개방', unit: '개소', target: 50, targetYear: '2024' }]],
  ['달성을 목표 after the figure [written skills plan line 12]', [item('2027년까지 취업률 70% 달성을 목표로 과정 품질관리 강화', 1, '-')], [{ indicator: '취업률', unit: '%', target: 70, targetYear: '2027' }]],
  ["까지 누적 before a figure is the actual to date [written skills plan line 14]", [item("2027년까지 디지털 인재 100만명 양성 목표 중 '23년까지 누적 42.6만명 양성")], [{ indicator: '디지털 인재', unit: '명', target: 1_000_000, targetYear: '2027', actual: 426_000, actualPeriod: '2023' }]],
  ['까지 누적 with 달성을 목표 [written Cheongju plan line 22]', [item('2030년까지 전기차 누적 보급 3만대 달성을 목표로 하며, 2024년까지 누적 8,220대 보급')], [{ indicator: '전기차 누적 보급', unit: '대', target: 30_000, targetYear: '2030', actual: 8220, actualPeriod: '2024' }]],
  ['a 목표 list in hectares and households [written Yangpyeong report line 18]', [item('2025년 목표 : 친환경 인증면적 1,010ha, 인증농가 1,250호')], [
    { indicator: '인증면적', unit: 'ha', target: 1010, targetYear: '2025' },
    { indicator: '인증농가', unit: '호', target: 1250, targetYear: '2025' },
  ]],
  // Not targets.
  ['a numbered list of means with no figure is not a target line (the sample plan’s footnote)', [note2('① 기업성장 혁신 : 혁신기업 육성, 자유응모 방식, 프로그램형 지원')], []],
  ['an achievement ratio alone is not a target [real ocean-agriculture-fisheries p.40]', [note2('2024년 실적 : 물량 329천톤(목표 대비 94%)')], []],
  ['a rate reached is not a target [real women-family p.7]', [para('부산형 공보육 이용률 48% 달성')], []],
  ['a growth rate by a year is not a level: 까지 N% 확대', [item('2027년까지 수출액 20% 확대', 0, '-')], []],
  ['a rise against a base by a year is not a level: 대비 N% 달성', [item('2027년까지 2020년 대비 온실가스 30% 감축 달성', 0, '-')], []],
  ['a year in brackets before a figure is not a list year: the figures are a series, not targets', [item("설치 목표 : ('24) 70 → ('25) 75개소", 0, '-')], []],
  ['a figure after ※ is not part of the 목표 list', [item('설치 목표 : 75개소(‘25년) ※ ‘24년 68개소', 0, '-')], [{ indicator: '설치', unit: '개소', target: 75, targetYear: '2025' }]],
  ['a goal name after a figure is no target: N개 전략 목표', [item('3개 전략 목표와 12개 과제를 선정(2024년말 기준 8개 완료)', 0, '-')], []],
  ['an as-of figure without a target is no actual nor target', [item('2024년말 기준 등록 관광사업체 1,240개소', 0, '-')], []],
  ['a 달성률 that no earlier count gives is no target', [heading('돌봄'), item('돌봄센터 확충(620개소)', 0, '-'), item('2024년 651개소 완료(달성률 98.0%)', 0, '-')], []],
  ['a 달성률 that two earlier counts could give is no target', [heading('돌봄'), item('신규(200개소), 기존(200개소)', 0, '-'), item('2024년 210개소 완료(달성률 105.0%)', 0, '-')], []],
  ['a plan under another heading is not measured against', [heading('돌봄'), item('돌봄센터 확충(620개소)', 0, '-'), heading('경로당'), item('2024년 651개소 완료(달성률 105.0%)', 0, '-')], []],
  ['counts other than weights are scaled: 만명 is 명', [item('2025년 목표 : 방문객 120만명', 0, '-')], [{ indicator: '방문객', unit: '명', target: 1_200_000, targetYear: '2025' }]],
];

function note2(text: string): Block {
  return { type: 'note', marker: '*', text, source: { file: 'test.txt', line: 900, text } };
}

describe('extractProseTargets', () => {
  it.each(TARGETS)('%s', (_name, blocks, expected) => {
    const got = extractProseTargets(blocks, { targetYear: '2027' }).targets.map((t) => {
      const o: T = { indicator: t.indicator, unit: t.unit, target: t.target.value };
      if (t.targetYear) o.targetYear = t.targetYear;
      if (t.actual) o.actual = t.actual.value;
      if (t.actualPeriod) o.actualPeriod = t.actualPeriod;
      if (t.category !== '(목표)') o.category = t.category;
      return o;
    });
    expect(got).toEqual(expected.map((e) => ({ ...e })));
  });

  it('an unreadable item of a target line is a warning with its text', () => {
    const r = extractProseTargets([para('■ 혁신 ① 스마트공장 보급 : 3만개, ② 연구인력 : 대폭 확대')]);
    expect(r.targets.map((t) => [t.indicator, t.target.value])).toEqual([['스마트공장 보급', 30_000]]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([['warning', 'target-unreadable', 'target "연구인력 : 대폭 확대" has no figure that could be read']]);
  });
});

describe('extractProseFigures: claims, series and targets of one layout', () => {
  it('reads all three from the same blocks', async () => {
    const { extractProseFigures } = await import('../../src/extract/prose-figures.js');
    const r = extractProseFigures([para("매출 ('23) 100억원 → ('24) 120억원(20% 증가)"), para('2027년까지 매출 200억원 (목표)')], { year: '2024' });
    expect(r.claims.map((c) => c.kind)).toEqual(['growth']);
    expect(r.series.map((s) => s.points.map((p) => p.value))).toEqual([[10_000_000_000, 12_000_000_000]]);
    expect(r.targets.map((t) => [t.target.value, t.targetYear])).toEqual([[20_000_000_000, '2027']]);
  });
});

describe('goal names are not targets', () => {
  it('`4대 전략목표 14개 이행과제` states no target', async () => {
    const { extractProseTargets } = await import('../../src/extract/prose-targets.js');
    const blocks = [{ type: 'paragraph' as const, text: '4대 전략목표 14개 이행과제', source: { file: 'g.txt', line: 1, text: '4대 전략목표 14개 이행과제' } }];
    expect(extractProseTargets(blocks).targets).toEqual([]);
  });
});

describe('changePairs: a change printed with an arrow and no periods', () => {
  it.each([
    // report-busan-transport-innovation-2025.pdf p.7
    ['배차시스템 도입으로 대기시간 단축( 21분→ 17분), 임산부 콜택시 지원금 상향', [['대기시간', '분', 21, 17]]],
    ['( 월 2만원→ 월 4만원), 다인승 두리발 전국운행 시범 개시', [['', '원', 20_000, 40_000]]],
    // report-busan-women-family-2025.pdf p.6: two changes in one bracket; the first figure takes the second's unit.
    ['주거지원 연장(출산→임신·출산), 지원대상(소득 8천만원→1.3억원, 보증금 3→4억원)', [['지원대상 소득', '원', 80_000_000, 130_000_000], ['지원대상 보증금', '원', 300_000_000, 400_000_000]]],
    ['아동급식 지원 강화(1식 8→9천원), 자립준비청년자립정착금(1천만원)', [['아동급식 지원', '원', 8_000, 9_000]]],
    ['청소년쉼터 퇴소 청소년 자립수당 지급 기간 확대(36→60개월)', [['자립수당 지급 기간', '개월', 36, 60]]],
    // report-busan-citizen-health-2025.pdf p.22
    ['취약시간대(22시~01시) 공공심야약국 통합‧확대 운영(14 → 15개소)', [['공공심야약국', '개소', 14, 15]]],
    // program-sheet-mohw-livelihood-benefit-2024.pdf p.3: the name before a colon
    ['주거용 재산의 소득환산율 완화 : 4.17% → 1.04%(’13.1.1 시행)', [['주거용 재산의 소득환산율', '%', 4.17, 1.04]]],
    // fixtures/corpus/daejeon-economy-science-work-plan-2025.md line 42: ages written 만 N세.
    ['장학금 지원 확대(1인당 300→400만원), 대상 연령 상향(만 29세 → 만 34세)', [['장학금 지원', '원', 3_000_000, 4_000_000], ['대상 연령', '세', 29, 34]]],
    // written: a 청년 정책 age limit lowered, the 세 taking a particle.
    ['창업 지원 연령 조정(만 45세 → 만 39세까지)', [['창업 지원 연령', '세', 45, 39]]],
    ['정류소․운행횟수확대및운행시간연장(6억→8억)', [['정류소․운행횟수확대및운행시간', '원', 600_000_000, 800_000_000]]],
  ])('%s', (text, expected) => {
    expect(changePairs(text).map((p) => [p.indicator, p.unit, p.from, p.to])).toEqual(expected);
  });
  it.each([
    // report-busan-citizen-health-2025.pdf p.32: the reader lost the decimals (`858.41억` printed as `858. 억`).
    ['’24. 3. : 한도액 변경(증 78. 억 원, 780억→ 858. 억)'],
    // program-sheet-mohw-livelihood-benefit-2024.pdf p.3: ranges on both sides.
    ['(기본재산공제액) 3500만~6900만 → 5300만~9900만 / (주거용재산) 5200만~120백만원 → 112백만원~172백만원'],
    ['(3~6%→6~15%)'],
    // 만 without 원 counts people as often as money.
    ['(중소도시) 6800만→9000만'],
    // no unit on either side; a ratio; years (read as a dated sequence elsewhere).
    ['출산율 감소에 따라 한부모 가구는 매년 감소( 122,595→ 114,534)'],
    ['(1:3→1:2)'],
    // 세 starting another word is no age.
    ['(30→45세대)'.replace('세대', '세입')],
    ["('23) 320 → ('24) 760개"],
    ['2023년 46% → 2024년 48%'],
    // letters after the figure that are no unit
    ['(3월부터 780→1,040원으로 인상)'.replace('780', '7월→8')],
  ])('nothing read from %s', (text) => {
    expect(changePairs(text)).toEqual([]);
  });
  it('a block with such a change gives a series with the periods before and after', () => {
    const f = extractProseSeries([item('AI·IoT기반 어르신 건강관리서비스 확대 운영(11개구 → 15개구)')]);
    expect(f.series.map((s) => [s.indicator, s.unit, s.points.map((p) => [p.period, p.value])])).toEqual([
      ['AI·IoT기반 어르신 건강관리서비스', '개구', [['before', 11], ['after', 15]]],
    ]);
  });
});

describe('yearAfterPairs: each figure followed by its year in brackets, joined by an arrow', () => {
  it.each([
    // report-busan-women-family-2025.pdf p.25
    ['설치 목표 : 75개소(‘25년) → 80개소(‘26년) ※ ‘24년 68개소', [['개소', '2025', 75, '2026', 80]]],
    // written: a 시 보급률 goal in the 2-digit year form without 년
    ['보급률 61%(’23) ⇒ 70%(’25)', [['%', '2023', 61, '2025', 70]]],
    // written: four-digit years
    ['공공 어린이집 120개소(2024년) → 135개소(2026년)', [['개소', '2024', 120, '2026', 135]]],
  ])('%s', (text, expected) => {
    expect(yearAfterPairs(text).map((p) => [p.unit, p.from.period, p.from.value, p.to.period, p.to.value])).toEqual(expected);
  });
  it.each([
    ['75개소(‘25년) → 80명(‘26년)'],
    ['80개소(‘26년) → 75개소(‘25년)'],
    ['75개소(‘25년), 80개소(‘26년)'],
    ['75(‘25년) → 80(‘26년)'],
  ])('nothing read from %s', (text) => {
    expect(yearAfterPairs(text)).toEqual([]);
  });
});
