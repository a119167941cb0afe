// CSV: the CONTRACT columns, header always, numbers unformatted with `.` decimals
// (percentages with two), empty cell for unknown. Text that a spreadsheet would
// run as a formula is defused. Written row by row: a large run never becomes one
// giant string.

import { stringify } from 'csv-stringify/sync';
import type { Cell, Column, CommandResult, TableResult } from '../commands/types.js';

/** Rows stringified per chunk (one write each). */
const CHUNK = 500;

/** A text cell starting with = + - @ tab or CR that is not a number gets a leading `'`. */
export function neutralizeFormula(value: string): string {
  if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value)) return `'${value}`;
  return value;
}

function csvCell(value: Cell, column: Column): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return column.kind === 'pct' ? value.toFixed(2) : String(value);
  }
  return neutralizeFormula(value);
}

export function* csvChunks(table: TableResult): Generator<string> {
  const columns = table.columns.filter((c) => !c.displayOnly);
  yield stringify([columns.map((c) => c.key)], { record_delimiter: '\n' });
  for (let i = 0; i < table.rows.length; i += CHUNK) {
    const records: string[][] = [];
    for (const r of table.rows.slice(i, i + CHUNK)) records.push(columns.map((c) => csvCell(r[c.key], c)));
    yield stringify(records, { record_delimiter: '\n' });
  }
}

export function renderCsvTable(table: TableResult): string {
  return [...csvChunks(table)].join('');
}

export function* renderCsvChunks(result: CommandResult, options: { bom: boolean }): Generator<string> {
  if (options.bom) yield '\uFEFF';
  for (const [i, table] of result.tables.entries()) {
    if (i > 0) yield '\n';
    yield* csvChunks(table);
  }
}

export function renderCsv(result: CommandResult, options: { bom: boolean }): string {
  return [...renderCsvChunks(result, options)].join('');
}
