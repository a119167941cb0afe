// The national plan's outline and figures read from layout blocks
// (src/kinds/plan-outline.ts, plan-figures.ts), on documents of three origins:
// the sample as text and as PDF (중소벤처기업부), a plain-text plan with ○ bullets
// (fixtures/plan/plain-layout-2024.txt) and a 한글 HTML export
// (fixtures/corpus/me-env-industry-plan-2024.html, 환경부 style). Expectations
// are read off the documents, line by line.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src/layout/index.js';
import { readTextLayout } from '../../src/layout/text.js';
import { pdfListMarker } from '../../src/layout/pdf.js';
import type { Layout } from '../../src/layout/types.js';
import { planOutline, type PlanUnit } from '../../src/kinds/plan-outline.js';
import { cellParts, readParts } from '../../src/kinds/plan-figures.js';
import { parsePlan } from '../../src/kinds/plan.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = 'fixtures/samples/national-plan-2023.txt';
const SAMPLE_PDF = 'fixtures/samples/national-plan-2023.pdf';
const PLAIN = 'fixtures/plan/plain-layout-2024.txt';
const HTML = 'fixtures/corpus/me-env-industry-plan-2024.html';

async function layoutOf(rel: string): Promise<Layout> {
  const layout = await readLayout(rel, new Uint8Array(readFileSync(ROOT + rel)));
  if ('error' in layout) throw new Error(layout.error);
  return layout;
}

const at = (units: PlanUnit[], line: number, page?: number) => units.find((u) => u.source.line === line && (page === undefined || u.source.page === page))!;
const describeUnit = (u: PlanUnit) => [u.role, u.keyword ?? null, u.parent?.source.line ?? null, u.strategy ?? null, u.task ?? null, u.topic ?? null, u.year ?? null];

describe('plan outline: roles, parents, strategy, task, topic and year from blocks', async () => {
  const sample = planOutline(await layoutOf(SAMPLE));
  const pdf = planOutline(await layoutOf(SAMPLE_PDF));
  const plain = planOutline(await layoutOf(PLAIN));
  const html = planOutline(await layoutOf(HTML));
  const S2 = '전략2 스마트 제조 · 기술인재를 통한 생산성 혁신';
  const T21 = '1 스마트공장 확산 및 고도화로 제조경쟁력 강화';
  const TOPIC = '스마트 공장 30,000개 보급 확산';

  it.each([
    // sample text lines 282–284: `- (스마트공장 구축목표 달성) …`, `  - \* 연도별 누적 …`, `  - ('22, 실적) …`, under `[전략2]`, `#### 1` + `스마트공장 확산 …`, `□ 스마트 공장 30,000개 보급 확산`, in `## 2022년 시행계획 이행 현황`.
    ['sample text, keyword bullet', sample, 282, undefined, ['bullet', '스마트공장 구축목표 달성', null, S2, T21, TOPIC, '2022']],
    ['sample text, footnote under it', sample, 283, undefined, ['footnote', null, 282, S2, T21, TOPIC, '2022']],
    ['sample text, sub-item (indented `-` under `-`)', sample, 284, undefined, ['sub', null, 282, S2, T21, TOPIC, '2022']],
    // the same lines in the PDF (page 6, lines 215, 217, 218): `·` bullets and `-` items, nested by indentation.
    ['sample PDF, keyword bullet', pdf, 215, 6, ['bullet', '스마트공장 구축목표 달성', null, S2, T21, TOPIC, '2022']],
    ['sample PDF, footnote', pdf, 217, 6, ['footnote', null, 215, S2, T21, TOPIC, '2022']],
    ['sample PDF, sub-item', pdf, 218, 6, ['sub', null, 215, S2, T21, TOPIC, '2022']],
    // plain text lines 13–15: ` ○ (보급) …`, `   * 연도별 누적 …`, `   - ('23, 실적) …` under `【전략1】`, `1 스마트공장 고도화`, `□ 스마트공장 보급 확대`, `I. 2023년 추진 실적`.
    ['plain text, ○ keyword bullet', plain, 13, undefined, ['bullet', '보급', null, '전략1 제조현장 디지털 전환', '1 스마트공장 고도화', '스마트공장 보급 확대', '2023']],
    ['plain text, * footnote', plain, 14, undefined, ['footnote', null, 13, '전략1 제조현장 디지털 전환', '1 스마트공장 고도화', '스마트공장 보급 확대', '2023']],
    ['plain text, - sub-item', plain, 15, undefined, ['sub', null, 13, '전략1 제조현장 디지털 전환', '1 스마트공장 고도화', '스마트공장 보급 확대', '2023']],
    // HTML lines 19, 24–25 (`전략 1.` title, `1 탄소중립 핵심기술 실증` task line, `Ⅰ. 2023년 추진 실적`).
    ['HTML, ○ keyword bullet', html, 19, undefined, ['bullet', '실증 단지', null, '전략1 녹색 혁신기술 확보', '1 탄소중립 핵심기술 실증', '녹색기술 실증 확대', '2023']],
    ['HTML, - sub-item', html, 25, undefined, ['sub', null, 24, '전략1 녹색 혁신기술 확보', '1 탄소중립 핵심기술 실증', '녹색기술 실증 확대', '2023']],
    // HTML line 53: the footnote of `Ⅱ. 2024년 세부 시행계획` (no task line in that part).
    ['HTML, footnote in the 2024 part', html, 53, undefined, ['footnote', null, 52, '전략1 녹색 혁신기술 확보', null, '지원 예산', '2024']],
  ])('%s', (_name, units, line, page, expected) => expect(describeUnit(at(units, line, page))).toEqual(expected));

  it('joins a line led by an arrow to the footnote above it: one sequence (sample PDF p.12, HTML lines 22–23)', () => {
    expect(at(pdf, 448, 12).content).toBe("스케일업 팁스 출연R&D : ('22) 최대 2년 6억원 지원(40개사) → ('23) 최대 3년 12억원 지원(170개사)");
    expect(at(html, 22).content).toBe("실증 참여기업 : ('22) 120개사 → ('23) 185개사");
    expect(at(html, 22).source.text).toBe("* 실증 참여기업 : ('22) 120개사 → ('23) 185개사");
  });
});

describe('parts lines (readParts)', () => {
  it.each([
    ["('22, 실적) 정부단독 2,418, 상생형 1,081, 수준확인 1,606개", [2_418, 1_081, 1_606]], // sample line 284
    ["('23, 실적) 중소기업 730, 중견기업 520명", [730, 520]], // HTML line 31
    ['창업성장 343개, 264억원 / 기술혁신 370개, 609억원, /상용화 101개, 150억원', [343, 26_400_000_000, 370, 60_900_000_000, 101, 15_000_000_000]], // sample line 231
  ])('%s', (text, values) => expect(readParts(text)?.map((q) => q.value)).toEqual(values));

  it.each([
    ['이 중 국비 90억원, 지방비 30억원'], // HTML line 25: some of the 150억원, not all of it
    ['이 중 국민내일배움카드 1조 1,480억원, 사업주 훈련 지원 6,215억원'], // moel-skills-plan-2024.txt line 19
    ['그 중 청년 120명, 중장년 80명'],
    ['업종별 현장 맞춤형 교육 및 수준 향상 로드맵 제시'],
  ])('is no breakdown: %s', (text) => expect(readParts(text)).toBeUndefined());
});

describe('marked items of a table cell (cellParts)', () => {
  it.each([
    ['■ 국내 291개사\n■ 국외 1,176개사', [['국내', 291, '개사'], ['국외', 1_176, '개사']]], // sample line 379
    ['■ 수도권 48개소\n■ 비수도권 62개소', [['수도권', 48, '개소'], ['비수도권', 62, '개소']]], // HTML line 44
  ])('%s', (text, expected) => expect(cellParts(text)?.map((q) => [q.label, q.value, q.unit])).toEqual(expected));

  it.each([['■ 국내 291개사'], ['국내 291개사\n국외 1,176개사'], ['■ 국내 기업 다수\n■ 국외 1,176개사'], ['- 특구 사업자가 원격모니터링 실증\n- 유럽 CE인증획득']])('gives nothing for %j', (text) =>
    expect(cellParts(text)).toBeUndefined(),
  );
});

describe('breakdowns of a table cell against the total stated before the table', async () => {
  const sum = (rel: string) =>
    layoutOf(rel).then((l) => parsePlan(l).document.claims.flatMap((c) => (c.kind === 'sum' && c.inferred ? [[c.label, c.total.value, c.total.source.line, c.parts.map((p) => p.amount.value), c.source.line]] : [])));

  it('sample: 1,467개사 (line 372) = 국내 291 + 국외 1,176 (table row, line 379)', async () => {
    expect(await sum(SAMPLE)).toContainEqual(['혁신 거점 기술교류 촉진 1,467개사', 1_467, 372, [291, 1_176], 379]);
  });

  it('HTML: 110개소 (line 34) = 수도권 48 + 비수도권 62 (table row, line 42); the 이 중 line (25) gives none', async () => {
    expect(await sum(HTML)).toEqual([
      ['재직자 교육 1,250명', 1_250, 30, [730, 520], 31],
      ['지역 거점 구축 110개소', 110, 34, [48, 62], 42],
    ]);
  });
});

describe('layouts the outline relies on', () => {
  it('text: an item indented under an item of its own marker nests one level deeper', () => {
    const depths = (text: string) => readTextLayout('t.txt', text).blocks.flatMap((b) => (b.type === 'list-item' ? [[b.marker, b.depth]] : []));
    // the sample's habit: `-` bullets with `  -` items under them.
    expect(depths('- (보급) 5,105개 보급\n  - 정부단독 2,418개\n  - 상생형 1,081개\n- (인력) 713명 양성\n')).toEqual([['-', 0], ['-', 1], ['-', 1], ['-', 0]]);
    // a 한글 export's habit: □ ○ - by marker family, indentation agreeing.
    expect(depths('□ 보급 확대\n ○ (보급) 4,856개\n   - 정부단독 2,100개\n ○ (인력) 1,000명\n')).toEqual([['□', 0], ['○', 1], ['-', 2], ['○', 1]]);
  });

  it('PDF: a Korean list letter is one of the fourteen ordinals, not any syllable', () => {
    expect(['가) 추진 배경', '나. 세부 내용', '(다) 일정', '원)로 구조화하고', '준) 등 성과공유 문화'].map(pdfListMarker)).toEqual(['가)', '나.', '(다)', undefined, undefined]);
  });
});
