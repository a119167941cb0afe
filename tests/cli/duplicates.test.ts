// findDuplicates: which inputs are one document (same kind, same title, at least
// 80% of the larger version's figures equal, counted as multisets) and which is kept.
import { describe, expect, it } from 'vitest';
import { findDuplicates, packFigures, type Fingerprint } from '../../src/cli/duplicates.js';

const print = (keys: string[], title = 'Report', kind = 'regional-report'): Fingerprint =>
  packFigures(kind, title, keys.map((key) => ({ key, label: `label of ${key}` })));
const entry = (file: string, fp: Fingerprint) => ({ file, fingerprint: fp });

describe('findDuplicates', () => {
  const cases: { name: string; entries: ReturnType<typeof entry>[]; pairs: [number, number, string[], string[]][] }[] = [
    {
      name: '4 of 5 figures shared: one document',
      entries: [entry('a.txt', print(['a', 'b', 'c', 'd', 'e'])), entry('b.txt', print(['a', 'b', 'c', 'd', 'x']))],
      pairs: [[0, 1, ['e'], ['x']]],
    },
    {
      name: '3 of 5 figures shared: two documents',
      entries: [entry('a.txt', print(['a', 'b', 'c', 'd', 'e'])), entry('b.txt', print(['a', 'b', 'c', 'x', 'y']))],
      pairs: [],
    },
    {
      name: 'a figure twice in one and once in the other counts once',
      entries: [entry('a.txt', print(['a', 'a', 'b', 'c', 'd'])), entry('b.txt', print(['a', 'b', 'c', 'x', 'y']))],
      pairs: [],
    },
    {
      name: 'the text version is kept when the PDF comes first',
      entries: [entry('r.pdf', print(['a', 'b', 'c', 'd'])), entry('r.txt', print(['a', 'b', 'c', 'd']))],
      pairs: [[1, 0, [], []]],
    },
    {
      name: 'a different title or kind is another document',
      entries: [entry('a.txt', print(['a', 'b'])), entry('b.txt', print(['a', 'b'], 'Other')), entry('c.txt', print(['a', 'b'], 'Report', 'national-plan'))],
      pairs: [],
    },
    {
      name: 'three copies: the first is kept, both others dropped from it',
      entries: [entry('a.txt', print(['a', 'b'])), entry('b.txt', print(['a', 'b'])), entry('c.txt', print(['b', 'a']))],
      pairs: [
        [0, 1, [], []],
        [0, 2, [], []],
      ],
    },
    {
      name: 'a 4-figure version inside a 6-figure one: 4 < 0.8 × 6, two documents',
      entries: [entry('a.txt', print(['a', 'b', 'c', 'd'])), entry('b.txt', print(['a', 'b', 'c', 'd', 'e', 'f']))],
      pairs: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = findDuplicates(c.entries);
      expect(found.map((d) => [d.kept, d.dropped, d.onlyInKept.map((f) => f.key), d.onlyInDropped.map((f) => f.key)])).toEqual(c.pairs);
      // The label travels with its figure through packing.
      for (const d of found) for (const f of [...d.onlyInKept, ...d.onlyInDropped]) expect(f.label).toBe(`label of ${f.key}`);
    });
  }
});
