// Program names within one document joined by an index instead of comparing
// every pair (issue 14: `programs` on a 1 MB report took minutes). The groups
// must be those of namesMatch over every pair.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { namesMatch, unionMatchingNames } from '../../src/extract/names.js';

/** Groups as sorted index lists, from a union callback. */
function groupsOf(names: string[], join: (names: string[], union: (a: number, b: number) => void) => void): number[][] {
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  join(names, (a, b) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  });
  const groups = new Map<number, number[]>();
  names.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()];
}

const everyPair = (names: string[], union: (a: number, b: number) => void) => {
  for (let a = 0; a < names.length; a++) for (let b = a + 1; b < names.length; b++) if (namesMatch(names[a]!, names[b]!)) union(a, b);
};

describe('unionMatchingNames', () => {
  it.each([
    // equal after normalising (spaces, the 사업 suffix); a regional prefix dropped; 청년창업지원 (6 characters once
    // normalised) is too short to join the longer name holding it, and so is 농촌빈집정비
    [['청년창업지원사업', '청년 창업 지원 사업', '충북청년창업지원사업', '청년창업지원사업확대운영', '농촌빈집정비', '농촌빈집정비사업추진'], [[0, 1, 2], [3], [4], [5]]],
    // 스마트공장보급확산 (9 characters) inside a longer name joins it; 스마트공장보급 (7) does not
    [['스마트공장보급확산', '스마트공장보급', '중소기업스마트공장보급확산지원', '', '스마트공장보급확산'], [[0, 2, 4], [1], [3]]],
  ] as [string[], number[][]][])('%j → %j', (names, expected) => {
    expect(groupsOf(names, unionMatchingNames)).toEqual(expected);
  });

  it('the same groups as namesMatch over every pair, on names built from a few shared pieces', () => {
    const piece = fc.constantFrom('청년', '창업', '지원', '사업', '충북', '서울', '스마트', '공장', '확산', '농촌', ' ', '(', ')');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 7 }).map((p) => p.join('')), { maxLength: 30 }), (names) => {
        expect(groupsOf(names, unionMatchingNames)).toEqual(groupsOf(names, everyPair));
      }),
      { numRuns: 300 },
    );
  });
});
