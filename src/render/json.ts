// JSON: the model (parse) or the rows unchanged, keyed by the CSV column names.
// Written piece by piece (document by document, row by row), byte for byte what
// JSON.stringify(value, null, 2) would give, so a large run never becomes one
// giant string. JSON Lines: one document or one row per line.

import type { CommandResult, TableResult } from '../commands/types.js';

export function tableRecords(table: TableResult): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  for (const row of table.rows) records.push(tableRecord(table, row));
  return records;
}

function tableRecord(table: TableResult, row: TableResult['rows'][number]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const c of table.columns) {
    if (c.displayOnly) continue;
    const v = row[c.key];
    record[c.key] = v === undefined || v === '' ? null : v;
  }
  return record;
}

/**
 * How many levels of arrays and objects are written piece by piece; deeper values
 * are written whole. Four reaches the items of a document's lists (one budget
 * line, one series), so one very large document is never one string either.
 */
const STREAM_DEPTH = 4;

function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** `JSON.stringify(value, null, 2)` in pieces. */
export function* jsonChunks(value: unknown, indent = '', depth = 0): Generator<string> {
  if (depth >= STREAM_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield whole(value, indent);
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      yield inner;
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonChunks(item, inner, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, inner, depth + 1);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

function jsonValue(result: CommandResult): unknown {
  if (result.json !== undefined) return result.json;
  if (result.tables.length === 1) return tableRecords(result.tables[0]!);
  return {
    sections: (result.sections ?? []).map((s) => ({
      title: s.title,
      lines: s.lines,
      ...(s.table ? { rows: tableRecords(s.table) } : {}),
    })),
    tables: result.tables.map((t) => ({ title: t.title ?? null, rows: tableRecords(t) })),
  };
}

export function* renderJsonChunks(result: CommandResult): Generator<string> {
  yield* jsonChunks(jsonValue(result));
  yield '\n';
}

export function renderJson(result: CommandResult): string {
  return [...renderJsonChunks(result)].join('');
}

/** JSON Lines: `parse` gives one document per line, tabular commands one row per line (every table's rows in turn). */
export function* renderJsonlChunks(result: CommandResult): Generator<string> {
  const json = result.json as { documents?: unknown[] } | undefined;
  if (json && Array.isArray(json.documents)) {
    for (const d of json.documents) yield JSON.stringify(d) + '\n';
    return;
  }
  for (const table of result.tables) for (const row of table.rows) yield JSON.stringify(tableRecord(table, row)) + '\n';
}
