// The catalogue of diagnostic codes: every code a reader or extractor may emit,
// with what it means. `Diagnostic.code` is typed by it, so an unknown or misspelt
// code does not compile. Documented in docs/CONTRACT.md ("Diagnostic codes").

import type { Diagnostic, Source } from './types.js';

export const DIAGNOSTIC_CODES = {
  // Front matter (blog posts)
  'front-matter': 'the front matter block could not be read as YAML/TOML/JSON; its fields are ignored',
  // Kind readers
  'output-unreadable': "an activity's output figure (`name : figure`) is neither a count with a unit nor a status word; not read",
  'subtotal-count': 'a subtotal row states a number of items (`부서(3건)`) other than the rows above it',
  'number-unreadable': 'a money cell of a project list is not a number; the amount is not read',
  'budget-table-missing': 'the document announces a budget execution table but no budget line could be read from it',
  'target-unreadable': 'a target item has no figure that could be read',
  // Prose extractors
  'claim-unresolved': 'a claim (growth, ratio, sum …) names no figures it could be checked against',
  'series-relative-year': 'a sequence labelled 전년/금년 was not read because the document year is unknown',
  // Table extractors
  'table-total-mismatch': 'a total row differs from the sum of the rows it totals beyond rounding',
  'table-total-rounding': 'a total row differs from the sum of its rows by rounding only',
  'table-settlement-mismatch': 'a settlement row does not add up (예산현액 ≠ 결산 + 이월 + 불용)',
  'table-formula-mismatch': 'a row breaks its own arithmetic (잔액 ≠ 예산 − 집행, or a rate ≠ 집행/예산) beyond rounding',
  'table-formula-rounding': "a row's arithmetic holds by rounding only",
  'table-achievement-mismatch': 'a printed achievement rate is not actual/target',
  'table-cell-several-numbers': 'a cell holds several numbers and no header says what each is; not read',
  'table-cell-unreadable': 'a figure cell is not a number; not read',
  'table-value-implausible': "a figure is implausible for its column (digits far from the column's, a rate over 1,000%); not used",
  'table-unit-missing': 'a table or row declares no unit for its figures; they are not read',
  'table-unit-by-agreement': 'a table without a unit takes the money unit of another table of the document that prints the same amount for the same year',
  'table-alternative-breakdown': 'a row repeats a total above it and breaks the same money down another way; not counted again',
  'table-row-realigned': 'a row with fewer cells than its header was realigned on its figures',
  'table-header-misaligned': "a figure stands under no header; the table's figures are not read",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** A warning with its code, message and (when it has one) the place it is about. */
export function warning(code: DiagnosticCode, message: string, source?: Source): Diagnostic {
  return source ? { severity: 'warning', code, message, source } : { severity: 'warning', code, message };
}
