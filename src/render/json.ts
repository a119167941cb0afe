// JSON: the model (parse) or the rows unchanged, keyed by the CSV column names.

import type { CommandResult, TableResult } from '../commands/types.js';

export function tableRecords(table: TableResult): Record<string, unknown>[] {
  const columns = table.columns.filter((c) => !c.displayOnly);
  return table.rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const c of columns) {
      const v = row[c.key];
      record[c.key] = v === undefined || v === '' ? null : v;
    }
    return record;
  });
}

export function renderJson(result: CommandResult): string {
  if (result.json !== undefined) return JSON.stringify(result.json, null, 2) + '\n';
  if (result.tables.length === 1) {
    return JSON.stringify(tableRecords(result.tables[0]!), null, 2) + '\n';
  }
  const value = {
    sections: (result.sections ?? []).map((s) => ({
      title: s.title,
      lines: s.lines,
      ...(s.table ? { rows: tableRecords(s.table) } : {}),
    })),
    tables: result.tables.map((t) => ({ title: t.title ?? null, rows: tableRecords(t) })),
  };
  return JSON.stringify(value, null, 2) + '\n';
}
