// PDF layout reader on the samples, the generated fixtures and bad bytes (real
// documents: pdf-real.test.ts). Expectations are written out, never computed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutOfPages, readPdfLayout, readPdfWithLayout } from '../../src/layout/pdf.js';
import { readPdf } from '../../src/layout/pdf-text.js';
import { buildGrid, ruleGroups } from '../../src/layout/pdf-grid.js';
import { cutAtRules, isFigure } from '../../src/layout/pdf-table.js';
import type { Layout, TableBlock } from '../../src/layout/types.js';
import { ROOT } from '../helpers/load.js';

async function layout(rel: string): Promise<Layout> {
  const file = path.isAbsolute(rel) ? rel : path.join(ROOT, rel);
  const result = await readPdfLayout(rel, new Uint8Array(readFileSync(file)));
  if ('error' in result) throw new Error(`${rel}: ${result.error}`);
  return result;
}

const squash = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, '');

describe('samples (Chromium-printed PDFs) against their text versions', () => {
  it('regional report: the budget-execution table holds the same rows as the tab-separated one', async () => {
    const l = await layout('fixtures/samples/regional-report-2020h1.pdf');
    const table = l.blocks.find((b): b is TableBlock => b.type === 'table' && /^구분\|사업명\|예산액\|집행액/.test(b.rows[0]!.cells.map((c) => squash(c.text)).join('|')))!;
    expect(table.unit).toBe('천원');
    expect(table.source.page).toBe(21);
    const lines = readFileSync(path.join(ROOT, 'fixtures/samples/regional-report-2020h1.txt'), 'utf8').split('\n');
    const start = lines.findIndex((t) => t.startsWith('구분\t사업명\t예산액'));
    const after = lines.findIndex((t, i) => i > start && /^\d{4}년도|^#/.test(t));
    const expected = lines.slice(start, after < 0 ? lines.length : after).filter((t) => t.includes('\t') && !t.startsWith('구분\t')).map((t) => t.split('\t').map(squash));
    const body = table.rows.slice(table.headerRows).map((r) => r.cells.map((c) => squash(c.text)));
    expect(body).toEqual(expected);
    expect(body.filter((r) => r[1] !== '')).toHaveLength(52);
  });

  it('national plan: every tab-separated row with figures is a row of a PDF table', async () => {
    const l = await layout('fixtures/samples/national-plan-2023.pdf');
    const rows = new Set(l.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells.map((c) => squash(c.text)).join('|')) : [])));
    const expected = readFileSync(path.join(ROOT, 'fixtures/samples/national-plan-2023.txt'), 'utf8')
      .split('\n')
      .filter((t) => t.includes('\t') && /\d/.test(t))
      .map((t) => t.split('\t').map(squash).join('|'));
    // `grep -P '\t' national-plan-2023.txt | grep -c '[0-9]'`: 31 rows.
    expect(expected).toHaveLength(31);
    expect(expected.filter((r) => !rows.has(r))).toEqual([]);
  });
});

describe('line numbers are those of the line pipeline', () => {
  it.each(['fixtures/samples/national-plan-2023.pdf', 'fixtures/pdf/multipage-table.pdf'])('%s: every block, row and cell source names a line readPdf gives, with its text and page', async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, file)));
    const both = await readPdfWithLayout(file, bytes);
    const old = await readPdf(bytes);
    if ('error' in both || 'error' in old) throw new Error('unreadable');
    expect(both.text.lines.map((l) => [l.page, l.text])).toEqual(old.lines.map((l) => [l.page, l.text]));
    const sources = both.layout.blocks.flatMap((b) => [b.source, ...(b.type === 'table' ? b.rows.flatMap((r) => [r.source, ...r.cells.flatMap((c) => (c.source ? [c.source] : []))]) : [])]);
    expect(sources.length).toBeGreaterThan(5);
    for (const s of sources) {
      const line = old.lines[s.line - 1]!;
      expect([s.file, s.page, s.text]).toEqual([file, line.page, line.text.trim()]);
    }
  });
});

describe('generated fixtures (no rules: stream tables)', () => {
  it('a table over three pages is one table, repeated headers dropped', async () => {
    const l = await layout('fixtures/pdf/multipage-table.pdf');
    const tables = l.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.unit).toBe('천원');
    expect(tables[0]!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['구분', '사업명', '예산액', '집행액', '잔액', '집행률'],
      ['계', '', '600,000', '120,000', '480,000', '20.0%'],
      ['분야가', '첫째사업', '100,000', '10,000', '90,000', '10.0%'],
      ['', '둘째사업', '200,000', '40,000', '160,000', '20.0%'],
      ['', '셋째사업', '100,000', '30,000', '70,000', '30.0%'],
      ['분야나', '넷째사업', '100,000', '20,000', '80,000', '20.0%'],
      ['', '다섯째사업', '100,000', '20,000', '80,000', '20.0%'],
    ]);
    expect(tables[0]!.rows[4]!.source.page).toBe(2);
  });

  it('vertically centred cells: wrapped names join the row of the nearer figures', async () => {
    const l = await layout('fixtures/pdf/centred-cells.pdf');
    const table = l.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.rows.slice(1).map((r) => r.cells.map((c) => c.text))).toEqual([
      ['계', '', '1,500', '500', '1,000', '33.3%'],
      ['분야', '가나다라마\n바사업', '1,000', '400', '600', '40.0%'],
      ['', '아자차\n카타사업', '500', '100', '400', '20.0%'],
    ]);
    expect(l.blocks.slice(0, 2).map((b) => [b.type, 'text' in b ? b.text : ''])).toEqual([
      ['paragraph', '2021년도 상반기 주요업무 추진상황'],
      ['paragraph', '2021년도 상반기 예산집행 현황'],
    ]);
  });

  it.each(['fixtures/pdf/cid-uniks-ucs2.pdf', 'fixtures/pdf/cid-kscms-uhc.pdf'])('%s: non-embedded CID font, figures one space apart', async (file) => {
    const l = await layout(file);
    const table = l.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.rows.map((r) => r.cells.map((c) => c.text))[1]).toEqual(['계', '', '1,500,000', '450,000', '1,050,000', '30.0%']);
  });
});

const word = (str: string, x: number, y: number, width = str.length * 8, height = 8) => ({ str, x, y, width, height });
const tableOf = (l: ReturnType<typeof layoutOfPages>) => {
  if ('error' in l) throw new Error(l.error);
  return l.blocks.find((b): b is TableBlock => b.type === 'table')!;
};

describe('tables from positions (pages made by hand)', () => {
  it('ruled: one grid row stacking two rows of figures is split in two', () => {
    const rules = [0, 20, 60].map((y) => ({ x0: 0, x1: 300, y0: y, y1: y })).concat([0, 100, 200, 300].map((x) => ({ x0: x, x1: x, y0: 0, y1: 60 })));
    const items = [word('구분', 10, 14), word('2023', 110, 14), word('2024', 210, 14), word('가', 10, 35), word('10', 110, 35), word('30', 210, 35), word('나', 10, 50), word('20', 110, 50), word('40', 210, 50)];
    const table = tableOf(layoutOfPages('t.pdf', [{ n: 1, width: 300, height: 400, items, rules }]));
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['구분', '2023', '2024'],
      ['가', '10', '30'],
      ['나', '20', '40'],
    ]);
    expect(table.rows.map((r) => r.source.line)).toEqual([1, 2, 3]);
  });

  it('unruled: justified prose with wide gaps and figures is no table', () => {
    const items = [
      word('성장단계별', 40, 100, 40),
      word('지원체계', 200, 100, 32),
      word('진단', 400, 100, 16),
      word('예비창업패키지를 확대하고 초기창업패키지도 늘려 50개사를', 40, 112, 420),
      word('3.3억원 10억원', 470, 112, 60),
    ];
    const result = layoutOfPages('t.pdf', [{ n: 1, width: 600, height: 400, items }]);
    if ('error' in result) throw new Error(result.error);
    expect(result.blocks.map((b) => b.type)).not.toContain('table');
  });

  it('unruled: a two-line header, figures one space apart in one text run', () => {
    const items = [
      word('구분', 40, 100, 16),
      word('예산액', 140, 100, 24),
      word('집행액', 240, 100, 24),
      word('(천원)', 140, 111, 24),
      word('(천원)', 240, 111, 24),
      word('A사업', 40, 130, 25),
      word('1,000 200', 150, 130, 108),
    ];
    const table = tableOf(layoutOfPages('t.pdf', [{ n: 1, width: 300, height: 400, items }]));
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['구분', '예산액\n(천원)', '집행액\n(천원)'],
      ['A사업', '1,000', '200'],
    ]);
  });
});

describe('pieces', () => {
  it.each([
    ['1,234', true],
    ['△231,835', true],
    ['-3,600', true],
    ['33.4%', true],
    ['12건', true],
    ['[272]', true],
    ['2024', false],
    ['2022년', false],
    ['-', false],
    ['계획현액', false],
  ])('isFigure(%s) = %s', (text, expected) => expect(isFigure(text)).toBe(expected));

  it('cuts a text run at the column rule it crosses', () => {
    const item = { str: '1,00022', x: 0, y: 10, width: 70, height: 10 };
    expect(cutAtRules(item, [50]).map((p) => p.str)).toEqual(['1,000', '22']);
  });

  it('a page drawn with thousands of crossing rules (a chart, a hatch) gives no tables rather than stalling', () => {
    const rules = Array.from({ length: 2100 }, (_, i) => [
      { x0: 0, x1: 5000, y0: i * 2, y1: i * 2 },
      { x0: i * 2, x1: i * 2, y0: 0, y1: 5000 },
    ]).flat();
    expect(ruleGroups(rules)).toEqual([]);
    expect(ruleGroups(rules.slice(0, 8)).length).toBe(1);
  });

  it('a missing internal rule merges grid positions into a spanning cell', () => {
    // 3 columns × 2 rows; the rule between columns 1 and 2 runs only along the second row.
    const h = [0, 10, 20].map((at) => ({ at, from: 0, to: 30 }));
    const v = [
      { at: 0, from: 0, to: 20 },
      { at: 10, from: 0, to: 20 },
      { at: 20, from: 10, to: 20 },
      { at: 30, from: 0, to: 20 },
    ];
    const grid = buildGrid({ h, v })!;
    expect(grid.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 2],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
    ]);
  });
});

describe('bad bytes', () => {
  it('random or damaged bytes give {error}, never a throw', async () => {
    const pdfHead = new TextEncoder().encode('%PDF-1.4\n');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, headed) => {
        const data = headed ? new Uint8Array([...pdfHead, ...bytes]) : bytes;
        const result = await readPdfLayout('x.pdf', data);
        // Random bytes are never a PDF with text: always one line of error, never a layout.
        expect(result).toEqual({ error: expect.any(String) });
        if ('error' in result) expect(result.error).not.toContain('\n');
      }),
      { numRuns: 40 },
    );
  });

  it('any text items and rules on a page give a layout or {error}, never a throw', () => {
    const num = fc.double({ min: -50, max: 650, noNaN: true });
    const item = fc.record({ str: fc.constantFrom('계', '1,000', '(단위: 천원)', '□ 항목', '-', '△5', '2024', ' ', '※ 주'), x: num, y: num, width: fc.double({ min: 0, max: 200, noNaN: true }), height: fc.double({ min: 0, max: 20, noNaN: true }) });
    const rule = fc.oneof(
      fc.tuple(num, num, num).map(([y, a, b]) => ({ x0: Math.min(a, b), x1: Math.max(a, b), y0: y, y1: y })),
      fc.tuple(num, num, num).map(([x, a, b]) => ({ x0: x, x1: x, y0: Math.min(a, b), y1: Math.max(a, b) })),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ items: fc.array(item, { maxLength: 40 }), rules: fc.array(rule, { maxLength: 30 }) }), { minLength: 1, maxLength: 3 }), (pages) => {
        const result = layoutOfPages('f.pdf', pages.map((p, i) => ({ n: i + 1, width: 600, height: 600, ...p })));
        expect('error' in result || Array.isArray(result.blocks)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('encrypted, scanned and truncated fixtures say why', async () => {
    const read = async (f: string) => readPdfLayout(f, new Uint8Array(readFileSync(path.join(ROOT, f))));
    expect(await read('fixtures/broken/encrypted.pdf')).toEqual({ error: 'encrypted PDF (password required)' });
    expect(await read('fixtures/broken/scanned.pdf')).toEqual({ error: 'no text layer — scanned PDF?' });
    expect(await read('fixtures/broken/truncated.pdf')).toHaveProperty('error');
  });
});
