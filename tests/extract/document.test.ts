// figuresFromLayout: table and prose figures of one layout, each figure once.

import { describe, expect, it } from 'vitest';
import { figuresFromLayout } from '../../src/extract/document.js';
import { readTextLayout } from '../../src/layout/text.js';

describe('figuresFromLayout: a sentence restating a table target', () => {
  it.each([
    {
      name: 'the 2025 goal row and `2025년 목표 :` give 인증면적 once; the sentence adds 인증농가',
      text: ['1. 친환경농업 육성 지원', '  ◦ 연도별 추진 현황        (단위: 백만원, ha)', '연도\t사업비\t인증면적', '2024\t2,236\t948', '2025(계획)\t2,410\t1,010', '  ◦ 2025년 목표 : 친환경 인증면적 1,010ha, 인증농가 1,250호'].join('\n'),
      expected: [
        ['인증면적', 1010, 'ha', '2025', 5],
        ['인증농가', 1250, '호', '2025', 6],
      ],
    },
    {
      name: 'a different value in the sentence is another target, kept',
      text: ['1. 친환경농업 육성 지원', '  ◦ 연도별 추진 현황        (단위: 백만원, ha)', '연도\t사업비\t인증면적', '2024\t2,236\t948', '2025(계획)\t2,410\t1,010', '  ◦ 2027년 목표 : 친환경 인증면적 1,200ha'].join('\n'),
      expected: [
        ['인증면적', 1010, 'ha', '2025', 5],
        ['인증면적', 1200, 'ha', '2027', 6],
      ],
    },
  ])('$name', ({ text, expected }) => {
    const f = figuresFromLayout(readTextLayout('goals.txt', text));
    expect(f.targets.map((t) => [t.indicator, t.target.value, t.unit, t.targetYear, t.source.line])).toEqual(expected);
  });
});
