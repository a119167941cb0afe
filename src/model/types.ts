// The normalized model every parser produces and every command reads.
// Money is integer KRW (원). Every figure read from a document carries a Source
// (1-based line); a computed figure carries none and points at its inputs instead.

import type { DiagnosticCode } from './diagnostics.js';
export type { DiagnosticCode } from './diagnostics.js';

/** `document` is the generic kind: every extractor runs, nothing kind-specific is added. */
export const DOCUMENT_KINDS = ['blog-post', 'national-plan', 'regional-report', 'document'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Source {
  file: string;
  /** 1-based line in the decoded text (for PDFs: in the text rebuilt from the page). */
  line: number;
  /** The original text of that line (trimmed), so a reader can find the figure. */
  text: string;
  /** 1-based page, for PDFs. */
  page?: number;
}

/** A number read from a document, in the unit named (원 for money). */
export interface Quantity {
  value: number;
  unit: string;
  /** For ranges such as `2천~4천만원`: value is the lower bound. */
  max?: number;
  /** Digits after the decimal point as printed (`15.7%` → 1), for stated rates and shares. */
  decimals?: number;
  /**
   * The value of one step of the last printed digit, in this quantity's unit
   * (`13,500백만원` → 1,000,000 원; `9.6%` → 0.1; `3.5만명` → 1,000 명). The true
   * value lies within ±step/2 of `value`. Absent: exact as far as the reader knows.
   */
  step?: number;
  source: Source;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** One of the catalogue in diagnostics.ts. */
  code: DiagnosticCode;
  message: string;
  source?: Source;
}

export interface Period {
  start?: string; // YYYY-MM-DD
  end?: string;
  /** Months as stated in the document, e.g. `(57개월)`. */
  statedMonths?: number;
  /** Months counted from start and end (inclusive months). */
  months?: number;
  source?: Source;
}

export interface FundingPart {
  /** 국비, 지방비, 도비, 시비, 민간 … */
  name: string;
  amount: Quantity;
}

export interface ProgramOutput {
  label: string;
  /** A count with its unit noun, when stated (`101명`). */
  quantity?: Quantity;
  /** A status instead of a count (`추진중`, `개최연기`). */
  status?: string;
  /** Timing noted beside the output (`하반기`). */
  timing?: string;
  source: Source;
}

export interface Program {
  name: string;
  /** Name for matching across tables and documents: no spaces, brackets or `사업` suffix. */
  normalizedName: string;
  group?: string;
  ministry?: string;
  agency?: string;
  department?: string;
  period?: Period;
  totalBudget?: Quantity;
  firstYearBudget?: Quantity;
  funding?: FundingPart[];
  target?: string;
  outputs?: ProgramOutput[];
  /** Blog-post programs: what is offered, to whom, how to apply. */
  details?: ProgramDetails;
  /** True when the document only names the program (a related-programs list or table) and does not describe it. */
  mentioned?: true;
  sources: Source[];
}

export interface ProgramDetails {
  contents: string[];
  scope: string[];
  eligibility: string[];
  steps: string[];
  documents: string[];
  channels: string[];
  deadlines: Deadline[];
  agencies: string[];
  legalBasis: string[];
  /** Support amounts as stated (`최대 500만원`, `월 20만원`, `㎡당 5만원`, `80% 이내`). */
  amounts?: SupportAmount[];
  /** Links the post gives for the program (Markdown links, MDX link buttons). */
  links?: Link[];
}

/** A support amount: money in 원 or a share in %, with the words that qualify it. */
export interface SupportAmount {
  /** `최대` (a ceiling), `월`/`연` (per month/year), `㎡당` (per unit), `이내`/`이하` (a limit). */
  qualifiers: string[];
  /** What the amount is for, when a table row or label says (`활동비`, `지원 한도`). */
  label?: string;
  quantity: Quantity;
}

export interface Link {
  text: string;
  href: string;
  source: Source;
}

export interface Deadline {
  text: string;
  source?: Source;
  /** Relative deadline: `amount` `unit` after `after`. */
  amount?: number;
  unit?: 'day' | 'month' | 'year';
  after?: string;
  /** An application or recruitment period with dates (`2025.11.28 ~ 12.26`). */
  period?: Period;
}

export interface BudgetLine {
  program: string;
  normalizedName: string;
  group?: string;
  budget?: Quantity;
  executed?: Quantity;
  remaining?: Quantity;
  /** Execution rate as printed, in percent. */
  statedRate?: Quantity;
  allocationDate?: string;
  /** `미교부` (not yet allocated) or another note. */
  status?: string;
  /** True when the note says the money is not yet allocated (`미교부`, `미배정`). */
  unallocated?: boolean;
  /** Settlement tables: carried over to the next year (이월액, 사고이월, 명시이월). */
  carriedOver?: Quantity;
  /** Settlement tables: left unused (불용액). Not budget − executed when part was carried over, so never checked as 잔액. */
  unused?: Quantity;
  /** 실집행액 printed beside 집행액 (`1,234 [1,200]`): what reached the final recipients. */
  disbursed?: Quantity;
  /** The fiscal year the figures are for (`YYYY`), when the table names it. */
  year?: string;
  /** Which budget figure `budget` is, as the header says (본예산, 추경, 예산현액, 확정, 계획…). */
  budgetBasis?: string;
  /** Funding parts (국비, 시비…) from the same row, when the table breaks the amount down. */
  funding?: FundingPart[];
  /** Which of the document's tables the line was read from (0-based), when the layout extractors read it. */
  table?: number;
  source: Source;
}

/** A total or subtotal row of a budget table, kept to verify sums. */
export interface BudgetTotal {
  label: string;
  /** Group whose rows it sums; absent for a grand total. */
  group?: string;
  budget?: Quantity;
  executed?: Quantity;
  remaining?: Quantity;
  /** 불용액, as on budget lines. */
  unused?: Quantity;
  statedRate?: Quantity;
  carriedOver?: Quantity;
  disbursed?: Quantity;
  year?: string;
  /** Which of the document's tables the total was read from, as on budget lines. */
  table?: number;
  source: Source;
}

export interface Target {
  category: string;
  indicator: string;
  unit: string;
  target: Quantity;
  targetYear?: string;
  actual?: Quantity;
  actualPeriod?: string;
  /** Achievement as printed (달성률, 달성도), in percent; the computed one is actual ÷ target. */
  statedAchievement?: Quantity;
  source: Source;
}

export interface SeriesPoint {
  period: string;
  value: number;
  max?: number;
  flags: string[];
  source: Source;
}

export interface Series {
  indicator: string;
  unit: string;
  group?: string;
  task?: string;
  flags: string[];
  points: SeriesPoint[];
  source: Source;
}

/** How a claim found the figures it is checked against. */
export type ClaimResolution = 'same-sentence' | 'table' | 'previous-block' | 'next-blocks';

/** Fields every claim may carry (all optional, so older claims stay valid). */
export interface ClaimContext {
  /** Where its operands came from: the claim's own sentence, the nearest table, or a block above. */
  resolution?: ClaimResolution;
  /** Why the operands are not certain (several candidates, a partial list…): `check` then warns instead of raising an error. */
  ambiguous?: string;
  /** The sentence or cell that states the figure, as printed. */
  text?: string;
}

/** A stated percentage of a part in a whole: a share (`비중`, `차지`), an execution rate in prose, an achievement (`달성률`). */
export interface RatioClaim extends ClaimContext {
  kind: 'share' | 'rate' | 'achievement';
  label: string;
  /** Stated percentage. */
  stated: Quantity;
  /** Part, executed amount, or actual. */
  numerator: Quantity;
  /** Whole, budget, or target. */
  denominator: Quantity;
  source: Source;
}

/** A change between two figures stated as percentage points (`%p`) or as a multiple (`N배`). */
/** A change stated between two figures, with the periods they are for. */
export interface FromToClaim extends ClaimContext {
  /** The stated change: percent for growth, percentage points for `%p`, a multiple for `배`. */
  stated: Quantity;
  from: Quantity;
  to: Quantity;
  fromPeriod?: string;
  toPeriod?: string;
  source: Source;
}

export interface ChangeClaim extends FromToClaim {
  kind: 'points' | 'multiple';
  label: string;
}

/** A stated count of the items listed after it (`3건: A, B, C`). */
export interface CountClaim extends ClaimContext {
  kind: 'count';
  label: string;
  stated: Quantity;
  items: { text: string; source: Source }[];
  source: Source;
}

/** A stated figure the checker can verify. */
export type Claim =
  | RatioClaim
  | ChangeClaim
  | CountClaim
  /** Growth: `stated` in percent (positive for 상승/증가, negative for 감소). */
  | (FromToClaim & { kind: 'growth' })
  | (ClaimContext & {
      kind: 'sum';
      label: string;
      total: Quantity;
      parts: { label: string; amount: Quantity }[];
      /** True when the tool inferred that the parts break down this total (a list under a bullet), rather than the document saying so. */
      inferred?: boolean;
      source: Source;
    })
  | (ClaimContext & {
      kind: 'ratio';
      label: string;
      stated: Quantity;
      numerator: Quantity;
      denominator: Quantity;
      source: Source;
    })
  | (ClaimContext & {
      kind: 'months';
      label: string;
      period: Period;
      source: Source;
    })
  | (ClaimContext & {
      kind: 'difference';
      label: string;
      stated: Quantity;
      minuend: Quantity;
      subtrahend: Quantity;
      source: Source;
    });

export interface OrgRow {
  label: string;
  total?: Quantity;
  cells: { grade: string; count: Quantity }[];
}

/** A table as the layout reader found it (shown by `parse`). */
export interface TableSummary {
  caption?: string;
  unit?: string;
  /** The first row's cells, joined with ` | ` (shortened past 120 characters). */
  header?: string;
  rows: number;
  /** Width of the widest row, spans counted. */
  columns: number;
  /** Cells as made: a merged cell counts once. */
  cells: number;
  headerRows: number;
  source: Source;
}

export interface DocumentMeta {
  /** The tables the layout reader found. */
  tables?: TableSummary[];
  excerpt?: string;
  status?: string;
  categories?: string[];
  tags?: string[];
  featuredImage?: string;
  /** Blog posts: slug, last-modified date and draft flag from the front matter. */
  slug?: string;
  updated?: string;
  draft?: boolean;
  strategies?: string[];
  vision?: string;
  schedule?: { task: string; name: string; timing: string; source: Source }[];
  organisation?: OrgRow[];
}

export interface PolicyDocument {
  file: string;
  kind: DocumentKind;
  /** Why the kind was chosen (the cues detection saw), or that it was forced. */
  kindReasons?: string[];
  title: string;
  issuer?: string;
  /** ISO date or date-time the document was issued / posted. */
  date?: string;
  /** The date figures are stated as of (`'20. 6. 30 현재`). */
  asOf?: string;
  fiscalPeriod?: string;
  /** The unit the document states money in (for display). */
  moneyUnit: string;
  programs: Program[];
  budgetLines: BudgetLine[];
  budgetTotals: BudgetTotal[];
  targets: Target[];
  series: Series[];
  claims: Claim[];
  meta: DocumentMeta;
}

export interface ParseResult {
  document: PolicyDocument;
  diagnostics: Diagnostic[];
}

export function emptyDocument(file: string, kind: DocumentKind, title: string): PolicyDocument {
  return {
    file,
    kind,
    title,
    moneyUnit: '원',
    programs: [],
    budgetLines: [],
    budgetTotals: [],
    targets: [],
    series: [],
    claims: [],
    meta: {},
  };
}
