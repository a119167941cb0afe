// What a blog heading says: a program's name, a section of a program (by its
// vocabulary, see vocabulary.ts), a question (a FAQ entry), or both
// (`지식서비스 거래지원의 신청방법`, `노인일자리 신청 자격`). Pure string rules.

import { normalizeName } from '../../extract/names.js';
import { cleanText } from '../../layout/clean.js';
import { memoized } from '../../extract/memo.js';
import { FILLER_WORDS, NAME_ENDINGS, PARTICLES, PROGRAM_NOUNS, SECTION_WORDS, type Aspect } from './vocabulary.js';

const compact = (s: string) => s.replace(/\s+/g, '').toLowerCase();

// The readers below are memoized per document: a post's headings are read again by every rule that asks about them.

/** Heading text without numbering, emoji, a trailing parenthetical or a trailing colon: `1. 공익활동 (가장 많음)` → `공익활동`. */
export const headingCore = memoized(readHeadingCore);

function readHeadingCore(text: string): string {
  return cleanText(text)
    .replace(/^(?:\d{1,2}\s*[.)]|\(\d{1,2}\)|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*[.)]?|[IVX]{1,4}\s*[.)]|STEP\s*\d+\s*[.:)]?|\d+\s*단계\s*[.:)]?|[가-하]\s*[.)])\s*/i, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}]/gu, '')
    .replace(/\s*[(（][^()（）]*[)）]\s*$/, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
}

/** A question: `심사는 어떻게 진행되나요?`, `Q. 중복 신청이 되나요`. */
export function isQuestion(text: string): boolean {
  const t = cleanText(text).trim();
  return /[?？]\s*$/.test(t) || /^Q\s*[.:)\d]/i.test(t) || /(나요|까요|인가요|있나|되나|합니까|습니까)\s*$/.test(t);
}

/** The section a text's words name, in vocabulary priority; undefined when none. */
export function questionAspectOf(text: string): Aspect | undefined {
  const c = compact(text);
  for (const [aspect, words] of SECTION_WORDS) if (words.some((w) => c.includes(w))) return aspect;
  return undefined;
}

const PHRASE_ASPECTS = new Set<Aspect>(['faq', 'related', 'links', 'closing']);

/**
 * The section a heading's words name. Phrases (FAQ, related posts, links,
 * closing) win outright; otherwise the word that comes last does, because a
 * Korean heading ends with its head noun: `신청 자격` is eligibility, `신청 기간`
 * deadlines, `신청 전 체크리스트` contents.
 */
export function aspectOf(text: string): Aspect | undefined {
  const c = compact(text);
  let best: Aspect | undefined;
  let bestEnd = -1;
  for (const [aspect, words] of SECTION_WORDS) {
    if (PHRASE_ASPECTS.has(aspect)) {
      if (words.some((w) => c.includes(w))) return aspect;
      continue;
    }
    for (const w of words) {
      const at = c.lastIndexOf(w);
      if (at >= 0 && at + w.length > bestEnd) {
        best = aspect;
        bestEnd = at + w.length;
      }
    }
  }
  return best;
}

const ALL_SECTION_WORDS = SECTION_WORDS.flatMap(([, words]) => words).sort((a, b) => b.length - a.length);

/** Whether one word of a heading is section vocabulary or filler (`신청방법`, `및`, `2026년`, `상세`). */
export const isSectionWord = memoized(readSectionWord);

function readSectionWord(word: string): boolean {
  let w = compact(word).replace(/[^\p{L}\p{N}&]/gu, '');
  if (!w || /^\d+(년|년도|월|일|세|%|만원|원)?$/.test(w)) return true;
  if (FILLER_WORDS.includes(w)) return true;
  for (let i = 0; i < 4 && w; i++) {
    const before = w;
    // Most words hold none of the vocabulary: `includes` first spares a split for each.
    for (const s of ALL_SECTION_WORDS) if (w.includes(s)) w = w.split(s).join('');
    w = w.replace(PARTICLES, '');
    if (FILLER_WORDS.includes(w)) w = '';
    if (w === before) break;
  }
  return w === '';
}

/** Words of a heading left when section vocabulary and filler are taken out: what it names, if anything. */
export const namingWords = memoized(readNamingWords);

function readNamingWords(text: string): string[] {
  return headingCore(text)
    .split(/\s+/)
    .filter((w) => w && !isSectionWord(w));
}

/** Whether a name ends in a noun programs are named with (`…지원금`, `…카드`, `…일자리`). */
export function hasProgramNoun(name: string): boolean {
  const c = compact(name);
  return PROGRAM_NOUNS.some((n) => c.endsWith(n) || c.includes(n + '사업'));
}

/**
 * A program's name as a title, link or heading writes it, cleaned: quotes and
 * brackets around it, a leading year (`2026년`), numbering and a trailing
 * parenthetical dropped, and cut before the words that follow a name
 * (`… 신청방법 총정리`, `…의 신청 절차`, `… 자격요건과 지급액`).
 */
export const cleanProgramName = memoized(readProgramName);

function readProgramName(text: string): string {
  let s = headingCore(text)
    // Leading tags in brackets (`[2024]`, `【정책】`) are not part of the name.
    .replace(/^\s*(?:\[[^\]]{1,12}\]|【[^】]{1,12}】)\s*(?=\S)/, '')
    .replace(/["'“”‘’「」『』《》〈〉<>]/g, ' ')
    .replace(/^\s*\[(.*)\]\s*$/, '$1')
    .replace(/\s*[(（][^()（）]*[)）]/g, ' ')
    .replace(/^\s*(?:20\d{2}|\d{2})\s*년도?\s*/, '')
    .replace(/^\s*20\d{2}\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  // `소상공인 정책자금, 궁금한 것만 모았습니다`: the name comes before the comma or colon.
  const head = /^(.+?)\s*(?:[,:：|]|\s[-–—]\s)\s*\S/.exec(s);
  if (head && namingWords(head[1]!).length > 0) s = head[1]!;
  const words = s.split(' ');
  const cut = words.findIndex((w, i) => i > 0 && NAME_ENDINGS.some((e) => compact(w).startsWith(e)));
  if (cut > 0) s = words.slice(0, cut).join(' ');
  // `청년월세지원의 신청 절차` → `청년월세지원`.
  const of = /^(.+?)의\s+\S.*$/.exec(s);
  if (of && namingWords(s.slice(of[1]!.length + 1)).length === 0) s = of[1]!;
  s = s.replace(/\s*[-–—:|,]\s*$/, '').replace(/(을|를|은|는|의)$/, '').trim();
  // `알뜰교통카드 환급`: a name ends with its programme noun; words after it describe, not name.
  const parts = s.split(' ');
  const last = parts.map((w) => hasProgramNoun(w)).lastIndexOf(true);
  return last >= 0 && last < parts.length - 1 ? parts.slice(0, last + 1).join(' ') : s;
}

export interface HeadingReading {
  /** A program the heading names by its wording (`X의 신청 절차`, `X을 통한 …`, `X 사례`). */
  program?: string;
  /** The section the heading's words name. */
  aspect?: Aspect;
  /** A question (FAQ entry). */
  question?: boolean;
  /** Words that name something other than a section (a candidate program name). */
  naming: string[];
}

/**
 * What a heading says by its wording alone (no context): `기술개발지원의 내용`
 * → program `기술개발지원`, contents; `해외진출을 통한 …` → program `해외진출`;
 * `네트워크 프로그램 사례` → program, contents; `신청 방법` → steps;
 * `심사는 어떻게 진행되나요?` → a question.
 */
export const readHeading = memoized(readHeadingOnce);

function readHeadingOnce(text: string): HeadingReading {
  const core = headingCore(text);
  if (isQuestion(text)) return { aspect: 'faq', question: true, naming: [] };
  const aspect = aspectOf(core);
  const naming = namingWords(core);
  const of = /^(.+?)의\s+(.+)$/.exec(core);
  if (of && aspectOf(of[2]!) && namingWords(of[2]!).length === 0 && namingWords(of[1]!).length > 0) {
    return { program: cleanProgramName(of[1]!), aspect: aspectOf(of[2]!)!, naming };
  }
  const via = /^(.+?)(?:을|를)\s*통한\s+/.exec(core);
  if (via) return { program: cleanProgramName(via[1]!), naming, ...(aspect ? { aspect } : {}) };
  // `자녀장려금 함께 받기`, `주거급여도 같이 신청하기`: another programme described alongside.
  const along = /^(.+?)(?:도)?\s*(?:함께|같이)\s*(?:받기|받으세요|신청|신청하기|챙기기|알아두기)\s*$/.exec(core);
  if (along && hasProgramNoun(along[1]!)) return { program: cleanProgramName(along[1]!), aspect: 'contents', naming };
  const tail = /^(.+?)\s+(사례|소개|개요|안내)$/.exec(core);
  if (tail && hasProgramNoun(tail[1]!)) return { program: cleanProgramName(tail[1]!), aspect: 'contents', naming };
  return { naming, ...(aspect ? { aspect } : {}) };
}

/** Names equal for matching: normalized (spaces, brackets, `사업` suffix). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
