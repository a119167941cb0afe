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
