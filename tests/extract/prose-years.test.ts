// The years written in a prose text, and the first of them.
import { describe, expect, it } from 'vitest';
import { firstYearIn, yearsIn } from '../../src/extract/prose.js';

describe('yearsIn and firstYearIn', () => {
  it.each([
    ['2023년 실적 대비 2024년 목표', ['2023', '2024']],
    ["('23) 1,000억원 → ('24) 1,100억원", ['2023', '2024']],
    ['’24년까지 40% 달성', ['2024']],
    ['(2022) 320개', ['2022']],
    ['２０２５년 목표', ['2025']], // full-width digits are folded first
    ['목표 50건, 실적 45건', []],
  ])('%s', (text, years) => {
    expect(yearsIn(text).map((y) => y.year)).toEqual(years);
    expect(firstYearIn(text)).toBe(years[0]);
  });
});
