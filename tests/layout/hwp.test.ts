import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HWP_ERRORS, paragraphText, readHwpLayout } from '../../src/layout/hwp.js';
import { readLayout } from '../../src/layout/index.js';
import { tableGrid, type Layout, type TableBlock } from '../../src/layout/types.js';

const require = createRequire(import.meta.url);
const REAL = fileURLToPath(new URL('../../../shared/real/hwp/', import.meta.url));
const FARMLAND = `${REAL}hwp5-nts-farmland-ruling-2012.hwp`;

interface CfbEntry {
  content: Uint8Array;
}
interface Cfb {
  read(data: Uint8Array, o: { type: 'buffer' }): unknown;
  find(c: unknown, path: string): CfbEntry | null;
  write(c: unknown, o: { type: 'buffer' }): Uint8Array;
  utils: { cfb_new(): unknown; cfb_add(c: unknown, path: string, content: Uint8Array): void };
}
const CFB = require('cfb') as Cfb;

async function layoutOf(path: string, bytes: Uint8Array = readFileSync(path)): Promise<Layout> {
  const result = await readHwpLayout('doc.hwp', bytes);
  if ('error' in result) throw new Error(result.error);
  return result;
}
const tablesOf = (layout: Layout): TableBlock[] => layout.blocks.filter((b): b is TableBlock => b.type === 'table');

describe('HWP 5.0 text records', () => {
  const utf16 = (units: number[]) => {
    const b = Buffer.alloc(units.length * 2);
    units.forEach((u, i) => b.writeUInt16LE(u, i * 2));
    return b;
  };
  const ext = (code: number) => [code, 0x6274, 0x206c, 0, 0, 0, 0, code]; // an eight-unit control
  it.each([
    ['plain text', utf16([0xc608, 0xc0b0, 13]), '예산'],
    ['a table control is dropped', utf16([...ext(11), 0xacc4, 13]), '계'],
    ['tab (inline control, eight units) and line break', utf16([0x41, ...ext(9), 0x42, 10, 0x43, 13]), 'A\tB\nC'],
    ['non-breaking and fixed-width spaces', utf16([0x31, 30, 0x32, 31, 0x33]), '1 2 3'],
    ['no record', undefined, ''],
  ])('%s', (_, data, text) => {
    expect(paragraphText(data)).toBe(text);
  });
});

describe('bad HWP input', () => {
  it('bytes that are not an OLE compound file', async () => {
    expect(await readHwpLayout('x.hwp', new TextEncoder().encode('HWP Document File'))).toEqual({ error: 'not an HWP document (not an OLE compound file)' });
  });

  it('an OLE file that is not HWP (no HWP file header)', async () => {
    const c = CFB.utils.cfb_new();
    CFB.utils.cfb_add(c, '/WordDocument', new Uint8Array([1, 2, 3]));
    expect(await readHwpLayout('x.hwp', CFB.write(c, { type: 'buffer' }))).toEqual({ error: 'not an HWP 5.0 document (no HWP file header)' });
  });
});

describe('dispatch by extension, then by content', () => {
  const hwpx = readFileSync(new URL('../../fixtures/hwpx/nested-table.hwpx', import.meta.url));
  it('an HWPX saved with the .hwp ending is read as HWPX', async () => {
    const layout = await readLayout('renamed.hwp', hwpx);
    expect('error' in layout ? layout.error : layout.format).toBe('hwpx');
  });
  it.skipIf(!existsSync(REAL))('an HWP saved with the .hwpx ending is read as HWP', async () => {
    const layout = await readLayout('renamed.hwpx', readFileSync(FARMLAND));
    expect('error' in layout ? layout.error : layout.format).toBe('hwp');
  });
  it('text with the .hwp ending', async () => {
    expect(await readLayout('notes.hwp', new TextEncoder().encode('메모'))).toEqual({ error: 'not an HWP document (not an OLE compound file)' });
  });
});

describe.skipIf(!existsSync(REAL))('real HWP 5.0 documents', () => {
  it('농지대토 질의회신: the 6×6 data table with its merged 양도 and 비고 cells', async () => {
    const tables = tablesOf(await layoutOf(FARMLAND));
    expect(tables).toHaveLength(2);
    // The header-field layout table: its TABLE record says 12 rows × 37 columns.
    expect(tables[0]!.rows).toHaveLength(12);
    expect(tableGrid(tables[0]!)[0]).toHaveLength(37);
    const data = tables[1]!;
    // Values as printed (the document's preview text gives them in the same order).
    expect(tableGrid(data).map((row) => row.map((c) => c.text))).toEqual([
      ['구분', '필지', '지적(㎡)', '양도가액(천원)', '양도일', '비고'],
      ['양도', 'A', '2,175', '329,000', '2008.7.4', '대토감면 신청'],
      ['양도', 'B', '1,356', '651,613', '2008.10.31', '토지거래 허가구역 소재'],
      ['양도', 'C', '530', '254,687', '2008.10.31', '토지거래 허가구역 소재'],
      ['양도', '계', '4,061', '1,235,300', '', ''],
      ['취득', 'D', '1,339', '255,000', '2009.2.17', ''],
    ]);
    expect(data.rows.map((r) => r.cells.length)).toEqual([6, 6, 5, 4, 5, 6]);
    expect(data.rows[1]!.cells[0]).toEqual({ text: '양도', rowSpan: 4, colSpan: 1 });
    expect(data.rows[2]!.cells[4]).toEqual({ text: '토지거래 허가구역 소재', rowSpan: 2, colSpan: 1 });
    expect(data.headerRows).toBe(1);
  });

  it('이전가격 과세전적부심사: nineteen tables of the shapes 한글 shows', async () => {
    const tables = tablesOf(await layoutOf(`${REAL}hwp5-nts-transfer-pricing-review-2014.hwp`));
    expect(tables.map((t) => t.rows.length)).toEqual([13, 6, 10, 10, 7, 9, 9, 1, 3, 5, 2, 5, 2, 3, 6, 1, 15, 12, 1]);
    expect(tables.map((t) => tableGrid(t)[0]!.length)).toEqual([7, 4, 4, 3, 3, 5, 5, 1, 6, 4, 2, 2, 4, 4, 9, 1, 9, 5, 1]);
    // 정상가격 (D = B × C): 165,702 × 91.5% = 151,617; 소득조정금액 E = D − A = 151,617 − 148,062 = 3,555.
    const grid = tableGrid(tables[2]!).map((row) => row.map((c) => c.text));
    expect(grid[0]).toEqual(['대상 사업연도', '대상 사업연도', '1999년', '2000년']);
    expect(grid[5]).toEqual(['청구법인', '원가가산방법에 따른 정상가격 (A)', '148,062', '391,441']);
    expect(grid[6]).toEqual(['통지관서', '모법인의 對 고객 판매가(B)', '165,702', '440,290']);
    expect(grid[9]).toEqual(['소득조정금액 (E= D - A)', '소득조정금액 (E= D - A)', '3,555', '11,424']);
    expect(tables[2]!.unit).toBe('백만원');
  });

  it('a distribution (배포용) document is refused', async () => {
    expect(await readHwpLayout('d.hwp', readFileSync(`${REAL}hwp5-distribution-protected.hwp`))).toEqual({
      error: 'distribution (배포용) HWP document: its body is encrypted and cannot be read; save it as HWPX or PDF in 한글',
    });
  });

  it('a password-protected document is refused', async () => {
    const c = CFB.read(readFileSync(FARMLAND), { type: 'buffer' });
    const header = CFB.find(c, '/FileHeader')!;
    header.content = Uint8Array.from(header.content);
    header.content[36] = header.content[36]! | 0b10;
    expect(await readHwpLayout('p.hwp', CFB.write(c, { type: 'buffer' }))).toEqual({ error: HWP_ERRORS.password });
  });

  it('a section that inflates beyond the limit (a compression bomb) is refused', async () => {
    const c = CFB.read(readFileSync(FARMLAND), { type: 'buffer' });
    CFB.find(c, '/BodyText/Section0')!.content = deflateRawSync(Buffer.alloc(65 * 1024 * 1024), { level: 1 });
    expect(await readHwpLayout('b.hwp', CFB.write(c, { type: 'buffer' }))).toEqual({
      error: 'HWP document body expands beyond 64 MB in one section or 256 MB in all (compression bomb?)',
    });
  });

  it('truncated and damaged files never throw', async () => {
    const valid = Uint8Array.from(readFileSync(FARMLAND));
    const truncated = await readHwpLayout('t.hwp', valid.subarray(0, 20_000));
    expect('error' in truncated || 'blocks' in truncated).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }), async (edits) => {
        const bytes = Uint8Array.from(valid);
        for (const [at, value] of edits) bytes[at] = value;
        const result = await readHwpLayout('m.hwp', bytes);
        expect('error' in result || 'blocks' in result).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
