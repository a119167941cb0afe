// Text and Markdown to layout blocks. Tables are recognised in every shape
// people type them: tab-separated rows, Markdown pipe tables, box-drawing
// tables, columns aligned with runs of spaces, and <table> markup inside
// Markdown. Everything else becomes headings, list items, notes and paragraphs.
// Space-aligned tables are read across their rule lines (`----`, `====`, `━━━`,
// `····`), with marked child rows (`ㆍ상수도사업  112,408 …`) and letter-spaced
// header words (`잔    액`) kept in their columns.
// Pure: text in, Layout out; each block cites its first line.

import type { Source } from '../model/types.js';
import { splitUnit } from '../extract/units.js';
import { cellText, collapseSpaces, isSpaceCode, stripMarkdown } from '../extract/text.js';
import { readHtmlTables } from './html.js';
import { plainRow, type Block, type Layout, type TableBlock, type TableCell, type TableRow } from './types.js';

export interface TextLayoutOptions {
  /** Markdown rules: `#` headings, `*` bullets, soft-wrapped paragraphs joined. */
  markdown?: boolean;
}

interface Line {
  n: number;
  raw: string;
  text: string; // trimmed
}

const BOX_CHARS = /[│┃║|]/;
const BOX_RULE = /^[\s─━═┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬+\-=:|│┃║]+$/;
const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;
export const ROMAN = /^(?:[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\s*[.．]\s*\S/;
export const NOTE = /^(※|\*(?!\*)|주\s*[)）:：]|\(주\)\s)/;

/**
 * List markers, outermost family first. A document's own nesting is learned
 * from the order families first appear in; this order only breaks ties.
 */
export const LIST_MARKERS: { family: string; pattern: RegExp }[] = [
  { family: 'square', pattern: /^([□■◆◇▣])\s*/ },
  { family: 'circle', pattern: /^([○◯❍●◎])\s*/ },
  { family: 'circled-digit', pattern: /^([①-⑳➀-➉❶-❿])\s*/ },
  { family: 'numbered', pattern: /^(\d{1,2}[.)])\s+/ },
  { family: 'paren-numbered', pattern: /^(\(\d{1,2}\))\s*/ },
  { family: 'hangul', pattern: /^([가-하][.)])\s+/ },
  { family: 'dash', pattern: /^([-–—])\s+/ },
  { family: 'dot', pattern: /^([·•∙ㆍ▪▫◦‣⁃])\s*/ },
  { family: 'plus', pattern: /^([+*])\s+/ },
];

/**
 * Every family's marker as one pattern, families in the same order: one match per line
 * instead of one per family. The alternation takes the first family that matches, as
 * trying the families in turn does.
 */
const ANY_LIST_MARKER = new RegExp(`^(?:${LIST_MARKERS.map((m) => m.pattern.source.replace(/^\^/, '')).join('|')})`);
/** Each family with the group of ANY_LIST_MARKER that holds its marker (its pattern's first group). */
const MARKER_GROUPS: { family: string; group: number }[] = [];
{
  let group = 1;
  for (const { family, pattern } of LIST_MARKERS) {
    MARKER_GROUPS.push({ family, group });
    // Past this pattern's groups: an empty alternative makes it match '' and report them all.
    group += new RegExp(`${pattern.source}|`).exec('')!.length - 1;
  }
}

/** The list marker a line starts with: the first family whose pattern matches, its marker, and the match's length. */
function listMarkerAt(text: string): { family: string; marker: string; length: number } | undefined {
  const m = ANY_LIST_MARKER.exec(text);
  if (!m) return undefined;
  for (const { family, group } of MARKER_GROUPS) {
    const marker = m[group];
    if (marker !== undefined) return { family, marker, length: m[0].length };
  }
  return undefined;
}

/** How many blocks may stand between a unit declaration and the table it serves. */
const UNIT_REACH_BLOCKS = 3;

export function readTextLayout(file: string, text: string, options: TextLayoutOptions = {}): Layout {
  const lines: Line[] = text.split('\n').map((raw, i) => ({ n: i + 1, raw, text: raw.trim() }));
  const blocks: Block[] = [];
  const families: string[] = [];
  const open: OpenItem[] = [];
  let pendingUnit: string | undefined;
  let pendingUnitSource: Source | undefined;
  // How many blocks there were when the unit was declared: a declaration serves the
  // table in the next few blocks (a caption, a note between), not one far below.
  let pendingUnitAt = 0;
  let i = skipFrontMatter(lines);
  const source = (line: Line): Source => ({ file, line: line.n, text: line.text });

  const pushTable = (table: TableBlock) => {
    if (!table.unit && pendingUnit && blocks.length - pendingUnitAt <= UNIT_REACH_BLOCKS) {
      table.unit = pendingUnit;
      if (pendingUnitSource) table.unitSource = pendingUnitSource;
    }
    if (!table.caption) {
      const caption = captionBefore(blocks);
      if (caption) table.caption = caption;
    }
    pendingUnit = undefined;
    pendingUnitSource = undefined;
    blocks.push(table);
  };

  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text === '') {
      i++;
      continue;
    }
    // Fenced code: kept as one paragraph, never read as a table.
    if (options.markdown && /^(```|~~~)/.test(line.text)) {
      const fence = line.text.slice(0, 3);
      let j = i + 1;
      while (j < lines.length && !lines[j]!.text.startsWith(fence)) j++;
      const body = lines.slice(i + 1, j).map((l) => l.raw).join('\n');
      if (body.trim()) blocks.push({ type: 'paragraph', text: body, source: source(line) });
      i = j + 1;
      continue;
    }
    if (line.text.includes('<') && /<table\b/i.test(line.text)) {
      const end = findHtmlTableEnd(lines, i);
      const html = lines.slice(i, end + 1).map((l) => l.raw).join('\n');
      for (const table of readHtmlTables(file, html, line.n)) pushTable(table);
      i = end + 1;
      continue;
    }
    const unit = unitDeclarationOf(line.text);
    if (unit !== undefined && unit.alone) {
      pendingUnit = unit.unit;
      pendingUnitSource = source(line);
      pendingUnitAt = blocks.length;
      i++;
      continue;
    }
    const table = readTableAt(lines, i, file, options);
    if (table) {
      pushTable(table.block);
      i = table.next;
      continue;
    }
    if (unit !== undefined) {
      pendingUnit = unit.unit;
      pendingUnitSource = source(line);
      pendingUnitAt = blocks.length;
    }
    const block = lineBlock(lines, i, file, options, families, open);
    if (block.block.type === 'heading') open.length = 0;
    blocks.push(block.block);
    i = block.next;
  }
  return { file, format: options.markdown ? 'markdown' : 'text', blocks };
}

function skipFrontMatter(lines: Line[]): number {
  const first = lines[0]?.text;
  const fence = first === '---' ? '---' : first === '+++' ? '+++' : undefined;
  if (!fence) return 0;
  for (let j = 1; j < lines.length; j++) if (lines[j]!.text === fence) return j + 1;
  return 0;
}

function findHtmlTableEnd(lines: Line[], start: number): number {
  let depth = 0;
  for (let j = start; j < lines.length; j++) {
    const t = lines[j]!.raw;
    depth += (t.match(/<table\b/gi) ?? []).length;
    depth -= (t.match(/<\/table>/gi) ?? []).length;
    if (depth <= 0) return j;
  }
  return lines.length - 1;
}

/** `(단위 : 백만원)` alone on its line, or at the end of a caption line. */
function unitDeclarationOf(text: string): { unit: string; alone: boolean } | undefined {
  // Every declaration prints 단위; most lines have no 단 to begin with.
  if (!text.includes('단')) return undefined;
  const { unit, rest } = splitUnit(text);
  return unit === undefined ? undefined : { unit, alone: rest === '' };
}

/** The last block's text, when it reads as a table title (short, not a sentence). */
function captionBefore(blocks: Block[]): string | undefined {
  const last = blocks[blocks.length - 1];
  if (!last || last.type === 'table') return undefined;
  const text = splitUnit(last.text).rest;
  if (text.length === 0 || text.length > 60 || /[다요]\s*[.]?$/.test(text)) return undefined;
  return text.replace(/^[<〈《【[]\s*|\s*[>〉》】\]]$/g, '').trim();
}

// ---------------------------------------------------------------------------
// Tables

function readTableAt(lines: Line[], i: number, file: string, options: TextLayoutOptions): { block: TableBlock; next: number } | undefined {
  const line = lines[i]!;
  if (line.raw.includes('\t')) return readTabTable(lines, i, file);
  if (line.text.startsWith('|') || (options.markdown && PIPE_SEPARATOR.test(lines[i + 1]?.text ?? '') && line.text.includes('|'))) {
    const pipe = readPipeTable(lines, i, file);
    if (pipe) return pipe;
  }
  if (barePipeCells(line.text) !== undefined) {
    const bare = readBarePipeTable(lines, i, file);
    if (bare) return bare;
  }
  if (/^[┌┏╔+]/.test(line.text) || /[│┃║]/.test(line.text)) {
    const box = readBoxTable(lines, i, file);
    if (box) return box;
  }
  const first = nextContentLine(lines, i);
  if (first === undefined || !INNER_GAP.test(lines[first]!.text)) return undefined;
  const second = nextContentLine(lines, first + 1);
  if (second === undefined || !INNER_GAP.test(lines[second]!.text)) return undefined;
  return readAlignedTable(lines, i, file);
}

/** How many leading rows may be header rows: only these are looked at. */
const HEADER_ROWS_SEEN = 5;

/** Header rows: the leading rows before the first row holding a figure that is not a year. */
function countHeaderRows(rows: string[][]): number {
  for (let r = 0; r < rows.length && r < HEADER_ROWS_SEEN; r++) {
    if (rows[r]!.slice(1).some(isDataFigure)) return r;
  }
  return Math.min(1, rows.length);
}

const YEAR_CELL = /^['’‘`]?\d{2}(\d{2})?\s*년?도?\s*(\([^)]*\))?\s*[가-힣]*$/;

function isDataFigure(cell: string): boolean {
  const t = cell.trim();
  if (!/\d/.test(t)) return false;
  if (YEAR_CELL.test(t) && /^['’‘`]?(19|20)?\d{2}/.test(t) && !/,/.test(t)) {
    const digits = t.replace(/^['’‘`]/, '').match(/^\d+/)?.[0] ?? '';
    if (digits.length === 4 && /^(19|20)/.test(digits)) return false;
    if (digits.length === 2 && /^['’‘`]/.test(t)) return false;
  }
  // Spaces collapsed (line breaks too: the whole cell is one line).
  return /^[△▲▽▼-]?\s*[\d,.]+\s*%?$|^\(?[△▲-]?[\d,.]+\)?$|^\[[\d,.]+\]$/.test(collapseSpaces(t));
}

function tableBlock(rows: TableRow[], headerRows: number, first: Line, file: string, caption?: string): TableBlock {
  const block: TableBlock = { type: 'table', headerRows, rows, source: { file, line: first.n, text: first.text } };
  if (caption) block.caption = caption;
  return block;
}

function readTabTable(lines: Line[], start: number, file: string): { block: TableBlock; next: number } | undefined {
  const rows: TableRow[] = [];
  let j = start;
  let above: TableCell[] = [];
  while (j < lines.length && lines[j]!.raw.includes('\t') && lines[j]!.text !== '') {
    const l = lines[j]!;
    const parts = (l.raw.startsWith(' ') ? l.raw.replace(/^ +/, '') : l.raw).split('\t');
    // The row's cells made in one pass over its parts (a long tab table has hundreds of thousands).
    const cells: TableCell[] = [];
    for (let c = 0; c < parts.length; c++) {
      let text = cellText(parts[c]!);
      // A cell printing the same text as the cell above it (a date, a unit, a status down a
      // long table) takes that cell's string: equal text, held once instead of once per row.
      const up = above[c];
      if (up !== undefined && up.text === text) text = up.text;
      cells.push({ text, rowSpan: 1, colSpan: 1 });
    }
    above = cells;
    rows.push({ cells, source: { file, line: l.n, text: l.text } });
    j++;
  }
  if (rows.length === 0) return undefined;
  trimEmptyColumns(rows);
  const headerRows = countHeaderRows(rows.slice(0, HEADER_ROWS_SEEN).map((r) => r.cells.map((c) => c.text)));
  inferHeaderSpans(rows, headerRows);
  return { block: tableBlock(rows, headerRows, lines[start]!, file), next: j };
}

/**
 * Tab exports drop merges: a header cell over several columns (`예산` over
 * 본예산 | 추경 | 계) comes out followed by empty cells. In a header row that has
 * another header row below it, empty cells after a text cell, above text, are
 * that cell's span.
 */
function inferHeaderSpans(rows: TableRow[], headerRows: number): void {
  for (let r = 0; r + 1 < headerRows; r++) {
    const below = rows[r + 1]!.cells;
    const cells = rows[r]!.cells;
    const out: TableRow['cells'] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      out.push(cell);
      if (cell.text === '') continue;
      let k = c + 1;
      while (k < cells.length && cells[k]!.text === '' && (below[k]?.text ?? '') !== '') k++;
      if (k > c + 1) {
        cell.colSpan = k - c;
        c = k - 1;
      }
    }
    rows[r]!.cells = out;
  }
}

/** Trailing cells empty in every row are exports' padding, not columns. */
function trimEmptyColumns(rows: TableRow[]): void {
  let width = 0;
  for (const row of rows) {
    let w = row.cells.length;
    while (w > 0 && row.cells[w - 1]!.text === '') w--;
    width = Math.max(width, w);
  }
  for (const row of rows) if (row.cells.length > width) row.cells.length = width;
}

function splitPipeRow(text: string): string[] {
  let t = text.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => cellText(stripMarkdown(c.replace(/\\\|/g, '|'))));
}

function readPipeTable(lines: Line[], start: number, file: string): { block: TableBlock; next: number } | undefined {
  const rows: TableRow[] = [];
  let headerRows = 0;
  let j = start;
  while (j < lines.length && lines[j]!.text.includes('|') && lines[j]!.text !== '') {
    const l = lines[j]!;
    if (PIPE_SEPARATOR.test(l.text)) {
      if (headerRows === 0) headerRows = rows.length;
    } else {
      rows.push(plainRow(splitPipeRow(l.text), { file, line: l.n, text: l.text }));
    }
    j++;
  }
  if (rows.length < 2 && headerRows === 0) return undefined;
  return { block: tableBlock(rows, headerRows || countHeaderRows(rows.map((r) => r.cells.map((c) => c.text))), lines[start]!, file), next: j };
}

/**
 * Cells of a pipe row printed without outer pipes (` 구 분 | 합 계 | 인구정책과`), as
 * plain-text exports of a table give them; undefined unless the line has at least
 * three cells and does not start or end with a pipe (those are Markdown rows).
 */
function barePipeCells(text: string): string[] | undefined {
  // Most lines have no pipe at all: nothing to split.
  if (!text.includes('|') || text.startsWith('|') || text.endsWith('|') || text.split(/(?<!\\)\|/).length < 3) return undefined;
  return splitPipeRow(text);
}

/**
 * A run of bare pipe rows is a table when at least two consecutive lines have the
 * same number of cells and some row below the first holds a figure: prose with a
 * stray `|` never lines up like that. The run ends at a blank line or a row of
 * another width.
 */
function readBarePipeTable(lines: Line[], start: number, file: string): { block: TableBlock; next: number } | undefined {
  const width = barePipeCells(lines[start]!.text)!.length;
  const rows: TableRow[] = [];
  let j = start;
  while (j < lines.length) {
    const l = lines[j]!;
    const cells = barePipeCells(l.text);
    if (cells?.length !== width) break;
    rows.push(plainRow(cells, { file, line: l.n, text: l.text }));
    j++;
  }
  const texts = rows.map((r) => r.cells.map((c) => c.text));
  if (rows.length < 2 || !texts.slice(1).some((r) => r.slice(1).some(isDataFigure))) return undefined;
  return { block: tableBlock(rows, countHeaderRows(texts), lines[start]!, file), next: j };
}

/**
 * Box-drawing tables: `│` separates cells, rule lines separate rows. Lines
 * between two rules are one row when every row is ruled off (cells wrapped over
 * lines are joined with '\n'); otherwise each line is a row and only the header
 * block above the first inner rule is joined.
 */
function readBoxTable(lines: Line[], start: number, file: string): { block: TableBlock; next: number } | undefined {
  let j = start;
  const groups: Line[][] = [[]];
  let sawCells = false;
  while (j < lines.length && lines[j]!.text !== '' && (BOX_RULE.test(lines[j]!.text) || BOX_CHARS.test(lines[j]!.text))) {
    const l = lines[j]!;
    if (BOX_RULE.test(l.text) && !/[가-힣\d]/.test(l.text)) {
      if (groups[groups.length - 1]!.length > 0) groups.push([]);
    } else {
      groups[groups.length - 1]!.push(l);
      sawCells = true;
    }
    j++;
  }
  if (!sawCells) return undefined;
  const nonEmpty = groups.filter((g) => g.length > 0);
  const split = (l: Line) => {
    let t = l.text.replace(/^[│┃║|]/, '').replace(/[│┃║|]$/, '');
    return t.split(/[│┃║|]/).map((c) => cellText(c));
  };
  const merge = (group: Line[], joiner: string): TableRow => {
    const parts = group.map(split);
    const width = parts.reduce((w, p) => Math.max(w, p.length), -Infinity);
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(parts.map((p) => p[c] ?? '').filter((s) => s !== '').join(joiner));
    return plainRow(cells, { file, line: group[0]!.n, text: group[0]!.text });
  };
  const rows: TableRow[] = [];
  let headerRows = 0;
  const everyRowRuled = nonEmpty.slice(1).every((g) => g.length === 1) || nonEmpty.length > 2;
  if (nonEmpty.length === 1) {
    for (const l of nonEmpty[0]!) rows.push(merge([l], ' '));
    headerRows = countHeaderRows(rows.map((r) => r.cells.map((c) => c.text)));
  } else {
    rows.push(merge(nonEmpty[0]!, ' '));
    headerRows = 1;
    for (const group of nonEmpty.slice(1)) {
      if (everyRowRuled && nonEmpty.length > 2) rows.push(merge(group, '\n'));
      else for (const l of group) rows.push(merge([l], ' '));
    }
  }
  if (rows.length < 2) return undefined;
  return { block: tableBlock(rows, headerRows, lines[start]!, file), next: j };
}

/** Display width: Hangul and other wide characters take two columns, as in a fixed-width editor. */
function displayWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x2460 && code <= 0x24ff) || (code >= 0x25a0 && code <= 0x25ff)
    ? 2
    : 1;
}

const INNER_GAP = /\S(?: {2,}|\t)\S/;

/**
 * A rule line drawn under a header or above a total in typed tables: one rule
 * character repeated (`----`, `====`, `────`, `━━━━`, `····`, `…………`), spaces
 * allowed between, at most two different rule characters (`-=-=-=`), at least
 * five of them. It separates rows; it is never a row.
 */
const RULE_CHARACTERS = '-=─━═·‥…⋯.．_＿－＝―—–';
/** The rule characters' UTF-16 codes (each is one code unit): looked up without making a string per character. */
const RULE_CODES = new Set(Array.from(RULE_CHARACTERS, (ch) => ch.charCodeAt(0)));
export function isRuleLine(text: string): boolean {
  // One pass, stopping at the first character that is neither a rule character nor
  // white space: a list item (`- 사업 …`) is told apart at its third character,
  // where squashing it first would copy the whole line.
  let count = 0;
  let first = -1;
  let second = -1;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (isSpaceCode(code)) continue;
    if (!RULE_CODES.has(code)) return false;
    if (first === -1) first = code;
    else if (code !== first) {
      if (second === -1) second = code;
      else if (code !== second) return false;
    }
    count++;
  }
  return count >= 5;
}

/** The first line from `i` that is not a rule line (at most two rules skipped), undefined at a blank line. */
function nextContentLine(lines: Line[], i: number): number | undefined {
  let j = i;
  while (j < lines.length && j < i + 2 && isRuleLine(lines[j]!.text)) j++;
  const line = lines[j];
  if (!line || line.text === '') return undefined;
  // Stopped before the limit: the loop has just found this line not a rule.
  return j < i + 2 || !isRuleLine(line.text) ? j : undefined;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Cells of a line split at runs of two or more spaces, with display-column extents. */
function spansOf(raw: string): Span[] {
  const spans: Span[] = [];
  let col = 0;
  let current: Span | undefined;
  let spaces = 0;
  for (const ch of raw) {
    const w = ch === '\t' ? 4 : displayWidth(ch);
    if (ch === ' ' || ch === '\t') {
      spaces += w;
    } else {
      if (current && spaces >= 2) {
        spans.push(current);
        current = undefined;
      }
      if (!current) current = { start: col, end: col + w, text: ch };
      else {
        current.text += ' '.repeat(spaces > 0 ? 1 : 0) + ch;
        current.end = col + w;
      }
      spaces = 0;
    }
    col += w;
  }
  if (current) spans.push(current);
  return spans;
}

/**
 * A child row marked like a list item (`ㆍ상수도사업   112,408  105,332`,
 * `- 시설비   300   250`): inside a table, a marked line whose every cell after
 * its name is a figure or a blank mark is a row, not a list item.
 */
function isMarkedFigureRow(text: string, spans: Span[]): boolean {
  if (NOTE.test(text)) return false;
  const rest = spans.slice(1).map((s) => s.text);
  // A child with nothing in any column (`▪ 특수교육   -   -   -`) is still a row.
  return (rest.some(isDataFigure) || rest.length >= 2) && rest.every((t) => isDataFigure(t) || ZERO_MARK.test(t));
}

/** A cell printed as a dash for none or zero. */
const ZERO_MARK = /^[-–—－]$/;

/**
 * Header rows of a space-aligned table: the rows above its first rule line,
 * when there are one to three of them and none holds a figure; else the rows
 * before the first figure.
 */
function headerRowsOf(rows: string[][], firstRule: number | undefined): number {
  const counted = countHeaderRows(rows);
  if (firstRule !== undefined && firstRule >= 1 && firstRule <= 3 && firstRule <= counted) return firstRule;
  return counted;
}

/**
 * Letter-spaced header words (`잔    액`, `구      분`, `사    업    명`): single
 * syllables that the spacing cut into cells are one word when they stand over
 * the same column. A syllable over no column (in the gap between two) starts
 * the word of the column after it when the next syllable stands over a column,
 * else it ends the word before it. Syllables over two different columns
 * (`계  국  도` over 계 | 국비 | 도비) stay apart.
 */
export function joinSpacedSyllables(spans: Span[], columnsOf: (s: Span) => number[]): Span[] {
  const isSyllable = (s: Span | undefined) => s !== undefined && /^[가-힣]$/.test(s.text);
  const out: Span[] = [];
  // Whether the last span out is a syllable or syllables joined here, and the columns it stands over.
  let open = false;
  let lastColumns: number[] = [];
  spans.forEach((span, k) => {
    const columns = columnsOf(span);
    const last = out[out.length - 1];
    if (last && open && isSyllable(span)) {
      const next = spans[k + 1];
      const startsNextWord = columns.length === 0 && isSyllable(next) && columnsOf(next!).length > 0;
      const join = lastColumns.length === 0 || (columns.length > 0 && columns.some((c) => lastColumns.includes(c))) || (columns.length === 0 && !startsNextWord);
      if (join) {
        out[out.length - 1] = { start: last.start, end: span.end, text: `${last.text} ${span.text}` };
        if (lastColumns.length === 0) lastColumns = columns;
        return;
      }
    }
    out.push(span);
    open = isSyllable(span);
    lastColumns = columns;
  });
  return out;
}

/** A header word printed one syllable at a time (`사 업 비`, `잔 액`) is the word (`사업비`). */
function compactSpacedWord(text: string): string {
  return /^[가-힣](?: [가-힣])+$/.test(text) ? text.replace(/ /g, '') : text;
}

function isListOrNote(text: string): boolean {
  return NOTE.test(text) || LIST_MARKERS.some((m) => m.family !== 'numbered' && m.family !== 'hangul' && m.pattern.test(text));
}

/**
 * Columns aligned with spaces: at least three consecutive lines of two or more
 * cells, most with three or more, and at least one figure. Columns are the
 * display-column ranges covered by the cells of the data rows (header cells
 * may straddle several of them and get a column span).
 */
function readAlignedTable(lines: Line[], start: number, file: string): { block: TableBlock; next: number } | undefined {
  const block: { line: Line; spans: Span[] }[] = [];
  let j = start;
  let firstRule: number | undefined;
  while (j < lines.length && lines[j]!.text !== '') {
    // Rule lines are skipped (a trailing one is the table's); the first one after a row may end the header.
    if (isRuleLine(lines[j]!.text)) {
      if (firstRule === undefined && block.length > 0) firstRule = block.length;
      j++;
      continue;
    }
    // Cheap guard: a line with no run of two spaces between words has one cell.
    if (!INNER_GAP.test(lines[j]!.text)) break;
    const spans = spansOf(lines[j]!.raw);
    if (spans.length < 2) break;
    if (isListOrNote(lines[j]!.text) && !(block.length > 0 && isMarkedFigureRow(lines[j]!.text, spans))) break;
    block.push({ line: lines[j]!, spans });
    j++;
  }
  if (block.length < 3) return undefined;
  const wide = block.filter((b) => b.spans.length >= 3).length;
  if (wide < block.length * 0.6) return undefined;
  if (!block.some((b) => b.spans.slice(1).some((s) => isDataFigure(s.text)))) return undefined;
  const headerCount = headerRowsOf(block.map((b) => b.spans.map((s) => s.text)), firstRule);
  const body = block.slice(headerCount);
  // Column ranges from the body rows' cells.
  const ranges: { start: number; end: number }[] = [];
  for (const span of body.flatMap((b) => b.spans).sort((a, b) => a.start - b.start)) {
    const last = ranges[ranges.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else ranges.push({ start: span.start, end: span.end });
  }
  if (ranges.length < 2) return undefined;
  const columnOf = (s: Span): number[] => {
    const hit: number[] = [];
    ranges.forEach((r, c) => {
      if (s.start < r.end && s.end > r.start) hit.push(c);
    });
    if (hit.length === 0) {
      // Header text over a gap: the nearest column.
      let best = 0;
      let bestDistance = Infinity;
      ranges.forEach((r, c) => {
        const d = Math.min(Math.abs(r.start - s.end), Math.abs(s.start - r.end));
        if (d < bestDistance) {
          best = c;
          bestDistance = d;
        }
      });
      hit.push(best);
    }
    return hit;
  };
  const overlapping = (s: Span): number[] => ranges.flatMap((range, c) => (s.start < range.end && s.end > range.start ? [c] : []));
  const rows: TableRow[] = block.map(({ line, spans: lineSpans }, r) => {
    const spans = r < headerCount ? joinSpacedSyllables(lineSpans, overlapping) : lineSpans;
    const texts: string[] = ranges.map(() => '');
    const spanOf: number[] = ranges.map(() => 1);
    const covered = new Set<number>();
    for (const s of spans) {
      const cols = columnOf(s);
      const first = cols[0]!;
      texts[first] = texts[first] ? `${texts[first]} ${s.text}` : s.text;
      if (r < headerCount && cols.length > 1) {
        spanOf[first] = cols.length;
        for (const c of cols.slice(1)) covered.add(c);
      }
    }
    const cells = texts
      .map((text, c) => ({ text: r < headerCount ? compactSpacedWord(text) : text, rowSpan: 1, colSpan: spanOf[c]!, c }))
      .filter((cell) => !covered.has(cell.c))
      .map(({ text, rowSpan, colSpan }) => ({ text, rowSpan, colSpan }));
    return { cells, source: { file, line: line.n, text: line.text } };
  });
  return { block: tableBlock(rows, headerCount, lines[start]!, file), next: j };
}

// ---------------------------------------------------------------------------
// Headings, list items, notes, paragraphs

/** A list item above the current line that an item indented deeper nests under. */
interface OpenItem {
  family: string;
  indent: number;
  depth: number;
}

/**
 * Depth of a list item in plain text: by marker family order (□ → ○ → -), except that an item
 * indented deeper than the open item of its own family above it nests under that item
 * (`- (키워드) …` / `  - 세부 …`: one marker for two levels, told apart only by indentation).
 */
function itemDepth(open: OpenItem[], family: string, indent: number, byFamily: number): number {
  while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
  const above = open[open.length - 1];
  const depth = above && above.family === family ? above.depth + 1 : byFamily;
  open.push({ family, indent, depth });
  return depth;
}

function lineBlock(lines: Line[], i: number, file: string, options: TextLayoutOptions, families: string[], open: OpenItem[] = []): { block: Block; next: number } {
  const line = lines[i]!;
  const src: Source = { file, line: line.n, text: line.text };
  const md = line.text.startsWith('#') ? /^(#{1,6})\s+(.*)$/.exec(line.text) : null;
  if (md) return { block: { type: 'heading', level: md[1]!.length, text: withoutClosingHashes(stripMarkdown(md[2]!)), source: src }, next: i + 1 };
  if (options.markdown && i + 1 < lines.length && line.text !== '' && /^(=+|-+)$/.test(lines[i + 1]!.text) && !/^[-*+]\s/.test(line.text)) {
    return { block: { type: 'heading', level: lines[i + 1]!.text.startsWith('=') ? 1 : 2, text: stripMarkdown(line.text), source: src }, next: i + 2 };
  }
  if (ROMAN.test(line.text)) return { block: { type: 'heading', level: 1, text: line.text, source: src }, next: i + 1 };
  const note = NOTE.exec(line.text);
  if (note && !(options.markdown && /^\*\s/.test(line.text))) {
    return { block: { type: 'note', marker: note[1]!.trim(), text: line.text.slice(note[0].length).trim(), source: src }, next: i + 1 };
  }
  const item = listMarkerAt(line.text);
  // `*` bullets are Markdown's only (`plus` is the last family: no other is left to try).
  if (item && !(item.family === 'plus' && !options.markdown && item.marker === '*')) {
    const { family, marker } = item;
    if (!families.includes(family)) families.push(family);
    const indent = indentOf(line.raw);
    // Depth: Markdown nesting by indentation; Korean outlines by marker family order.
    const depth = options.markdown && /^[-*+]|^\d/.test(marker) ? Math.floor(indent / 2) : itemDepth(open, family, indent, families.indexOf(family));
    let text = stripMarkdown(line.text.slice(item.length));
    let j = i + 1;
    // Continuation lines: indented deeper than the marker, no marker of their own.
    // A unit declaration indented under a list item belongs to the table below, not to the item.
    while (j < lines.length && lines[j]!.text !== '' && indentOf(lines[j]!.raw) > indent && !startsBlock(lines[j]!.text) && !unitDeclarationOf(lines[j]!.text)?.alone) {
      text += ' ' + stripMarkdown(lines[j]!.text);
      j++;
    }
    return { block: { type: 'list-item', marker, depth, text, source: src }, next: j };
  }
  // A short line alone between blank lines, without sentence end, reads as a heading.
  const alone = (lines[i - 1]?.text ?? '') === '' && (lines[i + 1]?.text ?? '') === '';
  if (!options.markdown && alone && line.text.length <= 40 && !/[.。:：]$|[다요]$/.test(line.text) && !/\d{3}/.test(line.text) && /[가-힣]/.test(line.text)) {
    return { block: { type: 'heading', level: 3, text: line.text, source: src }, next: i + 1 };
  }
  let text = options.markdown ? stripMarkdown(line.text) : line.text;
  let j = i + 1;
  if (options.markdown) {
    while (j < lines.length && lines[j]!.text !== '' && !startsBlock(lines[j]!.text) && !lines[j]!.raw.includes('\t')) {
      text += ' ' + stripMarkdown(lines[j]!.text);
      j++;
    }
  }
  return { block: { type: 'paragraph', text, source: src }, next: j };
}

/** How many white-space characters a line starts with, as `raw.length - raw.trimStart().length` (without the copy). */
function indentOf(raw: string): number {
  let k = 0;
  while (k < raw.length && isSpaceCode(raw.charCodeAt(k))) k++;
  return k;
}

/** A Markdown heading without its closing hashes (`## 개요 ##` → `개요`). */
function withoutClosingHashes(text: string): string {
  return text.endsWith('#') ? text.replace(/\s*#+$/, '') : text;
}

function startsBlock(text: string): boolean {
  return /^#{1,6}\s/.test(text) || text.startsWith('|') || (text.includes('<') && /<table\b/i.test(text)) || NOTE.test(text) || ANY_LIST_MARKER.test(text) || ROMAN.test(text);
}
