// Arithmetic over a table's rows: the row hierarchy (groups and totals found by
// addition, not by words alone) and the checks of printed totals, lettered formulas
// (`(B-A)`, `(A+B)`, `(B/A)`) and 계 columns, with rounding told apart from error. Pure.

import { formatGrouped } from './amounts.js';
import type { Diagnostic } from '../model/types.js';
import type { CellFigure } from './table-cells.js';
import { diag } from './table-diagnostics.js';
import { cellSource, isFigureColumn, type BodyRow } from './table-rows.js';
import type { ColumnInfo, ColumnRole, TableClass } from './table-roles.js';

/**
 * A row's figures by column index, absent where blank: an array made at the table's
 * width (one per row of a long table; a Map per row was twice its size).
 */
type Vector = (number | undefined)[];

/** An empty vector for columns below `width`. */
function emptyVector(width: number): Vector {
  return new Array<number | undefined>(width);
}

interface Node {
  row: number;
  end: number;
  kids: Node[];
  kind: 'leaf' | 'group' | 'total';
}

export function valueIn(row: BodyRow, column: number, mult: number): number | undefined {
  if (row.implausible?.has(column)) return undefined;
  const f = row.figures.get(column);
  if (!f || f.percent || f.countUnit) return undefined;
  if (f.value !== undefined) return f.value;
  if (f.krw !== undefined) return f.krw / mult;
  return f.blank ? 0 : undefined;
}

/**
 * A row's figures by column: blank cells absent, NaN where the cell is not a
 * figure (words, unreadable), so no sum uses it.
 */
function vectorOf(row: BodyRow, columns: number[], mult: number, width: number): Vector {
  const v = emptyVector(width);
  for (const c of columns) {
    if (row.figures.get(c)?.blank && !row.implausible?.has(c)) continue;
    v[c] = valueIn(row, c, mult) ?? NaN;
  }
  return v;
}

// Figures are exact in 원; the tolerance only absorbs floating-point error (a 10천원 misprint in 1조 is a finding).
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Equal in every column both know, and at least one known column is not zero.
 * A column blank in every part (`-` under a printed total) says nothing either way.
 */
function equalVectors(a: Vector, b: Vector, columns: number[]): boolean {
  let compared = 0;
  for (const c of columns) {
    if (a[c] === undefined && b[c] === undefined) continue;
    if (a[c] === undefined || b[c] === undefined) {
      if ((a[c] ?? b[c]) === 0) continue;
      // Parts all blank where the sum is printed: not comparable.
      continue;
    }
    const x = a[c]!;
    const y = b[c]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    if (!close(x, y)) return false;
    if (x !== 0) compared++;
  }
  return compared > 0;
}

// The vector helpers below loop instead of spreading a vector into an array: they run for
// every row of a table (several times each), and the arrays were most of the garbage.
function nonZero(v: Vector): boolean {
  for (const x of v) if (x !== undefined && x !== 0 && !Number.isNaN(x)) return true;
  return false;
}

function nonZeroCount(v: Vector): number {
  let n = 0;
  for (const x of v) if (x !== undefined && x !== 0 && !Number.isNaN(x)) n++;
  return n;
}

function hasNegative(v: Vector): boolean {
  for (const x of v) if (x !== undefined && x < 0) return true;
  return false;
}

/** No figure below zero (words, NaN, count as not negative). */
function allNonNegative(v: Vector): boolean {
  for (const x of v) if (x !== undefined && !(Number.isNaN(x) || x >= 0)) return false;
  return true;
}

/** Some column of `acc` is past its target's figure (an absent target figure counts as 0). */
function exceeds(acc: Vector, target: Vector): boolean {
  for (let c = 0; c < acc.length; c++) {
    const x = acc[c];
    if (x !== undefined && x > (target[c] ?? 0) + 1e-6) return true;
  }
  return false;
}

function addInto(acc: Vector, v: Vector): void {
  for (let c = 0; c < v.length; c++) {
    const x = v[c];
    if (x !== undefined) acc[c] = (acc[c] ?? 0) + x;
  }
}

/** With negative parts, how many parts a group's search goes on past its target. */
const MAX_PARTS_PAST_TARGET = 64;

export interface Hierarchy {
  /** Kind per row index. */
  kinds: Node['kind'][];
  /** Nearest group row above each row, when arithmetic found one. */
  parent: (number | undefined)[];
  /** Rows under a second total that repeats an earlier one: another breakdown of the same money. */
  alternative: Set<number>;
}

/** Funding parts that hold others (지방비 = 시비 + 구비); every other part is a leaf. */
export const FUNDING_WHOLES: Readonly<Record<string, RegExp>> = {
  지방비: /^(시비|도비|구비|군비|시도비|시군비|시군구비|시·도비|시·군·구비)$/,
};

function isFundingPartOf(part: string, whole: string): boolean {
  const pattern = FUNDING_WHOLES[whole.replace(/\s+/g, '')];
  return pattern !== undefined && pattern.test(part.replace(/\s+/g, ''));
}

/**
 * Rows to a tree by arithmetic. A row is a group when the rows after it, read
 * as nodes themselves, add up to it in every figure column (at least two of
 * them non-zero, or one under a row labelled as a total). 합계/소계 rows at the
 * end of a run are checked against the run above them. Where a labelled total
 * does not add up, a finding says so and its rows stay leaves.
 */
export function buildHierarchy(rows: BodyRow[], columns: number[], mult: number, diagnostics: Diagnostic[], units: string, names: string[]): Hierarchy {
  const width = columns.reduce((w, c) => Math.max(w, c + 1), 0);
  const vectors = rows.map((r) => vectorOf(r, columns, mult, width));
  const kinds: Node['kind'][] = rows.map(() => 'leaf');
  const parent: (number | undefined)[] = rows.map(() => undefined);
  // Per row: its group once tried (null: none).
  const memo = new Array<Node | null | undefined>(rows.length);
  // A part may be negative (a 수정 column's cuts: 25,844, -744, -3,600 under 21,500), so a
  // running sum past its target can come back. Only a table without negative figures stops
  // there at once; with them, the search still ends after a bounded number of parts.
  const negatives = vectors.some(hasNegative);
  const sameGroup = (i: number, j: number) => rows[i]!.group === rows[j]!.group || rows[i]!.group === undefined || rows[i]!.total && !rows[i]!.subtotal;

  const tryGroup = (i: number): Node | undefined => {
    if (memo[i] !== undefined) return memo[i] ?? undefined;
    memo[i] = null;
    const target = vectors[i]!;
    const row = rows[i]!;
    if (!nonZero(target)) return undefined;
    const acc = emptyVector(width);
    const kids: Node[] = [];
    let nonZeroKids = 0;
    let j = i + 1;
    const positive = allNonNegative(target);
    while (j < rows.length) {
      const next = rows[j]!;
      if (next.total && !(row.total && next.subtotal)) break;
      if (!sameGroup(i, j)) break;
      // 국비 50 / 시비 40 / 구비 10 adds up by design: a funding part holds only its own parts.
      if (row.funding && !isFundingPartOf(next.label, row.label)) break;
      const kid = tryGroup(j) ?? { row: j, end: j + 1, kids: [], kind: 'leaf' as const };
      addInto(acc, vectors[kid.row]!);
      if (nonZero(vectors[kid.row]!)) nonZeroKids++;
      kids.push(kid);
      j = kid.end;
      if (equalVectors(acc, target, columns) && (nonZeroKids >= 2 || (row.total && nonZeroKids >= 1))) {
        // Trailing zero rows belong to the group too when they share it.
        const node: Node = { row: i, end: j, kids, kind: row.total ? 'total' : 'group' };
        memo[i] = node;
        return node;
      }
      if (positive && (!negatives || kids.length > MAX_PARTS_PAST_TARGET) && exceeds(acc, target)) break;
    }
    return undefined;
  };

  // Bottom-up, so a group's rows are already known when it is tried: the recursion
  // above then goes one level deep instead of one level per row (a table of
  // 100,000 rows would overflow the stack).
  for (let k = rows.length - 1; k >= 0; k--) tryGroup(k);

  // Nodes since the last grand total (`grand`: closed runs; `run`: the open one).
  let run: Node[] = [];
  let runSum = emptyVector(width);
  let runNonZero = 0;
  let grand: Node[] = [];
  let open: number | undefined;
  const alternative = new Set<number>();
  const totals: { vector: Vector; row: number }[] = [];
  // Totals are checked against the rows they stand for: a 소계 inside a 합계's scope counts
  // as its rows, so one misprinted 소계 is one finding, not two.
  const sumOf = (list: Node[]): Vector => {
    const sum = emptyVector(width);
    for (const n of list) addInto(sum, n.kind === 'total' && n.kids.length ? sumOf(n.kids) : vectors[n.row]!);
    return sum;
  };
  // A total printed above rows that do not add up to it: checked when its rows end.
  const closeOpen = () => {
    if (open === undefined) return;
    const scope = grand.concat(run);
    if (scope.length) checkTotal(rows[open]!, vectors[open]!, sumOf(scope), columns, scope.length, diagnostics, units, names);
    open = undefined;
  };
  let i = 0;
  while (i < rows.length) {
    const row = rows[i]!;
    const node = tryGroup(i);
    if (row.total && !node) {
      // A total equal to an earlier one heads another breakdown of the same money (기능별,
      // then 비목별), never closes the rows above it. Its rows, down to the next total,
      // are not counted again, even where they do not add up to it.
      const repeat = row.subtotal ? undefined : totals.find((t) => equalVectors(t.vector, vectors[i]!, columns));
      if (repeat) {
        closeOpen();
        let end = i + 1;
        while (end < rows.length && !(rows[end]!.total && !rows[end]!.subtotal)) end++;
        for (let k = i; k < end; k++) alternative.add(k);
        diagnostics.push(diag('table-alternative-breakdown', `"${row.label}" repeats the total of "${rows[repeat.row]!.label}": its rows break the same money down another way and are not counted again`, row.source));
        kinds[i] = 'total';
        grand = [];
        run = [];
        runSum = emptyVector(width);
        runNonZero = 0;
        i = end;
        continue;
      }
      const pending = row.subtotal ? run : grand.concat(run);
      if (pending.length > 0) {
        // A total after its rows: 소계 covers the run since the last total, 합계 everything since the last grand total.
        checkTotal(row, vectors[i]!, sumOf(pending), columns, pending.length, diagnostics, units, names);
        const covered: Node = { row: i, end: i + 1, kids: pending, kind: 'total' };
        kinds[i] = 'total';
        if (row.subtotal) {
          grand = grand.concat([covered]);
          run = [];
          runSum = emptyVector(width);
          runNonZero = 0;
        } else {
          if (open !== undefined) open = undefined;
          grand = [];
          run = [];
          runSum = emptyVector(width);
          runNonZero = 0;
        }
      } else {
        closeOpen();
        open = i;
        totals.push({ vector: vectors[i]!, row: i });
        kinds[i] = 'total';
      }
      i++;
      continue;
    }
    // A row after its rows that adds them up (a department under its programs) closes the run.
    const v = vectors[i]!;
    if (!node && !row.total && run.length >= 2 && runNonZero >= 2 && bottomGroupHint(row, v)) {
      // The run's sum is kept as rows join it: summing the run again at every row is quadratic.
      if (equalVectors(runSum, v, columns)) {
        const group: Node = { row: i, end: i + 1, kids: run, kind: 'group' };
        markKinds(group, kinds, parent, undefined);
        grand = grand.concat([group]);
        run = [];
          runSum = emptyVector(width);
          runNonZero = 0;
        i++;
        continue;
      }
    }
    const current = node ?? { row: i, end: i + 1, kids: [], kind: 'leaf' as const };
    if (current.kind !== 'leaf') {
      const vector = vectors[i]!;
      const repeat = row.total ? totals.find((t) => equalVectors(t.vector, vector, columns)) : undefined;
      if (repeat) {
        for (let k = i; k < current.end; k++) alternative.add(k);
        diagnostics.push(diag('table-alternative-breakdown', `"${row.label}" repeats the total of "${rows[repeat.row]!.label}": its rows break the same money down another way and are not counted again`, row.source));
      }
      if (row.total) totals.push({ vector, row: i });
    }
    markKinds(current, kinds, parent, undefined);
    if (current.kind === 'total') {
      closeOpen();
      grand = [];
      run = [];
          runSum = emptyVector(width);
          runNonZero = 0;
    } else {
      run.push(current);
      addInto(runSum, vectors[current.row]!);
      if (nonZero(vectors[current.row]!)) runNonZero++;
    }
    i = current.end;
  }
  closeOpen();
  // No list of nodes is kept or returned: a long table's lines are made while its hierarchy is held.
  return { kinds, parent, alternative };
}

/**
 * A row below its rows is taken for their group only with a sign beyond the sum:
 * two or more figures, or a count of items in its label (`미래전략부(3건)`).
 */
function bottomGroupHint(row: BodyRow, v: Vector): boolean {
  return nonZeroCount(v) >= 2 || /\(\s*\d+\s*(건|개|개사|개소|개\s*사업)\s*\)/.test(row.label);
}

function markKinds(node: Node, kinds: Node['kind'][], parent: (number | undefined)[], up: number | undefined): void {
  kinds[node.row] = node.kind;
  parent[node.row] = up;
  for (const kid of node.kids) markKinds(kid, kinds, parent, node.kind === 'group' ? node.row : up);
}

function checkTotal(row: BodyRow, stated: Vector, sum: Vector, columns: number[], parts: number, diagnostics: Diagnostic[], units: string, names: string[]): void {
  for (const c of columns) {
    const s = stated[c];
    const computed = sum[c];
    if (s === undefined || computed === undefined || Number.isNaN(s) || Number.isNaN(computed) || close(s, computed)) continue;
    // Each part was rounded to the printed unit: half a unit per part explains a difference.
    const rounding = Math.abs(s - computed) <= Math.max(1, Math.ceil(parts / 2));
    diagnostics.push(
      diag(
        rounding ? 'table-total-rounding' : 'table-total-mismatch',
        `"${row.label}" states ${fmt(s)}${names[c] ? ` under "${names[c]}"` : ''} but the ${parts} row(s) it covers add up to ${fmt(computed)}${units ? ` (${units})` : ''}${rounding ? ', within rounding of the printed parts' : ''}`,
        row.source,
      ),
    );
    return;
  }
}

export function fmt(value: number): string {
  return formatGrouped(value, 4);
}

// ---------------------------------------------------------------- formulas

/** Checks of columns whose header states a formula over lettered columns: `(B-A)`, `(B-A)/A`, `(A+B)`. */
export function checkFormulas(rows: BodyRow[], cls: TableClass, mult: number, diagnostics: Diagnostic[]): void {
  const lettered = new Map<string, number>();
  for (const c of cls.columns) if (c.formula?.letter) lettered.set(c.formula.letter, c.index);
  for (const c of cls.columns) {
    const expression = c.formula?.expression;
    if (!expression) continue;
    const share = /^([A-Z])\/([A-Z])$/.exec(expression);
    const ratio = /^\(([A-Z])([-+])([A-Z])\)\/([A-Z])$/.exec(expression);
    const terms = ratio ? undefined : /^[A-Z](?:[-+][A-Z])+$/.test(expression) ? expression.match(/[-+]?[A-Z]/g) ?? [] : undefined;
    for (const row of rows) {
      const stated = row.figures.get(c.index);
      if (stated?.value === undefined || row.implausible?.has(c.index)) continue;
      const get = (letter: string) => {
        const col = lettered.get(letter);
        return col === undefined ? undefined : valueIn(row, col, mult);
      };
      let computed: number | undefined;
      if (share) {
        const [part, whole] = [get(share[1]!), get(share[2]!)];
        if (part !== undefined && whole) computed = (part / whole) * 100;
      } else if (ratio) {
        const [a, b, base] = [get(ratio[1]!), get(ratio[3]!), get(ratio[4]!)];
        if (a !== undefined && b !== undefined && base) computed = ((ratio[2] === '-' ? a - b : a + b) / base) * 100;
      } else if (terms) {
        let sum = 0;
        let ok = true;
        for (const term of terms) {
          const x = get(term.replace(/[-+]/, ''));
          if (x === undefined) ok = false;
          else sum += term.startsWith('-') ? -x : x;
        }
        if (ok) computed = sum;
      }
      if (computed === undefined) continue;
      // Both printed operands named, so a reader finds them (`B 413,600, A 467,600`).
      const operands = [...new Set(expression.match(/[A-Z]/g) ?? [])].map((l) => `${l} ${fmt(get(l)!)}`).join(', ');
      compareStated(row, c, stated, computed, ratio || share ? 'percent' : 'amount', `${c.path.join(' ')} = ${expression} (${operands})`, diagnostics);
    }
  }
}

/**
 * Stated against computed. Amounts: equal, or within one printed unit (rounding) →
 * info. Percentages: within half the last printed digit is equal, within one
 * digit is rounding → info. `▲` values compare by magnitude.
 */
export function compareStated(row: BodyRow, column: ColumnInfo, stated: CellFigure, computed: number, kind: 'percent' | 'amount', what: string, diagnostics: Diagnostic[]): void {
  const s = stated.value!;
  const [a, b] = stated.ambiguousSign ? [Math.abs(s), Math.abs(computed)] : [s, computed];
  const step = kind === 'percent' ? 10 ** -stated.decimals : 1;
  const diff = Math.abs(a - b);
  if (diff <= (kind === 'percent' ? step / 2 : 0) + 1e-9) return;
  const rounding = diff <= step + 1e-9;
  diagnostics.push(
    diag(
      rounding ? 'table-formula-rounding' : 'table-formula-mismatch',
      `"${row.label}": ${what} states ${stated.text.replace(/\s+/g, ' ').trim()} but the columns give ${kind === 'percent' ? computed.toFixed(Math.max(1, stated.decimals)) : fmt(computed)}${rounding ? ' (within rounding)' : ''}`,
      // The stated cell's own place (a PDF's stacked cell may sit on another line than its row).
      cellSource(row, column.index),
    ),
  );
}

const PART_ROLES: ReadonlySet<ColumnRole> = new Set(['year', 'funding', 'other']);

/**
 * The columns a 계 column adds up: the run of figure columns right beside it under
 * the same header (to its right, else to its left), stopping at the first column
 * that is not a part (a note, a rate, another 계, a column under another header).
 * A header over sub-columns (`도매상 › 의약품 | 한약`, `숙박업 › 일반 | 생활`) is a part
 * made of its sub-columns, or of its own 소계 sub-column when it prints one.
 * Columns on the far side of the 계 (`개수 | 계 | 국비 | 지방비`) are not parts.
 */
export function partsOfTotalColumn(total: ColumnInfo, cls: TableClass): ColumnInfo[] {
  const prefix = total.path.slice(0, -1);
  const depth = total.path.length;
  const under = (c: ColumnInfo) => c.path.length >= depth && prefix.every((p, k) => c.path[k] === p) && c.path[depth - 1] !== total.path[depth - 1];
  const isPart = (c: ColumnInfo) =>
    c !== total && under(c) && isFigureColumn(c, cls) && !c.year?.bucket && (PART_ROLES.has(c.role) || (c.role === 'total' && c.path.length > depth));
  const run = (step: 1 | -1): ColumnInfo[] => {
    const out: ColumnInfo[] = [];
    for (let i = total.index + step; i >= 0 && i < cls.columns.length; i += step) {
      const c = cls.columns[i]!;
      if (!isPart(c)) break;
      out.push(c);
    }
    return step === 1 ? out : out.reverse();
  };
  const side = run(1).length ? run(1) : run(-1);
  // A header over sub-columns counts once: by its 소계 when printed, else by its sub-columns.
  const groups = new Map<string, ColumnInfo[]>();
  for (const c of side) {
    const key = c.path[depth - 1] ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const parts: ColumnInfo[] = [];
  for (const members of groups.values()) {
    const subtotal = members.find((c) => c.role === 'total');
    if (subtotal) parts.push(subtotal);
    else for (const c of members) if (c.role !== 'total') parts.push(c);
  }
  return parts;
}

/**
 * A column headed 계/합계 beside its parts (years, funding parts, departments under
 * the same header) equals their sum in every row where all are printed.
 */
export function checkTotalColumns(rows: BodyRow[], cls: TableClass, mult: number, diagnostics: Diagnostic[]): void {
  for (const total of cls.columns.filter((c) => c.role === 'total')) {
    // `계*`: a footnote qualifies how the total was counted (institutions counted once
    // across overlapping columns), so it is not the plain sum of its columns.
    if (/[*※¹²³]\s*\)?$|주\)$/.test(total.path[total.path.length - 1] ?? '')) continue;
    const parts = partsOfTotalColumn(total, cls);
    if (parts.length < 2) continue;
    for (const row of rows) {
      const stated = row.figures.get(total.index);
      const t = valueIn(row, total.index, mult);
      if (stated?.value === undefined || t === undefined) continue;
      let sum = 0;
      let known = 0;
      for (const part of parts) {
        const v = valueIn(row, part.index, mult);
        if (v === undefined) {
          sum = NaN;
          break;
        }
        if (!row.figures.get(part.index)?.blank) known++;
        sum += v;
      }
      if (Number.isNaN(sum) || known === 0) continue;
      compareStated(row, total, stated, sum, 'amount', `${total.path.join(' ')} = ${parts.map((p) => p.path[p.path.length - 1]).join(' + ')}`, diagnostics);
    }
  }
}
