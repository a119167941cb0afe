// Tables read across: department names across the columns (read as the transpose), a
// wide table printed in two parts, the columns a 계 column adds up, and one project's
// money across the years under its 사업명 line. Tables are written out by hand from
// the cited pages or in a shape other agencies print; every expected figure was read
// off the page or added up by hand.

import { describe, expect, it } from 'vitest';
import { transposedAcross, joinedAcross } from '../../src/extract/table-across.js';
import { figuresFromTables } from '../../src/extract/table-figures.js';
import { nameLine } from '../../src/extract/table-rows.js';
import { classifyTable } from '../../src/extract/table-roles.js';
import { partsOfTotalColumn } from '../../src/extract/table-checks.js';
import type { Block, TableBlock } from '../../src/layout/types.js';
import { layoutOf, table, type CellSpec } from './table-helpers.js';

const M = 1_000_000;
const K = 1_000;

const item = (text: string): Block => ({ type: 'list-item', marker: '○', depth: 0, text, source: { file: 'test.txt', line: 1, text } });

/** report-busan-citizen-health-2025.pdf p.5, 일반·특별회계 (단위: 백만원). */
const healthBudget = (total = '202,400') =>
  table(
    1,
    [
      ['구 분', '계', '건강정책과', '보건위생과', '감염병관리과'],
      ['세 입', '112,628', '56,845', '11,364', '44,419'],
      ['세 출', total, '125,114', '31,828', '45,458'],
    ],
    { unit: '백만원', file: 'busan-health.pdf' },
  );

/** Written: a 군 부서별 예산 with 세출예산 only, 합계 last, 천원. */
const countyBudget = table(
  1,
  [
    ['과 목', '농업정책과', '축산과', '산림녹지과', '합계'],
    ['세출예산', '8,120,400', '3,004,150', '5,210,000', '16,334,550'],
  ],
  { unit: '천원' },
);

/** Written: a 도 실국 예산 현황 with the year before 예산 on each row and a 증감 row (△ negative). */
const yearBudgets = table(
  1,
  [
    ['구 분', '합 계', '가정책과', '나지원과'],
    ['2024 예산', '30,500', '12,000', '18,500'],
    ['2025 예산', '31,200', '14,100', '17,100'],
    ['증 감', '700', '2,100', '△1,400'],
  ],
  { unit: '백만원' },
);

const lines = (blocks: Block[]) => figuresFromTables(layoutOf(...blocks)).budgetLines.map((l) => [l.program, l.budget?.value ?? null, l.year ?? null]);
const totals = (blocks: Block[]) => figuresFromTables(layoutOf(...blocks)).budgetTotals.map((t) => [t.label, t.budget?.value ?? null]);
const findings = (blocks: Block[]) => figuresFromTables(layoutOf(...blocks)).diagnostics.map((d) => [d.code, d.message]);

describe('transposedAcross: names across the columns, measures down the rows', () => {
  it.each([
    ['Busan citizen health p.5: 세입/세출 by 과', healthBudget(), ['구 분', '세 입', '세 출'], ['계', '건강정책과', '보건위생과', '감염병관리과']],
    ['written county table: 세출예산 alone, 합계 last', countyBudget, ['과 목', '세출예산'], ['농업정책과', '축산과', '산림녹지과', '합계']],
    ['years before the measure and a 증감 row', yearBudgets, ['구 분', '2024 예산', '2025 예산', '증 감'], ['합 계', '가정책과', '나지원과']],
    ['’25년 예산 and 2025년 본예산 rows', table(1, [['구분', '가과', '나과'], ['’25년 예산', '10', '20'], ['2025년 본예산', '10', '20']], { unit: '백만원' }), ['구분', '’25년 예산', '2025년 본예산'], ['가과', '나과']],
  ])('%s is read as its transpose', (_name, t, header, names) => {
    const turned = transposedAcross(t)!.table;
    expect(turned.rows[0]!.cells.map((c) => c.text)).toEqual(header);
    expect(turned.rows.slice(1).map((r) => r.cells[0]!.text)).toEqual(names);
  });

  const notTurned: [string, TableBlock][] = [
    ['funding parts across (계 | 국비 | 시비) are a funding breakdown', table(1, [['구 분', '계', '국비', '시비'], ['세 출', '300', '200', '100']], { unit: '백만원' })],
    ['years across (2025년도 | 2024년도) are a multi-year table', table(1, [['구 분', '2025년도', '2024년도'], ['일반회계', '7,361', '4,906'], ['특별회계', '3,392', '3,153']], { unit: '억원' })],
    ['rows that are not measures (정원/현원)', table(1, [['구 분', '계', '건강정책과', '보건위생과'], ['정 원', '40', '22', '18'], ['현 원', '41', '22', '19']])],
    ['revenue only: no budget once turned', table(1, [['구 분', '계', '가과', '나과'], ['세 입', '30', '10', '20']], { unit: '백만원' })],
    ['a year before a row that is not a measure (2024 정원)', table(1, [['구 분', '가과', '나과'], ['2024 정원', '10', '20'], ['2025 예산', '30', '40']], { unit: '백만원' })],
    ['one name only', table(1, [['구 분', '계', '가과'], ['세 출', '30', '30']], { unit: '백만원' })],
    ['words under the names', table(1, [['구 분', '가과', '나과'], ['세 출', '미정', '협의 중']], { unit: '백만원' })],
    ['a header of two rows', table(2, [[{ t: '구 분', r: 2 }, { t: '경제국', c: 2 }], ['가과', '나과'], ['세 출', '10', '20']], { unit: '백만원' })],
  ];
  it.each(notTurned)('%s: not turned', (_name, t) => {
    expect(transposedAcross(t)).toBeUndefined();
  });

  it('the 세출 row gives one line per name, the 계 column the total; 세입 gives no line', () => {
    expect(lines([healthBudget()])).toEqual([
      ['건강정책과', 125_114 * M, null],
      ['보건위생과', 31_828 * M, null],
      ['감염병관리과', 45_458 * M, null],
    ]);
    expect(totals([healthBudget()])).toEqual([['계', 202_400 * M]]);
    expect(findings([healthBudget()])).toEqual([]);
    expect(lines([countyBudget])).toEqual([
      ['농업정책과', 8_120_400 * K, null],
      ['축산과', 3_004_150 * K, null],
      ['산림녹지과', 5_210_000 * K, null],
    ]);
    expect(totals([countyBudget])).toEqual([['합계', 16_334_550 * K]]);
  });

  it('a year before 예산 gives each row its year; the 증감 row gives no line and no finding', () => {
    expect(lines([yearBudgets])).toEqual([
      ['가정책과', 12_000 * M, '2024'],
      ['나지원과', 18_500 * M, '2024'],
      ['가정책과', 14_100 * M, '2025'],
      ['나지원과', 17_100 * M, '2025'],
    ]);
    expect(totals([yearBudgets])).toEqual([
      ['합계', 30_500 * M],
      ['합계', 31_200 * M],
    ]);
    expect(findings([yearBudgets])).toEqual([]);
  });

  it('a 계 that is not the sum of the departments is a finding', () => {
    expect(findings([healthBudget('202,500')])).toEqual([
      ['table-total-mismatch', '"계" states 202,500 under "세 출" but the 3 row(s) it covers add up to 202,400 (백만원)'],
    ]);
  });
});

/** report-busan-citizen-health-2025.pdf p.7, 의료기관 종사인력 (단위: 명), printed in two parts. */
const staffFirst = (total = '71,418') =>
  table(
    2,
    [
      [{ t: '계', r: 2 }, { t: '의 료 인', c: 5 }, { t: '약 사', r: 2 }, { t: '한약사', r: 2 }],
      ['의사', '치과의사', '한의사', '간호사', '조산사'],
      [total, '8,110', '1,873', '1,842', '23,644', '0', '3,037', '64'],
    ],
    { unit: '명', caption: '의료기관 종사인력', file: 'busan-health.pdf' },
  );
const staffSecond = table(
  1,
  [
    ['임 상\n병리사', '방사선사', '물 리\n치료사', '치 과\n위생사', '치 과\n기공사', '작 업\n치료사', '보건의료\n정보관리사', '간 호\n조무사'],
    ['2,213', '2,527', '3,922', '3,005', '297', '767', '533', '19,584'],
  ],
  { unit: '명', file: 'busan-health.pdf' },
);

describe('joinedAcross: a wide table printed in two parts', () => {
  it('joins the second part beside the first, its header stretched down to the first one\'s', () => {
    const joined = joinedAcross(staffFirst(), staffSecond)!;
    expect(joined.headerRows).toBe(2);
    expect(joined.rows.map((r) => r.cells.length)).toEqual([12, 5, 16]);
    expect(joined.rows[0]!.cells.slice(4).map((c) => c.rowSpan)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
  });
  it('the 계 then adds up the columns of both parts; a misprint is still found', () => {
    expect(findings([staffFirst(), staffSecond])).toEqual([]);
    expect(findings([staffFirst('71,518')])).toEqual([
      ['table-formula-mismatch', '"": 계 = 의사 + 치과의사 + 한의사 + 간호사 + 조산사 + 약 사 + 한약사 states 71,518 but the columns give 38,570'],
    ]);
    expect(findings([staffFirst('71,518'), staffSecond])).toEqual([
      [
        'table-formula-mismatch',
        '"": 계 = 의사 + 치과의사 + 한의사 + 간호사 + 조산사 + 약 사 + 한약사 + 임 상 병리사 + 방사선사 + 물 리 치료사 + 치 과 위생사 + 치 과 기공사 + 작 업 치료사 + 보건의료 정보관리사 + 간 호 조무사 states 71,518 but the columns give 71,418',
      ],
    ]);
  });
  const rows = (...r: CellSpec[][]) => r;
  it.each([
    ['the second part has a caption of its own', staffFirst(), table(1, rows(['가', '나'], ['1', '2']), { caption: '다른 표' })],
    ['the second part names its rows', staffFirst(), table(1, rows(['구 분', '가', '나'], ['정원', '1', '2']))],
    ['the parts have different numbers of rows', staffFirst(), table(1, rows(['가', '나'], ['1', '2'], ['3', '4']))],
    ['the first part does not start with a 계', table(1, rows(['가', '나'], ['1', '2'])), table(1, rows(['다', '라'], ['3', '4']))],
    ['the second part declares another unit', staffFirst(), table(1, rows(['가', '나'], ['1', '2']), { unit: '개소' })],
  ])('not joined when %s', (_name, a, b) => {
    expect(joinedAcross(a, b)).toBeUndefined();
  });
});

describe('partsOfTotalColumn: the run of columns a 계 adds up', () => {
  const partNames = (t: TableBlock) => {
    const cls = classifyTable(t);
    const total = cls.columns.find((c) => c.role === 'total')!;
    return partsOfTotalColumn(total, cls).map((c) => c.path.join(' › '));
  };
  it.each([
    [
      // report-busan-citizen-health-2025.pdf p.6, 약국 등 현황 (개소): 도매상 over two sub-columns.
      'a header over sub-columns counts by its sub-columns',
      table(2, [
        [{ t: '계', r: 2 }, { t: '도매상', c: 2 }, { t: '약국', r: 2 }, { t: '한약국', r: 2 }],
        ['의약품', '한약'],
        ['2,204', '454', '34', '1,683', '33'],
      ]),
      ['도매상 › 의약품', '도매상 › 한약', '약국', '한약국'],
    ],
    [
      // report-busan-housing-architecture-2025.pdf p.8, 도시재생사업 추진현황 (억원): 개수 stands left of 계.
      'a column on the far side of the 계 is not a part',
      table(2, [
        [{ t: '권 역 명', r: 2 }, { t: '개수', r: 2 }, { t: '계', r: 2 }, { t: '마중물사업', c: 2 }, { t: '기타\n(공기업, 민간 등)', r: 2 }],
        ['국비', '지방비'],
        ['강 동 권', '8', '4,143', '831', '830', '2,482'],
      ]),
      ['마중물사업 › 국비', '마중물사업 › 지방비', '기타 (공기업, 민간 등)'],
    ],
    [
      'a header over sub-columns with its own 소계 counts by the 소계',
      table(2, [
        [{ t: '구분', r: 2 }, { t: '합계', r: 2 }, { t: '국비', c: 3 }, { t: '시비', r: 2 }],
        ['소계', '일반', '특별'],
        ['가사업', '100', '60', '40', '20', '40'],
      ]),
      ['국비 › 소계', '시비'],
    ],
    [
      'a 계 last adds up the columns to its left, up to the name column',
      table(1, [['구분', '2023', '2024', '계', '비고'], ['가사업', '10', '20', '30', '']]),
      ['2024', '2023'].reverse(),
    ],
  ])('%s', (_name, t, expected) => {
    expect(partNames(t)).toEqual(expected);
  });
  it('a 계 with a footnote mark is not checked: the note says how it was counted', () => {
    // report-busan-citizen-health-2025.pdf p.7, 국가예방접종 위탁의료기관: `계*` (* 의료기관 중복).
    const t = table(2, [[{ t: '계*', r: 2 }, { t: '국가예방접종', c: 2 }], ['어린이', '성인'], ['1,000', '821', '600']], { unit: '개소' });
    expect(findings([t])).toEqual([]);
    const plain = table(2, [[{ t: '계', r: 2 }, { t: '국가예방접종', c: 2 }], ['어린이', '성인'], ['1,000', '821', '600']], { unit: '개소' });
    expect(findings([plain])).toEqual([['table-formula-mismatch', '"": 계 = 어린이 + 성인 states 1,000 but the columns give 1,421']]);
  });
});

/** report-busan-housing-architecture-2025.pdf p.54, 왁자지껄! 삼락덕포 행정타운 (단위: 백만원). */
const samnak = (total = '801') =>
  table(
    2,
    [
      [{ t: '구 분', r: 2 }, { t: '총사업비', r: 2 }, { t: '‘23년 이전', c: 2 }, { t: '‘24년', c: 2 }, { t: '‘25년', r: 2 }, { t: '‘26년 이후', r: 2 }],
      ['예산', '집행', '예산', '집행'],
      ['계', '30,000', total, '801', '5,010', '4,214', '2,685', '21,504'],
      ['국 비', '15,000', '-', '-', '3,950', '3,933', '2,630', '8,420'],
      ['시 비', '7,500', '-', '-', '-', '-', '-', '7,500'],
      ['기 타', '7,500', '801', '801', '1,060', '281', '55', '5,584'],
    ],
    { unit: '백만원', caption: '총사업비 : □ 연도별 예산 및 집행 현황', file: 'busan-housing.pdf' },
  );

/** Written (광역시 공모사업 현황 shape): 국비 50 / 시비 40 / 구비 10, so 국비 = 시비 + 구비 in every column. */
const matched = table(
  2,
  [
    [{ t: '구분', r: 2 }, { t: '총사업비', r: 2 }, { t: '2023년까지', c: 2 }, { t: '2024년', c: 2 }, '2025년', { t: '2026년 이후', r: 2 }],
    ['예산', '집행', '예산', '집행', '예산'],
    ['계', '6,000', '2,000', '1,950', '1,500', '1,320', '1,500', '1,000'],
    ['국비', '3,000', '1,000', '975', '750', '660', '750', '500'],
    ['시비', '2,400', '800', '780', '600', '528', '600', '400'],
    ['구비', '600', '200', '195', '150', '132', '150', '100'],
  ],
  { unit: '백만원' },
);

describe('one project\'s money across the years (계 over funding rows, under its 사업명)', () => {
  it.each([
    ['사 업 명 : 수요응답형 교통(DRT) 운영', '수요응답형 교통(DRT) 운영'],
    ['사업명: 반다비 국민체육센터 건립', '반다비 국민체육센터 건립'],
    ['과 제 명 : 스마트 물류 실증', '스마트 물류 실증'],
    ['사업기간 : 2023. 9월 ∼ 2024. 8월', undefined],
    ['총사업비 : 연도별 예산 및 집행 현황', undefined],
    ['사업명', undefined],
  ])('nameLine(%j) → %j', (text, expected) => {
    expect(nameLine(text)).toBe(expected);
  });

  it('gives a line per year from the 계 row: before-years dated `2023 이전`, no line for the years after', () => {
    const f = figuresFromTables(layoutOf(item('사 업 명 : 왁자지껄! 삼락덕포 행정타운'), item('공모기간 : 2024. 9월 ∼ 2024.12월'), samnak()));
    expect(f.budgetLines.map((l) => [l.program, l.year, l.budget?.value ?? null, l.executed?.value ?? null, (l.funding ?? []).map((p) => [p.name, p.amount.value])])).toEqual([
      ['왁자지껄! 삼락덕포 행정타운', '2023 이전', 801 * M, 801 * M, [['기타', 801 * M]]],
      ['왁자지껄! 삼락덕포 행정타운', '2024', 5_010 * M, 4_214 * M, [['국비', 3_950 * M], ['기타', 1_060 * M]]],
      ['왁자지껄! 삼락덕포 행정타운', '2025', 2_685 * M, null, [['국비', 2_630 * M], ['기타', 55 * M]]],
    ]);
    expect(f.series.map((s) => [s.indicator, s.points.map((p) => [p.period, p.value])])).toEqual([
      ['왁자지껄! 삼락덕포 행정타운 계', [['2024', 5_010 * M], ['2025', 2_685 * M]]],
      ['왁자지껄! 삼락덕포 행정타운 국비', [['2024', 3_950 * M], ['2025', 2_630 * M]]],
      ['왁자지껄! 삼락덕포 행정타운 기타', [['2024', 1_060 * M], ['2025', 55 * M]]],
    ]);
    expect(f.diagnostics).toEqual([]);
  });

  it('without a name above the table no line is made', () => {
    expect(lines([samnak()])).toEqual([]);
  });

  it('funding parts that happen to add up (국비 = 시비 + 구비) stay parts: no false total finding', () => {
    const f = figuresFromTables(layoutOf(item('사업명 : 미디어아트 플랫폼 구축'), matched));
    expect(f.diagnostics).toEqual([]);
    expect(f.budgetLines.map((l) => [l.year, l.budget?.value, l.executed?.value ?? null])).toEqual([
      ['2023 이전', 2_000 * M, 1_950 * M],
      ['2024', 1_500 * M, 1_320 * M],
      ['2025', 1_500 * M, null],
    ]);
  });

  it('a 계 that its parts do not add up to is still a finding', () => {
    expect(findings([item('사 업 명 : 왁자지껄! 삼락덕포 행정타운'), samnak('901')])).toEqual([
      ['table-total-mismatch', '"계" states 901 under "‘23년 이전 예산" but the 3 row(s) it covers add up to 801 (백만원)'],
    ]);
  });
});

describe('classifyTable: 기타 alone is not a source of money', () => {
  it.each([
    ['계 | … | 기타 (counts)', table(1, [['계', '정부출연연구기관', '기업부설연구소', '기타'], ['1,625', '26', '1,588', '11']], { unit: '개소' }), 'other'],
    ['계 | 국비 | 기타', table(1, [['구분', '계', '국비', '기타'], ['가사업', '30', '20', '10']], { unit: '백만원' }), 'funding-breakdown'],
  ])('%s → %s', (_name, t, kind) => {
    expect(classifyTable(t).kind).toBe(kind);
  });
});
