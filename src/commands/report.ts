// `report`: everything the HTML report shows, per document, taken from the other
// commands (budget by group and line items, yoy, targets, check) so the report
// and the terminal agree figure for figure. The key figures per document are also
// the command's table, so `report --format csv|json|md` prints them.

import type { Diagnostic, PolicyDocument, Series } from '../model/types.js';
import { budget, budgetSums } from './budget.js';
import { runChecks } from './check.js';
import { targets } from './targets.js';
import { yoy } from './yoy.js';
import { documentColumn, pct2, perDocumentCommand, type Command, type CommandOptions, type Finding, type Row, type TableResult } from './types.js';
import { DOCUMENT_FIGURE_COLUMNS } from './summary.js';

export interface ReportDocument {
  file: string;
  kind: string;
  title: string;
  period?: string;
  issuer?: string;
  asOf?: string;
  date?: string;
  /** The document's own money unit (used when no --unit is given). */
  moneyUnit: string;
  /** Sum of the line items, absent without budget lines. */
  total?: { budget: number; executed?: number | undefined; year?: string | undefined; rate?: number | undefined };
  /** `budget --by group` for this document (rows per group, one total). */
  byGroup?: TableResult;
  /** `budget` line items for this document. */
  lines?: TableResult;
  /** The series as read (each point is one point of its line chart). */
  series: Series[];
  /** `yoy` rows for this document. */
  changes: TableResult;
  /** `targets` rows for this document. */
  targets: TableResult;
  findings: Finding[];
  checked: number;
  passed: number;
}

export interface ReportData {
  documents: ReportDocument[];
  /** One row per document (the command's table). */
  summary: TableResult;
}

function reportDocument(doc: PolicyDocument, diagnostics: Diagnostic[], options: CommandOptions): ReportDocument {
  // Filters of other commands do not apply to the report: it shows the whole document.
  const one = { documents: [doc], diagnostics: new Map([[doc.file, diagnostics]]), options: { ...(options.unit ? { unit: options.unit } : {}) } };
  const checks = runChecks(doc, diagnostics);
  const r: ReportDocument = {
    file: doc.file,
    kind: doc.kind,
    title: doc.title,
    moneyUnit: doc.moneyUnit,
    series: doc.series,
    changes: yoy(one).tables[0]!,
    targets: targets(one).tables[0]!,
    findings: checks.findings,
    checked: checks.checked,
    passed: checks.passed,
  };
  if (doc.fiscalPeriod) r.period = doc.fiscalPeriod;
  if (doc.issuer) r.issuer = doc.issuer;
  if (doc.asOf) r.asOf = doc.asOf;
  if (doc.date) r.date = doc.date;
  if (doc.budgetLines.length) {
    const sums = budgetSums(doc.budgetLines);
    r.total = { ...sums, rate: sums.executed === undefined ? undefined : pct2(sums.executed, sums.budget) };
    r.byGroup = budget({ ...one, options: { ...one.options, by: 'group' } }).tables[0]!;
    r.lines = budget(one).tables[0]!;
  }
  return r;
}

const SEVERITIES = ['error', 'warning', 'info'] as const;

function summaryRow(d: ReportDocument): Row {
  const count = (s: string) => d.findings.filter((f) => f.severity === s).length;
  return {
    document: d.file,
    kind: d.kind,
    title: d.title,
    period: d.period ?? '',
    budget_krw: d.total?.budget,
    executed_krw: d.total?.executed,
    execution_rate_pct: d.total?.rate,
    series: d.series.length,
    targets: d.targets.rows.length,
    errors: count(SEVERITIES[0]),
    warnings: count(SEVERITIES[1]),
    infos: count(SEVERITIES[2]),
  };
}

function combineReport(docs: ReportDocument[], options: CommandOptions) {
  const summary: TableResult = {
    title: 'Documents',
    columns: [
      documentColumn(),
      { key: 'kind', label: 'kind', kind: 'text' },
      { key: 'title', label: 'title', kind: 'text' },
      { key: 'period', label: 'period', kind: 'text' },
      ...DOCUMENT_FIGURE_COLUMNS,
    ],
    rows: docs.map(summaryRow),
    moneyUnit: options.unit ?? docs.find((d) => d.total !== undefined)?.moneyUnit ?? '원',
  };
  return { tables: [summary], report: { documents: docs, summary } };
}

/** Each document's report page is its digest: the model is not kept. */
export const report: Command = perDocumentCommand({ digest: reportDocument, combine: combineReport });
