// CSV: the CONTRACT columns, header always, numbers unformatted with `.` decimals,
// empty cell for unknown. Text that a spreadsheet would run as a formula is defused.

import { stringify } from 'csv-stringify/sync';
import type { Cell, CommandResult, TableResult } from '../commands/types.js';

/** A text cell starting with = + - @ tab or CR that is not a number gets a leading `'`. */
export function neutralizeFormula(value: string): string {
  if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value)) return `'${value}`;
  return value;
}

function csvCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutralizeFormula(value);
}

export function renderCsvTable(table: TableResult): string {
  const columns = table.columns.filter((c) => !c.displayOnly);
  const records = [columns.map((c) => c.key), ...table.rows.map((r) => columns.map((c) => csvCell(r[c.key])))];
  return stringify(records, { record_delimiter: '\n' });
}

export function renderCsv(result: CommandResult, options: { bom: boolean }): string {
  const body = result.tables.map(renderCsvTable).join('\n');
  return (options.bom ? '\uFEFF' : '') + body;
}
