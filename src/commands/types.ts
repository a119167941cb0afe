// What every command returns: named tables of rows (the CONTRACT columns), plus
// findings and notes. Renderers turn this into text; commands never print.

import type { Diagnostic, PolicyDocument, Severity, Source } from '../model/types.js';

/** How a cell is formatted: money is KRW and shown in the display unit in tables. */
export type CellKind = 'text' | 'krw' | 'number' | 'int' | 'pct' | 'rate-bar';

export interface Column {
  /** CSV/JSON key (CONTRACT.md column name). */
  key: string;
  /** Table/Markdown header. */
  label: string;
  kind: CellKind;
  /** Shown in table/md only (not part of the CSV contract). */
  displayOnly?: boolean;
  /** Left out of table/md (kept in CSV/JSON), e.g. the long `source`. */
  machineOnly?: boolean;
}

export type Cell = string | number | null | undefined;
export type Row = Record<string, Cell>;

export interface TableResult {
  title?: string;
  columns: Column[];
  rows: Row[];
  /** Total rows shown under a rule in table/md output; never in CSV/JSON. */
  totals?: Row[];
  /** Row key whose change starts a new block in table/md output (e.g. strategy group). */
  groupKey?: string;
  /** Money unit for table/md display when no --unit is given. */
  moneyUnit?: string;
  /** Table/md print nothing for it when it has no rows (the command says why in a note). */
  omitWhenEmpty?: boolean;
}

export interface Finding {
  document: string;
  severity: Severity;
  code: string;
  message: string;
  stated?: number | string;
  computed?: number | string;
  source?: Source;
  /** The figures the computed value came from, each with its place (JSON only). */
  operands?: { role: string; value: number; unit: string; step?: number; source: Source }[];
  /** Half-width of the interval within which stated and computed count as equal (printed precision of the stated figure and the inputs). */
  tolerance?: number;
  /** How a claim found its operands: same-sentence, table, previous-block. */
  resolution?: string;
}

export interface CommandResult {
  tables: TableResult[];
  /** Free lines (summary headings, key figures) rendered before the tables. */
  sections?: Section[];
  findings?: Finding[];
  /** For `parse`: the value printed as JSON. */
  json?: unknown;
  /** One-line remarks about the input for stderr (`file: no budget table`). */
  notes?: string[];
  /** For `report`: per-document figures the HTML renderer draws. */
  report?: import('./report.js').ReportData;
}

export interface Section {
  title: string;
  /** Heading level in Markdown (1 = `#`); default 2. A section's table title is one level below. */
  level?: number;
  lines: string[];
  table?: TableResult;
}

export interface CommandOptions {
  unit?: string;
  by?: string;
  sort?: string;
  group?: string;
  below?: number;
  indicator?: string;
  grep?: string;
  /** `check`: the least severe finding shown. */
  severity?: Severity;
  kind?: string;
  strict?: boolean;
  /** The output prints the tables only (CSV, JSON, JSON Lines of a one-table result): a command may skip what only its text sections show. */
  tablesOnly?: boolean;
}

export interface CommandInput {
  documents: PolicyDocument[];
  diagnostics: Map<string, Diagnostic[]>;
  options: CommandOptions;
}

export type Command = ((input: CommandInput) => CommandResult) & {
  /** The model parts the command reads; the CLI drops the rest after parsing each file, so memory stays bounded on large batches. */
  uses?: readonly ModelPart[];
  /** Set for a command built from each document's own figures (see PerDocument). */
  perDocument?: PerDocument;
};

/**
 * A command whose output is put together from what it reads in each document
 * alone (summary, check, report). `digest` runs where the document is parsed —
 * on a worker thread in a large run — and only its value travels back and is
 * kept, not the model. Structured-cloneable, so it can cross threads.
 */
export interface PerDocument<D = unknown> {
  digest(doc: PolicyDocument, diagnostics: Diagnostic[], options: CommandOptions): D;
  /** The result from the digests of the documents counted, in input order. */
  combine(digests: D[], options: CommandOptions): CommandResult;
}

/** The command over whole documents is the same two steps, so both paths print the same. */
export function perDocumentCommand<D>(steps: PerDocument<D>): Command {
  const command: Command = ({ documents, diagnostics, options }) =>
    steps.combine(
      documents.map((d) => steps.digest(d, diagnostics.get(d.file) ?? [], options)),
      options,
    );
  command.perDocument = steps as PerDocument;
  return command;
}

export type ModelPart = 'programs' | 'budgetLines' | 'budgetTotals' | 'targets' | 'series' | 'claims' | 'meta';

/** A document reduced to the parts a command reads. */
export function project(doc: PolicyDocument, uses: readonly ModelPart[] | undefined): PolicyDocument {
  if (!uses) return doc;
  const keep = new Set<string>(uses);
  return {
    ...doc,
    programs: keep.has('programs') ? doc.programs : [],
    budgetLines: keep.has('budgetLines') ? doc.budgetLines : [],
    budgetTotals: keep.has('budgetTotals') ? doc.budgetTotals : [],
    targets: keep.has('targets') ? doc.targets : [],
    series: keep.has('series') ? doc.series : [],
    claims: keep.has('claims') ? doc.claims : [],
    meta: keep.has('meta') ? doc.meta : {},
  };
}

/** A period as the CSV contract prints it: `YYYY`, `YYYY-H1`, `YYYY-H2`. */
export function isContractPeriod(period: string | undefined): boolean {
  return period !== undefined && /^\d{4}(?:-H[12])?$/.test(period);
}

/** Percent with two decimals, as the CSV contract wants (`15.76`). */
export function pct2(numerator: number | undefined, denominator: number | undefined): number | undefined {
  if (numerator === undefined || denominator === undefined || denominator === 0) return undefined;
  return Math.round((numerator / denominator) * 10000) / 100;
}

export function sourceRef(source: Source | undefined): string {
  return source ? `${source.file}:${source.line}` : '';
}

/** The PDF page of a source (1-based), empty for text documents: the `page` column beside `source`. */
export function pageRef(source: Source | undefined): number | undefined {
  return source?.page;
}

/** The trailing `page` column (CSV/JSON only): the PDF page of the row's source. */
export function pageColumn(key = 'page'): Column {
  return { key, label: key.replace('_', ' '), kind: 'int', machineOnly: true };
}

/** The `document` column: left out of table/md when the run has one document. */
export function documentColumn(single = false): Column {
  return { key: 'document', label: 'document', kind: 'text', ...(single ? { machineOnly: true } : {}) };
}

/** The `source` column (`file:line`): CSV/JSON only unless shown on purpose. */
export function sourceColumn(shown = false): Column {
  return { key: 'source', label: 'source', kind: 'text', ...(shown ? {} : { machineOnly: true }) };
}
