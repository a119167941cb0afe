// Program names as documents print them: letter-spaced by PDF justification
// (`S W 융 합 클 러 스 터 2 . 0`), with stray spaces, brackets and `사업` suffixes.

/**
 * Join letter-spaced runs: two or more single-character tokens in a row are one
 * word, glued to their neighbours. `S W 융 합 클 러 스 터 2 . 0` → `SW융합클러스터2.0`,
 * `지역SW융합제품상용화지원 ( 추 분 )` → `지역SW융합제품상용화지원(추분)`.
 * Ordinary words (`청주시 수출기업 외국어`) are left alone.
 */
export function collapseLetterSpacing(text: string): string {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length < 2) return tokens.join('');
  const single = tokens.map((t) => [...t].length === 1);
  // A token is part of a spaced run when it or a neighbour is single and the run has ≥2 singles.
  const inRun = single.map((s, i) => s && (single[i - 1] === true || single[i + 1] === true));
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const glue = inRun[i] === true || inRun[i - 1] === true;
    out += (glue ? '' : ' ') + tokens[i];
  }
  return out.replace(/\(\s+/g, '(').replace(/\s+\)/g, ')');
}

/**
 * Name for matching the same program across tables and documents: letter spacing
 * collapsed, spaces, brackets and punctuation removed, a trailing `사업` dropped,
 * Latin letters lower-cased. `S W 융 합 클 러 스 터 2 . 0` and `충북 SW융합 클러스터 2.0 사업`
 * do not become equal (the 충북 prefix stays); use `namesMatch` for that.
 */
export function normalizeName(text: string): string {
  return collapseLetterSpacing(text)
    .replace(/<[^>]*>/g, '')
    .replace(/[\s()[\]{}<>「」『』"'’‘“”·ㆍ・,._\-\\/]/g, '')
    .replace(/(지원)?사업$/, (m) => (m.startsWith('지원') ? '지원' : ''))
    .toLowerCase();
}

/** Common regional and organisational prefixes that one table prints and another omits. */
const PREFIXES = ['충북', '충청북도', '지역', '청주시', '도'];

export function stripPrefixes(name: string): string {
  let n = name;
  for (const p of PREFIXES) if (n.startsWith(p) && n.length > p.length + 3) n = n.slice(p.length);
  return n;
}

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
  return short.length >= 8 && long.includes(short);
}
