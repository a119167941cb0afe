// The post layout (src/layout/post.ts): where a post's body starts, and which
// blocks a blog post is read from. Expectations written out by hand.
import { describe, expect, it } from 'vitest';
import { bodyStartLine, readPostLayout, type NumberedLine } from '../../src/layout/post.js';
import { readTextLayout } from '../../src/layout/text.js';

const numbered = (text: string): NumberedLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));

describe('bodyStartLine', () => {
  it.each([
    ['YAML', '---\ntitle: a\n---\n본문', 4],
    ['YAML closed by ...', '---\ntitle: a\n...\n본문', 4],
    ['TOML', '+++\ntitle = "a"\n+++\n\n본문', 4],
    ['a JSON object', '{\n"title": "a"\n}\n본문', 4],
    ['a { block that is not JSON', '{\n"title": \n}\n본문', 1],
    ['an unclosed fence', '---\ntitle: a\n본문', 1],
    ['no front matter', '# 제목\n본문', 1],
  ])('%s → line %i', (_, text, line) => expect(bodyStartLine(text)).toBe(line));
});

describe('readPostLayout', () => {
  const shape = (text: string, file: string, markdown: boolean) =>
    readPostLayout(readTextLayout(file, text, { markdown }), numbered(text), { html: false }).blocks.map((b) => [b.type, b.source.line, b.type === 'table' ? '' : b.text]);

  it('Markdown: the shared blocks after the front matter, without MDX module and hashtag lines', () => {
    const text = ['---', 'title: 청년 월세', '---', 'import X from "./x";', '## 지원 대상', '- 청년', '#청년 #월세지원'].join('\n');
    expect(shape(text, 'p.mdx', true)).toEqual([
      ['heading', 5, '지원 대상'],
      ['list-item', 6, '청년'],
    ]);
  });

  it('plain text with ■ and 【 】 headings: the post reader, hashtag line left out', () => {
    const text = ['■ 지원 대상', '1. 청년', '【 신청 방법 】', '#청년 #월세'].join('\n');
    expect(shape(text, 'p.txt', false)).toEqual([
      ['heading', 1, '지원 대상'],
      ['list-item', 2, '청년'],
      ['heading', 3, '신청 방법'],
    ]);
  });
});
