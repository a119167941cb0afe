// Grouping without copying: appending to a group is O(1), so grouping n items is O(n).

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Append every item of `items` to `list` without spreading (a spread of a large array overflows the call stack). */
export function pushAll<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}

/** The largest of `values` (-Infinity when none), like Math.max over the values, without spreading them into a call. */
export function maxOf(values: Iterable<number>): number {
  let m = -Infinity;
  for (const v of values) if (v > m || Number.isNaN(v)) m = Number.isNaN(m) ? m : v;
  return m;
}

/** The smallest of `values` (Infinity when none), like Math.min over the values, without spreading them into a call. */
export function minOf(values: Iterable<number>): number {
  let m = Infinity;
  for (const v of values) if (v < m || Number.isNaN(v)) m = Number.isNaN(m) ? m : v;
  return m;
}

const DIGITS_ONLY = /^[0-9]+$/;

/**
 * `a.localeCompare(b)`, without the collator when both are strings of digits (years):
 * the first localeCompare of a process builds ICU's collator, 6–13 ms of a one-document
 * run, and digits collate in code-unit order in every locale. Other texts go to localeCompare.
 */
export function compareText(a: string, b: string): number {
  if (DIGITS_ONLY.test(a) && DIGITS_ONLY.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
