// compareText orders as localeCompare does, without building ICU's collator for years.
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/extract/collections.js';

describe('compareText', () => {
  it.each([
    ['2017', '2018', -1],
    ['2020', '2019', 1],
    ['2023', '2023', 0],
    ['201', '2018', -1],
    ['09', '1', -1],
    // Not digits only: localeCompare decides (ICU puts lower case before upper case, unlike code units).
    ['a', 'B', -1],
    ['2023-H1', '2023', 1],
  ])('%s against %s is %i', (a, b, sign) => {
    expect(Math.sign(compareText(a, b))).toBe(sign);
  });

  it('agrees with localeCompare on random digit strings', () => {
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const digits = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => String(Math.floor(next() * 10))).join('');
    const differ: string[] = [];
    for (let n = 0; n < 5_000; n++) {
      const a = digits();
      const b = next() < 0.2 ? a : digits();
      if (Math.sign(compareText(a, b)) !== Math.sign(a.localeCompare(b))) differ.push(`${a}/${b}`);
    }
    expect(differ).toEqual([]);
  });
});
