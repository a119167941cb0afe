// Rebuild table rows from a PDF's positioned text. Filled in below.
import type { Diagnostic } from '../../model/types.js';
import type { SourceLine } from '../lines.js';

export function rebuildPdfRows(lines: SourceLine[], _file: string, _diagnostics: Diagnostic[]): SourceLine[] {
  return lines;
}
