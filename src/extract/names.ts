// Program names as documents print them: letter-spaced by PDF justification
// (`S W 융 합 클 러 스 터 2 . 0`), with stray spaces, brackets and `사업` suffixes.

import { pushTo } from './collections.js';
import { memoizedText } from './memo.js';

const SPACE = /\s/;

/**
 * Join letter-spaced runs: two or more single-character tokens in a row are one
 * word, glued to their neighbours. `S W 융 합 클 러 스 터 2 . 0` → `SW융합클러스터2.0`,
 * `지역SW융합제품상용화지원 ( 추 분 )` → `지역SW융합제품상용화지원(추분)`.
 * Ordinary words (`청주시 수출기업 외국어`) are left alone.
 */
export function collapseLetterSpacing(text: string): string {
  const trimmed = text.trim();
  // One word (no space inside): nothing to join, as the token loop below would find.
  if (!SPACE.test(trimmed)) return trimmed;
  // No two single characters side by side (most names): nothing is glued, the
  // tokens are joined by one space each, as the loop below would join them.
  if (!SPACED_PAIR.test(trimmed)) return withoutSpaceInBrackets(trimmed.replace(/\s+/g, ' '));
  const tokens = trimmed.split(/\s+/).filter(Boolean);
  if (tokens.length < 2) return tokens.join('');
  const single = tokens.map(isOneCharacter);
  // A token is part of a spaced run when it or a neighbour is single and the run has ≥2 singles.
  const inRun = single.map((s, i) => s && (single[i - 1] === true || single[i + 1] === true));
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const glue = inRun[i] === true || inRun[i - 1] === true;
    out += (glue ? '' : ' ') + tokens[i];
  }
  return withoutSpaceInBrackets(out);
}

/** One character (a code point: a surrogate pair or any other non-space unit). */
const ONE = '(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|\\S)';
/** Two one-character tokens next to each other: the start of a letter-spaced run. */
const SPACED_PAIR = new RegExp(`(?:^|\\s)${ONE}\\s+${ONE}(?=\\s|$)`);

function withoutSpaceInBrackets(text: string): string {
  return text.includes('(') || text.includes(')') ? text.replace(/\(\s+/g, '(').replace(/\s+\)/g, ')') : text;
}

/** One character (one code point, as `[...token].length === 1` counts, without the array). */
function isOneCharacter(token: string): boolean {
  if (token.length === 1) return true;
  if (token.length !== 2) return false;
  const high = token.charCodeAt(0);
  const low = token.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * Name for matching the same program across tables and documents: letter spacing
 * collapsed, spaces, brackets and punctuation removed, a trailing `사업` dropped,
 * Latin letters lower-cased. `S W 융 합 클 러 스 터 2 . 0` and `충북 SW융합 클러스터 2.0 사업`
 * do not become equal (the 충북 prefix stays); use `namesMatch` for that. Memoized by
 * text: every reader and command normalizes the same names again.
 */
export function normalizeName(text: string): string {
  // Most row names (`추가사업868`, `청년창업지원`) are already normal: one pattern test
  // answers them without the memo's hashing and storing, which cost more than the
  // reading when a long report's tens of thousands of names are all different.
  return PLAIN_NAME.test(text) && !text.endsWith('사업') ? text : memoNormalizedName(text);
}

/** A name `readNormalizedName` returns as it is: Hangul syllables, digits and lower-case Latin only, not ending in `사업`. */
const PLAIN_NAME = /^[가-힣0-9a-z]+$/;

const memoNormalizedName = memoizedText(readNormalizedName);

function readNormalizedName(text: string): string {
  return collapseLetterSpacing(text)
    .replace(/<[^>]*>/g, '')
    .replace(/[\s()[\]{}<>「」『』"'’‘“”·ㆍ・,._\-\\/]/g, '')
    .replace(/(지원)?사업$/, (m) => (m.startsWith('지원') ? '지원' : ''))
    .toLowerCase();
}

/**
 * A place or scope name that one table prints before a program name and another
 * omits: one of the seventeen provinces and metropolitan cities, written out
 * (`충청북도`, `부산광역시`) or short (`충북`, `부산`), or `지역`. City and county
 * names are left alone: `…시`/`…군` endings also end ordinary words (`도시재생`).
 */
const PLACE_PREFIX = /^(?:서울특별시|(?:부산|대구|인천|광주|대전|울산)광역시|세종특별자치시|경기도|강원(?:특별자치)?도|충청[남북]도|전라남도|전북특별자치도|전라북도|경상[남북]도|제주특별자치도|서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|지역)/;

export function stripPrefixes(name: string): string {
  let n = name;
  // Up to two prefixes (`충북지역…`); the rest must stay a name of at least four characters.
  for (let k = 0; k < 2; k++) {
    const m = PLACE_PREFIX.exec(n);
    if (!m || n.length - m[0].length < 4) break;
    n = n.slice(m[0].length);
  }
  return n;
}

/** Shortest name that may match inside a longer one; also the length of unionMatchingNames' index pieces. */
const CONTAINED_MIN = 8;

/**
 * Whether two names denote the same program: equal after normalising, or equal
 * once a regional prefix is dropped, or one contains the other and the shorter
 * is at least 8 characters (long enough not to match by accident).
 */
export function namesMatch(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const xs = stripPrefixes(x);
  const ys = stripPrefixes(y);
  if (xs === ys) return true;
  const [short, long] = xs.length <= ys.length ? [xs, ys] : [ys, xs];
  return short.length >= CONTAINED_MIN && long.includes(short);
}

/**
 * Calls `union` on pairs of names that `namesMatch` joins, enough of them that the
 * groups come out the same as comparing every pair: equal names and equal names
 * without prefix are joined through a map, and a name contained in a longer one
 * is looked up through its 8-character pieces. Comparing every pair took minutes
 * on a report with ten thousand budget lines.
 */
export function unionMatchingNames(names: string[], union: (a: number, b: number) => void): void {
  const bare = new Map<string, number>();
  const firstOf = (map: Map<string, number>, key: string, i: number) => {
    const seen = map.get(key);
    if (seen === undefined) map.set(key, i);
    else union(seen, i);
  };
  const full = new Map<string, number>();
  names.forEach((name, i) => {
    const x = normalizeName(name);
    if (!x) return;
    firstOf(full, x, i);
    firstOf(bare, stripPrefixes(x), i);
  });
  // Each distinct stripped name (one index for all that share it, already joined): is it inside a longer one?
  const pieces = new Map<string, string[]>();
  for (const s of bare.keys()) {
    const own = new Set<string>();
    for (let k = 0; k + CONTAINED_MIN <= s.length; k++) own.add(s.slice(k, k + CONTAINED_MIN));
    for (const piece of own) pushTo(pieces, piece, s);
  }
  for (const [short, i] of bare) {
    if (short.length < CONTAINED_MIN) continue;
    // The rarest piece of the shorter name: every longer name containing it holds that piece too.
    let candidates: string[] | undefined;
    for (let k = 0; k + CONTAINED_MIN <= short.length; k++) {
      const list = pieces.get(short.slice(k, k + CONTAINED_MIN))!;
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    for (const long of candidates!) if (long.length > short.length && long.includes(short)) union(i, bare.get(long)!);
  }
}
