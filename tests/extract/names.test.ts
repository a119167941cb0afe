import { describe, expect, it } from 'vitest';
import { collapseLetterSpacing, namesMatch, normalizeName, stripPrefixes } from '../../src/extract/names.js';

describe('collapseLetterSpacing', () => {
  it.each([
    ['S W 융 합 클 러 스 터 2 . 0', 'SW융합클러스터2.0'],
    ['S W 미 래 채 움 사 업', 'SW미래채움사업'],
    ['충북인공지능진흥컨트론타워 기 반 마 련 사 업', '충북인공지능진흥컨트론타워기반마련사업'],
    ['지역SW융합제품상용화지원 ( 추 분 )', '지역SW융합제품상용화지원(추분)'],
    ['청주시 수출기업 외국어 통번역 지원사업', '청주시 수출기업 외국어 통번역 지원사업'],
    ['ICT 융합 혁신성장 플랫폼 구축', 'ICT 융합 혁신성장 플랫폼 구축'],
    ['연구 및 개발', '연구 및 개발'],
    // Spaces collapsed and brackets closed up without a run to glue; a run at either end or of emoji.
    ['  청년  창업\t지원 ( 본예산 )  ', '청년 창업 지원 (본예산)'],
    ['가 나다 라', '가 나다 라'],
    ['교육 훈련 지 원', '교육 훈련지원'],
    ['지 원 교육', '지원교육'],
    ['😀 😀 데이터', '😀😀데이터'],
    ['😀 데이터 😀', '😀 데이터 😀'],
  ])('%s → %s', (text, expected) => expect(collapseLetterSpacing(text)).toBe(expected));
});

describe('normalizeName / namesMatch', () => {
  it('drops spaces, brackets and the 사업 suffix', () => {
    expect(normalizeName('S W 융 합 클 러 스 터 2 . 0')).toBe('sw융합클러스터20');
    expect(normalizeName('지역특화산업육성사업(스마트IT)')).toBe('지역특화산업육성사업스마트it');
    expect(normalizeName('고용안정 선제대응 패키지사업')).toBe('고용안정선제대응패키지');
  });

  // Names already normal are answered without the memo; the ones just outside that set still change.
  it.each([
    ['추가사업868', '추가사업868'],
    ['청년창업지원', '청년창업지원'],
    ['ai바우처2024', 'ai바우처2024'],
    ['청년창업지원사업', '청년창업지원'],
    ['드론산업육성사업', '드론산업육성'],
    ['AI바우처', 'ai바우처'],
    ['지역혁신Ⅱ', '지역혁신ⅱ'],
    ['청년창업 ', '청년창업'],
    ['ㆍ청년창업', '청년창업'],
    ['', ''],
  ])('normalizeName(%j) → %j', (name, expected) => expect(normalizeName(name)).toBe(expected));

  it.each([
    ['S W 융 합 클 러 스 터 2 . 0', 'SW융합클러스터2.0', true],
    ['충북 SW융합 클러스터 2.0 사업', 'SW융합클러스터2.0', true],
    ['신중년경력형일자리사업', '신중년 경력형 일자리 사업', true],
    ['드론전문인력양성지원사업', '자본예산', false],
    ['연구과제제안공모사업', '연구기획과제제안공모사업', false],
  ])('%s ~ %s: %s', (a, b, same) => expect(namesMatch(a, b)).toBe(same));
});

describe('stripPrefixes: province names any document may print before a program name', () => {
  it.each([
    ['충북sw융합클러스터20', 'sw융합클러스터20'],
    ['부산광역시청년월세지원', '청년월세지원'],
    ['경남지역특화산업육성', '특화산업육성'],
    ['도시재생뉴딜', '도시재생뉴딜'],
    ['청년구직활동지원', '청년구직활동지원'],
    ['서울숲', '서울숲'],
  ])('%s → %s', (name, expected) => expect(stripPrefixes(name)).toBe(expected));
});
