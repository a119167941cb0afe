// `yoy`: one row per consecutive pair of points of every series (and of every
// budget category named in two years): from/to period and value, change, change %.
// Money is in 원; counts keep their noun. A range (`2천~4천만원`) has no single
// change, so its change cells stay empty.

import { formatQuantity } from '../extract/amounts.js';
import type { PolicyDocument, Series } from '../model/types.js';
import { sourceColumn, documentColumn, isContractPeriod, pageColumn, pageRef, pct2, sourceRef, type Column, type Command, type Row } from './types.js';

function seriesRows(doc: PolicyDocument, s: Series, moneyUnit: string): Row[] {
  const rows: Row[] = [];
  for (let i = 1; i < s.points.length; i++) {
    const a = s.points[i - 1]!;
    const b = s.points[i]!;
    const ranged = a.max !== undefined || b.max !== undefined;
    const change = ranged ? undefined : Math.round((b.value - a.value) * 1e6) / 1e6;
    rows.push({
      document: doc.file,
      strategy: s.group ?? '(no strategy)',
      indicator: s.indicator,
      unit: s.unit,
      // The period columns hold contract periods only (`YYYY`, `YYYY-H1`); a change printed
      // without years (`21분 → 17분`: before/after) leaves them empty and names its ends in
      // the trailing label columns.
      from_period: isContractPeriod(a.period) ? a.period : '',
      to_period: isContractPeriod(b.period) ? b.period : '',
      from_label: isContractPeriod(a.period) ? '' : a.period,
      to_label: isContractPeriod(b.period) ? '' : b.period,
      from_when: a.period,
      to_when: b.period,
      from_value: a.value,
      to_value: b.value,
      change,
      change_pct: ranged ? undefined : pct2(change, a.value),
      from: formatQuantity(a.value, s.unit, moneyUnit, a.max),
      to: formatQuantity(b.value, s.unit, moneyUnit, b.max),
      change_text: change === undefined ? '' : (change > 0 ? '+' : '') + formatQuantity(change, s.unit, moneyUnit),
      source: sourceRef(b.source),
      page: pageRef(b.source),
      from_source: sourceRef(a.source),
      to_source: sourceRef(b.source),
      from_page: pageRef(a.source),
      to_page: pageRef(b.source),
    });
  }
  return rows;
}

export const yoy: Command = ({ documents, options }) => {
  const needle = options.indicator?.replace(/\s+/g, '').toLowerCase();
  const rows = documents.flatMap((doc) =>
    doc.series
      .filter((s) => !needle || s.indicator.replace(/\s+/g, '').toLowerCase().includes(needle))
      .flatMap((s) => seriesRows(doc, s, options.unit ?? doc.moneyUnit)),
  );
  const single = new Set(documents.map((d) => d.file)).size <= 1;
  const columns: Column[] = [
    documentColumn(single),
    { key: 'strategy', label: 'strategy', kind: 'text', displayOnly: true },
    { key: 'indicator', label: 'indicator', kind: 'text' },
    { key: 'unit', label: 'unit', kind: 'text', machineOnly: true },
    { key: 'from_period', label: 'from', kind: 'text', machineOnly: true },
    { key: 'to_period', label: 'to', kind: 'text', machineOnly: true },
    // On screen a pair shows its ends as printed, dated or not (`2023`, `before`).
    { key: 'from_when', label: 'from', kind: 'text', displayOnly: true },
    { key: 'to_when', label: 'to', kind: 'text', displayOnly: true },
    { key: 'from_value', label: 'from value', kind: 'number', machineOnly: true },
    { key: 'to_value', label: 'to value', kind: 'number', machineOnly: true },
    { key: 'from', label: 'from value', kind: 'text', displayOnly: true },
    { key: 'to', label: 'to value', kind: 'text', displayOnly: true },
    { key: 'change', label: 'change', kind: 'number', machineOnly: true },
    { key: 'change_text', label: 'change', kind: 'text', displayOnly: true },
    { key: 'change_pct', label: 'change %', kind: 'pct' },
    sourceColumn(),
    pageColumn(),
    // A pair's two values may sit on different lines: each is cited.
    { key: 'from_source', label: 'from source', kind: 'text', machineOnly: true },
    { key: 'to_source', label: 'to source', kind: 'text', machineOnly: true },
    pageColumn('from_page'),
    pageColumn('to_page'),
  ];
  // Trailing, when some pair is not dated: what its ends are called (`before`, `after`).
  if (rows.some((r) => r.from_label !== '' || r.to_label !== '')) {
    columns.push({ key: 'from_label', label: 'from label', kind: 'text', machineOnly: true }, { key: 'to_label', label: 'to label', kind: 'text', machineOnly: true });
  }
  return { tables: [{ title: 'Year-over-year changes', columns, rows, groupKey: 'strategy' }] };
};

yoy.uses = ['series'];
