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

export interface Fingerprint {
  kind: string;
  title: string;
  figures: Figure[];
}

/** Share of the larger version's figures that must agree for two documents to be one. */
export const SAME_DOCUMENT_SHARE = 0.8;

const squeeze = (s: string) => s.replace(/\s+/g, '');
const at = (source: { file: string; line: number }) => `${source.file}:${source.line}`;

/** The figures of a full model (taken before a command drops the parts it does not read). */
export function fingerprintOf(doc: PolicyDocument): Fingerprint {
  const figures: Figure[] = [];
  for (const l of doc.budgetLines) {
    const b = l.budget?.value ?? '';
    const e = l.executed?.value ?? '';
    figures.push({ key: `line:${b}:${e}`, label: `budget line ${l.program} (${b} / ${e} 원, ${at(l.source)})` });
  }
  for (const t of doc.budgetTotals) {
    figures.push({ key: `total:${t.budget?.value ?? ''}:${t.executed?.value ?? ''}`, label: `${t.label} (${t.budget?.value ?? ''} 원, ${at(t.source)})` });
  }
  for (const s of doc.series) {
    for (const p of s.points) figures.push({ key: `point:${p.period}:${p.value}`, label: `${s.indicator} ${p.period} = ${p.value} (${at(p.source)})` });
  }
  for (const t of doc.targets) {
    figures.push({ key: `target:${t.targetYear ?? ''}:${t.target.value}`, label: `target ${t.indicator} ${t.target.value} (${at(t.source)})` });
  }
  for (const p of doc.programs) {
    if (p.totalBudget) figures.push({ key: `program:${p.totalBudget.value}`, label: `${p.name} total ${p.totalBudget.value} 원 (${at(p.totalBudget.source)})` });
  }
  return { kind: doc.kind, title: squeeze(doc.title), figures };
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
 * Pairs of inputs that are one document. `entries[i]` is the file and its
 * fingerprint (undefined for an input that could not be read).
 */
export function findDuplicates(entries: ({ file: string; fingerprint: Fingerprint } | undefined)[]): Duplicate[] {
  const byTitle = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (!e || !e.fingerprint.title || e.fingerprint.figures.length === 0) return;
    const key = `${e.fingerprint.kind}\u0000${e.fingerprint.title}`;
    const list = byTitle.get(key);
    if (list) list.push(i);
    else byTitle.set(key, [i]);
  });
  const out: Duplicate[] = [];
  for (const indices of byTitle.values()) {
    const dropped = new Set<number>();
    const order = [...indices].sort((a, b) => rank(entries[a]!.file) - rank(entries[b]!.file) || a - b);
    for (let x = 0; x < order.length; x++) {
      const kept = order[x]!;
      if (dropped.has(kept)) continue;
      for (let y = x + 1; y < order.length; y++) {
        const other = order[y]!;
        if (dropped.has(other)) continue;
        const a = entries[kept]!.fingerprint.figures;
        const b = entries[other]!.fingerprint.figures;
        const onlyInKept = missingFrom(a, b);
        const shared = a.length - onlyInKept.length;
        if (shared < SAME_DOCUMENT_SHARE * Math.max(a.length, b.length)) continue;
        dropped.add(other);
        out.push({ kept, dropped: other, onlyInKept, onlyInDropped: missingFrom(b, a) });
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
