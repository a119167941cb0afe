// Whether an amount in a plan bullet is the program's budget. An amount is a
// budget only when the wording says so: a budget noun before it (`예산`, `사업비`,
// `지원규모`, `출연금`), a spending verb after it (`1조 1,081억원 지원`), or a
// parenthesis that follows a support action (`단계별 지원(24억원)`,
// `지원 강화 (820억원, …)`). Investment attracted (`4조 114억원의 투자유치`),
// sales, purchases and amounts that label the parts of a list
// (`기업성장(1조 1,657억원), 전략분야(5,309억원)`) are not budgets. Pure.

import type { FoundQuantity } from '../extract/quantities.js';

/** Nouns that name a budget when they stand just before the amount. */
export const BUDGET_NOUNS = ['총사업비', '사업비', '예산', '지원규모', '출연금', '국비', '투입액', '편성액'];
/** Verbs of spending that, right after the amount, make it a budget. */
export const SPENDING_VERBS = ['지원', '투입', '편성', '출연'];
/** Actions a program's amount follows in parentheses: `지원(24억원)`, `신설(20억원)`. */
export const PROGRAM_ACTIONS = ['지원', '신설', '확대', '강화', '추진', '운영', '투입'];

/** How far before an amount a budget noun may stand (characters). */
const NOUN_WINDOW = 24;

const squeeze = (s: string) => s.replace(/\s+/g, '');

function nounBefore(before: string): boolean {
  const near = squeeze(before.slice(-NOUN_WINDOW));
  return BUDGET_NOUNS.some((n) => near.includes(n));
}

function verbAfter(after: string): boolean {
  // `1,023억원(371억원) 지원`: a parenthetical detail may stand between the amount and its verb.
  const rest = after.replace(/^\s*\([^()]*\)/, '').replace(/^[\s*]+/, '');
  return SPENDING_VERBS.some((v) => rest.startsWith(v));
}

function parenAfterAction(before: string): boolean {
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return false;
  const lead = before.slice(0, open).replace(/[\s*]+$/, '');
  return PROGRAM_ACTIONS.some((a) => lead.endsWith(a));
}

/**
 * Whether the money amount `q` found in `content` is stated as a budget.
 * `content` is the bullet's text; its leading `(keyword)` label is not wording about the amount.
 */
export function statedAsBudget(content: string, q: FoundQuantity, others: FoundQuantity[] = []): boolean {
  if (q.kind !== 'money') return false;
  const label = /^\s*\([^()]{1,30}\)/.exec(content)?.[0].length ?? 0;
  // Wording before belongs to this amount only back to the previous amount of money.
  let previousEnd = label;
  for (const o of others) if (o.kind === 'money' && o.end <= q.index && o.end > previousEnd) previousEnd = o.end;
  const before = content.slice(previousEnd, q.index);
  const after = content.slice(q.end);
  return nounBefore(before) || verbAfter(after) || parenAfterAction(before);
}

/** The first money amount of a bullet that its wording states as a budget. */
export function budgetAmount(content: string, quantities: FoundQuantity[]): FoundQuantity | undefined {
  return quantities.find((q) => statedAsBudget(content, q, quantities));
}
