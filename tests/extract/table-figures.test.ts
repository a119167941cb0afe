// figuresFromTables: tables of valid and invalid cases. Each table below is
// written out by hand from a real page (cited) or, where the repository's real
// documents have no such table, in a shape common to Korean public documents.
// Every expected figure was read off the page or added up by hand.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresFromTables, readCellFigure, type TableFigures } from '../../src/extract/table-figures.js';
import { holdsFigure } from '../../src/extract/table-cells.js';
import { RowFigures } from '../../src/extract/table-rows.js';
import type { Block } from '../../src/layout/types.js';
import { readTextLayout } from '../../src/layout/text.js';
import { heading, layoutOf, table } from './table-helpers.js';

interface LineView {
  program: string;
  group?: string;
  budget?: number;
  executed?: number;
  remaining?: number;
  carriedOver?: number;
  unused?: number;
  disbursed?: number;
  year?: string;
  basis?: string;
}

function lineViews(f: TableFigures): LineView[] {
  return f.budgetLines.map((l) => {
    const v: LineView = { program: l.program };
    if (l.group) v.group = l.group;
    if (l.budget) v.budget = l.budget.value;
    if (l.executed) v.executed = l.executed.value;
    if (l.remaining) v.remaining = l.remaining.value;
    if (l.carriedOver) v.carriedOver = l.carriedOver.value;
    if (l.unused) v.unused = l.unused.value;
    if (l.disbursed) v.disbursed = l.disbursed.value;
    if (l.year) v.year = l.year;
    if (l.budgetBasis) v.basis = l.budgetBasis;
    return v;
  });
}

const totalViews = (f: TableFigures) => f.budgetTotals.map((t) => [t.label, t.group ?? null, t.budget?.value ?? null] as const);
const seriesViews = (f: TableFigures) => f.series.map((s) => [s.indicator, s.unit, s.points.map((p) => [p.period, p.value, p.flags.join(',')])]);
const codes = (f: TableFigures) => f.diagnostics.map((d) => d.code).sort();

const E8 = 100_000_000; // 억원
const M = 1_000_000; // 백만원
const K = 1_000; // 천원

// ---------------------------------------------------------------- tables read off real pages

/** program-sheet-moel-national-learning-card-2024.pdf p.1, 3. 예산 총괄표 (단위: 백만원, %). */
const learningCard = (change = '66,091', rate = '12.7') =>
  table(
    2,
    [
      [{ t: '사업명', r: 2 }, '2022년', '2023년 예산', { t: '2024년', c: 2 }, { t: '증감', c: 2 }],
      ['결산', '본예산(A)', '정부안', '확정(B)', '(B-A)', '(B-A)/A'],
      ['내일배움카드(일반)', '322,799', '518,815', '584,906', '584,906', change, rate],
    ],
    { unit: '백만원, %', file: 'learning-card.pdf' },
  );

/** program-sheet-moel-youth-job-creation-2024.pdf p.1: a decrease shown with △ (and `△ 26.0` with a space). */
const youthJobs = table(
  2,
  [
    [{ t: '사업명', r: 2 }, '2022년', '2023년 예산', { t: '2024년', c: 2 }, { t: '증감', c: 2 }],
    ['결산', '본예산(A)', '정부안', '확정(B)', '(B-A)', '(B-A)/A'],
    ['청년일자리창출지원', '233,321', '889,078', '649,034', '657,680', '△231,398', '△ 26.0'],
  ],
  { unit: '백만원, %', file: 'youth-jobs.pdf' },
);

/** program-sheet-moel-early-reemployment-allowance-2024.pdf p.1: 지출계획 총괄표 with 2023 당초 and 수정. */
const earlyReemployment = table(
  2,
  [
    [{ t: '사업명', r: 2 }, '2022년', { t: '2023년 계획', c: 2 }, { t: '2024년', c: 2 }, { t: '증감', c: 2 }],
    ['결산', '당초(A)', '수정', '정부안', '확정(B)', '(B-A)', '(B-A)/A'],
    ['조기재취업수당', '468,018', '386,659', '470,260', '482,872', '463,837', '77,178', '20.0'],
  ],
  { unit: '백만원, %', file: 'early-reemployment.pdf' },
);

/** report-busan-transport-innovation-2025.pdf p.5, □ 예 산 (기준: '25년 본예산 / 단위: 억원). */
const busanTransport = (generalAccount = '7,361') => [
  heading('예 산'),
  table(
    1,
    [
      ['구 분', '2025년도', '2024년도', '증 감', '증감률'],
      ['총 계', '10,753', '8,059', '2,694', '33.4%'],
      ['일 반 회 계', generalAccount, '4,906', '2,455', '50%'],
      ['특 별 회 계', '3,392', '3,153', '239', '7.5%'],
      ['교통사업특별회계', '796', '759', '37', '4.8%'],
      ['광역교통시설특별회계', '94', '150', '△56', '△37.3%'],
      ['도시철도사업특별회계', '2,502', '2,244', '258', '11.4%'],
    ],
    { unit: '억원', file: 'busan-transport.pdf' },
  ),
];

/** report-busan-women-family-2025.pdf p.4, 기금운용 ('25. 1. 1. 기준, 단위: 천원). */
const womenFund = (lastBalance = '5,683,443') =>
  table(
    2,
    [
      [{ t: '구 분', r: 2 }, { t: '2024년도말 조성액(A)', r: 2 }, { t: '2025년도 운용계획', c: 3 }, { t: '2025년도말 조성예정액 (A+B)', r: 2 }],
      ['수 입', '지 출', '증 감(B)'],
      ['총 계', '58,327,935', '1,844,847', '14,677,000', '△12,832,153', '45,495,782'],
      ['양 성 평 등 계 정', '12,705,519', '542,344', '343,000', '199,344', '12,904,863'],
      ['출 산 지 원 계 정', '40,067,591', '1,091,885', '14,252,000', '△13,160,115', '26,907,476'],
      ['청소년육성계정', '5,554,825', '210,618', '82,000', '128,618', lastBalance],
    ],
    { unit: '천원', file: 'busan-women.pdf' },
  );

const settlementHeader = [
  [{ t: '', r: 3 }, { t: '2022', c: 5 }, { t: '2023(’22.12월말)', c: 8 }, { t: '2024 계획', r: 3 }],
  [
    { t: '계획액 (수정)', r: 2 }, { t: '계획 현액', r: 2 }, { t: '집행액 [실집행액]', r: 2 }, { t: '이월액', r: 2 }, { t: '불용액', r: 2 },
    { t: '계획액', c: 2 }, { t: '계획 현액', r: 2 }, { t: '집행액 [실집행액]', r: 2 }, { t: '전년도 이월액 제외', c: 2 }, { t: '이월 예상액', r: 2 }, { t: '불용 예상액', r: 2 },
  ],
  ['당초', '수정', '계획 현액', '집행액 [실집행액]'],
];

/** program-sheet-molit-private-rental-loan-2024.pdf p.2, 기능별(내역사업별), 목별 계획 내역 (단위: 백만원). */
const privateRental = (unused = '2,689') =>
  table(
    3,
    [
      ...settlementHeader,
      ['○ 기능별 분류(합계)', '1,653,931', '1,653,931', '1,651,242', '-', '2,689', '1,708,844', '1,708,844', '1,708,844', '1,660,582', '1,708,844', '1,660,582', '-', '48,262', '1,477,009'],
      ['· 공공지원민간임대', '1,400,480', '746,808', '746,808', '-', '-', '1,048,632', '1,048,632', '1,048,632', '479,900', '1,048,632', '479,900', '-', '-', '829,665'],
      ['· 장기임대 등', '103,451', '886,438', '886,438', '-', '-', '619,156', '619,156', '619,156', '1,168,279', '619,156', '1,168,279', '-', '-', '615,600'],
      ['· 준주택전세전환지원', '150,000', '20,685', '17,996', '-', unused, '41,056', '41,056', '41,056', '12,403', '41,056', '12,403', '-', '-', '31,744'],
      ['○ 비목별 분류(합계)', '1,653,931', '1,653,931', '1,651,242', '-', '2,689', '1,708,844', '1,708,844', '1,708,844', '1,660,582', '1,708,844', '1,660,582', '-', '48,262', '1,477,009'],
      ['· 기타 민간 융자금 (450-04)', '1,653,931', '1,653,931', '1,651,242', '-', '2,689', '1,708,844', '1,708,844', '1,708,844', '1,660,582', '1,708,844', '1,660,582', '-', '48,262', '1,477,009'],
    ],
    { unit: '백만원', file: 'private-rental.pdf' },
  );

/**
 * program-sheet-molit-small-housing-renewal-2024.pdf p.2: amounts over two lines in one cell,
 * 계획액 with its change in parentheses, 집행액 with [실집행액] in brackets.
 */
const smallHousing = (executedCell = '306,121\n[306,121]') =>
  table(
    3,
    [
      ...settlementHeader,
      ['○ 기능별 분류(합계)', '317,500\n(31,800)', '349,300', '341,802\n[341,802]', '-', '7,498', '467,600', '21,500', '489,100', '488,073\n[488,073]', '489,100', '488,073\n[488,073]', '-', '1,027', '413,600'],
      ['· 가로주택정비사업', '267,500\n(43,900)', '311,400', executedCell, '-', '5,279', '449,600', '25,844', '475,444', '474,546\n[474,546]', '475,444', '474,546\n[474,546]', '-', '898', '402,100'],
      ['· 자율주택정비사업', '50,000\n(-12,100)', '37,900', '35,681\n[35,681]', '-', '2,219', '14,000', '-744', '13,256', '13,255\n[13,255]', '13,256', '13,255\n[13,255]', '-', '1', '4,700'],
      ['· 이차보전지원', '-', '-', '-', '-', '-', '4,000', '-3,600', '400', '272\n[272]', '400', '272\n[272]', '-', '128', '6,800'],
    ],
    { unit: '백만원', file: 'small-housing.pdf' },
  );

/**
 * The same page's whole table: the 기능별 section, then 비목별 and 기능·비목별 sections
 * repeating its total. As printed, 비목별's 기타민간 융자금 gives 21,500 under 2023 수정 (the
 * total's figure; 463,600 + 25,100 = 488,700 is its 계획현액), so that section does not add
 * up; 기능·비목별 nests one 목 under each 사업 with the same figures.
 */
const smallHousingSections = () => {
  const t = smallHousing();
  const sections: string[][] = [
    ['○ 비목별 분류(합계)', '317,500\n(31,800)', '349,300', '341,802\n[341,802]', '-', '7,498', '467,600', '21,500', '489,100', '488,073\n[488,073]', '489,100', '488,073\n[488,073]', '-', '1,027', '413,600'],
    ['· 기타민간 융자금(450-04)', '317,500\n(31,800)', '349,300', '341,802\n[341,802]', '-', '7,498', '463,600', '21,500', '488,700', '487,801\n[487,801]', '488,700', '487,801\n[487,801]', '-', '899', '406,800'],
    ['· 이차보전금 (320-05)', '-', '-', '-', '-', '-', '4,000', '-3,600', '400', '272\n[272]', '400', '272\n[272]', '-', '128', '6,800'],
    ['○ 기능·비목별 분류(합계)', '317,500\n(31,800)', '349,300', '341,802\n[341,802]', '-', '7,498', '467,600', '21,500', '489,100', '488,073\n[488,073]', '489,100', '488,073\n[488,073]', '-', '1,027', '413,600'],
    ['· 가로주택정비사업', '267,500\n(43,900)', '311,400', '306,121\n[306,121]', '-', '5,279', '449,600', '25,844', '475,444', '474,546\n[474,546]', '475,444', '474,546\n[474,546]', '-', '898', '402,100'],
    ['- 기타민간 융자금(450-04)', '267,500\n(43,900)', '311,400', '306,121\n[306,121]', '-', '5,279', '449,600', '25,844', '475,444', '474,546\n[474,546]', '475,444', '474,546\n[474,546]', '-', '898', '402,100'],
    ['· 자율주택 정비사업', '50,000\n(-12,100)', '37,900', '35,681\n[35,681]', '-', '2,219', '14,000', '-744', '13,256', '13,255\n[13,255]', '13,256', '13,255\n[13,255]', '-', '1', '4,700'],
    ['- 기타민간 융자금(450-04)', '50,000\n(-12,100)', '37,900', '35,681\n[35,681]', '-', '2,219', '14,000', '-744', '13,256', '13,255\n[13,255]', '13,256', '13,255\n[13,255]', '-', '1', '4,700'],
    ['· 이차보전지원', '-', '-', '-', '-', '-', '4,000', '-3,600', '400', '272\n[272]', '400', '272\n[272]', '-', '128', '6,800'],
    ['- 이차보전금(320-05)', '-', '-', '-', '-', '-', '4,000', '-3,600', '400', '272\n[272]', '400', '272\n[272]', '-', '128', '6,800'],
  ];
  return table(3, [...t.rows.map((r) => r.cells.map((c) => ({ t: c.text, r: c.rowSpan, c: c.colSpan }))), ...sections], { unit: '백만원', file: 'small-housing.pdf' });
};

/**
 * The lines and totals of the small-housing 기능별 section, read by hand from the page
 * (백만원). The whole table (smallHousingSections) repeats these figures in its 비목별 and
 * 기능·비목별 sections, so it must give exactly these lines too, not twice as many.
 */
const SMALL_HOUSING_LINES: LineView[] = [
  { program: '가로주택정비사업', budget: 311_400 * M, executed: 306_121 * M, unused: 5_279 * M, disbursed: 306_121 * M, year: '2022', basis: '계획현액' },
  { program: '자율주택정비사업', budget: 37_900 * M, executed: 35_681 * M, unused: 2_219 * M, disbursed: 35_681 * M, year: '2022', basis: '계획현액' },
  { program: '가로주택정비사업', budget: 475_444 * M, executed: 474_546 * M, disbursed: 474_546 * M, year: '2023', basis: '계획현액' },
  { program: '자율주택정비사업', budget: 13_256 * M, executed: 13_255 * M, disbursed: 13_255 * M, year: '2023', basis: '계획현액' },
  { program: '이차보전지원', budget: 400 * M, executed: 272 * M, disbursed: 272 * M, year: '2023', basis: '계획현액' },
  { program: '가로주택정비사업', budget: 402_100 * M, year: '2024', basis: '계획' },
  { program: '자율주택정비사업', budget: 4_700 * M, year: '2024', basis: '계획' },
  { program: '이차보전지원', budget: 6_800 * M, year: '2024', basis: '계획' },
];
const SMALL_HOUSING_TOTALS: (readonly [string, string | null, number | null])[] = [['기능별분류(합계)', null, 349_300 * M], ['기능별분류(합계)', null, 489_100 * M], ['기능별분류(합계)', null, 413_600 * M]];

/** report-busan-transport-innovation-2025.pdf p.34, 연도별 예산 및 집행 현황 (단위: 백만원): funding parts down the rows. */
const busanDrt = (total = '1,580') =>
  table(
    2,
    [
      [{ t: '구 분', r: 2 }, { t: '총사업비', r: 2 }, { t: '’23년 이전', c: 2 }, { t: '’24년', c: 2 }, { t: '’25년', r: 2 }, { t: '’26년 이후', r: 2 }],
      ['예산', '집행', '예산', '집행'],
      ['계', total, '1,180', '1,180', '', '', '', ''],
      ['국 비', '390', '390', '390', '', '', '', ''],
      ['시 비', '790', '790', '790', '', '', '', ''],
      ['기 타', '400', '직접', '지원', '', '', '', ''],
    ],
    { unit: '백만원', caption: '연도별 예산 및 집행 현황', file: 'busan-transport.pdf' },
  );

/** report-busan-transport-innovation-2025.pdf p.35, first table: a 2024 project budgeted for ’25. */
const busanRealtime = table(
  2,
  [
    [{ t: '구 분', r: 2 }, { t: '총사업비', r: 2 }, { t: '’23년 이전', c: 2 }, { t: '’24년', c: 2 }, { t: '’25년', r: 2 }, { t: '’26년 이후', r: 2 }],
    ['예산', '집행', '예산', '집행'],
    ['계', '2,919', '', '', '', '', '2,919', ''],
    ['국 비', '2,043', '', '', '', '', '2,043', ''],
    ['시 비', '876', '', '', '', '', '876', ''],
    ['기 타', '', '', '', '', '', '', ''],
  ],
  { unit: '백만원', caption: '연도별 예산 및 집행 현황', file: 'busan-transport.pdf' },
);

/** report-busan-transport-innovation-2025.pdf p.5, 인력 (단위: 명): staff by grade, not money. */
const busanStaff = table(
  1,
  [
    ['구 분', '계', '3급', '4급', '5급', '6급', '7급', '8급이하'],
    ['정 원', '192', '1', '6', '20', '55', '96', '14'],
    ['현 원', '192', '1', '6', '20', '56', '63', '46'],
  ],
  { unit: '명', file: 'busan-transport.pdf' },
);

const sampleFile = 'fixtures/samples/regional-report-2020h1.txt';
const sampleLayout = () => readTextLayout(sampleFile, readFileSync(sampleFile, 'utf8'));

// ---------------------------------------------------------------- the sample

describe('the regional report sample, read by the text layout reader', () => {
  const f = figuresFromTables(sampleLayout());
  it('gives the 52 lines, 26,507,677,000 원 budgeted, 4,178,057,000 원 executed, five groups', () => {
    expect(f.budgetLines).toHaveLength(52);
    expect(f.budgetLines.reduce((s, l) => s + (l.budget?.value ?? 0), 0)).toBe(26_507_677_000);
    expect(f.budgetLines.reduce((s, l) => s + (l.executed?.value ?? 0), 0)).toBe(4_178_057_000);
    expect([...new Set(f.budgetLines.map((l) => l.group))]).toEqual([
      'ICT 융합 혁신성장 플랫폼 구축',
      '뉴 콘텐츠 산업 혁신 주도 성장전인',
      '과학기술을 통한 지역혁신성장 동력 확보',
      '중소벤처 기업의 성장 발판 관련',
      '기관운영 (기타)',
    ]);
  });
  it('reads each line like the line-based reader: first, the realigned row, the 미교부 rows, last', () => {
    const lines = lineViews(f);
    expect(lines[0]).toEqual({ program: 'SW융합클러스터2.0', group: 'ICT 융합 혁신성장 플랫폼 구축', budget: 2_094_000 * K, executed: 200_307 * K, remaining: 1_893_693 * K });
    expect(lines.find((l) => l.program === '중소기업저작권서비스센터운영')).toEqual({
      program: '중소기업저작권서비스센터운영', group: '중소벤처 기업의 성장 발판 관련', budget: 230_000 * K, executed: 44_223 * K, remaining: 185_777 * K,
    });
    expect(f.budgetLines.filter((l) => l.unallocated).map((l) => l.program)).toEqual([
      '충북인공지능진흥컨트론타워기반마련사업', '충북벤처넷운영사업', '충북혁신중소기업비즈매칭 박람회개최', '고용안전선제대응프로젝트', '청주시해외시장개척단과견지원',
    ]);
    expect(lines[51]).toEqual({ program: '자본예산', group: '기관운영 (기타)', budget: 351_949 * K, executed: 53_966 * K, remaining: 297_983 * K });
    expect(f.budgetLines[0]!.statedRate?.value).toBe(9.6);
    expect(f.budgetLines[0]!.allocationDate).toBe('2020-04-13');
  });
  it('keeps 계 as the one total, and says the shifted row was realigned', () => {
    expect(totalViews(f)).toEqual([['계', null, 26_507_677 * K]]);
    expect(f.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['table-row-realigned', 1103]]);
  });
  it('reads the 연도별 table (단위 : 건, 천원) as two series, counts in 건 (never money) and money in 원', () => {
    expect(seriesViews(f)).toEqual([
      ['건수', '건', [['2017', 6, ''], ['2018', 4, ''], ['2019', 9, ''], ['2020', 28, '']]],
      ['총사업비', '원', [['2017', 2_200_000 * K, ''], ['2018', 1_000_000 * K, ''], ['2019', 15_900_000 * K, ''], ['2020', 42_273_000 * K, '']]],
    ]);
  });
  it('the project list (사업비 over 사업기간) and the staff table give no lines', () => {
    const kinds = f.tables.map((t) => [t.source.line, t.kind]);
    expect(kinds).toContainEqual([1011, 'other']);
    expect(kinds).toContainEqual([43, 'other']);
  });
});

// ---------------------------------------------------------------- valid cases

interface Case {
  name: string;
  blocks: Block[];
  lines?: LineView[];
  totals?: (readonly [string, string | null, number | null])[];
  series?: unknown[];
  diagnostics?: string[];
}

const valid: Case[] = [
  {
    name: 'program sheet 예산 총괄표: one series 2022 결산 → 2023 본예산 → 2024 확정; a line per year',
    blocks: [learningCard()],
    lines: [
      { program: '내일배움카드(일반)', executed: 322_799 * M, year: '2022' },
      { program: '내일배움카드(일반)', budget: 518_815 * M, year: '2023', basis: '본예산' },
      { program: '내일배움카드(일반)', budget: 584_906 * M, year: '2024', basis: '확정' },
    ],
    totals: [],
    series: [['내일배움카드(일반)', '원', [['2022', 322_799 * M, '결산'], ['2023', 518_815 * M, '본예산'], ['2024', 584_906 * M, '확정']]]],
    diagnostics: [],
  },
  {
    name: 'program sheet with △ decreases: (B-A) and (B-A)/A agree',
    blocks: [youthJobs],
    lines: [
      { program: '청년일자리창출지원', executed: 233_321 * M, year: '2022' },
      { program: '청년일자리창출지원', budget: 889_078 * M, year: '2023', basis: '본예산' },
      { program: '청년일자리창출지원', budget: 657_680 * M, year: '2024', basis: '확정' },
    ],
    series: [['청년일자리창출지원', '원', [['2022', 233_321 * M, '결산'], ['2023', 889_078 * M, '본예산'], ['2024', 657_680 * M, '확정']]]],
    diagnostics: [],
  },
  {
    name: 'program sheet with 당초 and 수정: the year takes 수정; (B-A) is against 당초(A)',
    blocks: [earlyReemployment],
    lines: [
      { program: '조기재취업수당', executed: 468_018 * M, year: '2022' },
      { program: '조기재취업수당', budget: 470_260 * M, year: '2023', basis: '수정' },
      { program: '조기재취업수당', budget: 463_837 * M, year: '2024', basis: '확정' },
    ],
    series: [['조기재취업수당', '원', [['2022', 468_018 * M, '결산'], ['2023', 470_260 * M, '수정'], ['2024', 463_837 * M, '확정']]]],
    diagnostics: [],
  },
  {
    name: 'city budget by 회계 (억원): 특별회계 is a group by arithmetic, lines are the leaves; 증감률 printed truncated is info',
    blocks: busanTransport(),
    lines: [
      { program: '일반회계', budget: 4_906 * E8, year: '2024' },
      { program: '교통사업특별회계', group: '특별회계', budget: 759 * E8, year: '2024' },
      { program: '광역교통시설특별회계', group: '특별회계', budget: 150 * E8, year: '2024' },
      { program: '도시철도사업특별회계', group: '특별회계', budget: 2_244 * E8, year: '2024' },
      { program: '일반회계', budget: 7_361 * E8, year: '2025' },
      { program: '교통사업특별회계', group: '특별회계', budget: 796 * E8, year: '2025' },
      { program: '광역교통시설특별회계', group: '특별회계', budget: 94 * E8, year: '2025' },
      { program: '도시철도사업특별회계', group: '특별회계', budget: 2_502 * E8, year: '2025' },
    ],
    totals: [['총계', null, 8_059 * E8], ['특별회계', null, 3_153 * E8], ['총계', null, 10_753 * E8], ['특별회계', null, 3_392 * E8]],
    series: [
      ['예산 총계', '원', [['2024', 8_059 * E8, ''], ['2025', 10_753 * E8, '']]],
      ['일반회계', '원', [['2024', 4_906 * E8, ''], ['2025', 7_361 * E8, '']]],
      ['특별회계', '원', [['2024', 3_153 * E8, ''], ['2025', 3_392 * E8, '']]],
      ['교통사업특별회계', '원', [['2024', 759 * E8, ''], ['2025', 796 * E8, '']]],
      ['광역교통시설특별회계', '원', [['2024', 150 * E8, ''], ['2025', 94 * E8, '']]],
      ['도시철도사업특별회계', '원', [['2024', 2_244 * E8, ''], ['2025', 2_502 * E8, '']]],
    ],
    // 239/3,153 = 7.58 printed 7.5; 37/759 = 4.87 printed 4.8; 258/2,244 = 11.50 printed 11.4.
    diagnostics: ['table-formula-rounding', 'table-formula-rounding', 'table-formula-rounding'],
  },
  {
    name: 'the same page as a PDF reader gave it: letter-spaced names cut into cells are joined, figures realigned',
    blocks: [
      heading('예 산'),
      table(
        1,
        [
          ['구 분', '2025년도', '2024년도', '증 감', '증감률', '', '', ''],
          ['총 계', '10,753', '8,059', '2,694', '33.4%', '', '', ''],
          ['일', '반', '회', '계', '7,361', '4,906', '2,455', '50%'],
          ['특', '별', '회', '계', '3,392', '3,153', '239', '7.5%'],
          ['교 통 사 업 특 별 회 계', '796', '759', '37', '4.8%', '', '', ''],
          ['광역교통시설특별회계', '94', '150', '△56', '△37.3%', '', '', ''],
          ['도시철도사업특별회계', '2,502', '2,244', '258', '11.4%', '', '', ''],
        ],
        { unit: '억원', file: 'busan-transport.pdf' },
      ),
    ],
    lines: [
      { program: '일반회계', budget: 4_906 * E8, year: '2024' },
      { program: '교통사업특별회계', group: '특별회계', budget: 759 * E8, year: '2024' },
      { program: '광역교통시설특별회계', group: '특별회계', budget: 150 * E8, year: '2024' },
      { program: '도시철도사업특별회계', group: '특별회계', budget: 2_244 * E8, year: '2024' },
      { program: '일반회계', budget: 7_361 * E8, year: '2025' },
      { program: '교통사업특별회계', group: '특별회계', budget: 796 * E8, year: '2025' },
      { program: '광역교통시설특별회계', group: '특별회계', budget: 94 * E8, year: '2025' },
      { program: '도시철도사업특별회계', group: '특별회계', budget: 2_502 * E8, year: '2025' },
    ],
    totals: [['총계', null, 8_059 * E8], ['특별회계', null, 3_153 * E8], ['총계', null, 10_753 * E8], ['특별회계', null, 3_392 * E8]],
    diagnostics: ['table-row-realigned', 'table-row-realigned', 'table-formula-rounding', 'table-formula-rounding', 'table-formula-rounding'],
  },
  {
    name: 'settlement (molit, 백만원): a line per year (계획현액, executed; 이월/불용 where settled, not forecast); the 비목별 total repeats and is not counted',
    blocks: [privateRental()],
    lines: [
      { program: '공공지원민간임대', budget: 746_808 * M, executed: 746_808 * M, year: '2022', basis: '계획현액' },
      { program: '장기임대 등', budget: 886_438 * M, executed: 886_438 * M, year: '2022', basis: '계획현액' },
      { program: '준주택전세전환지원', budget: 20_685 * M, executed: 17_996 * M, unused: 2_689 * M, year: '2022', basis: '계획현액' },
      { program: '공공지원민간임대', budget: 1_048_632 * M, executed: 479_900 * M, year: '2023', basis: '계획현액' },
      { program: '장기임대 등', budget: 619_156 * M, executed: 1_168_279 * M, year: '2023', basis: '계획현액' },
      { program: '준주택전세전환지원', budget: 41_056 * M, executed: 12_403 * M, year: '2023', basis: '계획현액' },
      { program: '공공지원민간임대', budget: 829_665 * M, year: '2024', basis: '계획' },
      { program: '장기임대 등', budget: 615_600 * M, year: '2024', basis: '계획' },
      { program: '준주택전세전환지원', budget: 31_744 * M, year: '2024', basis: '계획' },
    ],
    totals: [['기능별분류(합계)', null, 1_653_931 * M], ['기능별분류(합계)', null, 1_708_844 * M], ['기능별분류(합계)', null, 1_477_009 * M]],
    diagnostics: ['table-alternative-breakdown'],
  },
  {
    name: 'settlement with two numbers per cell: [실집행액] is disbursed, (…) under 계획액 is its change; a row blank in 2022 gives no 2022 line',
    blocks: [smallHousing()],
    lines: SMALL_HOUSING_LINES,
    totals: SMALL_HOUSING_TOTALS,
    diagnostics: [],
  },
  {
    name: 'three breakdowns of one total (molit small-housing p.2): a 수정 column with cuts (25,844 − 744 − 3,600 = 21,500) still groups; the repeated totals\' rows are not lines, even where they do not add up',
    blocks: [smallHousingSections()],
    lines: SMALL_HOUSING_LINES,
    totals: SMALL_HOUSING_TOTALS,
    diagnostics: ['table-alternative-breakdown', 'table-alternative-breakdown'],
  },
  {
    name: 'fund table (천원): no budget lines; 총계 adds up and (A+B) holds',
    blocks: [womenFund()],
    lines: [],
    totals: [],
    series: [],
    diagnostics: [],
  },
  {
    name: 'project budget by funding part (계/국비/시비/기타 × years): parts are not lines; words in figure cells are notes',
    blocks: [busanDrt(), busanRealtime],
    lines: [],
    totals: [],
    series: [],
    diagnostics: [],
  },
  {
    name: 'staff by grade (정원/현원) gives nothing',
    blocks: [busanStaff],
    lines: [],
    totals: [],
    series: [],
    diagnostics: [],
  },
  {
    name: 'budget table with 소계 rows after each group and 합계 last (written; common shape)',
    blocks: [
      table(
        1,
        [
          ['부서', '세부사업', '예산현액', '지출액', '집행잔액', '집행율'],
          ['경제정책과', '소상공인 지원', '1,200', '600', '600', '50.0'],
          ['', '전통시장 육성', '800', '200', '600', '25.0'],
          ['', '소계', '2,000', '800', '1,200', '40.0'],
          ['일자리과', '청년 인턴', '500', '500', '0', '100.0'],
          ['', '소계', '500', '500', '0', '100.0'],
          ['합계', '', '2,500', '1,300', '1,200', '52.0'],
        ],
        { unit: '백만원', file: 'written.md' },
      ),
    ],
    lines: [
      { program: '소상공인 지원', group: '경제정책과', budget: 1_200 * M, executed: 600 * M, remaining: 600 * M, basis: '예산현액' },
      { program: '전통시장 육성', group: '경제정책과', budget: 800 * M, executed: 200 * M, remaining: 600 * M, basis: '예산현액' },
      { program: '청년 인턴', group: '일자리과', budget: 500 * M, executed: 500 * M, remaining: 0, basis: '예산현액' },
    ],
    totals: [['소계', '경제정책과', 2_000 * M], ['소계', '일자리과', 500 * M], ['합계', null, 2_500 * M]],
    diagnostics: [],
  },
  {
    name: 'department rows under their programs add them up (사업비 with counts in the label)',
    blocks: [
      table(
        1,
        [
          ['번호', '사업명', '예산액', '집행액'],
          ['1', '데이터 바우처', '300', '120'],
          ['2', 'AI 실증', '200', '50'],
          ['', '디지털정책과(2건)', '500', '170'],
          ['3', '스마트시티 챌린지', '400', '0'],
          ['4', '드론 실증도시', '100', '10'],
          ['', '스마트도시과(2건)', '500', '10'],
        ],
        { unit: '백만원', file: 'written2.md' },
      ),
    ],
    lines: [
      { program: '데이터 바우처', group: '디지털정책과(2건)', budget: 300 * M, executed: 120 * M },
      { program: 'AI 실증', group: '디지털정책과(2건)', budget: 200 * M, executed: 50 * M },
      { program: '스마트시티 챌린지', group: '스마트도시과(2건)', budget: 400 * M, executed: 0 },
      { program: '드론 실증도시', group: '스마트도시과(2건)', budget: 100 * M, executed: 10 * M },
    ],
    totals: [['디지털정책과(2건)', null, 500 * M], ['스마트도시과(2건)', null, 500 * M]],
    diagnostics: [],
  },
  {
    name: 'a page break repeats the header: the two parts are one table, the group runs on',
    blocks: [
      table(1, [['구분', '사업명', '예산액', '집행액'], ['계', '', '900', '300'], ['문화', '축제 지원', '400', '100']], { unit: '천원' }),
      table(1, [['구분', '사업명', '예산액', '집행액'], ['', '공연장 운영', '500', '200']]),
    ],
    lines: [
      { program: '축제 지원', group: '문화', budget: 400 * K, executed: 100 * K },
      { program: '공연장 운영', group: '문화', budget: 500 * K, executed: 200 * K },
    ],
    totals: [['계', null, 900 * K]],
    diagnostics: [],
  },
  {
    name: 'years down the rows (연도 | 사업비 | 국비): one series per column',
    blocks: [
      table(
        1,
        [
          ['연도', '사업비', '국비'],
          ['2021년', '1,200', '600'],
          ['2022년', '1,500', '700'],
          ['2023년', '1,350', '650'],
        ],
        { unit: '백만원', caption: '연도별 투입 실적' },
      ),
    ],
    lines: [],
    series: [
      ['사업비', '원', [['2021', 1_200 * M, ''], ['2022', 1_500 * M, ''], ['2023', 1_350 * M, '']]],
      ['국비', '원', [['2021', 600 * M, ''], ['2022', 700 * M, ''], ['2023', 650 * M, '']]],
    ],
    diagnostics: [],
  },
  {
    name: 'a year table without a unit (moel learning-card p.3) takes 백만원 from p.1, which prints the same 2024 amount 584,906',
    blocks: [
      learningCard(),
      table(1, [['연도', '2020', '2021', '2022', '2023', '2024'], ['사업비', '106,069', '297,934', '426,290', '518,815', '584,906']], { caption: '최근 5년 간 투입된 사업비' }),
    ],
    series: [
      ['내일배움카드(일반)', '원', [['2022', 322_799 * M, '결산'], ['2023', 518_815 * M, '본예산'], ['2024', 584_906 * M, '확정']]],
      ['사업비', '원', [['2020', 106_069 * M, ''], ['2021', 297_934 * M, ''], ['2022', 426_290 * M, ''], ['2023', 518_815 * M, ''], ['2024', 584_906 * M, '']]],
    ],
    diagnostics: ['table-unit-by-agreement'],
  },
  {
    name: 'a breakdown without a unit whose column adds up to a stated amount of the same year (city plan shape, 천원) takes that unit',
    blocks: [
      table(1, [['사업명', '2025년 예산액'], ['청년 창업 지원', '1,380,000'], ['창업 공간 운영', '620,000']], { unit: '천원' }),
      table(1, [['세부내역', '지원 금액\n(2025 예산)'], ['멘토링', '480,000'], ['시제품 제작', '900,000']]),
    ],
    lines: [
      { program: '청년 창업 지원', budget: 1_380_000 * K, year: '2025' },
      { program: '창업 공간 운영', budget: 620_000 * K, year: '2025' },
      { program: '멘토링', budget: 480_000 * K, year: '2025' },
      { program: '시제품 제작', budget: 900_000 * K, year: '2025' },
    ],
    diagnostics: ['table-unit-by-agreement'],
  },
  {
    // 계 beside a header spanning two sub-columns (음식점 over 일반 | 휴게): 700 + 300 + 150 + 100 = 1,250.
    name: 'a 계 column over sibling columns and the sub-columns of a spanning header (written, 군 위생업소 현황 shape): no finding',
    blocks: [
      table(
        2,
        [
          [{ t: '계', r: 2 }, { t: '음식점', c: 2 }, { t: '숙박업', r: 2 }, { t: '이·미용업', r: 2 }],
          ['일반', '휴게'],
          ['1,250', '700', '300', '150', '100'],
        ],
        { unit: '개소', caption: '위생업소 현황' },
      ),
    ],
    diagnostics: [],
  },
  {
    // 90 + 60 = 150 ≠ 120, but the note says a facility open day and night is counted once.
    name: 'a 계* qualified by a note (counted once in several columns) is not checked as their sum: no finding',
    blocks: [table(1, [['계*', '주간', '야간'], ['120', '90', '60']], { unit: '개소', caption: '돌봄기관 현황' })],
    diagnostics: [],
  },
];

describe('figuresFromTables: valid cases', () => {
  it.each(valid)('$name', ({ blocks, lines, totals, series, diagnostics }) => {
    const f = figuresFromTables(layoutOf(...blocks));
    if (lines) expect(lineViews(f)).toEqual(lines);
    if (totals) expect(totalViews(f)).toEqual(totals);
    if (series) expect(seriesViews(f)).toEqual(series);
    if (diagnostics) expect(codes(f)).toEqual([...diagnostics].sort());
  });
});

// ---------------------------------------------------------------- invalid cases

interface Invalid {
  name: string;
  blocks: Block[];
  /** Findings as [code, a phrase of the message]. */
  findings: [string, string][];
  /** Lines still expected (what can be read is read; what cannot is not guessed). */
  lines?: LineView[];
  /** Compare only the lines of this year. */
  year?: string;
}

const invalid: Invalid[] = [
  {
    name: '(B-A) does not equal 확정 − 본예산',
    blocks: [learningCard('76,091')],
    findings: [['table-formula-mismatch', 'states 76,091 but the columns give 66,091']],
  },
  {
    name: '(B-A)/A stated 13.7 where 66,091 / 518,815 is 12.74',
    blocks: [learningCard('66,091', '13.7')],
    findings: [['table-formula-mismatch', 'states 13.7 but the columns give 12.7']],
  },
  {
    name: 'a decrease printed without △ is a mismatch',
    blocks: [table(2, [...learningCard().rows.slice(0, 2).map((r) => r.cells.map((c) => ({ t: c.text, r: c.rowSpan, c: c.colSpan }))), ['청년일자리창출지원', '233,321', '889,078', '649,034', '657,680', '231,398', '26.0']], { unit: '백만원, %' })],
    findings: [
      ['table-formula-mismatch', 'states 231,398 but the columns give -231,398'],
      ['table-formula-mismatch', 'states 26.0 but the columns give -26.0'],
    ],
  },
  {
    name: 'a 회계 that does not add up to 총계: a finding, and 일반회계 still counted once',
    blocks: busanTransport('7,461'),
    findings: [
      ['table-total-mismatch', '"총계" states 10,753 under "2025년도" but the 2 row(s) it covers add up to 10,853'],
      ['table-formula-rounding', '특별회계'],
      ['table-formula-rounding', '교통사업특별회계'],
      ['table-formula-rounding', '도시철도사업특별회계'],
      ['table-formula-mismatch', '"일반회계": 증 감 (2025 − 2024) states 2,455 but the columns give 2,555'],
      ['table-formula-mismatch', '"일반회계": 증감률 (2025 over 2024) states 50% but the columns give 52.1'],
    ],
    year: '2025',
    lines: [
      { program: '일반회계', budget: 7_461 * E8, year: '2025' },
      { program: '교통사업특별회계', group: '특별회계', budget: 796 * E8, year: '2025' },
      { program: '광역교통시설특별회계', group: '특별회계', budget: 94 * E8, year: '2025' },
      { program: '도시철도사업특별회계', group: '특별회계', budget: 2_502 * E8, year: '2025' },
    ],
  },
  {
    name: 'settlement that does not add up (현액 ≠ 집행 + 이월 + 불용)',
    blocks: [privateRental('2,869')],
    findings: [
      ['table-settlement-mismatch', '"준주택전세전환지원": budget 20,685 ≠ executed 17,996 + carried over 0 + unused 2,869 = 20,865'],
      ['table-alternative-breakdown', '비목별'],
      ['table-total-mismatch', '"기능별 분류(합계)" states 2,689 under "2022 불용액" but the 3 row(s) it covers add up to 2,869'],
    ],
  },
  {
    name: 'fund balance (A+B) misprinted, and 총계 then does not add up',
    blocks: [womenFund('5,683,543')],
    findings: [
      ['table-formula-mismatch', '"청소년육성계정": 2025년도말 조성예정액 (A+B) = A+B (A 5,554,825, B 128,618) states 5,683,543 but the columns give 5,683,443'],
      ['table-total-mismatch', '"총계" states 45,495,782 under "2025년도말 조성예정액 (A+B)" but the 3 row(s) it covers add up to 45,495,882'],
    ],
  },
  {
    name: 'funding parts that do not add up to 계',
    blocks: [busanDrt('1,680')],
    findings: [['table-total-mismatch', '"계" states 1,680 under "총사업비" but the 3 row(s) it covers add up to 1,580']],
  },
  {
    name: 'two numbers in one cell without brackets are reported, never joined',
    blocks: [smallHousing('306,121 305,900')],
    findings: [
      ['table-cell-several-numbers', '"306,121 305,900"'],
    ],
    year: '2022',
    lines: [
      { program: '가로주택정비사업', budget: 311_400 * M, unused: 5_279 * M, year: '2022', basis: '계획현액' },
      { program: '자율주택정비사업', budget: 37_900 * M, executed: 35_681 * M, unused: 2_219 * M, disbursed: 35_681 * M, year: '2022', basis: '계획현액' },
    ],
  },
  {
    name: 'a figure whose digits are implausible for its column is reported and not used',
    blocks: [
      table(
        1,
        [
          ['사업명', '예산액', '집행액', '집행률'],
          ['합계', '3,000', '1,000', '33.3'],
          ['가 사업', '1,000', '400', '40.0'],
          ['나 사업', '1,000', '300', '30.0'],
          ['다 사업', '10002000000', '300', '30.0'],
        ],
        { unit: '천원' },
      ),
    ],
    findings: [['table-value-implausible', '"10002000000" in column "예산액" is implausible']],
    lines: [
      { program: '가 사업', budget: 1_000 * K, executed: 400 * K },
      { program: '나 사업', budget: 1_000 * K, executed: 300 * K },
      { program: '다 사업', executed: 300 * K },
    ],
  },
  {
    name: 'a budget table without a money unit is not read',
    blocks: [table(1, [['사업명', '예산액', '집행액'], ['가 사업', '1,000', '400']])],
    findings: [['table-unit-missing', 'declares no money unit']],
    lines: [],
  },
  {
    name: 'a multi-year table without a unit (program sheet p.3: 연도 | 2020 … | 사업비) gives no series, and says why',
    blocks: [table(1, [['연도', '2020', '2021', '2022', '2023', '2024'], ['사업비', '106,069', '297,934', '426,290', '518,815', '584,906']])],
    findings: [['table-unit-missing', 'declares no money unit']],
    lines: [],
  },
  {
    name: 'a year table without a unit that repeats a stated amount only under another year is not read',
    blocks: [
      learningCard(),
      table(1, [['연도', '2021', '2022', '2023'], ['사업비', '297,934', '584,906', '600,001']]),
    ],
    findings: [['table-unit-missing', 'declares no money unit']],
    lines: [
      { program: '내일배움카드(일반)', budget: 518_815 * M, year: '2023', basis: '본예산' },
    ],
    year: '2023',
  },
  {
    name: 'a small amount repeated (under five digits) is no evidence of the unit',
    blocks: [
      table(1, [['사업명', '2025년 예산액'], ['가 사업', '4,500']], { unit: '백만원' }),
      table(1, [['연도', '2024', '2025'], ['사업비', '4,100', '4,500']]),
    ],
    findings: [['table-unit-missing', 'declares no money unit']],
  },
  {
    name: 'the same amount stated in two units: no unit is taken',
    blocks: [
      table(1, [['사업명', '2025년 예산액'], ['가 사업', '45,000']], { unit: '백만원' }),
      table(1, [['세부사업', '2025년 본예산'], ['나 사업', '45,000']], { unit: '천원' }),
      table(1, [['연도', '2024', '2025'], ['사업비', '41,000', '45,000']]),
    ],
    findings: [['table-unit-missing', 'declares no money unit']],
  },
  {
    // 700 + 300 + 150 + 100 = 1,250, printed 1,300.
    name: 'a 계 column that is not the sum of its siblings and the sub-columns of a spanning header',
    blocks: [
      table(
        2,
        [
          [{ t: '계', r: 2 }, { t: '음식점', c: 2 }, { t: '숙박업', r: 2 }, { t: '이·미용업', r: 2 }],
          ['일반', '휴게'],
          ['1,300', '700', '300', '150', '100'],
        ],
        { unit: '개소', caption: '위생업소 현황' },
      ),
    ],
    findings: [['table-formula-mismatch', 'states 1,300 but the columns give 1,250']],
  },
];

describe('figuresFromTables: invalid cases', () => {
  it.each(invalid)('$name', ({ blocks, findings, lines, year }) => {
    const f = figuresFromTables(layoutOf(...blocks));
    const got = f.diagnostics.map((d) => [d.code, d.message] as const);
    expect(got).toHaveLength(findings.length);
    for (const [code, phrase] of findings) {
      expect(got.some(([c, m]) => c === code && m.includes(phrase)), `${code}: ${phrase}\n${JSON.stringify(got, null, 1)}`).toBe(true);
    }
    if (lines) expect(lineViews(f).filter((l) => !year || l.year === year)).toEqual(lines);
  });
});

// ---------------------------------------------------------------- cells

describe('readCellFigure', () => {
  it.each([
    ['1,234', { value: 1234 }],
    ['△1,920', { value: -1920 }],
    ['△ 26.0', { value: -26, decimals: 1 }],
    ['-744', { value: -744 }],
    ['33.4%', { value: 33.4, decimals: 1 }],
    ['341,802\n[341,802]', { value: 341802, second: { kind: 'bracket', value: 341802 } }],
    ['267,500\n(43,900)', { value: 267500, second: { kind: 'paren', value: 43900 } }],
    ['50,000\n(-12,100)', { value: 50000, second: { kind: 'paren', value: -12100 } }],
    ['12,000 (△300)', { value: 12000, second: { kind: 'paren', value: -300 } }],
    ['(1,920)', { value: -1920 }],
    ['▲56', { value: 56, ambiguousSign: true }],
    ['307.9억원', { krw: 30_790_000_000 }],
    ['96개소', { value: 96, countUnit: '개소' }],
    ['2.6만명', { value: 26_000, countUnit: '명' }],
    ['-', { blank: true }],
    ['', { blank: true }],
  ])('%j', (text, expected) => expect(readCellFigure(text)).toMatchObject(expected));

  it.each([
    ['1,234 5,678', 'several-numbers'],
    ['123 456', 'several-numbers'],
    ['12,000\n300', 'several-numbers'],
    ['1,23', 'unreadable'],
    ['약 30', 'unreadable'],
  ])('%j is not one number', (text, problem) => {
    const f = readCellFigure(text);
    expect(f.problem).toBe(problem);
    expect(f.value).toBeUndefined();
  });
});

describe('readCellFigure: plain numbers read whole, as every other cell is', () => {
  it.each([
    ['1,234', { text: '1,234', blank: false, value: 1234, decimals: 0 }],
    [' 12.50 ', { text: ' 12.50 ', blank: false, value: 12.5, decimals: 2 }],
    ['45.3%', { text: '45.3%', blank: false, value: 45.3, decimals: 1, percent: true }],
    ['１,２３４', { text: '１,２３４', blank: false, value: 1234, decimals: 0 }],
    ['4,873*', { text: '4,873*', blank: false, value: 4873, decimals: 0, footnote: '*' }],
    ['1,23', { text: '1,23', blank: false, problem: 'unreadable', decimals: 0 }],
  ])('%j', (text, expected) => expect(readCellFigure(text)).toEqual(expected));
});

describe('readCellFigure: cells without a digit are blank or unreadable, whole', () => {
  it.each([
    ['', { text: '', blank: true, decimals: 0 }],
    [' - ', { text: ' - ', blank: true, decimals: 0 }],
    ['해당 없음', { text: '해당 없음', blank: true, decimals: 0 }],
    ['N/A', { text: 'N/A', blank: true, decimals: 0 }],
    ['-----', { text: '-----', blank: false, problem: 'unreadable', decimals: 0 }],
    ['미정', { text: '미정', blank: false, problem: 'unreadable', decimals: 0 }],
    ['억원', { text: '억원', blank: false, problem: 'unreadable', decimals: 0 }],
    ['협력 → 확대', { text: '협력 → 확대', blank: false, problem: 'unreadable', decimals: 0 }],
  ])('%j', (text, expected) => expect(readCellFigure(text)).toEqual(expected));
});

describe('readCellFigure: arrows, brackets and parentheses read where they stand', () => {
  it.each([
    ['312 → 358', { text: '312 → 358', blank: false, value: 312, second: { kind: 'arrow', value: 358 }, decimals: 0 }],
    ['312 -> 358', { text: '312 -> 358', blank: false, value: 312, second: { kind: 'arrow', value: 358 }, decimals: 0 }],
    ['312 －＞ 358', { text: '312 －＞ 358', blank: false, value: 312, second: { kind: 'arrow', value: 358 }, decimals: 0 }],
    ['1,200［1,100］', { text: '1,200［1,100］', blank: false, value: 1200, second: { kind: 'bracket', value: 1100 }, decimals: 0 }],
    ['500 (20) 원', { text: '500 (20) 원', blank: false, problem: 'several-numbers', decimals: 0 }], // a paren not at the end: two numbers
    ['2020.4.1.~2024.12.31. (57개월)', { text: '2020.4.1.~2024.12.31. (57개월)', blank: false, problem: 'unreadable', decimals: 0 }],
  ])('%j', (text, expected) => expect(readCellFigure(text)).toEqual(expected));
});

describe('holdsFigure', () => {
  it.each([
    ['1,234', true],
    ['△1,920', true],
    ['(1,920)', true],
    ['▲56', true],
    ['96개소', true],
    ['12,000 (△300)', true],
    ['추가사업12', false],
    ['약 30', false],
    ['307.9억원', false], // money with its own unit: krw, not a value in the table's unit
    ['（１２）', true], // full-width brackets and digits: a negative 12
    ['\u3000１２', true],
    ['－５', true],
    ['   ', false],
    ['', false],
  ])('%j → %j', (text, expected) => expect(holdsFigure(text)).toBe(expected));
});

describe('RowFigures: the figures of a row by column, read in column order', () => {
  const figure = (value: number) => ({ text: String(value), blank: false, value, decimals: 0 });
  it('sets, replaces, deletes and copies as a map would', () => {
    const row = new RowFigures(5);
    row.set(3, figure(30)).set(1, figure(10)).set(4, figure(40));
    row.set(3, figure(33));
    expect(row.delete(4)).toBe(true);
    expect(row.delete(0)).toBe(false);
    const copy = new RowFigures(row);
    copy.set(0, figure(1));
    expect(row.size).toBe(2);
    expect([...row].map(([c, f]) => [c, f.value])).toEqual([[1, 10], [3, 33]]);
    expect(copy.size).toBe(3);
    expect([...copy.values()].map((f) => f.value)).toEqual([1, 10, 33]);
    expect(row.get(2)).toBeUndefined();
  });
});

// ---------------------------------------------------------------- targets

// The real documents in ../shared/real state targets in prose, not in tables, so these two
// tables are written in the two common 성과지표 shapes (years across; years down the rows).
// The second uses the figures of report-busan-citizen-health-2025.pdf p.39
// (외국어메뉴판 지원 대상 음식점 2,070개소 선정, 달성률 103.5%).

/** 성과지표 | 단위 | year × (목표, 실적, 달성률). */
const indicatorsAcross = (achievement = '102.1') =>
  table(
    2,
    [
      [{ t: '성과지표', r: 2 }, { t: '단위', r: 2 }, { t: '2023년', c: 3 }, { t: '2024년', c: 3 }],
      ['목표', '실적', '달성률', '목표', '실적', '달성률'],
      ['스마트공장 보급', '개', '5,000', '5,105', achievement, '6,000', '5,400', '90.0'],
      ['청년 취업자 수', '명', '1,200', '1,080', '90.0', '1,300', '1,365', '105.0'],
      ['산업재해 사망자', '명', '50', '40', '125.0', '45', '45', '100.0'],
      ['스마트공장 고도화율', '%', '30', '32', '106.7', '35', '', ''],
    ],
    { caption: '주요 성과지표 달성 현황', file: 'written-targets.md' },
  );

/** 연도 | 목표 | 실적 | 달성률(%), one indicator named by the caption. */
const indicatorDown = table(
  1,
  [
    ['연도', '목표', '실적', '달성률(%)'],
    ['2023년', '2,000', '1,950', '97.5'],
    ['2024년', '2,000', '2,070', '103.5'],
  ],
  { unit: '개소', caption: '외국어메뉴판 지원 음식점', file: 'written-targets2.md' },
);

const targetViews = (f: TableFigures) =>
  f.targets.map((t) => [t.indicator, t.unit, t.target.value, t.targetYear ?? null, t.actual?.value ?? null, t.actualPeriod ?? null, t.statedAchievement?.value ?? null]);

describe('figuresFromTables: target/actual tables', () => {
  it('years across: one target per indicator and year, with the same year\'s actual and stated achievement', () => {
    const f = figuresFromTables(layoutOf(indicatorsAcross()));
    expect(targetViews(f)).toEqual([
      ['스마트공장 보급', '개', 5000, '2023', 5105, '2023', 102.1],
      ['스마트공장 보급', '개', 6000, '2024', 5400, '2024', 90],
      ['청년 취업자 수', '명', 1200, '2023', 1080, '2023', 90],
      ['청년 취업자 수', '명', 1300, '2024', 1365, '2024', 105],
      ['산업재해 사망자', '명', 50, '2023', 40, '2023', 125],
      ['산업재해 사망자', '명', 45, '2024', 45, '2024', 100],
      ['스마트공장 고도화율', '%', 30, '2023', 32, '2023', 106.7],
      ['스마트공장 고도화율', '%', 35, '2024', null, null, null],
    ]);
    expect(f.targets[0]!.category).toBe('주요 성과지표 달성 현황');
    // 산업재해 사망자 states target ÷ actual (50/40 = 125%): lower is better, not a mismatch.
    expect(f.diagnostics).toEqual([]);
    expect(f.budgetLines).toEqual([]);
  });
  it('years down the rows: the caption names the indicator', () => {
    const f = figuresFromTables(layoutOf(indicatorDown));
    expect(targetViews(f)).toEqual([
      ['외국어메뉴판 지원 음식점', '개소', 2000, '2023', 1950, '2023', 97.5],
      ['외국어메뉴판 지원 음식점', '개소', 2000, '2024', 2070, '2024', 103.5],
    ]);
    expect(f.diagnostics).toEqual([]);
  });
  it.each([
    {
      name: 'a 2025(목표) row: a target per measure column, none for money; the second declared unit (ha) is the measure\'s',
      text: ['1. 친환경농업 육성 지원', '  ◦ 연도별 추진 현황        (단위: 백만원, ha)', '연도\t사업비\t국비\t인증면적\t참여율(%)', '2023\t2,104\t480\t905\t41.2', '2024\t2,236\t512\t948\t43.0', '2025(목표)\t2,410\t540\t1,010\t45.0'].join('\n'),
      expected: [
        ['인증면적', 'ha', 1010, '2025', null, null, null],
        ['참여율', '%', 45, '2025', null, null, null],
      ],
    },
    {
      name: 'a 2026(계획) row counts as a goal; the years before it give none',
      text: ['2. 체험마을 활성화', '  ◦ 연도별 현황        (단위: 백만원, 개소)', '연도\t사업비\t지원마을', '2024\t742\t51', '2025\t790\t56', '2026(계획)\t820\t60'].join('\n'),
      expected: [['지원마을', '개소', 60, '2026', null, null, null]],
    },
    {
      name: 'a measure column in a table declaring money only has no known unit: no target',
      text: ['3. 숲길 조성', '  ◦ 연도별 현황        (단위: 백만원)', '연도\t사업비\t조성면적', '2024\t300\t12', '2025(목표)\t350\t15'].join('\n'),
      expected: [],
    },
  ])('years down the rows: $name', ({ text, expected }) => {
    const f = figuresFromTables(readTextLayout('goals.txt', text));
    expect(targetViews(f)).toEqual(expected);
  });
  it('a stated achievement that is neither actual ÷ target nor its inverse is a finding', () => {
    const f = figuresFromTables(layoutOf(indicatorsAcross('110.0')));
    expect(f.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['table-achievement-mismatch', '"스마트공장 보급": achievement stated 110.0 but actual ÷ target gives 102.1%'],
    ]);
  });
});

// ---------------------------------------------------------------- a 한글 document: rates, blocks, group columns

// hwp5-nts-transfer-pricing-review-2014.hwp, as its tables print (the figures of the
// year-blocked table agree with the same document's 14-year table by 사업연도).

/** <재무제표상 연도별 영업이익률> (단위: 백만원): years restated in the body, a % row. */
const ntsMargins = table(
  0,
  [
    ['사업연도', '1999', '2000', '2001', '2002'],
    ['매출액', '148,062', '391,441', '298,723', '287,869'],
    ['영업이익률', '1.79%', '2.21%', '5.29%', '5.17%'],
    ['사업연도', '2003', '2004', '2005', '2006'],
    ['매출액', '295,312', '369,714', '403,648', '542,757'],
    ['영업이익률', '1.38%', '2.90%', '0.09%', '5.30%'],
    ['사업연도', '2007', '2008', '2009', ''],
    ['매출액', '570,095', '663,251', '523,004', ''],
    ['영업이익률', '5.06%', '3.10%', '3.91%', ''],
  ],
  { unit: '백만원', caption: '<재무제표상 연도별 영업이익률>', file: 'nts.hwp' },
);

/** The 1999–2000 adjustment table (단위: 백만원): 청구법인 / 통지관서 merged down, item names beside. */
const ntsAdjustment = table(
  1,
  [
    [{ t: '대상 사업연도', c: 2 }, '1999년', '2000년'],
    [{ t: '청구법인', r: 2 }, '매출원가', '140,547', '370,525'],
    ['총원가', '145,419', '382,781'],
    [{ t: '통지관서', r: 2 }, '모법인의 對 고객 판매가(B)', '165,702', '440,290'],
    ['적정 수취율 (C)', '91.5%', '91.5%'],
  ],
  { unit: '백만원', file: 'nts.hwp' },
);

/** <연구개발용역 대가 누락에 대한 세무조사결과 통지 내용>, captioned only `(백만원)`: a 합계 column. */
const ntsRnd = (total = '23,324') =>
  table(
    1,
    [
      ['사업연도', '합 계', '2008', '2009'],
      ['연구비지출액', total, '11,810', '11,514'],
      ['과세조정액', '24,958', '12,637', '12,321'],
    ],
    { caption: '(백만원)', file: 'nts.hwp' },
  );

/** report-busan-women-family-2025.pdf p.4, 예산규모 by 과 (단위: 천원): a 계 column beside the departments. */
const womenBudgetByDepartment = (total = '1,167,170,859') =>
  table(
    1,
    [
      ['구 분', '계', '여성가족과', '출산보육과', '아동청소년과', '사업소'],
      ['세 입', '808,854,551', '99,379,565', '529,262,008', '177,615,261', '2,597,717'],
      ['세 출', total, '144,322,774', '719,614,545', '290,944,827', '12,288,713'],
    ],
    { unit: '천원', file: 'busan-women.pdf' },
  );

describe('figuresFromTables: rates, year blocks, group columns, total columns', () => {
  it('a table folded into year blocks gives one series per indicator over all blocks; % rows stay %', () => {
    const f = figuresFromTables(layoutOf(ntsMargins));
    expect(seriesViews(f)).toEqual([
      ['매출액', '원', [
        ['1999', 148_062 * M, ''], ['2000', 391_441 * M, ''], ['2001', 298_723 * M, ''], ['2002', 287_869 * M, ''],
        ['2003', 295_312 * M, ''], ['2004', 369_714 * M, ''], ['2005', 403_648 * M, ''], ['2006', 542_757 * M, ''],
        ['2007', 570_095 * M, ''], ['2008', 663_251 * M, ''], ['2009', 523_004 * M, ''],
      ]],
      ['영업이익률', '%', [
        ['1999', 1.79, ''], ['2000', 2.21, ''], ['2001', 5.29, ''], ['2002', 5.17, ''],
        ['2003', 1.38, ''], ['2004', 2.9, ''], ['2005', 0.09, ''], ['2006', 5.3, ''],
        ['2007', 5.06, ''], ['2008', 3.1, ''], ['2009', 3.91, ''],
      ]],
    ]);
    expect(f.budgetLines).toEqual([]);
    expect(f.diagnostics).toEqual([]);
  });
  it('the merged first column groups, the second names; a % row is never money', () => {
    const f = figuresFromTables(layoutOf(ntsAdjustment));
    expect(seriesViews(f)).toEqual([
      ['청구법인 매출원가', '원', [['1999', 140_547 * M, ''], ['2000', 370_525 * M, '']]],
      ['청구법인 총원가', '원', [['1999', 145_419 * M, ''], ['2000', 382_781 * M, '']]],
      ['통지관서 모법인의 對 고객 판매가(B)', '원', [['1999', 165_702 * M, ''], ['2000', 440_290 * M, '']]],
      ['통지관서 적정 수취율 (C)', '%', [['1999', 91.5, ''], ['2000', 91.5, '']]],
    ]);
  });
  it('a caption that is only `(백만원)` is the unit; the 합계 column adds up', () => {
    const f = figuresFromTables(layoutOf(ntsRnd()));
    expect(seriesViews(f)).toEqual([
      ['연구비지출액', '원', [['2008', 11_810 * M, ''], ['2009', 11_514 * M, '']]],
      ['과세조정액', '원', [['2008', 12_637 * M, ''], ['2009', 12_321 * M, '']]],
    ]);
    expect(f.diagnostics).toEqual([]);
  });
  it.each([
    ['a 합계 column that is not the sum of its years', [ntsRnd('23,424')], '"연구비지출액": 합 계 = 2008 + 2009 states 23,424 but the columns give 23,324'],
  ])('%s', (_name, blocks, message) => {
    const f = figuresFromTables(layoutOf(...blocks));
    expect(f.diagnostics.map((d) => [d.code, d.message])).toEqual([['table-formula-mismatch', message]]);
  });
  it('the department table (names across the columns) adds up and gives one line per department from 세출', () => {
    const f = figuresFromTables(layoutOf(womenBudgetByDepartment()));
    expect(f.diagnostics).toEqual([]);
    expect(lineViews(f)).toEqual([
      { program: '여성가족과', budget: 144_322_774 * K },
      { program: '출산보육과', budget: 719_614_545 * K },
      { program: '아동청소년과', budget: 290_944_827 * K },
      { program: '사업소', budget: 12_288_713 * K },
    ]);
    expect(totalViews(f)).toEqual([['계', null, 1_167_170_859 * K]]);
  });
  it('a 계 that is not the sum of the departments is a finding', () => {
    const f = figuresFromTables(layoutOf(womenBudgetByDepartment('1,167,170,869')));
    expect(f.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['table-total-mismatch', '"계" states 1,167,170,869 under "세 출" but the 4 row(s) it covers add up to 1,167,170,859 (천원)'],
    ]);
  });
  it('a footnote mark after a figure is read off (`4,873*`)', () => {
    expect(readCellFigure('4,873*')).toMatchObject({ value: 4873, footnote: '*' });
    expect(readCellFigure('12.5%')).toMatchObject({ value: 12.5, percent: true });
  });
});

describe('figuresFromTables: tables whose columns a reader could not align', () => {
  it.each([
    [
      // program-sheet-moel-national-learning-card-2024.pdf p.1 as a PDF reader split it: the year row lost, 사업명 under 결산.
      'a budget summary with its header shifted: a warning, and no figures',
      table(1, [['결산', '본예산(A)', '정부안', '확정(B)', '(B-A) (B-A)/A', '', ''], ['내일배움카드(일반)', '322,799', '518,815', '584,906', '584,906', '66,091', '12.7']], { unit: '백만원' }),
      'warning', 'figure "66,091" stands under no header',
    ],
    [
      // report-busan-housing-architecture-2025.pdf p.7 as read: four header cells over seven columns of figures.
      'a count table with merged header words: a note, and no checks',
      table(1, [['공', '간', '계', '마을기업 협동조합 사단법인 사회적기업', '', '', ''], ['계', '95', '37', '13', '21', '2', '1'], ['산복도로르네상스 사업', '63', '18', '8', '8', '2', '']], { unit: '개' }),
      'info', 'figure "21" stands under no header',
    ],
  ])('%s', (_name, t, severity, phrase) => {
    const f = figuresFromTables(layoutOf(t));
    expect(f.diagnostics.map((d) => [d.code, d.severity])).toEqual([['table-header-misaligned', severity]]);
    expect(f.diagnostics[0]!.message).toContain(phrase);
    expect(f.budgetLines).toEqual([]);
    expect(f.series).toEqual([]);
  });
});

describe('figuresFromTables: units by name, actuals over years, qualified years', () => {
  // Written in the shape of county work reports: 연도 down the rows, money and one other measure.
  const byYear = (unit: string) =>
    table(
      1,
      [
        ['연도', '사업비', '국비', '인증면적'],
        ['2022', '1,500', '400', '700'],
        ['2023', '1,620', '430', '745'],
        ['2024(계획)', '1,700', '450', '790'],
      ],
      { unit, caption: '연도별 추진 현황' },
    );
  it('(단위: 백만원, ha): money columns in 원, the area column in ha; 계획 marks its year', () => {
    const f = figuresFromTables(layoutOf(byYear('백만원, ha')));
    expect(seriesViews(f)).toEqual([
      ['사업비', '원', [['2022', 1_500 * M, ''], ['2023', 1_620 * M, ''], ['2024', 1_700 * M, '계획']]],
      ['국비', '원', [['2022', 400 * M, ''], ['2023', 430 * M, ''], ['2024', 450 * M, '계획']]],
      ['인증면적', 'ha', [['2022', 700, ''], ['2023', 745, ''], ['2024', 790, '계획']]],
    ]);
    expect(f.diagnostics).toEqual([]);
  });
  it('(단위: 백만원) alone: a column not named as money is not read as money, and the finding says so', () => {
    const f = figuresFromTables(layoutOf(byYear('백만원')));
    expect(seriesViews(f).map((s) => s[0])).toEqual(['사업비', '국비']);
    expect(f.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['table-unit-missing', 'column "인증면적" is not named as money and the table declares no other unit; its figures are not read'],
    ]);
  });
  it("'22 실적 | '23 실적 | '24 목표: the target has no actual of its year; the actuals are a series", () => {
    const f = figuresFromTables(
      layoutOf(
        table(
          1,
          [
            ['지 표', '단위', "'22 실적", "'23 실적", "'24 목표"],
            ['해상풍력 인허가', '건', '14', '19', '25'],
            ['어항 정비율', '%', '61.5', '64.0', '68.0'],
          ],
          { caption: '성과지표' },
        ),
      ),
    );
    expect(targetViews(f)).toEqual([
      ['해상풍력 인허가', '건', 25, '2024', null, null, null],
      ['어항 정비율', '%', 68, '2024', null, null, null],
    ]);
    expect(seriesViews(f)).toEqual([
      ['해상풍력 인허가', '건', [['2022', 14, '실적'], ['2023', 19, '실적']]],
      ['어항 정비율', '%', [['2022', 61.5, '실적'], ['2023', 64, '실적']]],
    ]);
  });
});

describe('figuresFromTables: rows stacked into one', () => {
  const stacked = (labels: string) =>
    table(
      1,
      [
        ['분 야', "'23 예산", "'24 예산", '증 감', '증감률'],
        [labels, '1,000\n800\n200', '1,100\n760\n240', '100\n△40\n40', '10.0\n△5.0\n20.0'],
        ['합 계', '2,000', '2,100', '100', '5.0'],
      ],
      { unit: '억원', caption: '분야별 투자계획' },
    );
  it('a name and every figure cell with three lines are three rows', () => {
    const f = figuresFromTables(layoutOf(stacked('도로\n철도\n항공')));
    expect(lineViews(f)).toEqual([
      { program: '도로', budget: 1_000 * E8, year: '2023' },
      { program: '철도', budget: 800 * E8, year: '2023' },
      { program: '항공', budget: 200 * E8, year: '2023' },
      { program: '도로', budget: 1_100 * E8, year: '2024' },
      { program: '철도', budget: 760 * E8, year: '2024' },
      { program: '항공', budget: 240 * E8, year: '2024' },
    ]);
    expect(totalViews(f)).toEqual([['합계', null, 2_000 * E8], ['합계', null, 2_100 * E8]]);
    expect(f.diagnostics).toEqual([]);
  });
  it('a name of two lines over figures of three is not split: the cells are reported, never joined', () => {
    const f = figuresFromTables(layoutOf(stacked('도로·철도\n항공')));
    expect(f.budgetLines).toEqual([]);
    expect(codes(f)).toEqual(['table-cell-several-numbers', 'table-cell-several-numbers', 'table-cell-several-numbers', 'table-cell-several-numbers']);
  });
});

describe('figuresFromTables: 전년 / 금년 columns under a budget heading', () => {
  const blocks = (outer: string) => [
    { type: 'heading' as const, level: 1, text: outer, source: { file: 'written.md', line: 1, text: outer } },
    { type: 'heading' as const, level: 2, text: '1. 사업별 전년 대비 증감', source: { file: 'written.md', line: 3, text: '' } },
    table(
      1,
      [
        ['구분', "전년('23)", "금년('24)", '증감', '증감률'],
        ['수출바우처', '1,200', '1,350', '150', '12.5'],
        ['해외전시회', '800', '720', '△80', '△10.0'],
        ['계', '2,000', '2,070', '70', '3.5'],
      ],
      { unit: '억원, %', file: 'written.md' },
    ),
  ];
  it('an outer heading naming 예산 makes it a budget table: lines per year, series per row', () => {
    const f = figuresFromTables(layoutOf(...blocks('2024년도 수출지원 주요사업 예산')));
    expect(lineViews(f)).toEqual([
      { program: '수출바우처', budget: 1_200 * E8, year: '2023' },
      { program: '해외전시회', budget: 800 * E8, year: '2023' },
      { program: '수출바우처', budget: 1_350 * E8, year: '2024' },
      { program: '해외전시회', budget: 720 * E8, year: '2024' },
    ]);
    expect(seriesViews(f).map((s) => s[0])).toEqual(['수출바우처', '해외전시회', '1. 사업별 전년 대비 증감 계']);
    expect(f.diagnostics).toEqual([]);
  });
  it('without a budget word above it, the same table gives series but no budget lines', () => {
    const f = figuresFromTables(layoutOf(...blocks('2024년도 수출지원 주요사업 실적')));
    expect(f.budgetLines).toEqual([]);
    expect(f.series).toHaveLength(3);
  });
});

describe('figuresFromTables: a settlement with lettered columns (written, 도 세출결산 shape)', () => {
  const settlement = (rate = '95.0') =>
    table(
      1,
      [
        ['실국', '예산현액(A)', '지출액(B)', '다음연도 이월액(C)', '불용액(A-B-C)', '집행률(B/A)'],
        ['기획실', '1,000,000', '900,000', '60,000', '40,000', '90.0'],
        ['복지국', '3,000,000', '2,850,000', '90,000', '60,000', rate],
        ['합 계', '4,000,000', '3,750,000', '150,000', '100,000', '93.8'],
      ],
      { unit: '천원, %', file: 'written-settlement.md' },
    );
  it('다음연도 이월액 is carried over; (A-B-C) and (B/A) hold; the lines add up', () => {
    const f = figuresFromTables(layoutOf(settlement()));
    expect(lineViews(f)).toEqual([
      { program: '기획실', budget: 1_000_000 * K, executed: 900_000 * K, carriedOver: 60_000 * K, unused: 40_000 * K, basis: '예산현액' },
      { program: '복지국', budget: 3_000_000 * K, executed: 2_850_000 * K, carriedOver: 90_000 * K, unused: 60_000 * K, basis: '예산현액' },
    ]);
    expect(totalViews(f)).toEqual([['합계', null, 4_000_000 * K]]);
    expect(f.diagnostics).toEqual([]);
  });
  it('a 집행률(B/A) that is not B ÷ A is a finding', () => {
    const f = figuresFromTables(layoutOf(settlement('85.0')));
    expect(f.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['table-formula-mismatch', '"복지국": 집행률(B/A) = B/A (B 2,850,000, A 3,000,000) states 85.0 but the columns give 95.0'],
    ]);
  });
});

describe('figuresFromTables: 국 | 부서 with 소계 per 국 and 합계 (written, 자치구 집행 실적 shape)', () => {
  const execution = (welfareSubtotal = '1,550') =>
    table(
      1,
      [
        ['국', '부서', '예산현액', '집행액', '집행률(%)'],
        ['기획국', '기획과', '1,000', '700', '70.0'],
        ['기획국', '경제과', '500', '300', '60.0'],
        ['기획국', '소계', '1,500', '1,000', '66.7'],
        ['복지국', '복지과', '2,000', '1,500', '75.0'],
        ['복지국', '소계', '2,000', welfareSubtotal, '75.0'],
        ['합계', '', '3,500', '2,500', '71.4'],
      ],
      { unit: '천원', file: 'written-execution.md' },
    );
  it('the 국 column groups; 소계 rows are its totals, 합계 the grand total', () => {
    const f = figuresFromTables(layoutOf(execution('1,500')));
    expect(lineViews(f)).toEqual([
      { program: '기획과', group: '기획국', budget: 1_000 * K, executed: 700 * K, basis: '예산현액' },
      { program: '경제과', group: '기획국', budget: 500 * K, executed: 300 * K, basis: '예산현액' },
      { program: '복지과', group: '복지국', budget: 2_000 * K, executed: 1_500 * K, basis: '예산현액' },
    ]);
    expect(totalViews(f)).toEqual([['소계', '기획국', 1_500 * K], ['소계', '복지국', 2_000 * K], ['합계', null, 3_500 * K]]);
    expect(f.diagnostics).toEqual([]);
  });
  it('a 소계 printed above its rows is one finding; the 합계 that agrees with the rows is not blamed', () => {
    const f = figuresFromTables(layoutOf(execution('1,550')));
    expect(f.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['table-total-mismatch', '"소계" states 1,550 under "집행액" but the 1 row(s) it covers add up to 1,500 (천원)'],
    ]);
  });
});

describe('figuresFromTables: one project by year under its name (written, 군 업무보고 shape)', () => {
  const li = (text: string, depth: number, line: number): Block => ({ type: 'list-item', marker: depth ? '◦' : '1.', depth, text, source: { file: 'written-report.txt', line, text } });
  const yearly = table(
    1,
    [
      ['연도', '사업비', '국비', '군비'],
      ['2023', '900', '450', '450'],
      ['2024', '1,000', '500', '500'],
      ['2025(계획)', '1,200', '600', '600'],
    ],
    { unit: '백만원', caption: '연도별 추진 현황', file: 'written-report.txt' },
  );
  it('a line per year for the project named above, with its funding parts; the 계획 year says so', () => {
    const f = figuresFromTables(layoutOf(li('스마트팜 보급 지원', 0, 1), li('사업내용 : 시설원예 스마트팜 장비 지원', 1, 2), yearly));
    expect(f.budgetLines.map((l) => [l.program, l.year, l.budget?.value, l.funding?.map((p) => [p.name, p.amount.value]), l.status ?? null])).toEqual([
      ['스마트팜 보급 지원', '2023', 900 * M, [['국비', 450 * M], ['군비', 450 * M]], null],
      ['스마트팜 보급 지원', '2024', 1_000 * M, [['국비', 500 * M], ['군비', 500 * M]], null],
      ['스마트팜 보급 지원', '2025', 1_200 * M, [['국비', 600 * M], ['군비', 600 * M]], '계획'],
    ]);
  });
  it('with only a section title above (추진 현황), no program is named and no lines are made', () => {
    const f = figuresFromTables(layoutOf(li('주요사업 추진 현황', 0, 1), yearly));
    expect(f.budgetLines).toEqual([]);
    expect(f.series.map((s) => s.indicator)).toEqual(['사업비', '국비', '군비']);
  });
});

describe('figuresFromTables: second origins for the block, group-column and implausible-rate rules', () => {
  it('a written yearly statistics table folded into two blocks', () => {
    const f = figuresFromTables(
      layoutOf(
        table(
          1,
          [
            ['구분', '2019년', '2020년', '2021년'],
            ['방문객', '1,200', '640', '880'],
            ['구분', '2022년', '2023년', '2024년'],
            ['방문객', '1,350', '1,510', '1,620'],
          ],
          { unit: '천명', caption: '연도별 방문객' },
        ),
      ),
    );
    expect(seriesViews(f)).toEqual([
      ['방문객', '천명', [['2019', 1200, ''], ['2020', 640, ''], ['2021', 880, ''], ['2022', 1350, ''], ['2023', 1510, ''], ['2024', 1620, '']]],
    ]);
  });
  it('회계 merged down the rows beside the programs, under an empty header (written, 예산서 shape): group and name', () => {
    const f = figuresFromTables(
      layoutOf(
        table(
          1,
          [
            [{ t: '', c: 2 }, '예산액', '집행액'],
            [{ t: '일반회계', r: 2 }, '청년 주거 지원', '300', '120'],
            ['청년 창업 지원', '200', '80'],
            ['특별회계', '주차장 조성', '500', '100'],
          ],
          { unit: '백만원' },
        ),
      ),
    );
    expect(lineViews(f)).toEqual([
      { program: '청년 주거 지원', group: '일반회계', budget: 300 * M, executed: 120 * M },
      { program: '청년 창업 지원', group: '일반회계', budget: 200 * M, executed: 80 * M },
      { program: '주차장 조성', group: '특별회계', budget: 500 * M, executed: 100 * M },
    ]);
  });
  it('an execution rate over 1,000% is reported and not used', () => {
    const f = figuresFromTables(layoutOf(table(1, [['사업명', '예산액', '집행액', '집행률'], ['가 사업', '1,000', '400', '4,000.0'], ['나 사업', '1,000', '300', '30.0']], { unit: '천원' })));
    expect(f.diagnostics.map((d) => d.code)).toEqual(['table-value-implausible']);
    expect(f.budgetLines.map((l) => l.statedRate?.value ?? null)).toEqual([null, 30]);
  });
});

describe('figuresFromTables: the 한글 review\'s other year tables', () => {
  it('percentages by year need no declared unit (정상가격 범위 2008–2009)', () => {
    const f = figuresFromTables(
      layoutOf(
        table(2, [
          [{ t: '구 분', r: 2 }, { t: '비교대상기업 정상가격 범위', c: 2 }],
          ['2008', '2009'],
          ['상위사분위값', '9.84%', '10.37%'],
          ['중위값', '5.29%', '6.00%'],
          ['정상가격범위 포함여부', '포함', '포함'],
        ]),
      ),
    );
    expect(seriesViews(f)).toEqual([
      ['상위사분위값', '%', [['2008', 9.84, ''], ['2009', 10.37, '']]],
      ['중위값', '%', [['2008', 5.29, ''], ['2009', 6, '']]],
    ]);
    expect(f.diagnostics).toEqual([]);
  });
  it('years down the rows (단위: 백만원, %): 매출원가 and 영업이익 are money, 영업이익률 a rate, 산출방법 words', () => {
    const f = figuresFromTables(
      layoutOf(
        table(
          1,
          [
            ['구분', '산출\n방법', '매출액', '매출\n원가', '영업\n이익', '영업\n이익률'],
            ['2010', '거래\n순이익', '626,062', '558,564', '40,957', '6.54'],
            ['2011', '거래\n순이익', '678,799', '604,762', '44,407', '6.54'],
          ],
          { unit: '백만원, %', caption: '<사업연도별 영업이익률>' },
        ),
      ),
    );
    expect(seriesViews(f)).toEqual([
      ['매출액', '원', [['2010', 626_062 * M, ''], ['2011', 678_799 * M, '']]],
      ['매출 원가', '원', [['2010', 558_564 * M, ''], ['2011', 604_762 * M, '']]],
      ['영업 이익', '원', [['2010', 40_957 * M, ''], ['2011', 44_407 * M, '']]],
      ['영업 이익률', '%', [['2010', 6.54, ''], ['2011', 6.54, '']]],
    ]);
    expect(f.diagnostics).toEqual([]);
  });
});

describe('figuresFromTables: counts printed with their nouns', () => {
  it('a year table of counts with nouns in the cells is a series in that noun, never money', () => {
    const f = figuresFromTables(
      layoutOf(table(1, [['구분', '2023년', '2024년'], ['동백패스 이용자', '76만명', '90만명'], ['정비 완료', '88개소', '96개소']], { unit: '백만원', caption: '주요 성과' })),
    );
    expect(seriesViews(f)).toEqual([
      ['동백패스 이용자', '명', [['2023', 760_000, ''], ['2024', 900_000, '']]],
      ['정비 완료', '개소', [['2023', 88, ''], ['2024', 96, '']]],
    ]);
    expect(f.budgetLines).toEqual([]);
    expect(f.diagnostics).toEqual([]);
  });
});

describe("figuresFromTables: '23 → '24 columns, units in names, a 목표 year (written, 교육청 예산 설명 shape)", () => {
  const arrows = (change = '40') =>
    table(
      1,
      [
        ['사업', "'23 → '24", '증감'],
        ['방과후 학교', '200 → 240', change],
        ['학교 급식', '1,000 → 950', '△50'],
        ['합계', '1,200 → 1,190', '△10'],
      ],
      { caption: '금액: 억원', file: 'written-edu.md' },
    );
  it('each cell gives the first year its figure and the second the one after the arrow: lines, series, totals', () => {
    const f = figuresFromTables(layoutOf(heading('1. 주요사업 예산 변동'), arrows()));
    expect(lineViews(f)).toEqual([
      { program: '방과후 학교', budget: 200 * E8, year: '2023' },
      { program: '학교 급식', budget: 1_000 * E8, year: '2023' },
      { program: '방과후 학교', budget: 240 * E8, year: '2024' },
      { program: '학교 급식', budget: 950 * E8, year: '2024' },
    ]);
    expect(totalViews(f)).toEqual([['합계', null, 1_200 * E8], ['합계', null, 1_190 * E8]]);
    expect(seriesViews(f)).toEqual([
      ['방과후 학교', '원', [['2023', 200 * E8, ''], ['2024', 240 * E8, '']]],
      ['학교 급식', '원', [['2023', 1_000 * E8, ''], ['2024', 950 * E8, '']]],
      ['1. 주요사업 예산 변동 합계', '원', [['2023', 1_200 * E8, ''], ['2024', 1_190 * E8, '']]],
    ]);
    expect(f.diagnostics).toEqual([]);
  });
  it('a 증감 that is not the second figure minus the first is a finding', () => {
    const f = figuresFromTables(layoutOf(heading('1. 주요사업 예산 변동'), arrows('60')));
    expect(f.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['table-formula-mismatch', '"방과후 학교": 증감 (2024 − 2023) states 60 but the columns give 40'],
      // The misprinted 증감 no longer adds up to the 합계's either: that is true as well.
      ['table-total-mismatch', '"합계" states -10 under "증감" but the 2 row(s) it covers add up to 10 (억원)'],
    ]);
  });
  it('units at the end of row names, and a 2025(목표) column: series per row, targets for 2025', () => {
    const f = figuresFromTables(
      layoutOf(
        heading('2. 성과지표'),
        table(1, [
          ['지표', '2022', '2023', '2025(목표)'],
          ['기초학력 미달 비율(%)', '7.2', '6.4', '5.0'],
          ['돌봄 참여 학생(명)', '4,100', '6,900', '12,000'],
          ['그린스마트 학교(교)', '12', '25', '48'],
        ]),
      ),
    );
    expect(seriesViews(f)).toEqual([
      ['기초학력 미달 비율', '%', [['2022', 7.2, ''], ['2023', 6.4, '']]],
      ['돌봄 참여 학생', '명', [['2022', 4_100, ''], ['2023', 6_900, '']]],
      ['그린스마트 학교', '교', [['2022', 12, ''], ['2023', 25, '']]],
    ]);
    expect(targetViews(f)).toEqual([
      ['기초학력 미달 비율', '%', 5, '2025', null, null, null],
      ['돌봄 참여 학생', '명', 12_000, '2025', null, null, null],
      ['그린스마트 학교', '교', 48, '2025', null, null, null],
    ]);
    expect(f.budgetLines).toEqual([]);
    expect(f.diagnostics).toEqual([]);
  });
});

describe('figuresFromTables: a dash where a budgeted row\'s executed amount goes', () => {
  it.each([
    {
      name: 'a dash is nothing spent (education office execution, ▪ children)',
      rows: [['정책사업', '예산액', '지출액', '잔액', '집행률'], ['무상급식 지원', '11,930', '8,911', '3,019', '74.7'], ['특수교육 지원', '850', '-', '850', '0.0']],
      expected: [
        { program: '무상급식 지원', budget: 11_930_000_000, executed: 8_911_000_000, remaining: 3_019_000_000 },
        { program: '특수교육 지원', budget: 850_000_000, executed: 0, remaining: 850_000_000 },
      ],
    },
    {
      name: 'an empty cell says nothing: no executed amount',
      rows: [['사업명', '예산액', '집행액'], ['도로정비', '1,200', '800'], ['하천관리', '300', '']],
      expected: [
        { program: '도로정비', budget: 1_200_000_000, executed: 800_000_000 },
        { program: '하천관리', budget: 300_000_000 },
      ],
    },
  ])('$name', ({ rows, expected }) => {
    const f = figuresFromTables(layoutOf(table(1, rows, { unit: '백만원', caption: '집행 현황' })));
    expect(lineViews(f)).toEqual(expected);
  });
});
