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

import type { Diagnostic, Series, SeriesPoint } from '../model/types.js';
import type { Block } from '../layout/types.js';
import { findSeries } from './series.js';
import { isProse, sameUnit, sentenceFigures, subjectBefore, yearBefore, yearsIn } from './prose.js';
import { foldFullWidth } from './text.js';

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
const RELATIVE = /(?<![가-힣])(전년도?|작년|금년도?|올해|당해\s*연도|본년도?)\s*(?=[(\d])/g;

/**
 * Rewrite year words into the bracketed labels `findSeries` reads: `'24년 1,200` →
 * `('24) 1,200`; `전년 1,200` → `(2023) 1,200` when the document's year is 2024.
 * Only in text with an arrow, so running prose is not relabelled.
 */
export function labelYears(text: string, year?: string): { text: string; relative: boolean } {
  // `2023년 18,400명에서 2024년 19,320명으로`: a pair of dated figures joined by 에서 reads as an arrow.
  let out = foldFullWidth(text).replace(FROM_TO, '$1 → ');
  if (!/[→⇒➠]/.test(out)) return { text: out, relative: false };
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
  const figures = sentenceFigures(text);
  const out: ReturnType<typeof previousYearPairs> = [];
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

/** Every year-labelled sequence in the prose blocks. */
export function extractProseSeries(blocks: Block[], options: ProseSeriesOptions = {}): ProseSeriesResult {
  const result: ProseSeriesResult = { series: [], diagnostics: [] };
  let heading: string | undefined;
  for (const block of blocks) {
    if (block.type === 'heading') heading = block.text.trim();
    if (!isProse(block) || !/\d/.test(block.text)) continue;
    const raw = block.text.replace(/\s*\n\s*/g, ' ');
    const { text, relative } = labelYears(raw, options.year);
    if (relative && !options.year) {
      result.diagnostics.push({ severity: 'info', code: 'series-relative-year', message: 'a sequence labelled 전년/금년 was not read: the document year is unknown', source: block.source });
    }
    const found = findSeries(text);
    if (found.length === 0) {
      for (const p of previousYearPairs(raw, options.year)) {
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
    const currency = /\d\s*[십백천만억조]*\s*(달러|불|유로|엔|위안)/.exec(text)?.[1];
    for (const found of findSeries(text)) {
      const points: SeriesPoint[] = found.points.map((p) => ({ ...p, source: block.source }));
      result.series.push({
        indicator: indicatorOf(found.prefix, found.label, heading),
        unit: found.unit === '원' && currency && !/\d\s*[천백만억조]*\s*원/.test(text) ? currency : found.unit,
        flags: found.flags,
        points,
        source: block.source,
      });
    }
  }
  return result;
}
