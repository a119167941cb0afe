// Staff tables (정원/현원): the authorised and current headcount, by grade or
// by department. Either the rows are labelled 정원 and 현원 and the columns are
// grades (the first after the label being the row's total, 계), or the columns
// are headed 정원 and 현원 and the rows are grades or departments (a 계/합계 row
// giving the totals). Each headcount row becomes an OrgRow whose total can be
// checked against its parts.

import type { Claim, OrgRow, Quantity, Source } from '../model/types.js';
import { tableGrid, type TableBlock } from '../layout/types.js';
import { parseNumber } from '../extract/amounts.js';
import { withoutSpaces } from '../extract/text.js';

/** Headcount labels: authorised (정원) and current (현원) staff. */
const HEADCOUNT = /^(정원|현원)$/;
const TOTAL = /^(계|합계|총계|소계)$/;


function count(raw: string): number | undefined {
  const text = raw.trim();
  if (/^[-–—]$/.test(text)) return 0;
  return parseNumber(text.replace(/명$/, ''));
}

function head(value: number, source: Source): Quantity {
  return { value, unit: '명', source };
}

/**
 * The row naming the grades above a headcount row: the nearest row above it
 * whose cells after the first are words, not numbers (`구분 | 계 | 3급 | 4급 …`).
 * A staff table printed under an organisation chart shares its table with it.
 */
function headerAbove(grid: ReturnType<typeof tableGrid>, r: number, headerRows: number): ReturnType<typeof tableGrid>[number] {
  // Declared header rows name the columns from their first row (its merged cells span the sub-grades below).
  for (let k = r - 1; k >= headerRows; k--) {
    const line = grid[k]!;
    if (HEADCOUNT.test(withoutSpaces(line[0]?.text ?? ''))) continue;
    const rest = line.slice(1).map((c) => c.text.trim()).filter(Boolean);
    if (rest.length >= 2 && rest.every((t) => parseNumber(t) === undefined && !/^[-–—]$/.test(t))) return line;
  }
  return grid[0] ?? [];
}

/** Rows labelled 정원/현원, grades across, named by the header row above them. */
function rowsByLabel(table: TableBlock): OrgRow[] {
  const grid = tableGrid(table);
  const rows: OrgRow[] = [];
  grid.forEach((line, r) => {
    const label = withoutSpaces(line[0]?.text ?? '');
    if (r < table.headerRows || !HEADCOUNT.test(label)) return;
    const header = headerAbove(grid, r, Math.max(1, table.headerRows));
    const source = table.rows[r]!.source;
    const row: OrgRow = { label, cells: [] };
    const totalAt = header.findIndex((h, c) => c > 0 && TOTAL.test(withoutSpaces(h.text)));
    for (let c = 1; c < line.length; c++) {
      const cell = line[c]!;
      if (cell.spanned && cell.originRow !== r) continue;
      if (cell.spanned && cell.originCol !== c) continue;
      const value = count(cell.text);
      if (value === undefined || cell.text.trim() === '') continue;
      if (c === totalAt) row.total = head(value, source);
      else row.cells.push({ grade: withoutSpaces(header[c]?.text ?? '') || `col${c}`, count: head(value, source) });
    }
    rows.push(row);
  });
  return rows;
}

/** Columns headed 정원/현원, grades or departments down; the 계 row gives the totals. */
function columnsByLabel(table: TableBlock): OrgRow[] {
  const grid = tableGrid(table);
  const headerRows = Math.max(1, table.headerRows);
  const headerText = (c: number) => withoutSpaces(grid.slice(0, headerRows).map((line) => line[c]?.text ?? '').filter((t, i, all) => all.indexOf(t) === i).join(''));
  const width = grid[0]?.length ?? 0;
  const rows: OrgRow[] = [];
  for (let c = 1; c < width; c++) {
    const label = /(정원|현원)$/.exec(headerText(c))?.[1];
    if (!label || !HEADCOUNT.test(label)) continue;
    const row: OrgRow = { label, cells: [] };
    for (let r = headerRows; r < grid.length; r++) {
      const name = withoutSpaces(grid[r]![0]?.text ?? '');
      const value = count(grid[r]![c]?.text ?? '');
      if (value === undefined || name === '') continue;
      const source = table.rows[r]!.source;
      if (TOTAL.test(name)) row.total ??= head(value, source);
      else row.cells.push({ grade: name, count: head(value, source) });
    }
    if (row.total || row.cells.length) rows.push(row);
  }
  return rows;
}

/** A staff table's headcount rows, and a sum claim for each row with a total and two or more parts. */
export function readOrganisation(table: TableBlock): { rows: OrgRow[]; claims: Claim[] } {
  const byLabel = rowsByLabel(table);
  const rows = byLabel.length ? byLabel : columnsByLabel(table);
  const claims: Claim[] = [];
  for (const row of rows) {
    if (!row.total || row.cells.length < 2) continue;
    claims.push({
      kind: 'sum',
      label: `${row.label} 합계`,
      total: row.total,
      parts: row.cells.map((cell) => ({ label: cell.grade, amount: cell.count })),
      source: row.total.source,
    });
  }
  return { rows, claims };
}
