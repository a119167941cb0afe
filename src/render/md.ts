// Markdown: headings for sections (each at its level: `#` title, `##` per
// document, `###` within), GitHub tables with the same cell formatting as the
// terminal table (unit in the header), suitable for a CI job summary.

import type { CommandResult, Row, Section, TableResult } from '../commands/types.js';
import { columnDecimals, formatCell, headerLabel, isRightAligned, type HumanFormat } from './format.js';

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** A GitHub table; its title is a heading at `level` (default `###`). */
export function renderMdTable(table: TableResult, unit?: string, level = 3): string {
  if (table.omitWhenEmpty && table.rows.length === 0) return '';
  const columns = table.columns.filter((c) => !c.machineOnly);
  const u = unit ?? table.moneyUnit ?? '원';
  const fmt: HumanFormat = { unit: u, decimals: columnDecimals(columns, [table.rows, table.totals ?? []], u) };
  const row = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const cells = (r: Row) => columns.map((c) => formatCell(r[c.key], c, fmt));
  const lines: string[] = [];
  if (table.title) lines.push(`${'#'.repeat(Math.min(6, level))} ${table.title}`, '');
  lines.push(row(columns.map((c) => headerLabel(c, fmt))));
  lines.push(`|${columns.map((c) => (isRightAligned(c) ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of table.rows) lines.push(row(cells(r)));
  for (const t of table.totals ?? []) lines.push(row(cells(t).map((c) => (c ? `**${c}**` : c))));
  if (table.rows.length === 0) lines.push('', '_(no rows)_');
  return lines.join('\n');
}

/** A section's lines are a bullet list, except lines already Markdown (a list item, a heading, bold text). */
function mdLine(line: string): string {
  return line.startsWith('- ') || line.startsWith('#') || line.startsWith('**') ? line : `- ${line}`;
}

function renderSection(section: Section, unit: string | undefined): string {
  const level = section.level ?? 2;
  const lines = [`${'#'.repeat(level)} ${section.title}`, ''];
  // Under the page title, lines are a paragraph (the overall line); elsewhere a bullet list.
  for (const l of section.lines) lines.push(level === 1 ? l : mdLine(l));
  if (section.table) lines.push('', renderMdTable(section.table, unit, level + 1));
  return lines.join('\n');
}

export function renderMd(result: CommandResult, options: { unit?: string }): string {
  const parts: string[] = [];
  const shown = new Set<TableResult>();
  for (const section of result.sections ?? []) {
    parts.push(renderSection(section, options.unit));
    if (section.table) shown.add(section.table);
  }
  for (const table of result.tables) {
    if (shown.has(table)) continue;
    const text = renderMdTable(table, options.unit);
    if (text) parts.push(text);
  }
  return parts.length ? parts.join('\n\n') + '\n' : '';
}
