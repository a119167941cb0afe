// What a kind's reader needs to know about a layout's blocks, by structure
// only: which blocks are titles (headings, or short stand-alone paragraphs in
// layouts that mark no headings), which titles are numbered parts or tasks,
// which list markers are outermost, and which blocks only continue the item
// above them (a wrapped line). No document's section names are known here.

import type { Block, Layout } from '../layout/types.js';
import type { Source } from '../model/types.js';
import { collapseSpaces, isDigitCode, isHangulSyllableCode, isSpaceCode, stripMarkdown } from '../extract/text.js';
import { memoized } from '../extract/memo.js';

/**
 * A block's text as printed, without Markdown emphasis or escapes; tables give
 * their caption. Memoized per document: the unit and title rules ask for the same
 * block's text several times.
 */
export const blockText = memoized(readBlockText);

function readBlockText(block: Block): string {
  const text = block.type === 'table' ? (block.caption ?? '') : block.text;
  const marks = marksOf(text);
  if (marks & MARKDOWN) return collapseSpaces(stripMarkdown(text)).trim();
  // No Markdown mark: stripMarkdown would only trim, and the trimmed text (a piece of this one)
  // needs collapsing only if this one does (collapsing a text that needs none changes nothing).
  const trimmed = text.trim();
  return marks & SPACING ? collapseSpaces(trimmed).trim() : trimmed;
}

/** A character stripMarkdown acts on (`#`, `*`, `_`, `\`). */
const MARKDOWN = 1;
/** White space collapseSpaces acts on: two in a row, or one other than a plain space. */
const SPACING = 2;

/** Which of MARKDOWN and SPACING a text holds, in one pass (the patterns would read it twice, character by character). */
function marksOf(text: string): number {
  let marks = 0;
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x23 || code === 0x2a || code === 0x5f || code === 0x5c) return marks | MARKDOWN;
    const space = isSpaceCode(code);
    if (space && (afterSpace || code !== 0x20)) marks = SPACING;
    afterSpace = space;
  }
  return marks;
}

/** Part titles numbered with Roman numerals: `Ⅲ. 전략목표별 추진상황`, `IV . 주요 현안사업`. */
export const PART_NUMBER = /^(?:[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\s*[.．]\s*/;
/** Task or section titles numbered with digits: `1 4차 산업혁명 …`, `2. 생활 속 …`, `3) …`. */
export const TASK_NUMBER = /^\d{1,2}\s*[.)]?\s+(?=\S)/;

const codesOf = (chars: string) => new Set([...chars].map((ch) => ch.charCodeAt(0)));

/**
 * List markers ranked outermost first, as Korean administrative documents
 * nest them (□ → ○ → - → ·). A block without a marker is a title or a
 * top-level line, rank 0 like □.
 */
const MARKER_RANKS: [RegExp, number][] = [
  // A private-use glyph is a symbol-font bullet whose shape the text layer does not give: taken as outermost.
  [/^[□■◆◇▣❑☐◈❖\uE000-\uF8FF]/, 0],
  // `ㅇ` typed for ○ (a habit of 한글 users), `∘` and `◦` likewise.
  [/^[○◯❍●◎ㅇ∘◦]/, 1],
  [/^([①-⑳]|[가-하][.)]|\(\d{1,2}\)|\d{1,2}\))/, 1],
  [/^[-–—]/, 2],
  [/^[·•∙ㆍ▪▫‣⁃*+▹▸►➢]/, 3],
];

/** The one-character classes of MARKER_RANKS by character code, so most markers are ranked without a pattern. */
const OUTERMOST_CODES = codesOf('□■◆◇▣❑☐◈❖');
const CIRCLE_CODES = codesOf('○◯❍●◎ㅇ∘◦');
const DASH_CODES = codesOf('-–—');
const DOT_CODES = codesOf('·•∙ㆍ▪▫‣⁃*+▹▸►➢');
/** The ranked pattern that needs more than a marker's first character (`가.`, `(1)`, `3)`), tried in its place in the order. */
const NUMBERED_MARKER = MARKER_RANKS[2]![0];

export function markerRank(marker: string): number {
  const text = marker.trim();
  // The same order as MARKER_RANKS: its one-character classes are tested by code (the classes do not overlap).
  const code = text.charCodeAt(0);
  if (OUTERMOST_CODES.has(code) || (code >= 0xe000 && code <= 0xf8ff)) return 0;
  if (CIRCLE_CODES.has(code)) return 1;
  if (NUMBERED_MARKER.test(text)) return 1;
  if (DASH_CODES.has(code)) return 2;
  if (DOT_CODES.has(code)) return 3;
  return 2;
}

/** The leading list marker printed inside a block's text (headings keep theirs: `□ 사업개요`). */
const PRINTED_MARKER = /^(?:([□■◆◇▣❑☐◈❖○◯❍●◎∘①-⑳·•∙ㆍ▪▫◦‣⁃✓✔➢▶►▹▸\uE000-\uF8FF-])\s*|(ㅇ)(?=\s|[^가-힣])\s*|([lmnquvwØü])\s+(?=[가-힣(]))/;

/**
 * The leading list marker printed inside a block's text (headings keep theirs:
 * `□ 사업개요`). A lone Latin letter before Korean text is a bullet drawn from a
 * symbol font (Wingdings `l` ●, `m` ❍, `n` ■, `q` ❑, `u` ◆, `v` ❖, `w` ◆, `Ø` ➢, `ü` ✓)
 * whose glyphs a PDF's text layer gives as letters.
 */
export function leadingMarker(text: string): string | undefined {
  // No marker is a Hangul syllable (`ㅇ` is a letter of the alphabet): most lines start with one and are not searched.
  if (startsWithSyllable(text)) return undefined;
  const m = PRINTED_MARKER.exec(text);
  if (!m) return undefined;
  if (m[3]) return SYMBOL_FONT[m[3]] ?? '·';
  return m[1] ?? m[2];
}

/** Whether a text starts with a Hangul syllable (가–힣), which no marker, numbering or bracket pattern here starts with. */
function startsWithSyllable(text: string): boolean {
  return isHangulSyllableCode(text.charCodeAt(0));
}

const SYMBOL_FONT: Record<string, string> = { l: '●', m: '○', n: '■', q: '❑', u: '◆', v: '❖', w: '◆', Ø: '➢', ü: '✓' };

export function withoutMarker(text: string): string {
  return text.replace(PRINTED_MARKER, '').trim();
}

/** One readable unit of a layout: a block, with any wrapped lines that continue it joined on. */
export interface Unit {
  block: Block;
  /** The block and the wrapped lines joined onto it, in order. */
  parts: Block[];
  /** The text with continuations joined, emphasis removed. */
  text: string;
  /** The marker, from the list item or printed at the start of a heading/paragraph. */
  marker?: string;
  /** 0 for □ and unmarked lines, higher for inner markers. */
  rank: number;
  source: Source;
}

const MAX_TITLE = 60;

const OPENING_BRACKETS = codesOf('(（[〔【<〈《「『');
const CLOSING_BRACKETS = codesOf(')）]〕】>〉》」』');

/** As many opening brackets as closing ones (counted by character code: no array per text). */
function bracketsBalance(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (OPENING_BRACKETS.has(code)) depth++;
    else if (CLOSING_BRACKETS.has(code)) depth--;
  }
  return depth === 0;
}

/**
 * Ends of a line that stops mid-sentence: a comma, a connective ending
 * (`높여`, `하고`, `위해`, `통한`), a particle or a conjunction. The next unmarked
 * line continues it.
 */
const OPEN_ENDING = /([,·/~→+(]|(?:여|고|며|서|해|한|및|의|를|을|에|와|과|로|는|은|등|또는|통한|위한|대한|따른))$/;

/**
 * Whether a text ends open (OPEN_ENDING). Its endings are at most two characters, so only
 * the last two are searched: an end-anchored pattern is otherwise tried from every start.
 */
function endsOpen(text: string): boolean {
  return OPEN_ENDING.test(text.slice(-2));
}

/**
 * A paragraph that continues the list item or paragraph above it (a wrapped
 * line): it carries no marker and no numbering of its own, and the line above
 * stops mid-sentence, or it starts with a closing bracket or an arrow.
 */
export function continuesPrevious(previous: Unit | undefined, block: Block): boolean {
  if (!previous || (block.type !== 'paragraph' && block.type !== 'heading')) return false;
  if (previous.block.type !== 'list-item' && previous.block.type !== 'paragraph') return false;
  const text = blockText(block);
  if (text === '') return false;
  // A line led by a Hangul syllable (most lines) has no marker, numbering, footnote mark or bracket to test for.
  const plain = startsWithSyllable(text);
  if (!plain && (leadingMarker(text) || PART_NUMBER.test(text) || TASK_NUMBER.test(text))) return false;
  // A footnote (`* …`, `※ …`) stands on its own line by design.
  if (!plain && /^(\\?\*|※)/.test(text)) return false;
  // A line led by a square or angle bracket opens a labelled title (`[전략3] …`, `< 필요성 >`).
  if (!plain && /^[[【<〈《]/.test(text)) return false;
  // A heading continues only a list item cut mid-sentence (a plain-text reader takes a short wrapped line alone for a heading).
  if (block.type === 'heading') return previous.block.type === 'list-item' && endsOpen(previous.text) && !/[:：]/.test(previous.text);
  if (!plain && /^[)）\]>】→➔]/.test(text)) return true;
  // A list item that filled its line to the margin wraps onto the next (PDF lines carry no indent to tell).
  const last = previous.parts[previous.parts.length - 1]!;
  const lastMarked = last.type === 'list-item' || (last.type === 'paragraph' && leadingMarker(blockText(last)) !== undefined);
  if (lastMarked && blockText(last).length >= FILLED_LINE && !/[:：]/.test(text)) return true;
  return endsOpen(previous.text) || !bracketsBalance(previous.text);
}

/** Characters of a body line filled to the margin (A4 portrait, 11–13 pt Korean: about 45–55). */
const FILLED_LINE = 45;

const LETTER_OR_DIGIT = /[\p{L}\d]/u;

/**
 * Whether a text holds a letter or digit, as LETTER_OR_DIGIT tells. Most texts hold a Hangul
 * syllable, a Latin letter or a digit after at most a few marks: read by code up to it, ASCII
 * punctuation, general punctuation (U+2000–206F) and arrows, shapes and symbols (U+2190–2BFF),
 * which hold no letter, skipped; any other character leaves the answer to the pattern.
 */
function hasLetterOrDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHangulSyllableCode(code) || isDigitCode(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) return true;
    if (code < 0x80 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x2190 && code <= 0x2bff)) continue;
    return LETTER_OR_DIGIT.test(text);
  }
  return false;
}

/** The layout's blocks as units, wrapped lines joined to the item they continue. */
export function unitsOf(layout: Layout): Unit[] {
  const units: Unit[] = [];
  for (const block of layout.blocks) {
    // Lines of only brackets and punctuation are what a PDF leaves of a drawn frame, not text.
    if (block.type !== 'table' && !hasLetterOrDigit(block.text)) continue;
    const previous = units[units.length - 1];
    if (continuesPrevious(previous, block)) {
      // Both texts are collapsed and trimmed (blockText, withoutMarker): joined by one space they stay collapsed.
      previous!.text = `${previous!.text} ${blockText(block)}`;
      previous!.parts.push(block);
      continue;
    }
    const text = blockText(block);
    const printed = block.type === 'list-item' ? block.marker : block.type === 'table' ? undefined : leadingMarker(text);
    const unit: Unit = {
      block,
      parts: [block],
      text: block.type === 'list-item' ? text : printed ? withoutMarker(text) : text,
      rank: printed ? markerRank(printed) : 0,
      source: block.source,
    };
    if (printed) unit.marker = printed;
    units.push(unit);
  }
  return units;
}

/**
 * A title: a heading, or (in layouts that mark none) a short paragraph that
 * starts with a word, closes its brackets, states no `label : value` and does
 * not end a sentence. Marked lines (`□ 사업개요`) are items, not titles.
 */
export function isTitle(unit: Unit): boolean {
  if (unit.marker) return false;
  const { block, text } = unit;
  if (block.type === 'heading') return text !== '';
  if (block.type !== 'paragraph') return false;
  return (
    text.length > 0 &&
    text.length <= MAX_TITLE &&
    /^[\p{L}\d]/u.test(text) &&
    bracketsBalance(text) &&
    !/[:：/]/.test(text) &&
    // Data lines are not titles: a figure with its unit noun (`연 30,000명`).
    !/\d[\d,.]*\s*(명|개|건|원|천원|백만원|억원|회|%|개사|편)(?![가-힣])/.test(text) &&
    !/(다|음|함|임)\s*\.?$/.test(text) &&
    !/^[\d\s.,~'’-]+$/.test(text)
  );
}

/** A title bracketed as a subsection label (`< 필요성 >`, `【추진경과】`). */
export function isBracketedLabel(text: string): boolean {
  return /^[<〈《【[［]/.test(text) && /[>〉》】\]］]$/.test(text);
}

/** `name : value` (the colon full- or half-width, spaces optional). */
const LABELLED = /^(.+?)\s*[:：]\s*(.*)$/;

export function labelled(text: string): { label: string; value: string } | undefined {
  // Most units state no label: a text without a colon is not searched.
  if (!text.includes(':') && !text.includes('：')) return undefined;
  // A text on one line (every unit's) splits at its first colon after the first character, as
  // LABELLED would: the spaces it keeps out of both sides are those trim() removes.
  if (!LINE_BREAK.test(text)) {
    const half = text.indexOf(':', 1);
    const full = text.indexOf('：', 1);
    const at = half < 0 ? full : full < 0 ? half : Math.min(half, full);
    return at < 0 ? undefined : { label: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
  }
  const m = LABELLED.exec(text);
  if (!m) return undefined;
  return { label: m[1]!.trim(), value: m[2]!.trim() };
}

/** A line terminator (which `.` in LABELLED does not match). */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A table cell's text on one line. A narrow cell wraps mid-word, so lines are
 * joined without a space where the break falls between two Korean syllables
 * (`과학기술정보⏎통신부`, `(57개⏎월)`), and with one elsewhere (`…지원사업⏎(안전작업)`).
 */
export function cellLine(text: string): string {
  // Most cells hold one line: nothing to join, and mostly nothing to collapse (marksOf stops at a Markdown mark: collapsed then).
  if (!text.includes('\n')) return marksOf(text) === 0 ? text.trim() : collapseSpaces(text.trim());
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .reduce((joined, line) => (joined === '' ? line : /[가-힣]$/.test(joined) && /^[가-힣]/.test(line) ? joined + line : `${joined} ${line}`), '')
    .replace(/\s+/g, ' ');
}
