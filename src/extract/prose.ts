// What the prose extractors share: the prose blocks of a layout (paragraphs,
// list items, notes, headings) cut into sentences, the figures of a sentence as
// Quantities with their printed precision, and the years written next to them.
// Pure.

import type { Quantity, Source } from '../model/types.js';
import type { Block, TableBlock } from '../layout/types.js';
import { expandYear } from './periods.js';
import { printedDecimals, printedStep } from './printed.js';
import { applyUnit, findQuantities, type FoundQuantity } from './quantities.js';
import { foldFullWidth, lastNonSpace, matchesOf } from './text.js';
import { memoized } from './memo.js';

export type ProseBlock = Exclude<Block, TableBlock>;

export function isProse(block: Block): block is ProseBlock {
  return block.type !== 'table';
}

export interface Sentence {
  text: string;
  /** Index of its block in the block list. */
  block: number;
  source: Source;
  /** Whether the text has a digit (a sentence without one states no figure). */
  hasDigit: boolean;
  /** `sentenceFigures(text)`, read once when the sentence is cut: every prose extractor reads them. */
  figures: Figure[];
}

const [OPEN_ROUND, OPEN_SQUARE, OPEN_CORNER, CLOSE_ROUND, CLOSE_SQUARE, CLOSE_CORNER, FULL_STOP] = [...'([「)]」.'].map((c) => c.charCodeAt(0));
/** The syllables a sentence ends on before its full stop (`…했다.`, `…함.`). */
const SENTENCE_END = /[다음함임됨요]/;

/**
 * Sentences of one prose text: cut after a sentence end (`…했다.`, `…함.`) followed
 * by a space, never inside brackets, so `(’24.3.)` and `1.5억원` stay whole.
 */
export function splitSentences(text: string): string[] {
  // Most texts are one sentence: without a full stop there is nothing to cut.
  if (!text.includes('.')) {
    const whole = text.trim();
    return whole ? [whole] : [];
  }
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  // Character codes, not one-character strings: this runs over all the prose of a document.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_ROUND || c === OPEN_SQUARE || c === OPEN_CORNER) depth++;
    else if ((c === CLOSE_ROUND || c === CLOSE_SQUARE || c === CLOSE_CORNER) && depth > 0) depth--;
    else if (depth === 0 && c === FULL_STOP && SENTENCE_END.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')) {
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/** A block's lines joined by one space (most blocks are one line: nothing to replace). */
export function joinLines(text: string): string {
  return text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text;
}

/** Every sentence of every prose block, in order (memoized per document: every prose extractor reads them). */
export const proseSentences = memoized(cutSentences);

/** The figures of every sentence without a digit: one array, read and never changed (as every memoized result). */
const NO_FIGURES: Figure[] = [];

function cutSentences(blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, i) => {
    if (!isProse(b)) return;
    for (const text of splitSentences(foldFullWidth(joinLines(b.text)))) {
      const hasDigit = DIGIT.test(text);
      out.push({ text, block: i, source: b.source, hasDigit, figures: hasDigit ? memoSentenceFigures(text) : NO_FIGURES });
    }
  });
  return out;
}

const YEAR_APOSTROPHES = "'’‘´";


/** A figure of a sentence: the reader's FoundQuantity with its position kept. */
export type Figure = FoundQuantity;

const DIGIT = /\d/;
const memoSentenceFigures = memoized(readSentenceFigures);

/**
 * The figures of a sentence. A bare number joined by an arrow to a figure with a
 * unit takes that unit (`9,500→13,300만원`: both 만원).
 */
export function sentenceFigures(text: string): Figure[] {
  // A sentence without a digit has no figure (findQuantities finds none): no memo lookup.
  return DIGIT.test(text) ? memoSentenceFigures(text) : [];
}

const CURRENCY_WORD = /달러|불|유로|엔|위안|USD|EUR/;
const ARROW = /[→⇒➠]/;
const [MAN, EOK, JO] = [...'만억조'].map((c) => c.charCodeAt(0));

/** The magnitude word a figure's text ends with (`2만` → 만), as `/([만억조])$/` reads it. */
function bigWordAtEnd(text: string): string | undefined {
  const code = text.charCodeAt(text.length - 1);
  return code === MAN || code === EOK || code === JO ? text[text.length - 1] : undefined;
}

function readSentenceFigures(text: string): Figure[] {
  // Year labels are not figures: `('23)`, `'23.`, `(2023)`.
  const qs = findQuantities(text).filter((q) => {
    if (q.kind !== 'bare') return true;
    const before = lastNonSpace(text, q.index);
    return !((before !== '' && YEAR_APOSTROPHES.includes(before)) || (before === '(' && /^\s*[),.]/.test(text.slice(q.end)) && /^(19|20)\d\d$/.test(q.text)));
  });
  // `2만 5천세대`: a magnitude written apart from the rest of its number is one figure (25,000).
  for (let i = qs.length - 2; i >= 0; i--) {
    const q = qs[i]!;
    const next = qs[i + 1]!;
    const big = q.kind === 'bare' ? bigWordAtEnd(q.text) : undefined;
    if (!big || !/^\s+$/.test(text.slice(q.end, next.index)) || next.kind === 'percent') continue;
    const unitOfBig = { 만: 1e4, 억: 1e8, 조: 1e12 }[big]!;
    const nextRaw = next.kind === 'money' ? next.value : next.raw;
    if (nextRaw >= unitOfBig || /[만억조]/.test(next.text.replace(/[만억조]원$/, ''))) continue;
    const value = next.kind === 'money' ? q.raw + next.value : q.raw + next.raw;
    qs.splice(i, 2, { ...next, value, raw: value, index: q.index, text: text.slice(q.index, next.end) });
  }
  // `7,700억 달러`: a foreign currency is not 원 (the figure keeps its value, in that currency).
  // A sentence naming no currency is not read figure by figure for one.
  if (CURRENCY_WORD.test(text)) {
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i]!;
      const currency = /^\s*(달러|불|유로|엔|위안|USD|EUR)/.exec(text.slice(q.end))?.[1];
      if (currency && (q.kind === 'money' || q.kind === 'bare') && !q.text.endsWith('원')) qs[i] = { ...q, kind: 'count', unit: currency };
    }
  }
  // A sentence without an arrow joins no figures by one.
  if (!ARROW.test(text)) return qs;
  for (let i = qs.length - 2; i >= 0; i--) {
    const q = qs[i]!;
    const next = qs[i + 1]!;
    if (q.kind !== 'bare' || next.kind === 'bare') continue;
    const between = text.slice(q.end, next.index);
    if (/^\s*[→⇒➠]\s*(\([^()]*\)\s*)?$/.test(between)) {
      qs[i] = applyUnit(q, next.unit, next.kind === 'money' ? next.scale : undefined);
    }
  }
  return qs;
}

/** Same kind and unit (counts: `개사` and `개` agree; money is always 원). */
export function sameUnit(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'count') return a.unit === b.unit || a.unit.startsWith(b.unit) || b.unit.startsWith(a.unit);
  return a.kind === 'percent' ? a.unit === b.unit : true;
}

/** A figure as a model Quantity: value in its unit, with the printed step and decimals. */
export function toQuantity(f: Figure, source: Source): Quantity {
  const q: Quantity = { value: f.value, unit: f.unit, source: { ...source, text: source.text } };
  if (f.max !== undefined) q.max = f.max;
  if (f.kind === 'percent') {
    q.decimals = printedDecimals(f.text);
    q.step = 10 ** -q.decimals;
  } else if (f.kind === 'money') {
    // `13,300만원` after a bare `9,500`: the bare number was scaled by the same unit.
    q.step = /[만억조천백원]/.test(f.text) ? printedStep(f.text) : (f.scale ?? 1) * 10 ** -printedDecimals(f.text);
  } else {
    q.step = printedStep(f.text);
  }
  return q;
}

const YEAR = /(?:(\d{4})\s*년|['’‘](\d{2})\s*년?|\((\d{4})\)|\(\s*['’‘](\d{2})\s*\))/g;

/** The years written in a text, in order (`2023년`, `'24년`, `(’23)`). */
export function yearsIn(text: string): { year: string; index: number }[] {
  return matchesOf(YEAR, foldFullWidth(text)).map((m) => ({ year: yearOf(m), index: m.index! }));
}

/** The first year written in a text, as `yearsIn(text)[0]?.year` (without reading the others). */
export function firstYearIn(text: string): string | undefined {
  YEAR.lastIndex = 0;
  const m = YEAR.exec(foldFullWidth(text));
  YEAR.lastIndex = 0;
  return m ? yearOf(m) : undefined;
}

function yearOf(m: RegExpExecArray): string {
  return String(m[1] ?? m[3] ?? expandYear(m[2] ?? m[4]!));
}

/** The year written just before a figure (since the previous figure), if any. */
export function yearBefore(text: string, figures: Figure[], f: Figure): string | undefined {
  const prev = figures.filter((g) => g.end <= f.index).pop();
  const from = prev ? prev.end : Math.max(0, f.index - 30);
  const ys = yearsIn(text.slice(from, f.index));
  return ys[ys.length - 1]?.year;
}

/** The sentence text for a Source: the block's source with the sentence as its text. */
export function sentenceSource(s: Sentence): Source {
  return { ...s.source, text: s.text };
}

/**
 * The subject of a figure: the last phrase before `end`, after any separator
 * (`▹`, `:`, `(`) and after the last word that ends a clause (`…을 위한 출하장려금
 * 등 지급` → `출하장려금 지급`). Digits, `등` and year words are left out.
 */
export function subjectBefore(text: string, end: number): string {
  const head = text.slice(0, end);
  const segments = head.split(/[▹▸►➠→:：(（)\[\]|]/);
  let seg = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    if (/[가-힣A-Za-z]{2}/.test(segments[i]!.replace(/\d+\s*년|까지|목표|대비|총|전체|실적/g, ''))) {
      seg = segments[i]!;
      break;
    }
  }
  let words = seg.replace(/^[\s\-○□◦ㅇ▪·*※◇❍■◆•]+/, '').split(/\s+/).filter((w) => w && /[가-힣A-Za-z]/.test(w) && !/\d/.test(w) && !/^(등|및|총|전체|목표|실적|약)$/.test(w) && !/까지$/.test(w));
  const clause = words.map((w) => /(를|을|위한|위해|통한|통해|으로|에서|에게|하여|하고)$/.test(w)).lastIndexOf(true);
  if (clause >= 0 && clause < words.length - 1) words = words.slice(clause + 1);
  return words.slice(-4).join(' ').replace(/(목표치?|대비)$/, '').replace(/[은는이가을를의]$/, '').trim();
}
