// Text clean-up shared by every reader: full-width forms, odd spaces, control
// characters, HTML left inside table cells. Pure functions of strings.

// Chromium-printed PDFs put U+0001 where spaces were; odd spaces are spaces too.
const TO_SPACE = /[\u0001\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
// Other C0 controls and zero-width characters are noise.
const TO_DROP = /[\u0000\u0002-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g;

/** Full-width ASCII (`１２３，４５６`) to ASCII; leaves Hangul, circled digits and CJK alone. */
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E]/;

export function foldFullWidth(text: string): string {
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Any character normalizeLine changes: one that TO_SPACE or TO_DROP replaces, or a full-width one. */
const TO_CLEAN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF\u00A0\u2000-\u200A\u202F\u205F\u3000\uFF01-\uFF5E]/;

/** Normalise one line for figure reading. Keeps the characters that carry meaning (①, △, ’). */
export function normalizeLine(text: string): string {
  // Most texts hold none of them: one scan instead of three. The two sets are
  // disjoint and neither replacement makes a character of the other, so their
  // order does not matter, nor does that of the folding (full width is in neither).
  if (!TO_CLEAN.test(text)) return text;
  return foldFullWidth(text.replace(TO_SPACE, ' ').replace(TO_DROP, ''));
}

/** Normalise a whole decoded document: line ends to \n, then each line. */
export function normalizeText(text: string): string {
  // The same replacements as normalizeLine, once over the whole text (none of them touches \n).
  return normalizeLine(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
}

// Named entities that exported tables and blog posts (WordPress, Hugo, MDX) leak.
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  middot: '·',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  rarr: '→',
  larr: '←',
  times: '×',
  copy: '©',
  reg: '®',
  trade: '™',
  zwj: '',
  zwnj: '',
  shy: '',
};

/** Decode the HTML entities found in exported tables (`&amp;`, `&lt;`, `&#39;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text of a table cell that may hold inline HTML (`<b>계</b>`, `<p>…</p> <p>…</p>`).
 * Block tags become line breaks so list items stay apart. A cell is tiny, so a
 * tag scanner does the job; whole HTML documents go through cheerio in the blog parser.
 */
export function cellText(cell: string): string {
  if (!cell.includes('<') && !cell.includes('&')) return cell.trim();
  return decodeEntities(
    cell
      .replace(/<\s*(br|\/p|\/li|\/div|\/tr)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** White space other than single spaces: a run of two, or a tab, newline or other space character. */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/**
 * Runs of white space to one space, as `text.replace(/\s+/g, ' ')`. Most texts have
 * only single spaces, which the replace would rebuild the string to keep as they are.
 */
export function collapseSpaces(text: string): string {
  return SPACE_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Drop Markdown emphasis and heading marks around a line's content. */
export function stripMarkdown(line: string): string {
  if (!/[#*_\\]/.test(line)) return line.trim();
  return line
    .replace(/^\s{0,3}#{1,6}\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([*_\-#.()[\]])/g, '$1')
    .trim();
}

/**
 * Every match of a global pattern, as `[...text.matchAll(pattern)]` gives them. The
 * readers of figures run over every line of a document, and `matchAll` builds a copy
 * of the pattern and an iterator per call; this reads with the pattern itself. The
 * matches are all collected before they are returned, so a caller may use the same
 * pattern again while going through them.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  // Without the g flag exec starts at 0 every time and this would never end (matchAll throws).
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${pattern}`);
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place (matchAll steps over it likewise).
    if (m[0] === '') pattern.lastIndex++;
  }
  return out;
}

/**
 * Whether a character code is white space, as `\s` matches it (the readers test one
 * character at a time, where a one-character string and a pattern cost more than this).
 */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether a character code is an ASCII digit, as `\d` matches it. */
export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether a character code is a Hangul syllable, as `[가-힣]` matches it. */
export function isHangulSyllableCode(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/** The last character before `index` that is not white space, or '' when there is none. */
export function lastNonSpace(text: string, index: number): string {
  let i = index;
  while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i > 0 ? text[i - 1]! : '';
}

/** `text` without its white space, as `text.replace(/\s+/g, '')`; the text itself when it has none. */
export function withoutSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return text.replace(/\s+/g, '');
  return text;
}
