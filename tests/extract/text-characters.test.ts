// The character tests the readers use instead of one-character strings and patterns:
// each must answer exactly as the pattern it replaces.
import { describe, expect, it } from 'vitest';
import { isDigitCode, isHangulSyllableCode, isSpaceCode, lastNonSpace, withoutSpaces } from '../../src/extract/text.js';

describe('isSpaceCode', () => {
  it.each([
    [' ', true],
    ['\t', true],
    ['\n', true],
    ['\u000B', true],
    ['\r', true],
    ['\u00A0', true],
    ['\u1680', true],
    ['\u2000', true],
    ['\u200A', true],
    ['\u2028', true],
    ['\u202F', true],
    ['\u205F', true],
    ['\u3000', true],
    ['\uFEFF', true],
    ['\u200B', false], // zero-width space is not white space to \s
    ['\u0001', false],
    ['가', false],
    ['a', false],
    ['0', false],
  ])('%j → %s', (ch, expected) => expect(isSpaceCode(ch.charCodeAt(0))).toBe(expected));

  it('agrees with \\s on every UTF-16 code unit', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
  });
});

describe('isHangulSyllableCode', () => {
  it.each([
    ['가', true],
    ['힣', true],
    ['예', true],
    ['ㄱ', false], // a compatibility jamo is not a syllable
    ['\u1100', false], // nor a conjoining jamo
    ['\ud7a4', false], // the code point after 힣
    ['a', false],
    ['0', false],
  ])('%j → %s', (ch, expected) => expect(isHangulSyllableCode(ch.charCodeAt(0))).toBe(expected));

  it('agrees with [가-힣] on every UTF-16 code unit', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isHangulSyllableCode(code) !== /[가-힣]/.test(String.fromCharCode(code))) disagree.push(code);
    expect(disagree).toEqual([]);
  });
});

describe('isDigitCode', () => {
  it.each([
    ['0', true],
    ['9', true],
    ['/', false],
    [':', false],
    ['０', false], // full-width digits are folded first, as \d does not match them
    ['①', false],
  ])('%j → %s', (ch, expected) => expect(isDigitCode(ch.charCodeAt(0))).toBe(expected));
});

describe('withoutSpaces', () => {
  it.each([
    ['1,234', '1,234'],
    ['1 조 1,081 억', '1조1,081억'],
    ['2\u00A0천', '2천'],
    ['\t3\n만 ', '3만'],
    ['', ''],
  ])('%j → %j', (text, expected) => expect(withoutSpaces(text)).toBe(expected));
});

describe('lastNonSpace', () => {
  it.each([
    ['신규 과제 3건 :  ', 12, ':'],
    ['신규 과제 3건 :  ', 8, '건'],
    ['(3개）\u3000', 5, '）'],
    ['   ', 3, ''],
    ['', 0, ''],
  ])('%j before %i → %j', (text, index, expected) => expect(lastNonSpace(text, index)).toBe(expected));
});
