// The regional-report kind read from layout blocks (src/kinds/report.ts):
// rules as tables of cases, the sample against its golden model, the PDF
// sample against the text sample, another agency's report, and real reports
// of Busan read in place from ../shared/real (skipped without it).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src/layout/index.js';
import { readPdfLayout } from '../../src/layout/pdf.js';
import type { Layout } from '../../src/layout/types.js';
import type { PolicyDocument, Program } from '../../src/model/types.js';
import { cellLine, continuesPrevious, isTitle, leadingMarker, markerRank, unitsOf } from '../../src/kinds/blocks.js';
import { looksLikeOutput, readOutputValue } from '../../src/kinds/outputs.js';
import { isSubsectionLabel, issueDate, parseReportLayout, projectName } from '../../src/kinds/report.js';
import { departmentOf, descriptionField } from '../../src/kinds/projects.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REAL = fileURLToPath(new URL('../../../shared/real/regional-plans/', import.meta.url));

async function layoutOf(path: string, name = path): Promise<Layout> {
  const layout = await readLayout(name, new Uint8Array(readFileSync(path)));
  if ('error' in layout) throw new Error(layout.error);
  return layout;
}

const p = (text: string, line = 1) => ({ type: 'paragraph' as const, text, source: { file: 'x', line, text } });
const li = (marker: string, text: string, line = 1) => ({ type: 'list-item' as const, marker, depth: 0, text, source: { file: 'x', line, text } });
const h = (text: string, level = 2, line = 1) => ({ type: 'heading' as const, level, text, source: { file: 'x', line, text } });
const layoutOfBlocks = (blocks: Layout['blocks']): Layout => ({ file: 'x.txt', format: 'text', blocks });

describe('block rules', () => {
  it.each([
    ['□', 0],
    ['■', 0],
    ['○', 1],
    ['ㅇ', 1],
    ['①', 1],
    ['-', 2],
    ['·', 3],
    ['▹', 3],
  ])('marker %s has rank %i', (marker, rank) => {
    expect(markerRank(marker)).toBe(rank);
  });

  it.each([
    ['□ 사업개요', '□'],
    ['ㅇ 사업예산 : 900억원', 'ㅇ'],
    ['ㅇ’23.6.~12. 연구용역', 'ㅇ'],
    ['m 여성인구 : 1,678천명', '○'], // a symbol-font bullet
    ['이행과제 없음', undefined],
    ['m2 당 단가', undefined],
  ])('leading marker of %j is %j', (text, marker) => {
    expect(leadingMarker(text)).toBe(marker);
  });

  it.each([
    // [previous, next, joined]
    [li('○', '중앙정부 평가대상 지방비 보조 R&D과제의 완성도를 높여'), h('성과도출 극대화(하반기) : 추진중', 3), true],
    [li('·', '인터넷방송 접속률 및 SNS(유튜브, 페이스북 등), 케이블 등 콘텐츠 확산 추진 : 895,464명,'), p('2,036건 콘텐츠 공유'), true],
    [li('-', '전국 ICT-디바이스랩(6개 지역) 공동개최, 스마트 디바이스 분야 아이디어 제품화를 위한'), p('팀단위 경연 추진'), true],
    [li('·', '지역SW융합제품상용화지원사업(축분), 지역SW서비스사업화 지원사업(안전작업, 광무선통'), p('신)'), true],
    [li('-', '(사업구조) ①성장주기별 맞춤형, ②미래선도 전략분야, ③혁신 인프라로 R&D 지원을 구조화하여 창업기업에서'), p('* 혁신성장(1조 1,081억원) 지원'), false],
    [li('-', '* (기업연계형) 석·박사 연구인력(200명) / (R&D산업인턴) 공과대학 4학년 (180명) 양성 지원 강화'), p('[전략3] 다양한 지역·주체를 아우르는 상생협력 기반 조성'), false],
    [li('·', '충북 미디어크리에이터 운영(15명) : 4~12월/14편 제작'), p('과학기술을 통한 지역혁신성장동력 확보'), false],
    [li('-', '(충북진로교육원) SW교육 및 체험프로그램 지원 MOU 체결'), h('뉴 콘텐츠 산업 혁신 주도 성장 견인'), false],
  ])('a wrapped line is joined to the item it continues (%#)', (previous, next, joined) => {
    const [unit] = unitsOf(layoutOfBlocks([previous]));
    expect(continuesPrevious(unit, next)).toBe(joined);
  });

  it.each([
    [h('Ⅲ. 전략목표별 추진상황', 1), true],
    [p('ICT융합 혁신성장 플랫폼 구축'), true],
    [p('목 표 인 원 연 30,000명'), false],
    [p('일정 / 장소 2021. 9. ~ 10. (예정) / 페스티벌 확대 개최 예정'), false],
    [p('2020. 7.'), false],
    [p('신)'), false],
    [p('사업비는 전액 국비로 충당함.'), false],
    [li('□', '사업개요'), false],
  ])('title or not (%#)', (block, title) => {
    const [unit] = unitsOf(layoutOfBlocks([block]));
    expect(isTitle(unit!)).toBe(title);
  });
});

describe('cell text on one line', () => {
  it.each([
    ['과학기술정보\n통신부', '과학기술정보통신부'],
    ['2020.4.1.~2024.12.31. (57개\n월)', '2020.4.1.~2024.12.31. (57개월)'],
    ['지역SW서비스사업화지원사업\n(안전작업)', '지역SW서비스사업화지원사업 (안전작업)'],
    ['구 분', '구 분'],
  ])('%j → %j', (text, line) => {
    expect(cellLine(text)).toBe(line);
  });
});

describe('report rules', () => {
  it.each([
    ['2020. 7.', '2020-07'],
    ['2025. 2. 7.(금 )', '2025-02-07'],
    ['2025.2.13.(목)', '2025-02-13'],
    ['2020. 13.', undefined],
    ['2025. 2. 31.', undefined],
    ['2024. 2. 29.', '2024-02-29'],
    ['2020년도 상반기', undefined],
  ])('issue date of %j is %j', (text, date) => {
    expect(issueDate(text)).toBe(date);
  });

  it.each([
    ['현안사업 3 : SW서비스사업화지원사업 (안전작업)', 'SW서비스사업화지원사업 (안전작업)'],
    ['현안사업 5 : 지역특화산업육성(비R&D)\\_스마트IT', '지역특화산업육성(비R&D)_스마트IT'],
    ['1. 금련산청소년수련원 활성화 추진', '금련산청소년수련원 활성화 추진'],
    ['도시재생 전문기업 지정·고용지원 사업', '도시재생 전문기업 지정·고용지원 사업'],
  ])('project name from %j', (title, name) => {
    expect(projectName(title)).toBe(name);
  });

  it.each([
    ['사업개요', true],
    ['사업개요(2025~2032)', true],
    ['< 필 요 성 >', true],
    ['추진경과', true],
    ['향후계획', true],
    ['금련산청소년수련원 활성화 추진', false],
    ['SW서비스사업화지원사업', false],
  ])('%j is a subsection label: %s', (text, label) => {
    expect(isSubsectionLabel(text)).toBe(label);
  });

  it.each([
    ['사업기간', 'period'],
    ['사 업 비', 'total'],
    ['총사업비', 'total'],
    ['사업예산', 'total'],
    ['1차년도 사업비', 'firstYear'],
    ['추진체계', 'governance'],
    ['지원대상', 'target'],
    ['사업내용', undefined],
  ])('description field %j → %s', (label, field) => {
    expect(descriptionField(label)).toBe(field);
  });

  it.each([
    ['부서명 미래전략부 부장 정 덕 영 담당 4급 홍 석 수', '미래전략부'],
    ['담당부서 : 교통정책과', '교통정책과'],
    ['부서별 현황', undefined],
  ])('department of %j', (text, department) => {
    expect(departmentOf(text)).toBe(department);
  });

  it.each([
    ['101명/1회', { quantities: [{ value: 101, unit: '명' }, { value: 1, unit: '회' }], statuses: [] }],
    ['30명/추진중', { quantities: [{ value: 30, unit: '명' }], statuses: ['추진중'] }],
    ['개최연기', { quantities: [], statuses: ['개최연기'] }],
    ['3건β명', undefined],
    ['1차(3. 19~4. 16), 2차(5. 19~6. 4)', undefined],
  ])('output value %j', (value, read) => {
    expect(readOutputValue(value)).toEqual(read);
  });

  it.each([
    ['3건β명', true],
    ['추진중', true],
    ['2020년 지역거점 AI 교육 운영사업', false],
    ['2023~2024년 신청하여 추진하는 공모사업', false],
    ['제품 홍보물 제작지원 대체', false],
  ])('%j means to be an output: %s', (value, meant) => {
    expect(looksLikeOutput(value)).toBe(meant);
  });
});

/** A program as the golden prints it, for comparing without the fields the kind does not own. */
function programKey(p: Program, lines = true) {
  return {
    name: p.name,
    group: p.group,
    department: p.department,
    ministry: p.ministry,
    agency: p.agency,
    target: p.target,
    period: p.period && [p.period.start, p.period.end, p.period.statedMonths, p.period.months],
    total: p.totalBudget?.value,
    firstYear: p.firstYearBudget?.value,
    funding: p.funding?.map((f) => [f.name, f.amount.value]),
    outputs: p.outputs?.map((o) => [o.label, o.quantity?.value, o.quantity?.unit, o.status, o.timing, lines ? o.source.line : 0]),
    line: lines ? p.sources[0]!.line : 0,
  };
}

describe('regional report sample read from its layout (the golden model is this reader\'s; here: hand-read values and PDF against text)', async () => {
  const text = parseReportLayout(await layoutOf(ROOT + 'fixtures/samples/regional-report-2020h1.txt', 'fixtures/samples/regional-report-2020h1.txt'));
  const pdf = parseReportLayout(await layoutOf(ROOT + 'fixtures/samples/regional-report-2020h1.pdf', 'fixtures/samples/regional-report-2020h1.pdf'));

  it('gives the title, date, period, as-of date and issuer of the title area (text lines 1-12, PDF p.1)', () => {
    for (const r of [text, pdf]) {
      const d = r.document;
      expect([d.title, d.date, d.fiscalPeriod, d.asOf, d.issuer]).toEqual(['2020년도 상반기 주요업무 추진상황', '2020-07', '2020-H1', '2020-06-30', '충북과학기술혁신원']);
    }
  });

  it('reads the ○ item wrapped over lines 441/443 as one output (the legacy line reader lost it)', () => {
    const p = text.document.programs.find((x) => x.sources[0]!.line === 439)!;
    expect(p.outputs!.map((o) => [o.label, o.status, o.timing, o.source.line])).toEqual([
      ['충북 산·학·연 협력 R&D과제 수용도 제고 지원', '추진중', undefined, 439],
      ['중앙정부 평가대상 지방비 보조 R&D과제의 완성도를 높여 성과도출 극대화', '추진중', '하반기', 441],
    ]);
  });

  it('labels department subtotals with the list subject from the heading above (line 1000: 신규사업 확보현황)', () => {
    const subtotals = text.document.claims.filter((c) => c.kind === 'sum' && /\(\d+건\)$/.test(c.label)).map((c) => c.label);
    expect(subtotals).toEqual(['미래전략부 신규사업 확보 합계 (3건)', '기획평가부 신규사업 확보 합계 (4건)', '융합사업부 신규사업 확보 합계 (17건)', '성과확산부 신규사업 확보 합계 (2건)', '문화콘텐츠부 신규사업 확보 합계 (2건)']);
  });

  it('warns about the activity figure it cannot read (line 241)', () => {
    expect(text.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['output-unreadable', 241]]);
  });

  it('reads from the PDF every program, staff row and kind claim the text gives (names compared without spaces: cells wrap mid-name)', () => {
    expect(text.document.programs).toHaveLength(82); // 44 activities, 10 descriptions, 28 list rows
    const key = (x: Program) => ({ ...programKey(x, false), name: x.normalizedName });
    expect(pdf.document.programs.map(key)).toEqual(text.document.programs.map(key));
    const staff = (r: typeof text) => r.document.meta.organisation?.map((o) => [o.label, o.total?.value, o.cells.map((c) => [c.grade, c.count.value])]);
    expect(staff(pdf)).toEqual(staff(text));
    const claim = (c: PolicyDocument['claims'][number]) => [c.kind, c.kind === 'sum' ? [c.total.value, c.parts.map((x) => x.amount.value)] : c.kind === 'months' ? [c.period.start, c.period.end, c.period.statedMonths] : []];
    expect(pdf.document.claims.map(claim)).toEqual(text.document.claims.map(claim));
  });
});

describe('regional reports of other origins', () => {
  it('another agency (plain text, □ items under a strategy heading, no Markdown)', async () => {
    const { document: d } = parseReportLayout(await layoutOf(ROOT + 'fixtures/report/other-agency-2021h2.txt'));
    expect([d.title, d.date, d.fiscalPeriod, d.asOf]).toEqual(['2021년도 하반기 주요업무 추진실적', '2022-01', '2021-H2', '2021-12-31']);
    expect(d.programs.map((x) => [x.name, x.group, x.outputs!.map((o) => [o.label, o.quantity?.value ?? o.status, o.timing])])).toEqual([
      ['데이터 바우처 지원', '디지털 혁신 기반 조성', [['데이터 바우처 지원', 42, undefined], ['데이터 바우처 지원', '추진중', undefined], ['데이터 구매·가공 바우처', 42, undefined], ['데이터 활용 교육', 3, '하반기']]],
      ['인공지능 인재 양성', '디지털 혁신 기반 조성', [['인공지능 인재 양성', 120, undefined], ['재직자 AI 교육', 120, undefined]]],
    ]);
  });

  it('an HTML export: head only, no activities invented', async () => {
    const { document: d } = parseReportLayout(await layoutOf(ROOT + 'fixtures/report/html-export-2022h1.html'));
    expect([d.title, d.date, d.fiscalPeriod, d.asOf]).toEqual(['2022년도 상반기 주요업무 추진상황', '2022-07', '2022-H1', '2022-06-30']);
    expect(d.programs).toEqual([]);
  });
});

describe.skipIf(!existsSync(REAL))('real work plans of Busan departments (read in place)', () => {
  const read = async (name: string) => parseReportLayout(await layoutOf(REAL + name, name)).document;
  const staff = (d: PolicyDocument) => d.meta.organisation?.map((r) => [r.label, r.total?.value, r.cells.map((c) => [c.grade, c.count.value])]);

  it('교통혁신국: head and the 인력 table by grade (p.5)', async () => {
    const d = await read('report-busan-transport-innovation-2025.pdf');
    expect([d.title, d.date, d.fiscalPeriod]).toEqual(['(2025년도) 주요 업무 추진 계획', '2025-02-11', '2025']);
    expect(staff(d)).toEqual([
      ['정원', 192, [['3급', 1], ['4급', 6], ['5급', 20], ['6급', 55], ['7급', 96], ['8급이하', 14]]],
      ['현원', 192, [['3급', 1], ['4급', 6], ['5급', 20], ['6급', 56], ['7급', 63], ['8급이하', 46]]],
    ]);
  });

  it('금융창업정책관: a two-line title and the 인력 table by 담당관 (p.5)', async () => {
    const d = await read('report-busan-finance-startup-2025.pdf');
    expect([d.title, d.date, d.issuer]).toEqual(['2025년도 주요업무계획', '2025-02-07', '금융창업정책관']);
    expect(staff(d)).toEqual([
      ['정원', 44, [['창업벤처담당관', 23], ['금융블록체인담당관', 21]]],
      ['현원', 46, [['창업벤처담당관', 24], ['금융블록체인담당관', 22]]],
    ]);
  });

  it('시민건강국: a staff table sharing its table with the organisation chart (p.5)', async () => {
    const d = await read('report-busan-citizen-health-2025.pdf');
    expect(staff(d)).toEqual([
      ['정원', 91, [['3급', 1], ['4급', 3], ['5급', 25], ['6급', 37], ['7급이하', 25]]],
      ['현원', 100, [['3급', 1], ['4급', 3], ['5급', 20], ['6급', 41], ['7급이하', 35]]],
    ]);
  });

  it('해양농수산국: project pages named by their numbered title, not by the ❖ summary under it (p.49, PDF layout reader)', async () => {
    const name = 'report-busan-ocean-agriculture-fisheries-2025.pdf';
    const layout = await readPdfLayout(name, new Uint8Array(readFileSync(REAL + name)));
    if ('error' in layout) throw new Error(layout.error);
    const d = parseReportLayout(layout).document;
    const p = d.programs.find((x) => x.sources[0]!.page === 49);
    // `3 데이터 기반 해양신산업 혁신 거점 조성` … `ㅇ 총사업비 : 322.5억원(국비 211.5, 시비 111)`
    expect(p && [p.name, p.totalBudget?.value, p.funding?.map((f) => [f.name, f.amount.value])]).toEqual([
      '데이터 기반 해양신산업 혁신 거점 조성',
      32_250_000_000,
      [['국비', 21_150_000_000], ['시비', 11_100_000_000]],
    ]);
  });

  it('주택건축국: project pages named by their □ item, 사업비 from the ○ line below it (p.21)', async () => {
    const d = await read('report-busan-housing-architecture-2025.pdf');
    // The cover prints `2 0 2 5년 주 요 업 무 계 획`, every letter spaced: no word break survives.
    expect([d.title, d.date]).toEqual(['2025년주요업무계획', '2025-02-13']);
    expect(d.programs.filter((x) => x.sources[0]!.page === 21).slice(0, 2).map((x) => [x.name, x.totalBudget?.value])).toEqual([
      ['장애인주택 개조사업', 86_400_000], // ○ 사 업 비 : 86.4백만원 (국 66.5, 시 19.9)
      ['아동주거빈곤가구 주거지원사업', 204_400_000], // ○ 사업비 : 204.4백만원 (시비)
    ]);
  });
});
