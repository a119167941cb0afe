// cleanText and its parts on texts with and without each kind of mark: a text that
// has none of a mark's characters comes back as it was, one that has them is cleaned.

import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntitiesTwice, stripInlineMarkdown, stripTags } from '../../src/layout/clean.js';

describe('cleanText', () => {
  it.each([
    ['청년 월세 지원 사업', '청년 월세 지원 사업'],
    ['  앞뒤 공백만  ', '앞뒤 공백만'],
    ['두  칸\t탭\n줄바꿈', '두 칸 탭 줄바꿈'],
    ['폭\u200b없는\ufeff공백', '폭없는공백'],
    ['전각\u3000공백과\u00a0줄 없는 공백', '전각 공백과 줄 없는 공백'],
    ['R&D 예산 &amp;nbsp;증액', 'R&D 예산 증액'],
    ['`코드` ~~취소~~ _기울임_', '코드 취소 _기울임_'],
    ['__굵게__ *기울임* 끝', '굵게 기울임 끝'],
    ['![그림](a.png) [링크](b.html)', '그림 링크'],
    ['a < b 이고 c > d', 'a < b 이고 c > d'],
  ])('%j → %j', (raw, clean) => expect(cleanText(raw)).toBe(clean));
});

describe('the parts of cleanText', () => {
  it('leave a text without their characters as it was', () => {
    const text = '사업 예산 1,200억원 (전년 대비 10% 증가)';
    expect([stripTags(text), decodeEntitiesTwice(text), stripInlineMarkdown(text)]).toEqual([text, text, text]);
  });

  it('clean a text with them', () => {
    expect(stripTags('<p>예산</p><!-- 메모 -->증액')).toBe(' 예산  증액');
    expect(decodeEntitiesTwice('&amp;lt;표&amp;gt;')).toBe('<표>');
    expect(stripInlineMarkdown('**굵게** `코드` [링크](x)')).toBe('굵게 코드 링크');
  });
});
