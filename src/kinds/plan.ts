// The national-plan kind (a ministry's 기본계획, 종합계획 or yearly 시행계획),
// read from layout blocks. What is specific to the kind: its head (title,
// issuer, date, plan year, horizon), its meta (vision, strategies, schedule
// table), the targets of its goal table, and its programs: keyword bullets
// `(사업명) … 1,200억원` under a strategy title, with the total budget and
// funding split their footnotes state. Series, prose targets and claims are
// every document's, read by the extractors (src/extract) and added by `enrich`.

import { pushAll } from '../extract/collections.js';
import { emptyDocument, type Claim, type Diagnostic, type ParseResult, type Program, type Quantity, type Target } from '../model/types.js';
import { tableGrid, type Block, type Layout, type TableBlock } from '../layout/types.js';
import { MONEY_UNITS, parseCount, parseKoreanAmount, parsePercent } from '../extract/amounts.js';
import { normalizeName } from '../extract/names.js';
import { expandYear, isoDate } from '../extract/periods.js';
import { findQuantities } from '../extract/quantities.js';
import { budgetAmount } from './plan-budget-wording.js';
import { money } from '../extract/money.js';
import { blockText, cellLine, isTitle, PART_NUMBER, TASK_NUMBER, unitsOf, type Unit } from './blocks.js';
import { isDigitCode, isSpaceCode, withoutSpaces } from '../extract/text.js';
import { readFunding } from './projects.js';
import { titleOf } from './document.js';
import { keywordOf, planOutline, strategyOf } from './plan-outline.js';
import { readActuals, readBudgetCategories, readClaims, readDifferenceClaims, readNamedAmounts, readSeries } from './plan-figures.js';

export { readNamedAmounts };


/** The head area: every block before the first level-1 heading or numbered part title (cover tables included). */
export function headArea(layout: Layout): Block[] {
  const area: Block[] = [];
  for (const block of layout.blocks) {
    if (block.type === 'heading' && block.level === 1) break;
    if (block.type !== 'table' && PART_NUMBER.test(blockText(block))) break;
    area.push(block);
  }
  return area;
}

/** A plan's name: `제4차 … 촉진계획('19~'23)`, `… 기본계획(2024~2028)`. */
const PLAN_NAME = /(촉진|기본|종합|중장기|발전|마스터)\s*계획/;
/** The yearly plan of a multi-year plan: `2023년도 시행계획(안)`. */
const YEARLY_PLAN = /\d{4}\s*년도?\s*(시행|실행|세부)\s*계획/;
/** Cover fields naming who submits the plan and when (the cabinet agenda cover). */
const SUBMITTER = /^(제출자|제출기관|작성기관|소관부처|주관부처)$/;
const DATED = /^(제출연월일|심의연월일|작성일|보고일|의결일)$/;

export interface PlanHead {
  title?: string;
  issuer?: string;
  date?: string;
  year?: string;
  horizonEnd?: string;
}

function coverFields(area: Block[]): [string, string][] {
  const fields: [string, string][] = [];
  for (const block of area) {
    if (block.type !== 'table') continue;
    for (const line of tableGrid(block)) {
      for (let c = 0; c + 1 < line.length; c++) fields.push([withoutSpaces(line[c]!.text), line[c + 1]!.text.replace(/\s+/g, ' ').trim()]);
    }
  }
  return fields;
}

/** A ministry, agency or commission's name: `중소벤처기업부`, `산림청`, `방송통신위원회`. */
const MINISTRY = /^[가-힣]{2,12}(부|처|청|위원회)$/;
/** `관계부처 (합동)`: the ministries concerned, jointly; no one issuer. */
const JOINT_MINISTRIES = /^관계/;
/** Words ending like an agency that are none (`지원금신청`, `세부`, `여부`, `출처`). */
const NOT_AGENCY = /(신청|요청|정부|여부|일부|전부|내부|외부|세부|본부|출처|대처|근처)$/;
const isIssuerName = (word: string) => MINISTRY.test(word) && !JOINT_MINISTRIES.test(word) && !NOT_AGENCY.test(word);
/** What may follow the issuer on its line: its office (`직업능력정책국`, `스마트농업정책과`), a date. */
const OFFICE = /^[가-힣]{2,20}(국|과|실|관|팀|단|본부|센터)$/;
const DATE_PART = /^\d{1,4}\.?$/;

/** The issuer a cover line names: the ministry standing alone, or first before its office and the date. */
function issuerOfLine(text: string): string | undefined {
  const words = text.split(/[\s·,]+/).filter(Boolean);
  // A name alone, or set with letter spacing (`중 소 벤 처 기 업 부`); two names (`교육부 법무부`) are no one issuer.
  const alone = words.length === 1 || words.every((w) => [...w].length === 1) ? words.join('') : undefined;
  if (alone !== undefined) return isIssuerName(alone) ? alone : undefined;
  const [first, ...rest] = words;
  if (!first || !isIssuerName(first)) return undefined;
  return rest.length > 0 && rest.every((w) => OFFICE.test(w) || DATE_PART.test(w)) ? first : undefined;
}

/**
 * The body a head's title names (`중소벤처기업부장관` → 중소벤처기업부, `산림청장` → 산림청,
 * `금융위원장` → 금융위원회), or the body itself; undefined for anything else (`관계부처`).
 */
export function issuerOfTitle(word: string): string | undefined {
  const body = word.replace(/장관$/, '').replace(/위원장$/, '위원회').replace(/([청처])장$/, '$1');
  return isIssuerName(body) ? body : undefined;
}

/** The cover: the blocks before the body's first numbered part or section (`Ⅰ. 추진 개요`, `1. 의결주문`) or bullet. */
function coverBlocks(layout: Layout): Block[] {
  const cover: Block[] = [];
  for (const block of layout.blocks) {
    if (block.type === 'list-item') break;
    if (block.type !== 'table' && (PART_NUMBER.test(blockText(block)) || TASK_NUMBER.test(blockText(block)))) break;
    cover.push(block);
  }
  return cover;
}

/**
 * Who issues the plan: the submitter a cover field names (`제출자 중소벤처기업부장관 …`),
 * else the cover line naming a ministry (alone, or before its office and the date).
 */
function readIssuer(layout: Layout, fields: [string, string][]): string | undefined {
  for (const [key, value] of fields) {
    if (!SUBMITTER.test(key) || !value) continue;
    const issuer = issuerOfTitle(value.trim().split(/\s+/)[0]!);
    if (issuer) return issuer;
  }
  for (const block of coverBlocks(layout)) {
    const issuer = block.type === 'table' ? undefined : issuerOfLine(blockText(block));
    if (issuer) return issuer;
  }
  return undefined;
}

export function readPlanHead(layout: Layout): PlanHead {
  const head: PlanHead = {};
  const area = headArea(layout);
  const texts = area.filter((b) => b.type !== 'table').map(blockText);
  const plan = texts.find((t) => PLAN_NAME.test(t) && /제\s*\d+\s*차|\d{2,4}/.test(t));
  const yearly = texts.find((t) => YEARLY_PLAN.test(t) && t !== plan);
  const title = [plan, yearly].filter(Boolean).join(' ').trim() || texts.find((t) => /계획/.test(t)) || titleOf(layout);
  if (title) head.title = title;
  const year = title ? /(\d{4})\s*년도?\s*(?:시행|실행|세부)?\s*계획/.exec(title)?.[1] : undefined;
  if (year) head.year = year;
  const horizon = title ? /\(\s*(?:['’‘](\d{2})|(\d{4}))\s*[~∼-]\s*(?:['’‘](\d{2})|(\d{4}))\s*\)/.exec(title) : undefined;
  if (horizon) head.horizonEnd = String(horizon[3] ? expandYear(horizon[3]) : Number(horizon[4]));
  // Cover fields printed as lines: `제출 연월일 2023. 4. 27.`.
  const lines: [string, string][] = area
    .filter((b) => b.type !== 'table')
    .map((b) => blockText(b))
    .flatMap((t) => {
      const m = /^((?:\S\s?){2,8}?)\s*(\d{4}\s*\..*)$/.exec(t);
      return m ? [[withoutSpaces(m[1]!), m[2]!] as [string, string]] : [];
    });
  const fields = [...coverFields(area), ...lines];
  const issuer = readIssuer(layout, fields);
  if (issuer) head.issuer = issuer;
  for (const [key, value] of fields) {
    if (!head.date && DATED.test(key)) {
      const d = /(\d{4})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})/.exec(value);
      // isoDate rejects a day or month that does not exist rather than printing it.
      const date = d ? isoDate(Number(d[1]), Number(d[2]), Number(d[3])) : undefined;
      if (date) head.date = date;
    }
  }
  return head;
}


/** A footnote: a note block (※), or a line led by `*` (`* 총예산 …`, `** …`). */
function isFootnote(unit: Unit): boolean {
  return unit.block.type === 'note' || /^(\\?\*)+\s*/.test(unit.text);
}

function footnoteText(unit: Unit): string {
  return unit.text.replace(/^(\\?\*)+\s*/, '').replace(/\\\*/g, '*').trim();
}

/** `(디지털가상제조플랫폼) 중소 제조기업의 …`: the keyword a bullet (a list item or a marked unit) leads with. */
function bulletKeyword(unit: Unit): string | undefined {
  return unit.block.type === 'list-item' || unit.marker ? keywordOf(unit.text) : undefined;
}

/** `총 사업비 2,726억원(국비 1,095억원, …)`: a footnote stating a program's whole budget and its split. */
const TOTAL_BUDGET = /총\s*(?:사업비|예산)\s*([\d,.]+\s*[조억만천백]*원)\s*\(([^)]*)\)/;
/** `중소기업 탄소중립 전환지원(55억원, 기업당 최대 3억원 지원)`: one named program with its amount. */
const NAMED_PROGRAM = /^([가-힣A-Za-z][^()]{2,40}?)\s*\(\s*([\d,.]+\s*[조억만천백]*원)\s*[,)]/;

const MONEY_SIGN = /[원억조]/;

/**
 * Programs: keyword bullets that state money (the first amount is the
 * program's), footnotes naming a program with its amount, and footnotes
 * giving the whole budget of the keyword bullet above them, with its split.
 */
export function readPlanPrograms(units: Unit[]): { programs: Program[]; claims: Claim[] } {
  const programs: Program[] = [];
  const claims: Claim[] = [];
  const byUnit = new Map<Unit, Program>();
  let strategy: string | undefined;
  let parent: Unit | undefined;
  for (const unit of units) {
    if (unit.block.type === 'table') continue;
    const titled = isTitle(unit) || unit.block.type === 'heading';
    if (titled && PART_NUMBER.test(unit.text)) strategy = undefined;
    // Strategy titles are printed in brackets (`[전략1]`), which layouts without headings give as paragraphs.
    const named = titled || unit.block.type === 'paragraph' ? strategyOf(unit.text) : undefined;
    if (named) strategy = named;
    if (unit.block.type === 'heading') {
      parent = undefined;
      continue;
    }
    const source = unit.source;
    if (isFootnote(unit)) {
      const text = footnoteText(unit);
      const total = TOTAL_BUDGET.exec(text);
      if (total) {
        const amount = parseKoreanAmount(withoutSpaces(total[1]!));
        if (!amount) continue;
        const funding = readFunding(total[2]!, '원', source);
        let program = parent ? byUnit.get(parent) : undefined;
        const keyword = parent ? bulletKeyword(parent) : undefined;
        if (!program && parent && keyword) {
          program = { name: keyword, normalizedName: normalizeName(keyword), sources: [parent.source] };
          if (strategy) program.group = strategy;
          programs.push(program);
          byUnit.set(parent, program);
        }
        if (program) {
          program.totalBudget = money(amount.krw, source);
          if (funding.length) program.funding = funding;
          program.sources.push(source);
        }
        if (funding.length >= 2) {
          claims.push({
            kind: 'sum',
            label: `${program?.name ?? '총 사업비'} 총 사업비`,
            total: money(amount.krw, source),
            parts: funding.map((f) => ({ label: f.name, amount: f.amount })),
            source,
          });
        }
        continue;
      }
      const single = NAMED_PROGRAM.exec(text);
      if (single && !readNamedAmounts(text)) {
        const amount = parseKoreanAmount(withoutSpaces(single[2]!));
        if (!amount) continue;
        const name = single[1]!.trim();
        const program: Program = { name, normalizedName: normalizeName(name), totalBudget: money(amount.krw, source), sources: [source] };
        if (strategy) program.group = strategy;
        programs.push(program);
      }
      continue;
    }
    const keyword = bulletKeyword(unit);
    if (!keyword) continue;
    parent = unit;
    // An amount of money prints 원, 억 or 조 (findQuantities reads no other as money): a bullet without one states no budget.
    if (!MONEY_SIGN.test(unit.text)) continue;
    // Only an amount the wording states as the program's budget (plan-budget-wording.ts), not investment attracted or a cap.
    const amount = budgetAmount(unit.text, findQuantities(unit.text));
    if (!amount) continue;
    const program: Program = { name: keyword, normalizedName: normalizeName(keyword), totalBudget: money(amount.value, source, amount.max), sources: [source] };
    if (strategy) program.group = strategy;
    programs.push(program);
    byUnit.set(unit, program);
  }
  return { programs, claims };
}

/** A task number of a schedule table: `1-1`, `2-3`. */
const TASK_CODE = /^\d+-\d+$/;

/** Words that head a plan's vision and its strategies. */
const VISION_LABEL = '비전';
const STRATEGIES_LABEL = '전략';

/**
 * Where `word` starts in `text` when the text ends with it, spaces allowed between and after
 * its letters (`비 전`, `추진 전 략 `); -1 when it does not. Read from the end, without a copy of the text.
 */
function spacedEnding(text: string, word: string): number {
  let i = text.length;
  for (let k = word.length - 1; k >= 0; k--) {
    while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
    if (i === 0 || text[i - 1] !== word[k]) return -1;
    i--;
  }
  return i;
}

/** Whether `text` is `word` alone, spaces allowed anywhere (its squashed text is the word). */
function isSpacedWord(text: string, word: string): boolean {
  const at = spacedEnding(text, word);
  if (at < 0) return false;
  for (let i = 0; i < at; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Meta: the vision (the block after a `비 전` label), the strategies (numbered
 * titles under a title ending in 전략, up to the next part) and the schedule
 * (rows of a table whose first cell is a task number `1-1`, `2-3`).
 */
export function readPlanMeta(layout: Layout, units: Unit[]): { vision?: string; strategies?: string[]; schedule?: { task: string; name: string; timing: string; source: Unit['source'] }[] } {
  const meta: ReturnType<typeof readPlanMeta> = {};
  const strategies: string[] = [];
  let inStrategies = false;
  units.forEach((unit, i) => {
    const titled = isTitle(unit) || unit.block.type === 'heading';
    if (titled && PART_NUMBER.test(unit.text)) inStrategies = false;
    else if (titled && spacedEnding(unit.text, STRATEGIES_LABEL) >= 0 && !TASK_NUMBER.test(unit.text)) inStrategies = true;
    if (!meta.vision && titled && isSpacedWord(unit.text, VISION_LABEL)) {
      const next = units[i + 1];
      if (next && next.block.type !== 'table') meta.vision = next.text;
    }
    const numberedItem = unit.block.type === 'list-item' && /^\d{1,2}[.)]$/.test(unit.marker ?? '');
    if (inStrategies && ((titled && TASK_NUMBER.test(unit.text)) || numberedItem)) {
      const name = unit.text.replace(TASK_NUMBER, '').trim();
      if (name && !strategies.includes(name)) strategies.push(name);
    }
  });
  if (strategies.length) meta.strategies = strategies;
  const schedule: NonNullable<typeof meta.schedule> = [];
  for (const block of layout.blocks) {
    if (block.type !== 'table') continue;
    tableGrid(block).forEach((line, r) => {
      // A schedule row's first cell is a task number: the other rows' cells are not joined up.
      if (line.length < 3 || !TASK_CODE.test(cellLine(line[0]!.text))) return;
      const cells = line.filter((c, k) => k === 0 || !(c.spanned && c.originCol !== k)).map((c) => cellLine(c.text));
      if (cells.length >= 3 && TASK_CODE.test(cells[0]!)) {
        schedule.push({ task: cells[0]!, name: cells[1]!, timing: cells[cells.length - 1]!, source: block.rows[r]!.source });
      }
    });
  }
  if (schedule.length) meta.schedule = schedule;
  return meta;
}

const CIRCLED = /[①②③④⑤⑥⑦⑧⑨⑩]/;

/**
 * Targets of a goal table: rows `■ 생산성 혁신 | ① 스마트공장 보급 : 3만개, ② …`,
 * the category in the first cell and circled-number items `indicator : value`
 * after it; the plan's horizon is their year.
 */
export function readGoalTargets(layout: Layout, targetYear: string | undefined, diagnostics: Diagnostic[]): Target[] {
  const targets: Target[] = [];
  // Goal rows: table rows, or lines of a goal table a reader could not keep as a table (`■ 생산성 혁신 ① … : 3만개`).
  const rows: { texts: string[]; source: Target['source'] }[] = [];
  for (const block of layout.blocks) {
    if (block.type === 'table') {
      // Only a row with a circled number can hold goal items: the others are not copied.
      for (const row of (block as TableBlock).rows) {
        if (row.cells.some((c) => CIRCLED.test(c.text))) rows.push({ texts: row.cells.map((c) => c.text.replace(/\s+/g, ' ').trim()), source: row.source });
      }
    } else if (block.type === 'list-item' && /^[■□◆]$/.test(block.marker)) {
      const text = blockText(block);
      const first = text.search(CIRCLED);
      if (first > 0) rows.push({ texts: [text.slice(0, first).trim(), text.slice(first)], source: block.source });
    }
  }
  for (const { texts, source } of rows) {
    {
      const at = texts.findIndex((t) => CIRCLED.test(t) && /[:：]/.test(t));
      if (at < 0) continue;
      const category = texts.slice(0, at).join(' ').replace(/[■□◆]/g, ' ').trim();
      const joined = texts.slice(at).join(' ');
      const first = joined.search(CIRCLED);
      for (const item of joined.slice(first).split(CIRCLED).map((s) => s.replace(/,\s*$/, '').trim()).filter(Boolean)) {
        const m = /^(.+?)\s*[:：]\s*(.+)$/.exec(item);
        if (!m) continue;
        const valueText = m[2]!.replace(/\(.*?\)/g, '').trim();
        const pct = parsePercent(valueText);
        const count = parseCount(valueText);
        const q: Quantity | undefined = pct ? { value: pct.value, unit: pct.unit, source } : count ? { value: count.value, unit: count.unit, source } : undefined;
        if (!q) {
          diagnostics.push({ severity: 'warning', code: 'target-unreadable', message: `target "${item}" has no figure that could be read`, source });
          continue;
        }
        const t: Target = { category: category || '(목표)', indicator: m[1]!.trim(), unit: q.unit, target: q, source };
        if (targetYear) t.targetYear = targetYear;
        targets.push(t);
      }
    }
  }
  return targets;
}


/**
 * An amount of money as printed ends in a digit, spaces, a magnitude or none, spaces and 원
 * (`12억원`, `3,000 천원`: the matches of `/\d\s*(조|억|백만|천만|만|천)?\s*원/g`). The magnitudes,
 * two letters first: `백만` is not read as `만` (a digit never stands before `만` there).
 */
const MAGNITUDES = ['백만', '천만', '조', '억', '만', '천'];


/**
 * The magnitude (`억`, `백만`, or '' for none) of every amount of money in a text, in order,
 * read back from each 원 rather than tried at every digit: before a 원 that ends an amount stand
 * spaces, at most one magnitude, spaces and a digit. A match holds one 원 and no other, so the
 * amounts are the same.
 */
function amountMagnitudes(text: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf('원'); at >= 0; at = text.indexOf('원', at + 1)) {
    let i = at;
    while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
    if (i > 0 && isDigitCode(text.charCodeAt(i - 1))) {
      out.push('');
      continue;
    }
    const magnitude = MAGNITUDES.find((m) => i >= m.length && text.startsWith(m, i - m.length));
    if (!magnitude) continue;
    i -= magnitude.length;
    while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
    if (i > 0 && isDigitCode(text.charCodeAt(i - 1))) out.push(magnitude);
  }
  return out;
}

/** The money unit the plan writes most often (억원 in most national plans), for display. */
export function dominantMoneyUnit(layout: Layout): string {
  const counts = new Map<string, number>();
  for (const block of layout.blocks) {
    // Only a block that prints 원 can hold an amount: the others are not joined up or searched.
    if (block.type === 'table' ? !block.rows.some((r) => r.cells.some((c) => c.text.includes('원'))) : !block.text.includes('원')) continue;
    const text = block.type === 'table' ? block.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join('\n') : block.text;
    for (const magnitude of amountMagnitudes(text)) {
      const unit = `${magnitude}원`;
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best && best in MONEY_UNITS ? best : '원';
}

export function parsePlanLayout(layout: Layout, units: Unit[] = unitsOf(layout)): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const head = readPlanHead(layout);
  const doc = emptyDocument(layout.file, 'national-plan', head.title ?? '(untitled plan)');
  doc.moneyUnit = dominantMoneyUnit(layout);
  if (head.issuer) doc.issuer = head.issuer;
  if (head.date) doc.date = head.date;
  if (head.year) doc.fiscalPeriod = head.year;
  const meta = readPlanMeta(layout, units);
  if (meta.vision) doc.meta.vision = meta.vision;
  if (meta.strategies) doc.meta.strategies = meta.strategies;
  if (meta.schedule) doc.meta.schedule = meta.schedule;
  pushAll(doc.targets, readGoalTargets(layout, head.horizonEnd, diagnostics));
  const programs = readPlanPrograms(units);
  pushAll(doc.programs, programs.programs);
  pushAll(doc.claims, programs.claims);
  return { document: doc, diagnostics };
}

/**
 * The national-plan kind: its own structure (parsePlanLayout), then the figures read from
 * its outline — series named by their bullets, budget-category series, the goal targets'
 * actuals, ratio, breakdown and cumulative-difference claims. `enrich` adds the shared
 * extractors' figures from every place this reader did not read.
 */
export function parsePlan(layout: Layout): ParseResult {
  const layoutUnits = unitsOf(layout);
  const result = parsePlanLayout(layout, layoutUnits);
  const doc = result.document;
  const units = planOutline(layout, layoutUnits);
  readActuals(units, doc.targets);
  const series = readSeries(units);
  doc.series = [...series.map((s) => s.series), ...readBudgetCategories(units)];
  pushAll(doc.claims, readClaims(units));
  pushAll(doc.claims, readDifferenceClaims(series));
  return result;
}
