// Prose claims, rule-tester style: each case is literal blocks and the claim (or
// the check verdict) worked out by hand. Sentences marked [real …] were read off
// the published document named (../shared/real/), page given; the rest are written.

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/claims.js';
import { runChecks } from '../../src/commands/check.js';
import { emptyDocument, type Claim } from '../../src/model/types.js';
import type { Block } from '../../src/layout/types.js';
import { heading, item, note, para, table } from './blocks.js';

/** The parts of a claim a case states: kind, stated value, operand values, resolution, ambiguity. */
function shape(c: Claim): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: c.kind };
  if ('stated' in c) out.stated = c.stated.value;
  if (c.kind === 'growth' || c.kind === 'points' || c.kind === 'multiple') {
    out.from = c.from.value;
    out.to = c.to.value;
  }
  if (c.kind === 'share' || c.kind === 'rate' || c.kind === 'achievement' || c.kind === 'ratio') {
    out.numerator = c.numerator.value;
    out.denominator = c.denominator.value;
  }
  if (c.kind === 'sum') {
    out.total = c.total.value;
    out.parts = c.parts.map((p) => p.amount.value);
  }
  if (c.kind === 'count') out.items = c.items.length;
  out.resolution = c.resolution;
  out.ambiguous = c.ambiguous !== undefined;
  return out;
}

const same = { resolution: 'same-sentence', ambiguous: false };

const FOUND: [string, Block[], Record<string, unknown>[]][] = [
  // Growth: the base is the figure before 대비, the new value the other one — never the same figure twice.
  ['growth, base in brackets before 대비', [para('2025년 예산 14,800백만원은 전년(13,500백만원) 대비 9.6% 증가')], [{ kind: 'growth', stated: 9.6, from: 13_500_000_000, to: 14_800_000_000, ...same }]],
  ['growth, 에서 … 로', [para('매출액은 2023년 120억원에서 2024년 150억원으로 25% 증가하였다.')], [{ kind: 'growth', stated: 25, from: 12_000_000_000, to: 15_000_000_000, ...same }]],
  ['growth, arrow with the change in brackets', [para("수출액 ('23) 50억원 → ('24) 60억원(20% 증가)")], [{ kind: 'growth', stated: 20, from: 5_000_000_000, to: 6_000_000_000, ...same }]],
  ['growth, a fall is negative', [item('방문객 ’23년 1,250명 → ’24년 1,000명으로 20% 감소')], [{ kind: 'growth', stated: -20, from: 1250, to: 1000, ...same }]],
  ['growth, 증가율 before the figure', [para('참여기업은 2023년 40개사, 2024년 50개사로 증가율 25%')], [{ kind: 'growth', stated: 25, from: 40, to: 50, ...same }]],
  ['growth, ↑ after the figure, bare numbers take the unit across the arrow', [item('대도시 9,500→13,300만원(40%↑)')], [{ kind: 'growth', stated: 40, from: 95_000_000, to: 133_000_000, ...same }]],
  [
    'growth, the new value in the block above (the sample report’s two-line form)',
    [para('□ 2020년 예산 규모 : 26,507,677천원 (2회추경 기준)'), note('2019년 2회추경 예산 규모 (12,853,628천원) 대비 48% 상승')],
    [{ kind: 'growth', stated: 48, from: 12_853_628_000, to: 26_507_677_000, resolution: 'previous-block', ambiguous: false }],
  ],
  [
    'growth, the earlier value from the table above (cell left of 1,380)',
    [table([['구분', '2023년', '2024년'], ['매출액', '1,200', '1,380']], { unit: '백만원' }), para('2024년 매출액은 1,380백만원으로 전년 대비 15% 증가')],
    [{ kind: 'growth', stated: 15, from: 1_200_000_000, to: 1_380_000_000, resolution: 'table', ambiguous: false }],
  ],
  [
    'growth naming two years and no figures: the one amount row of the year table above (the sample report’s 165%)',
    [
      table([['구 분', '2017년', '2018년', '2019년', '2020년'], ['건 수', '6', '4', '9', '28'], ['총사업비', '2,200,000', '1,000,000', '15,900,000', '42,273,000']], { unit: '천원' }),
      table([['번호', '사업명', '사업비(천원)'], ['합 계', '', '42,273,000']], { unit: '천원' }),
      note('신규사업 확보액(2020년 6월 말 기준) : 2019년 12월 대비 165% 상승'),
    ],
    [{ kind: 'growth', stated: 165, from: 15_900_000_000, to: 42_273_000_000, resolution: 'table', ambiguous: true }],
  ],
  [
    'growth naming two years and a row label of the year table above',
    [table([['구분', '2022년', '2023년'], ['참여기업', '40', '52'], ['교육생', '300', '330']]), para('참여기업은 2022년 대비 2023년에 30% 증가하였다.')],
    [{ kind: 'growth', stated: 30, from: 40, to: 52, resolution: 'table', ambiguous: false }],
  ],
  [
    'growth, the earlier value from the table above, its new year a proposal column `2025(안)` (cell left of 1,150)',
    [table([['구분', '2024', '2025(안)'], ['예산', '1,000', '1,150']], { unit: '백만원' }), para('2025년 예산(안)은 1,150백만원으로 전년 대비 15% 증가')],
    [{ kind: 'growth', stated: 15, from: 1_000_000_000, to: 1_150_000_000, resolution: 'table', ambiguous: false }],
  ],
  [
    'growth naming two years, the year table above headed `’24` and `2025(안)`',
    [table([['구분', '’24', '2025(안)'], ['참여기업', '40', '52'], ['교육생', '300', '330']]), para('참여기업은 2024년 대비 2025년에 30% 증가할 계획이다.')],
    [{ kind: 'growth', stated: 30, from: 40, to: 52, resolution: 'table', ambiguous: false }],
  ],
  // Percentage points.
  ['points, arrow between years [real women-family p.7, reading order]', [item('부산형 공보육 이용률 (’23년) 46% → (‘24년) 48%로 2%p 상승')], [{ kind: 'points', stated: 2, from: 46, to: 48, ...same }]],
  ['points, a fall', [para('실업률은 4.1%에서 3.6%로 0.5%p 하락')], [{ kind: 'points', stated: -0.5, from: 4.1, to: 3.6, ...same }]],
  ['points spelled %포인트, a fall said 떨어졌다 (a press release)', [item('체납률은 2023년 3.8%에서 2024년 2.9%로 0.9%포인트 떨어졌다.', 0, 'ㅇ')], [{ kind: 'points', stated: -0.9, from: 3.8, to: 2.9, ...same }]],
  ['points, a rise said 높아졌다', [para('만족도는 80.1%에서 83.4%로 3.3%포인트 높아졌다.')], [{ kind: 'points', stated: 3.3, from: 80.1, to: 83.4, ...same }]],
  ['growth, a fall said 낮아졌다', [para('이용 요금은 2023년 4,000원에서 2024년 3,000원으로 25% 낮아졌다.')], [{ kind: 'growth', stated: -25, from: 4000, to: 3000, ...same }]],
  // Multiples.
  ['multiple', [para('투자유치액은 120억원에서 360억원으로 3배 증가')], [{ kind: 'multiple', stated: 3, from: 12_000_000_000, to: 36_000_000_000, ...same }]],
  // Shares.
  [
    'shares in brackets after parts of a named total',
    [para('총 120개사 중 제조업 70개사(58.3%), 서비스업 50개사(41.7%)')],
    [
      { kind: 'share', stated: 58.3, numerator: 70, denominator: 120, ...same },
      { kind: 'share', stated: 41.7, numerator: 50, denominator: 120, ...same },
    ],
  ],
  ['share with 차지', [para('전체 예산 5,000억원 중 R&D 예산은 1,200억원으로 24%를 차지')], [{ kind: 'share', stated: 24, numerator: 120_000_000_000, denominator: 500_000_000_000, ...same }]],
  ['share written as a ratio', [para('전환율 56%(271개/485개)')], [{ kind: 'share', stated: 56, numerator: 271, denominator: 485, ...same }]],
  // Sums.
  ['sum, bare parts take the total’s unit', [para('총 120개사(제조 70, 서비스 50) 선정')], [{ kind: 'sum', total: 120, parts: [70, 50], ...same }]],
  ['sum, parts with thousands separators and 해외 (not the word 외)', [para('참여자는 총 3,250명(공익형 2,100, 사회서비스형 750, 해외 400)이다.')], [{ kind: 'sum', total: 3250, parts: [2100, 750, 400], ...same }]],
  ['sum in 억원 [real finance-startup p.14]', [item('중소·벤처기업 인재 양성 청년 일자리 지원 ▸ 0.7억원(국 0.3, 시 0.4)')], [{ kind: 'sum', total: 70_000_000, parts: [30_000_000, 40_000_000], ...same }]],
  // Execution rate and achievement.
  ['execution rate in prose', [para('예산 1,200백만원 중 960백만원을 집행하여 집행률 80.0%')], [{ kind: 'rate', stated: 80, numerator: 960_000_000, denominator: 1_200_000_000, ...same }]],
  [
    'execution rate against the total row of the budget table above',
    [table([['구분', '예산액', '집행액', '잔액'], ['계', '26,507,677', '4,178,057', '22,329,620'], ['가 사업', '2,094,000', '200,307', '1,893,693']], { unit: '천원' }), para('상반기 전체 집행률은 15.8%이다.')],
    [{ kind: 'rate', stated: 15.8, numerator: 4_178_057_000, denominator: 26_507_677_000, resolution: 'table', ambiguous: false }],
  ],
  [
    'execution rate against the row the sentence names',
    [table([['구분', '예산액', '집행액', '잔액'], ['계', '26,507,677', '4,178,057', '22,329,620'], ['가 사업', '2,094,000', '200,307', '1,893,693']], { unit: '천원' }), para('가 사업의 집행률은 9.6%로 저조하다.')],
    [{ kind: 'rate', stated: 9.6, numerator: 200_307_000, denominator: 2_094_000_000, resolution: 'table', ambiguous: false }],
  ],
  ['achievement, target and actual in one sentence', [para('목표 50건, 실적 45건 (달성률 90%)')], [{ kind: 'achievement', stated: 90, numerator: 45, denominator: 50, ...same }]],
  [
    'achievement, target in a list item above [real citizen-health p.39]',
    [item('AI OCR 기술기반 QR코드 활용 음식점 외국어 메뉴판 지원(2,000개소)', 1, '-'), item('외국어메뉴판 지원 대상 음식점 2,070개소 선정(달성률 103.5%)', 0, '❍')],
    [{ kind: 'achievement', stated: 103.5, numerator: 2070, denominator: 2000, resolution: 'previous-block', ambiguous: true }],
  ],
  // Counts.
  ['count of items in brackets', [para('3개 분야(AI·반도체·바이오) 집중 지원')], [{ kind: 'count', stated: 3, items: 3, ...same }]],
  ['count after a colon', [para('우수사례 2건: 스마트 돌봄, 공유 주차')], [{ kind: 'count', stated: 2, items: 2, ...same }]],
  ['count with commas and middle dots: the reading that gives the count', [para('4개 분야(교육·훈련, 고용·복지) 지원')], [{ kind: 'count', stated: 4, items: 4, ...same }]],
  ['count with commas and middle dots: neither reading fits, so ambiguous', [para('5개 분야(교육·훈련, 고용·복지) 지원')], [{ kind: 'count', stated: 5, items: 2, resolution: 'same-sentence', ambiguous: true }]],
  ['count of the list items below', [item('신규 과제(3건)'), item('가 과제', 1), item('나 과제', 1), item('다 과제', 1), item('다음 항목')], [{ kind: 'count', stated: 3, items: 3, resolution: 'next-blocks', ambiguous: true }]],
  ['count announced with a colon', [para('우수사례 2건:'), item('스마트 돌봄', 1, '-'), item('공유 주차', 1, '-')], [{ kind: 'count', stated: 2, items: 2, resolution: 'next-blocks', ambiguous: true }]],
  // The count is searched for at the text's last digits: spaces, a full-width bracket and colon, other figures before it.
  ['count in a spaced bracket after other figures', [item('2024년 예산 1,200억원 중 신규 과제 ( 12 건 ) :'), ...'가나다라마바사아자차카타'.split('').map((c) => item(`${c} 과제`, 1))], [{ kind: 'count', stated: 12, items: 12, resolution: 'next-blocks', ambiguous: true }]],
  ['count in full-width brackets', [item('신규 과제（3건）'), item('가 과제', 1), item('나 과제', 1), item('다 과제', 1)], [{ kind: 'count', stated: 3, items: 3, resolution: 'next-blocks', ambiguous: true }]],
];

describe('extractClaims: claims found, with their operands and how they were resolved', () => {
  it.each(FOUND)('%s', (_name, blocks, expected) => {
    expect(extractClaims(blocks).claims.map(shape)).toEqual(expected);
  });
});

/** Sentences that state no checkable claim: nothing may be extracted from them. */
const NONE: [string, Block[]][] = [
  ['a partial list (확보) is not a breakdown [real finance-startup p.13]', [item('사 업 비: 총290억원(국비 75억, 시비 30억 확보)', 1, '-')]],
  ['a list ending in 등 is not a breakdown', [para('총 50억원(국비 20억, 시비 10억 등)')]],
  ['a rate reached is not a growth claim [real women-family p.7]', [para('부산형 공보육 이용률 48% 달성')]],
  ['survey shares without a whole [real transport p.7]', [item('동백패스 이용 후 대중교통 이용 증가(76.5%) 및 대중교통 활성화에 도움(93%)', 1, '✔')]],
  ['counts in brackets without items [real women-family p.6]', [item('가족서비스 인프라 확충을 위한 가족센터 건립 추진(6개소) 및 운영 지원(12개소)', 0, 'ㅇ')]],
  ['a before → after list with no stated change [real livelihood-benefit p.3]', [item('부양의무자 재산환산율(4.17% → 2.08%) 완화(‘19.9월)', 0, '-')]],
  ['a cumulative count beside an addition [real transport p.7]', [item('(특별교통수단) 두리발 14대 도입(누계 222대) 법정대수(221대) 상회', 0, 'ㅇ')]],
  ['a share of a whole whose part is not printed [real finance-startup p.12]', [note('전국 5.4조원 중 2.5%만 부산에 투자', '*')]],
  ['a funding share of one amount', [para('사 업 비 : 34백만원(시비 100%)')]],
  ['numbers of several cells are never run together', [para('221,916 271,555 342,620')]],
  ['a bracket of comparisons is not a breakdown', [para('2025년 예산 1,200억원(전년 1,000억원, 당초 900억원)')]],
  ['a bracket listing what another count counts', [para('4대 분야 12개 과제(교육, 고용, 복지, 주거) 추진')]],
  ['a compound annual rate is not the growth of one pair', [para("예산 ('23) 1,000억원 → ('24) 1,100억원 → ('25) 1,320억원으로 연평균 14.9% 증가")]],
  ['a lower bound is not a checkable multiple', [para('수출액은 50억원에서 130억원으로 2배 이상 증가')]],
  ['an estimate is not a checkable growth', [para('방문객은 2023년 100만명에서 2024년 130만명으로 약 20% 증가')]],
  ['a count of three digits does not announce a list', [para('우수사례 120건:'), item('스마트 돌봄', 1, '-'), item('공유 주차', 1, '-')]],
  ['an output count ending an activity line does not count the lines below it (the sample report’s form)', [item('SW/ICT 창의인재 양성 교육 38건', 0, '-'), item('코딩 교육 (상반기)', 1, '·'), item('AI 캠프 (하반기)', 1, '·')]],
  ['a bracketed head count is not a list count [real tourism-mice p.23]', [para('ㅇ (인적자원 확보) 혁신 MICE 미래인재 육성 프로젝트(25명), 영마이스단 운영(20명)'), item('국제회의 유치 / 개최 / 협력 강화', 1, '◇'), item('(국제회의 유치·개최 고도화) 주요 국제회의·전시회 맞춤형 유치전략 마련', 1, '□')]],
  ['공판장 2개(국제 2개, 연근해 2개): parts as large as the total are not its breakdown [real ocean-agriculture-fisheries p.42]', [para('◈ 시장운영: 도매시장법인 2개, 공판장 2개(국제수산물 2개, 연근해수산물 2개)')]],
  ['a 배수 of candidates is not a multiple of change (the sample plan’s form)', [item('* 16개 창경센터에서 384개(1.2배수) 추천 → 최종 평가 거쳐 320개 지원 확정', 0, '-')]],
];

describe('extractClaims: no claim where none is stated', () => {
  it.each(NONE)('%s', (_name, blocks) => {
    expect(extractClaims(blocks).claims).toEqual([]);
  });
});

describe('extractClaims: unresolved claims are info diagnostics, not guesses', () => {
  it.each([
    ['a growth claim with one figure and nothing above', [para('매출액은 전년 대비 12% 증가')], 'growth claim of 12%'],
  ['figures of the next clause are not this claim’s (a corpus work report)', [item('2024년 사업비는 전년 대비 7.8% 증가하였으며 지원마을은 44개소에서 51개소로 확대', 1, '◦')], 'growth claim of 7.8%'],
    [
      'an achievement against a target of another year [real ocean-agriculture-fisheries p.40]',
      [para('◇ 2025년도 거래목표 : 338천톤, 5,885억원'), note('2024년 실적 : 물량 329천톤(목표 대비 94%)', '*')],
      'achievement of 94%',
    ],
    [
      'a target under an item of another year is of that year too [real ocean-agriculture-fisheries p.40]',
      [item('2025년도 거래목표 : 338천톤, 5,885억원', 1, '◇'), item('거래물량 : 338천톤(3년 평균 물량)', 4, '○'), note('2024년 실적 : 물량 329천톤(목표 대비 94%)', '*')],
      'achievement of 94%',
    ],
  ] as [string, Block[], string][])('%s', (_name, blocks, what) => {
    const r = extractClaims(blocks);
    expect(r.claims).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([['info', 'claim-unresolved', `${what} names no figures it could be checked against`]]);
  });
});

/** Extract, then check: the verdict of `check` on a document made of these blocks. */
function verdicts(blocks: Block[], moneyUnit = '원') {
  const doc = emptyDocument('test.txt', 'regional-report', 'test');
  doc.moneyUnit = moneyUnit;
  doc.claims = extractClaims(blocks).claims;
  return runChecks(doc, []).findings.map((f) => [f.severity, f.code, f.stated, f.computed]);
}

// Each expected computed value worked out by hand from the printed figures.
const CORRECT: [string, Block[], [string, number][]][] = [
  // (14,800 − 13,500) / 13,500 = 9.63% → 9.6 ✓ (the review case that once compared a figure with itself)
  ['9.6% from 13,500 to 14,800 백만원', [para('2025년 예산 14,800백만원은 전년(13,500백만원) 대비 9.6% 증가')], [['growth', 9.6]]],
  // 150/120 − 1 = 25%
  ['25% from 120 to 150억원', [para('매출액은 2023년 120억원에서 2024년 150억원으로 25% 증가하였다.')], [['growth', 25]]],
  // 60/50 − 1 = 20%
  ['20% from 50 to 60억원', [para("수출액 ('23) 50억원 → ('24) 60억원(20% 증가)")], [['growth', 20]]],
  // 13,300/9,500 − 1 = 40%
  ['40%↑ from 9,500 to 13,300만원', [item('대도시 9,500→13,300만원(40%↑)')], [['growth', 40]]],
  // 48 − 46 = 2
  ['2%p from 46% to 48%', [item('부산형 공보육 이용률 (’23년) 46% → (‘24년) 48%로 2%p 상승')], [['points', 2]]],
  // 70/120 = 58.33%, 50/120 = 41.67%
  ['58.3% and 41.7% of 120', [para('총 120개사 중 제조업 70개사(58.3%), 서비스업 50개사(41.7%)')], [['share', 58.3], ['share', 41.7]]],
  // 0.3 + 0.4 = 0.7
  ['0.7억원 = 0.3 + 0.4', [item('중소·벤처기업 인재 양성 청년 일자리 지원 ▸ 0.7억원(국 0.3, 시 0.4)')], [['sum', 70_000_000]]],
  // 2,070 / 2,000 = 103.5%
  ['103.5% of 2,000개소', [item('음식점 외국어 메뉴판 지원(2,000개소)', 1, '-'), item('외국어메뉴판 지원 대상 음식점 2,070개소 선정(달성률 103.5%)')], [['achievement', 103.5]]],
  // 1,380/1,200 − 1 = 15%
  ['15% from the table', [table([['구분', '2023년', '2024년'], ['매출액', '1,200', '1,380']], { unit: '백만원' }), para('2024년 매출액은 1,380백만원으로 전년 대비 15% 증가')], [['growth', 15]]],
  // 271/485 = 55.88% → 56 ✓
  ['56% of 485', [para('전환율 56%(271개/485개)')], [['share', 56]]],
  // 4,178,057 / 26,507,677 = 15.76% → 15.8 ✓ (the table's own total row)
  ['15.8% against the table total', [table([['구분', '예산액', '집행액'], ['계', '26,507,677', '4,178,057']], { unit: '천원' }), para('상반기 전체 집행률은 15.8%이다.')], [['rate', 15.8]]],
  // 1,000/1,250 − 1 = −20%
  ['−20% from 1,250 to 1,000명', [item('방문객 ’23년 1,250명 → ’24년 1,000명으로 20% 감소')], [['growth', -20]]],
];

/** The kind and stated figure of each claim (a sum's total), and `check`'s tally over them. */
function recognised(blocks: Block[]) {
  const doc = emptyDocument('test.txt', 'regional-report', 'test');
  doc.claims = extractClaims(blocks).claims;
  const run = runChecks(doc, []);
  return {
    claims: doc.claims.map((c) => [c.kind, c.kind === 'sum' ? c.total.value : 'stated' in c ? c.stated.value : undefined]),
    findings: run.findings.map((f) => [f.severity, f.code]),
    checked: run.checked,
    passed: run.passed,
  };
}

describe('check on prose claims: correct claims are recognised (kind and stated figure), checked and consistent', () => {
  it.each(CORRECT)('%s', (_name, blocks, claims) => {
    // Every claim checked and passed: a claim that was not recognised, or not checked, fails here.
    expect(recognised(blocks)).toEqual({ claims, findings: [], checked: claims.length, passed: claims.length });
  });
});

const WRONG: [string, Block[], [string, string, number, number][]][] = [
  // (26,507,677 − 12,853,628) / 12,853,628 = 106.23%: the sample's wrong claim, resolved from the block above.
  ['48% stated, 106.23% computed', [para('□ 2020년 예산 규모 : 26,507,677천원 (2회추경 기준)'), note('2019년 2회추경 예산 규모 (12,853,628천원) 대비 48% 상승')], [['error', 'growth', 48, 106.23]]],
  // 150/120 − 1 = 25%, stated 35
  ['35% stated, 25% computed', [para('매출액은 2023년 120억원에서 2024년 150억원으로 35% 증가하였다.')], [['error', 'growth', 35, 25]]],
  // 45.1 − 42.5 = 2.6 (±0.1 from the printed inputs), stated 3.2
  ['3.2%p stated, 2.6 computed', [para('고용률은 42.5%에서 45.1%로 3.2%p 상승')], [['error', 'points', 3.2, 2.6]]],
  // 2.9 − 3.8 = −0.9 (the range from the printed inputs is (−1.0, −0.8), open), stated −0.7: not a truncation of −0.8
  ['0.7%p 낮아졌다 stated, −0.9 computed', [item('수도요금 체납률은 2023년 3.8%에서 2024년 2.9%로 0.7%p 낮아졌다.', 0, 'ㅇ')], [['error', 'points', -0.7, -0.9]]],
  // 240/120 = 2, stated 3
  ['3배 stated, 2 computed', [para('투자유치액은 120억원에서 240억원으로 3배 증가')], [['error', 'multiple', 3, 2]]],
  // 70/120 = 58.33%, stated 60.5
  ['60.5% share stated, 58.33 computed', [para('총 120개사 중 제조업 70개사(60.5%)')], [['error', 'share', 60.5, 58.33]]],
  // 70 + 40 = 110, stated 120
  ['120 stated, parts 110', [para('총 120개사(제조 70, 서비스 40) 선정')], [['error', 'breakdown', 120, 110]]],
  // 900/1,200 = 75%, stated 80.0
  ['80.0% rate stated, 75 computed', [para('예산 1,200백만원 중 900백만원을 집행하여 집행률 80.0%')], [['error', 'rate', 80, 75]]],
  // 45/50 = 90%, stated 95
  ['95% achievement stated, 90 computed', [para('목표 50건, 실적 45건 (달성률 95%)')], [['error', 'achievement', 95, 90]]],
  // 200,307 / 2,094,000 = 9.57%, stated 12.0
  ['12.0% against the named row, 9.57 computed', [table([['구분', '예산액', '집행액'], ['계', '26,507,677', '4,178,057'], ['가 사업', '2,094,000', '200,307']], { unit: '천원' }), para('가 사업의 집행률은 12.0%로 저조하다.')], [['error', 'rate', 12, 9.57]]],
  // three items, stated 4
  ['4 stated, 3 listed', [para('4개 분야(AI·반도체·바이오) 집중 지원')], [['error', 'count', 4, 3]]],
  // Target from a block above: 2,070/2,000 = 103.5%, stated 110.0 → only a warning (the target was not named in the sentence).
  ['110.0% against a target found above: warning', [item('음식점 외국어 메뉴판 지원(2,000개소)', 1, '-'), item('지원 대상 음식점 2,070개소 선정(달성률 110.0%)')], [['warning', 'achievement', 110, 103.5]]],
];

describe('check on prose claims: wrong claims are errors, or warnings when the operands are ambiguous', () => {
  it.each(WRONG)('%s', (_name, blocks, expected) => {
    expect(verdicts(blocks)).toEqual(expected);
  });
});

describe('check: printed precision decides between consistent, info and error', () => {
  it.each([
    // 165.87% truncated to 165: info (the sample's 신규사업 claim).
    ['truncation is info', [para('확보액은 2019년 15,900,000천원에서 2020년 42,273,000천원으로 165% 상승')], [['info', 'growth', 165, 165.87]]],
    // 42,273,000 / 15,900,000 − 1 = 165.87% truncated to 165: info, from the year table (the sample report's claim).
    [
      'the sample’s 165% from its year table is info',
      [table([['구 분', '2019년', '2020년'], ['건 수', '9', '28'], ['총사업비', '15,900,000', '42,273,000']], { unit: '천원' }), note('신규사업 확보액(2020년 6월 말 기준) : 2019년 12월 대비 165% 상승')],
      [['info', 'growth', 165, 165.87]],
    ],
    // 3,300/3,000 − 1 = 10.0%; a stated 10% is the rounding.
    ['rounding is consistent', [para('인원은 3,000명에서 3,300명으로 10% 증가')], []],
    // 1,029/1,000 − 1 = 2.9% → 3% is a rounding up of 2.9 at 0 decimals: consistent (2.9 rounds to 3).
    ['rounding to fewer decimals is consistent', [para('이용자는 1,000명에서 1,029명으로 3% 증가')], []],
    // 1.2억 → 1.5억: 1.15–1.25 and 1.45–1.55 give 16%–34.8%; a stated 30% is within.
    ['coarse inputs widen the interval (1.2억 → 1.5억, 30%)', [para('사업비는 1.2억원에서 1.5억원으로 30% 증가')], []],
  ] as [string, Block[], unknown[]][])('%s', (_name, blocks, expected) => {
    expect(verdicts(blocks)).toEqual(expected);
  });
});

describe('check: operands and tolerance are on every finding', () => {
  it('names both figures with their lines, the resolution and the tolerance', () => {
    const blocks = [heading('예산'), para('□ 2020년 예산 규모 : 26,507,677천원', 51), note('2019년 예산 규모 (12,853,628천원) 대비 48% 상승', '※', 55)];
    const doc = emptyDocument('test.txt', 'regional-report', 'test');
    doc.moneyUnit = '천원';
    doc.claims = extractClaims(blocks).claims;
    const [f] = runChecks(doc, []).findings;
    expect(f!.operands!.map((o) => [o.role, o.value, o.source.line])).toEqual([
      ['to', 26_507_677_000, 51],
      ['from', 12_853_628_000, 55],
    ]);
    expect(f!.resolution).toBe('previous-block');
    // Half a step of the stated 48 (0.5) plus the half-width from ±500원 on each amount (≈0.000012).
    expect(f!.tolerance).toBeCloseTo(0.50001, 4);
    expect(f!.message).toContain('operands: to 26,507,677천원 (line 51), from 12,853,628천원 (line 55) [previous-block]; tolerance ±0.5');
  });

  it('a money figure of 1,000조원 or more (cells run together) is reported, never summed', () => {
    const doc = emptyDocument('test.txt', 'regional-report', 'test');
    const source = { file: 'test.txt', line: 3, text: '' };
    doc.budgetTotals = [{ label: '계', budget: { value: 221_916_271_555_342_620, unit: '원', source }, source }];
    doc.budgetLines = [{ program: 'A', normalizedName: 'A', budget: { value: 221_916_000, unit: '원', source }, source }];
    const findings = runChecks(doc, []).findings;
    expect(findings.map((f) => [f.severity, f.code])).toEqual([['warning', 'implausible-figure']]);
  });
});
