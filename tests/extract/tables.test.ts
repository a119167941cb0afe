import { describe, expect, it } from 'vitest';
import { mapColumns, splitCells } from '../../src/extract/tables.js';
import { parseUnitDeclaration } from '../../src/extract/units.js';
import { cellText, normalizeLine } from '../../src/extract/text.js';

describe('parseUnitDeclaration', () => {
  it.each([
    ['(단위 : 천원)', ['천원'], '천원'],
    ["('20. 6. 30 현재, 단위 : 건, 천원)", ['건', '천원'], '천원'],
    ['[단위: 백만원]', ['백만원'], '백만원'],
    ['(단위 : 명)', ['명'], undefined],
    ['(단위：억원)', ['억원'], '억원'],
  ])('%s', (line, units, money) => {
    const d = parseUnitDeclaration(line);
    expect(d?.units).toEqual(units);
    expect(d?.money).toBe(money);
  });

  it('a line without 단위 declares nothing', () => expect(parseUnitDeclaration('(2회추경 기준)')).toBeUndefined());
});

describe('cells and text clean-up', () => {
  it('strips HTML inside cells', () => {
    expect(splitCells('<b>계</b>\t\t<b>26,507,677</b>')).toEqual(['계', '', '26,507,677']);
    expect(cellText('<b>융합사업부(17건)</b>')).toBe('융합사업부(17건)');
    expect(cellText('R&amp;D')).toBe('R&D');
  });
  it('folds full-width digits, NBSP, zero-width and PDF U+0001 spaces', () =>
    expect(normalizeLine('１２，３４５\u00A0천원\u200B\u0001끝')).toBe('12,345 천원 끝'));
  // Each kind of character alone, as one test decides whether the line is touched at all.
  it.each([
    ['예산 12,345 천원', '예산 12,345 천원'],
    ['\u0000예산\u0007\u000B\u000C\u001F\u007F', '예산'],
    ['예\u200C산\u2060\uFEFF', '예산'],
    ['예산\u2003\u202F\u205F\u3000끝', '예산    끝'],
    ['１２％', '12%'],
    ['줄\t바꿈\n끝\r', '줄\t바꿈\n끝\r'],
  ])('normalizeLine(%j) → %j', (text, expected) => expect(normalizeLine(text)).toBe(expected));
});
