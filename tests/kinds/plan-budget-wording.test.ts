import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/extract/quantities.js';
import { budgetAmount } from '../../src/kinds/plan-budget-wording.js';
import { load } from '../helpers/load.js';

// [bullet text, the amount (원) its wording states as the program's budget, or undefined]
const CASES: [string, number | undefined][] = [
  ['(성장지원) 성장주기별 맞춤형 1조 1,081억원 지원', 1_108_100_000_000],
  ['(성과확산) 특구 내 혁신기업에서 3,794명 고용창출, 4조 114억원의 투자유치, 1,069억원의 매출 성과', undefined],
  ['(구조화) R&D 지원체계를 기업성장(1조 1,657억원), 전략분야(5,309억원), 인프라(1,281억원)로 구조화', undefined],
  ['(예산구조) 스마트제조(3,085억원), 인프라(512억원)으로 구성', undefined],
  ['(타부처 협업) 인·허가 관련 맞춤형 컨설팅을 단계별 지원(24억원)', 2_400_000_000],
  ['(신산업 분야) 814개 과제(신규 324개), 1,023억원(371억원) 지원', 102_300_000_000],
  ['(조달혁신 지원) 혁신조달 과제 지원규모 확대(5억원→10억원) 및 124개 과제 지원', 500_000_000],
  ['(민간중심 구축) 스마트공장 구축 지원 (출연금 307.9억)', 30_790_000_000],
  ['(시범구매 확대) 참여 공공기관을 510개로 확대하여 시범구매액 3,100억원 달성', undefined],
  ['(산학연 협력) 협력 R&D 지원 강화 (820억원, 전년대비 2.5% 증가)', 82_000_000_000],
  ['(연계지원) 관련 예산 확대 (\'21, 359개, 512억원→\'22, 525개, 708억원)', 51_200_000_000],
  ['(기반조성) 올해 사업비 12억원을 들여 센터 구축', 1_200_000_000],
  ['(수출) 중소기업 수출액 1조원 돌파', undefined],
];

describe('plan bullets: an amount is a budget only when the wording says so', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(budgetAmount(text, findQuantities(text))?.value).toBe(expected);
  });

  it('the sample plan: 성과확산 has no budget (investment attracted), 구조화 and 예산구조 are not programs', async () => {
    const { document } = await load('fixtures/samples/national-plan-2023.txt');
    const names = document.programs.map((p) => p.name);
    expect(names).not.toContain('구조화');
    expect(document.programs.find((p) => p.name === '성과확산')?.totalBudget).toBeUndefined();
    expect(document.programs.find((p) => p.name === '성장지원')?.totalBudget?.value).toBe(1_108_100_000_000);
    const other = await load('fixtures/plan/plain-layout-2024.txt');
    expect(other.document.programs.map((p) => p.name)).not.toContain('예산구조');
    expect(other.document.programs.find((p) => p.name === '고도화')?.totalBudget?.value).toBe(90_000_000_000);
  });
});
