// The diagnostics the table extractor gives: one catalogue of codes with their
// severity, and the constructor every table module uses. Pure.

import type { Diagnostic, DiagnosticCode, Source } from '../model/types.js';

/** Diagnostic codes of this extractor, with their severity. */
export const TABLE_DIAGNOSTICS = {
  'table-total-mismatch': 'warning',
  'table-total-rounding': 'info',
  'table-settlement-mismatch': 'warning',
  'table-formula-mismatch': 'warning',
  'table-formula-rounding': 'info',
  'table-achievement-mismatch': 'warning',
  'table-cell-several-numbers': 'warning',
  'table-cell-unreadable': 'warning',
  'table-value-implausible': 'warning',
  'table-unit-missing': 'warning',
  'table-unit-by-agreement': 'info',
  'table-alternative-breakdown': 'info',
  'table-row-realigned': 'info',
  'table-header-misaligned': 'warning',
} as const satisfies Partial<Record<DiagnosticCode, Diagnostic['severity']>>;
export type TableDiagnosticCode = keyof typeof TABLE_DIAGNOSTICS;

export function diag(code: TableDiagnosticCode, message: string, source: Source, severity: Diagnostic['severity'] = TABLE_DIAGNOSTICS[code]): Diagnostic {
  return { severity, code, message, source };
}
