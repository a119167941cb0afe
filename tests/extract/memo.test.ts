import { describe, expect, it } from 'vitest';
import { memoized, memoizedText, withTextMemo } from '../../src/extract/memo.js';

describe('withTextMemo', () => {
  it('reads a text once inside the memo and afresh outside it', () => {
    const read: string[] = [];
    const length = memoized((text: string) => {
      read.push(text);
      return { length: text.length };
    });
    const [first, again, other] = withTextMemo(() => [length('가나다'), length('가나다'), length('라마')]);
    expect(first).toBe(again);
    expect(other).toEqual({ length: 2 });
    expect(read).toEqual(['가나다', '라마']);
    // The memo ended with the document: the same text is read again.
    expect(length('가나다')).not.toBe(first);
    expect(read).toEqual(['가나다', '라마', '가나다']);
  });

  it('shares one memo between nested calls and drops it after a throw', () => {
    let reads = 0;
    const count = memoized((text: string) => (reads++, text.length));
    withTextMemo(() => {
      count('abc');
      withTextMemo(() => count('abc'));
    });
    expect(reads).toBe(1);
    expect(() => withTextMemo(() => {
      count('abc');
      throw new Error('reader bug');
    })).toThrow('reader bug');
    count('abc');
    expect(reads).toBe(3);
  });
});

describe('memoizedText (across documents, bounded)', () => {
  it('reads each text once until it holds `limit` texts, then starts afresh', () => {
    const read: string[] = [];
    const upper = memoizedText((text: string) => {
      read.push(text);
      return text.toUpperCase();
    }, 2);
    for (const text of ['a', 'b', 'a', 'c', 'c', 'a', 'b']) upper(text);
    // a, b read; a known; c starts a new memo (c); c known; a read (c, a); b starts a new memo.
    expect(read).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('does not keep the document a remembered text was cut from', async () => {
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const name = memoizedText((text: string) => text.trim());
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let n = 0; n < 8; n++) {
      // A 4M-character document (8 MB in memory) and a row name cut from it.
      const document = `${n}`.padEnd(4_000_000, '가나다라마바사 ');
      name(document.slice(1000, 1040));
    }
    gc();
    // Eight documents kept alive would be 64 MB; the names alone are a few hundred bytes.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(8_000_000);
  });
});
