// Regional agency report (주요업무 추진상황): title and period, organisation
// table, budget size and its growth claim, activity outputs per strategy and
// task, project descriptions, new-project tables and budget execution tables.
// Works on text with tab tables; PDF lines are first rebuilt into rows (pdf-rows.ts).

import { emptyDocument, type Claim, type Diagnostic, type OrgRow, type ParseResult, type Program, type ProgramOutput, type Quantity, type Source } from '../../model/types.js';
import { parseCount, parseKoreanAmount, parseNumber } from '../../extract/amounts.js';
import { normalizeName } from '../../extract/names.js';
import { parseAsOf, parseYearLabel } from '../../extract/periods.js';
import { parseUnitDeclaration, splitCells } from '../../extract/tables.js';
import { decimalsOf, money, warning } from '../common.js';
import { plainText, sourceOf, type ParseInput, type SourceLine } from '../lines.js';
import { isBudgetHeader, readBudgetTable } from './budget-table.js';
import { isProjectListHeader, readProjectDescriptions, readProjectList, readYearlyTable } from './projects.js';
import { rebuildPdfRows } from './pdf-rows.js';
import { markdownizePdfLines } from '../pdf-structure.js';

const HALF_WORD: Record<string, string> = { 상반기: 'H1', 하반기: 'H2' };

function readTitle(lines: SourceLine[]): { title: string; date?: string; fiscalPeriod?: string } {
  let title = '';
  let date: string | undefined;
  for (const line of lines.slice(0, 80)) {
    const plain = plainText(line).replace(/\s+/g, ' ').trim();
    if (!date) {
      const d = /^(\d{4})\s*\.\s*(\d{1,2})\s*\.?$/.exec(plain);
      if (d) date = `${d[1]}-${d[2]!.padStart(2, '0')}`;
    }
    if (!title && /(추진\s*상황|추진\s*실적|업무\s*보고|업무\s*계획|사업\s*보고)/.test(plain) && plain.length < 80 && !/목\s*차/.test(plain)) {
      title = plain;
    }
  }
  const result: { title: string; date?: string; fiscalPeriod?: string } = { title: title || '(untitled report)' };
  if (date) result.date = date;
  const y = /(\d{4})\s*년도?\s*(상반기|하반기)?/.exec(title);
  if (y) result.fiscalPeriod = y[2] ? `${y[1]}-${HALF_WORD[y[2]]}` : y[1]!;
  return result;
}

const STATUS = /^(추진중|추진 중|수시|완료|예정|개최연기|연기|취소|미추진|진행중|준비중|검토중)$/;

/** `101명/1회`, `30명/추진중`, `895,464명, 2,036건 콘텐츠 공유` → quantities and statuses. */
export function readOutputValue(
  value: string,
): { quantities: { value: number; unit: string }[]; statuses: string[] } | undefined {
  const quantities: { value: number; unit: string }[] = [];
  const statuses: string[] = [];
  const parts = value.split(/\s*[/,]\s*/).filter(Boolean);
  for (const [index, part] of parts.entries()) {
    const trimmed = part.trim();
    const count = parseCount(trimmed) ?? (index > 0 ? parseCount(trimmed.split(/\s+/)[0] ?? '') : undefined);
    if (count && count.unit) quantities.push({ value: count.value, unit: count.unit });
    else if (STATUS.test(trimmed)) statuses.push(trimmed.replace(/\s+/g, ''));
    else return undefined;
  }
  return quantities.length || statuses.length ? { quantities, statuses } : undefined;
}

function outputsFrom(label: string, value: string, source: Source): ProgramOutput[] | undefined {
  const read = readOutputValue(value);
  if (!read) return undefined;
  const timing = /\((상반기|하반기)\)/.exec(label)?.[1];
  const clean = label.replace(/\((상반기|하반기)\)/, '').trim();
  const outputs: ProgramOutput[] = [];
  for (const q of read.quantities) {
    const o: ProgramOutput = { label: clean, quantity: { value: q.value, unit: q.unit, source }, source };
    if (timing) o.timing = timing;
    outputs.push(o);
  }
  for (const s of read.statuses) {
    const o: ProgramOutput = { label: clean, status: s, source };
    if (timing) o.timing = timing;
    outputs.push(o);
  }
  return outputs;
}

/** Activities (□ items) with their outputs, under strategy headings and numbered tasks. */
function readActivities(file: string, lines: SourceLine[], diagnostics: Diagnostic[]): Program[] {
  const programs: Program[] = [];
  let inSection = false;
  let group: string | undefined;
  let current: Program | undefined;
  lines.forEach((line, index) => {
    if (!inSection && !/전략/.test(line.text)) return;
    const marked = /^\s*#/.test(line.text);
    const plain = plainText(line).replace(/\s+/g, ' ').trim();
    // Plain-text exports mark no headings: a short line alone between blank lines, without
    // bullet, colon or figures, is one too.
    const alone = (lines[index - 1]?.text.trim() ?? '') === '' && (lines[index + 1]?.text.trim() ?? '') === '';
    const isHeading = marked || (alone && plain.length > 0 && plain.length <= 40 && !/[:：\t]/.test(plain) && !/^[-○·•※*<(]/.test(plain));
    if (!inSection) {
      if (isHeading && /전략\s*목표\s*별\s*추진\s*(상황|실적)/.test(plain)) inSection = true;
      return;
    }
    if (isHeading && /^(IV|Ⅳ|V|Ⅴ|VI|Ⅵ)\s*\./.test(plain)) {
      inSection = false;
      return;
    }
    if (isHeading && /^(여 건|여건|이 행 과 제|이행과제|추진\s*전략)$/.test(plain)) return;
    const item = /^(?:□\s*)?(.+?)\s*[:：]\s*(.+)$/.exec(plain);
    const isActivity = (plain.startsWith('□') || (marked && !/^[○\d]/.test(plain))) && item;
    if (isHeading && !item && !/^\d/.test(plain) && !plain.startsWith('□') && !plain.startsWith('○')) {
      group = plain;
      current = undefined;
      return;
    }
    if (isActivity && item) {
      const name = item[1]!.replace(/^□\s*/, '').trim();
      const source = sourceOf(file, line);
      current = { name, normalizedName: normalizeName(name), sources: [source], outputs: [] };
      if (group) current.group = group;
      const outs = outputsFrom(name, item[2]!, source);
      if (outs) current.outputs!.push(...outs);
      else diagnostics.push(warning('output-unreadable', `activity figure "${item[2]}" could not be read`, source));
      programs.push(current);
      return;
    }
    if (current && item && /^[-○·•]/.test(plain.replace(/^#+\s*/, ''))) {
      const label = item[1]!.replace(/^[-○·•]\s*/, '').trim();
      const outs = outputsFrom(label, item[2]!, sourceOf(file, line));
      if (outs) current.outputs!.push(...outs);
    }
  });
  return programs;
}

/** 정원/현원 rows under a `구분 | 계 | …` header: each row's total against its grades. */
function readOrganisation(file: string, lines: SourceLine[]): { rows: OrgRow[]; claims: Claim[] } {
  const rows: OrgRow[] = [];
  const claims: Claim[] = [];
  let header: string[] | undefined;
  for (const line of lines) {
    if (!line.text.includes('\t')) continue;
    const cells = line.text.split('\t').map((c) => c.trim());
    if (cells[0]?.replace(/\s+/g, '') === '구분' && cells[1] === '계') {
      header = cells;
      continue;
    }
    const label = cells[0]?.replace(/\s+/g, '');
    if (!header || (label !== '정원' && label !== '현원')) continue;
    const source = sourceOf(file, line);
    const total = parseNumber(cells[1] ?? '');
    const row: OrgRow = { label, cells: [] };
    if (total !== undefined) row.total = { value: total, unit: '명', source };
    for (let c = 2; c < cells.length; c++) {
      const raw = cells[c] ?? '';
      if (raw === '') continue;
      const value = raw === '-' ? 0 : parseNumber(raw);
      if (value === undefined) continue;
      row.cells.push({ grade: header[c] || `col${c}`, count: { value, unit: '명', source } });
    }
    rows.push(row);
    if (row.total && row.cells.length >= 2) {
      claims.push({
        kind: 'sum',
        label: `${label} 합계`,
        total: row.total,
        parts: row.cells.map((cell) => ({ label: cell.grade, amount: cell.count })),
        source,
      });
    }
  }
  return { rows, claims };
}

const GROWTH = /대비\s*([\d.,]+)\s*%\s*(상승|증가|늘어|성장|감소|하락|줄어)/;
const AMOUNT_IN_TEXT = /([\d][\d,]*(?:\.\d+)?\s*[천백만억조]*원)/;

interface PendingGrowth {
  stated: Quantity;
  fromYear?: string;
  toYear?: string;
  source: Source;
}

/** Growth claims: `… (12,853,628천원) 대비 48% 상승` against the amount stated just before. */
function readGrowthClaims(file: string, lines: SourceLine[]): { claims: Claim[]; pending: PendingGrowth[] } {
  const claims: Claim[] = [];
  const pending: PendingGrowth[] = [];
  let lastAmount: { q: Quantity; year?: string; index: number } | undefined;
  lines.forEach((line, index) => {
    const plain = plainText(line);
    const source = sourceOf(file, line);
    const growth = GROWTH.exec(plain);
    if (!growth) {
      const a = AMOUNT_IN_TEXT.exec(plain);
      if (a && /규모|총액|예산/.test(plain)) {
        const amount = parseKoreanAmount(a[1]!.replace(/\s+/g, ''));
        const year = /(\d{4})\s*년/.exec(plain)?.[1];
        if (amount) lastAmount = { q: money(amount.krw, source), index, ...(year ? { year } : {}) };
      }
      return;
    }
    const sign = /감소|하락|줄어/.test(growth[2]!) ? -1 : 1;
    const stated: Quantity = { value: sign * Number(growth[1]!.replace(/,/g, '')), unit: '%', decimals: decimalsOf(growth[1]!), source };
    const before = plain.slice(0, growth.index);
    // The base is the amount right before 대비; another amount earlier in the sentence is the new value
    // (`…14,800백만원은 전년(13,500백만원) 대비 9.6% 증가`), so a figure is never compared with itself.
    const amounts = [...before.matchAll(new RegExp(AMOUNT_IN_TEXT.source, 'g'))];
    const base = amounts[amounts.length - 1];
    const years = [...before.matchAll(/(\d{4})\s*년/g)].map((m) => m[1]!);
    const fromYear = years[years.length - 1];
    if (base && amounts.length >= 2) {
      const from = parseKoreanAmount(base[1]!.replace(/\s+/g, ''));
      const to = parseKoreanAmount(amounts[amounts.length - 2]![1]!.replace(/\s+/g, ''));
      if (from && to) {
        const claim: Claim = { kind: 'growth', stated, from: money(from.krw, source), to: money(to.krw, source), source, resolution: 'same-sentence' };
        const toYear = years[0];
        if (toYear) claim.toPeriod = toYear;
        if (/전년/.test(before) && toYear) claim.fromPeriod = String(Number(toYear) - 1);
        claims.push(claim);
        return;
      }
    }
    if (base && lastAmount && index - lastAmount.index <= 6) {
      const from = parseKoreanAmount(base[1]!.replace(/\s+/g, ''));
      if (from) {
        const claim: Claim = { kind: 'growth', stated, from: money(from.krw, source), to: lastAmount.q, source };
        if (fromYear) claim.fromPeriod = fromYear;
        if (lastAmount.year) claim.toPeriod = lastAmount.year;
        claims.push(claim);
        return;
      }
    }
    const p: PendingGrowth = { stated, source };
    if (fromYear) p.fromYear = fromYear;
    if (years[0] && years[0] !== fromYear) p.toYear = years[0];
    pending.push(p);
  });
  return { claims, pending };
}

function nearestUnit(lines: SourceLine[], index: number): { money?: string; units: string[] } {
  for (let i = index; i >= Math.max(0, index - 6); i--) {
    const decl = parseUnitDeclaration(lines[i]!.text);
    if (decl) return decl.money ? { money: decl.money, units: decl.units } : { units: decl.units };
  }
  return { units: [] };
}

export function parseReport(input: ParseInput): ParseResult {
  const { file } = input;
  const diagnostics: Diagnostic[] = [];
  const lines = input.origin === 'pdf' ? markdownizePdfLines(rebuildPdfRows(input.lines, file, diagnostics)) : input.lines;
  const head = readTitle(lines);
  const doc = emptyDocument(file, 'regional-report', head.title);
  if (head.date) doc.date = head.date;
  if (head.fiscalPeriod) doc.fiscalPeriod = head.fiscalPeriod;
  const issuer = lines.map((l) => /재단법인\s+([가-힣A-Za-z]+(?:원|재단|센터|진흥원))/.exec(l.text)?.[1]).find(Boolean);
  if (issuer) doc.issuer = issuer;

  const org = readOrganisation(file, lines);
  if (org.rows.length) doc.meta.organisation = org.rows;
  doc.claims.push(...org.claims);

  doc.programs.push(...readActivities(file, lines, diagnostics));
  const descriptions = readProjectDescriptions(file, lines);
  doc.programs.push(...descriptions.programs);
  doc.claims.push(...descriptions.claims);

  let moneyUnits = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.includes('\t')) {
      const asOf = parseAsOf(line.text);
      if (asOf && !doc.asOf) doc.asOf = asOf;
      continue;
    }
    const cells = splitCells(line.text);
    const unit = nearestUnit(lines, i);
    if (!/\d/.test(line.text) && isBudgetHeader(cells)) {
      const moneyUnit = unit.money ?? '원';
      if (!unit.money) diagnostics.push(warning('unit-missing', 'budget table has no (단위 : …) line; amounts read as 원', sourceOf(file, line)));
      const table = readBudgetTable(file, lines, i, moneyUnit);
      doc.budgetLines.push(...table.lines);
      doc.budgetTotals.push(...table.totals);
      diagnostics.push(...table.diagnostics);
      moneyUnits.set(moneyUnit, (moneyUnits.get(moneyUnit) ?? 0) + 10);
      i = table.end - 1;
      continue;
    }
    if (!/\d/.test(line.text) && isProjectListHeader(cells)) {
      const moneyUnit = unit.money ?? /\((천원|백만원|억원|원)\)/.exec(line.text)?.[1] ?? '원';
      const list = readProjectList(file, lines, i, moneyUnit);
      doc.programs.push(...list.programs);
      doc.claims.push(...list.claims);
      diagnostics.push(...list.diagnostics);
      moneyUnits.set(moneyUnit, (moneyUnits.get(moneyUnit) ?? 0) + 1);
      i = list.end - 1;
      continue;
    }
    const years = line.text.includes('년') ? cells.slice(1).filter((c) => /^\d{4}\s*년?$/.test(c.trim()) && parseYearLabel(c)) : [];
    if (years.length >= 2 && unit.units.length) {
      const heading = lines
        .slice(Math.max(0, i - 6), i)
        .map((l) => plainText(l))
        .reverse()
        .find((t) => /현황|실적/.test(t));
      const prefix = (heading ?? '').replace(/[<>]/g, '').replace(/연도별/, '').replace(/현황|실적/g, '').trim();
      const table = readYearlyTable(file, lines, i, unit.units, prefix || '연도별');
      doc.series.push(...table.series);
      i = table.end - 1;
    }
  }
  // A report that announces a budget table but yields no rows has lost it (a PDF whose
  // table could not be rebuilt, a table pasted without tabs): say so rather than report nothing.
  const announced = lines.find((l) => /예산\s*집행\s*(현황|실적)/.test(l.text) && !/\t/.test(l.text) && !/\d+\s*$/.test(l.text.trim()));
  if (announced && doc.budgetLines.length === 0) {
    diagnostics.push(
      warning('budget-table-missing', `the report announces a budget execution table but no rows could be read${input.origin === 'pdf' ? ' from the PDF' : ''}`, sourceOf(file, announced)),
    );
  }
  // The document's money unit is the one its budget tables use.
  doc.moneyUnit = [...moneyUnits.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '원';

  const growth = readGrowthClaims(file, lines);
  doc.claims.push(...growth.claims);
  for (const p of growth.pending) {
    // `신규사업 확보액 … 2019년 12월 대비 165% 상승`: compare the money series that has both years.
    const toYear = p.toYear ?? doc.fiscalPeriod?.slice(0, 4);
    const series = doc.series.find(
      (s) => s.unit === '원' && s.points.some((pt) => pt.period === p.fromYear) && s.points.some((pt) => pt.period === toYear),
    );
    const from = series?.points.find((pt) => pt.period === p.fromYear);
    const to = series?.points.find((pt) => pt.period === toYear);
    if (from && to) {
      doc.claims.push({
        kind: 'growth',
        stated: p.stated,
        from: { value: from.value, unit: '원', source: from.source },
        to: { value: to.value, unit: '원', source: to.source },
        fromPeriod: from.period,
        toPeriod: to.period,
        source: p.source,
      });
    } else {
      diagnostics.push(warning('claim-unresolved', `growth claim of ${p.stated.value}% names no figures it could be checked against`, p.source));
    }
  }
  return { document: doc, diagnostics };
}

