// decodeBytes: the encoding told from the bytes, and the text exactly as written.
// Inputs are literal strings encoded here; expectations are those strings.

import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/layout/decode.js';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decodeBytes', () => {
  it.each([
    { name: 'ASCII only', text: 'Budget 2024\n- total: 1,200\n' },
    { name: 'Korean with full-width and rule characters', text: '□ 예산 현황\n(단위 : 백만원)\n구분\t２０２４\n━━━━━\n' },
    { name: 'characters outside the BMP (surrogate pairs in the string)', text: '지원 😀 사업 𠀀 끝\n' },
    { name: 'noncharacters and the last code point', text: 'a\uffff b\ufffe c\u{10ffff}\n' },
  ])('reads valid UTF-8 as written: $name', ({ text }) => {
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads the bytes of a view into a larger buffer, not the whole buffer', () => {
    const whole = Buffer.from('XX예산 100억원YY', 'utf8');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.byteLength - 4);
    expect(decodeBytes(view)).toEqual({ text: '예산 100억원', encoding: 'utf-8' });
  });

  it('reads bytes that are not UTF-8 as CP949', () => {
    // 예산 in CP949 (EUC-KR): BF B9 BB EA.
    expect(decodeBytes(new Uint8Array([0xbf, 0xb9, 0xbb, 0xea, 0x20, 0x31, 0x30, 0x30]))).toEqual({ text: '예산 100', encoding: 'cp949' });
  });

  it('takes a UTF-8 byte order mark off the text', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('예산')]))).toEqual({ text: '예산', encoding: 'utf-8-bom' });
  });

  it('refuses text full of control characters', () => {
    expect(decodeBytes(utf8('a\u0002\u0003\u0004\u0005b'))).toEqual({ error: 'binary file, not a text document' });
  });
});
