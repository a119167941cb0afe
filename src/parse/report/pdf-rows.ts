// Rebuild a PDF's tables as tab-separated rows, so the same table readers serve
// text and PDF. pdf-parse's getTable() only finds tables drawn with stroked
// lines (this kind of report draws cell borders as filled rectangles), so rows
// come from text positions instead:
//  - a header line (budget, project list, yearly or organisation table) gives
//    the column positions; a following line of header words without figures is
//    its wrapped second line;
//  - a line with a figure in the table's key column (예산액, 사업비, the first
//    year) starts a row; text lines just below it are its cells' wrapped
//    continuations (cells are top-aligned), appended column by column;
//  - a repeated header (after a page break) resets the columns; a line that is
//    neither row nor continuation ends the table.

import type { Diagnostic } from '../../model/types.js';
import { mapColumns } from '../../extract/tables.js';
import { parseNumber, parsePercent } from '../../extract/amounts.js';
import { parseYearLabel } from '../../extract/periods.js';
import type { SourceLine } from '../lines.js';
import type { PdfItem } from '../../layout/pdf-text.js';
import { BUDGET_COLUMNS, isBudgetHeader } from './budget-table.js';
import { isProjectListHeader } from './projects.js';

/** How far left of a header word a cell may start (right-aligned numbers, padding). */
const TOLERANCE = 8;
/** A wrapped cell line sits within this many points below the line above it. */
const CONTINUATION_GAP = 16;
/** Rows of one table follow each other within this many points (on the same page). */
const ROW_GAP = 45;

interface Grid {
  xs: number[];
  key: number;
  /** Whether a continuation line may hold figures (organisation sub-rows are their own rows). */
}

function isFigure(text: string): boolean {
  const t = text.trim();
  return t === '-' || parseNumber(t) !== undefined || parsePercent(t) !== undefined;
}


/** Which column's figures mark a new row, for a header the report readers know; undefined if none. */
export function keyColumn(cells: string[]): number | undefined {
  if (isBudgetHeader(cells)) return mapColumns(cells, BUDGET_COLUMNS).budget;
  if (isProjectListHeader(cells)) {
    const i = cells.findIndex((c) => /^(사업비|총사업비|확보액|금액)/.test(c.replace(/\s+/g, '')));
    return i >= 0 ? i : undefined;
  }
  const years = cells.filter((c) => /^\d{4}\s*년?$/.test(c.trim()) && parseYearLabel(c));
  if (cells[0]?.replace(/\s+/g, '') === '구분' && years.length >= 2) return cells.findIndex((c) => /^\d{4}/.test(c));
  if (cells[0]?.replace(/\s+/g, '') === '구분' && cells[1] === '계') return 1;
  return undefined;
}

function columnOf(x: number, xs: number[]): number {
  let col = 0;
  for (let j = 0; j < xs.length; j++) if (x >= xs[j]! - TOLERANCE) col = j;
  return col;
}

/**
 * Split an item into its space-separated words with their estimated x: pdf.js
 * may hand two neighbouring cells over as one item (`1,500,000 450,000`).
 */
export function splitItem(item: PdfItem): { str: string; x: number }[] {
  const text = item.str;
  const words: { str: string; x: number }[] = [];
  const perChar = text.length > 0 ? item.width / text.length : 0;
  for (const m of text.matchAll(/\S+/g)) words.push({ str: m[0], x: item.x + (m.index ?? 0) * perChar });
  return words;
}

function cellsOf(items: PdfItem[], xs: number[]): string[] {
  const cells = xs.map(() => '');
  for (const item of items) {
    const words = splitItem(item);
    // Words of one item stay together unless they fall into different columns.
    for (const w of words) {
      const j = columnOf(w.x, xs);
      cells[j] = cells[j] ? `${cells[j]} ${w.str}` : w.str;
    }
  }
  return cells;
}

/** Append a wrapped line's cells to a row: Korean cell text wraps mid-word, so no space is added. */
function appendCells(row: string[], more: string[]): void {
  more.forEach((text, j) => {
    if (text) row[j] = (row[j] ?? '') + text;
  });
}

function tryHeader(lines: SourceLine[], i: number): { grid: Grid; used: number; cells: string[] } | undefined {
  const line = lines[i]!;
  if (!line.items || line.items.length < 3) return undefined;
  const xs = line.items.map((it) => it.x);
  const cells = cellsOf(line.items, xs);
  let used = 1;
  // A second header line (wrapped words, sub-headers) has no figures.
  const next = lines[i + 1];
  if (next?.items && next.page === line.page && next.y! - line.y! <= CONTINUATION_GAP && next.items.every((it) => !isFigure(it.str))) {
    const merged = [...cells];
    appendCells(merged, cellsOf(next.items, xs));
    if (keyColumn(merged) !== undefined) {
      const key = keyColumn(merged)!;
      return { grid: { xs, key }, used: 2, cells: merged };
    }
  }
  const key = keyColumn(cells);
  if (key === undefined) return undefined;
  used = 1;
  return { grid: { xs, key }, used, cells };
}

export function rebuildPdfRows(lines: SourceLine[], _file: string, _diagnostics: Diagnostic[]): SourceLine[] {
  const out: SourceLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = tryHeader(lines, i);
    if (!header) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let grid = header.grid;
    out.push({ ...lines[i]!, text: header.cells.join('\t') });
    i += header.used;
    let row: { line: SourceLine; cells: string[] } | undefined;
    // Wrapped text not yet given to a row. Cells are top-aligned (text wraps below
    // its figures) unless the first line under the header is text: then cells are
    // centred, and each wrapped line goes to the row whose figure line is nearer.
    let pending: { line: SourceLine; cells: string[] }[] = [];
    let centred: boolean | undefined;
    let last = lines[i - 1]!;
    const flush = () => {
      if (row) out.push({ ...row.line, text: row.cells.join('\t') });
      row = undefined;
    };
    const settle = (next: SourceLine | undefined) => {
      const before: string[][] = [];
      for (const p of pending) {
        const up = row && row.line.page === p.line.page ? p.line.y! - row.line.y! : Infinity;
        const down = next && next.page === p.line.page ? next.y! - p.line.y! : Infinity;
        if (row && up <= down) appendCells(row.cells, p.cells);
        else before.push(p.cells);
      }
      pending = [];
      return before;
    };
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.items?.length) break;
      const samePage = line.page === last.page;
      const gap = samePage ? line.y! - last.y! : 0;
      const again = tryHeader(lines, i);
      if (again) {
        settle(undefined);
        flush();
        grid = again.grid;
        out.push({ ...line, text: again.cells.join('\t') });
        i += again.used - 1;
        last = lines[i]!;
        continue;
      }
      if (/^\s*(※|□|○|#)/.test(line.text)) break;
      const cells = cellsOf(line.items, grid.xs);
      const startsRow = isFigure(cells[grid.key] ?? '') && (samePage ? gap <= ROW_GAP : true);
      const allFigures = line.items.every((it) => isFigure(it.str));
      // Decide the alignment on the first line that shows it: text before any named row
      // means centred cells; a row whose name sits on its figure line means top-aligned.
      // A total row (계) without a name decides nothing.
      if (centred === undefined) {
        if (!startsRow && !allFigures) centred = true;
        else if (startsRow && cells.some((c, j) => j !== grid.key && c !== '' && !isFigure(c) && !/^(총\s*계|합\s*계|계|소\s*계)$/.test(c.replace(/\s+/g, '')))) centred = false;
      }
      if (startsRow || (allFigures && row && samePage && gap <= ROW_GAP)) {
        const before = settle(line);
        flush();
        row = { line, cells: xsBlank(grid.xs) };
        for (const b of before) appendCells(row.cells, b);
        appendCells(row.cells, cells);
      } else if (samePage && (row || centred !== false) && gap <= (centred === false ? CONTINUATION_GAP : ROW_GAP)) {
        if (centred !== false) pending.push({ line, cells });
        else appendCells(row!.cells, cells);
      } else break;
      last = line;
    }
    settle(undefined);
    flush();
  }
  return out;
}

function xsBlank(xs: number[]): string[] {
  return xs.map(() => '');
}
