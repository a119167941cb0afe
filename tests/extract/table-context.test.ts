// What a table is about (its subject): the nearest heading, short list item or
// `사업명 : X` line above it that names something, read back from the table.

import { describe, expect, it } from 'vitest';
import { tablesInContext } from '../../src/extract/table-rows.js';
import type { Block } from '../../src/layout/types.js';
import { heading, table } from './table-helpers.js';

const at = { file: 'test.txt', line: 1, text: '' };
const item = (text: string): Block => ({ type: 'list-item', marker: '○', depth: 0, text, source: at });
const paragraph = (text: string): Block => ({ type: 'paragraph', text, source: at });

describe('tablesInContext: the subject of each table', () => {
  it('takes the nearest block that names something, and a heading that names nothing clears it', () => {
    const blocks: Block[] = [
      heading('1. 스마트팜 확산'),
      paragraph('스마트팜 보급을 확대하여 농가 소득을 높이고자 함.'),
      table(1, [['구분', '예산액'], ['가', '100']]),
      item('사업명 : 청년 창업 지원'),
      item('예산 현황'), // the name of a section, not of a program
      table(1, [['구분', '사업비'], ['나', '200']]),
      paragraph('세부사업명: 도시재생 뉴딜'),
      table(1, [['구분', '예산'], ['다', '300']]),
      heading('2. 추진 실적'),
      table(1, [['구분', '집행액'], ['라', '400']]),
      item('마을 공동체 활성화'),
      item('공동체 공간 조성을 지원하였음'), // a sentence
      table(1, [['구분', '국비'], ['마', '500']]),
      table(1, [['구분', '시비'], ['바', '600']]),
    ];
    expect(tablesInContext(blocks).map((t) => t.subject)).toEqual([
      '스마트팜 확산',
      '청년 창업 지원',
      '도시재생 뉴딜',
      undefined,
      '마을 공동체 활성화',
      '마을 공동체 활성화',
    ]);
  });

  it('a list item of a name with a colon is a key : value line, not a subject', () => {
    const blocks: Block[] = [heading('가. 교통 개선'), item('기간 : 2024 ~ 2025'), table(1, [['구분', '예산액'], ['가', '100']])];
    expect(tablesInContext(blocks).map((t) => t.subject)).toEqual(['교통 개선']);
  });
});
