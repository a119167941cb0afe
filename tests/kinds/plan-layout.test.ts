// The national-plan kind read from layout blocks (src/kinds/plan.ts): the
// sample against its golden model, the PDF against the text, and a plan of
// another layout (plain text, 【전략1】 titles, a goal line).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src/layout/index.js';
import { readPdfLayout } from '../../src/layout/pdf.js';
import { readTextLayout } from '../../src/layout/text.js';
import type { Layout } from '../../src/layout/types.js';
import type { PolicyDocument, Program, Target } from '../../src/model/types.js';
import { issuerOfTitle, parsePlanLayout, readNamedAmounts } from '../../src/kinds/plan.js';
import { planOutline } from '../../src/kinds/plan-outline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function layoutOf(rel: string): Promise<Layout> {
  const layout = await readLayout(rel, new Uint8Array(readFileSync(ROOT + rel)));
  if ('error' in layout) throw new Error(layout.error);
  return layout;
}

const programKey = (p: Program, lines = true) => [
  p.name,
  p.group?.replace(/\s+/g, ''),
  p.totalBudget?.value,
  p.funding?.map((f) => [f.name, f.amount.value]),
  lines ? p.sources.map((s) => s.line) : 0,
];
const targetKey = (t: Target, lines = true) => [t.category, t.indicator, t.unit, t.target.value, t.targetYear, lines ? t.source.line : 0];

describe('national plan sample read from its layout', async () => {
  const g = JSON.parse(readFileSync(ROOT + 'fixtures/samples/national-plan-2023.txt.model.json', 'utf8')) as PolicyDocument;
  const text = parsePlanLayout(await layoutOf('fixtures/samples/national-plan-2023.txt'));
  const pdf = parsePlanLayout(await layoutOf('fixtures/samples/national-plan-2023.pdf'));

  it('gives the golden head', () => {
    for (const r of [text, pdf]) {
      const d = r.document;
      expect([d.title, d.issuer, d.date, d.fiscalPeriod, d.moneyUnit]).toEqual([g.title, g.issuer, g.date, g.fiscalPeriod, g.moneyUnit]);
    }
  });

  it('gives the golden vision, strategies and schedule', () => {
    expect(text.document.meta.vision).toBe(g.meta.vision);
    expect(text.document.meta.strategies).toEqual(g.meta.strategies);
    expect(text.document.meta.schedule).toEqual(g.meta.schedule);
    expect([pdf.document.meta.vision, pdf.document.meta.strategies]).toEqual([g.meta.vision, g.meta.strategies]);
  });

  it('gives the golden programs, with groups and footnoted budgets', () => {
    expect(text.document.programs.map((p) => programKey(p))).toEqual(g.programs.map((p) => programKey(p)));
    expect(pdf.document.programs.map((p) => programKey(p, false))).toEqual(g.programs.map((p) => programKey(p, false)));
  });

  it('gives the golden targets of the goal table', () => {
    expect(text.document.targets.map((t) => targetKey(t))).toEqual(g.targets.map((t) => targetKey(t)));
    expect(pdf.document.targets.map((t) => targetKey(t, false))).toEqual(g.targets.map((t) => targetKey(t, false)));
  });

  it('gives the golden head, meta, targets and programs from the PDF layout reader', async () => {
    const layout = await readPdfLayout('fixtures/samples/national-plan-2023.pdf', new Uint8Array(readFileSync(ROOT + 'fixtures/samples/national-plan-2023.pdf')));
    if ('error' in layout) throw new Error(layout.error);
    const d = parsePlanLayout(layout).document;
    expect([d.title, d.issuer, d.date, d.fiscalPeriod, d.meta.vision, d.meta.strategies]).toEqual([g.title, g.issuer, g.date, g.fiscalPeriod, g.meta.vision, g.meta.strategies]);
    expect(d.programs.map((p) => programKey(p, false))).toEqual(g.programs.map((p) => programKey(p, false)));
    expect(d.targets.map((t) => targetKey(t, false))).toEqual(g.targets.map((t) => targetKey(t, false)));
    // `'23.⏎상` wraps in its cell; the break is kept as a space.
    const row = (s: { task: string; name: string; timing: string }) => [s.task, s.name, s.timing.replace(/\s+/g, '')];
    expect(d.meta.schedule?.map(row)).toEqual(g.meta.schedule?.map(row));
  });

  it('gives the golden funding-split claims', () => {
    const key = (c: PolicyDocument['claims'][number]) => (c.kind === 'sum' ? [c.label, c.total.value, c.parts.map((x) => [x.label, x.amount.value])] : []);
    expect(text.document.claims.map(key)).toEqual(g.claims.filter((c) => c.kind === 'sum' && c.label.endsWith('총 사업비')).map(key));
  });
});

describe('a plan of another layout (plain text, 【전략1】 titles, a goal line with a tab)', async () => {
  const { document: d } = parsePlanLayout(await layoutOf('fixtures/plan/plain-layout-2024.txt'));

  it('reads its head', () => {
    expect([d.title, d.issuer, d.fiscalPeriod]).toEqual(["제2차 지역 스마트제조 혁신 기본계획('22~'26) 2024년도 시행계획", '중소벤처기업부', '2024']);
  });

  it('reads the keyword bullets that state money as a budget, the footnoted total winning over the bullet figure', () => {
    // Line 23 `(예산구조) 스마트제조(3,085억원), 인프라(512억원)으로 구성` labels the parts of a list: no program's budget (budget-wording.ts).
    expect(d.programs.map((p) => [p.name, p.group, p.totalBudget?.value, p.funding?.map((f) => f.amount.value)])).toEqual([
      ['고도화', '전략1 제조현장 디지털 전환', 90_000_000_000, [60_000_000_000, 25_000_000_000, 5_000_000_000]],
    ]);
  });

  it('reads the goal line as targets for the plan horizon', () => {
    expect(d.targets.map((t) => [t.category, t.indicator, t.target.value, t.unit, t.targetYear])).toEqual([
      ['제조 혁신', '스마트공장 보급', 35_000, '개', '2026'],
      ['제조 혁신', '스마트제조 인력', 10_000, '명', '2026'],
    ]);
  });
});

describe('plan programs', () => {
  const li = (text: string, line: number) => ({ type: 'list-item' as const, marker: '-', depth: 0, text, source: { file: 'x', line, text } });
  it('a bracketed year dates a line, it does not name a program', () => {
    const layout: Layout = {
      file: 'x.txt',
      format: 'text',
      blocks: [
        { type: 'heading', level: 2, text: '[전략1] 기술혁신', source: { file: 'x', line: 1, text: '[전략1] 기술혁신' } },
        li("('23) 신규 과제 120개, 12억원 지원", 2),
        li('(바우처) 중소기업 기술개발 바우처 350억원 지원', 3),
      ],
    };
    expect(parsePlanLayout(layout).document.programs.map((p) => [p.name, p.group, p.totalBudget?.value])).toEqual([['바우처', '전략1 기술혁신', 35_000_000_000]]);
  });
});

describe('named amounts', () => {
  it.each([
    ['혁신성장(1조 1,081억원), 전략분야(5,987억원), 인프라(1,271억원) 지원', [['혁신성장', 1_108_100_000_000], ['전략분야', 598_700_000_000], ['인프라', 127_100_000_000]]],
    ['중소기업 탄소중립 전환지원(55억원, 기업당 최대 3억원 지원)', undefined],
  ])('%s', (text, named) => {
    expect(readNamedAmounts(text)?.map((n) => [n.name, n.value])).toEqual(named);
  });
});

describe('the issuer of a plan: a cover field, else the cover line naming a ministry', () => {
  it.each([
    // The cabinet agenda cover's 제 출 자 field: `중소벤처기업부장관 이영` (text line 16, PDF p.1).
    ['fixtures/samples/national-plan-2023.txt', '중소벤처기업부'],
    ['fixtures/samples/national-plan-2023.pdf', '중소벤처기업부'],
    // Another ministry's cover: `고용노동부 직업능력정책국` (line 5), the ministry before its bureau.
    ['fixtures/corpus/moel-skills-plan-2024.txt', '고용노동부'],
    // `해양수산부 해양수산과학기술정책과` (line 3).
    ['fixtures/corpus/mof-marine-science-plan-2024.txt', '해양수산부'],
    // Markdown: the title is a heading; `농림축산식품부 스마트농업정책과 · 2025. 1.` (line 3) below it.
    ['fixtures/corpus/mafra-smart-farm-midterm-plan-2025.md', '농림축산식품부'],
  ])('%s', async (file, issuer) => {
    expect(parsePlanLayout(await layoutOf(file)).document.issuer).toBe(issuer);
  });

  const cover = (lines: string[]) => parsePlanLayout(readTextLayout('p.txt', [...lines, '', 'Ⅰ. 추진 배경', '', '□ 산업 현황', '  ○ 중소기업 수 증가'].join('\n'))).document.issuer;
  it.each<[string, string[], string | undefined]>([
    ['the ministry alone on its line', ['제3차 산림 기본계획(2023~2027)', '', '2023. 5.', '', '산림청'], '산림청'],
    ['letter-spaced', ['제3차 산림 기본계획(2023~2027)', '', '산 림 청'], '산림청'],
    ['a commission before its office', ['2024년도 방송 발전 기본계획', '', '방송통신위원회 방송정책국'], '방송통신위원회'],
    ['joint issue: 관계부처 합동 names no issuer', ['제2차 청년정책 기본계획(2023~2027)', '', '관계부처 합동'], undefined],
    ['joint issue: 관계부처 alone names no issuer', ['제2차 청년정책 기본계획(2023~2027)', '', '2023. 3.', '', '관계부처'], undefined],
    // [real moel youth-job-creation program sheet p.1: `지원금신청신청` alone, read as an issuer before]
    ['a word ending in 신청 is no agency', ['2024년 청년일자리 사업 시행계획', '', '지원금신청'], undefined],
    ['two ministries name no single issuer', ['제2차 청년정책 기본계획(2023~2027)', '', '교육부 법무부'], undefined],
    ['a ministry alone below the first part title is in the body, not the cover', ['제2차 청년정책 기본계획(2023~2027)', '', '2023. 3.', '', 'Ⅰ. 그간의 성과', '', '환경부'], undefined],
  ])('%s', (_name, lines, issuer) => expect(cover(lines)).toBe(issuer));

  // The 제출자 field names a head by title: the body it heads is the issuer; anything else is none.
  it.each<[string, string | undefined]>([
    ['중소벤처기업부장관', '중소벤처기업부'],
    ['산림청장', '산림청'],
    ['금융위원장', '금융위원회'],
    ['국가보훈처장', '국가보훈처'],
    ['관계부처', undefined],
    ['홍길동', undefined],
  ])('submitter %s → %s', (title, issuer) => expect(issuerOfTitle(title)).toBe(issuer));
});

describe('plan outline: task numbers of two digits', () => {
  it('a 10th task title files the bullets under it as task 10, not task 9', () => {
    const text = ['2024년도 시행계획', '', '9 아홉번째 과제', '', '□ 아홉번째 내용', '', '10 열번째 과제', '', '□ 열번째 내용'].join('\n');
    const units = planOutline(readTextLayout('p.txt', text));
    expect(units.filter((u) => /번째 내용/.test(u.content)).map((u) => [u.content, u.task])).toEqual([
      ['아홉번째 내용', '9 아홉번째 과제'],
      ['열번째 내용', '10 열번째 과제'],
    ]);
  });
});

