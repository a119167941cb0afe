import { describe, expect, it } from 'vitest';
import { parseAsOf, parseDate, parseDateRange, parseYearLabel } from '../../src/extract/periods.js';

describe('parseYearLabel', () => {
  it.each([
    ['2022년', '2022', []],
    ["'22", '2022', []],
    ['’22', '2022', []],
    ['‘20', '2020', []],
    ["('22)", '2022', []],
    ["('22, 누적)", '2022', ['누적']],
    ["('21, 누계)", '2021', ['누적']],
    ["'23.下", '2023-H2', []],
    ["'23.상", '2023-H1', []],
    ['2020년 상반기', '2020-H1', []],
    ["('23) (계획)", undefined, undefined],
    ["('23, 계획)", '2023', ['계획']],
    ['1999년', '1999', []],
  ])('%s → %s', (text, period, flags) => {
    const label = parseYearLabel(text);
    if (period === undefined) expect(label).toBeUndefined();
    else expect(label).toEqual({ period, flags });
  });

  it.each([['12,660'], ["'20. 6."], ['상반기'], ['']])('%s is not a year label', (text) =>
    expect(parseYearLabel(text)).toBeUndefined(),
  );
});

describe('parseDate', () => {
  it.each([
    ['20.04.13.', '2020-04-13'],
    ['2020.4.1.', '2020-04-01'],
    ['2020. 4. 1.', '2020-04-01'],
    ['2020-04-01', '2020-04-01'],
    ['2020년 4월 1일', '2020-04-01'],
    ['20.02.30.', undefined], // no 30 February
    ['미교부', undefined],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
});

describe('parseDateRange', () => {
  it('reads start, end and stated months, which agree', () =>
    expect(parseDateRange('2020.4.1.~2024.12.31. (57개월)')).toEqual({
      start: '2020-04-01',
      end: '2024-12-31',
      statedMonths: 57,
      months: 57,
      monthsAgree: true,
    }));

  it('accepts spaced dates and a missing final dot', () =>
    expect(parseDateRange('2020. 3. 1. ~ 2020. 11. 30(9개월)')).toMatchObject({ start: '2020-03-01', end: '2020-11-30', months: 9, monthsAgree: true }));

  it('counts whole months when the period starts mid-month (Jan 28 – Dec 31 is 11 months and 4 days)', () =>
    expect(parseDateRange('2020.1.28.~2020.12.31. (11개월)')).toMatchObject({ months: 11, monthsAgree: true }));

  it('flags stated months that disagree', () =>
    expect(parseDateRange('2020.4.1.~2021.3.31. (13개월)')).toMatchObject({ months: 12, statedMonths: 13, monthsAgree: false }));

  it('reads year-only periods in years', () =>
    expect(parseDateRange('2021. ~ 2023.(3년)')).toMatchObject({ start: '2021-01-01', end: '2023-12-31', statedMonths: 36, months: 36, monthsAgree: true }));
});

describe('parseAsOf', () => {
  it.each([
    ["('20. 6. 30 현재, 단위 : 천원)", '2020-06-30'],
    ['2022. 12. 31. 기준', '2022-12-31'],
  ])('%s → %s', (text, iso) => expect(parseAsOf(text)).toBe(iso));
});
