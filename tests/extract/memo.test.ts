import { describe, expect, it } from 'vitest';
import { memoized, withTextMemo } from '../../src/extract/memo.js';

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
