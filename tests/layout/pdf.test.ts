// PDF layout reader. Expectations on real pages were read off the rendered
// pages by hand (pdftoppm), never from the reader's output.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPdfLayout, unitOf } from '../../src/layout/pdf.js';
import { buildGrid } from '../../src/layout/pdf-grid.js';
import { cutAtRules, isFigure } from '../../src/layout/pdf-table.js';
import type { Layout, TableBlock } from '../../src/layout/types.js';
import { ROOT } from '../helpers/load.js';

const REAL = path.resolve(ROOT, '../shared/real');

async function layout(rel: string): Promise<Layout> {
  const file = path.isAbsolute(rel) ? rel : path.join(ROOT, rel);
  const result = await readPdfLayout(rel, new Uint8Array(readFileSync(file)));
  if ('error' in result) throw new Error(`${rel}: ${result.error}`);
  return result;
}

const tablesOn = (l: Layout, page: number) => l.blocks.filter((b): b is TableBlock => b.type === 'table' && b.source.page === page);
const texts = (t: TableBlock, r: number) => t.rows[r]!.cells.map((c) => c.text);
/** The body row whose first cell contains `label`. */
const row = (t: TableBlock, label: string) => t.rows.slice(t.headerRows).find((r) => r.cells[0]!.text.replace(/\s/g, '').includes(label))?.cells.map((c) => c.text);

describe.skipIf(!existsSync(REAL))('real 한글-exported PDFs (read in place from ../shared/real)', () => {
  it('molit private rental loan p.2: 지출계획 총괄표 and the 기능별/비목별 table with stacked rows split', async () => {
    const l = await layout(path.join(REAL, 'program-sheets/program-sheet-molit-private-rental-loan-2024.pdf'));
    const [summary, detail] = tablesOn(l, 2);
    expect(tablesOn(l, 2)).toHaveLength(2);
    expect(summary!.unit).toBe('백만원, %');
    expect(summary!.headerRows).toBe(2);
    expect(texts(summary!, 0).slice(0, 4)).toEqual(['목명', '2022년\n결산', '2023년 계획', '2024년']);
    expect(texts(summary!, 1).slice(0, 4)).toEqual(['당초(A)', '수정', '정부안', '확정(B)']);
    expect(texts(summary!, 2)).toEqual(['민간임대융자', '1,651,242', '1,708,844', '1,708,844', '1,477,009', '1,477,009', '△231,835', '△13.6']);
    expect(detail!.unit).toBe('백만원');
    expect(detail!.headerRows).toBe(3);
    expect(row(detail!, '공공지원민간임대')!.slice(1)).toEqual(['1,400,480', '746,808', '746,808', '-', '-', '1,048,632', '1,048,632', '1,048,632', '479,900', '1,048,632', '479,900', '-', '-', '829,665']);
    // One grid row printed 비목별 분류(합계) over 기타민간융자금: two logical rows.
    expect(row(detail!, '비목별분류(합계)')!.slice(1, 4)).toEqual(['1,653,931', '1,653,931', '1,651,242']);
    expect(row(detail!, '기타민간융자금')!.slice(1, 4)).toEqual(['1,653,931', '1,653,931', '1,651,242']);
    expect(detail!.rows.length - detail!.headerRows).toBe(6);
  });

  it('molit small housing renewal p.2: amounts with (change) and [실집행액] under them stay one row', async () => {
    const l = await layout(path.join(REAL, 'program-sheets/program-sheet-molit-small-housing-renewal-2024.pdf'));
    const detail = tablesOn(l, 2)[1]!;
    expect(row(detail, '가로주택정비사업')!.slice(1)).toEqual(['267,500\n(43,900)', '311,400', '306,121\n[306,121]', '-', '5,279', '449,600', '25,844', '475,444', '474,546\n[474,546]', '475,444', '474,546\n[474,546]', '-', '898', '402,100']);
    expect(row(detail, '이차보전지원')!.slice(1)).toEqual(['-', '-', '-', '-', '-', '4,000', '-3,600', '400', '272\n[272]', '400', '272\n[272]', '-', '128', '6,800']);
    // Three groups (기능별 4 rows, 비목별 3, 기능·비목별 7); rules under the third are drawn for some columns only.
    expect(detail.rows.length - detail.headerRows).toBe(14);
    const last = detail.rows[detail.rows.length - 1]!.cells.map((c) => c.text);
    expect(last[0]!.replace(/\s/g, '')).toBe('-이차보전금(320-05)');
    expect(last.slice(1)).toEqual(['-', '-', '-', '-', '-', '4,000', '-3,600', '400', '272\n[272]', '400', '272\n[272]', '-', '128', '6,800']);
    const third = detail.rows.slice(-6).map((r) => r.cells[5]!.text);
    expect(third).toEqual(['5,279', '5,279', '2,219', '2,219', '-', '-']);
  });

  it('moel national learning card p.1: four tables, the 예산 총괄표 with its unit', async () => {
    const l = await layout(path.join(REAL, 'program-sheets/program-sheet-moel-national-learning-card-2024.pdf'));
    const tables = tablesOn(l, 1);
    expect(tables).toHaveLength(4);
    const budget = tables[3]!;
    expect(budget.unit).toBe('백만원, %');
    expect(texts(budget, 1)).toEqual(['정부안', '확정(B)']);
    expect(texts(budget, 2)).toEqual(['내일배움카드(일반)', '322,799', '518,815', '584,906', '584,906', '66,091', '12.7']);
    expect(texts(tables[1]!, 0)).toEqual(['구분', '프로그램', '단위사업', '세부사업']);
  });

  it('busan transport p.5: 인력 and 예산 (억원) tables; p.34: 연도별 예산 및 집행 현황 inside a frame', async () => {
    const l = await layout(path.join(REAL, 'regional-plans/report-busan-transport-innovation-2025.pdf'));
    const [, staff, budget] = tablesOn(l, 5);
    expect(texts(staff!, 0)).toEqual(['구 분', '계', '3급', '4급', '5급', '6급', '7급', '8급이하']);
    expect(texts(staff!, 2)).toEqual(['현 원', '192', '1', '6', '20', '56', '63', '46']);
    expect(budget!.unit).toBe('억원');
    expect(texts(budget!, 0)).toEqual(['구 분', '2025년도', '2024년도', '증 감', '증감률']);
    expect(row(budget!, '총계')).toEqual(['총 계', '10,753', '8,059', '2,694', '33.4%']);
    // The sub-accounts sit under a merged empty cell: as made, their rows start at the name.
    expect(budget!.rows.map((r) => r.cells.map((c) => c.text)).find((r) => r[0] === '광역교통시설특별회계')).toEqual(['광역교통시설특별회계', '94', '150', '△56', '△37.3%']);
    const yearly = tablesOn(l, 34);
    expect(yearly).toHaveLength(2);
    expect(yearly[0]!.unit).toBe('백만원');
    expect(texts(yearly[0]!, 1)).toEqual(['예산', '집행', '예산', '집행']);
    expect(row(yearly[0]!, '계')).toEqual(['계', '1,580', '1,180', '1,180', '', '', '', '']);
    expect(row(yearly[0]!, '기타')).toEqual(['기 타', '400', '직접', '지원', '', '', '', '']);
    expect(row(yearly[1]!, '계')).toEqual(['계', '1,400', '1,400', '1,400', '-', '-', '', '']);
  });

  it('busan tourism p.40: two yearly budget tables with decimals and 미정', async () => {
    const l = await layout(path.join(REAL, 'regional-plans/report-busan-tourism-mice-2025.pdf'));
    const [first, second] = tablesOn(l, 40);
    expect(row(first!, '계')).toEqual(['계', '5,600', '1,400', '1,400', '1,400', '1,400', '1,400', '1,400']);
    expect(row(second!, '계')).toEqual(['계', '2,000', '1,000', '973', '1,000', '968.4', '미정', '미정']);
    expect(row(second!, '시비')).toEqual(['시 비', '985', '492.5', '468.5', '492.5', '476.4', '미정', '미정']);
  });
});

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
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.filter((r) => !rows.has(r))).toEqual([]);
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

describe('pieces', () => {
  it.each([
    ['(단위: 백만원)', '백만원'],
    ['(단위 : 억원, %)', '억원, %'],
    ['(기준 : ’25. 2. 1. / 단위 : 명)', '명'],
    ['(’21. 6. 30 현재, 단위 : 천원)', '천원'],
    ['(현원, 명)', '명'],
    ['(기준 : ’25. 2. 1.)', undefined],
    ['단위가 없는 줄', undefined],
  ])('unit of %s', (line, unit) => expect(unitOf(line)).toBe(unit));

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
        expect('error' in result ? typeof result.error : 'layout').toBe('string');
      }),
      { numRuns: 40 },
    );
  });

  it('encrypted, scanned and truncated fixtures say why', async () => {
    const read = async (f: string) => readPdfLayout(f, new Uint8Array(readFileSync(path.join(ROOT, f))));
    expect(await read('fixtures/broken/encrypted.pdf')).toEqual({ error: 'encrypted PDF (password required)' });
    expect(await read('fixtures/broken/scanned.pdf')).toEqual({ error: 'no text layer — scanned PDF?' });
    expect(await read('fixtures/broken/truncated.pdf')).toHaveProperty('error');
  });
});
