// `check`: the document's own figures against each other.
//  - totals: total/subtotal rows against the sum of their items; remaining = budget − executed;
//  - rates: a stated rate against the computed one;
//  - breakdowns: totals against stated parts; ratio, share, achievement and rate claims;
//  - periods: stated months against the dates;
//  - growth, percentage-point, multiple and count claims, and cumulative series
//    against stated additions.
// Severity policy (docs/check.md): every printed input stands for an interval
// (`9.6` → [9.55, 9.65), `13,500백만원` → ±0.5 백만원). Consistent when a rounding of
// the computed interval gives the stated figure; info when truncation or another
// rounding does; otherwise a warning when the claim's operands are ambiguous and
// an error only when they are not. Unreadable figures reported while parsing come
// through as warnings.

import type { Claim, Diagnostic, PolicyDocument, Quantity, Severity, Source } from '../model/types.js';
import { formatQuantity, MONEY_UNITS } from '../extract/amounts.js';
import { printedInterval, rangeOver, type Interval } from '../extract/printed.js';
import { sourceColumn, documentColumn, pageColumn, pageRef, perDocumentCommand, sourceRef, type Column, type Command, type Finding, type Row } from './types.js';

/** Decimals the document printed a percentage with, as the parser recorded them. */
export function statedDecimals(q: Quantity): number {
  if (q.decimals !== undefined) return q.decimals;
  const s = String(q.value);
  return s.includes('.') ? s.split('.')[1]!.length : 0;
}

export type RateVerdict = { severity?: Severity; how: 'rounded' | 'truncated' | 'off' };

const EPS = 1e-9;

/**
 * Compare a stated figure (printed with `decimals` digits) with the interval the
 * computation gives from the printed inputs:
 *  - some value of the interval rounds to the stated figure → consistent;
 *  - some value truncates to it (a different rounding: 15.76 printed 15.7) → info;
 *  - otherwise → warning when the operands are ambiguous, error when they are not.
 */
export function judgeStated(stated: number, decimals: number, computed: Interval, ambiguous = false): RateVerdict {
  const step = 10 ** -decimals;
  const meets = (lo: number, hi: number) => computed.lo <= hi + EPS * Math.max(1, Math.abs(hi)) && computed.hi >= lo - EPS * Math.max(1, Math.abs(lo));
  // A computed range (printed inputs) is open at its ends: 2.9 − 3.8 lies in (−1.0, −0.8), so a
  // band that only touches an end is not reached (−0.7 truncated covers [−0.8, −0.7]: no).
  const overlaps = (lo: number, hi: number) => Math.min(computed.hi, hi) - Math.max(computed.lo, lo) > EPS * Math.max(1, Math.abs(hi), Math.abs(lo));
  const reaches = (lo: number, hi: number) => (computed.hi > computed.lo ? overlaps(lo, hi) : meets(lo, hi));
  if (reaches(stated - step / 2, stated + step / 2)) return { how: 'rounded' };
  // Truncation moves toward zero: a stated 15.7 covers [15.7, 15.8) when positive.
  const trunc = stated >= 0 ? reaches(stated, stated + step) : reaches(stated - step, stated);
  if (trunc) return { severity: 'info', how: 'truncated' };
  return { severity: ambiguous ? 'warning' : 'error', how: 'off' };
}

/** A stated percentage against an exactly computed one (the inputs taken as exact). */
export function judgeRate(stated: number, computed: number, decimals: number, ambiguous = false): RateVerdict {
  return judgeStated(stated, decimals, { lo: computed, hi: computed }, ambiguous);
}

/** The computed value with two digits more than the stated one, so the cut digits show (`77.2` vs `77.297`). */
export function showTruncation(computed: number, statedDecimals: number): string {
  return computed.toFixed(Math.max(2, statedDecimals + 2));
}

function fmt2(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

/** Trailing zeros off: 0.050 → 0.05. */
function fmtTolerance(n: number): string {
  return Number(n.toPrecision(3)).toString();
}

export interface CheckResult {
  findings: Finding[];
  /** How many checks were run and passed, to say what was verified. */
  checked: number;
  passed: number;
}

/** Money values at or beyond this (1,000조원) are not budgets but numbers run together. */
const IMPLAUSIBLE_KRW = 1e15;

interface Operand {
  role: string;
  q: Quantity;
}

/**
 * The step of a figure whose reader recorded none: money is taken as printed in
 * the document's money unit (a 천원 table rounds to the 천원), or finer when the
 * value is not a whole number of it (`1.5억원` in a 억원 document → 1,000만원).
 * Other figures are exact.
 */
export function defaultStep(q: Quantity, moneyUnit: string): number | undefined {
  if (q.step !== undefined) return q.step;
  if (q.unit !== '원') return undefined;
  const scale = MONEY_UNITS[moneyUnit] ?? 1;
  let step = 1;
  while (step < scale && Number.isInteger(q.value / (step * 10))) step *= 10;
  return step === 1 ? undefined : step;
}

/** A value, or the function that makes it when it is needed. */
type Lazy<T> = T | (() => T);

function valueOf<T>(lazy: Lazy<T>): T {
  return typeof lazy === 'function' ? (lazy as () => T)() : lazy;
}

class Checker {
  findings: Finding[] = [];
  checked = 0;
  passed = 0;
  constructor(private doc: PolicyDocument) {}

  interval(q: Quantity): Interval {
    return printedInterval(q.value, defaultStep(q, this.doc.moneyUnit));
  }

  step(q: Quantity): number {
    return defaultStep(q, this.doc.moneyUnit) ?? 0;
  }

  /**
   * Count a check; keep a finding when it has a severity. The message and extra may be
   * given as functions: most checks pass, and a passing check's message is never read.
   */
  add(severity: Severity | undefined, code: string, message: Lazy<string>, stated: number | string | undefined, computed: number | string | undefined, source: Source | undefined, extra: Lazy<Partial<Finding>> = {}): void {
    this.checked++;
    if (!severity) {
      this.passed++;
      return;
    }
    if (severity === 'info') this.passed++;
    const f: Finding = { document: this.doc.file, severity, code, message: valueOf(message), ...valueOf(extra) };
    if (stated !== undefined) f.stated = stated;
    if (computed !== undefined) f.computed = computed;
    if (source) f.source = source;
    this.findings.push(f);
  }

  money(v: number): string {
    return formatQuantity(v, '원', this.doc.moneyUnit);
  }

  show(q: Quantity): string {
    return q.unit === '원' ? this.money(q.value) : formatQuantity(q.value, q.unit, this.doc.moneyUnit);
  }

  /** `12,853,628천원 (line 55), …`: the operands with their places, for the finding's message. */
  operands(ops: Operand[]): string {
    return ops.map((o) => `${o.role} ${this.show(o.q)} (${placeOf(o.q.source)})`).join(', ');
  }

  /** A finding's operands and tolerance as data (JSON) and as a message suffix. */
  details(ops: Operand[], tolerance: number, resolution?: string, ambiguous?: string): { suffix: string; extra: Partial<Finding> } {
    const parts = [];
    if (ops.length) parts.push(`operands: ${this.operands(ops)}${resolution && resolution !== 'same-sentence' ? ` [${resolution}]` : ''}`);
    parts.push(`tolerance ±${fmtTolerance(tolerance)}`);
    if (ambiguous) parts.push(`ambiguous: ${ambiguous}`);
    const extra: Partial<Finding> = {
      operands: ops.map((o) => ({ role: o.role, value: o.q.value, unit: o.q.unit, ...(o.q.step !== undefined ? { step: o.q.step } : {}), source: o.q.source })),
      tolerance,
    };
    if (resolution) extra.resolution = resolution;
    return { suffix: ` — ${parts.join('; ')}`, extra };
  }

  /** A stated percentage (or multiple) against `f` of the operands, each taken at its printed precision. */
  stated(label: Lazy<string>, stated: Quantity, f: (...xs: number[]) => number, ops: Operand[], code: string, unit: string, claim?: { resolution?: string; ambiguous?: string }): void {
    const decimals = statedDecimals(stated);
    const point = f(...ops.map((o) => o.q.value));
    const range = rangeOver(f, ops.map((o) => this.interval(o.q)));
    if (!Number.isFinite(point) || !range) return;
    const v = judgeStated(stated.value, decimals, range, !!claim?.ambiguous);
    if (!v.severity) {
      this.add(undefined, code, '', stated.value, undefined, undefined);
      return;
    }
    const tolerance = 10 ** -decimals / 2 + (range.hi - range.lo) / 2;
    const shown = `${stated.value}${unit}`;
    const msg =
      v.how === 'truncated'
        ? `${valueOf(label)}: stated ${shown} is the computed ${showTruncation(point, decimals)}${unit} truncated, not rounded`
        : `${valueOf(label)}: stated ${shown} but the figures give ${fmt2(point)}${unit}`;
    const d = this.details(ops, tolerance, claim?.resolution, claim?.ambiguous);
    this.add(v.severity, code, msg + d.suffix, stated.value, Number(fmt2(point)), stated.source, d.extra);
  }

  /** Whether parts add up to a stated total within the rounding of the printed figures. */
  sums(total: Quantity, parts: Quantity[]): boolean {
    if (parts.length === 0) return false;
    const sum = parts.reduce((s, p) => s + p.value, 0);
    const tolerance = this.step(total) / 2 + parts.reduce((s, p) => s + this.step(p) / 2, 0);
    return Math.abs(total.value - sum) <= tolerance + 1e-6 * Math.max(1, Math.abs(total.value));
  }

  /**
   * A stated total against its parts. Equal within the printed precision of all
   * of them → consistent; otherwise `severity`. A money figure of 1,000조원 or more
   * is numbers run together, not an amount: reported as such, never summed.
   */
  sum(label: Lazy<string>, total: Quantity, parts: Quantity[], source: Source, severity: Severity, code: string, claim?: { resolution?: string; ambiguous?: string }): void {
    const huge = [total, ...parts].find((q) => q.unit === '원' && Math.abs(q.value) >= IMPLAUSIBLE_KRW);
    if (huge) {
      this.add('warning', 'implausible-figure', `${valueOf(label)}: ${this.show(huge)} is not a plausible amount (several numbers run together?); not checked`, huge.value, undefined, huge.source);
      return;
    }
    const sum = parts.reduce((s, p) => s + p.value, 0);
    const tolerance = this.step(total) / 2 + parts.reduce((s, p) => s + this.step(p) / 2, 0);
    const diff = Math.abs(total.value - sum);
    const exact = diff < 1e-6 * Math.max(1, Math.abs(total.value));
    // A difference the rounding of the printed figures can explain is info, never an error.
    const withinRounding = !exact && diff <= tolerance + 1e-6 * Math.max(1, Math.abs(total.value));
    const unit = total.unit;
    const show = (v: number) => (unit === '원' ? this.money(v) : formatQuantity(v, unit, this.doc.moneyUnit));
    const sev: Severity | undefined = exact ? undefined : withinRounding ? 'info' : claim?.ambiguous && severity === 'error' ? 'warning' : severity;
    if (!sev) {
      this.add(undefined, code, '', total.value, sum, source);
      return;
    }
    const d = this.details([], tolerance, claim?.resolution, claim?.ambiguous);
    const message = withinRounding
      ? `${valueOf(label)}: stated ${show(total.value)}, the parts add up to ${show(sum)}: within the rounding of the printed figures`
      : `${valueOf(label)}: stated ${show(total.value)} but the parts add up to ${show(sum)}`;
    this.add(sev, code, message + d.suffix, total.value, sum, source, { ...d.extra, operands: parts.map((p) => ({ role: 'part', value: p.value, unit: p.unit, source: p.source })) });
  }
}

/** `line 55` or `p.3 line 12`. */
function placeOf(s: Source): string {
  return s.page !== undefined ? `p.${s.page} line ${s.line}` : `line ${s.line}`;
}

function negate(q: Quantity): Quantity {
  return { ...q, value: -q.value };
}

const pct = (n: number, d: number) => (n / d) * 100;

/**
 * When the stated rate agrees with executed ÷ (executed + 잔액) but not with the
 * budget column, the table has another base (예산현액 = 본예산 + 이월/추경) and the
 * budget column read is not it: the row is consistent with itself, so no error
 * is raised on a column the reader may have mistaken. Returns true when it said so.
 */
function otherBase(c: Checker, label: string, row: { budget?: Quantity; executed?: Quantity; remaining?: Quantity; statedRate?: Quantity; source: Source }): boolean {
  const { budget, executed, remaining, statedRate } = row;
  if (!budget || !executed || !remaining || !statedRate) return false;
  const base = executed.value + remaining.value;
  if (base === 0 || Math.abs(base - budget.value) <= c.step(budget) + c.step(executed) + c.step(remaining)) return false;
  const verdict = judgeRate(statedRate.value, (executed.value / base) * 100, statedDecimals(statedRate));
  if (verdict.severity) return false;
  c.add('info', 'budget-base', `${label}: the stated ${statedRate.value}% and the 잔액 agree with a base of ${c.money(base)} (executed + 잔액), not the budget column's ${c.money(budget.value)}: another column (예산현액?) is the base; rate and 잔액 not checked against it`, budget.value, base, row.source);
  return true;
}

function checkBudget(c: Checker, doc: PolicyDocument): void {
  for (const line of doc.budgetLines) {
    if (otherBase(c, line.program, line)) continue;
    const { budget, executed, remaining, statedRate } = line;
    // Only 잔액 is budget − executed; 불용액 (line.unused) excludes carried-over money, so it is not checked here.
    if (budget && executed && remaining) {
      c.sum(`${line.program} remaining (budget − executed)`, remaining, [budget, negate(executed)], line.source, 'error', 'remaining');
    }
    if (budget && executed && statedRate && budget.value !== 0) {
      c.stated(`${line.program} execution rate`, statedRate, pct, [{ role: 'executed', q: executed }, { role: 'budget', q: budget }], 'rate', '%');
    }
  }
  const tables = tablesOf(doc);
  for (const total of doc.budgetTotals) {
    const label = total.group ? `${total.label} (${total.group})` : total.label;
    const scope = totalScope(tables.get(tableKey(total)) ?? { lines: [], totals: [], groups: new Set() }, total);
    type Line = (typeof doc.budgetLines)[number];
    // Each column is checked over the first scope its parts add up in; none → over the likeliest scope, as ambiguous when several totals share the lines.
    const column = (what: string, stated: Quantity | undefined, pick: (l: Line) => Quantity | undefined) => {
      if (!stated) return;
      const partsOf = (lines: Line[]) => lines.map(pick).filter((q): q is Quantity => q !== undefined);
      const fits = scope.candidates.find((lines) => c.sums(stated, partsOf(lines)));
      const ambiguous = scope.ambiguous ? { ambiguous: scope.ambiguous } : undefined;
      c.sum(`${label} ${what}`, stated, partsOf(fits ?? scope.primary), total.source, 'error', 'total', fits ? undefined : ambiguous);
    };
    column('budget', total.budget, (l) => l.budget);
    column('executed', total.executed, (l) => l.executed);
    column('remaining', total.remaining, (l) => l.remaining ?? (l.budget && l.executed ? { ...l.budget, value: l.budget.value - l.executed.value } : undefined));
    if (total.statedRate && total.budget && total.executed && total.budget.value !== 0 && !otherBase(c, label, total)) {
      c.stated(`${label} execution rate`, total.statedRate, pct, [{ role: 'executed', q: total.executed }, { role: 'budget', q: total.budget }], 'rate', '%');
    }
  }
}

type DocLine = PolicyDocument['budgetLines'][number];
type DocTotal = PolicyDocument['budgetTotals'][number];

/** The lines and totals of one table and year, and the groups its lines name. */
interface TableFigures {
  lines: DocLine[];
  totals: DocTotal[];
  groups: Set<string>;
}

const tableKey = (x: { table?: number; year?: string }) => `${x.table ?? ''}|${x.year ?? ''}`;

/** Lines and totals by table and year, in one pass (a large report has thousands of totals). */
function tablesOf(doc: PolicyDocument): Map<string, TableFigures> {
  const map = new Map<string, TableFigures>();
  const get = (key: string) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = { lines: [], totals: [], groups: new Set() }));
    return t;
  };
  for (const l of doc.budgetLines) {
    const t = get(tableKey(l));
    t.lines.push(l);
    if (l.group !== undefined) t.groups.add(l.group);
  }
  for (const total of doc.budgetTotals) get(tableKey(total)).totals.push(total);
  return map;
}

/**
 * The lines a total may stand for, most likely first. A total sums the lines of
 * its own table and year (when the reader recorded them), of its group if it
 * has one; a group row read as a total (특별회계 above its accounts) sums the
 * lines it heads. A table that prints several totals of one year (기능별 합계,
 * 비목별 합계 …: the same money broken down several ways) gives each the lines
 * of its own section, after it or before it. A line printed with the same
 * figures as the line just above it is that line's only breakdown (a 내역사업
 * and its one 비목) and may be the same money counted twice. Ambiguous (so a
 * mismatch is a warning, not an error) when several totals share the lines;
 * the mismatch is then shown against the total's own section.
 */
function totalScope(table: TableFigures, total: DocTotal): { candidates: DocLine[][]; primary: DocLine[]; ambiguous?: string } {
  const inTable = table.lines;
  const heads = total.group === undefined && total.table !== undefined && table.groups.has(total.label);
  const lines = inTable.filter((l) => (heads ? l.group === total.label : !total.group || l.group === total.group));
  const candidates = [lines];
  const collapsed = withoutRepeats(lines);
  if (collapsed.length < lines.length) candidates.push(collapsed);
  if (total.table === undefined || heads) return { candidates, primary: lines };
  const siblings = table.totals.filter((t) => t.group === total.group && !(t.group === undefined && table.groups.has(t.label)));
  if (siblings.length < 2) return { candidates, primary: lines };
  const at = (s: Source) => (s.page ?? 0) * 1e6 + s.line;
  const here = at(total.source);
  const previous = siblings.reduce((m, t) => (at(t.source) < here ? Math.max(m, at(t.source)) : m), -Infinity);
  const next = siblings.reduce((m, t) => (at(t.source) > here ? Math.min(m, at(t.source)) : m), Infinity);
  const following = lines.filter((l) => at(l.source) > here && at(l.source) < next);
  const preceding = lines.filter((l) => at(l.source) < here && at(l.source) > previous);
  for (const section of [following, preceding]) {
    if (section.length === 0) continue;
    candidates.push(section);
    const once = withoutRepeats(section);
    if (once.length < section.length) candidates.push(once);
  }
  const primary = following.length ? following : preceding.length ? preceding : lines;
  return { candidates, primary, ambiguous: `the table prints ${siblings.length} totals for ${total.year ?? 'the same year'}; which rows each covers is not certain` };
}

/** Lines without those that repeat the figures of the line just above them. */
function withoutRepeats(lines: DocLine[]): DocLine[] {
  const same = (a?: Quantity, b?: Quantity) => (a === undefined) === (b === undefined) && (a === undefined || a.value === b!.value);
  return lines.filter((l, i) => {
    const above = lines[i - 1];
    return !(above && (l.budget || l.executed) && same(l.budget, above.budget) && same(l.executed, above.executed));
  });
}

const RATIO_CODES = { share: 'share', rate: 'rate', achievement: 'achievement' } as const;

function checkClaim(c: Checker, claim: Claim): void {
  switch (claim.kind) {
    case 'sum': {
      const severity: Severity = claim.inferred ? 'info' : 'error';
      c.sum(claim.label, claim.total, claim.parts.map((p) => p.amount), claim.source, severity, claim.inferred ? 'breakdown-inferred' : 'breakdown', claim);
      break;
    }
    case 'ratio':
    case 'share':
    case 'rate':
    case 'achievement': {
      if (claim.denominator.value === 0) break;
      const code = claim.kind === 'ratio' ? 'ratio' : RATIO_CODES[claim.kind];
      c.stated(claim.label, claim.stated, pct, [{ role: claim.kind === 'achievement' ? 'actual' : 'part', q: claim.numerator }, { role: claim.kind === 'achievement' ? 'target' : 'whole', q: claim.denominator }], code, '%', claim);
      break;
    }
    case 'growth': {
      if (claim.from.value === 0) break;
      // `growth '23→'24 (a → b)`; an undated claim is `growth (a → b)`, without a bare arrow.
      const periods = claim.fromPeriod || claim.toPeriod ? `${claim.fromPeriod ?? ''}→${claim.toPeriod ?? ''} ` : '';
      const label = () => `growth ${periods}(${c.show(claim.from)} → ${c.show(claim.to)})`;
      c.stated(label, claim.stated, (to, from) => ((to - from) / from) * 100, [{ role: 'to', q: claim.to }, { role: 'from', q: claim.from }], 'growth', '%', claim);
      break;
    }
    case 'points': {
      const label = () => `${claim.label}: change ${claim.fromPeriod ?? ''}→${claim.toPeriod ?? ''} (${c.show(claim.from)} → ${c.show(claim.to)})`.replace(' →)', ')');
      c.stated(label, claim.stated, (to, from) => to - from, [{ role: 'to', q: claim.to }, { role: 'from', q: claim.from }], 'points', '%p', claim);
      break;
    }
    case 'multiple': {
      if (claim.from.value === 0) break;
      const label = () => `${claim.label}: multiple (${c.show(claim.from)} → ${c.show(claim.to)})`;
      c.stated(label, claim.stated, (to, from) => to / from, [{ role: 'to', q: claim.to }, { role: 'from', q: claim.from }], 'multiple', '배', claim);
      break;
    }
    case 'count': {
      const n = claim.items.length;
      const sev: Severity | undefined = n === claim.stated.value ? undefined : claim.ambiguous ? 'warning' : 'error';
      const d = c.details([], 0, claim.resolution, claim.ambiguous);
      c.add(sev, 'count', `${claim.label}: stated ${claim.stated.value}${claim.stated.unit} but ${n} item(s) are listed${sev ? d.suffix : ''}`, claim.stated.value, n, claim.source, {
        ...d.extra,
        operands: claim.items.map((i) => ({ role: 'item', value: 1, unit: i.text, source: i.source })),
      });
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
      c.sum(claim.label, claim.stated, [claim.minuend, negate(claim.subtrahend)], claim.source, 'error', 'series', claim);
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

/** What check keeps of one document: its file and its checks. */
export type CheckDigest = CheckResult & { file: string };

function combineChecks(results: CheckDigest[]) {
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
    tolerance: f.tolerance === undefined ? undefined : Number(f.tolerance.toPrecision(4)),
    operands: f.operands?.map((o) => `${o.role}=${o.value}${o.unit === '원' ? '' : o.unit}@${sourceRef(o.source)}`).join(' '),
  }));
  const single = results.length <= 1;
  const columns: Column[] = [
    documentColumn(single),
    { key: 'severity', label: 'severity', kind: 'text' },
    { key: 'code', label: 'code', kind: 'text' },
    { key: 'message', label: 'message', kind: 'text' },
    { key: 'stated', label: 'stated', kind: 'number', machineOnly: true },
    { key: 'computed', label: 'computed', kind: 'number', machineOnly: true },
    sourceColumn(true),
    // Trailing CSV/JSON columns (CONTRACT: new columns only at the end).
    { key: 'tolerance', label: 'tolerance', kind: 'number', machineOnly: true },
    { key: 'operands', label: 'operands', kind: 'text', machineOnly: true },
    pageColumn(),
  ];
  const lines = results.map((r) => {
    const count = (s: Severity) => r.findings.filter((f) => f.severity === s).length;
    return `${r.file}: ${r.checked} checks, ${r.passed} consistent · ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
  });
  return {
    sections: [{ title: 'Consistency checks', lines }],
    tables: [{ title: 'Findings', columns, rows }],
    findings,
  };
}

export const check: Command = perDocumentCommand<CheckDigest>({
  digest: (doc, diagnostics) => ({ file: doc.file, ...runChecks(doc, diagnostics) }),
  combine: combineChecks,
});
