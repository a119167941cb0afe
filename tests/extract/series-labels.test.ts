// Year labels and per-unit words in prose series.
import { describe, expect, it } from 'vitest';
import { findSeries } from '../../src/extract/series.js';
import { labelYears, liftSharedQualifier } from '../../src/extract/prose-series.js';

const read = (text: string) => findSeries(labelYears(text).text).map((s) => [s.unit, s.points.map((p) => [p.period, p.value])]);

describe('series year labels', () => {
  it.each([
    // Busan ocean plan p.11: a year abbreviated with a full stop inside the brackets.
    ['(’20.)2,324만건 → (’23.)5,979만건 → (’24.)6,872만건', [['건', [['2020', 23_240_000], ['2023', 59_790_000], ['2024', 68_720_000]]]]],
    ["('22.) 40개소 → ('23.) 52개소", [['개소', [['2022', 40], ['2023', 52]]]]],
    // Busan housing plan p.52: the same per-unit word after each year (동당).
    ['※ ’24년 동당 14백만원→ ‘25년 동당 29백만원 확대 지원', [['원', [['2024', 14_000_000], ['2025', 29_000_000]]]]],
    ['2023년 1인당 30만원 → 2024년 1인당 40만원', [['원', [['2023', 300_000], ['2024', 400_000]]]]],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    // No arrow: two bracketed years are needed, full-width brackets and quotes as well.
    ["(’22) 320개, (’23) 760개", [['개', [['2022', 320], ['2023', 760]]]]],
    ['（＇22）320개, （＇23）760개', [['개', [['2022', 320], ['2023', 760]]]]],
    ["(’22) 320개", []],
    ['(2022) 320개, (2023) 760개', []],
  ])('without an arrow: %s', (text, expected) => {
    expect(findSeries(text).map((s) => [s.unit, s.points.map((p) => [p.period, p.value])])).toEqual(expected);
  });

  it.each([
    // Different words after the years: two sources, not one series.
    ['’24년 국비 5억원 → ’25년 시비 6억원', '’24년 국비 5억원 → ’25년 시비 6억원'],
    ['’24년 동당 14백만원 → ‘25년 동당 29백만원', '동당 ’24년 14백만원 → ‘25년 29백만원'],
  ])('lifting a shared word: %s', (text, lifted) => {
    expect(liftSharedQualifier(text)).toBe(lifted);
  });
});
