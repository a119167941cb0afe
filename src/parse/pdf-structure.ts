// Give PDF lines the shape of the text versions, so one set of readers serves
// both: lines set larger than the body font become `## ` headings, `·` bullets
// become `- ` (indented ones `  - `), and a line wrapped onto the next (same
// font, same left edge, just below, not starting a new item) is joined to it.
// Lines that already hold table cells (tabs) are left alone.

import type { SourceLine } from './lines.js';

const NEW_ITEM = /^(·|•|-|\*|※|□|■|○|◇|▶|➔|①|②|③|④|⑤|⑥|⑦|⑧|⑨|【|\[|<|\(\s*\d+\s*\)|\d+\s*[.)]\s|[IVⅠ-Ⅴ]+\s*\.)/;

/** The body font size: the item height that carries the most characters. */
export function bodyHeight(lines: SourceLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    for (const item of line.items ?? []) {
      const h = Math.round(item.height * 2) / 2;
      weight.set(h, (weight.get(h) ?? 0) + item.str.length);
    }
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

function firstItem(line: SourceLine) {
  return line.items?.[0];
}

function joinText(a: string, b: string): string {
  // Justified Korean text wraps mid-word, so no space is added, except between
  // two Latin words or numbers, which must not run together.
  return /[A-Za-z0-9%)]$/.test(a) && /^[A-Za-z0-9(]/.test(b) ? `${a} ${b}` : a + b;
}

export function markdownizePdfLines(lines: SourceLine[]): SourceLine[] {
  const body = bodyHeight(lines);
  let left = Infinity;
  for (const l of lines) left = Math.min(left, firstItem(l)?.x ?? Infinity);
  const out: (SourceLine & { raw?: SourceLine })[] = [];
  for (const line of lines) {
    const item = firstItem(line);
    let text = line.text.trim();
    if (!item || text.includes('\t')) {
      out.push(line);
      continue;
    }
    const prev = out[out.length - 1];
    const prevRaw = prev?.raw;
    const prevItem = prevRaw ? firstItem(prevRaw) : undefined;
    const size = item.height;
    const isHeading = size >= body * 1.12;
    if (
      prev &&
      prevRaw &&
      prevItem &&
      !prev.text.includes('\t') &&
      !/^#/.test(prev.text) &&
      !isHeading &&
      prevRaw.page === line.page &&
      Math.abs(prevItem.height - size) < 0.6 &&
      line.y! - prevRaw.y! <= size * 1.6 &&
      !NEW_ITEM.test(text) &&
      Math.abs(item.x - (prev.contX ?? prevItem.x)) <= 3
    ) {
      out[out.length - 1] = { ...prev, text: joinText(prev.text, text), raw: line, contX: prev.contX ?? prevItem.x };
      continue;
    }
    let marked = text;
    let contX: number | undefined;
    if (/^·\s*/.test(text)) {
      marked = `${item.x - left > 15 ? '  ' : ''}- ${text.replace(/^·\s*/, '')}`;
      contX = item.x; // a wrapped bullet line starts at the bullet's own edge
    } else if (/^-\s/.test(text) && item.x - left > 15) {
      marked = `  ${text}`;
      contX = item.x;
    } else if (isHeading) {
      marked = `## ${text}`;
    }
    text = marked;
    out.push({ ...line, text, raw: line, ...(contX !== undefined ? { contX } : {}) });
  }
  return out.map(({ raw: _raw, contX: _contX, ...l }) => l as SourceLine);
}
