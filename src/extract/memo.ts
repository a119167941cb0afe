// A memo for the pure text readers (figures of a text, sequences of a text,
// sentences of a block list), alive only while one document is read.
//
// The prose extractors, the kind readers and the checks all read the same
// sentences and lines again and again (the figures of one sentence are read by
// the claims, the targets, the series…). Within `withTextMemo(read)` each reader
// computes a text once; outside it every call computes afresh. The memo is
// dropped when `read` returns, so nothing is kept from one document to the next.
//
// Readers must be pure and their results must not be mutated by callers: a
// memoized result is the same object at every call.

let active = false;
/** The memos filled while the current `withTextMemo` runs, to drop when it returns. */
const filled: { memo: Map<unknown, unknown> | undefined }[] = [];
/** Stands for an `undefined` result in a memo, so a miss costs one lookup, not two (`get`, then `has`). */
const UNDEFINED = Symbol('undefined');

/** Run `read` (synchronous) with the text readers memoized; a nested call shares the outer memo. */
export function withTextMemo<T>(read: () => T): T {
  if (active) return read();
  active = true;
  try {
    return read();
  } finally {
    active = false;
    for (const holder of filled) holder.memo = undefined;
    filled.length = 0;
  }
}

/** `reader` memoized by its one argument while a `withTextMemo` is running. */
export function memoized<K, R>(reader: (key: K) => R): (key: K) => R {
  // Each reader holds its own memo (no lookup of the reader's memo on every call).
  const holder: { memo: Map<unknown, unknown> | undefined } = { memo: undefined };
  return (key: K): R => {
    if (!active) return reader(key);
    let memo = holder.memo;
    if (memo === undefined) {
      memo = holder.memo = new Map();
      filled.push(holder);
    }
    const known = memo.get(key);
    if (known !== undefined) return (known === UNDEFINED ? undefined : known) as R;
    const result = reader(key);
    memo.set(key, result === undefined ? UNDEFINED : result);
    return result;
  };
}

/**
 * `reader` of a string memoized across documents, for readers of short texts that
 * recur everywhere (table headers, row names: `구분`, `계`, `2024년`, `국비`). Unlike
 * `memoized` the memo outlives a document — the same few hundred header words come
 * back in every table of every document — so it is bounded: when it holds `limit`
 * texts it starts afresh. Same rule as above: results are shared, never mutated.
 */
export function memoizedText<R>(reader: (text: string) => R, limit = 20_000): (text: string) => R {
  let memo = new Map<string, R>();
  return (text: string): R => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const result = reader(text);
    if (memo.size >= limit) memo = new Map();
    memo.set(unshared(text), typeof result === 'string' ? (unshared(result) as R) : result);
    return result;
  };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. A piece
 * cut from a longer string (a cell of a document's text) may point into it, and a
 * memo that outlives the document would keep the whole text alive: 1.2 MB a document
 * when 60 documents of 0.6M characters went through the header memos. V8 copies
 * pieces shorter than 13 characters anyway. Cutting a joined string flattens the
 * join into a fresh string first, so the piece points into that copy: a third of
 * the CPU of a JSON round trip, which the 68,000 row names of a long report paid.
 */
function unshared(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
