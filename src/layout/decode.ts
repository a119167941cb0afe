// Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE, CP949/EUC-KR.
// Detection looks at the whole file, never a prefix: a CP949 file can be ASCII
// for its first kilobytes. iconv-lite is loaded only when a legacy file appears.

// A namespace import: a build without ICU has no `transcode`, and a named import of it would not even load.
import * as nodeBuffer from 'node:buffer';
import { createRequire } from 'node:module';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949';
}

export type DecodeResult = Decoded | { error: string };

const require = createRequire(import.meta.url);

function decodeCp949(bytes: Uint8Array): string {
  const iconv = require('iconv-lite') as { decode(b: Buffer, enc: string): string };
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp949');
}

/** Share of NUL bytes at even and odd offsets, to spot BOM-less UTF-16. */
function nulShares(bytes: Uint8Array): { even: number; odd: number; any: number } {
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 1 << 20);
  // Most files have no NUL at all: found at memchr speed (a Buffer's search; a typed array's is a loop), before
  // a loop that runs cold in a one-file run.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, n).indexOf(0) < 0) return { even: 0, odd: 0, any: 0 };
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half, any: (even + odd) / Math.max(1, n) };
}

/** The characters `looksBinary` counts; most texts have none, which a regular expression finds faster than a cold loop. */
const SUSPECT = /[\u0000\u0002-\u0008\u000b\u000e-\u001a\u001c-\u001f\ufffd]/;

/** Control bytes other than tab, CR, LF, FF, ESC: a text file has almost none. */
function looksBinary(text: string): boolean {
  if (text.length === 0 || !SUSPECT.test(text)) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27 && c !== 1) || c === 0xfffd) bad++;
  }
  return bad / text.length > 0.01;
}

/**
 * Text of bytes already known to be valid UTF-8 (and not starting with a BOM), the same
 * as a fatal TextDecoder gives. Node 20 builds that string from UTF-8 several times
 * slower than it converts UTF-8 to UTF-16 and copies that in: ASCII is copied as is, and
 * other text goes through UTF-16.
 */
function decodeValidUtf8(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (nodeBuffer.isAscii(buffer)) return buffer.toString('latin1');
  // transcode needs Node's ICU, which every official build has; without it, the decoder.
  const transcode = nodeBuffer.transcode as typeof nodeBuffer.transcode | undefined;
  if (typeof transcode !== 'function') return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return transcode(buffer, 'utf8', 'ucs2').toString('ucs2');
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { error: 'empty file' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const nul = nulShares(bytes);
  if (nul.odd > 0.3 && nul.even < 0.05) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  if (nul.even > 0.3 && nul.odd < 0.05) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  if (nul.any > 0) return { error: 'binary file, not a text document' };
  // Bytes that are not valid UTF-8 (the same test a fatal TextDecoder makes) are CP949.
  const decoded: Decoded = nodeBuffer.isUtf8(bytes) ? { text: decodeValidUtf8(bytes), encoding: 'utf-8' } : { text: decodeCp949(bytes), encoding: 'cp949' };
  if (looksBinary(decoded.text)) return { error: 'binary file, not a text document' };
  return decoded;
}
