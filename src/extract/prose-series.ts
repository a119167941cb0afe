// Year-over-year series written in prose blocks:
//   ('19) 12,660 → ('20) 19,799개          (every arrow form src/extract/series.ts reads)
//   '24년 1,200억원 → '25년 1,500억원       (year words as labels)
//   2023년 46% → 2024년 48%
//   2023년 18,400명에서 2024년 19,320명으로   (에서 … 로 between two dated figures)
//   전년 1,200억원 → 금년 1,500억원          (전년/금년 against the document's year)
//   2024년 … 2,610만명으로 전년(2,380만명) 대비  (a dated figure and the previous year's in brackets)
//   ('24) 1,200 → ('25)(안) 1,500억원       (plan, provisional and cumulative markers:
//                                             (안), (계획), (목표), (잠정), 누계/누적)
// Units come from the sentence (the last segment, or `(억원)` before the
// sequence). Every point carries its block's source. Pure.

import type { Diagnostic, Series, SeriesPoint, Source } from '../model/types.js';
import type { Block } from '../layout/types.js';
import { findSeries, type FoundPoint } from './series.js';
import { isProse, joinLines, sameUnit, sentenceFigures, subjectBefore, yearBefore, yearsIn } from './prose.js';
import { foldFullWidth } from './text.js';
import { COUNT_UNITS, parseKoreanAmount, parseNumber } from './amounts.js';
import { expandYear } from './periods.js';

export interface ProseSeriesOptions {
  /** The document's own year, for `전년`/`금년` labels. Without it those sequences are reported, not guessed. */
  year?: string;
}

export interface ProseSeriesResult {
  series: Series[];
  diagnostics: Diagnostic[];
}

const Q = `['’‘´]`;
/** `'24년`, `’24년도`, `2024년`, `2024년도` directly before a figure (not `2024년 12월`). */
const YEAR_WORD = new RegExp(String.raw`(?<![(\d])(?:${Q}\s*(\d{2})|(\d{4}))\s*년도?\s*(?=[(\d])`, 'g');
const FROM_TO = new RegExp(String.raw`((?:${Q}\s*\d{2}|\d{4})\s*년도?\s*[\d.,]+\s*[가-힣%]{0,3})\s*에서\s+(?=(?:${Q}\s*\d{2}|\d{4})\s*년)`, 'g');
/** A year followed by a short word before its figure (`’24년 동당 14백만원`). */
const QUALIFIED_YEAR = new RegExp(String.raw`((?:${Q}\s*\d{2}|\d{4})\s*년도?)\s+([가-힣]{1,4})\s+(?=\d)`, 'g');
const RELATIVE = /(?<![가-힣])(전년도?|작년|금년도?|올해|당해\s*연도|본년도?)\s*(?=[(\d])/g;

/**
 * Rewrite year words into the bracketed labels `findSeries` reads: `'24년 1,200` →
 * `('24) 1,200`; `전년 1,200` → `(2023) 1,200` when the document's year is 2024.
 * Only in text with an arrow, so running prose is not relabelled.
 */
export function labelYears(text: string, year?: string): { text: string; relative: boolean } {
  // `2023년 18,400명에서 2024년 19,320명으로`: a pair of dated figures joined by 에서 reads as an arrow.
  const folded = foldFullWidth(text);
  let out = folded.includes('에서') ? folded.replace(FROM_TO, '$1 → ') : folded;
  if (!/[→⇒➠]/.test(out)) return { text: out, relative: false };
  out = liftSharedQualifier(out);
  out = out.replace(YEAR_WORD, (_w, yy: string | undefined, yyyy: string | undefined) => (yyyy ? `(${yyyy}) ` : `('${yy}) `));
  let relative = false;
  out = out.replace(RELATIVE, (w: string) => {
    relative = true;
    if (!year) return w;
    const y = Number(year);
    return /^(전년|작년)/.test(w) ? `(${y - 1}) ` : `(${y}) `;
  });
  return { text: out, relative };
}

/**
 * `’24년 동당 14백만원 → ‘25년 동당 29백만원`: the same word after every year of a
 * sequence says what each figure is per (동당, 1인당, 월); it is moved before the first
 * year, into the indicator's name, so the figures sit right after their years. A word
 * that differs between the years (`’24년 국비 5 → ’25년 시비 6`) is left: those are not one series.
 */
export function liftSharedQualifier(text: string): string {
  const found = [...text.matchAll(QUALIFIED_YEAR)];
  if (found.length < 2 || !found.every((m) => m[2] === found[0]![2])) return text;
  let first = true;
  return text.replace(QUALIFIED_YEAR, (_w, year: string) => {
    const lifted = first ? `${found[0]![2]} ${year} ` : `${year} `;
    first = false;
    return lifted;
  });
}

function indicatorOf(prefix: string, label: string | undefined, heading: string | undefined): string {
  const base = prefix.replace(/^[\s\-○□◦ㅇ▪·*※◇❍]+/, '').replace(/[\s:：]+$/, '').replace(/(?<=[가-힣]{2})[은는]$/, '').trim();
  const name = base || heading || '(series)';
  // A marker caught as a label (`('25)(안) 352억원`) names no sub-series.
  return label && !/^(안|계획|목표|예정|잠정|추정|누적|누계)$/.test(label) ? `${name} (${label})` : name;
}

const PREVIOUS_YEAR = /^\s*(?:으로|로|은|는|이며|이고)?\s*,?\s*전년\s*(?:도)?\s*\(\s*$/;

/**
 * `2024년 관광객은 2,610만명으로 전년(2,380만명) 대비`: a figure of a dated
 * sentence and the previous year's figure in brackets after 전년 form a pair.
 */
export function previousYearPairs(text: string, year?: string): { indicator: string; unit: string; from: { period: string; value: number }; to: { period: string; value: number } }[] {
  const out: ReturnType<typeof previousYearPairs> = [];
  if (!text.includes('전년')) return out;
  const figures = sentenceFigures(text);
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    if (a.kind === 'percent' || !sameUnit(a, b) || !PREVIOUS_YEAR.test(text.slice(a.end, b.index)) || !/^\s*\)\s*대비/.test(text.slice(b.end))) continue;
    const to = yearBefore(text, figures, a) ?? yearsIn(text.slice(0, a.index)).pop()?.year ?? year;
    if (!to) continue;
    out.push({ indicator: subjectBefore(text, a.index), unit: a.unit, from: { period: String(Number(to) - 1), value: b.value }, to: { period: to, value: a.value } });
  }
  return out;
}

const BRACKET_YEAR = String.raw`\(\s*(?:['’‘]\s*(\d{2})|((?:19|20)\d{2}))\s*년?도?\s*\)`;
const YEAR_THEN_ARROW = new RegExp(String.raw`^\s*${BRACKET_YEAR}\s*(?:→|⇒|➡|➜)\s*$`);
const YEAR_AFTER = new RegExp(String.raw`^\s*${BRACKET_YEAR}`);
/** The arrows a pair or a change is joined by: a text without one holds neither (read no further). */
const ARROW = /[→⇒➡➜]/;

/**
 * Each figure followed by its year in brackets, joined by an arrow:
 * `설치 목표 : 75개소(‘25년) → 80개소(‘26년)`. The two figures have the same unit;
 * the words before the first name it.
 */
export function yearAfterPairs(text: string): { indicator: string; unit: string; from: { period: string; value: number }; to: { period: string; value: number } }[] {
  const out: ReturnType<typeof yearAfterPairs> = [];
  if (!ARROW.test(text)) return out;
  const figures = sentenceFigures(text);
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    if (!a.unit || !sameUnit(a, b)) continue;
    const first = YEAR_THEN_ARROW.exec(text.slice(a.end, b.index));
    const second = YEAR_AFTER.exec(text.slice(b.end));
    if (!first || !second) continue;
    const from = String(expandYear(first[1] ?? first[2]!));
    const to = String(expandYear(second[1] ?? second[2]!));
    if (Number(to) <= Number(from)) continue;
    out.push({ indicator: subjectBefore(text, a.index), unit: a.unit, from: { period: from, value: a.value }, to: { period: to, value: b.value } });
  }
  return out;
}

/**
 * A change printed with an arrow and no periods: `대기시간 단축(21분→ 17분)`,
 * `둘째이후(300→400만원)`, `(소득 8천만원→1.3억원, 보증금 3→4억원)`, `(월 2만원→ 월 4만원)`.
 * The figure after the arrow carries the unit; the one before takes it when it has
 * none. Its periods are `before` and `after`.
 * Not read: a figure cut short (`858. 억`: digits lost by the reader), a year on
 * either side (a year-labelled sequence is `findSeries`' business), figures in
 * different units, a figure with no unit on either side.
 */
const CHANGE = new RegExp(
  String.raw`(?<![\d.,'’‘])(\d[\d,]*(?:\.\d+)?)\s*([가-힣%㎡]{0,4}(?:·[가-힣]{1,2})?)\s*(?:→|⇒|➡|➜)\s*(?:(?:월|연|일|주|회당|1인당|만(?=\s*\d{1,3}\s*세))\s*)?(\d[\d,]*(?:\.\d+)?)(?![\d.])\s*([가-힣%㎡]{1,4}(?:·[가-힣]{1,2})?)?`,
  'g',
);
// Money needs 원 after 만 (`2,380만` alone counts people as often as money); 억 and 조 stand alone.
const MONEY_TAIL = /^(?:[천백십]?[만억조]?원|[천백십]?[억조])$/;
/** Units a change may be counted in besides money (`COUNT_UNITS` and measures). */
const CHANGE_UNITS: readonly string[] = [...COUNT_UNITS, '%', '개구', '개구·군', '선석', '㎡', '천㎡', '만㎡', '세대', '호', '년', '분', '개월', '천명', '만명', '만건', '천톤', '만톤'];

const AGE_TAIL = /^세(로|으로|까지|이상|이하|미만|부터)?$/;
/** The longest known unit the letters after a figure start with (`원으로` → `원`), or ''. */
function knownUnit(letters: string): string {
  for (let n = letters.length; n > 0; n--) {
    const u = letters.slice(0, n);
    if (MONEY_TAIL.test(u) || CHANGE_UNITS.includes(u)) return u;
    // An age (`만 29세 → 만 34세`), when 세 is the whole word or takes a particle (세대, 세입 are other words).
    if (u === '세' && AGE_TAIL.test(letters)) return u;
  }
  return '';
}
/** Words at the end of a name that say what was done, not what was measured. */
const DOING = /\s*(확대|운영|단축|상향|하향|축소|강화|연장|변경|증액|감액|인상|인하|개선|확충|조정|완화|통합‧확대|통합·확대)$/;

export interface ChangePair {
  indicator: string;
  unit: string;
  from: number;
  to: number;
  index: number;
}

function cleanName(words: string): string {
  // The name starts after the last clause mark (`…, 육아친화마을`, `…을 통해 저상버스 …`);
  // with nothing after it (`(대도시) 5400만…`, `완화 : 4.17% → …`), the words before it.
  let rest = words.replace(/[\s:：(（)）]+$/, '');
  const clause = /.*(?:[,，)）:：’”]|으로|통해|위해|따라)\s*/s.exec(rest);
  if (clause) rest = rest.slice(clause[0].length);
  let name = rest.replace(/^[\s\-○□◦ㅇ▪·*※◇❍,(（]+/, '').replace(/[\s:：(（]+$/, '').trim();
  for (let k = 0; k < 3 && DOING.test(name); k++) name = name.replace(DOING, '').trim();
  return name.split(/\s+/).slice(-3).join(' ');
}

export function changePairs(text: string): ChangePair[] {
  const out: ChangePair[] = [];
  if (!ARROW.test(text)) return out;
  const t = foldFullWidth(text);
  for (const m of t.matchAll(CHANGE)) {
    const [, a, aLetters = '', b, bLetters = ''] = m;
    const aUnit = knownUnit(aLetters);
    const bUnit = knownUnit(bLetters);
    // Letters that are no unit (`3월부터`) mean the figure is something else.
    if ((aLetters && !aUnit) || (bLetters && !bUnit)) continue;
    // A range on either side (`3500만~6900만 → 5300만~9900만`): its ends are not a before and an after.
    if (/[~∼～\-]\s*$/.test(t.slice(0, m.index)) || /^\s*[~∼～]/.test(t.slice(m.index! + m[0].length))) continue;
    const unit = bUnit || aUnit;
    if (!unit || (aUnit && bUnit && aUnit !== bUnit && !(MONEY_TAIL.test(aUnit) && MONEY_TAIL.test(bUnit)))) continue;
    if (/^년/.test(unit) && /^(19|20)\d{2}$/.test(b!)) continue;
    const before = t.slice(0, m.index);
    // A year label right before the first figure: a dated sequence, read elsewhere.
    if (/(?:['’‘]\s*\d{2}|(?:19|20)\d{2})\s*년?\s*\)?\s*[.,]?\s*$/.test(before)) continue;
    // `전년 1,200억원 → …`: a dated sequence (전년/금년), read by year or reported, never a bare change.
    if (/(전년도?|작년|금년도?|올해|당해\s*연도|본년도?)\s*\(?\s*$/.test(before)) continue;
    let from: number | undefined;
    let to: number | undefined;
    let outUnit = unit;
    if (MONEY_TAIL.test(unit)) {
      const tail = (/[만억조]?원?$/.exec(unit)?.[0] ?? '').replace(/^$/, '원');
      to = parseKoreanAmount(b + (bUnit || tail))?.krw;
      // `300→400만원`, `8→9천원`: the figure before the arrow is in the same unit.
      from = parseKoreanAmount(a + (aUnit || bUnit || tail))?.krw;
      outUnit = '원';
    } else {
      from = parseNumber(a!);
      to = parseNumber(b!);
    }
    if (from === undefined || to === undefined) continue;
    // The words naming it: inside its bracket before the figure, else before the bracket.
    const open = Math.max(before.lastIndexOf('('), before.lastIndexOf(','), before.lastIndexOf('，'));
    const inner = cleanName(before.slice(open + 1).replace(/\s*(월|연|1식|1인당|회당|만)\s*$/, ''));
    const outer = open >= 0 && before[open] === '(' ? cleanName(before.slice(0, open)) : '';
    const outerOfList = open >= 0 && before[open] !== '(' ? cleanName(before.slice(0, before.lastIndexOf('(', open) >= 0 ? before.lastIndexOf('(', open) : 0)) : '';
    const indicator = [outer || outerOfList, inner].filter((x) => x && !/^\d/.test(x)).join(' ').trim();
    out.push({ indicator, unit: outUnit, from, to, index: m.index! });
  }
  return out;
}

/** An arrow leading a line: the line continues the sequence printed on the line above it. */
export const ARROW_LEAD = /^\s*(?:→|⇒|➡|➜|➔)/;

export function leadsWithArrow(block: Block): boolean {
  return block.type !== 'table' && block.type !== 'heading' && (ARROW_LEAD.test(block.text) || (block.type === 'list-item' && ARROW_LEAD.test(block.marker)));
}

/**
 * The text each prose block is read from: a block led by an arrow (`→ ('23) 12억원`, a PDF
 * list item whose marker is the arrow) is read with the block above it, where its sequence
 * starts (`* 출연R&D : ('22) 6억원`), and not on its own.
 */
function sequenceTexts(blocks: Block[]): (string | undefined)[] {
  // By block index (an array, not a map: one entry per block).
  const texts: (string | undefined)[] = new Array(blocks.length);
  let last = -1;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'table') {
      last = -1;
      continue;
    }
    const text = joinLines(block.text);
    if (last >= 0 && leadsWithArrow(block)) {
      const arrow = block.type === 'list-item' && ARROW_LEAD.test(block.marker) ? `${block.marker} ` : '';
      texts[last] = `${texts[last]} ${arrow}${text}`;
      continue;
    }
    texts[i] = text;
    last = block.type === 'heading' ? -1 : i;
  }
  return texts;
}

const DIGIT = /\d/;
/**
 * What every reader below needs to find anything: an arrow (a sequence, a change, a
 * pair of dated figures), `에서` (`A에서 B로`, read as an arrow), `전년` (a figure and
 * the previous year's) or a bracketed two-digit year (`('22)`, full-width too). Most
 * prose has none of them: one scan instead of a reader each.
 */
const MAY_HOLD_SEQUENCE = /[→⇒➠➡➜]|에서|전년|[(（]\s*['’‘＇][\d０-９]{2}/;

/**
 * A point of a found sequence with its block's source, as `{ ...p, flags: [...p.flags], source }`
 * would make it (the same keys in the same order), without the spread's generic copy.
 */
function copyPoint(p: FoundPoint, source: Source): SeriesPoint {
  const point: SeriesPoint = { period: p.period, value: p.value, flags: [...p.flags] } as SeriesPoint;
  if ('max' in p) point.max = p.max;
  point.source = source;
  return point;
}

/** Every year-labelled sequence in the prose blocks. */
export function extractProseSeries(blocks: Block[], options: ProseSeriesOptions = {}): ProseSeriesResult {
  const result: ProseSeriesResult = { series: [], diagnostics: [] };
  const texts = sequenceTexts(blocks);
  let heading: string | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading') heading = block.text.trim();
    const raw = texts[i];
    if (raw === undefined || !isProse(block) || !DIGIT.test(raw) || !MAY_HOLD_SEQUENCE.test(raw)) continue;
    const { text, relative } = labelYears(raw, options.year);
    if (relative && !options.year) {
      result.diagnostics.push({ severity: 'info', code: 'series-relative-year', message: 'a sequence labelled 전년/금년 was not read: the document year is unknown', source: block.source });
    }
    const found = findSeries(text);
    if (found.length === 0) {
      for (const p of changePairs(raw)) {
        result.series.push({
          indicator: p.indicator || heading || '(change)',
          unit: p.unit,
          flags: [],
          points: [
            { period: 'before', value: p.from, flags: [], source: block.source },
            { period: 'after', value: p.to, flags: [], source: block.source },
          ],
          source: block.source,
        });
      }
      for (const p of previousYearPairs(raw, options.year).concat(yearAfterPairs(raw))) {
        result.series.push({
          indicator: p.indicator || heading || '(series)',
          unit: p.unit,
          flags: [],
          points: [
            { ...p.from, flags: [], source: block.source },
            { ...p.to, flags: [], source: block.source },
          ],
          source: block.source,
        });
      }
    }
    // `(‘21) 약7,700억 달러 → (’25) 2조달러`: amounts in a foreign currency are not 원.
    const currency = found.length ? /\d\s*[십백천만억조]*\s*(달러|불|유로|엔|위안)/.exec(text)?.[1] : undefined;
    for (const one of found) {
      // Copies: findSeries is memoized per document, so its arrays are shared by every block with the same text.
      const points: SeriesPoint[] = one.points.map((p) => copyPoint(p, block.source));
      result.series.push({
        indicator: indicatorOf(one.prefix, one.label, heading),
        unit: one.unit === '원' && currency && !/\d\s*[천백만억조]*\s*원/.test(text) ? currency : one.unit,
        flags: [...one.flags],
        points,
        source: block.source,
      });
    }
  }
  return result;
}
