// The cheap tests the kinds' readers run before (or instead of) their patterns:
// each case is a text and what the reader answers, read by hand. The edge cases
// are those where a character test could disagree with the pattern it stands
// for (a colon at the start, a line break, spaces inside a word, an aside in
// brackets, a Markdown mark next to doubled spaces).

import { describe, expect, it } from 'vitest';
import { blockText, cellLine, labelled, leadingMarker, markerRank } from '../../src/kinds/blocks.js';
import { departmentOf, descriptionField } from '../../src/kinds/projects.js';
import { isSubsectionLabel } from '../../src/kinds/report.js';
import { keywordOf, strategyOf } from '../../src/kinds/plan-outline.js';
import { readParts } from '../../src/kinds/plan-figures.js';
import type { Block } from '../../src/layout/types.js';

const paragraph = (text: string): Block => ({ type: 'paragraph', text, source: { line: 1 } }) as Block;

describe('labelled', () => {
  it.each([
    ['사업기간 : 2020. 1. ~ 2021. 12.', { label: '사업기간', value: '2020. 1. ~ 2021. 12.' }],
    ['총사업비：1,200억원', { label: '총사업비', value: '1,200억원' }],
    // The first colon after the first character splits; a colon at the start belongs to the label.
    [':a:b', { label: ':a', value: 'b' }],
    ['시간 10:30 : 개회', { label: '시간 10', value: '30 : 개회' }],
    ['콜론 없음', undefined],
    [':', undefined],
    // A line break: the label cannot run over it, the value cannot hold one; before the colon it is a space.
    ['첫 줄\n둘째 : 값', undefined],
    ['이름\n: 값', { label: '이름', value: '값' }],
    ['이름 : 값\n다음 줄', undefined],
  ])('%j', (text, expected) => {
    expect(labelled(text)).toEqual(expected);
  });
});

describe('markerRank and leadingMarker', () => {
  it.each([
    ['□', 0],
    ['\uE000', 0],
    ['○', 1],
    ['ㅇ', 1],
    ['가.', 1],
    ['(3)', 1],
    ['12)', 1],
    ['-', 2],
    ['—', 2],
    ['·', 3],
    ['*', 3],
    ['※', 2],
    ['', 2],
  ])('rank of %j is %i', (marker, rank) => {
    expect(markerRank(marker)).toBe(rank);
  });

  it.each([
    ['□ 사업개요', '□'],
    ['ㅇ 교육 운영', 'ㅇ'],
    ['l 스마트공장', '●'],
    ['사업개요', undefined],
    ['ㅇ', undefined],
  ])('marker of %j is %j', (text, marker) => {
    expect(leadingMarker(text)).toBe(marker);
  });
});

describe('blockText and cellLine', () => {
  it.each([
    ['  사업 개요  ', '사업 개요'],
    ['사업\t개요', '사업 개요'],
    ['**사업**  개요', '사업 개요'],
    ['## 추진 현황', '추진 현황'],
    ['a\u3000b', 'a b'],
  ])('block text of %j is %j', (text, expected) => {
    expect(blockText(paragraph(text))).toBe(expected);
  });

  it.each([
    ['  국비  ', '국비'],
    ['a#  b', 'a# b'],
    ['과학기술정보\n통신부', '과학기술정보통신부'],
    ['지원사업\n(안전작업)', '지원사업 (안전작업)'],
  ])('cell line of %j is %j', (text, expected) => {
    expect(cellLine(text)).toBe(expected);
  });
});

describe('field, department and subsection labels', () => {
  it.each([
    ['사업 기간', 'period'],
    ['1 차 년 도 사 업 비', 'firstYear'],
    ['첫년도사업비', 'firstYear'],
    ['드론 전문인력 양성 지원', undefined],
    ['총사업비 내역', undefined],
  ])('field of %j is %j', (label, field) => {
    expect(descriptionField(label)).toBe(field);
  });

  it.each([
    ['부서명 미래전략부 담당자 홍길동', '미래전략부'],
    ['  담당 부서 : 교통정책과', '교통정책과'],
    ['소관부서: 복지정책과', '복지정책과'],
    ['사업부서 미래전략부', undefined],
    ['', undefined],
  ])('department of %j is %j', (text, department) => {
    expect(departmentOf(text)).toBe(department);
  });

  it.each([
    ['< 필요성 >', true],
    ['【추진경과】', true],
    ['사업 개요 (2024년 기준, 단위 억원)', true],
    ['향후 계획(안)', true],
    ['추진 향후계획', true],
    ['사업추진 향후계획', false],
    ['드론 전문인력 양성 지원 개요', false],
    ['(미완 개요', false],
  ])('%j is a subsection label: %s', (text, expected) => {
    expect(isSubsectionLabel(text)).toBe(expected);
  });
});

describe('plan outline words', () => {
  it.each([
    ['[전략1] 혁신 성장', '전략1 혁신 성장'],
    ['【전략 2】 디지털 전환', '전략2 디지털 전환'],
    ['전략 3. 지역 균형', '전략3 지역 균형'],
    ['추진 전략', undefined],
    ['', undefined],
  ])('strategy of %j is %j', (text, strategy) => {
    expect(strategyOf(text)).toBe(strategy);
  });

  it.each([
    ['(디지털가상제조플랫폼) 중소 제조기업의 …', '디지털가상제조플랫폼'],
    ["('23) 12억원", undefined],
    ['스마트공장 (보급) 확산', undefined],
  ])('keyword of %j is %j', (text, keyword) => {
    expect(keywordOf(text)).toBe(keyword);
  });

  it.each([
    ['정부단독 2,418, 상생형 1,081, 수준확인 1,606개 등', [2418, 1081, 1606]],
    ['국내 291개사 / 국외 1,176개사', [291, 1176]],
    ['이 중 국내 291개사, 국외 1,176개사', undefined],
    ['국내 291개사 국외 1,176개사', undefined],
  ])('parts of %j', (text, values) => {
    expect(readParts(text)?.map((q) => q.value)).toEqual(values);
  });
});
