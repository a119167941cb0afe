// Claims stated in prose: every sentence that states a figure which can be
// recomputed from other figures of the document.
//   growth       `14,800백만원은 전년(13,500백만원) 대비 9.6% 증가`, `48% 상승`, `증가율 5%`, `↑`
//   points       `46%에서 48%로 2%p 상승`
//   multiple     `120억원에서 360억원으로 3배 증가`
//   share        `총 120개사 중 A 70개사(58.3%)`, `비중 24%`, `24%를 차지`, `56%(271개/485개)`
//   sum          `총 120개사(A 70, B 50)` (a pure list of labelled parts in brackets)
//   rate         `예산 1,200백만원 중 960백만원 집행(집행률 80%)`
//   achievement  `목표 2,000개소, 실적 2,070개소(달성률 103.5%)`, `목표 대비 94%`
//   count        `3개 분야(AI·반도체·바이오)`, `신규 과제 3건` followed by its list items
// Operands come from the same sentence first, then from the nearest table above
// (growth: the cell left of the stated figure's cell) or the nearest block above.
// Each claim records how (`resolution`) and, when the pick is not certain, why
// (`ambiguous`), so `check` warns instead of raising an error. A claim whose
// operands cannot be found is an info diagnostic, never a guess. Pure.

import type { Claim, ClaimResolution, Diagnostic, Quantity, Source } from '../model/types.js';
import { tableGrid, type Block, type TableBlock } from '../layout/types.js';
import { parseNumber, parseKoreanAmount } from './amounts.js';
import { moneyMultiplier } from './units.js';
import { printedStep } from './printed.js';
import { applyUnit, findQuantities } from './quantities.js';
import {
  isProse,
  proseSentences,
  sameUnit,
  sentenceSource,
  subjectBefore,
  toQuantity,
  yearBefore,
  yearsIn,
  firstYearIn,
  type Figure,
  type Sentence,
} from './prose.js';
import { foldFullWidth, isDigitCode, isSpaceCode, lastNonSpace, matchesOf } from './text.js';
import { yearColumnOf } from './table-roles.js';

export interface ClaimsResult {
  claims: Claim[];
  diagnostics: Diagnostic[];
}

/** Words that say a figure went up or down, right after the stated percentage. */
const UP = '증가|상승|성장|늘|확대|신장|증액|향상|개선|높아|올라|올랐|오른|↑|▲';
const DOWN = '감소|하락|줄|축소|감액|저하|낮아|떨어|내려|내린|↓|▼';
const DIRECTION_AFTER = new RegExp(String.raw`^\s*(?:가량|정도|수준|이상|내외|p|포인트)?\s*(?:[을를이가]\s*)?(?:(${UP})|(${DOWN}))`);
const GROWTH_BEFORE = /(증가율|상승률|성장률|신장률|증감률|감소율|하락률|증가폭)\s*(?:은|는|이|가|:)?\s*(?:약\s*)?([+△▲▼-]?)\s*$/;
const SIGNED_AFTER_BASE = /대비\s*([+△▲▼-])\s*$/;
const ACHIEVEMENT_BEFORE = /(달성률|달성율|달성도|목표\s*대비|목표의)\s*(?:은|는|이|가|:)?\s*(?:약\s*)?$/;
const RATE_BEFORE = /(집행률|집행율|소진율|소진률|집행실적률|예산\s*집행률)\s*(?:은|는|이|가|:)?\s*(?:약\s*)?$/;
const SHARE_BEFORE = /(비중|점유율|구성비|비율)\s*(?:은|는|이|가|:)?\s*(?:약\s*)?$/;
const SHARE_AFTER = /^\s*(?:를|을|로|으로)?\s*(?:차지|비중)/;
const WHOLE_LABEL = /(총|전체|합계|총계|모두|총액)\s*$/;

interface Ctx {
  blocks: Block[];
  sentences: Sentence[];
  k: number;
  s: Sentence;
  text: string;
  figures: Figure[];
  /** The sentence as a Source, built by `sourceOf` when a claim or a diagnostic names it (most sentences state none). */
  source: Source | undefined;
  claims: Claim[];
  diagnostics: Diagnostic[];
  /** Figures a claim of the sentence already took (made when the first is taken: most sentences take none). */
  used: Set<Figure> | undefined;
}

/** Every checkable claim in the prose of a layout. */
export function extractClaims(blocks: Block[]): ClaimsResult {
  const sentences = proseSentences(blocks);
  const result: ClaimsResult = { claims: [], diagnostics: [] };
  sentences.forEach((s, k) => {
    if (!s.hasDigit) return;
    const ctx: Ctx = {
      blocks,
      sentences,
      k,
      s,
      text: s.text,
      figures: s.figures,
      source: undefined,
      claims: result.claims,
      diagnostics: result.diagnostics,
      used: undefined,
    };
    readSums(ctx);
    readCounts(ctx);
    for (const f of ctx.figures) {
      if (f.kind === 'percent' && f.unit === '%p') readPoints(ctx, f);
      else if (f.kind === 'percent') readPercent(ctx, f);
      else if (f.unit === '배') readMultiple(ctx, f);
    }
  });
  readListCounts(blocks, result);
  return result;
}

/** The sentence of `ctx` as a Source (one object for every claim of the sentence). */
function sourceOf(ctx: Ctx): Source {
  return (ctx.source ??= sentenceSource(ctx.s));
}

function unresolved(ctx: Ctx, what: string): void {
  ctx.diagnostics.push({ severity: 'info', code: 'claim-unresolved', message: `${what} names no figures it could be checked against`, source: sourceOf(ctx) });
}

function base(ctx: Ctx, kind: Claim['kind'], resolution: ClaimResolution, ambiguous?: string): { resolution: ClaimResolution; text: string; ambiguous?: string } {
  void kind;
  return { resolution, text: ctx.text, ...(ambiguous ? { ambiguous } : {}) };
}

/** Signed stated value: a fall (감소, △, ↓) is negative. */
function signed(ctx: Ctx, f: Figure, down: boolean): Quantity {
  const q = toQuantity(f, sourceOf(ctx));
  const sign = /[△▼-]\s*$/.test(ctx.text.slice(Math.max(0, f.index - 2), f.index));
  return { ...q, value: down || sign ? -Math.abs(q.value) : q.value };
}

function before(ctx: Ctx, f: Figure, n = 16): string {
  return ctx.text.slice(Math.max(0, f.index - n), f.index);
}

function after(ctx: Ctx, f: Figure, n = 16): string {
  return ctx.text.slice(f.end, f.end + n);
}

/** `약 10%`, `2배 이상`, `20% 가량`: a bound or an estimate, not a figure that can be wrong by a little. */
function approximate(ctx: Ctx, f: Figure): boolean {
  return /(약|대략|최소|최대|평균)\s*$/.test(before(ctx, f, 4)) || /^\s*(이상|이하|초과|미만|가량|정도|내외|안팎|여(?![가-힣])|넘게|남짓|수준)/.test(after(ctx, f, 6));
}

/** Percentages by what the words around them say they are. */
function readPercent(ctx: Ctx, f: Figure): void {
  if (ctx.used?.has(f) || approximate(ctx, f)) return;
  const b = before(ctx, f, 20);
  const a = after(ctx, f, 12);
  if (ACHIEVEMENT_BEFORE.test(b)) return readAchievement(ctx, f);
  if (RATE_BEFORE.test(b)) return readRate(ctx, f);
  const ratioForm = /^\s*\(\s*([\d,.]+)\s*([가-힣]*)\s*\/\s*([\d,.]+)\s*([가-힣]*)\s*\)/.exec(ctx.text.slice(f.end));
  if (ratioForm) return readExplicitRatio(ctx, f, ratioForm);
  const bracketShare = /\(\s*$/.test(b) && /^\s*\)/.test(a) && precedingFigure(ctx, f);
  if (SHARE_BEFORE.test(b) || SHARE_AFTER.test(a) || bracketShare) return readShare(ctx, f, !!bracketShare && !SHARE_BEFORE.test(b) && !SHARE_AFTER.test(a));
  // `연평균 14.9% 증가` is a compound rate over several years, not the change of one pair.
  if (/(연평균|연\s*평균|CAGR)\s*(?:증가율|성장률)?\s*(?:은|는|:)?\s*$/.test(b)) return;
  const dir = DIRECTION_AFTER.exec(a);
  const growthWord = GROWTH_BEFORE.exec(b);
  const signedBase = SIGNED_AFTER_BASE.exec(b);
  if (dir || growthWord || signedBase) {
    const down = !!dir?.[2] || /감소|하락/.test(growthWord?.[1] ?? '') || /[△▼-]/.test(growthWord?.[2] ?? signedBase?.[1] ?? '');
    readGrowth(ctx, f, down);
  }
}

/** The figure right before `(` of a bracketed percentage (`70개사(58.3%)`). */
function precedingFigure(ctx: Ctx, f: Figure): Figure | undefined {
  const prev = ctx.figures.filter((g) => g.end <= f.index && g.kind !== 'percent').pop();
  if (!prev) return undefined;
  return /^\s*\(\s*$/.test(ctx.text.slice(prev.end, f.index)) ? prev : undefined;
}

interface Pair {
  from: Figure;
  to: Figure;
  resolution: ClaimResolution;
  ambiguous?: string;
  fromQ?: Quantity;
  toQ?: Quantity;
  fromPeriod?: string;
  toPeriod?: string;
}

/**
 * The two figures a change compares, from the sentence: an arrow (`A → B`),
 * `A에서 B로`, a base before `대비` with the new value elsewhere in the
 * sentence, or two figures each after its own year.
 */
function pairInSentence(ctx: Ctx, stated: Figure, fits: (g: Figure) => boolean): Pair | 'base-only' | undefined {
  const cands = ctx.figures.filter((g) => g !== stated && fits(g) && !ctx.used?.has(g));
  const t = ctx.text;
  // Arrow: the arrow pair nearest before the stated figure.
  const arrows: [Figure, Figure][] = [];
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1]!;
    if (sameUnit(a, b) && /[→⇒➠]/.test(t.slice(a.end, b.index)) && !/[,;]/.test(t.slice(a.end, b.index).replace(/\([^()]*\)/g, ''))) arrows.push([a, b]);
  }
  if (arrows.length) {
    // The pair the stated change is about comes before it (`A → B(20% 증가)`); one after it belongs to another clause.
    const chosen = [...arrows].reverse().find(([, b]) => b.index < stated.index);
    if (!chosen) return undefined;
    const chain = arrows.length > 1 && !/전년|전기|직전|전월|전분기/.test(t);
    return { from: chosen[0], to: chosen[1], resolution: 'same-sentence', ...(chain ? { ambiguous: 'a sequence of several values; the last pair was taken' } : {}) };
  }
  // `A에서 B로`.
  const from = cands.find((g) => g.index < stated.index && /^\s*(?:\([^()]*\)\s*)?에서/.test(t.slice(g.end)));
  if (from) {
    const to = cands.find((g) => g.index > from.index && g.index < stated.index && sameUnit(g, from) && /^\s*(?:\([^()]*\)\s*)?(?:으로|로)/.test(t.slice(g.end)));
    if (to) return { from, to, resolution: 'same-sentence' };
  }
  // A base before 대비: `전년(13,500백만원) 대비`, `(12,853,628천원) 대비`.
  const baseFig = cands.find((g) => /^\s*\)?\s*(?:의|과|와)?\s*대비/.test(t.slice(g.end)) && g.index < stated.index);
  if (baseFig) {
    const others = cands.filter((g) => g !== baseFig && sameUnit(g, baseFig));
    if (others.length === 0) return 'base-only';
    const beforeBase = others.filter((g) => g.index < baseFig.index);
    // A new value after the stated change only in the same clause (`대비 15% 증가한 1,150건`, not `…증가하였으며 지원마을은 51개소`).
    const afterStated = others.find((g) => g.index > stated.index && !/(며|고|으나|지만)\s|[,;]/.test(t.slice(stated.end, g.index)));
    const to = beforeBase[beforeBase.length - 1] ?? afterStated;
    if (!to) return 'base-only';
    return { from: baseFig, to, resolution: 'same-sentence', ...(others.length > 1 ? { ambiguous: `${others.length} figures could be the new value` } : {}) };
  }
  // Two figures, each after its own year: the earlier year is the base.
  const dated = cands.filter((g) => g.index < stated.index).map((g) => ({ g, year: yearBefore(t, ctx.figures, g) })).filter((d) => d.year);
  if (dated.length === 2 && sameUnit(dated[0]!.g, dated[1]!.g) && dated[0]!.year !== dated[1]!.year) {
    const [a, b] = dated[0]!.year! < dated[1]!.year! ? [dated[0]!, dated[1]!] : [dated[1]!, dated[0]!];
    return { from: a.g, to: b.g, resolution: 'same-sentence', fromPeriod: a.year!, toPeriod: b.year! };
  }
  return undefined;
}

/** The nearest earlier blocks (same section: no heading crossed), each with its figures. */
function earlierBlocks(ctx: Ctx, maxBlocks: number): { sentence: Sentence; figures: Figure[] }[][] {
  const out: { sentence: Sentence; figures: Figure[] }[][] = [];
  let block = ctx.s.block;
  // Earlier sentences of the same block come first.
  const same = ctx.sentences.slice(0, ctx.k).filter((x) => x.block === block).reverse();
  if (same.length) out.push(same.map((sentence) => ({ sentence, figures: sentence.figures })));
  for (let i = block - 1; i >= 0 && out.length < maxBlocks + 1; i--) {
    const b = ctx.blocks[i]!;
    if (b.type === 'heading') break;
    if (!isProse(b)) break;
    const ss = ctx.sentences.filter((x) => x.block === i).reverse();
    out.push(ss.map((sentence) => ({ sentence, figures: sentence.figures })));
  }
  return out;
}

/** A year the sentence is about (`2024년 실적`), to keep figures of another year out. */
function sentenceYear(text: string): string | undefined {
  return firstYearIn(text);
}

/** The year a block is about: its own, or for a list item the year of the item it sits under. */
function blockYear(blocks: Block[], i: number): string | undefined {
  const b = blocks[i]!;
  if (b.type === 'table') return undefined;
  const own = sentenceYear(b.text);
  if (own || b.type !== 'list-item') return own;
  for (let j = i - 1; j >= 0; j--) {
    const p = blocks[j]!;
    if (p.type === 'heading') return undefined;
    if (p.type === 'list-item' && p.depth < b.depth) return blockYear(blocks, j);
  }
  return undefined;
}

/** The one figure of the nearest earlier block that holds figures of this unit. */
function fromEarlierBlock(ctx: Ctx, like: Figure, prefer?: RegExp, sameYear = false): { figure: Figure; sentence: Sentence; ambiguous?: string } | undefined {
  const year = sameYear ? sentenceYear(ctx.text) : undefined;
  for (const group of earlierBlocks(ctx, 3)) {
    const found: { figure: Figure; sentence: Sentence }[] = [];
    for (const { sentence, figures } of group) {
      const y = sentenceYear(sentence.text) ?? (year ? blockYear(ctx.blocks, sentence.block) : undefined);
      // A figure of another year is not this sentence's operand (`2025년 목표` above `2024년 실적`).
      if (year && y && y !== year) continue;
      for (const g of figures) if (g.kind !== 'percent' && sameUnit(g, like) && (!prefer || prefer.test(sentence.text.slice(Math.max(0, g.index - 12), g.index)))) found.push({ figure: g, sentence });
    }
    if (found.length === 0) continue;
    const pick = found[0]!;
    return found.length === 1 ? pick : { ...pick, ambiguous: `${found.length} figures of this unit in the block above` };
  }
  return undefined;
}

/**
 * The nearest table above the sentence (no heading between): the cell holding
 * `to`'s value, and the cell to its left as the earlier value, when the two
 * columns are consecutive years.
 */
function fromTable(ctx: Ctx, to: Figure): { from: Quantity; to: Quantity; fromPeriod: string; toPeriod: string; ambiguous?: string } | undefined {
  let table: TableBlock | undefined;
  for (let i = ctx.s.block - 1; i >= 0 && i >= ctx.s.block - 4; i--) {
    const b = ctx.blocks[i]!;
    if (b.type === 'heading') break;
    if (b.type === 'table') {
      table = b;
      break;
    }
  }
  if (!table) return undefined;
  const grid = tableGrid(table);
  const header = grid[Math.max(0, table.headerRows - 1)] ?? grid[0];
  if (!header) return undefined;
  const years = header.map((c) => yearColumnOf(c.text));
  const scale = moneyMultiplier(table.unit);
  const hits: { r: number; c: number }[] = [];
  grid.forEach((row, r) => {
    if (r < table!.headerRows) return;
    row.forEach((cell, c) => {
      const v = parseNumber(cell.text);
      if (v === undefined || cell.spanned) return;
      const value = to.kind === 'money' ? (scale ? v * scale : parseKoreanAmount(cell.text)?.krw) : v;
      if (value !== undefined && Math.abs(value - to.value) < 1e-6 * Math.max(1, Math.abs(to.value)) && c > 0 && years[c] && years[c - 1]) hits.push({ r, c });
    });
  });
  if (hits.length === 0) return undefined;
  const { r, c } = hits[0]!;
  const left = grid[r]![c - 1]!;
  const right = grid[r]![c]!;
  const lv = parseNumber(left.text);
  if (lv === undefined) return undefined;
  const unit = to.kind === 'money' ? '원' : to.unit;
  const mult = to.kind === 'money' ? (scale ?? 1) : 1;
  const mk = (text: string, v: number, source: Source): Quantity => ({ value: v * mult, unit, step: printedStep(text, mult), source: { ...source, text } });
  const out = {
    from: mk(left.text, lv, left.source),
    to: mk(right.text, parseNumber(right.text)!, right.source),
    fromPeriod: years[c - 1]!,
    toPeriod: years[c]!,
  };
  return hits.length > 1 ? { ...out, ambiguous: `${hits.length} cells of the table hold ${right.text}` } : out;
}

const MONEY_SUBJECT = /(액|비|예산|금|매출|수입|투자)\s*(?:\([^()]*\))?\s*(?:은|는|이|가|:)?\s*$/;
const MONEY_ROW = /(사업비|예산|액|금|매출|수입|투자)$/;

/**
 * A growth claim that names two years and no figures: the row of a year table
 * above (same section) with both years, chosen by its label written in the
 * sentence, else — for an amount (`확보액`, `예산`) — the one money row.
 */
function fromYearTable(ctx: Ctx, stated: Figure): { from: Quantity; to: Quantity; fromPeriod: string; toPeriod: string; ambiguous?: string } | undefined {
  const baseAt = ctx.text.indexOf('대비');
  if (baseAt < 0 || baseAt > stated.index) return undefined;
  const years = yearsIn(ctx.text.slice(0, stated.index));
  const fromYear = years.filter((y) => y.index < baseAt).pop()?.year;
  const toYear = years.find((y) => y.year !== fromYear)?.year;
  if (!fromYear || !toYear) return undefined;
  const compact = ctx.text.replace(/\s+/g, '');
  const subjectIsMoney = MONEY_SUBJECT.test(ctx.text.slice(0, years[0]!.index).replace(/[\s(:：]+$/, ''));
  for (let i = ctx.s.block - 1; i >= 0 && i >= ctx.s.block - 8; i--) {
    const b = ctx.blocks[i]!;
    if (b.type === 'heading') return undefined;
    if (b.type !== 'table') continue;
    const grid = tableGrid(b);
    const header = grid[Math.max(0, b.headerRows - 1)] ?? grid[0];
    if (!header) continue;
    const col = (y: string) => header.findIndex((c) => yearColumnOf(c.text) === y);
    const fc = col(fromYear);
    const tc = col(toYear);
    if (fc < 0 || tc < 0) continue;
    const rows = grid.slice(Math.max(1, b.headerRows)).filter((r) => parseNumber(r[fc]!.text) !== undefined && parseNumber(r[tc]!.text) !== undefined);
    const label = (r: (typeof rows)[number]) => r[0]!.text.replace(/\s+/g, '');
    const named = rows.filter((r) => label(r).length >= 2 && compact.includes(label(r)));
    const money = subjectIsMoney ? rows.filter((r) => MONEY_ROW.test(label(r))) : [];
    const pick = named.length === 1 ? named : money.length === 1 ? money : undefined;
    if (!pick) continue;
    const row = pick[0]!;
    const scale = MONEY_ROW.test(label(row)) ? moneyMultiplier(b.unit) : undefined;
    const q = (cell: (typeof row)[number]): Quantity => {
      const v = parseNumber(cell.text)!;
      return { value: scale ? Math.round(v * scale) : v, unit: scale ? '원' : '', step: printedStep(cell.text, scale ?? 1), source: { ...cell.source, text: cell.text } };
    };
    return { from: q(row[fc]!), to: q(row[tc]!), fromPeriod: fromYear, toPeriod: toYear, ...(named.length === 1 ? {} : { ambiguous: `row ${row[0]!.text} chosen as the one amount row of the table` }) };
  }
  return undefined;
}

function readGrowth(ctx: Ctx, stated: Figure, down: boolean): void {
  (ctx.used ??= new Set()).add(stated);
  const pair = pairInSentence(ctx, stated, (g) => g.kind !== 'percent' && g.unit !== '배');
  const q = signed(ctx, stated, down);
  const label = `${ctx.text.slice(0, 40)}`;
  void label;
  if (pair && pair !== 'base-only') return pushChange(ctx, 'growth', q, pair);
  if (pair === 'base-only') {
    // `(12,853,628천원) 대비 48% 상승` with the new value in the block above.
    const baseFig = ctx.figures.find((g) => g !== stated && g.kind !== 'percent' && /^\s*\)?\s*(?:의|과|와)?\s*대비/.test(ctx.text.slice(g.end)))!;
    const up = fromEarlierBlock(ctx, baseFig);
    if (up) {
      const toQ = toQuantity(up.figure, sentenceSource(up.sentence));
      const toPeriod = yearBefore(up.sentence.text, up.sentence.figures, up.figure) ?? sentenceYear(up.sentence.text);
      return pushChange(ctx, 'growth', q, { from: baseFig, to: up.figure, toQ, resolution: 'previous-block', ...(toPeriod ? { toPeriod } : {}), ...(up.ambiguous ? { ambiguous: up.ambiguous } : {}) });
    }
    return unresolved(ctx, `growth claim of ${q.value}%`);
  }
  // One figure and a base word (`전년 대비`): the earlier value from the table above.
  const single = ctx.figures.filter((g) => g !== stated && g.kind !== 'percent' && g.unit !== '배');
  if (single.length === 1) {
    const t = fromTable(ctx, single[0]!);
    if (t) return pushChange(ctx, 'growth', q, { from: single[0]!, to: single[0]!, fromQ: t.from, toQ: t.to, fromPeriod: t.fromPeriod, toPeriod: t.toPeriod, resolution: 'table', ...(t.ambiguous ? { ambiguous: t.ambiguous } : {}) });
  }
  // No figure, two years (`확보액(2020년 6월 말 기준) : 2019년 12월 대비 165% 상승`): a year table above.
  if (single.length === 0) {
    const t = fromYearTable(ctx, stated);
    if (t) {
      const claim: Claim = { kind: 'growth', stated: q, from: t.from, to: t.to, fromPeriod: t.fromPeriod, toPeriod: t.toPeriod, source: sourceOf(ctx), ...base(ctx, 'growth', 'table', t.ambiguous) };
      ctx.claims.push(claim);
      return;
    }
  }
  unresolved(ctx, `growth claim of ${q.value}%`);
}

function pushChange(ctx: Ctx, kind: 'growth' | 'points' | 'multiple', stated: Quantity, pair: Pair): void {
  const from = pair.fromQ ?? toQuantity(pair.from, sourceOf(ctx));
  const to = pair.toQ ?? toQuantity(pair.to, sourceOf(ctx));
  const toPeriod = pair.toPeriod ?? (pair.resolution === 'same-sentence' ? yearBefore(ctx.text, ctx.figures, pair.to) : undefined);
  const earlier = pair.fromQ ? undefined : yearsIn(ctx.text.slice(0, pair.from.index)).pop()?.year;
  const fromPeriod =
    pair.fromPeriod ??
    yearBefore(ctx.text, ctx.figures, pair.from) ??
    (/전년/.test(ctx.text) && toPeriod ? String(Number(toPeriod) - 1) : undefined) ??
    (earlier && earlier !== toPeriod ? earlier : undefined);
  const extra = { ...(fromPeriod ? { fromPeriod } : {}), ...(toPeriod ? { toPeriod } : {}), ...base(ctx, kind, pair.resolution, pair.ambiguous) };
  if (kind === 'growth') ctx.claims.push({ kind, stated, from, to, source: sourceOf(ctx), ...extra });
  else ctx.claims.push({ kind, label: subjectOf(ctx.text, pair.from.index), stated, from, to, source: sourceOf(ctx), ...extra });
  (ctx.used ??= new Set()).add(pair.from).add(pair.to);
}

/** A short subject for a claim: the words before its first operand (`부산형 공보육 이용률`). */
function subjectOf(text: string, index: number): string {
  return subjectBefore(text, index);
}

function readPoints(ctx: Ctx, stated: Figure): void {
  if (approximate(ctx, stated)) return;
  const a = after(ctx, stated, 10);
  const b = before(ctx, stated, 4);
  const dir = DIRECTION_AFTER.exec(a);
  if (!dir && !/[+△▲▼-]\s*$/.test(b) && !/[↑↓]/.test(a.slice(0, 2))) return;
  (ctx.used ??= new Set()).add(stated);
  const down = !!dir?.[2] || /[△▼-]\s*$/.test(b) || a.trimStart().startsWith('↓');
  const q = signed(ctx, stated, down);
  const pair = pairInSentence(ctx, stated, (g) => g.kind === 'percent' && g.unit === '%');
  if (pair && pair !== 'base-only') return pushChange(ctx, 'points', q, pair);
  unresolved(ctx, `change of ${q.value}%p`);
}

const MULTIPLE_AFTER = /^\s*(?:로|으로)?\s*(?:증가|확대|늘|성장|상승|향상|급증|신장|증액)/;

function readMultiple(ctx: Ctx, stated: Figure): void {
  // `384개(1.2배수) 추천` is a ratio of candidates, not a change: only `N배 증가` and kin are claims.
  if (!MULTIPLE_AFTER.test(after(ctx, stated, 10)) || approximate(ctx, stated)) return;
  (ctx.used ??= new Set()).add(stated);
  const pair = pairInSentence(ctx, stated, (g) => g.kind !== 'percent' && g.unit !== '배');
  if (pair && pair !== 'base-only') return pushChange(ctx, 'multiple', toQuantity(stated, sourceOf(ctx)), pair);
  unresolved(ctx, `multiple of ${stated.value}배`);
}

function isWhole(ctx: Ctx, g: Figure): boolean {
  return WHOLE_LABEL.test(ctx.text.slice(Math.max(0, g.index - 6), g.index)) || /^\s*(?:\([^()]*\)\s*)?(?:중|가운데)/.test(ctx.text.slice(g.end));
}

function readShare(ctx: Ctx, stated: Figure, bracketOnly: boolean): void {
  const part = precedingFigure(ctx, stated) ?? ctx.figures.filter((g) => g.end <= stated.index && g.kind !== 'percent' && !isWhole(ctx, g)).pop();
  if (!part) {
    if (!bracketOnly) unresolved(ctx, `share of ${stated.value}%`);
    return;
  }
  const wholes = ctx.figures.filter((g) => g !== part && g.kind !== 'percent' && sameUnit(g, part) && isWhole(ctx, g));
  if (wholes.length === 0) {
    // A bracketed percentage after a figure is only a share when a whole is named.
    if (!bracketOnly) unresolved(ctx, `share of ${stated.value}%`);
    return;
  }
  (ctx.used ??= new Set()).add(stated);
  const whole = wholes[0]!;
  ctx.claims.push({
    kind: 'share',
    label: subjectOf(ctx.text, part.index) || 'share',
    stated: toQuantity(stated, sourceOf(ctx)),
    numerator: toQuantity(part, sourceOf(ctx)),
    denominator: toQuantity(whole, sourceOf(ctx)),
    source: sourceOf(ctx),
    ...base(ctx, 'share', 'same-sentence', wholes.length > 1 ? `${wholes.length} totals named` : undefined),
  });
}

function readExplicitRatio(ctx: Ctx, stated: Figure, m: RegExpExecArray): void {
  (ctx.used ??= new Set()).add(stated);
  const num = parseNumber(m[1]!);
  const den = parseNumber(m[3]!);
  if (num === undefined || den === undefined) return;
  const q = (v: number, unit: string, text: string): Quantity => ({ value: v, unit, step: printedStep(text), source: sourceOf(ctx) });
  ctx.claims.push({
    kind: 'share',
    label: `${m[0].trim()}`,
    stated: toQuantity(stated, sourceOf(ctx)),
    numerator: q(num, m[2] ?? '', m[1]!),
    denominator: q(den, m[4] || m[2] || '', m[3]!),
    source: sourceOf(ctx),
    ...base(ctx, 'share', 'same-sentence'),
  });
}

const TARGET_NEAR = /목표\s*(?:치|량|값)?\s*(?:은|는|:|：)?\s*\(?\s*$/;
const ACTUAL_NEAR = /(실적|달성|결과)\s*(?:은|는|:|：)?\s*\(?\s*$/;

function readAchievement(ctx: Ctx, stated: Figure): void {
  (ctx.used ??= new Set()).add(stated);
  const figs = ctx.figures.filter((g) => g !== stated && g.kind !== 'percent');
  const near = (g: Figure) => ctx.text.slice(Math.max(0, g.index - 10), g.index);
  const target = figs.find((g) => TARGET_NEAR.test(near(g)));
  const actual =
    figs.find((g) => g !== target && ACTUAL_NEAR.test(near(g)) && (!target || sameUnit(g, target))) ??
    figs.filter((g) => g !== target && g.index < stated.index && (!target || sameUnit(g, target))).pop();
  if (!actual) return unresolved(ctx, `achievement of ${stated.value}%`);
  let resolution: ClaimResolution = 'same-sentence';
  let denominator: Quantity | undefined = target ? toQuantity(target, sourceOf(ctx)) : undefined;
  let ambiguous: string | undefined;
  if (!denominator) {
    const up = fromEarlierBlock(ctx, actual, /목표|계획/, true) ?? fromEarlierBlock(ctx, actual, undefined, true);
    if (!up) return unresolved(ctx, `achievement of ${stated.value}%`);
    denominator = toQuantity(up.figure, sentenceSource(up.sentence));
    resolution = 'previous-block';
    // A target found blocks away may belong to another indicator or year: never an error.
    ambiguous = up.ambiguous ?? 'target taken from an earlier block';
  }
  ctx.claims.push({
    kind: 'achievement',
    label: subjectOf(ctx.text, actual.index),
    stated: toQuantity(stated, sourceOf(ctx)),
    numerator: toQuantity(actual, sourceOf(ctx)),
    denominator,
    source: sourceOf(ctx),
    ...base(ctx, 'achievement', resolution, ambiguous),
  });
}

const BUDGET_HEADER = [/^예산현액/, /^(예산액?|배정액|계획액|사업비)(\(|$)/];
const EXECUTED_HEADER = /^(집행액|집행|지출액|지출|집행실적)(\(|$)/;
const TOTAL_LABEL = /^(합계|총계|계|총괄|전체)$/;

/** The nearest table above (no heading between), within a few blocks. */
function tableAbove(ctx: Ctx): TableBlock | undefined {
  for (let i = ctx.s.block - 1; i >= 0 && i >= ctx.s.block - 4; i--) {
    const b = ctx.blocks[i]!;
    if (b.type === 'heading') return undefined;
    if (b.type === 'table') return b;
  }
  return undefined;
}

/**
 * `집행률은 15.8%` with no amounts in the sentence: the budget and executed
 * cells of the nearest budget table above, on the row the sentence names, or
 * on its total row when it names none.
 */
function rateFromTable(ctx: Ctx): { budget: Quantity; executed: Quantity; label: string; ambiguous?: string } | undefined {
  const table = tableAbove(ctx);
  const scale = moneyMultiplier(table?.unit);
  if (!table || scale === undefined) return undefined;
  const grid = tableGrid(table);
  const headerRows = Math.max(1, table.headerRows);
  const header = (c: number) => grid.slice(0, headerRows).map((row) => row[c]?.text ?? '').join('').replace(/\s+/g, '');
  const width = grid[0]?.length ?? 0;
  const cols = [...Array(width).keys()];
  const budgetCol = BUDGET_HEADER.map((re) => cols.find((c) => re.test(header(c)))).find((c) => c !== undefined);
  const executedCol = cols.find((c) => EXECUTED_HEADER.test(header(c)));
  if (budgetCol === undefined || executedCol === undefined) return undefined;
  const rows = grid.slice(headerRows);
  const labelOf = (row: (typeof rows)[number]) => row.slice(0, Math.min(budgetCol, executedCol)).map((c) => c.text.replace(/\s+/g, '')).filter(Boolean);
  const compact = ctx.text.replace(/\s+/g, '');
  const named = rows.filter((row) => labelOf(row).some((l) => l.length >= 2 && !TOTAL_LABEL.test(l) && compact.includes(l)));
  const totals = rows.filter((row) => labelOf(row).some((l) => TOTAL_LABEL.test(l)));
  const pick = named.length ? named : totals;
  const row = pick[0];
  if (!row) return undefined;
  const b = parseNumber(row[budgetCol]!.text);
  const e = parseNumber(row[executedCol]!.text);
  if (b === undefined || e === undefined) return undefined;
  const q = (v: number, cell: (typeof row)[number]): Quantity => ({ value: Math.round(v * scale), unit: '원', step: printedStep(cell.text, scale), source: { ...cell.source, text: cell.text } });
  const label = labelOf(row).join(' ');
  return { budget: q(b, row[budgetCol]!), executed: q(e, row[executedCol]!), label, ...(pick.length > 1 ? { ambiguous: `${pick.length} rows of the table could be meant` } : {}) };
}

function readRate(ctx: Ctx, stated: Figure): void {
  (ctx.used ??= new Set()).add(stated);
  const money = ctx.figures.filter((g) => g.kind === 'money' && g.index < stated.index);
  if (money.length < 2) {
    const t = rateFromTable(ctx);
    if (!t) return unresolved(ctx, `execution rate of ${stated.value}%`);
    ctx.claims.push({
      kind: 'rate',
      label: t.label,
      stated: toQuantity(stated, sourceOf(ctx)),
      numerator: t.executed,
      denominator: t.budget,
      source: sourceOf(ctx),
      ...base(ctx, 'rate', 'table', t.ambiguous),
    });
    return;
  }
  const near = (g: Figure) => ctx.text.slice(Math.max(0, g.index - 10), g.index);
  const budget = money.find((g) => /(예산|현액|총|배정)\s*(?:액)?\s*(?:은|는|:)?\s*$/.test(near(g)) || /^\s*중/.test(ctx.text.slice(g.end)));
  const executed = money.find((g) => g !== budget && (/(집행|지출)\s*(?:액)?\s*(?:은|는|:)?\s*$/.test(near(g)) || /^\s*(?:을|를)?\s*(?:집행|지출)/.test(ctx.text.slice(g.end))));
  const [b, e] = budget && executed ? [budget, executed] : [money[money.length - 2]!, money[money.length - 1]!];
  ctx.claims.push({
    kind: 'rate',
    label: subjectOf(ctx.text, b.index) || '집행률',
    stated: toQuantity(stated, sourceOf(ctx)),
    numerator: toQuantity(e, sourceOf(ctx)),
    denominator: toQuantity(b, sourceOf(ctx)),
    source: sourceOf(ctx),
    ...base(ctx, 'rate', 'same-sentence', budget && executed ? undefined : money.length === 2 ? 'budget and executed told apart by order only' : `${money.length} amounts in the sentence`),
  });
}

/** The bracket that opens right after `index`, up to its matching `)`. */
function bracketAfter(text: string, index: number): { body: string; start: number; end: number } | undefined {
  // `^\s*\(` at `index`, read without cutting the rest of the text off.
  let open = index;
  while (open < text.length && isSpaceCode(text.charCodeAt(open))) open++;
  if (text[open] !== '(') return undefined;
  const start = open + 1;
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return { body: text.slice(start, i), start, end: i + 1 };
  }
  return undefined;
}

const COMPARISON_LABEL = /^(전년|전전년|작년|금년|올해|당초|변경|목표|계획|평균|최대|최소|전월|전분기|예산|실적)/;
const PART_ITEM = /^([가-힣A-Za-z][가-힣A-Za-z·&\s]{0,14}?)\s*[:：]?\s*$/;

/** `총 120개사(A 70, B 50)`, `0.7억원(국 0.3, 시 0.4)`: a total and a pure list of labelled parts. */
function readSums(ctx: Ctx): void {
  // Every sum is a figure followed by its parts in brackets.
  if (!ctx.text.includes('(')) return;
  for (const total of ctx.figures) {
    if (total.kind === 'percent' || total.kind === 'bare' || total.unit === '배') continue;
    const br = bracketAfter(ctx.text, total.end);
    if (!br || /[→~∼%×xX]|등\s*$|(?:^|\s)외\s*\d/.test(br.body)) continue;
    // Items split at commas that are not thousands separators (`공익형 2,100, 시장형 400`).
    const items = br.body.split(/\s*[,，、](?!\d{3}(?!\d))\s*|\s+\/\s+/).map((s) => s.trim()).filter(Boolean);
    if (items.length < 2) continue;
    const parts: { label: string; amount: Quantity }[] = [];
    let pure = true;
    for (const item of items) {
      const qs = findQuantities(item);
      if (qs.length !== 1) {
        pure = false;
        break;
      }
      let q = qs[0]!;
      const label = (item.slice(0, q.index) + item.slice(q.end)).trim();
      // `1,200억원(전년 1,000억원, 당초 900억원)` compares, it does not break down.
      if (!PART_ITEM.test(label) || COMPARISON_LABEL.test(label) || item.slice(q.end).trim() !== '') {
        pure = false;
        break;
      }
      if (q.kind === 'bare') q = applyUnit(q, total.unit, total.kind === 'money' ? total.scale : undefined);
      if (!sameUnit(q, total)) {
        pure = false;
        break;
      }
      parts.push({ label: label.replace(/[:：]$/, '').trim(), amount: toQuantity(q, sourceOf(ctx)) });
    }
    // Parts of a total are each smaller than it: `공판장 2개(국제 2개, 연근해 2개)` counts something else.
    if (!pure || parts.some((p) => Math.abs(p.amount.value) >= Math.abs(total.value))) continue;
    ctx.claims.push({ kind: 'sum', label: `${subjectOf(ctx.text, total.index)} ${total.text}`.trim(), total: toQuantity(total, sourceOf(ctx)), parts, source: sourceOf(ctx), ...base(ctx, 'sum', 'same-sentence') });
  }
}

const COUNT_NOUN = String.raw`개\s*(?:분야|과제|사업|기관|지역|국|소|사|부문|항목)?|대\s*(?:과제|분야|전략|목표)|건|가지|곳|개소|개사|명`;
const INLINE_COUNT = new RegExp(String.raw`(?<![\d,.])(\d{1,3})\s*(${COUNT_NOUN})\s*(?:[가-힣]{0,6}\s*)?[(:：]\s*`, 'g');

/**
 * What INLINE_COUNT needs, in a pattern that fails faster: a digit, the first letter of
 * a count noun, then a bracket or a colon somewhere after it. Few sentences have them.
 */
const MAY_COUNT = /\d\s*[개대건가곳명][^(:：]*[(:：]/;

/** `3개 분야(AI·반도체·바이오)`, `2건: A, B`: a count and the items named after it. */
function readCounts(ctx: Ctx): void {
  if (!MAY_COUNT.test(ctx.text)) return;
  for (const m of matchesOf(INLINE_COUNT, ctx.text)) {
    const open = m.index! + m[0].length;
    const isBracket = /\(\s*$/.test(m[0]);
    let body: string;
    if (isBracket) {
      const br = bracketAfter(ctx.text, open - 1 - (/\s*$/.exec(m[0].slice(0, -1))?.[0].length ?? 0));
      body = br?.body ?? '';
    } else body = ctx.text.slice(open).replace(/[.。]\s*$/, '');
    if (!body || /\d/.test(body) || /(등|외|포함|기타)\s*$/.test(body.trim())) continue;
    const byComma = body.split(/\s*[,，、]\s*/).map((s) => s.trim()).filter(Boolean);
    const byDot = body.split(/\s*[,，、·ㆍ․‧]\s*/).map((s) => s.trim()).filter(Boolean);
    const n = Number(m[1]);
    // `4개 분야(교육·훈련, 고용)`: a middle dot may join one item or separate two; either reading that gives the count is taken.
    const mixed = byComma.length > 1 && byDot.length !== byComma.length;
    const items = byComma.length > 1 ? (mixed && byDot.length === n ? byDot : byComma) : byDot;
    if (items.length < 2 || items.some((i) => i.length > 30)) continue;
    // `4대 분야 12개 과제(교육, 고용, 복지, 주거)`: the bracket lists what the other count counts.
    const lead = ctx.text.slice(Math.max(0, m.index! - 12), m.index!);
    if (items.length !== n && [...lead.matchAll(/(\d+)\s*(?:대|개|가지)/g)].some((x) => Number(x[1]) === items.length)) continue;
    const stated: Quantity = { value: n, unit: m[2]!.replace(/\s+/g, ''), step: 1, source: sourceOf(ctx) };
    ctx.claims.push({
      kind: 'count',
      label: `${subjectOf(ctx.text, m.index!)} ${m[1]}${m[2]!.replace(/\s+/g, '')}`.trim(),
      stated,
      items: items.map((text) => ({ text, source: sourceOf(ctx) })),
      source: sourceOf(ctx),
      ...base(ctx, 'count', 'same-sentence', mixed && items.length !== n ? 'items separated by both commas and middle dots' : undefined),
    });
  }
}

/** `주요 과제(3건)`, `우수사례 3건 :`: a count that announces the list below (a bare `… 13건` at the end of an activity line counts outputs, not items). */
const LIST_NOUN = String.raw`개\s*(?:분야|과제|사업|항목|부문)?|대\s*(?:과제|분야|전략|목표)|건|가지`;
const LIST_COUNT_END = new RegExp(String.raw`(?<![\d,.])(?:\(\s*(\d{1,2})\s*(${LIST_NOUN})\s*\)\s*[:：]?|(\d{1,2})\s*(${LIST_NOUN})\s*[:：])\s*$`);

const LIST_COUNT_END_FROM = new RegExp(LIST_COUNT_END.source, 'g');

/**
 * `LIST_COUNT_END.exec(text)`, tried only where a match can begin. Only the count's noun,
 * a bracket and a colon follow its digits, so they are the last digits of the text; the
 * match begins at them (nothing like a digit may stand before) or at the `(` before them.
 * An end-anchored pattern otherwise tries every start of a long text.
 */
function listCountAtEnd(text: string): RegExpExecArray | null {
  let last = text.length - 1;
  while (last >= 0 && !isDigitCode(text.charCodeAt(last))) last--;
  if (last < 0) return null;
  let digits = last;
  while (digits > 0 && isDigitCode(text.charCodeAt(digits - 1))) digits--;
  let spaces = digits;
  while (spaces > 0 && isSpaceCode(text.charCodeAt(spaces - 1))) spaces--;
  LIST_COUNT_END_FROM.lastIndex = spaces > 0 && text[spaces - 1] === '(' ? spaces - 1 : digits;
  const found = LIST_COUNT_END_FROM.exec(text);
  LIST_COUNT_END_FROM.lastIndex = 0;
  return found;
}


/** `○ 신규 과제 3건` followed by its list items (one level deeper): the stated count against the items. */
function readListCounts(blocks: Block[], result: ClaimsResult): void {
  blocks.forEach((b, i) => {
    if (b.type !== 'list-item' && b.type !== 'heading' && b.type !== 'paragraph') return;
    // The count closes the text (`…(3건)`, `…3건 :`): a text ending otherwise is not searched from every start,
    // nor folded (its last character is told before folding: `）` and `：` fold into `)` and `:`).
    const lastRaw = lastNonSpace(b.text, b.text.length);
    if (lastRaw !== ')' && lastRaw !== '）' && lastRaw !== ':' && lastRaw !== '：') return;
    const text = foldFullWidth(b.text).trim();
    const found = listCountAtEnd(text);
    if (!found || /등\s*\(?\s*\d/.test(text)) return;
    // A paragraph announces a list only with a colon; its bracketed counts count outputs.
    if (b.type === 'paragraph' && !/[:：]\s*$/.test(text)) return;
    const m = { index: found.index, 1: found[1] ?? found[3]!, 2: found[2] ?? found[4]! };
    const items: { text: string; source: Source }[] = [];
    let depth: number | undefined;
    for (let j = i + 1; j < blocks.length; j++) {
      const c = blocks[j]!;
      if (c.type !== 'list-item') break;
      if (b.type === 'list-item' && c.depth <= b.depth) break;
      depth ??= c.depth;
      if (c.depth < depth) break;
      if (c.depth === depth) items.push({ text: c.text, source: c.source });
    }
    if (items.length < 2) return;
    const source = { ...b.source, text };
    result.claims.push({
      kind: 'count',
      label: `${subjectOf(text, m.index)} ${m[1]}${m[2]!.replace(/\s+/g, '')}`.trim(),
      stated: { value: Number(m[1]), unit: m[2]!.replace(/\s+/g, ''), step: 1, source },
      items,
      source,
      resolution: 'next-blocks',
      ambiguous: 'items counted from the list below it',
      text,
    });
  });
}
