// Terminal tables: columns aligned by display width (Hangul is two columns wide),
// numbers right-aligned, optional color. Given a terminal width, a table is
// fitted to it: file paths give way first (shortened from the start: their end
// tells them apart), then long names are shortened with `…` (widest first), then
// display-only extras (the rate bar, dates, counts) and paths are dropped, and
// on a very narrow terminal the rightmost columns. Returns a string; never prints.

import { eastAsianWidth } from 'get-east-asian-width';
import type { Column, CommandResult, Row, TableResult } from '../commands/types.js';
import { columnDecimals, formatCell, headerLabel, isRightAligned, type HumanFormat } from './format.js';

export interface TableOptions {
  color: boolean;
  unit?: string;
  /** Fit to this many terminal columns. */
  width?: number;
}

/** Columns between cells. */
const GAP = 2;
/** Text columns are not shortened below this width while columns can still be dropped. */
const MIN_TEXT = 16;
/** …nor below this one at all. */
const MIN_TEXT_LAST = 8;

/**
 * Characters whose width depends on their neighbours: combining and enclosing marks,
 * format characters (ZWJ), variation selectors, characters beyond the BMP (emoji, flags),
 * lone surrogates, conjoining Hangul jamo, Thai and Lao SARA AM (joined to the letter before), and ESC (string-width skips ANSI colour codes
 * whole). A text without them is as wide as the sum of its characters.
 */
const CLUSTERING = /[\x1b\p{M}\p{Cf}\p{Cs}\u{10000}-\u{10ffff}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\ufe00-\ufe0f\u0e33\u0eb3]/u;
/**
 * Of the characters that reach `charWidth` (no marks, format characters or surrogates:
 * those cluster), the ones string-width gives no width: controls, and the default-ignorable
 * Hangul fillers and reserved code points. Tested rather than matched with string-width's
 * \p{Default_Ignorable_Code_Point}… class, whose first use builds ICU sets (2–5 ms).
 */
function isInvisible(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2065 || code === 0x3164 || code === 0xffa0 || (code >= 0xfff0 && code <= 0xfff8);
}
/** Widths of single characters, learnt as they are met. */
const charWidths = new Map<number, number>();

/**
 * string-width and chalk cost a one-document run about a tenth of its time to load
 * (string-width builds its emoji and grapheme tables at import), and most tables
 * need neither: they are loaded by `loadTableLibraries` only for texts with
 * clustering characters, and for color.
 */
let clusterWidth: ((text: string) => number) | undefined;
let chalkClass: (typeof import('chalk'))['Chalk'] | undefined;

/** Thrown by `displayWidth` for a clustering text before string-width is loaded; `renderTableText` loads it and renders again. */
class ClusterWidthsNeeded extends Error {}

/** Load what `renderTable` needs for clustering texts (string-width) and, with `color`, chalk. */
export async function loadTableLibraries(options: { clusters?: boolean; color?: boolean } = { clusters: true, color: true }): Promise<void> {
  if (options.clusters && !clusterWidth) clusterWidth = (await import('string-width')).default;
  if (options.color && !chalkClass) chalkClass = (await import('chalk')).Chalk;
}

/**
 * Display width as string-width counts it. string-width segments every text into
 * grapheme clusters, which was half the time of a large `budget` table; texts without
 * clustering characters are summed a character at a time instead (ASCII and Hangul
 * syllables without a lookup).
 */
export function displayWidth(text: string): number {
  if (CLUSTERING.test(text)) {
    if (!clusterWidth) throw new ClusterWidthsNeeded('string-width is not loaded');
    return clusterWidth(text);
  }
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) width += 1;
    else if (code >= 0xac00 && code <= 0xd7a3) width += 2;
    else width += charWidth(code);
  }
  return width;
}

/** string-width's width of one BMP character without clustering characters (tests compare every such character). */
export function charWidth(code: number): number {
  let width = charWidths.get(code);
  if (width === undefined) {
    // Emoji shown as emoji (string-width's other rule for one character) are all East Asian Wide in the BMP.
    width = isInvisible(code) ? 0 : eastAsianWidth(code);
    charWidths.set(code, width);
  }
  return width;
}

type Style = (text: string) => string;
interface Styles {
  bold: Style & { underline: Style };
  dim: Style;
  cyan: Style;
  red: Style;
  yellow: Style;
  green: Style;
}

const plain: Style = (text) => text;
/** Without color chalk returns each text as it is: so do these, without loading it. */
const PLAIN: Styles = { bold: Object.assign((text: string) => text, { underline: plain }), dim: plain, cyan: plain, red: plain, yellow: plain, green: plain };

function styles(color: boolean): Styles {
  if (!color) return PLAIN;
  if (!chalkClass) throw new Error('chalk is not loaded: await loadTableLibraries({ color: true }) first');
  return new chalkClass({ level: 1 });
}

/** `text` cut to `width` display columns, with `…` where it was cut (at the start for paths: their end tells them apart). */
export function shorten(text: string, width: number, keepEnd = false): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  if (keepEnd) chars.reverse();
  let out = '';
  let used = 0;
  for (const ch of chars) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out = keepEnd ? ch + out : out + ch;
    used += w;
  }
  return keepEnd ? '…' + out : out + '…';
}

/** File paths and source references: the first to give way (a reader finds them in CSV/JSON). */
function isPath(column: Column): boolean {
  return column.key === 'source' || column.key === 'document';
}

function pad(text: string, width: number, right: boolean): string {
  const gap = Math.max(0, width - displayWidth(text));
  return right ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

const total = (widths: number[]) => widths.reduce((s, w) => s + w, 0) + GAP * Math.max(0, widths.length - 1);

/** Shorten the widest text column (of those `which` picks), one column of width at a time, down to `min`. */
function shrinkText(widths: number[], columns: Column[], limit: number, min: number, which: (c: Column) => boolean = () => true): void {
  while (total(widths) > limit) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (columns[i]!.kind !== 'text' || !which(columns[i]!) || widths[i]! <= min) continue;
      if (widest < 0 || widths[i]! > widths[widest]!) widest = i;
    }
    if (widest < 0) return;
    widths[widest]!--;
  }
}

/** Which columns to keep and how wide, to fit `limit` terminal columns. */
export function fitColumns(columns: Column[], natural: number[], limit: number): { keep: number[]; widths: number[] } {
  let keep = columns.map((_, i) => i);
  const widths = [...natural];
  const current = () => keep.map((i) => widths[i]!);
  const shrink = (min: number, which?: (c: Column) => boolean) => {
    const w = current();
    shrinkText(w, keep.map((i) => columns[i]!), limit, min, which);
    keep.forEach((i, k) => (widths[i] = w[k]!));
  };
  const drop = (which: (c: Column) => boolean) => {
    for (let i = columns.length - 1; i >= 0 && total(current()) > limit; i--) {
      if (which(columns[i]!) && keep.includes(i) && keep.length > 1) keep = keep.filter((k) => k !== i);
    }
  };
  // Least important first: paths give way, then long names; then display-only extras and paths go.
  shrink(MIN_TEXT, isPath);
  shrink(MIN_TEXT);
  drop((c) => c.displayOnly === true);
  drop(isPath);
  shrink(MIN_TEXT_LAST);
  // A very narrow terminal: the rightmost columns go, the first one stays.
  drop(() => true);
  return { keep, widths };
}

export function renderTableResult(table: TableResult, options: TableOptions): string {
  if (table.omitWhenEmpty && table.rows.length === 0) return '';
  const chalk = styles(options.color);
  const unit = options.unit ?? table.moneyUnit ?? '원';
  let columns = table.columns.filter((c) => !c.machineOnly && c.key !== table.groupKey);
  const fmt: HumanFormat = { unit, decimals: columnDecimals(columns, [table.rows, table.totals ?? []], unit) };
  const header0 = columns.map((c) => headerLabel(c, fmt));
  let body = table.rows.map((row) => columns.map((c) => formatCell(row[c.key], c, fmt)));
  let totals = (table.totals ?? []).map((row) => columns.map((c) => formatCell(row[c.key], c, fmt)));
  let widths = header0.map((h) => displayWidth(h));
  for (const list of [body, totals]) for (const cells of list) cells.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, displayWidth(cell))));
  let header = header0;
  if (options.width && total(widths) > options.width) {
    const fit = fitColumns(columns, widths, options.width);
    const all = columns;
    const pick = <T,>(list: T[]) => fit.keep.map((i) => list[i]!);
    const cut = (cells: string[]) => fit.keep.map((i) => shorten(cells[i]!, fit.widths[i]!, isPath(all[i]!)));
    columns = pick(columns);
    header = cut(header0);
    body = body.map(cut);
    totals = totals.map(cut);
    widths = pick(fit.widths);
  }
  // Rate bars are colored by level once padded, so color never shifts a column.
  const tint = (text: string, i: number, row?: Row) => {
    const column = columns[i]!;
    const value = row?.[column.key];
    if (column.kind !== 'rate-bar' || typeof value !== 'number') return text;
    return value < 10 ? chalk.red(text) : value < 50 ? chalk.yellow(text) : chalk.green(text);
  };
  const line = (cells: string[], row?: Row) =>
    cells
      .map((cell, i) => tint(pad(cell, widths[i] ?? 0, isRightAligned(columns[i]!)), i, row))
      .join(' '.repeat(GAP))
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP));
  const out: string[] = [];
  if (table.title) out.push(chalk.bold(options.width ? shorten(table.title, options.width) : table.title));
  out.push(chalk.bold(line(header)), chalk.dim(rule));
  let group: unknown = Symbol('none');
  table.rows.forEach((row, i) => {
    if (table.groupKey && row[table.groupKey] !== group) {
      group = row[table.groupKey];
      const heading = `▸ ${String(group ?? '(no group)')}`;
      out.push(chalk.cyan(options.width ? shorten(heading, options.width) : heading));
    }
    out.push(line(body[i] ?? [], row));
  });
  if (totals.length > 0) {
    out.push(chalk.dim(rule));
    for (const t of totals) out.push(chalk.bold(line(t)));
  }
  if (table.rows.length === 0) out.push(chalk.dim('(no rows)'));
  return out.join('\n');
}

export function renderTable(result: CommandResult, options: TableOptions): string {
  const chalk = styles(options.color);
  const parts: string[] = [];
  const shown = new Set<TableResult>();
  for (const section of result.sections ?? []) {
    const lines = [chalk.bold.underline(section.title), ...section.lines];
    if (section.table) {
      lines.push(renderTableResult(section.table, options));
      shown.add(section.table);
    }
    parts.push(lines.join('\n'));
  }
  for (const table of result.tables) {
    if (shown.has(table)) continue;
    const text = renderTableResult(table, options);
    if (text) parts.push(text);
  }
  return parts.length ? parts.join('\n\n') + '\n' : '';
}

/** `renderTable`, loading chalk for color and string-width when a text has clustering characters (rendering is pure: it is simply done again). */
export async function renderTableText(result: CommandResult, options: TableOptions): Promise<string> {
  if (options.color) await loadTableLibraries({ color: true });
  try {
    return renderTable(result, options);
  } catch (error) {
    if (!(error instanceof ClusterWidthsNeeded)) throw error;
    await loadTableLibraries({ clusters: true });
    return renderTable(result, options);
  }
}
