// The text and Markdown layout reader: each table shape people type, and the
// blocks around tables. Inputs are written here; expectations are read off them.

import { describe, expect, it } from 'vitest';
import { isRuleLine, readTextLayout } from '../../src/layout/text.js';
import { tableGrid, type Block, type TableBlock } from '../../src/layout/types.js';

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const cells = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text));

describe('tables in every shape', () => {
  it.each([
    {
      name: 'tab-separated rows with a unit line above',
      text: '< 예산 현황 >\n(단위 : 백만원)\n구분\t예산액\t집행액\n합계\t1,500\t700\n가사업\t1,000\t500\n나사업\t500\t200\n',
      markdown: false,
      expected: { caption: '예산 현황', unit: '백만원', headerRows: 1, cells: [['구분', '예산액', '집행액'], ['합계', '1,500', '700'], ['가사업', '1,000', '500'], ['나사업', '500', '200']] },
    },
    {
      name: 'Markdown pipe table',
      text: '| 지원 대상 | 한도 |\n|---|---:|\n| 청년 | 300만원 |\n| 중장년 | 200만원 |\n',
      markdown: true,
      expected: { headerRows: 1, cells: [['지원 대상', '한도'], ['청년', '300만원'], ['중장년', '200만원']] },
    },
    {
      name: 'pipe rows without outer pipes in plain text (a 부서별 예산 export)',
      text: '(단위: 백만원)\n 구 분     | 합 계 | 가정책과 | 나지원과\n 2024 예산 | 300 | 120 | 180\n 증 감     | △20 | 10 | △30\n',
      markdown: false,
      expected: { unit: '백만원', headerRows: 1, cells: [['구 분', '합 계', '가정책과', '나지원과'], ['2024 예산', '300', '120', '180'], ['증 감', '△20', '10', '△30']] },
    },
    {
      name: 'bare pipe rows end at a row of another width',
      text: '사업 | 예산 | 집행\n도로 | 1,200 | 800\n비고 | 하천 정비 포함\n',
      markdown: false,
      expected: { headerRows: 1, cells: [['사업', '예산', '집행'], ['도로', '1,200', '800']] },
    },
    {
      name: 'box-drawing table with a ruled header',
      text: '┌────┬──────┬──────┐\n│ 연도 │ 사업비 │ 인원 │\n├────┼──────┼──────┤\n│ 2022 │ 1,200 │ 30 │\n│ 2023 │ 1,450 │ 36 │\n└────┴──────┴──────┘\n',
      markdown: false,
      expected: { headerRows: 1, cells: [['연도', '사업비', '인원'], ['2022', '1,200', '30'], ['2023', '1,450', '36']] },
    },
    {
      name: 'columns aligned with runs of spaces, a blank cell kept in place',
      text: ['사업명            예산현액    지출액    불용액', '도로정비          12,000      11,500       500', '하천관리           3,000                 3,000', '공원조성           4,500       4,200       300'].join('\n'),
      markdown: false,
      expected: { headerRows: 1, cells: [['사업명', '예산현액', '지출액', '불용액'], ['도로정비', '12,000', '11,500', '500'], ['하천관리', '3,000', '', '3,000'], ['공원조성', '4,500', '4,200', '300']] },
    },
    {
      name: 'year header cells are headers, not figures',
      text: "구분\t'22\t'23\t'24(안)\n사업비\t100\t120\t150\n",
      markdown: false,
      expected: { headerRows: 1, cells: [['구분', "'22", "'23", "'24(안)"], ['사업비', '100', '120', '150']] },
    },
  ])('$name', ({ text, markdown, expected }) => {
    const found = tables(readTextLayout('t.txt', text, { markdown }).blocks);
    expect(found).toHaveLength(1);
    const t = found[0]!;
    expect(cells(t)).toEqual(expected.cells);
    expect(t.headerRows).toBe(expected.headerRows);
    if ('unit' in expected) expect(t.unit).toBe(expected.unit);
    if ('caption' in expected) expect(t.caption).toBe(expected.caption);
  });

  it.each([
    ['a line with pipes in prose', '선택 | 필수 | 해당 없음 중 하나를 고른다.\n'],
    ['two bare pipe rows with no figure below the first', '구분 | 내용 | 비고\n대상 | 청년 | 없음\n'],
    ['one bare pipe row alone', '가 | 1,000 | 2,000\n\n다음 문단\n'],
  ])('%s is not a table', (_name, text) => {
    expect(tables(readTextLayout('t.txt', text, { markdown: false }).blocks)).toHaveLength(0);
  });

  it('reads <table> markup inside Markdown with its spans', () => {
    const text = ['# 성과지표', '', '<table>', '<tr><th rowspan="2">지표</th><th colspan="2">2024</th></tr>', '<tr><th>목표</th><th>실적</th></tr>', '<tr><td>취업률(%)</td><td>60</td><td>63.5</td></tr>', '</table>'].join('\n');
    const [t] = tables(readTextLayout('p.md', text, { markdown: true }).blocks);
    expect(t!.headerRows).toBe(2);
    expect(t!.source.line).toBe(4);
    expect(tableGrid(t!).map((r) => r.map((c) => c.text))).toEqual([
      ['지표', '2024', '2024'],
      ['지표', '목표', '실적'],
      ['취업률(%)', '60', '63.5'],
    ]);
  });

  it('does not take sentences with figures for a table', () => {
    const text = '□ 2024년 예산은 1,200억원으로  전년 대비 10% 증가\n○ 지원 인원은 3,000명  (전년 2,500명)\n';
    expect(tables(readTextLayout('s.txt', text).blocks)).toHaveLength(0);
  });
});

describe('isRuleLine', () => {
  it.each([
    ['-----', true],
    ['=====', true],
    ['━━━━━━━━', true],
    ['  ············', true],
    ['………………', true],
    ['- - - - - -', true],
    ['-=-=-=-=', true],
    ['----', false],
    ['~~~~~', false],
    ['1. 개요 ........ 3', false],
    ['-----※-----', false],
    ['-=·-=·-=·', false],
    ['\u3000－－－－－', true],
    ['-\u00a0-\u00a0-\u00a0-\u00a0-', true],
    ['―――――\t', true],
    ['- 사업 추진', false],
    ['-----가', false],
    ['     ', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isRuleLine(text)).toBe(expected);
  });
});

describe('space-aligned tables with rule lines, letter-spaced headers and marked child rows', () => {
  it.each([
    {
      name: '= and - rules, a letter-spaced header, ㆍ children, △, the unit indented under a numbered item (city budget overview)',
      text: [
        '2. 회계별 예산',
        '                              (단위 : 천원)',
        '회 계 별               2024년 당초     2023년 당초',
        '==================================================',
        '총    계                 230,000         220,000',
        '--------------------------------------------------',
        '일반회계                 180,000         175,000',
        '특별회계                  50,000          45,000',
        '  ㆍ상수도사업            30,000          32,000',
        '  ㆍ하수도사업            20,000          13,000',
        '==================================================',
        '   ※ 특별회계는 공기업특별회계의 합임',
      ].join('\n'),
      expected: {
        unit: '천원',
        headerRows: 1,
        cells: [['회계별', '2024년 당초', '2023년 당초'], ['총 계', '230,000', '220,000'], ['일반회계', '180,000', '175,000'], ['특별회계', '50,000', '45,000'], ['ㆍ상수도사업', '30,000', '32,000'], ['ㆍ하수도사업', '20,000', '13,000']],
        lines: [3, 5, 7, 8, 9, 10],
      },
    },
    {
      name: '━ rules, ▪ children, a dash for nothing, the unit in a bullet above, syllables over a gap (education office execution)',
      text: [
        '  ○ 금액 단위 : 백만원, %',
        '',
        '정 책 사 업           예 산 액    지 출 액    잔    액',
        '━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
        '합      계              1,200         700         500',
        '━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
        '교육복지                1,200         700         500',
        '  ▪ 무상급식 지원         900         700         200',
        '  ▪ 특수교육 지원         300           -         300',
      ].join('\n'),
      expected: {
        unit: '백만원',
        headerRows: 1,
        cells: [['정책사업', '예산액', '지출액', '잔액'], ['합 계', '1,200', '700', '500'], ['교육복지', '1,200', '700', '500'], ['▪ 무상급식 지원', '900', '700', '200'], ['▪ 특수교육 지원', '300', '-', '300']],
        lines: [3, 5, 7, 8, 9],
      },
    },
    {
      name: 'a dotted rule under a header spaced word by word (council settlement review)',
      text: [
        '사    업    명              예산현액    지출액    불용액',
        '  ··················································',
        '광교 복합문화센터 건립        412.5     187.3      30.2',
        '영통 어린이 도서관             31.4      30.1       1.3',
        '  ··················································',
        '합  계                        443.9     217.4      31.5',
      ].join('\n'),
      expected: {
        headerRows: 1,
        cells: [['사업명', '예산현액', '지출액', '불용액'], ['광교 복합문화센터 건립', '412.5', '187.3', '30.2'], ['영통 어린이 도서관', '31.4', '30.1', '1.3'], ['합 계', '443.9', '217.4', '31.5']],
        lines: [1, 3, 4, 6],
      },
    },
    {
      name: '─ rules and years down the rows; a syllable in the gap before its column starts that column\'s word',
      text: [
        '  연    도          사 업 비    국    비    보급대수',
        '  ──────────────────────────',
        '  2023                21,600      12,960       1,800',
        '  2024                19,980      11,988       1,850',
        '  2025(목표)          24,000      14,400       2,400',
        '  ──────────────────────────',
      ].join('\n'),
      expected: {
        headerRows: 1,
        cells: [['연도', '사업비', '국비', '보급대수'], ['2023', '21,600', '12,960', '1,800'], ['2024', '19,980', '11,988', '1,850'], ['2025(목표)', '24,000', '14,400', '2,400']],
        lines: [1, 3, 4, 5],
      },
    },
    {
      name: 'single-syllable headers over different columns stay apart',
      text: ['구분        계        국        도', '가사업     300       200       100', '나사업     150       100        50', '다사업      90        60        30'].join('\n'),
      expected: {
        headerRows: 1,
        cells: [['구분', '계', '국', '도'], ['가사업', '300', '200', '100'], ['나사업', '150', '100', '50'], ['다사업', '90', '60', '30']],
        lines: [1, 2, 3, 4],
      },
    },
  ])('$name', ({ text, expected }) => {
    const found = tables(readTextLayout('t.txt', text).blocks);
    expect(found).toHaveLength(1);
    const t = found[0]!;
    expect(cells(t)).toEqual(expected.cells);
    expect(t.headerRows).toBe(expected.headerRows);
    expect(t.rows.map((r) => r.source.line)).toEqual(expected.lines);
    if ('unit' in expected) expect(t.unit).toBe(expected.unit);
  });

  it.each([
    ['a rule line alone', '----------\n'],
    ['list items with figures but no table around them', '- 시설비   300   250\n- 운영비   100    80\n'],
    ['a note after a rule is not a row', '==========\n※ 단위 : 백만원\n'],
  ])('%s: no table', (_name, text) => {
    expect(tables(readTextLayout('n.txt', text).blocks)).toHaveLength(0);
  });

  it.each([
    ['a caption between the unit and the table', '(단위: 백만원)\n\n< 부서별 집행 >\n구분          예산액    집행액\n가사업         1,000       500\n나사업           800       400\n', '백만원'],
    ['a unit in a bullet two lines above', '○ 금액 단위 : 억원\n○ 기준일 : 2024. 6. 30.\n\n구분          예산액    집행액\n가사업         1,000       500\n나사업           800       400\n', '억원'],
    ['a unit declared four paragraphs above serves no table', '○ 금액 단위 : 억원\n○ 첫째 문단\n○ 둘째 문단\n○ 셋째 문단\n○ 넷째 문단\n\n구분          예산액    집행액\n가사업         1,000       500\n나사업           800       400\n', undefined],
  ])('unit reach: %s', (_name, text, unit) => {
    const [t] = tables(readTextLayout('u.txt', text).blocks);
    expect(t!.unit).toBe(unit);
  });

  it('a note under the table stays a note, not a row', () => {
    const text = ['구분          예산액    집행액', '------------------------------', '가사업         1,000       500', '나사업           800       400', '------------------------------', '※ 인건비 제외'].join('\n');
    const blocks = readTextLayout('n.txt', text).blocks;
    expect(blocks.map((b) => b.type)).toEqual(['table', 'note']);
  });
});

describe('headings, list items and notes', () => {
  it('reads markers and their nesting from the order families appear in', () => {
    const text = 'Ⅰ. 추진 실적\n\n□ 일자리 창출\n ○ 청년 고용 1,200명\n  - 제조업 700명\n※ 고용보험 가입 기준\n';
    const blocks = readTextLayout('o.txt', text).blocks;
    expect(blocks.map((b) => [b.type, b.type === 'list-item' ? `${b.marker}${b.depth}` : '', b.source.line])).toEqual([
      ['heading', '', 1],
      ['list-item', '□0', 3],
      ['list-item', '○1', 4],
      ['list-item', '-2', 5],
      ['note', '', 6],
    ]);
    expect(blocks[4]!.type === 'note' && blocks[4]!.text).toBe('고용보험 가입 기준');
  });

  it.each([
    { line: '□ 사업 개요', markdown: false, expected: ['list-item', '□', '사업 개요'] },
    { line: '◎ 추진 방향', markdown: false, expected: ['list-item', '◎', '추진 방향'] },
    { line: '②지원 대상', markdown: false, expected: ['list-item', '②', '지원 대상'] },
    { line: '3) 신청 방법', markdown: false, expected: ['list-item', '3)', '신청 방법'] },
    { line: '(12) 사후 관리', markdown: false, expected: ['list-item', '(12)', '사후 관리'] },
    { line: '나. 세부 내용', markdown: false, expected: ['list-item', '나.', '세부 내용'] },
    { line: '— 시설비 지원', markdown: false, expected: ['list-item', '—', '시설비 지원'] },
    { line: 'ㆍ상수도 정비', markdown: false, expected: ['list-item', 'ㆍ', '상수도 정비'] },
    { line: '+ 추가 과제', markdown: false, expected: ['list-item', '+', '추가 과제'] },
    { line: '* 추가 과제', markdown: true, expected: ['list-item', '*', '추가 과제'] },
    { line: '* 잠정치 기준', markdown: false, expected: ['note', '*', '잠정치 기준'] },
    { line: '1.5배 증가한 예산입니다.', markdown: false, expected: ['paragraph', '', '1.5배 증가한 예산입니다.'] },
  ])('reads $line as a $expected.0', ({ line, markdown, expected }) => {
    const [block] = readTextLayout(markdown ? 'm.md' : 'm.txt', `앞 문단입니다.\n\n${line}\n`, { markdown }).blocks.slice(1);
    expect([block!.type, block!.type === 'list-item' || block!.type === 'note' ? block!.marker : '', block!.text]).toEqual(expected);
  });

  it('joins soft-wrapped Markdown paragraphs and skips front matter', () => {
    const text = '---\ntitle: 예시\n---\n\n## 지원 내용\n\n월 최대 20만원을\n12개월 동안 지원합니다.\n';
    const blocks = readTextLayout('p.md', text, { markdown: true }).blocks;
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 2, text: '지원 내용' });
    expect(blocks[1]).toMatchObject({ type: 'paragraph', text: '월 최대 20만원을 12개월 동안 지원합니다.', source: { line: 7 } });
  });
});

describe('tables continued over a page break', () => {
  it('folds a table whose header is repeated into the one it continues', async () => {
    const { mergeContinuedTables } = await import('../../src/layout/continuation.js');
    const text = ['구분\t사업명\t예산액', '계\t\t300', '가\t하나\t100', '', '- 3 -', '', '구분\t사업명\t예산액', '나\t둘\t120', '\t셋\t80', '', '다른 표', '', '구분\t사업명\t예산액', '다\t넷\t5'].join('\n');
    const merged = tables(mergeContinuedTables(readTextLayout('c.txt', text).blocks));
    expect(merged.map((t) => t.rows.length)).toEqual([5, 2]);
    expect(cells(merged[0]!)[4]).toEqual(['', '셋', '80']);
  });

  it('folds a headerless table on the next page into the open one, and nothing else', async () => {
    const { mergeContinuedTables } = await import('../../src/layout/continuation.js');
    const row = (page: number, ...texts: string[]) => ({ cells: texts.map((text) => ({ text, rowSpan: 1, colSpan: 1 })), source: { file: 'p.pdf', line: 1, text: '', page } });
    const table = (page: number, headerRows: number, rows: ReturnType<typeof row>[], caption?: string) =>
      ({ type: 'table' as const, headerRows, rows, caption, source: rows[0]!.source });
    const first = table(3, 1, [row(3, '사업명', '예산액'), row(3, '가', '100')]);
    const nextPage = table(4, 0, [row(4, '나', '120')]);
    const skipsAPage = table(6, 0, [row(6, '다', '5')]);
    const otherWidth = table(7, 0, [row(7, '라', '1', '2')]);
    const merged = mergeContinuedTables([first, { type: 'paragraph', text: '- 4 -', source: row(4).source }, nextPage, skipsAPage, otherWidth]);
    expect(merged.filter((b) => b.type === 'table').map((t) => (t.type === 'table' ? t.rows.map((r) => r.cells[0]!.text) : []))).toEqual([
      ['사업명', '가', '나'],
      ['다'],
      ['라'],
    ]);
    // The input tables are not changed.
    expect(first.rows).toHaveLength(2);
  });

  it('keeps a table that continues nothing as the same block (its grid is not built again for a copy)', async () => {
    const { mergeContinuedTables } = await import('../../src/layout/continuation.js');
    const text = ['구분\t사업명\t예산액', '가\t하나\t100', '', '다른 표', '', '항목\t금액', '나\t5', '', '항목\t금액', '다\t7'].join('\n');
    const blocks = readTextLayout('c.txt', text).blocks;
    const [alone, open, continued] = tables(blocks);
    const merged = tables(mergeContinuedTables(blocks));
    expect(merged).toHaveLength(2);
    expect(merged[0]).toBe(alone);
    expect(merged[1]).not.toBe(open);
    expect(merged[1]!.rows).toHaveLength(3);
    expect(open!.rows).toHaveLength(2);
    expect(continued!.rows).toHaveLength(2);
  });
});

describe('HTML paragraphs share the text reader\'s markers', () => {
  it('`- 항목` is a list item, `-5% 감소` and `※` lines are not', async () => {
    const { readHtmlLayout } = await import('../../src/layout/html.js');
    const html = '<p>- 신청 접수</p>\n<p>-5% 감소</p>\n<p>※ 예산 기준</p>';
    expect(readHtmlLayout('h.html', html).blocks.map((b) => [b.type, b.type === 'table' ? '' : b.text])).toEqual([
      ['list-item', '신청 접수'],
      ['paragraph', '-5% 감소'],
      ['note', '예산 기준'],
    ]);
  });
});

describe('a unit declared with a date before it, in every reader', () => {
  // The HTML reader took only `(단위: …)` with nothing before 단위; the text reader any prefix.
  const declaration = '(2024. 11. 30. 기준, 단위: 백만원, %)';
  const expected = { caption: '예산 집행 현황', unit: '백만원', unitText: declaration };
  const tableOf = (blocks: Block[]) => blocks.find((b): b is TableBlock => b.type === 'table')!;

  it('HTML: the paragraph above the table', async () => {
    const { readHtmlLayout } = await import('../../src/layout/html.js');
    const html = `<h2>예산 집행 현황</h2>\n<p>${declaration}</p>\n<table><tr><th>사업</th><th>예산</th></tr><tr><td>A</td><td>1,000</td></tr></table>`;
    const t = tableOf(readHtmlLayout('h.html', html).blocks);
    expect({ caption: t.caption, unit: t.unit, unitText: t.unitSource?.text }).toEqual(expected);
  });

  it('text: the line above the table', () => {
    const text = `예산 집행 현황\n\n${declaration}\n\n| 사업 | 예산 |\n|---|---|\n| A | 1,000 |\n`;
    const t = tableOf(readTextLayout('t.md', text, { markdown: true }).blocks);
    expect({ caption: t.caption, unit: t.unit, unitText: t.unitSource?.text }).toEqual(expected);
  });
});

