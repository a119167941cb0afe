// Table helpers: tab-separated rows and mapping columns by what their header
// means rather than where they stand (unit declarations: units.ts). Pure.

import { cellText, withoutSpaces } from './text.js';

/** Cells of a tab-separated row, HTML inside cells reduced to text. */
export function splitCells(line: string): string[] {
  return line.split('\t').map(cellText);
}

/** What a column means, with the header words that say so. */
export type ColumnVocabulary<K extends string> = Record<K, RegExp>;

/**
 * Map header cells to meanings: the first header matching each meaning's
 * pattern wins, comparing without spaces (`잔 액` = `잔액`). Returns the column
 * index per meaning; meanings with no header are absent.
 */
export function mapColumns<K extends string>(
  headers: string[],
  vocabulary: ColumnVocabulary<K>,
): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  const taken = new Set<number>();
  // Each header squashed once, not once for every meaning tried on it.
  const squashed = headers.map(withoutSpaces);
  for (const key of Object.keys(vocabulary) as K[]) {
    const pattern = vocabulary[key];
    const index = squashed.findIndex((h, i) => !taken.has(i) && pattern.test(h));
    if (index >= 0) {
      result[key] = index;
      taken.add(index);
    }
  }
  return result;
}
