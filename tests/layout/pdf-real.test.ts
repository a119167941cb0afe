// PDF layout reader on real 한글-exported PDFs, read in place from ../shared/real.
// Every expectation was read off the rendered page by hand (pdftoppm), never
// from the reader's output. A file of its own so it runs beside the others.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/layout/pdf.js';
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
    // The money unit of `(단위: 백만원, %)`, as every reader takes it; the whole declaration stays in unitSource.
    expect(summary!.unit).toBe('백만원');
    expect(summary!.unitSource?.text).toContain('단위');
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
    // Its glyphs overlap (· drawn just left of 비): drawing order decides.
    expect(detail.rows[detail.rows.length - 7]!.cells[0]!.text.replace(/\s/g, '')).toBe('○기능·비목별분류(합계)');
    const third = detail.rows.slice(-6).map((r) => r.cells[5]!.text);
    expect(third).toEqual(['5,279', '5,279', '2,219', '2,219', '-', '-']);
  });

  it('moel national learning card p.1: four tables, the 예산 총괄표 with its unit', async () => {
    const l = await layout(path.join(REAL, 'program-sheets/program-sheet-moel-national-learning-card-2024.pdf'));
    const tables = tablesOn(l, 1);
    expect(tables).toHaveLength(4);
    const budget = tables[3]!;
    expect(budget.unit).toBe('백만원');
    // 증감 spans two columns over (B-A); (B-A)/A has a box of its own: the L is cut into 증감 above two cells.
    expect(texts(budget, 0)).toEqual(['사업명', '2022년\n결산', '2023년 예산\n본예산(A)', '2024년', '증감']);
    expect(texts(budget, 1)).toEqual(['정부안', '확정(B)', '(B-A)', '(B-A)/A']);
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

  it('busan tourism p.5: header told by its tint when no figure tells it; p.40: two yearly budget tables with decimals and 미정', async () => {
    const l = await layout(path.join(REAL, 'regional-plans/report-busan-tourism-mice-2025.pdf'));
    const [, staff, , fund] = tablesOn(l, 5);
    expect(staff!.unit).toBe('명');
    expect(staff!.headerRows).toBe(1);
    expect(texts(staff!, 1)).toEqual(['계', '80 / 85', '1 / 1', '3 / 3', '14 / 15', '34 / 28', '27 / 33', '1 / 5', '']);
    expect(fund!.unit).toBe('백만원');
    expect(row(fund!, '관광마이스육성진흥기금')).toEqual(['관광마이스육성진흥기금', '6,147', '3,263', '0', '3,263', '9,410', '']);
    const [first, second] = tablesOn(l, 40);
    expect(row(first!, '계')).toEqual(['계', '5,600', '1,400', '1,400', '1,400', '1,400', '1,400', '1,400']);
    expect(row(second!, '계')).toEqual(['계', '2,000', '1,000', '973', '1,000', '968.4', '미정', '미정']);
    expect(row(second!, '시비')).toEqual(['시 비', '985', '492.5', '468.5', '492.5', '476.4', '미정', '미정']);
  });
});

