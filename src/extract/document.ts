// Every extractor over one layout: figures from tables (budget lines, totals,
// multi-year series, targets) and from prose (series, targets, claims). Every
// kind runs this; a kind only adds what is specific to it.

import type { BudgetLine, BudgetTotal, Claim, Diagnostic, Series, Target } from '../model/types.js';
import { forgetGrid, type Layout } from '../layout/types.js';
import { mergeContinuedTables } from '../layout/continuation.js';
import { figuresFromTables } from './table-figures.js';
import { extractProseFigures, type ProseFiguresOptions } from './prose-figures.js';
import { beforeAfterTables } from './table-before-after.js';
import { withTextMemo } from './memo.js';

export interface LayoutFigures {
  budgetLines: BudgetLine[];
  budgetTotals: BudgetTotal[];
  series: Series[];
  targets: Target[];
  claims: Claim[];
  diagnostics: Diagnostic[];
  /** The money unit most budget lines were declared in, for display. */
  moneyUnit?: string;
}

/** The document's year: the first four-digit year in its title area (`2024년도 … 추진실적`). */
export function documentYear(layout: Layout): string | undefined {
  for (const block of layout.blocks.slice(0, 12)) {
    if (block.type === 'table') continue;
    const m = /(20\d{2}|19\d{2})\s*(년|회계연도)/.exec(block.text);
    if (m) return m[1];
  }
  return undefined;
}

export function figuresFromLayout(layout: Layout, options: ProseFiguresOptions = {}): LayoutFigures {
  return withTextMemo(() => readFigures(layout, options));
}

function readFigures(layout: Layout, options: ProseFiguresOptions): LayoutFigures {
  const merged: Layout = { ...layout, blocks: mergeContinuedTables(layout.blocks) };
  const tables = figuresFromTables(merged);
  const beforeAfter = beforeAfterTables(merged.blocks);
  // The tables' grids are read; the prose readers build again the few they look at (a table above a sentence).
  for (const block of merged.blocks) if (block.type === 'table') forgetGrid(block);
  const year = options.year ?? documentYear(layout);
  const prose = extractProseFigures(merged, { ...options, ...(year ? { year } : {}) });
  const figures: LayoutFigures = {
    budgetLines: tables.budgetLines,
    budgetTotals: tables.budgetTotals,
    series: tables.series,
    targets: tables.targets,
    claims: prose.claims,
    diagnostics: tables.diagnostics,
  };
  for (const s of prose.series) figures.series.push(s);
  for (const s of beforeAfter) figures.series.push(s);
  for (const t of prose.targets) if (!tables.targets.some((k) => restates(t, k))) figures.targets.push(t);
  for (const d of prose.diagnostics) figures.diagnostics.push(d);
  const unit = dominantMoneyUnit(tables.budgetLines);
  if (unit) figures.moneyUnit = unit;
  return figures;
}

const compact = (s: string) => s.replace(/[\s()·\-]/g, '');

/**
 * A sentence restating a table's target (`2025년 목표 : 인증면적 1,010ha` under a
 * `2025(계획)` row of 1,010): the same value, unit and year, one indicator
 * name containing the other. Kept once, from the table, unless the sentence adds an actual.
 */
function restates(prose: Target, table: Target): boolean {
  if (prose.actual || prose.unit !== table.unit || prose.target.value !== table.target.value || prose.targetYear !== table.targetYear) return false;
  const a = compact(prose.indicator);
  const b = compact(table.indicator);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

const UNIT_SIZES: [string, number][] = [['조원', 1e12], ['억원', 1e8], ['백만원', 1e6], ['천원', 1e3]];

/** The unit that shows most budget amounts without losing digits: the largest whose multiple they all are. */
function dominantMoneyUnit(lines: BudgetLine[]): string | undefined {
  // Budget and executed amounts; a missing or zero amount is a multiple of every unit.
  const some = (v: number | undefined) => v !== undefined && v !== 0;
  const multiple = (v: number | undefined, size: number) => !some(v) || v! % size === 0;
  if (!lines.some((l) => some(l.budget?.value) || some(l.executed?.value))) return undefined;
  for (const [unit, size] of UNIT_SIZES) if (lines.every((l) => multiple(l.budget?.value, size) && multiple(l.executed?.value, size))) return unit;
  return '원';
}
