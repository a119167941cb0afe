// Targets written in prose blocks, with their actuals where the same sentence
// prints one:
//   ■ 생산성 혁신 ① 스마트공장 보급 : 3만개, ② R&D 인력 : 20만명     (numbered target lines)
//   2027년까지 스마트공장 5만개 (목표)  /  ’27년까지 5만개 보급 목표     (a year and a goal)
//   목표 50건, 실적 45건 (달성률 90%)                                   (target and actual)
//   2025년도 거래목표 : 338천톤, 5,885억원                              (a 목표 list)
//   보급 목표(3만개)를 초과 달성(누계 30,144개)                          (target in brackets, actual after)
//   설치 목표 : 75개소(‘25년) → 80개소(‘26년)                           (a 목표 list with each figure's year)
//   보급률 2027년까지 20% 달성 / 비중을 ‘26년까지 40% 이상으로 확대       (a level to reach by a year)
//   100억원 조성 목표(‘21.~’25. ’24년말 기준 61억)                       (a verb before 목표, a period, the actual as of)
//   지원(2,000개소) … 2,070개소 선정(달성률 103.5%)                      (an actual whose 달성률 confirms an earlier plan)
// The indicator is the subject of the sentence; the target year the year the
// sentence names (`까지`, `YYYY년도`), else the one the caller gives. A figure
// that cannot be read is a diagnostic. Pure.

import type { Diagnostic, Quantity, Source, Target } from '../model/types.js';
import type { Block } from '../layout/types.js';
import { parseCount, parsePercent, parseKoreanAmount } from './amounts.js';
import { expandYear } from './periods.js';
import { printedStep } from './printed.js';
import { firstYearIn, joinLines, proseSentences, sameUnit, subjectBefore, sentenceSource, toQuantity, type Figure } from './prose.js';
import { foldFullWidth } from './text.js';

export interface ProseTargetsOptions {
  /** Target year when a sentence names none (a plan's horizon end, `'23~'27` → 2027). */
  targetYear?: string;
}

export interface ProseTargetsResult {
  targets: Target[];
  diagnostics: Diagnostic[];
}

const CIRCLED = /[①②③④⑤⑥⑦⑧⑨⑩]/;

/** A value as written after `지표 :` — a percentage, a count with its noun, or money. */
function valueQuantity(text: string, source: Source): Quantity | undefined {
  const t = text.replace(/\(.*?\)/g, '').replace(/\s*(이상|이하|내외|수준|달성)\s*$/, '').trim();
  const pct = parsePercent(t);
  if (pct) return { value: pct.value, unit: pct.unit, step: printedStep(t), source };
  const count = parseCount(t);
  if (count) return { value: count.value, unit: count.unit, step: printedStep(t), source };
  const money = /원$|[억조]$/.test(t) ? parseKoreanAmount(t) : undefined;
  if (money) return { value: money.krw, unit: '원', step: printedStep(t), source };
  return undefined;
}

/**
 * Whether a text may be a numbered target line: a circled number and a colon (full- or
 * half-width), asked of the raw text before it is joined and folded for reading.
 */
function mayNumberTargets(text: string): boolean {
  // The colon first: a search for one character is cheaper than the pattern, and fails as often.
  return (text.includes(':') || text.includes('：')) && CIRCLED.test(text);
}

/** `■ 생산성 혁신 ① 스마트공장 보급 : 3만개, ② … : 20만명`. */
function numberedTargets(text: string, source: Source, category: string | undefined, year: string | undefined, out: ProseTargetsResult): boolean {
  if (!CIRCLED.test(text) || !/[:：]/.test(text)) return false;
  const first = text.search(CIRCLED);
  const cat = text.slice(0, first).replace(/[■□◆◇\t]/g, ' ').trim() || category || '(목표)';
  const items = text.slice(first).split(CIRCLED).map((s) => s.replace(/[,，]\s*$/, '').trim()).filter(Boolean);
  // A numbered line is a target line only when some item has a figure (`① 기업성장 혁신 : 혁신기업 육성, …` is a list of means).
  const pairs = items.map((item) => ({ item, m: /^(.+?)\s*[:：]\s*(.+)$/.exec(item) }));
  if (!pairs.some(({ m }) => m && valueQuantity(m[2]!, source))) return false;
  let any = false;
  for (const { item, m } of pairs) {
    if (!m) continue;
    any = true;
    const q = valueQuantity(m[2]!, source);
    if (!q) {
      out.diagnostics.push({ severity: 'warning', code: 'target-unreadable', message: `target "${item}" has no figure that could be read`, source });
      continue;
    }
    const t: Target = { category: cat, indicator: m[1]!.trim(), unit: q.unit, target: q, source };
    const itemYear = /\(\s*(?:['’‘](\d{2})|(\d{4}))\s*\)?/.exec(m[2]!);
    const y = itemYear ? String(itemYear[2] ?? expandYear(itemYear[1]!)) : year;
    if (y) t.targetYear = y;
    out.targets.push(t);
  }
  return any;
}

const UNTIL = /(?:(\d{4})|['’‘](\d{2}))\s*년?\s*까지/;
// `100억원 조성 목표`: what is done to the figure may stand between it and 목표 (a verb of making, not `전략 목표`).
const GOAL_AFTER = /^\s*(?:\(\s*목표\s*\)|목표|을\s*목표|를\s*목표|(?:달성|조성|보급|설치|유치|확보|육성|양성|구축|창출)\s*[을를]?\s*목표)/;
// The period of such a goal, in brackets after 목표: `목표(‘21.~’25.` → 2025, its end.
const GOAL_PERIOD = /^\s*(?:\S+\s*)?목표\s*\(\s*(?:['’‘]?(\d{2})|(\d{4}))\s*년?\.?\s*[~∼～]\s*(?:['’‘](\d{2})|(\d{4}))/;
// `전략목표`, `정책목표` name goals (a count of them follows, `4대 전략목표 14개 과제`), not a target value.
const TARGET_BEFORE = /(?<!전략|정책|성과|추진|세부|핵심|중점)목표\s*(?:치|량|값)?\s*(?:은|는|:|：)?\s*\(?\s*$/;
// The actual to date: `실적 45건`, `달성(누계 30,144개)`, `'23년까지 누적 42.6만명`.
// … or the stock as of a year: `’24년말 기준 61억`.
const ACTUAL_BEFORE = /(?:(실적|달성)\s*(?:은|는|:|：)?\s*\(?\s*(?:누적|누계)?|(?:까지|현재|기준)\s*(?:누적|누계)|\d\s*년\s*말?\s*기준)\s*$/;
const ACTUAL_YEAR = /(?:(\d{4})|['’‘](\d{2}))\s*년?\s*(?:실적|말|기준|까지\s*(?:누적|누계))/;
// A percentage reached by a year is a level (`20% 달성`, `40% 이상으로 확대`); `20% 확대` alone is a growth rate.
const LEVEL_AFTER = /^\s*(?:이상\s*)?(?:달성|(?:으로|로)\s*(?:확대|제고|향상|상향|증가))/;
// The year printed on a figure of a 목표 list: `75개소(‘25년)`.
const OWN_YEAR = /^\s?\(\s*(?:['’‘](\d{2})|(\d{4}))\s*년?\s*\)/;
// Such a year between the figures of a list is part of the list, as is the arrow between them.
const LIST_YEAR = /(?<=[^\s(])\s?\(\s*['’‘]?\d{2,4}\s*년?\s*\)|→/g;
// Weights are counted in their printed magnitude (`338천톤` is 338 천톤), as tables print them.
const PRINTED_MEASURE = /\d\s*([천만])\s*(톤)$/;

/** A target or actual as printed: `338천톤` → 338 천톤 (other counts are scaled: `100만명` → 1,000,000 명). */
function printedQuantity(f: Figure, source: Source): Quantity {
  const q = toQuantity(f, source);
  const m = f.kind === 'count' ? PRINTED_MEASURE.exec(f.text) : null;
  if (!m) return q;
  const scale = m[1] === '천' ? 1000 : 10000;
  const printed: Quantity = { ...q, value: q.value / scale, unit: `${m[1]}${m[2]}` };
  if (q.step !== undefined) printed.step = q.step / scale;
  return printed;
}

/** A sentence states a target only with one of these words (a goal, or a year to reach it by). */
const MAY_STATE_TARGET = /목표|까지/;

/** Targets and actuals in one sentence. */
function sentenceTargets(text: string, all: Figure[], source: Source, category: string | undefined, fallbackYear: string | undefined, out: ProseTargetsResult): void {
  if (!MAY_STATE_TARGET.test(text)) return;
  const figures = all.filter((f) => f.unit !== '배');
  if (!figures.length) return;
  const until = UNTIL.exec(text);
  const year = until ? String(until[1] ?? expandYear(until[2]!)) : (firstYearIn(text) ?? fallbackYear);
  const near = (f: Figure, n = 12) => text.slice(Math.max(0, f.index - n), f.index);
  const goals: Figure[] = [];
  // `목표 : 338천톤, 5,885억원`: every figure of a list after 목표.
  const listed = /목표\s*[:：]\s*/.exec(text);
  if (listed) {
    for (const f of figures) {
      if (f.index < listed.index || f.kind === 'percent' && /달성|대비/.test(near(f))) continue;
      const between = text.slice(listed.index + listed[0].length, f.index).replace(LIST_YEAR, ' ');
      // Only names and earlier figures of the list between (units such as `ha` included).
      if (/^[\s\d,.가-힣A-Za-z~]*$/.test(between) && !/실적|달성/.test(between)) goals.push(f);
    }
  }
  for (const f of figures) {
    if (goals.includes(f)) continue;
    if (TARGET_BEFORE.test(near(f)) && !/대비\s*$/.test(near(f, 6))) goals.push(f);
    else if (GOAL_AFTER.test(text.slice(f.end))) goals.push(f);
    else if (until && f.index > until.index && f.kind !== 'percent' && goals.length === 0 && /^\s*(?:[가-힣]{0,4}\s*)?(달성|보급|확대|육성|구축|조성|유치|창출|지원|양성|발굴)/.test(text.slice(f.end))) goals.push(f);
    else if (until && f.index > until.index && f.kind === 'percent' && f.unit === '%' && goals.length === 0 && LEVEL_AFTER.test(text.slice(f.end)) && !/대비|증가율|감소율/.test(near(f))) goals.push(f);
  }
  for (const g of goals) {
    const target = printedQuantity(g, source);
    const own = g.label && !/목표|까지/.test(g.label) && g.label.length > 1 ? g.label : undefined;
    const indicator = (listed && g.index > listed.index ? `${subjectBefore(text, listed.index)}${own ? ` ${own}` : ''}` : subjectBefore(text, g.index)) || own || '(목표)';
    const t: Target = { category: category ?? '(목표)', indicator: indicator.trim(), unit: target.unit, target, source };
    const ownYear = OWN_YEAR.exec(text.slice(g.end));
    const period = GOAL_PERIOD.exec(text.slice(g.end));
    if (ownYear) t.targetYear = String(ownYear[2] ?? expandYear(ownYear[1]!));
    else if (period) t.targetYear = String(period[4] ?? expandYear(period[3]!));
    else if (year) t.targetYear = year;
    // The actual printed beside it: `실적 45건`, `달성(누계 30,144개)`.
    const actual = figures.find((f) => !goals.includes(f) && f.kind !== 'percent' && sameUnit(f, g) && ACTUAL_BEFORE.test(near(f, 14)));
    if (actual) {
      t.actual = printedQuantity(actual, source);
      const actualYear = ACTUAL_YEAR.exec(text);
      if (actualYear) t.actualPeriod = String(actualYear[1] ?? expandYear(actualYear[2]!));
    }
    out.targets.push(t);
  }
}

// `2,070개소 선정(달성률 103.5%)`: an actual with its printed achievement rate.
const RATE_WORD = '달성률';
const RATE_AFTER = /^\s*[가-힣]{0,4}\s*\(\s*달성률\s*(\d+(?:\.\d+)?)\s*%\s*\)/;

/**
 * An actual printed with its 달성률 names no target, but the plan printed earlier in
 * the same section does (`지원(2,000개소)` … `2,070개소 선정(달성률 103.5%)`): the one
 * earlier count in the same unit that the rate confirms, to the rate's printed digits,
 * is the target. None or several: no target (never a guess from the rate alone).
 */
function rateConfirmedTarget(text: string, figures: Figure[], source: Source, category: string | undefined, earlier: Figure[], fallbackYear: string | undefined, out: ProseTargetsResult): void {
  for (const a of figures) {
    const rate = a.kind === 'count' ? RATE_AFTER.exec(text.slice(a.end)) : null;
    if (!rate) continue;
    const pct = Number(rate[1]);
    const half = 10 ** -(rate[1]!.split('.')[1]?.length ?? 0) / 2;
    const plans = earlier.filter((p) => p.unit === a.unit && p.value > 0 && p.value !== a.value && Math.abs((a.value / p.value) * 100 - pct) <= half + 1e-9);
    if (plans.length !== 1) continue;
    const plan = plans[0]!;
    const t: Target = { category: category ?? '(목표)', indicator: subjectBefore(text, a.index) || '(목표)', unit: a.unit, target: printedQuantity(plan, source), actual: printedQuantity(a, source), source };
    const year = firstYearIn(text) ?? fallbackYear;
    if (year) t.targetYear = t.actualPeriod = year;
    out.targets.push(t);
  }
}

/**
 * A target and its actual in one sentence, the actual confirmed by its printed
 * 달성률 (`목표 50개소에 대해 54개소 개방(달성률 108%)`): the count in the target's unit
 * whose ratio to the target is the rate, to its printed digits, is the actual. A rate
 * that confirms no count, or a target that already has its actual, is left as read.
 */
function actualConfirmedByRate(text: string, figures: Figure[], source: Source, added: Target[]): void {
  for (const a of figures) {
    const rate = a.kind === 'count' ? RATE_AFTER.exec(text.slice(a.end)) : null;
    if (!rate) continue;
    const pct = Number(rate[1]);
    const half = 10 ** -(rate[1]!.split('.')[1]?.length ?? 0) / 2;
    const targets = added.filter((t) => !t.actual && t.target.value > 0 && t.target.value !== a.value && printedQuantity(a, source).unit === t.target.unit && Math.abs((a.value / t.target.value) * 100 - pct) <= half + 1e-9);
    if (targets.length !== 1) continue;
    const t = targets[0]!;
    t.actual = printedQuantity(a, source);
    if (t.targetYear) t.actualPeriod = t.targetYear;
  }
}

/** Every target stated in the prose of a layout. */
export function extractProseTargets(blocks: Block[], options: ProseTargetsOptions = {}): ProseTargetsResult {
  const out: ProseTargetsResult = { targets: [], diagnostics: [] };
  // The heading each block stands under, by block index (arrays, not maps: one entry per block).
  const headings: (string | undefined)[] = new Array(blocks.length);
  let heading: string | undefined;
  blocks.forEach((b, i) => {
    if (b.type === 'heading') heading = b.text.trim();
    if (heading) headings[i] = heading;
  });
  const done = new Uint8Array(blocks.length);
  // Counts printed so far under each heading: the plan an actual with its 달성률 may be measured against.
  const planned = new Map<string, Figure[]>();
  // A block is tried as a numbered target line once, at its first sentence (a failed try adds nothing).
  const tried = new Uint8Array(blocks.length);
  for (const s of proseSentences(blocks)) {
    if (done[s.block]) continue;
    if (!tried[s.block]) {
      tried[s.block] = 1;
      const block = blocks[s.block]!;
      if (block.type !== 'table' && mayNumberTargets(block.text) && numberedTargets(foldFullWidth(joinLines(block.text)), block.source, headings[s.block], options.targetYear, out)) {
        done[s.block] = 1;
        continue;
      }
    }
    // A sentence without figures states no target, confirms none and plans nothing.
    if (!s.hasDigit) continue;
    const figures = s.figures;
    if (figures.length === 0) continue;
    const before = out.targets.length;
    // The cheap word tests first: most sentences name no goal and print no 달성률.
    if (MAY_STATE_TARGET.test(s.text)) sentenceTargets(s.text, figures, sentenceSource(s), headings[s.block], options.targetYear, out);
    const section = headings[s.block] ?? '';
    const earlier = planned.get(section) ?? [];
    const rated = s.text.includes(RATE_WORD);
    if (rated && out.targets.length > before) actualConfirmedByRate(s.text, figures, sentenceSource(s), out.targets.slice(before));
    if (rated && out.targets.length === before) rateConfirmedTarget(s.text, figures, sentenceSource(s), headings[s.block], earlier, options.targetYear, out);
    for (const f of figures) if (f.kind === 'count') earlier.push(f);
    planned.set(section, earlier);
  }
  return { targets: mergeActuals(out.targets), diagnostics: out.diagnostics };
}

const key = (s: string) => s.replace(/[\s()·\-]/g, '');

/**
 * A sentence that repeats a target with its actual (`기업 지원은 목표 450개사, 실적 486개사`)
 * gives the earlier target (`① 기업 지원 : 450개사`) its actual instead of a second target.
 */
function mergeActuals(targets: Target[]): Target[] {
  const out: Target[] = [];
  for (const t of targets) {
    const earlier = t.actual
      ? out.find((o) => !o.actual && o.unit === t.unit && o.target.value === t.target.value && (key(o.indicator).includes(key(t.indicator)) || key(t.indicator).includes(key(o.indicator))))
      : undefined;
    const same = (o: Target) => o.unit === t.unit && o.target.value === t.target.value && o.targetYear === t.targetYear && (key(o.indicator).includes(key(t.indicator)) || key(t.indicator).includes(key(o.indicator)));
    if (earlier) {
      earlier.actual = t.actual!;
      if (t.actualPeriod) earlier.actualPeriod = t.actualPeriod;
    } else if (!t.actual && out.some(same)) {
      // The same target stated twice (`설치 목표 : 75개소(‘25년)`, `(‘25년 75개소 목표)`): once.
    } else out.push(t);
  }
  return out;
}
