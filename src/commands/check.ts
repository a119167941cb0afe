// `check`: the document's own figures against each other.
//  - totals: total/subtotal rows against the sum of their items; remaining = budget − executed;
//  - rates: a stated rate against the computed one. Consistent when it equals the
//    computed value rounded or truncated at the stated precision (truncation is
//    info); otherwise a warning, or an error when more than one point off;
//  - breakdowns: totals against stated parts; ratio claims;
//  - periods: stated months against the dates;
//  - growth claims (`48% 상승`) and cumulative series against stated additions.
// Unreadable figures reported while parsing come through as warnings.

import type { Claim, Diagnostic, PolicyDocument, Quantity, Severity, Source } from '../model/types.js';
import { formatQuantity } from '../extract/amounts.js';
import { sourceColumn, documentColumn, pageColumn, pageRef, sourceRef, type Column, type Command, type Finding, type Row } from './types.js';

/** Decimals the document printed a percentage with, as the parser recorded them. */
export function statedDecimals(q: Quantity): number {
  if (q.decimals !== undefined) return q.decimals;
  const s = String(q.value);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

export type RateVerdict = { severity?: Severity; how: 'rounded' | 'truncated' | 'off' };

/**
 * Compare a stated percentage with the computed one: equal when rounded → no
 * finding; equal when truncated → info; otherwise warning, or error past one point.
 */
export function judgeRate(stated: number, computed: number, decimals: number): RateVerdict {
  const f = 10 ** decimals;
  const eps = 1e-9;
  const rounded = Math.round(computed * f + eps) / f;
  const truncated = Math.trunc(computed * f + (computed >= 0 ? eps : -eps)) / f;
  if (Math.abs(rounded - stated) < eps) return { how: 'rounded' };
  if (Math.abs(truncated - stated) < eps) return { severity: 'info', how: 'truncated' };
  return { severity: Math.abs(stated - computed) > 1 ? 'error' : 'warning', how: 'off' };
}

function fmt2(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

/** The computed value with two digits more than the stated one, so the cut digits show (`77.2` vs `77.297`). */
export function showTruncation(computed: number, statedDecimals: number): string {
  return computed.toFixed(Math.max(2, statedDecimals + 2));
}

export interface CheckResult {
  findings: Finding[];
  /** How many checks were run and passed, to say what was verified. */
  checked: number;
  passed: number;
}

class Checker {
  findings: Finding[] = [];
  checked = 0;
  passed = 0;
  constructor(private doc: PolicyDocument) {}

  add(severity: Severity | undefined, code: string, message: string, stated: number | string | undefined, computed: number | string | undefined, source: Source | undefined): void {
    this.checked++;
    if (!severity) {
      this.passed++;
      return;
    }
    if (severity === 'info') this.passed++;
    const f: Finding = { document: this.doc.file, severity, code, message };
    if (stated !== undefined) f.stated = stated;
    if (computed !== undefined) f.computed = computed;
    if (source) f.source = source;
    this.findings.push(f);
  }

  money(v: number): string {
    return formatQuantity(v, '원', this.doc.moneyUnit);
  }

  rate(label: string, stated: Quantity, computed: number, code: string): void {
    const decimals = statedDecimals(stated);
    const v = judgeRate(stated.value, computed, decimals);
    const msg =
      v.how === 'truncated'
        ? `${label}: stated ${stated.value}% is the computed ${showTruncation(computed, decimals)}% truncated, not rounded`
        : `${label}: stated ${stated.value}% but the figures give ${fmt2(computed)}%`;
    this.add(v.severity, code, msg, stated.value, Number(fmt2(computed)), stated.source);
  }

  sum(label: string, total: number, parts: number, unit: string, source: Source, severity: Severity, code: string): void {
    const equal = Math.abs(total - parts) < 1e-6 * Math.max(1, Math.abs(total));
    const show = (v: number) => (unit === '원' ? this.money(v) : formatQuantity(v, unit, this.doc.moneyUnit));
    this.add(equal ? undefined : severity, code, `${label}: stated ${show(total)} but the parts add up to ${show(parts)}`, total, parts, source);
  }
}

function checkBudget(c: Checker, doc: PolicyDocument): void {
  for (const line of doc.budgetLines) {
    const { budget, executed, remaining, statedRate } = line;
    if (budget && executed && remaining) {
      c.sum(`${line.program} remaining (budget − executed)`, remaining.value, budget.value - executed.value, '원', line.source, 'error', 'remaining');
    }
    if (budget && executed && statedRate && budget.value !== 0) {
      c.rate(`${line.program} execution rate`, statedRate, (executed.value / budget.value) * 100, 'rate');
    }
  }
  for (const total of doc.budgetTotals) {
    const lines = total.group ? doc.budgetLines.filter((l) => l.group === total.group) : doc.budgetLines;
    const label = total.group ? `${total.label} (${total.group})` : total.label;
    const sum = (pick: (l: (typeof lines)[number]) => Quantity | undefined) => lines.reduce((s, l) => s + (pick(l)?.value ?? 0), 0);
    if (total.budget) c.sum(`${label} budget`, total.budget.value, sum((l) => l.budget), '원', total.source, 'error', 'total');
    if (total.executed) c.sum(`${label} executed`, total.executed.value, sum((l) => l.executed), '원', total.source, 'error', 'total');
    if (total.remaining) c.sum(`${label} remaining`, total.remaining.value, sum((l) => l.remaining ?? (l.budget && l.executed ? { ...l.budget, value: l.budget.value - l.executed.value } : undefined)), '원', total.source, 'error', 'total');
    if (total.statedRate && total.budget && total.executed && total.budget.value !== 0) {
      c.rate(`${label} execution rate`, total.statedRate, (total.executed.value / total.budget.value) * 100, 'rate');
    }
  }
}

function checkClaim(c: Checker, claim: Claim): void {
  switch (claim.kind) {
    case 'sum': {
      const parts = claim.parts.reduce((s, p) => s + p.amount.value, 0);
      c.sum(claim.label, claim.total.value, parts, claim.total.unit, claim.source, claim.inferred ? 'info' : 'error', claim.inferred ? 'breakdown-inferred' : 'breakdown');
      break;
    }
    case 'ratio': {
      if (claim.denominator.value === 0) break;
      c.rate(claim.label, claim.stated, (claim.numerator.value / claim.denominator.value) * 100, 'ratio');
      break;
    }
    case 'growth': {
      if (claim.from.value === 0) break;
      const computed = ((claim.to.value - claim.from.value) / claim.from.value) * 100;
      const label = `growth ${claim.fromPeriod ?? ''}→${claim.toPeriod ?? ''} (${c.money(claim.from.value)} → ${c.money(claim.to.value)})`.replace('(→)', '');
      c.rate(label, claim.stated, computed, 'growth');
      break;
    }
    case 'months': {
      const p = claim.period;
      if (p.statedMonths === undefined || p.months === undefined) break;
      const agree = p.statedMonths === p.months || p.statedMonths === p.months + 1 && !!p.start && !!p.end && partMonth(p.start, p.end);
      c.add(agree ? undefined : 'warning', 'months', `${claim.label}: stated ${p.statedMonths} months but ${p.start}–${p.end} is ${p.months} months`, p.statedMonths, p.months, claim.source);
      break;
    }
    case 'difference': {
      const computed = claim.minuend.value - claim.subtrahend.value;
      c.sum(claim.label, claim.stated.value, computed, claim.stated.unit, claim.source, 'error', 'series');
      break;
    }
  }
}

/** Whether a period ends part-way into a month relative to its start day. */
function partMonth(start: string, end: string): boolean {
  const sd = Number(start.slice(8, 10));
  const next = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 1, Number(end.slice(8, 10)) + 1));
  return next.getUTCDate() !== sd;
}

export function runChecks(doc: PolicyDocument, diagnostics: Diagnostic[]): CheckResult {
  const c = new Checker(doc);
  checkBudget(c, doc);
  for (const claim of doc.claims) checkClaim(c, claim);
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    c.findings.push({ document: doc.file, severity: d.severity, code: d.code, message: d.message, ...(d.source ? { source: d.source } : {}) });
  }
  return { findings: c.findings, checked: c.checked, passed: c.passed };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const check: Command = ({ documents, diagnostics }) => {
  const results = documents.map((d) => ({ doc: d, ...runChecks(d, diagnostics.get(d.file) ?? []) }));
  const findings = results.flatMap((r) => r.findings).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const rows: Row[] = findings.map((f) => ({
    document: f.document,
    severity: f.severity,
    code: f.code,
    message: f.message,
    stated: f.stated,
    computed: f.computed,
    source: sourceRef(f.source),
    page: pageRef(f.source),
  }));
  const single = documents.length <= 1;
  const columns: Column[] = [
    documentColumn(single),
    { key: 'severity', label: 'severity', kind: 'text' },
    { key: 'code', label: 'code', kind: 'text' },
    { key: 'message', label: 'message', kind: 'text' },
    { key: 'stated', label: 'stated', kind: 'number', machineOnly: true },
    { key: 'computed', label: 'computed', kind: 'number', machineOnly: true },
    sourceColumn(true),
    pageColumn(),
  ];
  const lines = results.map((r) => {
    const count = (s: Severity) => r.findings.filter((f) => f.severity === s).length;
    return `${r.doc.file}: ${r.checked} checks, ${r.passed} consistent · ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
  });
  return {
    sections: [{ title: 'Consistency checks', lines }],
    tables: [{ title: 'Findings', columns, rows }],
    findings,
  };
};
