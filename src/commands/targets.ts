// `targets`: each target with its unit, target value and year, and the actual
// and achievement % (actual ÷ target) where the document states an actual.

import { formatQuantity } from '../extract/amounts.js';
import { sourceColumn, documentColumn, pageColumn, pageRef, pct2, sourceRef, type Column, type Command, type Row } from './types.js';

export const targets: Command = ({ documents, options }) => {
  const needle = options.indicator?.replace(/\s+/g, '').toLowerCase();
  const rows: Row[] = documents.flatMap((doc) =>
    doc.targets.filter((t) => !needle || t.indicator.replace(/\s+/g, '').toLowerCase().includes(needle)).map((t) => ({
      document: doc.file,
      category: t.category,
      indicator: t.indicator,
      unit: t.unit,
      target_value: t.target.value,
      target_year: t.targetYear,
      actual_value: t.actual?.value,
      actual_period: t.actualPeriod,
      achievement_pct: pct2(t.actual?.value, t.target.value),
      target: formatQuantity(t.target.value, t.unit, options.unit ?? doc.moneyUnit),
      actual: t.actual ? formatQuantity(t.actual.value, t.unit, options.unit ?? doc.moneyUnit) : '',
      source: sourceRef(t.source),
      page: pageRef(t.source),
    })),
  );
  const single = new Set(documents.map((d) => d.file)).size <= 1;
  const columns: Column[] = [
    documentColumn(single),
    { key: 'category', label: 'category', kind: 'text' },
    { key: 'indicator', label: 'indicator', kind: 'text' },
    { key: 'unit', label: 'unit', kind: 'text', machineOnly: true },
    { key: 'target_value', label: 'target', kind: 'number', machineOnly: true },
    { key: 'target', label: 'target', kind: 'text', displayOnly: true },
    { key: 'target_year', label: 'by', kind: 'text' },
    { key: 'actual_value', label: 'actual', kind: 'number', machineOnly: true },
    { key: 'actual', label: 'actual', kind: 'text', displayOnly: true },
    { key: 'actual_period', label: 'as of', kind: 'text' },
    { key: 'achievement_pct', label: 'achieved %', kind: 'pct' },
    sourceColumn(),
    pageColumn(),
  ];
  return { tables: [{ title: 'Targets', columns, rows }] };
};

targets.uses = ['targets'];
