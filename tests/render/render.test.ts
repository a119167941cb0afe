import { beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { charWidth, loadTableLibraries, renderTableResult, renderTableText } from '../../src/render/table.js';
import { neutralizeFormula, renderCsv } from '../../src/render/csv.js';
import { renderJson } from '../../src/render/json.js';
import { renderMd } from '../../src/render/md.js';
import { renderers, FORMATS } from '../../src/render/index.js';
import type { CommandResult, TableResult } from '../../src/commands/types.js';

const table: TableResult = {
  columns: [
    { key: 'program', label: 'program', kind: 'text' },
    { key: 'budget_krw', label: 'budget', kind: 'krw' },
    { key: 'execution_rate_pct', label: 'rate %', kind: 'pct' },
  ],
  rows: [
    { program: 'SW융합클러스터2.0', budget_krw: 2_094_000_000, execution_rate_pct: 9.57 },
    { program: 'ICT디바이스랩 운영사업', budget_krw: 320_000_000, execution_rate_pct: 34.7 },
    { program: '=HYPERLINK("x")', budget_krw: 12_000_000, execution_rate_pct: 100 },
  ],
  moneyUnit: '천원',
};
const result: CommandResult = { tables: [table] };

describe('table', () => {
  it('aligns columns by display width (Hangul counts two), not string length', () => {
    const lines = renderTableResult(table, { color: false }).split('\n');
    const body = lines.slice(2);
    // Every row's rate column ends at the same display column.
    // Program column 22 (`ICT디바이스랩 운영사업`: 3 + 5×2 + 1 + 4×2), budget 13 (`budget (천원)`), rate 6, two gaps of 2: 45.
    expect(body.map((l) => stringWidth(l))).toEqual([45, 45, 45]);
    // String lengths differ because Hangul is one code unit but two columns:
    // 45 − 6 Hangul (융합클러스터), 45 − 9 (디바이스랩, 운영사업), 45 (ASCII only).
    expect(body.map((l) => l.length)).toEqual([39, 36, 45]);
    expect(lines[0]).toContain('budget (천원)');
    expect(body[0]).toContain('2,094,000');
    expect(body[0]!.trimEnd().endsWith('9.6')).toBe(true);
  });

  it('shows money in another unit with --unit', () => {
    expect(renderTableResult(table, { color: false, unit: '억원' })).toContain('20.9');
  });

  it('has no escape codes without color', async () => {
    expect(renderTableResult(table, { color: false })).not.toMatch(/\u001b\[/);
    await loadTableLibraries({ color: true });
    expect(renderTableResult(table, { color: true })).toMatch(/\u001b\[/);
  });
});

describe('table libraries loaded on demand', () => {
  // Runs in a fresh module instance: string-width and chalk not loaded yet.
  it('renders texts with emoji, marks and color the same as with the libraries loaded first', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = await import('../../src/render/table.js');
    const marked: TableResult = { ...table, rows: [...table.rows, { program: '👍🏽 e\u0301 \u1100\u1161\u11a8', budget_krw: 1_000, execution_rate_pct: 5 }] };
    const lazy = await fresh.renderTableText({ tables: [marked] }, { color: true });
    await loadTableLibraries();
    expect(lazy).toBe(renderTableResult(marked, { color: true }) + '\n');
    expect(lazy.split('\n').slice(2, 6).map((l) => stringWidth(l))).toEqual([45, 45, 45, 45]);
  });

  it('without color and clustering texts, renderTableText is renderTable', async () => {
    expect(await renderTableText(result, { color: false })).toBe(renderTableResult(table, { color: false }) + '\n');
  });
});

describe('csv', () => {
  it('writes the header and unformatted numbers, one record per row', () => {
    const csv = renderCsv(result, { bom: false });
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('program,budget_krw,execution_rate_pct');
    expect(lines[1]).toBe('SW융합클러스터2.0,2094000000,9.57');
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    expect(renderCsv(result, { bom: false })).toContain(`"'=HYPERLINK(""x"")"`);
    expect(neutralizeFormula('-1,920')).toBe("'-1,920");
    expect(neutralizeFormula('-12.5')).toBe('-12.5');
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('사업')).toBe('사업');
  });

  it('prefixes a BOM with --bom', () => {
    expect(renderCsv(result, { bom: true }).startsWith('\uFEFF')).toBe(true);
    expect(renderCsv(result, { bom: false }).startsWith('\uFEFF')).toBe(false);
  });
});

describe('json and md', () => {
  it('JSON parses back to the rows keyed by column names', () => {
    const parsed = JSON.parse(renderJson(result)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({ program: 'SW융합클러스터2.0', budget_krw: 2_094_000_000, execution_rate_pct: 9.57 });
  });

  it('Markdown has a header row, an alignment row and one row per record', () => {
    const md = renderMd(result, {}).trimEnd().split('\n');
    expect(md[0]).toBe('| program | budget (천원) | rate % |');
    expect(md[1]).toBe('| --- | ---: | ---: |');
    expect(md).toHaveLength(5);
  });

  it.each(FORMATS)('every format renders the same result (%s)', async (format) => {
    const rendered = await (await renderers[format]())(result, { color: false, bom: false });
    const out = typeof rendered === 'string' ? rendered : [...rendered].join('');
    expect(out).toContain('SW융합클러스터2.0');
  });
});

describe('displayWidth: ASCII and Hangul counted without string-width, the rest by it', () => {
  beforeAll(() => loadTableLibraries({ clusters: true }));

  it.each([
    ['', 0],
    ['budget 12,300', 13],
    ['예산', 4],
    ['사업 예산 12,300', 16],
    ['가a나b', 6],
    // Not ASCII or Hangul syllables: string-width decides (a middle dot is narrow, a CJK ideograph wide).
    ['가·나', 5],
    ['年度', 4],
    ['※ ①사업 → ②', 11],
    ['１２３', 6],
    // Sequences whose width is not the sum of their characters: string-width reads them whole.
    ['👍🏽', 2],
    ['👨‍👩‍👧', 2],
    ['e\u0301', 1],
    ['\u1100\u1161\u11a8', 2],
    ['\x1b[31m예산\x1b[39m', 4],
    // Thai SARA AM joins the letter before it (not a mark, but one grapheme).
    ['กำ', 1],
  ])('%j is %i columns', async (text, width) => {
    const { displayWidth } = await import('../../src/render/table.js');
    expect(displayWidth(text)).toBe(width);
  });

  it('agrees with string-width on random texts of mixed scripts, marks and emoji', async () => {
    const { displayWidth } = await import('../../src/render/table.js');
    const { default: stringWidth } = await import('string-width');
    const pool = ['a', ' ', '가', '·', '年', '※', '①', '→', '\t', '\u0301', '\u200d', '\ufe0f', '👍', '🏽', '\u1100', '\u1161', '\u3131', '１', '\u00ad', '\x1b[1m'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(next() * 8);
      for (let i = 0; i < length; i++) text += pool[Math.floor(next() * pool.length)];
      expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
  });

  it('gives every BMP character without clustering characters the width string-width gives it', () => {
    const clustering = /[\x1b\p{M}\p{Cf}\p{Cs}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\ufe00-\ufe0f]/u;
    const differ: string[] = [];
    let checked = 0;
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (clustering.test(ch)) continue;
      checked++;
      if (charWidth(code) !== stringWidth(ch)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    // 65,536 less the marks, format characters, surrogates, jamo, variation selectors and ESC.
    expect(checked).toBe(61710);
  });
});
