import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paragraphBlock } from '../../src/layout/paragraphs.js';
import { xmlError } from '../../src/layout/xml.js';
import { DEFAULT_ZIP_LIMITS, isUnsafeEntryName, readZip } from '../../src/layout/zip.js';

const src = { file: 'f', line: 1, text: '' };

describe('zip entry names', () => {
  const cases: [string, boolean][] = [
    ['Contents/section0.xml', false],
    ['BinData/image1.jpg', false],
    ['a..b/c.xml', false],
    ['../evil.xml', true],
    ['Contents/../../evil.xml', true],
    ['Contents\\..\\evil.xml', true],
    ['/etc/passwd', true],
    ['\\server\\share', true],
    ['C:/Windows/evil.dll', true],
    ['a\0b', true],
  ];
  it.each(cases)('%s unsafe: %s', (name, unsafe) => {
    expect(isUnsafeEntryName(name)).toBe(unsafe);
  });
});

describe('zip limits enforced while inflating', () => {
  // 300,000 bytes of one letter (about 300 bytes compressed; under the default 1 MB ratio floor) and 10 bytes.
  const big = zipSync({ 'a.txt': new Uint8Array(300_000).fill(0x41), 'b.txt': new Uint8Array(10).fill(0x42) });

  it('reads what is wanted within the limits', () => {
    const result = readZip(big, (n) => n === 'b.txt');
    expect('error' in result ? result.error : [...result.files.keys()]).toEqual(['b.txt']);
  });

  it('an entry over the per-entry limit, by its declared size', () => {
    const result = readZip(big, () => true, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100_000 });
    expect(result).toEqual({ error: 'zip entry too large: a.txt is 293 KB (limit 98 KB)' });
  });

  it('a ratio over the limit once the entry is bigger than the floor', () => {
    const result = readZip(big, () => true, { ...DEFAULT_ZIP_LIMITS, ratioFloorBytes: 1000 });
    expect('error' in result && result.error.startsWith('zip bomb suspected: a.txt expands ')).toBe(true);
  });

  it('the total over the limit', () => {
    const result = readZip(big, () => true, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 200_000 });
    expect(result).toEqual({ error: 'zip bomb suspected: contents expand to 293 KB (limit 196 KB)' });
  });

  it('declared sizes that lie are caught while inflating', () => {
    const bytes = Uint8Array.from(readFileSync(new URL('../../fixtures/hwpx/lying-sizes.hwpx', import.meta.url)));
    expect(readZip(bytes, (n) => n.startsWith('Contents/'))).toEqual({ error: 'zip bomb suspected: Contents/section0.xml expands beyond its declared size' });
  });

  it('not a zip', () => {
    expect(readZip(new Uint8Array([1, 2, 3]), () => true)).toEqual({ error: 'not a zip archive' });
  });
});

describe('XML well-formedness', () => {
  const cases: [string, string | undefined][] = [
    ['<?xml version="1.0"?><a x="1" y=\'>\'><b/>text &amp; &#123; &#x41;<![CDATA[<raw>]]><!-- c --></a>', undefined],
    ['\uFEFF<a/>', undefined],
    ['<a><b></a>', '<b> closed by </a>'],
    ['<a><b>', 'unclosed <b>'],
    ['<a></a></b>', 'unexpected closing tag </b>'],
    ['<a/><b/>', 'more than one root element'],
    ['<a>x & y</a>', 'stray "&" in text'],
    ['<a x=1/>', 'bad attributes in <a>'],
    ['<a x="1></a>', 'unterminated tag'],
    ['<!DOCTYPE a [<!ENTITY e "x">]><a/>', 'document type declarations are not allowed'],
    ['text<a/>', 'text outside the root element'],
    ['', 'no root element'],
    ['<a><!-- open', 'unterminated comment'],
  ];
  it.each(cases)('%s', (xml, error) => {
    expect(xmlError(xml)).toBe(error);
  });
});

describe('paragraph roles by their printed marker', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['□ 추진 배경', { type: 'list-item', marker: '□', text: '추진 배경' }],
    ['○ 정원 / 현원 : 24명', { type: 'list-item', marker: '○', text: '정원 / 현원 : 24명' }],
    ['- 누적 보급량 : 6,090kW', { type: 'list-item', marker: '-', text: '누적 보급량 : 6,090kW' }],
    ['· 세부 내용', { type: 'list-item', marker: '·', text: '세부 내용' }],
    ['① 입찰가격', { type: 'list-item', marker: '①', text: '입찰가격' }],
    ['가. 사업 개요', { type: 'list-item', marker: '가.', text: '사업 개요' }],
    ['1) 상기 제시한 프로그램', { type: 'list-item', marker: '1)', text: '상기 제시한 프로그램' }],
    ['※ 정원 외 10명', { type: 'note', marker: '※', text: '정원 외 10명' }],
    ['* 총 사업비 900억원', { type: 'note', marker: '*', text: '총 사업비 900억원' }],
    ['주) 달성률 = 실적 ÷ 목표', { type: 'note', marker: '주)', text: '달성률 = 실적 ÷ 목표' }],
    ['Ⅱ. 과업 세부내용', { type: 'heading', level: 1, text: 'Ⅱ. 과업 세부내용' }],
    ['IV. 제안서 작성 지침', { type: 'heading', level: 1, text: 'IV. 제안서 작성 지침' }],
    ['119) 대중교통환승센터', { type: 'paragraph', text: '119) 대중교통환승센터' }],
    ['-5% 감소', { type: 'paragraph', text: '-5% 감소' }],
    ['2025. 1.', { type: 'paragraph', text: '2025. 1.' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(paragraphBlock(text, src, [])).toMatchObject(expected);
  });

  it('depth is the order in which marker families first appear in the document', () => {
    const families: string[] = [];
    const depths = ['○ 개요', '- 세부', '○ 둘째', '□ 뒤늦은 네모', '- 다시'].map((t) => {
      const b = paragraphBlock(t, src, families);
      return b?.type === 'list-item' ? `${b.marker}${b.depth}` : b?.type;
    });
    expect(depths).toEqual(['○0', '-1', '○0', '□2', '-1']);
  });

  it('an outline level wins over markers; empty text gives no block', () => {
    expect(paragraphBlock('1. 에너지 전환', src, [], 2)).toMatchObject({ type: 'heading', level: 2, text: '1. 에너지 전환' });
    expect(paragraphBlock(' \u3000 ', src, [])).toBeUndefined();
  });
});
