// What a table's columns mean, read from its headers: header normalization,
// a vocabulary (as data) from header words to column roles, year columns
// (`'22`, `’23`, `2024년`, `2025(안)`, `'23년 이전`), headers stacked over
// several rows combined per column from the expanded grid, and the kind of
// table (budget execution, settlement, multi-year budget, target/actual,
// funding breakdown, other) with the reasons. Pure; knows meanings, not documents.

import { gridShape, leadingGridRows, tableGrid, type GridCell, type TableBlock, type TableRow } from '../layout/types.js';
import { parseNumber, parsePercent } from './amounts.js';
import { expandYear } from './periods.js';
import { memoizedText } from './memo.js';
import { foldFullWidth } from './text.js';

export type ColumnRole =
  | 'label'
  | 'group'
  | 'budget'
  | 'executed'
  | 'remaining'
  | 'carriedOver'
  | 'unused'
  | 'rate'
  | 'target'
  | 'actual'
  | 'achievement'
  | 'change'
  | 'changeRate'
  | 'funding'
  | 'total'
  | 'unit'
  | 'note'
  /** 번호, 연번: a row number, never a figure. */
  | 'index'
  /** A column headed by a year alone: the value of that year. */
  | 'year'
  /** Money or counts the vocabulary does not name (수입, 조성액…): never a budget figure. */
  | 'other';

/** Which budget figure a budget column holds; decides which one a year's point or a line takes. */
export type BudgetStage =
  | 'original' // 본예산, 당초
  | 'revised' // 추경, 수정
  | 'current' // 예산현액, 계획현액: the money available in the year
  | 'proposal' // 정부안, (안)
  | 'final' // 확정, 국회확정
  | 'plan' // 계획액
  | 'allocated' // 배정액
  | 'settled'; // 결산

export interface RoleWord {
  role: ColumnRole;
  stage?: BudgetStage;
  /** Matched against the whole normalized header text (years removed). */
  pattern: RegExp;
}

/**
 * Header words per role. Order matters: the first entry whose pattern matches
 * the whole normalized text wins (집행잔액 before 집행, 예산현액 before 예산).
 */
export const ROLE_VOCABULARY: readonly RoleWord[] = [
  { role: 'rate', pattern: /^(집행|지출|실행|소진|진도|예산집행)?(률|율)$/ },
  { role: 'rate', pattern: /^(집행률|집행율|진도율|진도률|지출률|소진율|실행률)$/ },
  { role: 'achievement', pattern: /^(달성도|달성률|달성율|달성)$/ },
  { role: 'changeRate', pattern: /^(증감률|증감율|증가율|증감비율|전년대비증감률)$/ },
  { role: 'change', pattern: /^(증감|증감액|증감액?\(.*\)|차이|차액|전년대비|전년대비증감)$/ },
  { role: 'remaining', pattern: /^(잔액|집행잔액|예산잔액|미집행액?)$/ },
  // 다음연도 이월액 leaves the year; 전년도 이월액 came into it (part of 현액), so it is not here.
  { role: 'carriedOver', pattern: /^(다음연도|차년도|익년도)?(이월액|이월|사고이월액?|명시이월액?|계속비이월액?|이월예상액|이월액예상)$/ },
  { role: 'unused', pattern: /^(불용액|불용|불용예상액|불용액예상)$/ },
  { role: 'budget', stage: 'current', pattern: /^(예산현액|계획현액|현액)$/ },
  { role: 'budget', stage: 'original', pattern: /^(본예산|당초예산|당초|당초계획)$/ },
  { role: 'budget', stage: 'revised', pattern: /^(추경예산|추경|수정예산|수정|수정계획|최종예산)$/ },
  { role: 'budget', stage: 'final', pattern: /^(국회확정|확정|확정예산)$/ },
  { role: 'budget', stage: 'proposal', pattern: /^(정부안|예산안|요구안|\(안\)|안)$/ },
  { role: 'budget', stage: 'allocated', pattern: /^(배정액|교부액|배정)$/ },
  { role: 'budget', stage: 'plan', pattern: /^(계획액|계획|예산계획)$/ },
  { role: 'budget', pattern: /^(예산액|예산|사업비|총예산|연간예산|세출|세출예산|세출예산액)$/ },
  { role: 'executed', stage: 'settled', pattern: /^(결산액|결산)$/ },
  { role: 'executed', pattern: /^(집행액|지출액|실집행액|집행실적|집행|지출|사용액)$/ },
  { role: 'target', pattern: /^(목표|목표치|목표값|목표량)$/ },
  { role: 'actual', pattern: /^(실적|실적치|실적값|달성실적)$/ },
  { role: 'total', pattern: /^(계|합계|총계|소계|총액)$/ },
  { role: 'funding', pattern: /^(국비|국고|지방비|시비|도비|구비|군비|기금|민간|민자|기타|자부담|자체|융자|지특|균특)$/ },
  { role: 'unit', pattern: /^단위$/ },
  { role: 'index', pattern: /^(번호|연번|순번|순위|no\.?)$/i },
  { role: 'note', pattern: /^(비고|교부일자|비고\(교부일자\)|교부일|주관부처|담당|담당부서)$/ },
  { role: 'group', pattern: /^(분야|부문|전략목표|전략|정책목표|프로그램|소관|실국|실·국|국|본부|회계|회계구분|계정)$/ },
  {
    role: 'label',
    pattern:
      /^(사업명|사업|세부사업명?|내역사업명?|단위사업명?|회계별|부서명?|과명?|구분|과목|목명|세목|비목|항목|지표명?|성과지표명?|성과지표|지표|내용|세부내역|연도|년도|기관명?)$/,
  },
];

/** Headers of tables that hold no money figures (staff, scores, schedules). */
export const NON_FIGURE_HEADERS: readonly RegExp[] = [
  /^(정원|현원|과부족|결원)$/,
  /^(배점|점수|평점|평가항목|평가요소|평가지표|등급|신용평가등급)$/,
  /^(일정|추진일정|기간|사업기간|시기|추진시기|장소)$/,
];

/**
 * The words of whole-text patterns (`^(국비|국고|…)$`), for a cheap test before the pattern
 * is asked: reading a header only takes characters away (spaces, marks, years, brackets) and
 * folds full-width forms, never adds a letter, so a text lacking some letter of every word
 * cannot be read as any of them. Most row names lack them.
 */
export interface WordLetters {
  /** Any first letter of the words: a text without one holds no word's letters. */
  firsts: RegExp;
  /** Each word's first letter, and (at the same index) the letters after it. */
  heads: string[];
  rests: string[][];
}

export function wordsOf(patterns: readonly RegExp[]): WordLetters {
  const heads: string[] = [];
  const rests: string[][] = [];
  for (const re of patterns) {
    // The letter test is exact only for a plain alternation of Hangul words: any other
    // pattern must not be given a pre-test (fail here, at load, not by missing headers).
    const alternation = /^\^\(([가-힣|]+)\)\$$/.exec(re.source)?.[1];
    if (alternation === undefined) throw new Error(`wordsOf: ${re} is not ^(word|word…)$ of Hangul words`);
    for (const word of alternation.split('|')) {
      const [head, ...rest] = [...new Set(word)] as [string, ...string[]];
      heads.push(head);
      rests.push(rest);
    }
  }
  return { firsts: new RegExp(`[${[...new Set(heads)].join('')}]`), heads, rests };
}

/** Whether `text` holds every letter of at least one of `words`. */
export function mayBeOneOf(text: string, words: WordLetters): boolean {
  if (!words.firsts.test(text)) return false;
  for (let w = 0; w < words.heads.length; w++) {
    if (!text.includes(words.heads[w]!)) continue;
    const rest = words.rests[w]!;
    let all = true;
    for (let k = 0; k < rest.length && all; k++) all = text.includes(rest[k]!);
    if (all) return true;
  }
  return false;
}

const NON_FIGURE_WORDS = wordsOf(NON_FIGURE_HEADERS);

function namesNonFigure(text: string): boolean {
  if (!mayBeOneOf(text, NON_FIGURE_WORDS)) return false;
  const normalized = normalizeHeader(text);
  return NON_FIGURE_HEADERS.some((re) => re.test(normalized));
}

/** Staff counts put 정원/현원 in the rows as often as in the header: the first header, else row name, naming no money. */
function findNonFigureHeader(columns: ColumnInfo[], body: BodyGridRow[], nameColumn: number): string | undefined {
  for (const c of columns) for (const p of c.path) if (namesNonFigure(p)) return p;
  for (const r of body) {
    const text = r[nameColumn]?.text ?? '';
    if (namesNonFigure(text)) return text;
  }
  return undefined;
}

/** A project's period beside its cost: the cost is for the whole period. */
const PROJECT_PERIOD = /^(사업기간|추진기간|기간|사업연도|총사업기간)$/;

const DIGIT = /[0-9０-９]/;
const YEAR4 = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)\s*(?:년도|년)?/;
const YEAR2 = /['’‘´`]\s*(\d{2})(?!\d)\s*(?:년도|년)?/;

export interface YearMark {
  year: string;
  /** `'23년 이전` / `'26년 이후`: several years in one column, not a point. */
  bucket?: 'before' | 'after';
  /** `2024년도말`: a balance at the end of the year. */
  end?: boolean;
}

const ARROW_CHARACTER = /[→⇒>＞▶➡]/;

/** `'23 → '24`, `2023년 → 2024년`: a before/after column of two years. */
export function pairOf(text: string): [string, string] | undefined {
  // Every arrow below holds one of these characters (`->` its `>`, also printed full-width): most headers hold none.
  if (!ARROW_CHARACTER.test(text)) return undefined;
  const parts = foldFullWidth(text).split(/\s*(?:→|⇒|->|▶|➡)\s*/);
  if (parts.length !== 2) return undefined;
  const [a, b] = parts.map((p) => yearOf(p));
  return a && b && !a.bucket && !b.bucket ? [a.year, b.year] : undefined;
}

/** The year a header names (`2022년`, `'23`, `’24 정부안`, `2025(안)`, `2023(’22.12월말)` → 2023). */
export function yearOf(text: string): YearMark | undefined {
  // Both patterns need a digit (full-width ones fold to digits): a text without one names no year.
  if (!DIGIT.test(text)) return undefined;
  const s = foldFullWidth(text).replace(/\s+/g, '');
  const m4 = YEAR4.exec(s);
  const m2 = m4 ? undefined : YEAR2.exec(s);
  const m = m4 ?? m2;
  if (!m) return undefined;
  // The first year wins: `2023(’22.12월말)` is the 2023 column as of a 2022 date.
  const year = String(expandYear(m[1] ?? ''));
  const mark: YearMark = { year };
  if (/이전|以前|까지/.test(s)) mark.bucket = 'before';
  else if (/이후|以後|부터/.test(s)) mark.bucket = 'after';
  if (/년도?말|말기준|말잔액/.test(s)) mark.end = true;
  return mark;
}

/**
 * The year of a column whose header names a year and nothing else (`2024`, `’24`,
 * `2024년`, `2025(안)`, `2024년말`): tables and claims read year columns with this
 * one reader. A bucket of years (`'23년 이전`) is no year column.
 */
export function yearColumnOf(text: string): string | undefined {
  const rest = withoutYears(normalizeHeader(text));
  if (rest !== '' && rest !== '(안)') return undefined;
  const mark = yearOf(text);
  return mark && !mark.bucket ? mark.year : undefined;
}

/** Letter markers that name a column (`본예산(A)`) or state its formula (`(B-A)`, `(B-A)/A`, `(A+B)`). */
export interface FormulaMark {
  /** The letter naming this column: `(A)` → A. */
  letter?: string;
  /** An expression over other columns' letters: `B-A`, `(B-A)/A`, `A+B`. */
  expression?: string;
}

const CAPITAL = /[A-ZＡ-Ｚ]/;

export function formulaOf(text: string): FormulaMark | undefined {
  // Every mark below holds a capital letter (full-width ones fold to it): most headers hold none.
  if (!CAPITAL.test(text)) return undefined;
  const s = foldFullWidth(text).replace(/\s+/g, '');
  const ratio = /\(?([A-Z])([-+])([A-Z])\)?\/([A-Z])/.exec(s);
  if (ratio) return { expression: `(${ratio[1]}${ratio[2]}${ratio[3]})/${ratio[4]}` };
  const share = /\(([A-Z])\/([A-Z])\)/.exec(s);
  if (share) return { expression: `${share[1]}/${share[2]}` };
  const expr = /\(([A-Z](?:[-+][A-Z])+)\)/.exec(s);
  if (expr) return { expression: expr[1] };
  const letter = /\(([A-Z])\)/.exec(s);
  if (letter) return { letter: letter[1] };
  return undefined;
}

/**
 * A header as compared with the vocabulary: full-width folded, spaces removed,
 * and the markers that do not change its meaning stripped: `(A)`, `(B-A)`,
 * `(B-A)/A`, `(A+B)`, `①`, `(%)`, `(천원)`-style unit tags, `누계`, `※`, `*`.
 */
export const normalizeHeader = memoizedText(normalizeHeaderText);

function normalizeHeaderText(text: string): string {
  return foldFullWidth(text)
    .replace(/\s+/g, '')
    .replace(/\(?[A-Z][-+][A-Z]\)?\/[A-Z]/g, '')
    .replace(/\([A-Z](?:[-+/×*][A-Z])*\)/g, '')
    .replace(/[①-⑳]/g, '')
    .replace(/\((%|％|원|천원|만원|백만원|억원|조원|개|명|건|단위:[^)]*)\)/g, '')
    .replace(/누계|누적/g, '')
    .replace(/[※*]/g, '')
    .trim();
}

/** What is left of a header once its years are removed (`2024년정부안` → `정부안`). */
function withoutYears(normalized: string): string {
  return normalized
    .replace(/\(?['’‘´`]\d{2}\.\d{1,2}\.?월?말?(기준)?\)?/g, '')
    .replace(/(?:19|20)\d{2}(?:년도|년)?(?:말|이전|이후)?/g, '')
    .replace(/['’‘´`]\d{2}(?:년도|년)?(?:말|이전|이후)?/g, '')
    .replace(/\(\s*\)/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
}

/** Words that name a year relative to the document (`전년('23)`, `금년('24)`): with a year beside them, a year column. */
const RELATIVE_YEAR = /^(전년|금년|전년도|금년도|당해년도|당해연도|올해|작년|내년|차년도|전기|당기)$/;

export interface HeaderMeaning {
  role?: ColumnRole;
  stage?: BudgetStage;
}

/**
 * The role one header cell names. A cell holding two labels, the second in
 * brackets (`집행액[실집행액]`, `계획액(수정)`), takes the first; the second
 * says what the second number of each body cell is (see `secondOf`).
 */
export const roleOfHeader: (text: string) => Readonly<HeaderMeaning> = memoizedText(readRoleOfHeader);

function readRoleOfHeader(text: string): HeaderMeaning {
  const normalized = normalizeHeader(text);
  if (/^\(?[A-Z][-+][A-Z]\)?\/[A-Z]$/.test(foldFullWidth(text).replace(/\s+/g, ''))) return { role: 'changeRate' };
  if (/^\([A-Z][-+][A-Z]\)$/.test(foldFullWidth(text).replace(/\s+/g, ''))) return { role: 'change' };
  const rest = withoutYears(normalized);
  if (RELATIVE_YEAR.test(rest) && yearOf(text)) return { role: 'year' };
  if (rest === '' || /^\(안\)$/.test(rest)) {
    return yearOf(text) ? (rest === '' ? { role: 'year' } : { role: 'budget', stage: 'proposal' }) : {};
  }
  const candidates = [rest, rest.replace(/\[.*\]$/, ''), rest.replace(/\((?!안\)).*\)$/, ''), rest.replace(/^\((.*)\)$/, '$1')];
  for (const candidate of candidates) {
    for (const word of ROLE_VOCABULARY) {
      if (word.pattern.test(candidate)) return word.stage ? { role: word.role, stage: word.stage } : { role: word.role };
    }
  }
  // `2024정부안`, `2025예산(안)`: a stage word after a year.
  const stage = ROLE_VOCABULARY.find((w) => w.role === 'budget' && w.stage && w.pattern.test(rest.replace(/\(안\)$/, '')));
  if (stage) return { role: 'budget', stage: stage.stage! };
  if (/\(안\)$/.test(rest)) return { role: 'budget', stage: 'proposal' };
  return { role: 'other' };
}

/**
 * The letters of the funding words (국비, 시비, 기금…). Reading a header only takes
 * characters away (spaces, marks, years, brackets), never adds any: a text holding
 * none of these letters cannot name a funding part, and most row names hold none.
 */
const FUNDING_WORDS = wordsOf(ROLE_VOCABULARY.filter((w) => w.role === 'funding').map((w) => w.pattern));

/** A row or header naming a funding part (`국비`, `시 비`): `roleOfHeader` says funding, asked only when it can (see `wordsOf`). */
export function namesFundingPart(text: string): boolean {
  return mayBeOneOf(text, FUNDING_WORDS) && roleOfHeader(text).role === 'funding';
}

/** What the second number in a body cell means, from the header's bracketed part. */
export type SecondFigure = 'disbursed' | 'change';

export function secondOf(headerPath: string[]): SecondFigure | undefined {
  // `[실집행]` is the only mark read: a path without its first letter holds none.
  if (!headerPath.some((t) => t.includes('실'))) return undefined;
  const joined = headerPath.map((t) => foldFullWidth(t).replace(/\s+/g, '')).join('');
  if (/\[실집행(액)?\]/.test(joined)) return 'disbursed';
  return undefined;
}

export interface ColumnInfo {
  index: number;
  /** Header texts from top to bottom, merged cells once. */
  path: string[];
  role: ColumnRole;
  stage?: BudgetStage;
  year?: YearMark;
  formula?: FormulaMark;
  /** `이월예상액`, `불용예상액`: a forecast, not a settled figure. */
  expected?: boolean;
  /** Under a `…제외` header: the same figures on another basis, not the main ones. */
  excluded?: boolean;
  /** `'23 → '24`: each cell holds the first year's figure and, after an arrow, the second's. */
  pair?: [string, string];
  second?: SecondFigure;
}

/** Whether a header may say 예상, 전망, 추정 or 제외: it holds both letters of one of them. */
function mayHoldForecastOrExclusion(text: string): boolean {
  return (text.includes('예') && text.includes('상')) || (text.includes('전') && text.includes('망')) || (text.includes('추') && text.includes('정')) || (text.includes('제') && text.includes('외'));
}

/** True when a row of grid cells holds only header-like text (no figure except years). */
function isHeaderLike(row: GridCell[]): boolean {
  return row.every((c) => {
    const t = c.text.trim();
    if (t === '' || /^[-–—]$/.test(t)) return true;
    // A number, a percentage and a year all need a digit: a word is header-like.
    if (!DIGIT.test(t)) return true;
    if (yearOf(t) && withoutYears(normalizeHeader(t)).length <= 6) return true;
    return parseNumber(t) === undefined && parsePercent(t) === undefined && !/^\d[\d,.\s]*$/.test(t);
  });
}

const HEADER_ONLY_ROLES: ReadonlySet<ColumnRole> = new Set([
  'budget', 'executed', 'remaining', 'carriedOver', 'unused', 'rate', 'target', 'actual', 'achievement', 'change', 'changeRate', 'year', 'unit', 'note',
]);

/** A row of header words below the header: 예산 | 집행 under a year, 당초 | 수정 under 계획액. */
function isSubHeader(row: GridCell[]): boolean {
  return isHeaderLike(row) && row.some((c) => c.text.trim() !== '' && HEADER_ONLY_ROLES.has(roleOfHeader(c.text).role ?? 'other'));
}

/**
 * Header rows: as the reader said, else the leading rows without figures (at
 * most 4); then any rows of header words right below (a reader may count only
 * the first row of a stacked header).
 */
export function headerRowCount(table: TableBlock, grid: GridCell[][] = tableGrid(table)): number {
  return countHeaderRows(table, grid, grid.length);
}

/** A table of at most this many rows is classified on its whole grid (see `headerAndBody`). */
const SHORT_TABLE_ROWS = 40;

/** Rows looked at for the header: the header as the reader said, or at most this many. */
const MAX_HEADER_ROWS = 4;

/** `headerRowCount` from the grid's leading rows (at least `MAX_HEADER_ROWS` of them, or all) and its row count. */
function countHeaderRows(table: TableBlock, lead: GridCell[][], length: number): number {
  let n = table.headerRows;
  if (n <= 0) {
    n = 0;
    while (n < length - 1 && n < MAX_HEADER_ROWS && isHeaderLike(lead[n]!)) n++;
  }
  while (n > 0 && n < length - 1 && n < MAX_HEADER_ROWS && isSubHeader(lead[n]!)) n++;
  return n;
}

function columnPath(grid: GridCell[][], headerRows: number, c: number): string[] {
  const path: string[] = [];
  // The cell last taken, by its origin: a merged cell is taken once.
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < headerRows; r++) {
    const cell = grid[r]?.[c];
    if (!cell) continue;
    if (cell.text.trim() === '' || (cell.originRow === lastRow && cell.originCol === lastCol)) continue;
    lastRow = cell.originRow;
    lastCol = cell.originCol;
    for (const part of headerLines(cell.text)) if (path[path.length - 1] !== part) path.push(part);
  }
  return path;
}

const isFigureWord = (text: string) => HEADER_ONLY_ROLES.has(roleOfHeader(text).role ?? 'other');

/**
 * One header cell as path entries. A cell that names nothing as a whole but
 * whose lines do is two headers stacked in one cell (a missing rule under it):
 * `2023년 예산` over `본예산(A)`, `지원 금액` over `(2024 예산)`. Its lines are
 * then taken as stacked header rows. Otherwise the cell is one header. Memoized by
 * text: the same header cells come back in every table of a kind.
 */
export const headerLines: (text: string) => readonly string[] = memoizedText(readHeaderLines);

function readHeaderLines(text: string): string[] {
  const whole = text.replace(/\s+/g, ' ').trim();
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  if (lines.length < 2 || isFigureWord(whole) || roleOfHeader(whole).role === 'label') return [whole];
  return lines.some(isFigureWord) ? lines : [whole];
}

/** The meaning of each column from its stacked header cells: the lowest cell with a role decides it. */
export function columnInfos(table: TableBlock, grid: GridCell[][] = tableGrid(table), headerRows: number = headerRowCount(table, grid)): ColumnInfo[] {
  const width = grid[0]?.length ?? 0;
  const infos: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    const path = columnPath(grid, headerRows, c);
    const info: ColumnInfo = { index: c, path, role: 'other' };
    let decided = false;
    for (let i = path.length - 1; i >= 0; i--) {
      const meaning = roleOfHeader(path[i]!);
      if (!decided && meaning.role && meaning.role !== 'other' && meaning.role !== 'year') {
        info.role = meaning.role;
        if (meaning.stage) info.stage = meaning.stage;
        decided = true;
      } else if (decided && !info.stage && meaning.role === 'budget' && meaning.stage && info.role === 'budget') {
        info.stage = meaning.stage;
      }
    }
    if (!decided) {
      const bottom = path[path.length - 1];
      const meaning = bottom ? roleOfHeader(bottom) : {};
      if (meaning.role === 'year' || path.some((p) => roleOfHeader(p).role === 'year')) info.role = 'year';
    }
    for (const p of path) {
      const y = yearOf(p);
      if (y && !info.year) info.year = y;
    }
    const formulas = path.map(formulaOf).filter((f): f is FormulaMark => f !== undefined);
    if (formulas.length) info.formula = formulas[formulas.length - 1]!;
    // The words are asked only of a path holding their letters (spaces between them are removed, never letters).
    const joined = path.some(mayHoldForecastOrExclusion) ? path.map((p) => p.replace(/\s+/g, '')).join('|') : '';
    if (/예상|전망|추정/.test(joined)) info.expected = true;
    if (/제외/.test(joined)) info.excluded = true;
    const second = secondOf(path);
    if (second) info.second = second;
    const pair = pairOf(path[path.length - 1] ?? '');
    if (pair) {
      info.pair = pair;
      info.role = 'year';
      info.year = { year: pair[1] };
    }
    infos.push(info);
  }
  return infos;
}

export type TableKind =
  | 'budget-execution'
  | 'settlement'
  | 'multi-year-budget'
  | 'target-actual'
  | 'funding-breakdown'
  | 'other';

export interface TableClass {
  kind: TableKind;
  headerRows: number;
  columns: ColumnInfo[];
  /** Column holding each row's name (사업명…); undefined if none. */
  labelColumn?: number;
  /** Column holding each row's group (구분, 분야…), when distinct from the label. */
  groupColumn?: number;
  /** Years run down the rows (a 연도 column), not across. */
  yearsDown: boolean;
  reasons: string[];
}

const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set(['budget', 'executed', 'remaining', 'carriedOver', 'unused', 'year', 'funding', 'total']);

export function isFigureRole(role: ColumnRole): boolean {
  return MONEY_ROLES.has(role) || role === 'rate' || role === 'change' || role === 'changeRate' || role === 'target' || role === 'actual' || role === 'achievement' || role === 'other';
}

/** Distinct single years (not `이전`/`이후` buckets) among columns of the given roles. */
export function yearsAcross(columns: ColumnInfo[], roles: ReadonlySet<ColumnRole>): string[] {
  const years = new Set<string>();
  for (const c of columns) {
    if (c.pair) c.pair.forEach((y) => years.add(y));
    else if (c.year && !c.year.bucket && !c.year.end && roles.has(c.role)) years.add(c.year.year);
  }
  return [...years].sort();
}

const POINT_ROLES: ReadonlySet<ColumnRole> = new Set(['budget', 'executed', 'year']);

/** Most non-empty body cells of the column are words, not figures (at least two of them). */
function isWordColumn(body: BodyGridRow[], c: number): boolean {
  const texts = body.map((r) => r[c]?.text.trim() ?? '').filter((t) => t !== '' && !/^[-–—]$/.test(t));
  const words = texts.filter((t) => parseNumber(t.replace(/[%％]$/, '')) === undefined && /[가-힣A-Za-z]/.test(t));
  return texts.length >= 2 && words.length * 2 > texts.length;
}

/** Headers that name the item itself (사업명, 내역사업명), not a kind of row (구분). */
const ITEM_NAME = /^(사업명|세부사업명?|내역사업명?|단위사업명?|세부내역)$/;

/**
 * The column splits items into parts (계, 국비, 시비 under one 사업명): a total word
 * in it, or a funding word on a row that continues the item above (merged or
 * repeated name). A funding word on an item's only row (융자 as 지원 형태) is a kind.
 */
function holdsFundingParts(body: BodyGridRow[], c: number, item: number): boolean {
  return body.some((r, i) => {
    const role = roleOfHeader(r[c]?.text ?? '').role;
    if (role === 'total') return true;
    const name = r[item];
    const continues = name !== undefined && (name.spanned || (i > 0 && name.text.trim() !== '' && name.text === body[i - 1]![item]?.text));
    return role === 'funding' && continues;
  });
}

/** The column's cells are merged down (or left empty below a value) while the next column goes on. */
function repeatsDown(body: BodyGridRow[], c: number): boolean {
  return body.some((r) => r[c]?.spanned === true || ((r[c]?.text.trim() ?? '') === '' && (r[c + 1]?.text.trim() ?? '') !== ''));
}

/**
 * Column `c` spans rows: in a row that is not a total, its cell is merged from above or
 * left empty while column `other` is filled. Total rows (계 with an empty name cell) say nothing.
 */
function spansRows(body: BodyGridRow[], c: number, other: number): boolean {
  // The cheap test first: a large table has few such rows, and only those are asked whether they total.
  const empty = (r: BodyGridRow) => r[c]?.spanned === true || ((r[c]?.text.trim() ?? '') === '' && (r[other]?.text.trim() ?? '') !== '');
  const isTotalRow = (r: BodyGridRow) => [r[c], r[other]].some((cell) => cell !== undefined && roleOfHeader(cell.text).role === 'total');
  return body.some((r) => empty(r) && !isTotalRow(r));
}

function labelColumns(columns: ColumnInfo[]): { label?: number; group?: number } {
  const named = columns.filter((c) => c.role === 'label');
  const groups = columns.filter((c) => c.role === 'group');
  const label = named[named.length - 1]?.index;
  const group = groups[0]?.index ?? (named.length > 1 ? named[0]!.index : undefined);
  if (label !== undefined) return group !== undefined && group !== label ? { label, group } : { label };
  // No header names the label column: the first column without a figure role.
  const first = columns.find((c) => c.role === 'other' && c.path.every((p) => !yearOf(p)));
  if (first && first.index === 0) return { label: 0 };
  if (groups.length) return { label: groups[0]!.index };
  return {};
}

/**
 * The kind of table, by what its headers mean. Reasons name the headers that
 * decided it, so a reader can see why a table gave (or did not give) figures.
 */
export function classifyTable(table: TableBlock): TableClass {
  // A table is classified when its context is read and again when its figures are:
  // the work is done once per table (and again only if its rows changed since).
  const cached = classes.get(table);
  if (cached && cached.rows === table.rows && cached.count === table.rows.length && cached.headerRows === table.headerRows) return copyOfClass(cached.cls);
  const cls = classifyGrid(table);
  classes.set(table, { rows: table.rows, count: table.rows.length, headerRows: table.headerRows, cls });
  return copyOfClass(cls);
}

/** Classifications already made, per table; each caller gets its own copy of the reasons (a caller may add one). */
const classes = new WeakMap<TableBlock, { rows: TableRow[]; count: number; headerRows: number; cls: TableClass }>();

function copyOfClass(cls: TableClass): TableClass {
  return { ...cls, reasons: cls.reasons.slice() };
}

/**
 * The first `n` rows of the table's grid, made as classification made them: from the whole
 * grid of a short table (already made), from the leading rows alone of a long one.
 */
export function headerGridRows(table: TableBlock, n: number): GridCell[][] {
  return table.rows.length <= SHORT_TABLE_ROWS ? tableGrid(table).slice(0, n) : leadingGridRows(table, n);
}

/**
 * A body row as classification reads it (text and whether merged from above or the left): a
 * grid row, or a row's cells as made where they are its grid row (see `gridShape`).
 */
type BodyGridRow = readonly { readonly text: string; readonly spanned?: boolean }[];

/**
 * The table's header rows of the grid, and its body rows, made without the grid where the
 * rows as made are their grid rows: a long table is classified without an object per cell.
 */
function headerAndBody(table: TableBlock): { headerRows: number; lead: GridCell[][]; body: BodyGridRow[] } {
  // A short table's grid costs less than finding its shape, and its readers share it.
  if (table.rows.length <= SHORT_TABLE_ROWS) {
    const grid = tableGrid(table);
    const headerRows = countHeaderRows(table, grid, grid.length);
    return { headerRows, lead: grid, body: grid.slice(headerRows) };
  }
  const lead = leadingGridRows(table, Math.min(table.rows.length, Math.max(MAX_HEADER_ROWS, table.headerRows)));
  const headerRows = countHeaderRows(table, lead, table.rows.length);
  const shape = gridShape(table);
  const body: BodyGridRow[] = [];
  for (let r = headerRows; r < table.rows.length; r++) body.push(shape.asMade[r] === 1 ? table.rows[r]!.cells : tableGrid(table)[r]!);
  return { headerRows, lead, body };
}

function classifyGrid(table: TableBlock): TableClass {
  const { headerRows, lead, body } = headerAndBody(table);
  const columns = columnInfos(table, lead, headerRows);
  const named = labelColumns(columns);
  let { label, group } = named;
  const bodyRows = body;
  // 내역사업명 | 구분 (보조, 직접수행): the column that names the item is the label, the
  // 구분 beside it a group, unless 구분 splits each item into funding parts (계, 국비…).
  const item = columns.find((c) => c.role === 'label' && c.index !== label && c.path.some((p) => ITEM_NAME.test(normalizeHeader(p))));
  if (item && label !== undefined && !columns[label]!.path.some((p) => ITEM_NAME.test(normalizeHeader(p))) && !holdsFundingParts(bodyRows, label, item.index)) {
    group = label;
    label = item.index;
  }
  // Two word columns at the left, the first merged down the rows (청구법인 › 매출원가, 판관비…):
  // the first groups, the second names.
  // The cheap test first: most name columns are not merged down.
  if (label !== undefined && group === undefined && repeatsDown(bodyRows, label) && isWordColumn(bodyRows, label + 1)) {
    const next = columns[label + 1];
    if (next && (next.role === 'other' || next.role === 'label')) {
      group = label;
      label = label + 1;
    }
  }
  // Two named label columns (사업명 | 구분): the group is the one whose cells span rows
  // (written once, empty below), whatever its place; the leftmost only when both or neither span.
  if (label !== undefined && group !== undefined && named.group === group && columns[group]?.role === 'label' && spansRows(bodyRows, label, group) && !spansRows(bodyRows, group, label)) {
    [label, group] = [group, label];
  }
  // A word column just left of the name column, unnamed by the vocabulary, groups it.
  if (label !== undefined && label > 0 && group === undefined && columns[label - 1]?.role === 'other' && isWordColumn(bodyRows, label - 1)) {
    group = label - 1;
  }
  const has = (role: ColumnRole) => columns.some((c) => c.role === role && !c.excluded);
  const headerText = (role: ColumnRole) => columns.filter((c) => c.role === role).map((c) => c.path.join('/')).join(', ');
  const reasons: string[] = [];
  const withLabels = (kind: TableKind, yearsDownHere = false): TableClass => {
    const out: TableClass = { headerRows, columns, yearsDown: yearsDownHere, reasons, kind };
    if (label !== undefined) out.labelColumn = label;
    if (group !== undefined) out.groupColumn = group;
    return out;
  };

  // Staff counts put 정원/현원 in the rows as often as in the header.
  // Asked only of a table without budget or execution columns (every row's name is read for it),
  // and answered once: such a table that is no staff table asks again at the end.
  let nonFigureAnswer: { header: string | undefined } | undefined;
  const nonFigureHeader = (): string | undefined => (nonFigureAnswer ??= { header: findNonFigureHeader(columns, body, label ?? 0) }).header;
  const labelYears = label === undefined ? [] : body.map((r) => r[label]?.text ?? '').filter((t) => /^\s*(?:(?:19|20)\d{2}|['’‘]\d{2})\s*(?:년도?)?\s*(?:\(.*\))?\s*$/.test(t));
  const yearsDown = labelYears.length >= 2 && labelYears.length >= body.length / 2;

  if (has('target') && (has('actual') || has('achievement'))) {
    reasons.push(`target and actual columns: ${headerText('target')}; ${headerText('actual') || headerText('achievement')}`);
    return withLabels('target-actual', yearsDown);
  }
  const nonFigure = has('budget') || has('executed') ? undefined : nonFigureHeader();
  if (nonFigure) {
    reasons.push(`header "${nonFigure}" names staff, scores or a schedule, not money`);
    return withLabels('other');
  }
  if (has('budget') && has('executed') && (has('carriedOver') || has('unused'))) {
    reasons.push(`budget (${headerText('budget')}), executed (${headerText('executed')}) and carried-over or unused columns`);
    return withLabels('settlement');
  }
  const years = yearsAcross(columns, POINT_ROLES);
  if (years.length >= 2) {
    reasons.push(`years across the columns: ${years.join(', ')}`);
    return withLabels('multi-year-budget');
  }
  const numeric = (c: ColumnInfo) => {
    const cells = body.map((r) => r[c.index]?.text.trim() ?? '').filter((t) => t !== '' && !/^[-–—]$/.test(t));
    return cells.length > 0 && cells.filter((t) => parseNumber(t.replace(/[%％]$/, '')) !== undefined).length * 2 >= cells.length;
  };
  if (yearsDown && columns.some((c) => c.index !== label && MONEY_ROLES.has(c.role === 'other' ? 'year' : c.role) && numeric(c))) {
    reasons.push(`years down the rows: ${labelYears.map((t) => t.trim()).join(', ')}`);
    return withLabels('multi-year-budget', true);
  }
  if (has('budget') && has('executed')) {
    reasons.push(`budget (${headerText('budget')}) and executed (${headerText('executed')}) columns`);
    return withLabels('budget-execution');
  }
  const funding = columns.filter((c) => c.role === 'funding');
  // 기타 alone is "other", not a source of money: `계 | … | 기타` counts things as often as money.
  const sources = funding.filter((c) => normalizeHeader(c.path[c.path.length - 1] ?? '') !== '기타');
  if (sources.length >= 1 && (funding.length >= 2 || has('total'))) {
    reasons.push(`funding parts across the columns: ${funding.map((c) => c.path.join('/')).join(', ')}`);
    return withLabels('funding-breakdown');
  }
  if (label !== undefined) {
    const parts = body.filter((r) => namesFundingPart(r[label]?.text ?? '')).length;
    if (parts >= 2 && body.some((r) => roleOfHeader(r[label]?.text ?? '').role === 'total')) {
      reasons.push('funding parts (국비, 시비…) down the rows under a 계 row');
      return withLabels('funding-breakdown');
    }
  }
  // Only a table with a budget column asks for a project period.
  const period = has('budget') ? columns.flatMap((c) => c.path).find((p) => PROJECT_PERIOD.test(normalizeHeader(p))) : undefined;
  if (has('budget') && period) {
    reasons.push(`project list: "${headerText('budget')}" beside "${period}" is the cost over the project's period, not a year's budget`);
    return withLabels('other');
  }
  if (has('budget')) {
    reasons.push(`a budget column (${headerText('budget')}) without execution`);
    return withLabels('budget-execution');
  }
  const stated = nonFigure ?? nonFigureHeader();
  reasons.push(stated ? `header "${stated}" names no money` : 'no budget, execution, year or target columns');
  return withLabels('other');
}
