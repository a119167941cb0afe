// Output of a large run is written in pieces (issue 14: `parse` on 50 MB failed
// with `Invalid string length` when the whole JSON was one string). In-process,
// at a size far smaller than the failure, the property that prevents it: no
// piece grows with the document, and the pieces are byte for byte the whole.
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/render/json.js';

/** A parse-like model: one document with `n` budget lines, each with its source. */
function model(n: number): unknown {
  const budgetLines = Array.from({ length: n }, (_, i) => ({
    program: `추가사업${i}`,
    budget: { value: 1000 * i, unit: '원', source: { file: 'big.txt', line: i + 10, text: `\t추가사업${i}\t${i},000` } },
    year: '2020',
  }));
  return { documents: [{ file: 'big.txt', kind: 'regional-report', budgetLines, diagnostics: [] }] };
}

describe('JSON written piece by piece', () => {
  it.each([[1_000], [20_000]])('%i budget lines: the longest piece stays under 400 characters, and the pieces join to JSON.stringify', (n) => {
    const value = model(n);
    let longest = 0;
    const pieces: string[] = [];
    for (const piece of jsonChunks(value)) {
      longest = Math.max(longest, piece.length);
      pieces.push(piece);
    }
    // A budget line is written whole at depth four: about 300 characters, whatever the document's size.
    expect(longest).toBeLessThan(400);
    expect(pieces.join('')).toBe(JSON.stringify(value, null, 2));
  });
});
