// Budget execution tables (예산집행 현황) of a regional report, from tab-separated
// rows. Columns are found by header meaning (예산액/예산현액, 집행액/지출액, 잔액,
// 집행률/집행율, 비고), so column order and wording may vary. The group cell (구분)
// spans rows: an empty one continues the group above, also across a repeated
// header after a page break. A row that lost its leading empty cell is realigned
// on its first figure. 계/합계/소계 rows are kept as totals, not programs.

import type { BudgetLine, BudgetTotal, Diagnostic } from '../../model/types.js';
import { mapColumns, splitCells, type ColumnVocabulary } from '../../extract/tables.js';
import { collapseLetterSpacing, normalizeName } from '../../extract/names.js';
import { parseDate } from '../../extract/periods.js';
import { isBlankCell, moneyCell, percentQuantity, warning } from '../common.js';
import { parseNumber, parsePercent } from '../../extract/amounts.js';
import { sourceOf, type SourceLine } from '../lines.js';

export type BudgetColumn = 'rate' | 'unused' | 'remaining' | 'executed' | 'budget' | 'name' | 'group' | 'note';

/** Header words per meaning; the order matters (집행률 before 집행액, 집행잔액 before 집행). */
export const BUDGET_COLUMNS: ColumnVocabulary<BudgetColumn> = {
  rate: /(집행|지출|실행|소진)?[률율](\(%\))?$/,
  // 불용액 is what lapsed, not budget − executed (carry-overs are neither): its own meaning, never read as 잔액.
  unused: /불용(액)?(\(.*\))?$/,
  remaining: /(잔액|미집행액?)(\(.*\))?$/,
  executed: /^(집행액|지출액|집행실적|집행|지출|실집행액?)(\(.*\))?$/,
  budget: /^(예산현액|예산액|예산|배정액|계획액|사업비|총예산)(\(.*\))?$/,
  name: /^(사업명|세부사업명?|사업|내역사업명?|단위사업명?)$/,
  group: /^(구분|분야|부문|전략목표|전략)$/,
  note: /^(비고|교부일자?|비고\(교부일자\))/,
};

export interface BudgetTableResult {
  lines: BudgetLine[];
  totals: BudgetTotal[];
  diagnostics: Diagnostic[];
  /** Index after the last line read. */
  end: number;
}

const TOTAL_LABEL = /^(총\s*계|합\s*계|계|소\s*계|총\s*괄|total)$/i;

export function isBudgetHeader(cells: string[]): boolean {
  const map = mapColumns(cells, BUDGET_COLUMNS);
  return map.budget !== undefined && map.executed !== undefined && (map.name !== undefined || map.group !== undefined);
}

function cleanName(text: string): string {
  return collapseLetterSpacing(text.replace(/\n/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * How far a row's cells sit from the header's columns: a row that lost its
 * leading empty cell is shifted left by one. Each candidate shift is scored by
 * how many figure columns then hold what they should (amounts in 예산/집행/잔액,
 * a percentage in 집행률); no shift wins ties. Undefined if no figure is found.
 */
export function bestShift(cells: string[], columns: Partial<Record<BudgetColumn, number>>): number | undefined {
  // The five shifts look at the same few cells again and again: each cell is parsed at most once per reading.
  const amounts = new Map<number, boolean>();
  const rates = new Map<number, boolean>();
  const memo = (seen: Map<number, boolean>, read: (c: string) => boolean, i: number) => {
    let known = seen.get(i);
    if (known === undefined) seen.set(i, (known = cells[i] !== undefined && read(cells[i]!)));
    return known;
  };
  const isAmount = (i: number | undefined) => i !== undefined && memo(amounts, (c) => parseNumber(c) !== undefined, i);
  const isRate = (i: number | undefined) => i !== undefined && memo(rates, (c) => parsePercent(c) !== undefined, i);
  let best: { shift: number; score: number } | undefined;
  for (const shift of [0, -1, 1, -2, 2]) {
    const at = (col: number | undefined) => (col === undefined ? undefined : col + shift);
    const score =
      (isAmount(at(columns.budget)) ? 1 : 0) +
      (isAmount(at(columns.executed)) ? 1 : 0) +
      (isAmount(at(columns.remaining ?? columns.unused)) ? 1 : 0) +
      (isRate(at(columns.rate)) ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) best = { shift, score };
  }
  return best?.shift;
}

/**
 * Read a budget table starting at the header line `start`. Stops at the first
 * line that is neither a row, a blank line between page parts, nor a repeated header.
 */
export function readBudgetTable(
  file: string,
  lines: SourceLine[],
  start: number,
  unit: string,
): BudgetTableResult {
  const result: BudgetTableResult = { lines: [], totals: [], diagnostics: [], end: start + 1 };
  let columns = mapColumns(splitCells(lines[start]!.text), BUDGET_COLUMNS);
  let group: string | undefined;
  let blankRun = 0;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (text.trim() === '') {
      // Blank lines separate page parts of one table; many in a row end it.
      if (++blankRun > 3) break;
      continue;
    }
    if (!text.includes('\t')) {
      // A page header or a note between parts; the table goes on if a header or row follows soon.
      if (++blankRun > 3 || /^\s*(#|□|※|-\s)/.test(text)) break;
      continue;
    }
    blankRun = 0;
    const cells = splitCells(text);
    // Only a row without digits can be a repeated header.
    if (!/\d/.test(text) && isBudgetHeader(cells)) {
      columns = mapColumns(cells, BUDGET_COLUMNS);
      continue;
    }
    const shift = bestShift(cells, columns);
    if (shift === undefined) {
      result.diagnostics.push(warning('budget-row-unread', 'budget table row without figures was skipped', sourceOf(file, line)));
      continue;
    }
    const at = (col: number | undefined) => (col === undefined ? undefined : cells[col + shift]);
    const source = sourceOf(file, line);
    const groupCell = columns.group !== undefined && columns.group + shift >= 0 ? at(columns.group) : undefined;
    const nameCell = columns.name !== undefined && columns.name + shift >= 0 ? at(columns.name) : undefined;
    if (shift !== 0) {
      result.diagnostics.push({
        severity: 'info',
        code: 'budget-row-realigned',
        message: `row has ${cells.length} cells where the header has more; realigned on its first figure (group continues)`,
        source,
      });
    }
    const budget = moneyCell(at(columns.budget), unit, source);
    const executed = moneyCell(at(columns.executed), unit, source);
    const remaining = moneyCell(at(columns.remaining), unit, source);
    const unused = moneyCell(at(columns.unused), unit, source);
    // A 집행률 column holds percentages whether or not each cell repeats the `%` (`73.1` under `집행률`).
    const rateCell = at(columns.rate)?.trim();
    const statedRate = rateCell ? (percentQuantity(rateCell, source) ?? (/^\d{1,3}(\.\d+)?$/.test(rateCell) ? percentQuantity(`${rateCell}%`, source) : undefined)) : undefined;
    for (const [label, cell, q] of [
      ['budget', at(columns.budget), budget],
      ['executed', at(columns.executed), executed],
    ] as const) {
      if (!q && !isBlankCell(cell)) {
        result.diagnostics.push(warning('number-unreadable', `${label} cell "${cell}" is not a number`, source));
      }
    }
    const groupText = groupCell && !isBlankCell(groupCell) ? cleanName(groupCell) : undefined;
    const nameText = nameCell && !isBlankCell(nameCell) ? cleanName(nameCell) : undefined;
    const label = nameText ?? groupText ?? '';
    if (TOTAL_LABEL.test((groupText ?? '').replace(/\s+/g, '')) || TOTAL_LABEL.test((nameText ?? '').replace(/\s+/g, ''))) {
      const total: BudgetTotal = { label: label.replace(/\s+/g, ''), source };
      const isSub = /소\s*계/.test(label) || (nameText !== undefined && groupText !== undefined);
      if (isSub && group) total.group = group;
      if (budget) total.budget = budget;
      if (executed) total.executed = executed;
      if (remaining) total.remaining = remaining;
      if (unused) total.unused = unused;
      if (statedRate) total.statedRate = statedRate;
      result.totals.push(total);
      continue;
    }
    if (groupText) group = groupText;
    if (!nameText) {
      result.diagnostics.push(warning('budget-row-unnamed', 'budget row without a program name was skipped', source));
      continue;
    }
    const row: BudgetLine = { program: nameText, normalizedName: normalizeName(nameText), source };
    if (group) row.group = group;
    if (budget) row.budget = budget;
    if (executed) row.executed = executed;
    if (remaining) row.remaining = remaining;
    if (unused) row.unused = unused;
    if (statedRate) row.statedRate = statedRate;
    const note = at(columns.note)?.trim();
    if (note && !isBlankCell(note)) {
      const date = parseDate(note);
      if (date) row.allocationDate = date;
      else {
        row.status = note;
        if (/^미\s*(교부|배정|집행\s*교부)/.test(note.replace(/\s+/g, ''))) row.unallocated = true;
      }
    }
    result.lines.push(row);
  }
  result.end = i;
  return result;
}
