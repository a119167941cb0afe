// Terminal tables: columns aligned by display width (Hangul is two columns wide),
// numbers right-aligned, optional color. Returns a string; never prints.

import stringWidth from 'string-width';
import { Chalk } from 'chalk';
import type { CommandResult, Row, TableResult } from '../commands/types.js';
import { formatCell, headerLabel, isRightAligned, type HumanFormat } from './format.js';

export interface TableOptions {
  color: boolean;
  unit?: string;
}

/** Display width: ASCII is one column a character (fast path); anything else asks string-width. */
export function displayWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

function pad(text: string, width: number, right: boolean): string {
  const gap = Math.max(0, width - displayWidth(text));
  return right ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

export function renderTableResult(table: TableResult, options: TableOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const fmt: HumanFormat = { unit: options.unit ?? table.moneyUnit ?? '원' };
  const columns = table.columns.filter((c) => !c.machineOnly && c.key !== table.groupKey);
  const cellsOf = (row: Row) => columns.map((c) => formatCell(row[c.key], c, fmt));
  const header = columns.map((c) => headerLabel(c, fmt));
  const body = table.rows.map(cellsOf);
  const totals = (table.totals ?? []).map(cellsOf);
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...[...body, ...totals].map((cells) => displayWidth(cells[i] ?? ''))),
  );
  // Rate bars are colored by level once padded, so color never shifts a column.
  const tint = (text: string, i: number, row?: Row) => {
    const column = columns[i]!;
    const value = row?.[column.key];
    if (column.kind !== 'rate-bar' || typeof value !== 'number') return text;
    return value < 10 ? chalk.red(text) : value < 50 ? chalk.yellow(text) : chalk.green(text);
  };
  const line = (cells: string[], row?: Row) =>
    cells
      .map((cell, i) => tint(pad(cell, widths[i] ?? 0, isRightAligned(columns[i]!)), i, row))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out: string[] = [];
  if (table.title) out.push(chalk.bold(table.title));
  out.push(chalk.bold(line(header)), chalk.dim(rule));
  let group: unknown = Symbol('none');
  table.rows.forEach((row, i) => {
    if (table.groupKey && row[table.groupKey] !== group) {
      group = row[table.groupKey];
      out.push(chalk.cyan(`▸ ${String(group ?? '(no group)')}`));
    }
    out.push(line(body[i] ?? [], row));
  });
  if (totals.length > 0) {
    out.push(chalk.dim(rule));
    for (const t of totals) out.push(chalk.bold(line(t)));
  }
  if (table.rows.length === 0) out.push(chalk.dim('(no rows)'));
  return out.join('\n');
}

export function renderTable(result: CommandResult, options: TableOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const parts: string[] = [];
  for (const section of result.sections ?? []) {
    const lines = [chalk.bold.underline(section.title), ...section.lines];
    if (section.table) lines.push(renderTableResult(section.table, options));
    parts.push(lines.join('\n'));
  }
  for (const table of result.tables) parts.push(renderTableResult(table, options));
  return parts.join('\n\n') + '\n';
}
