// The same document in two formats (a report as .txt and as .pdf) is one
// document: same kind, same title, and mostly the same figures. It is counted
// once (the text version is kept: its lines are the document's own, a PDF's are
// rebuilt), said once on stderr, and the two versions are compared figure by
// figure so a reading that differs is not silent. Pure.

import type { PolicyDocument } from '../model/types.js';

/** One figure of a document, compared by value (names are spelled differently by different readers). */
export interface Figure {
  key: string;
  /** What a person needs to find it: what it is, its value and its line. */
  label: string;
}

/**
 * A document's kind, title and figures. A large run keeps one per document until
 * every file is read, so the figures are two strings (keys, labels; NUL between
 * them) rather than an object per figure: they are unpacked only for documents
 * that share a title.
 */
export interface Fingerprint {
  kind: string;
  title: string;
  /** How many figures. */
  count: number;
  keys: string;
  labels: string;
}

const SEPARATOR = '\u0000';

export function packFigures(kind: string, title: string, figures: Figure[]): Fingerprint {
  return { kind, title, count: figures.length, keys: figures.map((f) => f.key).join(SEPARATOR), labels: figures.map((f) => f.label).join(SEPARATOR) };
}

function unpack(fp: Fingerprint): Figure[] {
  if (fp.count === 0) return [];
  const keys = fp.keys.split(SEPARATOR);
  const labels = fp.labels.split(SEPARATOR);
  return keys.map((key, i) => ({ key, label: labels[i] ?? '' }));
}

/** Share of the larger version's figures that must agree for two documents to be one. */
export const SAME_DOCUMENT_SHARE = 0.8;

const squeeze = (s: string) => s.replace(/\s+/g, '');
const at = (source: { file: string; line: number }) => `${source.file}:${source.line}`;

/** The figures of a full model (taken before a command drops the parts it does not read). */
export function fingerprintOf(doc: PolicyDocument, labels = true): Fingerprint {
  const keys: string[] = [];
  // Without labels (`--quiet` prints no notes) only the keys are kept: they decide what is
  // counted, and the labels (a string per figure, most of a fingerprint's cost) are not built.
  const names: string[] | undefined = labels ? [] : undefined;
  for (const l of doc.budgetLines) {
    const b = l.budget?.value ?? '';
    const e = l.executed?.value ?? '';
    keys.push(`line:${b}:${e}`);
    names?.push(`budget line ${l.program} (${b} / ${e} 원, ${at(l.source)})`);
  }
  for (const t of doc.budgetTotals) {
    keys.push(`total:${t.budget?.value ?? ''}:${t.executed?.value ?? ''}`);
    names?.push(`${t.label} (${t.budget?.value ?? ''} 원, ${at(t.source)})`);
  }
  for (const s of doc.series) {
    for (const p of s.points) {
      keys.push(`point:${p.period}:${p.value}`);
      names?.push(`${s.indicator} ${p.period} = ${p.value} (${at(p.source)})`);
    }
  }
  for (const t of doc.targets) {
    keys.push(`target:${t.targetYear ?? ''}:${t.target.value}`);
    names?.push(`target ${t.indicator} ${t.target.value} (${at(t.source)})`);
  }
  for (const p of doc.programs) {
    if (!p.totalBudget) continue;
    keys.push(`program:${p.totalBudget.value}`);
    names?.push(`${p.name} total ${p.totalBudget.value} 원 (${at(p.totalBudget.source)})`);
  }
  return { kind: doc.kind, title: squeeze(doc.title), count: keys.length, keys: keys.join(SEPARATOR), labels: names ? names.join(SEPARATOR) : '' };
}

/** Figures of `a` with no equal figure left in `b` (multiset difference). */
function missingFrom(a: Figure[], b: Figure[]): Figure[] {
  const counts = new Map<string, number>();
  for (const f of b) counts.set(f.key, (counts.get(f.key) ?? 0) + 1);
  const out: Figure[] = [];
  for (const f of a) {
    const n = counts.get(f.key) ?? 0;
    if (n > 0) counts.set(f.key, n - 1);
    else out.push(f);
  }
  return out;
}

export interface Duplicate {
  /** Index of the version kept. */
  kept: number;
  /** Index of the version dropped. */
  dropped: number;
  /** Figures only in the kept version, and only in the dropped one. */
  onlyInKept: Figure[];
  onlyInDropped: Figure[];
}

/** Formats a reader rebuilds lines for are kept second: a text version's lines are the document's own. */
function rank(file: string): number {
  return /\.(pdf|hwpx?)$/i.test(file) ? 1 : 0;
}

/**
 * The figures of each document of one title group as sorted ids (one numbering
 * for the group), so a pair is compared by one merge with nothing built per pair:
 * a large run has hundreds of documents under one title, and every pair is compared.
 */
function figureIds(prints: Fingerprint[]): Int32Array[] {
  const ids = new Map<string, number>();
  return prints.map((fp) => {
    const out = new Int32Array(fp.count);
    if (fp.count === 0) return out;
    fp.keys.split(SEPARATOR).forEach((key, i) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      out[i] = id;
    });
    return out.sort();
  });
}

/** How many figures two sorted id lists share, counted as multisets. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/**
 * Pairs of inputs that are one document. `entries[i]` is the file and its
 * fingerprint (undefined for an input that could not be read).
 */
export function findDuplicates(entries: ({ file: string; fingerprint: Fingerprint } | undefined)[]): Duplicate[] {
  const byTitle = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (!e || !e.fingerprint.title || e.fingerprint.count === 0) return;
    const key = `${e.fingerprint.kind}\u0000${e.fingerprint.title}`;
    const list = byTitle.get(key);
    if (list) list.push(i);
    else byTitle.set(key, [i]);
  });
  const out: Duplicate[] = [];
  for (const indices of byTitle.values()) {
    if (indices.length < 2) continue;
    const dropped = new Set<number>();
    const order = [...indices].sort((a, b) => rank(entries[a]!.file) - rank(entries[b]!.file) || a - b);
    const ids = figureIds(order.map((i) => entries[i]!.fingerprint));
    for (let x = 0; x < order.length; x++) {
      const kept = order[x]!;
      if (dropped.has(kept)) continue;
      for (let y = x + 1; y < order.length; y++) {
        const other = order[y]!;
        if (dropped.has(other)) continue;
        const need = SAME_DOCUMENT_SHARE * Math.max(ids[x]!.length, ids[y]!.length);
        // They cannot share more figures than the smaller one has.
        if (Math.min(ids[x]!.length, ids[y]!.length) < need || sharedCount(ids[x]!, ids[y]!) < need) continue;
        const a = unpack(entries[kept]!.fingerprint);
        const b = unpack(entries[other]!.fingerprint);
        dropped.add(other);
        out.push({ kept, dropped: other, onlyInKept: missingFrom(a, b), onlyInDropped: missingFrom(b, a) });
      }
    }
  }
  return out.sort((p, q) => p.dropped - q.dropped);
}

/** The one line that says two files are one document. */
export function duplicateNote(kept: string, dropped: string, counted: boolean): string {
  return `${dropped} is the same document as ${kept} (same kind, title and figures)${counted ? `: counted once, from ${kept}` : ''}`;
}

/** The line that warns the two versions read differently, or undefined when they agree. */
export function differenceNote(kept: string, dropped: string, d: Duplicate): string | undefined {
  const n = d.onlyInKept.length + d.onlyInDropped.length;
  if (n === 0) return undefined;
  const first = d.onlyInKept[0] ? `${kept} has ${d.onlyInKept[0].label}` : `${dropped} has ${d.onlyInDropped[0]!.label}`;
  return `warning: ${kept} and ${dropped} differ in ${n} figure${n > 1 ? 's' : ''} (${d.onlyInKept.length} only in the first, ${d.onlyInDropped.length} only in the second; e.g. ${first})`;
}
