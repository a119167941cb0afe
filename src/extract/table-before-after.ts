// A table that compares a rule before and after a change, with one column for
// each (`항목 | 변경 전 | 변경 후`, `구분 | 현행 | 개정`, `기존 | 개선`): each row
// whose two cells hold figures of one unit is a before → after pair, read with
// the same figure rules as a change in prose (`월 11.6만원 → 월 20만원`). A row
// whose cells do not both read (`없음 | 신설`) gives nothing.

import type { Series } from '../model/types.js';
import { leadingGridRows, tableGrid, type Block, type TableBlock } from '../layout/types.js';
import { changePairs } from './prose-series.js';
import { withoutSpaces } from './text.js';

/** Header words of the column before the change and of the column after it (spaces removed). */
export const BEFORE_HEADERS = /^(변경전|개정전|개선전|조정전|종전|기존|현행|as-?is)$/i;
export const AFTER_HEADERS = /^(변경후|개정후|개선후|조정후|변경|개정|개선|개선안|개정안|조정|to-?be)$/i;


/** Cell text without Markdown emphasis (`**월 20만원**`). */
function plain(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

function beforeAfterColumns(header: string[]): { before: number; after: number } | undefined {
  const before = header.map((h) => BEFORE_HEADERS.test(withoutSpaces(h)));
  const after = header.map((h) => AFTER_HEADERS.test(withoutSpaces(h)));
  // Exactly one column of each: two 변경 columns would leave the pairing to a guess.
  if (before.filter(Boolean).length !== 1 || after.filter(Boolean).length !== 1) return undefined;
  const b = before.indexOf(true);
  const a = after.indexOf(true);
  return b < a ? { before: b, after: a } : undefined;
}

/** The before → after pairs of one table (none when it is not such a table). */
export function beforeAfterSeries(table: TableBlock): Series[] {
  // The header first: a table without the two columns (most) needs no grid of its body.
  const header = leadingGridRows(table, 1)[0]?.map((c) => c.text) ?? [];
  const columns = beforeAfterColumns(header);
  if (!columns) return [];
  const grid = tableGrid(table);
  // The row's name: the first column that is neither side.
  const labelColumn = header.findIndex((_, i) => i !== columns.before && i !== columns.after);
  if (labelColumn < 0 || labelColumn > columns.before) return [];
  const out: Series[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r]!;
    const label = plain(row[labelColumn]?.text ?? '');
    const from = plain(row[columns.before]?.text ?? '');
    const to = plain(row[columns.after]?.text ?? '');
    if (!label || !/\d/.test(from) || !/\d/.test(to)) continue;
    const pairs = changePairs(`${from} → ${to}`);
    // One pair spanning both cells, nothing else in them (`1만명` beside a word is not a figure pair).
    if (pairs.length !== 1) continue;
    const pair = pairs[0]!;
    const source = row[columns.before]!.source;
    out.push({
      indicator: label,
      unit: pair.unit,
      flags: [],
      points: [
        { period: 'before', value: pair.from, flags: [], source },
        { period: 'after', value: pair.to, flags: [], source },
      ],
      source,
    });
  }
  return out;
}

/** Before → after pairs from every table of the blocks. */
export function beforeAfterTables(blocks: Block[]): Series[] {
  const out: Series[] = [];
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    for (const s of beforeAfterSeries(block)) out.push(s);
  }
  return out;
}
