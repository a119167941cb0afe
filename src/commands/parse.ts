// `parse`: the normalized model of each document, with its diagnostics.

import { documentColumn, type Command } from './types.js';

export const SCHEMA_VERSION = 1;

export const parse: Command = ({ documents, diagnostics }) => ({
  tables: [
    {
      columns: [
        documentColumn(),
        { key: 'kind', label: 'kind', kind: 'text' },
        { key: 'title', label: 'title', kind: 'text' },
        { key: 'programs', label: 'programs', kind: 'int' },
        { key: 'budget_lines', label: 'budget lines', kind: 'int' },
        { key: 'series', label: 'series', kind: 'int' },
        { key: 'targets', label: 'targets', kind: 'int' },
        { key: 'claims', label: 'claims', kind: 'int' },
      ],
      rows: documents.map((d) => ({
        document: d.file,
        kind: d.kind,
        title: d.title,
        programs: d.programs.length,
        budget_lines: d.budgetLines.length,
        series: d.series.length,
        targets: d.targets.length,
        claims: d.claims.length,
      })),
    },
  ],
  json: {
    schemaVersion: SCHEMA_VERSION,
    documents: documents.map((d) => ({ ...d, diagnostics: diagnostics.get(d.file) ?? [] })),
  },
});
