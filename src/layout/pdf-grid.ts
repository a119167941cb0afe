// Ruled tables of a PDF page (lattice): ruling lines are merged, grouped into
// tables where they cross, and each table's grid is made from the distinct
// rule positions. A missing internal rule merges two grid positions into one
// cell (row and column spans). Tables often leave their left and right sides
// open, so the ends of the horizontal rules close them.

import type { PdfRule } from './pdf-engine.js';

/** Rules closer than this (points) are one rule; ends closer than this touch. */
const SNAP = 2;
/** A joined rule shorter than this is a glyph, marker or stray dot, not a rule. */
const MIN_LENGTH = 4;
/** Beyond these a page's drawing is art (a chart, a hatched area), not tables: its rules are not read. */
const MAX_CROSSINGS = 4_000_000;
const MAX_GRID = 200_000;

function minOf(values: number[]): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

function maxOf(values: number[]): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

export interface Segment {
  /** Position across the rule (y of a horizontal rule, x of a vertical one). */
  at: number;
  from: number;
  to: number;
  /** Drawn as dots or dashes (many short pieces). */
  dotted?: boolean;
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's box in page coordinates (top-down). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface Grid {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Collinear rules that overlap or touch become one: dotted and dashed rules drawn piece by piece too. */
export function mergeSegments(segments: Segment[], gap = SNAP): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Segment[][] = [];
  for (const s of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0]!.at - s.at) <= 1) last.push(s);
    else lines.push([s]);
  }
  const out: Segment[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
    line.sort((a, b) => a.from - b.from);
    let current: Segment | undefined;
    let pieces = 0;
    let inked = 0;
    const close = () => {
      if (!current) return;
      // Dots: many pieces, each short, together covering little more than half the length.
      if (pieces >= 3 && inked < (current.to - current.from) * 0.8) current.dotted = true;
      out.push(current);
    };
    for (const s of line) {
      if (current && s.from <= current.to + gap) {
        current.to = Math.max(current.to, s.to);
        pieces++;
        inked += s.to - s.from;
      } else {
        close();
        current = { at, from: s.from, to: s.to };
        pieces = 1;
        inked = s.to - s.from;
      }
    }
    close();
  }
  return out;
}

function crosses(h: Segment, v: Segment): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Groups of rules that cross each other: one group per table (or box). */
export function ruleGroups(rules: PdfRule[]): { h: Segment[]; v: Segment[] }[] {
  const long = (s: Segment) => s.to - s.from >= MIN_LENGTH;
  const h = mergeSegments(rules.filter((r) => Math.abs(r.y1 - r.y0) < 0.5).map((r) => ({ at: r.y0, from: r.x0, to: r.x1 }))).filter(long);
  const v = mergeSegments(rules.filter((r) => Math.abs(r.x1 - r.x0) < 0.5).map((r) => ({ at: r.x0, from: r.y0, to: r.y1 }))).filter(long);
  if (h.length * v.length > MAX_CROSSINGS) return [];
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) if (crosses(h[i]!, v[j]!)) parent[find(i)] = find(h.length + j);
  }
  // Horizontal rules stacked under one another at the same span, with no verticals
  // (tables ruled across only), are one group as well; rules of a table with
  // verticals never join a neighbouring table this way.
  const crossed = h.map((s) => v.some((t) => crosses(s, t)));
  for (let i = 0; i < h.length; i++) {
    if (crossed[i]) continue;
    for (let j = i + 1; j < h.length; j++) {
      if (crossed[j]) continue;
      const a = h[i]!;
      const b = h[j]!;
      if (Math.abs(a.from - b.from) <= SNAP * 2 && Math.abs(a.to - b.to) <= SNAP * 2 && Math.abs(a.at - b.at) < 80) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  const groupOf = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((s, i) => groupOf(i).h.push(s));
  v.forEach((s, j) => groupOf(h.length + j).v.push(s));
  return [...groups.values()];
}

/** Distinct positions, positions closer than SNAP counted once (their mean). */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((vs) => vs.reduce((s, v) => s + v, 0) / vs.length);
}

/** Share of the stretch [a, b] that the segments at position `at` cover. */
function covered(segments: Segment[], at: number, a: number, b: number): number {
  let sum = 0;
  for (const s of segments) {
    if (Math.abs(s.at - at) > SNAP) continue;
    sum += Math.max(0, Math.min(b, s.to) - Math.max(a, s.from));
  }
  return b > a ? sum / (b - a) : 0;
}

/**
 * The grid of one group of rules, or undefined when the rules make no grid
 * (fewer than two rows or columns positions). Open sides are closed at the
 * ends of the horizontal rules; a vertical rule only part of the row high
 * still separates the cells it runs along.
 */
export function buildGrid(group: { h: Segment[]; v: Segment[] }): Grid | undefined {
  if (group.h.length === 0) return undefined;
  const hx0 = minOf(group.h.map((s) => s.from));
  const hx1 = maxOf(group.h.map((s) => s.to));
  const ys = distinct([...group.h.map((s) => s.at), ...group.v.flatMap((s) => [s.from, s.to])]);
  const xs = distinct([hx0, hx1, ...group.v.map((s) => s.at)]);
  // Sides: left and right edges count as rules wherever the table is open.
  const v: Segment[] = [...group.v];
  const y0 = ys[0]!;
  const y1 = ys[ys.length - 1]!;
  if (!group.v.some((s) => Math.abs(s.at - xs[0]!) <= SNAP)) v.push({ at: xs[0]!, from: y0, to: y1 });
  if (!group.v.some((s) => Math.abs(s.at - xs[xs.length - 1]!) <= SNAP)) v.push({ at: xs[xs.length - 1]!, from: y0, to: y1 });
  // Rows thinner than a glyph are double rules (a header's bottom drawn twice), not rows.
  const rowsY = ys.filter((y, i) => i === 0 || y - ys[i - 1]! > 3);
  const colsX = xs.filter((x, i) => i === 0 || x - xs[i - 1]! > 3);
  const nr = rowsY.length - 1;
  const nc = colsX.length - 1;
  if (nr < 1 || nc < 1 || nr * nc > MAX_GRID) return undefined;
  const h: Segment[] = [...group.h, { at: rowsY[0]!, from: colsX[0]!, to: colsX[nc]! }, { at: rowsY[nr]!, from: colsX[0]!, to: colsX[nc]! }];
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const ya = rowsY[r]!;
      const yb = rowsY[r + 1]!;
      const xa = colsX[c]!;
      const xb = colsX[c + 1]!;
      if (c + 1 < nc && covered(v, colsX[c + 1]!, ya, yb) < 0.5) union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && covered(h, rowsY[r + 1]!, xa, xb) < 0.5) union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const regions = new Map<number, number[]>();
  for (let i = 0; i < nr * nc; i++) {
    const root = find(i);
    const list = regions.get(root);
    if (list) list.push(i);
    else regions.set(root, [i]);
  }
  const cells: GridCell[] = [];
  for (const positions of regions.values()) {
    for (const b of rectangles(positions, nc)) {
      cells.push({
        row: b.r0,
        col: b.c0,
        rowSpan: b.r1 - b.r0 + 1,
        colSpan: b.c1 - b.c0 + 1,
        x0: colsX[b.c0]!,
        x1: colsX[b.c1 + 1]!,
        y0: rowsY[b.r0]!,
        y1: rowsY[b.r1 + 1]!,
      });
    }
  }
  cells.sort((p, q) => p.row - q.row || p.col - q.col);
  return { xs: colsX, ys: rowsY, cells, x0: colsX[0]!, x1: colsX[nc]!, y0: rowsY[0]!, y1: rowsY[nr]! };
}

interface Box {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/**
 * A merged region as cells. A rectangle is one cell. A region of another shape
 * (an L: 증감 over (B-A), with (B-A)/A boxed beside it) is cut into its rows'
 * runs of columns, and runs with the same columns in consecutive rows are
 * joined again.
 */
export function rectangles(positions: number[], nc: number): Box[] {
  const rows = positions.map((p) => Math.floor(p / nc));
  const cols = positions.map((p) => p % nc);
  const box: Box = { r0: minOf(rows), r1: maxOf(rows), c0: minOf(cols), c1: maxOf(cols) };
  if ((box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1) === positions.length) return [box];
  const set = new Set(positions);
  const runs: Box[] = [];
  for (let r = box.r0; r <= box.r1; r++) {
    for (let c = box.c0; c <= box.c1; c++) {
      if (!set.has(r * nc + c)) continue;
      let end = c;
      while (end + 1 <= box.c1 && set.has(r * nc + end + 1)) end++;
      const above = runs.find((b) => b.r1 === r - 1 && b.c0 === c && b.c1 === end);
      if (above) above.r1 = r;
      else runs.push({ r0: r, r1: r, c0: c, c1: end });
      c = end;
    }
  }
  return runs;
}
