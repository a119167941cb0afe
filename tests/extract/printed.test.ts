// Printed precision and the verdicts built on it; expectations worked out by hand.
import { describe, expect, it } from 'vitest';
import { printedDecimals, printedStep, rangeOver } from '../../src/extract/printed.js';
import { defaultStep, judgeStated } from '../../src/commands/check.js';

describe('printedStep: one step of the last printed digit, in the figure’s unit', () => {
  it.each([
    ['13,500백만원', 1, 1_000_000],
    ['26,507,677천원', 1, 1000],
    ['1조 1,081억원', 1, 100_000_000],
    ['0.7억원', 1, 10_000_000],
    ['2.6만명', 1, 1000],
    ['3만개', 1, 10_000],
    ['9.6%', 1, 0.1],
    ['48%', 1, 1],
    ['12,660', 1000, 1000], // a bare cell of a 천원 table
    ['5.45%p', 1, 0.01],
  ] as [string, number, number][])('%s (scale %d) → %d', (text, scale, step) => {
    expect(printedStep(text, scale)).toBeCloseTo(step, 9);
  });

  it.each([
    ['15.7%', 1],
    ['33.30%', 2],
    ['1,081억', 0],
  ] as [string, number][])('printedDecimals(%s) = %d', (text, d) => {
    expect(printedDecimals(text)).toBe(d);
  });

  it('rangeOver evaluates a monotonic function at the corners: 100±0.5 / 300±0.5', () => {
    const r = rangeOver((a, b) => (a / b) * 100, [{ lo: 99.5, hi: 100.5 }, { lo: 299.5, hi: 300.5 }])!;
    expect(r.lo).toBeCloseTo(33.1115, 4); // 99.5 / 300.5
    expect(r.hi).toBeCloseTo(33.5559, 4); // 100.5 / 299.5
  });
});

describe('judgeStated', () => {
  it.each([
    // stated, decimals, computed interval, ambiguous → verdict
    [9.6, 1, [9.6258, 9.6335], false, { how: 'rounded' }], // 13,500→14,800 백만원 ±0.5
    [15.7, 1, [15.7617, 15.7617], false, { severity: 'info', how: 'truncated' }],
    [-20, 0, [-20.4, -20.4], false, { how: 'rounded' }],
    [-20, 0, [-20.9, -20.9], false, { severity: 'info', how: 'truncated' }], // toward zero
    [48, 0, [106.2, 106.3], false, { severity: 'error', how: 'off' }],
    [48, 0, [106.2, 106.3], true, { severity: 'warning', how: 'off' }],
    [3, 0, [1.98, 2.02], false, { severity: 'error', how: 'off' }], // 3배 for 120 → 240
    [30, 0, [16, 34.8], false, { how: 'rounded' }], // coarse inputs: 1.2억 → 1.5억
  ] as [number, number, [number, number], boolean, object][])('%d (%d decimals) vs %j ambiguous=%s', (stated, d, [lo, hi], amb, verdict) => {
    expect(judgeStated(stated, d, { lo, hi }, amb)).toEqual(verdict);
  });
});

describe('defaultStep: money without a recorded precision is taken as printed in the document’s unit', () => {
  const q = (value: number, unit = '원') => ({ value, unit, source: { file: 'x', line: 1, text: '' } });
  it.each([
    [26_507_677_000, '천원', 1000],
    [150_000_000, '억원', 10_000_000], // 1.5억원
    [123_456, '천원', undefined], // not a whole number of 천원: exact
    [300_000, '원', undefined],
  ] as [number, string, number | undefined][])('%d in a %s document → %s', (value, unit, step) => {
    expect(defaultStep(q(value), unit)).toBe(step);
  });
  it('counts are exact unless their reader recorded a step', () => {
    expect(defaultStep(q(903, '명'), '천원')).toBeUndefined();
    expect(defaultStep({ ...q(26_000, '명'), step: 1000 }, '천원')).toBe(1000);
  });
});
