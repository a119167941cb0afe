// formatGrouped writes numbers as Intl.NumberFormat('en-US', { maximumFractionDigits }) does,
// without loading ICU's number data (a start-up cost of every run that prints a count).
import { describe, expect, it } from 'vitest';
import { formatGrouped } from '../../src/extract/amounts.js';

const intl = (value: number, digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(value);

describe('formatGrouped', () => {
  it.each([
    [1234567.891, 2, '1,234,567.89'],
    [1234, 0, '1,234'],
    [999, 0, '999'],
    // ICU rounds the shortest decimal form, half away from zero (toFixed would give 1.00 and 2.67).
    [1.005, 2, '1.01'],
    [2.675, 2, '2.68'],
    [0.125, 2, '0.13'],
    [-2.5, 0, '-3'],
    [9.995, 2, '10'],
    [999.9999, 2, '1,000'],
    [123456789.5, 0, '123,456,790'],
    // Trailing zeros go; a negative that rounds to zero keeps its sign.
    [18.6, 2, '18.6'],
    [-0.001, 2, '-0'],
    [-0, 2, '-0'],
    [0.000001234, 4, '0'],
    // Exponent forms and non-finite numbers are left to Intl.
    [1e21, 2, '1,000,000,000,000,000,000,000'],
    [1e-7, 2, '0'],
    [Infinity, 2, '∞'],
    [NaN, 2, 'NaN'],
  ])('%d with %i fraction digits is %s', (value, digits, text) => {
    expect(formatGrouped(value, digits)).toBe(text);
  });

  it('agrees with Intl.NumberFormat on random values, halves and money-like decimals', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const differ: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const shape = n % 5;
      const value =
        shape === 0 ? (next() - 0.5) * 10 ** Math.floor(next() * 12)
        : shape === 1 ? Math.round((next() - 0.5) * 2e6) / 1000
        : shape === 2 ? (Math.floor(next() * 2e6) - 1e6) / 100 + 0.005
        : shape === 3 ? Math.floor(next() * 1e4) / 8
        : next() * 10 ** (Math.floor(next() * 40) - 20);
      for (const digits of [0, 1, 2, 4]) if (formatGrouped(value, digits) !== intl(value, digits)) differ.push(`${value}/${digits}`);
    }
    expect(differ).toEqual([]);
  });
});
