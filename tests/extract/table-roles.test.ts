// Header meanings: normalization, the role vocabulary, years, letter formulas,
// stacked headers combined per column, and the kind of table. Headers are the
// ones printed on the real pages named beside them, or common variants.

import { describe, expect, it } from 'vitest';
import { classifyTable, columnInfos, formulaOf, headerLines, headerRowCount, namesFundingPart, normalizeHeader, roleOfHeader, yearColumnOf, yearOf } from '../../src/extract/table-roles.js';
import { table } from './table-helpers.js';

/** A table's class, its one reason (naming the headers that decided), and its label and group columns. */
function expectClassified(t: Parameters<typeof classifyTable>[0], kind: string, labelColumn: number | undefined, groupColumn: number | undefined, reason: string) {
  const cls = classifyTable(t);
  expect(cls.kind).toBe(kind);
  expect(cls.reasons).toEqual([reason]);
  expect(cls.labelColumn).toBe(labelColumn);
  expect(cls.groupColumn).toBe(groupColumn);
  return cls;
}

describe('normalizeHeader', () => {
  it.each([
    ['잔 액', '잔액'],
    ['본예산(A)', '본예산'],
    ['확정(B )', '확정'], // molit small-housing p.2 prints a space inside the marker
    ['(B-A)/A', ''],
    ['증 감(B)', '증감'],
    ['2025년도말 조성예정액 (A+B)', '2025년도말조성예정액'],
    ['① 집행률(%)', '집행률'],
    ['집행액 누계', '집행액'],
    ['ｅ예산액', 'e예산액'],
    ['사업비(천원)', '사업비'],
  ])('%j → %j', (text, expected) => expect(normalizeHeader(text)).toBe(expected));
});

describe('namesFundingPart', () => {
  it.each([
    ['국비', true],
    ['시 비', true],
    ['지방비(B)', true],
    ['기금', true],
    ['사업비', false], // a budget header
    ['합계', false],
    ['추가사업12', false],
    ['', false],
    ['국비(보조)', true],
    ['（국비）', true],
    ['민 자', true],
    ['자체사업', false], // every letter of 자체, but not the word
    ['국고보조금', false],
    ['비국', false], // the letters of 국비, not the word
  ])('%j → %j', (text, expected) => expect(namesFundingPart(text)).toBe(expected));
});

describe('roleOfHeader: the vocabulary', () => {
  it.each([
    ['사업명', 'label', undefined],
    ['세부사업', 'label', undefined],
    ['내역사업명', 'label', undefined],
    ['회계별', 'label', undefined],
    ['부서', 'label', undefined],
    ['구 분', 'label', undefined],
    ['목명', 'label', undefined],
    ['분야', 'group', undefined],
    ['예산액', 'budget', undefined],
    ['예산현액', 'budget', 'current'],
    ['계획 현액', 'budget', 'current'],
    ['본예산(A)', 'budget', 'original'],
    ['당초(A)', 'budget', 'original'],
    ['추경', 'budget', 'revised'],
    ['수정', 'budget', 'revised'],
    ['정부안', 'budget', 'proposal'],
    ['2024 정부안', 'budget', 'proposal'],
    ['2025(안)', 'budget', 'proposal'],
    ['국회확정(B)', 'budget', 'final'],
    ['계획액 (수정)', 'budget', 'plan'],
    ['배정액', 'budget', 'allocated'],
    ['결산', 'executed', 'settled'],
    ['집행액', 'executed', undefined],
    ['지출액', 'executed', undefined],
    ['집행액 [실집행액]', 'executed', undefined],
    ['집행실적', 'executed', undefined],
    ['잔액', 'remaining', undefined],
    ['집행잔액', 'remaining', undefined],
    ['이월액', 'carriedOver', undefined],
    ['사고이월', 'carriedOver', undefined],
    ['명시이월', 'carriedOver', undefined],
    ['불용액', 'unused', undefined],
    ['집행률', 'rate', undefined],
    ['집행율', 'rate', undefined],
    ['진도율', 'rate', undefined],
    ['목표', 'target', undefined],
    ['실적', 'actual', undefined],
    ['달성률', 'achievement', undefined],
    ['달성도', 'achievement', undefined],
    ['증감', 'change', undefined],
    ['(B-A)', 'change', undefined],
    ['증감률', 'changeRate', undefined],
    ['(B-A)/A', 'changeRate', undefined],
    ['국비', 'funding', undefined],
    ['지방비', 'funding', undefined],
    ['자부담', 'funding', undefined],
    ['합계', 'total', undefined],
    ["'22", 'year', undefined],
    ['’23', 'year', undefined],
    ['2024년', 'year', undefined],
    ["전년('23)", 'year', undefined],
    ["금년('24)", 'year', undefined],
    ['번호', 'index', undefined],
    ['수 입', 'other', undefined],
    ['조성액(A)', 'other', undefined],
  ])('%j is %s', (text, role, stage) => {
    const meaning = roleOfHeader(text);
    expect(meaning.role).toBe(role);
    expect(meaning.stage).toBe(stage);
  });
});

describe('yearOf', () => {
  it.each([
    ["'22", { year: '2022' }],
    ['’23년', { year: '2023' }],
    ['2024년도', { year: '2024' }],
    ['2025(안)', { year: '2025' }],
    ['2023(’22.12월말)', { year: '2023' }], // molit sheets: the 2023 columns as of a 2022 date
    ['’23년 이전', { year: '2023', bucket: 'before' }],
    ['’26년 이후', { year: '2026', bucket: 'after' }],
    ['2024년도말 조성액(A)', { year: '2024', end: true }],
    ['２０２４년', { year: '2024' }], // full-width digits
    ['’２５', { year: '2025' }],
  ])('%j', (text, expected) => expect(yearOf(text)).toEqual(expected));
  it.each(['사업명', '12.7', '집행률'])('%j names no year', (text) => expect(yearOf(text)).toBeUndefined());
});

describe('yearColumnOf: the year of a header that names a year and nothing else (tables and claims)', () => {
  it.each([
    ['2024', '2024'],
    ['’24', '2024'],
    ["'24년", '2024'],
    ['2024년', '2024'],
    ['2024년도', '2024'],
    ['2025(안)', '2025'],
    ['2025 (안)', '2025'],
    ['2024년말', '2024'],
    ['2023(’22.12월말)', '2023'],
    ['2024(천원)', '2024'],
    ["'23년 이전", undefined],
    ['2024 예산', undefined],
    ['2020 상반기', undefined],
    ['증감', undefined],
    ['사업명', undefined],
  ])('%j', (text, year) => expect(yearColumnOf(text)).toBe(year));
});

describe('formulaOf', () => {
  it.each([
    ['본예산(A)', { letter: 'A' }],
    ['확정(B )', { letter: 'B' }],
    ['(B-A)', { expression: 'B-A' }],
    ['(B-A)/A', { expression: '(B-A)/A' }],
    ['(B-A)/\nA', { expression: '(B-A)/A' }],
    ['조성예정액 (A+B)', { expression: 'A+B' }],
    ['본예산（Ａ）', { letter: 'A' }], // full-width letter and brackets
    ['（Ｂ－Ａ）／Ａ', { expression: '(B-A)/A' }],
    ['예산액', undefined],
    ['(a)', undefined],
  ])('%j', (text, expected) => expect(formulaOf(text)).toEqual(expected));
});

describe('columnInfos: stacked headers combined per column from the grid', () => {
  it('two headers stacked in one cell (no rule between them, mohw and moel sheets p.1): its lines are the header rows', () => {
    const t = table(2, [
      [{ t: '사업명', r: 2 }, { t: '2022년\n결산', r: 2 }, { t: '2023년 예산\n본예산(A)', r: 2 }, { t: '2024년', c: 2 }, { t: '증감', c: 2 }],
      ['정부안', '확정(B)', '(B-A)', '(B-A)/A'],
      ['생계급여', '5,386,007', '6,014,148', '7,541,072', '7,541,072', '1,526,924', '25.4'],
    ]);
    expect(columnInfos(t).map((c) => [c.path, c.role, c.stage ?? null, c.year?.year ?? null])).toEqual([
      [['사업명'], 'label', null, null],
      [['2022년 결산'], 'executed', 'settled', '2022'],
      [['2023년 예산', '본예산(A)'], 'budget', 'original', '2023'],
      [['2024년', '정부안'], 'budget', 'proposal', '2024'],
      [['2024년', '확정(B)'], 'budget', 'final', '2024'],
      [['증감', '(B-A)'], 'change', null, null],
      [['증감', '(B-A)/A'], 'changeRate', null, null],
    ]);
  });
  it.each([
    ['2023년 예산\n본예산(A)', ['2023년 예산', '본예산(A)']],
    ['지원 금액\n(2024 예산)', ['지원 금액', '(2024 예산)']], // mohw senior-jobs p.3
    ['2022년\n결산', ['2022년 결산']], // the whole cell names its role
    ['피보조․\n피출연 등\n기관명', ['피보조․ 피출연 등 기관명']], // no line names a figure
    ['내역\n사업명', ['내역 사업명']],
    ['지원\n비율(%)', ['지원 비율(%)']],
  ])('headerLines(%j) → %j', (text, expected) => expect(headerLines(text)).toEqual(expected));
  it('a year over 결산 / 예산 over 본예산 / 증감 over (B-A) (moel program sheet p.1)', () => {
    const t = table(2, [
      [{ t: '사업명', r: 2 }, '2022년', '2023년 예산', { t: '2024년', c: 2 }, { t: '증감', c: 2 }],
      ['결산', '본예산(A)', '정부안', '확정(B)', '(B-A)', '(B-A)/A'],
      ['내일배움카드(일반)', '322,799', '518,815', '584,906', '584,906', '66,091', '12.7'],
    ]);
    expect(columnInfos(t).map((c) => [c.path, c.role, c.stage ?? null, c.year?.year ?? null, c.formula ?? null])).toEqual([
      [['사업명'], 'label', null, null, null],
      [['2022년', '결산'], 'executed', 'settled', '2022', null],
      [['2023년 예산', '본예산(A)'], 'budget', 'original', '2023', { letter: 'A' }],
      [['2024년', '정부안'], 'budget', 'proposal', '2024', null],
      [['2024년', '확정(B)'], 'budget', 'final', '2024', { letter: 'B' }],
      [['증감', '(B-A)'], 'change', null, null, { expression: 'B-A' }],
      [['증감', '(B-A)/A'], 'changeRate', null, null, { expression: '(B-A)/A' }],
    ]);
  });
  it('three header rows: 2023 › 계획액 › 당초, a forecast, and a …제외 basis (molit sheet p.2)', () => {
    const t = table(3, [
      [{ t: '', r: 3 }, { t: '2023(’22.12월말)', c: 6 }],
      [{ t: '계획액', c: 2 }, { t: '집행액 [실집행액]', r: 2 }, { t: '전년도 이월액 제외', c: 2 }, { t: '불용 예상액', r: 2 }],
      ['당초', '수정', '계획 현액', '집행액 [실집행액]'],
      ['가로주택정비사업', '449,600', '25,844', '474,546\n[474,546]', '475,444', '474,546\n[474,546]', '898'],
    ]);
    expect(columnInfos(t).map((c) => [c.role, c.stage ?? null, c.year?.year ?? null, !!c.expected, !!c.excluded, c.second ?? null])).toEqual([
      ['other', null, null, false, false, null],
      ['budget', 'original', '2023', false, false, null],
      ['budget', 'revised', '2023', false, false, null],
      ['executed', null, '2023', false, false, 'disbursed'],
      ['budget', 'current', '2023', false, true, null],
      ['executed', null, '2023', false, true, 'disbursed'],
      ['unused', null, '2023', true, false, null],
    ]);
  });
  it('a reader that counted one header row: the row of 예산 | 집행 below it is header too (busan p.34 shape)', () => {
    const t = table(1, [
      [{ t: '구 분', r: 2 }, { t: '총사업비', r: 2 }, { t: '’23년 이전', c: 2 }, { t: '’24년', c: 2 }, { t: '’25년', r: 2 }],
      ['예산', '집행', '예산', '집행'],
      ['계', '1,580', '1,180', '1,180', '', '', ''],
    ]);
    expect(headerRowCount(t)).toBe(2);
    expect(columnInfos(t).map((c) => [c.role, c.year?.year ?? null, c.year?.bucket ?? null])).toEqual([
      ['label', null, null],
      ['other', null, null],
      ['budget', '2023', 'before'],
      ['executed', '2023', 'before'],
      ['budget', '2024', null],
      ['executed', '2024', null],
      ['year', '2025', null],
    ]);
  });
  it('a body row of funding words with blank figures is not taken for a header', () => {
    const t = table(1, [['구 분', '’24년', '’25년'], ['기 타', '', ''], ['계', '100', '200']]);
    expect(headerRowCount(t)).toBe(1);
  });
  it('header rows inferred when the reader could not tell (headerRows 0): rows without figures but years', () => {
    const t = table(0, [
      ['구분', "'22", "'23", "'24(안)"],
      ['사업비', '1,200', '1,300', '1,450'],
    ]);
    expect(columnInfos(t).map((c) => [c.role, c.year?.year ?? null])).toEqual([
      ['label', null],
      ['year', '2022'],
      ['year', '2023'],
      ['budget', '2024'],
    ]);
  });
});

describe('classifyTable', () => {
  it.each([
    [
      'budget execution (regional report sample header)',
      table(1, [['구분', '사업명', '예산액', '집행액', '잔 액', '집행률', '비고 (교부일자)'], ['계', '', '26,507,677', '4,178,057', '22,329,620', '15.7%', '-']]),
      'budget-execution', 1, 0, 'budget (예산액) and executed (집행액) columns',
    ],
    [
      'budget execution, other wording (예산현액 / 지출액 / 집행잔액 / 집행율)',
      table(1, [['세부사업', '예산현액', '지출액', '집행잔액', '집행율'], ['가', '1,000', '400', '600', '40.0']]),
      'budget-execution', 0, undefined, 'budget (예산현액) and executed (지출액) columns',
    ],
    [
      'settlement (molit sheet p.2 shape)',
      table(2, [[{ t: '', r: 2 }, { t: '2022', c: 4 }], ['계획 현액', '집행액 [실집행액]', '이월액', '불용액'], ['가로주택정비사업', '311,400', '306,121\n[306,121]', '-', '5,279']]),
      'settlement', 0, undefined, 'budget (2022/계획 현액), executed (2022/집행액 [실집행액]) and carried-over or unused columns',
    ],
    [
      'multi-year, years across (busan transport p.5)',
      table(1, [['구 분', '2025년도', '2024년도', '증 감', '증감률'], ['총 계', '10,753', '8,059', '2,694', '33.4%']]),
      'multi-year-budget', 0, undefined, 'years across the columns: 2024, 2025',
    ],
    [
      'multi-year, years down the rows',
      table(1, [['연도', '사업비'], ['2022년', '1,500'], ['2023년', '1,350']]),
      'multi-year-budget', 0, undefined, 'years down the rows: 2022년, 2023년',
    ],
    [
      'target and actual',
      table(1, [['성과지표', '목표', '실적', '달성률'], ['보급 개수', '5,000', '5,105', '102.1']]),
      'target-actual', 0, undefined, 'target and actual columns: 목표; 실적',
    ],
    [
      'funding parts across the columns',
      table(1, [['사업명', '계', '국비', '시비'], ['가 사업', '1,000', '500', '500']]),
      'funding-breakdown', 0, undefined, 'funding parts across the columns: 국비, 시비',
    ],
    [
      'staff by grade, 정원/현원 in the rows (busan transport p.5)',
      table(1, [['구 분', '계', '3급', '4급'], ['정 원', '192', '1', '6'], ['현 원', '192', '1', '6']]),
      'other', 0, undefined, 'header "정 원" names staff, scores or a schedule, not money',
    ],
    [
      'staff, 정원/현원 in the header (regional report sample p.3 shape)',
      table(1, [['구분', '정원', '현원', '과부족'], ['연구본부', '20', '18', '2']]),
      'other', 0, undefined, 'header "정원" names staff, scores or a schedule, not money',
    ],
    [
      'evaluation scores (HWPX tender: 평가항목 / 배점)',
      table(1, [['평가항목', '세부내용', '배점'], ['사업 이해도', '과업 이해', '10']]),
      'other', 0, undefined, 'header "평가항목" names staff, scores or a schedule, not money',
    ],
    [
      'a project list: 사업비 beside 사업기간 is a multi-year cost',
      table(1, [['번호', '사업명', '사업기간', '사업비(천원)', '주관부처'], ['1', 'SW융합클러스터2.0', '2020.4.1.~2024.12.31.', '17,780,000', '과학기술정보통신부']]),
      'other', 1, undefined, 'project list: "사업비(천원)" beside "사업기간" is the cost over the project\'s period, not a year\'s budget',
    ],
    [
      '내역사업명 left of 구분 (보조, 직접수행): the item names the row, 구분 groups it (mohw senior-jobs p.3)',
      table(1, [['내역사업명', '구분', '피보조․ 피출연 등 기관명', '지원 금액\n(2024 예산)'], ['한국노인 인력개발원 운영지원', '보조', '민간보조', '21,746'], ['노인일자리및 사회활동운영', '직접수행', '민간보조', '137']]),
      'budget-execution', 0, 1, 'a budget column (지원 금액/(2024 예산)) without execution',
    ],
    [
      '세부사업명 left of 구분 (신규, 계속), another ministry\'s shape',
      table(1, [['세부사업명', '구분', '2025년 예산'], ['디지털 배움터', '계속', '12,400'], ['AI 교육 바우처', '신규', '3,000']]),
      'budget-execution', 0, 1, 'a budget column (2025년 예산) without execution',
    ],
    [
      '내역사업명 left of 구분 holding 융자 on each item\'s only row: a kind of support, not a funding part (molit small-housing p.4)',
      table(1, [['내역사업명', '구분', '지원 금액\n(2024계획)'], ['가로주택\n정비사업', '융자', '402,100'], ['자율주택\n정비사업', '융자', '4,700'], ['이차보전', '융자', '6,800']]),
      'budget-execution', 0, 1, 'a budget column (지원 금액/(2024계획)) without execution',
    ],
    [
      '사업명 repeated on each row beside 구분 국비 / 시비 (text export, no merged cell): 구분 stays the label',
      table(1, [['사업명', '구분', '2025년 예산'], ['가 사업', '국비', '500'], ['가 사업', '시비', '500']]),
      'budget-execution', 1, 0, 'a budget column (2025년 예산) without execution',
    ],
    [
      '사업명 left of 구분 holding 계 / 국비 / 시비: 구분 stays the label (each row is a part of the item)',
      table(1, [['사업명', '구분', '2025년 예산'], [{ t: '가 사업', r: 3 }, '계', '1,000'], ['국비', '500'], ['시비', '500']]),
      'funding-breakdown', 1, 0, 'funding parts (국비, 시비…) down the rows under a 계 row',
    ],
    [
      'names first, the group column second and written once (fixtures/report/other-agency-2021h2.txt:27-34)',
      table(1, [['사업명', '구분', '예산현액', '지출액', '집행잔액', '집행율'], ['데이터바우처지원', '디지털 혁신', '3,000', '2,700', '300', '90.0%'], ['AI인재양성', '', '2,000', '1,500', '500', '75.0%']]),
      'budget-execution', 0, 1, 'budget (예산현액) and executed (지출액) columns',
    ],
    [
      'names first, the department merged down the rows (HTML export with rowspan)',
      table(1, [['세부사업명', '부서', '예산액', '집행액'], ['가 사업', { t: '복지정책과', r: 2 }, '100', '50'], ['나 사업', '200', '100'], ['다 사업', '청년정책과', '300', '30']]),
      'budget-execution', 0, 1, 'budget (예산액) and executed (집행액) columns',
    ],
  ])('%s', (_name, t, kind, labelColumn, groupColumn, reason) => {
    expectClassified(t, kind, labelColumn, groupColumn, reason);
  });

  // Long tables (over 40 rows) are classified from their rows as made where no span reaches them:
  // the classes below are those of the short tables above, whatever the length.
  const longRows = (first: number, count: number, made: (k: number) => (string | { t: string; r?: number })[]) => Array.from({ length: count }, (_, i) => made(first + i));
  it.each([
    [
      'a group column merged down over 45 rows, the names beside it under a header of no role',
      table(1, [
        ['구분', '세부 항목', '예산액', '집행액'],
        [{ t: '인건비', r: 20 }, '기본급 1', '100', '90'],
        ...longRows(2, 19, (k) => [`기본급 ${k}`, '100', '90']),
        [{ t: '운영비', r: 25 }, '사무용품 1', '50', '40'],
        ...longRows(2, 24, (k) => [`사무용품 ${k}`, '50', '40']),
      ]),
      'budget-execution', 1, 0, 'budget (예산액) and executed (집행액) columns',
    ],
    [
      'staff by department over 45 rows, 정원 in the last row',
      table(1, [['구 분', '계', '3급', '4급'], ...longRows(1, 44, (k) => [`부서 ${k}`, '12', '2', '10']), ['정 원', '528', '88', '440']]),
      'other', 0, undefined, 'header "정 원" names staff, scores or a schedule, not money',
    ],
    [
      'years down 45 rows',
      table(1, [['연도', '사업비'], ...longRows(1980, 45, (k) => [`${k}년`, '1,500'])]),
      'multi-year-budget', 0, undefined, `years down the rows: ${Array.from({ length: 45 }, (_, i) => `${1980 + i}년`).join(', ')}`,
    ],
  ])('%s', (_name, t, kind, labelColumn, groupColumn, reason) => {
    expect(expectClassified(t, kind, labelColumn, groupColumn, reason).headerRows).toBe(1);
  });

  it('says why: the headers that decided it', () => {
    const cls = classifyTable(table(1, [['구분', '사업명', '예산액', '집행액'], ['가', '나', '1', '1']]));
    expect(cls.reasons).toEqual(['budget (예산액) and executed (집행액) columns']);
  });
});
