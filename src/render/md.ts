// Markdown: headings for sections, GitHub tables with the same cell formatting as
// the terminal table (unit in the header), suitable for a CI job summary.

import { pushAll } from '../extract/collections.js';
import type { CommandResult, Row, TableResult } from '../commands/types.js';
import { formatCell, headerLabel, isRightAligned, type HumanFormat } from './format.js';

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function renderMdTable(table: TableResult, unit?: string): string {
  const fmt: HumanFormat = { unit: unit ?? table.moneyUnit ?? '원' };
  const columns = table.columns.filter((c) => !c.machineOnly);
  const row = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const cells = (r: Row) => columns.map((c) => formatCell(r[c.key], c, fmt));
  const lines: string[] = [];
  if (table.title) lines.push(`### ${table.title}`, '');
  lines.push(row(columns.map((c) => headerLabel(c, fmt))));
  lines.push(`|${columns.map((c) => (isRightAligned(c) ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of table.rows) lines.push(row(cells(r)));
  for (const t of table.totals ?? []) lines.push(row(cells(t).map((c) => (c ? `**${c}**` : c))));
  if (table.rows.length === 0) lines.push('', '_(no rows)_');
  return lines.join('\n');
}

export function renderMd(result: CommandResult, options: { unit?: string }): string {
  const parts: string[] = [];
  for (const section of result.sections ?? []) {
    const lines = [`## ${section.title}`, ''];
    pushAll(lines, section.lines.map((l) => (l.startsWith('- ') || l.startsWith('#') ? l : `- ${l}`)));
    if (section.table) lines.push('', renderMdTable(section.table, options.unit));
    parts.push(lines.join('\n'));
  }
  for (const table of result.tables) parts.push(renderMdTable(table, options.unit));
  return parts.join('\n\n') + '\n';
}
