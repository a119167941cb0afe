// The unit grammar every reader shares: one declaration reader for text, HTML, PDF and HWPX.
import { describe, expect, it } from 'vitest';
import { bracketedMoneyUnit, splitUnit, unitOfNote } from '../../src/extract/units.js';
import { moneyUnitOf, tablesInContext } from '../../src/extract/table-rows.js';
import { tableGrid } from '../../src/layout/types.js';
import { table } from './table-helpers.js';

describe('splitUnit: a unit declaration and the caption printed with it', () => {
  const cases: [string, string | undefined, string][] = [
    // text, unit taken, rest
    ['(단위: 백만원)', '백만원', ''],
    ['(2024. 12. 31. 현재, 단위 : 백만원)', '백만원', ''],
    ['< 예산 현황 > (단위 : 천원, %)', '천원', '< 예산 현황 >'],
    ["('20. 6. 30 현재, 단위 : 건, 천원)", '천원', ''],
    ['(단위 : 억원, %)', '억원', ''],
    ['(기준 : ’25. 2. 1. / 단위 : 명)', '명', ''],
    ['(단위 : 명)', '명', ''],
    ['【 연도별 예산 】 [단위: 억원]', '억원', '【 연도별 예산 】'],
    ['<표 1> 예산 현황 (2024. 11. 30. 기준, 단위: 백만원, %)', '백만원', '<표 1> 예산 현황'],
    ['（단위：백만원）', '백만원', ''],
    ['단위: 억원', '억원', ''],
    ['예산 현황 단위: 백만원', '백만원', '예산 현황'],
    ['○ 금액 단위 : 백만원, %', '백만원', ''],
    ['○ 금액 단위 : 억원 (소수점 첫째 자리)', '억원', ''],
    ['(기준 : ’25. 2. 1.)', undefined, '(기준 : ’25. 2. 1.)'],
    ['단위가 없는 문장', undefined, '단위가 없는 문장'],
  ];
  it.each(cases)('%s', (text, unit, rest) => {
    const found = splitUnit(text);
    expect(found.unit).toBe(unit);
    expect(found.rest).toBe(rest);
  });
});

describe('unitOfNote: a bracketed note ending in a unit word', () => {
  it.each([
    ['(현원, 명)', '명'],
    ['(기준 : 2024. 12. 31., 개소)', '개소'],
    ['(기준 : ’25. 2. 1.)', undefined],
    ['(참고)', undefined],
    ['현원, 명', undefined],
  ])('%s', (text, unit) => expect(unitOfNote(text)).toBe(unit));
});

describe('the money unit of a table without a declaration (any money unit, not a hand-written list)', () => {
  const cases: [string, { caption?: string; header: string[] }, string | undefined][] = [
    ['caption that is a bracketed unit', { caption: '(백만원)', header: ['사업', '예산'] }, '백만원'],
    ['caption that is 천만원 in brackets', { caption: '(천만원)', header: ['사업', '예산'] }, '천만원'],
    ['caption 금액 단위', { caption: '금액 단위 - 십억원', header: ['사업', '예산'] }, '십억원'],
    ['header cell 사업비(천만원)', { header: ['사업', '사업비(천만원)'] }, '천만원'],
    ['header cell 예산 ( 백만원 )', { header: ['사업', '예산 ( 백만원 )'] }, '백만원'],
    ['header of counts only', { header: ['사업', '인원(명)'] }, undefined],
  ];
  it.each(cases)('%s', (_name, { caption, header }, money) => {
    const t = table(1, [header, ['가 사업', '1,000']], caption === undefined ? {} : { caption });
    const ctx = tablesInContext([t])[0]!;
    expect(moneyUnitOf(ctx, tableGrid(t), 1).money).toBe(money);
  });
});

describe('bracketedMoneyUnit: the first money unit printed in brackets', () => {
  it.each([
    ['사업비(천원)', '천원'],
    ['(백만원)', '백만원'],
    ['예산 [ 억 원 ]', '억원'],
    ['예산（백만원）', '백만원'],
    ['예산［천원］', '천원'],
    ['인원(명) 사업비(천원)', '천원'],
    ['사업비(추경)', undefined],
    ['사업비 천원', undefined],
    ['', undefined],
  ])('%j → %j', (text, unit) => expect(bracketedMoneyUnit(text)).toBe(unit));
});
