// `summary`: one page per document for terminals and CI job summaries: title and
// period, total budget/executed/rate, per-group rates, the five lowest-executing
// programs over a size threshold, unallocated programs (미교부), the largest
// year-over-year changes, target achievement, and check findings by severity.

import { formatQuantity } from '../extract/amounts.js';
import type { Diagnostic, PolicyDocument } from '../model/types.js';
import { budget, budgetSums, executionRate } from './budget.js';
import { runChecks, type CheckResult } from './check.js';
import { targets } from './targets.js';
import { yoy } from './yoy.js';
import { documentColumn, pct2, perDocumentCommand, type Column, type Command, type Finding, type CommandOptions, type Row, type Section, type TableResult } from './types.js';

/** A document's figures and findings, as the overview tables of `summary` and `report` show them. */
export const DOCUMENT_FIGURE_COLUMNS: Column[] = [
  { key: 'budget_krw', label: 'budget', kind: 'krw' },
  { key: 'executed_krw', label: 'executed', kind: 'krw' },
  { key: 'execution_rate_pct', label: 'rate %', kind: 'pct' },
  { key: 'series', label: 'series', kind: 'int' },
  { key: 'targets', label: 'targets', kind: 'int' },
  { key: 'errors', label: 'errors', kind: 'int' },
  { key: 'warnings', label: 'warnings', kind: 'int' },
  { key: 'infos', label: 'info', kind: 'int' },
];

/** Programs under this share of the document's total budget are left out of "lowest execution". */
const LOW_RATE_MIN_SHARE = 0.005;

function pick(table: TableResult, keys: string[], rows: Row[], title?: string): TableResult {
  const t: TableResult = { columns: table.columns.filter((c) => keys.includes(c.key)).map((c) => ({ ...c, machineOnly: false })), rows };
  if (title) t.title = title;
  if (table.moneyUnit) t.moneyUnit = table.moneyUnit;
  return t;
}

function money(v: number, unit: string): string {
  return formatQuantity(v, '원', unit);
}

function documentSections(doc: PolicyDocument, diagnostics: Diagnostic[], checks: CheckResult, options: CommandOptions): Section[] {
  const unit = options.unit ?? doc.moneyUnit;
  const one = { documents: [doc], diagnostics: new Map([[doc.file, diagnostics]]), options: { ...options, sort: undefined } as CommandOptions };
  const sections: Section[] = [];
  const head: string[] = [`kind: ${doc.kind}`, `file: ${doc.file}`];
  if (doc.issuer) head.push(`issuer: ${doc.issuer}`);
  if (doc.fiscalPeriod) head.push(`period: ${doc.fiscalPeriod}`);
  if (doc.asOf) head.push(`figures as of: ${doc.asOf}`);
  if (doc.date) head.push(`dated: ${doc.date}`);
  head.push(`programs: ${doc.programs.length}, budget lines: ${doc.budgetLines.length}, series: ${doc.series.length}, targets: ${doc.targets.length}`);
  sections.push({ title: doc.title, level: 2, lines: head });

  if (doc.budgetLines.length) {
    const { budget: total, executed, year } = budgetSums(doc.budgetLines);
    const byGroup = budget({ ...one, options: { ...one.options, by: 'group' } }).tables[0]!;
    const totalText = `total budget ${money(total, unit)}${year ? ` (${year})` : ''}`;
    sections.push({
      title: 'Budget execution',
      level: 3,
      lines: [executed === undefined ? `${totalText}, no executed amounts stated` : `${totalText}, executed ${money(executed, unit)}, rate ${executionRate(executed, total)?.toFixed(2)}%`],
      table: pick(byGroup, ['group', 'programs', 'budget_krw', 'executed_krw', 'execution_rate_pct'], byGroup.rows, 'By group'),
    });
    const lines = budget(one).tables[0]!;
    const low = lines.rows
      .filter((r) => typeof r.budget_krw === 'number' && r.budget_krw >= total * LOW_RATE_MIN_SHARE && typeof r.execution_rate_pct === 'number')
      .sort((a, b) => (a.execution_rate_pct as number) - (b.execution_rate_pct as number))
      .slice(0, 5);
    sections.push({
      title: 'Lowest execution',
      level: 3,
      lines: [`five lowest rates among programs with at least ${money(Math.ceil(total * LOW_RATE_MIN_SHARE), unit)} (${LOW_RATE_MIN_SHARE * 100}% of the total)`],
      table: pick(lines, ['program', 'group', 'budget_krw', 'executed_krw', 'execution_rate_pct'], low),
    });
    const unallocated = doc.budgetLines.filter((l) => l.unallocated);
    sections.push({
      title: 'Not yet allocated (미교부)',
      level: 3,
      lines: unallocated.length
        ? unallocated.map((l) => `${l.program} — ${money(l.budget?.value ?? 0, unit)} (${l.source.file}:${l.source.line})`)
        : ['none'],
    });
  }

  const described = doc.programs.filter((p) => p.details);
  if (described.length) {
    sections.push({
      title: 'Programs',
      level: 3,
      lines: [`${described.length} programs described`],
      table: {
        columns: [
          { key: 'program', label: 'program', kind: 'text' },
          { key: 'steps', label: 'steps', kind: 'int' },
          { key: 'documents', label: 'documents', kind: 'int' },
          { key: 'eligibility', label: 'eligibility', kind: 'int' },
          { key: 'agencies', label: 'agencies', kind: 'text' },
          { key: 'deadline', label: 'deadline', kind: 'text' },
        ],
        rows: described.map((p) => ({
          program: p.name,
          steps: p.details!.steps.length,
          documents: p.details!.documents.length,
          eligibility: p.details!.eligibility.length,
          agencies: p.details!.agencies.join(', '),
          deadline: p.details!.deadlines.map((d) => d.text).join('; '),
        })),
      },
    });
  }

  const changes = yoy(one).tables[0]!;
  if (changes.rows.length) {
    const top = [...changes.rows]
      .filter((r) => typeof r.change_pct === 'number')
      .sort((a, b) => Math.abs(b.change_pct as number) - Math.abs(a.change_pct as number))
      .slice(0, 8);
    sections.push({
      title: 'Largest year-over-year changes',
      level: 3,
      lines: [`${changes.rows.length} year pairs in ${doc.series.length} series; the ${top.length} largest changes:`],
      table: pick(changes, ['indicator', 'from_period', 'to_period', 'from', 'to', 'change_pct'], top),
    });
  }

  const t = targets(one).tables[0]!;
  if (t.rows.length) {
    const known = t.rows.filter((r) => typeof r.achievement_pct === 'number');
    sections.push({
      title: 'Targets',
      level: 3,
      lines: [`${t.rows.length} targets, ${known.length} with a stated actual`],
      table: pick(t, ['category', 'indicator', 'target', 'target_year', 'actual', 'achievement_pct'], t.rows),
    });
  }

  const count = (s: string) => checks.findings.filter((f) => f.severity === s).length;
  sections.push({
    title: 'Consistency checks',
      level: 3,
    lines: [
      `${checks.checked} checks, ${checks.passed} consistent: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`,
      ...checks.findings.filter((f) => f.severity === 'error').map((f) => `error: ${f.message} (${f.source ? `${f.source.file}:${f.source.line}` : f.document})`),
    ],
  });
  return sections;
}

/** What summary keeps of one document: its page, its row of key figures, its findings and its budget sums. */
export interface SummaryDigest {
  /** The document's page; none when the output prints tables only. */
  sections: Section[];
  row: Row;
  /**
   * Errors and warnings, each reduced to what the overall line and `--fail-on` read
   * (infos are counted in the row; the page lists the errors with their places).
   */
  findings: Finding[];
  /** Sums of the budget lines and the document's money unit, when it has budget lines. */
  budget?: { total: number; executed?: number | undefined; moneyUnit: string };
}

function summaryDigest(d: PolicyDocument, diagnostics: Diagnostic[], options: CommandOptions): SummaryDigest {
  // The document is checked once; its page and its row of key figures share the result.
  const checks = runChecks(d, diagnostics);
  const { budget: total, executed } = budgetSums(d.budgetLines);
  const has = d.budgetLines.length > 0;
  const stated = has && executed !== undefined;
  // CSV/JSON get the key figures as rows: one per document.
  const row: Row = {
    document: d.file,
    kind: d.kind,
    title: d.title,
    programs: d.programs.length,
    budget_krw: has ? total : undefined,
    executed_krw: stated ? executed : undefined,
    execution_rate_pct: stated ? pct2(executed, total) : undefined,
    series: d.series.length,
    targets: d.targets.length,
    errors: checks.findings.filter((f) => f.severity === 'error').length,
    warnings: checks.findings.filter((f) => f.severity === 'warning').length,
    infos: checks.findings.filter((f) => f.severity === 'info').length,
  };
  return {
    sections: options.tablesOnly ? [] : documentSections(d, diagnostics, checks, options),
    row,
    findings: checks.findings.filter((f) => f.severity !== 'info').map((f) => ({ document: f.document, severity: f.severity, code: f.code, message: f.message })),
    ...(has ? { budget: { total, executed, moneyUnit: d.moneyUnit } } : {}),
  };
}

/** The overall line a CI step summary opens with: documents, findings, total budget and execution. */
export function overallLine(digests: SummaryDigest[], findings: Finding[], unit: string): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [n(digests.length, 'document'), n(findings.filter((f) => f.severity === 'error').length, 'error'), n(findings.filter((f) => f.severity === 'warning').length, 'warning')];
  let total = 0;
  let executed = 0;
  // The budgets of the documents that state execution: the rate is over these alone.
  let executedOf = 0;
  let withBudget = 0;
  let withExecuted = 0;
  for (const { budget } of digests) {
    if (!budget) continue;
    withBudget++;
    total += budget.total;
    if (budget.executed === undefined) continue;
    withExecuted++;
    executed += budget.executed;
    executedOf += budget.total;
  }
  if (!withBudget) parts.push('no budget table');
  else {
    parts.push(`total budget ${money(total, unit)}`);
    if (withExecuted) parts.push(`executed ${money(executed, unit)}${executedOf !== total ? ` of ${money(executedOf, unit)}` : ''} (${executionRate(executed, executedOf)?.toFixed(2) ?? '–'}%)`);
  }
  return parts.join(' · ');
}

function combineSummary(digests: SummaryDigest[], options: CommandOptions) {
  const findings: Finding[] = [];
  for (const d of digests) for (const f of d.findings) findings.push(f);
  const documentPages: Section[] = [];
  for (const d of digests) for (const s of d.sections) documentPages.push(s);
  const table: TableResult = {
    title: 'Documents',
    columns: [
      documentColumn(),
      { key: 'kind', label: 'kind', kind: 'text' },
      { key: 'title', label: 'title', kind: 'text' },
      { key: 'programs', label: 'programs', kind: 'int' },
      ...DOCUMENT_FIGURE_COLUMNS,
    ],
    rows: digests.map((d) => d.row),
    moneyUnit: options.unit ?? digests.find((d) => d.budget)?.budget?.moneyUnit ?? '원',
  };
  const unit = table.moneyUnit ?? '원';
  const overall: Section = { title: 'policy-lens summary', level: 1, lines: [overallLine(digests, findings, unit)], table };
  return { sections: [overall, ...documentPages], tables: [table], findings };
}

export const summary: Command = perDocumentCommand({ digest: summaryDigest, combine: combineSummary });
