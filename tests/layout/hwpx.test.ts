import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readHwpxLayout } from '../../src/layout/hwpx.js';
import { tableGrid, type Block, type Layout, type TableBlock } from '../../src/layout/types.js';

const ROOT = new URL('../../', import.meta.url);
const REAL = fileURLToPath(new URL('../../../shared/real/hwp/', import.meta.url));

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`fixtures/hwpx/${name}`, ROOT));
}

async function layoutOf(name: string, bytes: Uint8Array = fixture(name)): Promise<Layout> {
  const result = await readHwpxLayout(name, bytes);
  if ('error' in result) throw new Error(`${name}: ${result.error}`);
  return result;
}

const tablesOf = (layout: Layout): TableBlock[] => layout.blocks.filter((b): b is TableBlock => b.type === 'table');
const cellCount = (table: TableBlock): number => table.rows.reduce((n, row) => n + row.cells.length, 0);

describe('HWPX budget fixture (two-level header, merged group cells, 소계/합계)', async () => {
  const layout = await layoutOf('budget-execution-2024h2.hwpx');
  const [budget, targets] = tablesOf(layout) as [TableBlock, TableBlock];

  it('reads outline headings, list items and notes in order', () => {
    const brief = (b: Block) =>
      b.type === 'heading' ? `h${b.level} ${b.text}` : b.type === 'list-item' ? `${b.marker}${b.depth} ${b.text}` : b.type === 'note' ? `note ${b.marker} ${b.text}` : b.type === 'table' ? 'table' : `p ${b.text}`;
    expect(layout.blocks.slice(3, 11).map(brief)).toEqual([
      'h1 Ⅰ. 일반현황',
      '□0 2024년 예산 규모 : 5,900백만원 (제2회 추경 기준)',
      'note ※ 2023년 예산 규모 (4,720백만원) 대비 25% 증가',
      '○1 정원 / 현원 : 24명 / 22명',
      'h1 Ⅱ. 분야별 추진실적',
      'h2 1. 에너지 전환',
      '□0 태양광 보급 지원 : 1,840kW 보급 (목표 2,000kW)',
      "-2 누적 보급량 : ('22) 3,100 → ('23) 4,250 → ('24) 6,090kW",
    ]);
    expect(layout.blocks.at(-1)).toMatchObject({ type: 'note', marker: '주)', text: '달성률 = 실적 ÷ 목표 × 100' });
    expect(layout.format).toBe('hwpx');
  });

  it('budget table: caption, unit, header rows and cells as made', () => {
    expect(tablesOf(layout)).toHaveLength(2);
    expect(budget.caption).toBe('사업별 예산 집행 현황');
    expect(budget.unit).toBe('백만원');
    expect(budget.headerRows).toBe(2);
    expect(budget.rows.map((r) => r.cells.length)).toEqual([7, 3, 8, 9, 8, 8, 8, 9, 8, 8]);
    expect(budget.rows[0]!.cells[2]).toEqual({ text: '예산', rowSpan: 1, colSpan: 3 });
    expect(budget.rows[2]!.cells[0]).toEqual({ text: '합계', rowSpan: 1, colSpan: 2 });
    expect(budget.rows[3]!.cells[0]).toEqual({ text: '에너지 전환', rowSpan: 4, colSpan: 1 });
  });

  it('merged group cells give every body row its group', () => {
    const grid = tableGrid(budget);
    expect(grid.every((row) => row.length === 9)).toBe(true);
    expect(grid.slice(3).map((row) => [row[0]!.text, row[1]!.text, row[4]!.text])).toEqual([
      ['에너지 전환', '태양광 보급 지원', '1,500'],
      ['에너지 전환', '건물 에너지 효율화', '900'],
      ['에너지 전환', '수소버스 충전소 구축', '2,500'],
      ['에너지 전환', '소계', '4,900'],
      ['시민 참여', '에너지 자립마을 조성', '750'],
      ['시민 참여', '탄소중립 시민교육', '250'],
      ['시민 참여', '소계', '1,000'],
    ]);
    expect(grid[1]!.map((c) => c.text)).toEqual(['구분', '사업명', '본예산', '추경', '계', '집행액', '잔액', '집행률', '비고']);
    expect(grid[1]![0]!.spanned).toBe(true);
  });

  it('sources: the running paragraph index, cells included', () => {
    // 18 paragraphs precede the table's anchor; its header cells hold paragraphs 20–29.
    expect(budget.source.line).toBe(19);
    expect(budget.rows.map((r) => r.source.line)).toEqual([20, 27, 30, 38, 47, 55, 63, 71, 80, 88]);
    expect(budget.rows[2]!.source.text).toBe('합계 4,950 950 5,900 4,517 1,383 76.6%');
    const note = layout.blocks.find((b) => b.type === 'note' && b.text.startsWith('추경'));
    expect(note?.source.line).toBe(96);
  });

  it('target table', () => {
    expect(targets.caption).toBe('주요 성과지표 달성 현황');
    expect(targets.unit).toBeUndefined();
    expect(targets.headerRows).toBe(1);
    expect(targets.rows.map((r) => r.cells.map((c) => c.text))[3]).toEqual(['탄소중립 교육 이수', '명', '1,200', '1,320', '110.0%']);
  });

  it('matches its text twin: the same paragraphs and the same table grids', () => {
    const text = readFileSync(new URL('fixtures/hwpx/budget-execution-2024h2.txt', ROOT), 'utf8');
    const lines = text.split('\n').map((l) => l.trim());
    const prose = lines.filter((l) => l !== '' && !l.includes('\t'));
    expect(layout.blocks.filter((b) => b.type !== 'table').map((b) => b.source.text)).toEqual(prose);
    const textTables: string[][][] = [];
    let current: string[][] | undefined;
    for (const line of text.split('\n')) {
      if (line.includes('\t')) (current ??= (textTables.push([]), textTables.at(-1)!)).push(line.split('\t'));
      else current = undefined;
    }
    const layoutTables = tablesOf(layout).map((t) => tableGrid(t).map((row) => row.map((c) => (c.spanned ? '' : c.text))));
    expect(layoutTables).toEqual(textTables);
  });
});

/** A minimal HWPX package around one section's body XML. */
function hwpxOf(body: string): Uint8Array {
  const ns = 'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"';
  return zipSync({
    mimetype: [strToU8('application/hwp+zip'), { level: 0 }],
    'Contents/section0.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><hs:sec ${ns}>${body}</hs:sec>`),
  });
}

describe('HWPX written with indentation between elements', () => {
  it('text is read from hp:t only: runs join without the whitespace between them', async () => {
    const body = `
  <hp:p id="1" paraPrIDRef="0" styleIDRef="0">
    <hp:run charPrIDRef="0"><hp:t>예산 </hp:t></hp:run>
    <hp:run charPrIDRef="1"><hp:t>집행</hp:t></hp:run>
    <hp:run charPrIDRef="0"><hp:t>률<hp:tab/>76.6%</hp:t></hp:run>
  </hp:p>`;
    const layout = await layoutOf('pretty.hwpx', hwpxOf(body));
    expect(layout.blocks).toEqual([{ type: 'paragraph', text: '예산 집행률\t76.6%', source: { file: 'pretty.hwpx', line: 1, text: '예산 집행률 76.6%' } }]);
  });

  it('the budget fixture re-indented gives the same blocks', async () => {
    const files = unzipSync(fixture('budget-execution-2024h2.hwpx'));
    files['Contents/section0.xml'] = strToU8(strFromU8(files['Contents/section0.xml']!).replace(/></g, '>\n  <'));
    const pretty = await layoutOf('budget-execution-2024h2.hwpx', zipSync(files));
    expect(pretty.blocks).toEqual((await layoutOf('budget-execution-2024h2.hwpx')).blocks);
  });
});

describe('HWPX nested table', async () => {
  const layout = await layoutOf('nested-table.hwpx');

  it('the outer box and the table inside it are both tables, outer first', () => {
    const [outer, inner] = tablesOf(layout) as [TableBlock, TableBlock];
    expect(tablesOf(layout)).toHaveLength(2);
    expect(outer.rows).toHaveLength(1);
    expect(outer.rows[0]!.cells[0]!.text).toBe('□ 분기별 교육 실적은 아래와 같음');
    expect(outer.caption).toBe('분기별 추진 현황');
    expect(inner.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['분기', '계획', '실적'],
      ['1분기', '120', '115'],
    ]);
    expect(inner.source.line).toBe(4);
    // The table's own caption object gives caption and unit.
    expect([inner.caption, inner.unit]).toEqual(['분기별 교육 실적', '명']);
    expect(layout.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'table', 'note', 'list-item']);
  });

  // Paragraphs: caption 1, box anchor 2, box text 3, inner anchor 4, inner caption 5, six inner cells 6–11, note 12.
  it('a bullet drawn from the paragraph shape becomes the list marker', () => {
    expect(layout.blocks.at(-1)).toMatchObject({ type: 'list-item', marker: '○', depth: 1, text: '하반기 교육 대상 확대', source: { line: 13, text: '○ 하반기 교육 대상 확대' } });
  });
});

describe.skipIf(!existsSync(REAL))('real HWPX documents', () => {
  // Counts read from the section XML: `hp:tc` children of each `hp:tr` of each `hp:tbl`, in document order.
  it('공공데이터 제공 표준 (대중교통환승센터): 8 tables with their cell counts', async () => {
    const layout = await layoutOf('transfer-center.hwpx', readFileSync(`${REAL}hwpx-public-data-standard-transfer-center-2023.hwpx`));
    const tables = tablesOf(layout);
    expect(tables.map(cellCount)).toEqual([1, 14, 259, 11, 1, 1, 1, 56]);
    expect(tables.map((t) => t.rows.length)).toEqual([1, 7, 37, 4, 1, 1, 1, 6]);
    const spec = tables[2]!;
    expect(spec.caption).toBe('□ 상세 정보');
    expect(spec.rows[0]!.cells.map((c) => c.text)).toEqual(['NO', '항목명', '구분\n(필수/선택)', '설명', '허용 값', '표현형식/단위', '예시']);
    expect(spec.rows[1]!.cells.map((c) => c.text)).toEqual(['1', '환승센터명', '필수', '고시에 명기된 복합환승센터의 명칭', '', 'text', '서울역복합환승센터']);
    // 코드설명 spans two rows: the grid repeats it in the row below.
    const code = tableGrid(tables[3]!);
    expect(code.map((row) => row.map((c) => c.text))).toEqual([
      ['구분', '코드체계', '코드체계', '코드체계'],
      ['코드체계', '➀➁➂➃➄', '➀➁➂➃➄', '➀➁➂➃➄'],
      ['코드설명', '➀➁', '숫자', '시도'],
      ['코드설명', '➂➃➄', '숫자', '시군구'],
    ]);
    expect(layout.blocks[2]).toMatchObject({ type: 'list-item', marker: '□', text: '기본 정보' });
  });

  it('강북구 음악축제 제안요청서: 44 tables over three sections, nested ones included', async () => {
    const layout = await layoutOf('rfp.hwpx', readFileSync(`${REAL}hwpx-gangbuk-music-festival-rfp-2023.hwpx`));
    const tables = tablesOf(layout);
    expect(tables).toHaveLength(44);
    const counts = tables.map(cellCount);
    expect([counts[5], counts[11], counts[20], counts[39], counts[42]]).toEqual([15, 22, 124, 43, 215]);
    expect(tables[5]!.caption).toBe('마. 진행일정(안)');
    // 배점표(총괄): 9 rows, 4 columns once spans are expanded.
    expect(tableGrid(tables[11]!).map((row) => row.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const lines = layout.blocks.map((b) => b.source.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('bad input: one clear reason each', () => {
  const cases: [string, string][] = [
    ['not-hwpx.hwpx', 'not an HWPX document (a zip archive without HWPX contents)'],
    ['wrong-mimetype.hwpx', 'not an HWPX document (a zip archive without HWPX contents)'],
    // unzip -v: 25,166,477 bytes from 24,946 → 1,008.9 times.
    ['zip-bomb.hwpx', 'zip bomb suspected: Contents/section0.xml expands 1009 times (limit 200)'],
    ['lying-sizes.hwpx', 'zip bomb suspected: Contents/section0.xml expands beyond its declared size'],
    ['path-traversal.hwpx', 'unsafe entry name in zip archive (path traversal): ../../outside/evil.xml'],
    ['malformed-xml.hwpx', 'malformed XML in Contents/section0.xml: <hp:t> closed by </hp:run>'],
    ['encrypted.hwpx', 'password-protected (encrypted) HWPX document; save it without a password'],
    ['huge-entry.hwpx', 'zip entry too large: Contents/section0.xml is 96 MB (limit 64 MB)'],
  ];
  it.each(cases)('%s', async (name, message) => {
    expect(await readHwpxLayout(name, fixture(name))).toEqual({ error: message });
  });

  it('bytes that are not a zip', async () => {
    expect(await readHwpxLayout('x.hwpx', new TextEncoder().encode('한글 문서가 아님'))).toEqual({ error: 'not an HWPX document (not a zip archive)' });
    expect(await readHwpxLayout('x.hwpx', new Uint8Array(0))).toEqual({ error: 'not an HWPX document (not a zip archive)' });
  });

  it('a truncated HWPX', async () => {
    const bytes = fixture('budget-execution-2024h2.hwpx');
    expect(await readHwpxLayout('x.hwpx', bytes.subarray(0, 3000))).toEqual({ error: 'damaged zip archive (central directory unreadable)' });
  });

  it('garbage and damaged zips never throw', async () => {
    const valid = fixture('budget-execution-2024h2.hwpx');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        const result = await readHwpxLayout('g.hwpx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]));
        expect('error' in result || 'blocks' in result).toBe(true);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const bytes = Uint8Array.from(valid);
        for (const [at, value] of edits) bytes[at] = value;
        const result = await readHwpxLayout('m.hwpx', bytes);
        expect('error' in result || 'blocks' in result).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
