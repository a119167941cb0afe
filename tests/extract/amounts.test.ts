import { describe, expect, it } from 'vitest';
import { parseCount, parseKoreanAmount, parseKoreanNumber, parseNumber, parsePercent, formatAmount } from '../../src/extract/amounts.js';

describe('parseNumber', () => {
  it.each([
    ['1,234', 1234],
    ['12.5', 12.5],
    ['0', 0],
    ['△1,920', -1920],
    ['-1,920', -1920],
    ['−1,920', -1920],
    ['(1,920)', -1920],
    ['１２，３４５', 12345], // full-width digits and comma
    [' 26,507,677 ', 26507677],
  ])('%s → %d', (text, expected) => expect(parseNumber(text)).toBe(expected));

  it.each([['1,23'], ['abc'], [''], ['12원'], ['1.2.3']])('%s is not a number', (text) =>
    expect(parseNumber(text)).toBeUndefined(),
  );

  // The plain numbers read character by character, at the edges of the pattern they replace.
  it.each([
    ['007', 7],
    ['999,999,999,999,999', 999_999_999_999_999], // fifteen digits: added up exactly
    ['1,234,567,890,123,456', 1_234_567_890_123_456], // longer: read as Number reads it
    ['1,234.56', 1234.56],
    ['12345.5', 12345.5],
    ['＋1,234', 1234], // full-width plus folded, then a plain number
    ['( 1,920 )', -1920],
  ])('%s → %d', (text, expected) => expect(parseNumber(text)).toBe(expected));

  it.each([['1,2345'], ['1234,567'], [',123'], ['1,234,'], ['.5'], ['5.'], ['1,234.5.6'], ['-'], ['-------'], ['협력국가'], ['12 3억']])(
    '%j is not a plain number',
    (text) => expect(parseNumber(text)).toBeUndefined(),
  );

  it('a number too long for a double is no number', () => expect(parseNumber('9'.repeat(400))).toBeUndefined());
});

describe('parseKoreanNumber', () => {
  it.each([
    ['1조 1,081억', 1_108_100_000_000],
    ['3만', 30_000],
    ['1.5천', 1_500],
    ['5천만', 50_000_000],
    ['12,660', 12_660],
  ])('%s → %d', (text, expected) => expect(parseKoreanNumber(text)).toBe(expected));

  it('rejects magnitudes out of order', () => expect(parseKoreanNumber('3만 2억')).toBeUndefined());
});

describe('parseKoreanAmount', () => {
  it.each([
    ['1조 1,081억원', undefined, 1_108_100_000_000],
    ['1조 1,657억원', undefined, 1_165_700_000_000],
    ['5,987억원', undefined, 598_700_000_000],
    ['307.9억', undefined, 30_790_000_000],
    ['0.3억원', undefined, 30_000_000],
    ['600만원', undefined, 6_000_000],
    ['17,780,000천원', undefined, 17_780_000_000],
    ['17,780,000', '천원', 17_780_000_000],
    ['1,500', '백만원', 1_500_000_000],
    ['2.5', '억원', 250_000_000],
    ['1,920', '원', 1_920],
    ['△1,920', '천원', -1_920_000],
    ['(1,920)', '천원', -1_920_000],
    ['100억원', undefined, 10_000_000_000],
  ])('%s (unit %s) → %d 원', (text, unit, krw) => expect(parseKoreanAmount(text, unit)?.krw).toBe(krw));

  it('reads a range with the unit written once: 2천~4천만원', () =>
    expect(parseKoreanAmount('2천~4천만원')).toEqual({ krw: 20_000_000, maxKrw: 40_000_000 }));

  it('reads a decimal range: 1.5천~5천만원', () =>
    expect(parseKoreanAmount('1.5천~5천만원')).toEqual({ krw: 15_000_000, maxKrw: 50_000_000 }));

  it('a bare number without a declared unit is not money', () => expect(parseKoreanAmount('17,780,000')).toBeUndefined());
});

describe('parseCount', () => {
  it.each([
    ['3만개', 30_000, '개'],
    ['2.6만명', 26_000, '명'],
    ['20만명', 200_000, '명'],
    ['30,144개', 30_144, '개'],
    ['88개사', 88, '개사'],
    ['18개교', 18, '개교'],
    ['20개국', 20, '개국'],
    ['101명', 101, '명'],
    ['38건', 38, '건'],
    ['2회', 2, '회'],
    ['634편', 634, '편'],
    ['26종', 26, '종'],
    ['40개 과제', undefined, undefined],
    ['12,660', 12_660, ''],
    ['20.2만건', 202_000, '건'],
  ])('%s → %s %s', (text, value, unit) => {
    const c = parseCount(text);
    if (value === undefined) expect(c).toBeUndefined();
    else expect(c).toEqual({ value, unit });
  });
});

describe('parsePercent', () => {
  it.each([
    ['18.6%', 18.6, '%'],
    ['5.45%p', 5.45, '%p'],
    ['15.7%', 15.7, '%'],
    ['100.0%', 100, '%'],
    ['△2.1%', -2.1, '%'],
    ['８２．２％', 82.2, '%'],
  ])('%s → %d %s', (text, value, unit) => expect(parsePercent(text)).toEqual({ value, unit }));
});

describe('formatAmount', () => {
  it('shows KRW in the display unit with separators', () => {
    expect(formatAmount(17_780_000_000, '천원')).toBe('17,780,000');
    expect(formatAmount(1_108_100_000_000, '억원', 1)).toBe('11,081.0');
    expect(formatAmount(-1_920_000, '천원')).toBe('-1,920');
    expect(formatAmount(999, '원')).toBe('999');
    expect(formatAmount(1_000, '원')).toBe('1,000');
    expect(formatAmount(30_790_000_000, '억원', 1)).toBe('307.9');
  });
});

describe('findQuantities: unit words that also name things', () => {
  it.each([
    ['인증농가 1,250호', [[1250, '호']]],
    ['인증면적 1,010ha', [[1010, 'ha']]],
    ['제3호 안건', []],
    ['2호선 연장', []],
    ['1호점 개소', []],
    ['12 hats', []],
  ])('%s', async (text, expected) => {
    const { findQuantities } = await import('../../src/extract/quantities.js');
    expect(findQuantities(text).map((q) => [q.value, q.unit])).toEqual(expected);
  });
});

describe('findQuantities: the label before a figure', () => {
  it.each([
    ['(교육) 1.8만명', '교육'],
    ['(교육 )  1.8만명', '교육'],
    ['정부단독 2,418', '정부단독'],
    ['매출액 : 30억원', '매출액'],
    ['매출액：30억원', '매출액'],
    // Bracketed words longer than twenty characters are no label; the word before the bracket is none either.
    ['(가나다라마바사아자차카타파하거너더러머버서) 5명', undefined],
    ['(가나다라마바사아자차카타파하거너더러머버) 5명', '가나다라마바사아자차카타파하거너더러머버'],
    // A word longer than twenty characters gives its last twenty.
    ['가나다라마바사아자차카타파하거너더러머버서 5명', '나다라마바사아자차카타파하거너더러머버서'],
    // `2년 6억원`: a word glued to a number is that number's unit.
    ['2년 6억원', undefined],
    ['R&D 30억원', 'R&D'],
    ['30억원', undefined],
  ])('%s', async (text, expected) => {
    const { findQuantities } = await import('../../src/extract/quantities.js');
    expect(findQuantities(text).at(-1)?.label).toBe(expected);
  });
});
