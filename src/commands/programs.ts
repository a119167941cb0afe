// `programs`: every program across all documents, one row each. The same program
// named slightly differently in two places (letter spacing, spaces, brackets, a
// `사업` suffix, a regional prefix) is one row with all its sources. Budget lines
// count as mentions of their program, so a project in the budget table, the
// new-project list and a project description appears once.

import { pushTo } from '../extract/collections.js';
import { normalizeName, stripPrefixes, unionMatchingNames } from '../extract/names.js';
import type { PolicyDocument, Program, Source } from '../model/types.js';
import { sourceColumn, documentColumn, sourceRef, type Column, type Command, type Row } from './types.js';

interface Mention {
  doc: PolicyDocument;
  program: Program;
  /** A budget line's amount: the year's budget, not the program's total. */
  yearBudget?: number;
}

interface Merged {
  mentions: Mention[];
}

function mentionsOf(doc: PolicyDocument): Mention[] {
  const list: Mention[] = doc.programs.map((program) => ({ doc, program }));
  for (const line of doc.budgetLines) {
    const program: Program = { name: line.program, normalizedName: line.normalizedName, sources: [line.source] };
    if (line.group) program.group = line.group;
    const m: Mention = { doc, program };
    if (line.budget) m.yearBudget = line.budget.value;
    list.push(m);
  }
  return list;
}

/**
 * Group mentions: equal normalized names (or equal once a regional prefix is
 * dropped) anywhere; within one document also a name contained in another when
 * the shorter has at least 8 characters. Linear across documents.
 */
export function mergeMentions(mentions: Mention[]): Merged[] {
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byKey = new Map<string, number>();
  mentions.forEach((m, i) => {
    const key = m.program.normalizedName;
    if (!key) return;
    for (const k of new Set([key, stripPrefixes(key)])) {
      const seen = byKey.get(k);
      if (seen === undefined) byKey.set(k, i);
      else union(seen, i);
    }
  });
  const byDoc = new Map<PolicyDocument, number[]>();
  mentions.forEach((m, i) => pushTo(byDoc, m.doc, i));
  for (const indices of byDoc.values()) unionMatchingNames(indices.map((i) => mentions[i]!.program.normalizedName), (a, b) => union(indices[a]!, indices[b]!));
  const groups = new Map<number, Mention[]>();
  mentions.forEach((m, i) => pushTo(groups, find(i), m));
  return [...groups.values()].map((ms) => ({ mentions: ms }));
}

function first<T>(mentions: Mention[], pick: (m: Mention) => T | undefined): T | undefined {
  for (const m of mentions) {
    const v = pick(m);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/** The PDF pages of a row's sources, in order, without repeats (`5; 7`); empty for text documents. */
function pagesOf(sources: Source[]): string {
  const pages: number[] = [];
  for (const s of sources) if (s.page !== undefined && !pages.includes(s.page)) pages.push(s.page);
  return pages.join('; ');
}

function rowOf(merged: Merged): Row {
  // A document that describes the program speaks for it before one that only mentions it.
  const ms = [...merged.mentions].sort((a, b) => (a.program.mentioned ? 1 : 0) - (b.program.mentioned ? 1 : 0));
  // Prefer the fullest description for the name: a titled project over a table cell.
  const named = [...ms].sort((a, b) => (b.program.period ? 1 : 0) - (a.program.period ? 1 : 0))[0]!;
  const sources: Source[] = ms.flatMap((m) => m.program.sources);
  const period = first(ms, (m) => m.program.period);
  const details = first(ms, (m) => m.program.details);
  return {
    document: ms[0]!.doc.file,
    kind: ms[0]!.doc.kind,
    program: named.program.name,
    group: first(ms, (m) => m.program.group),
    ministry: first(ms, (m) => m.program.ministry ?? m.program.details?.agencies.join(', ')),
    start: period?.start,
    end: period?.end,
    months: period?.months ?? period?.statedMonths,
    total_budget_krw: first(ms, (m) => m.program.totalBudget?.value),
    year_budget_krw: first(ms, (m) => m.yearBudget),
    mentions: ms.length,
    steps: details?.steps.length,
    documents_required: details?.documents.length,
    source: [...new Set(sources.map(sourceRef))].join('; '),
    page: pagesOf(sources),
  };
}

export const programs: Command = ({ documents, options }) => {
  const docs = options.kind ? documents.filter((d) => d.kind === options.kind) : documents;
  let rows = mergeMentions(docs.flatMap(mentionsOf)).map(rowOf);
  if (options.grep) {
    const needle = normalizeName(options.grep);
    rows = rows.filter((r) => normalizeName(String(r.program)).includes(needle));
  }
  const moneyUnit = options.unit ?? docs[0]?.moneyUnit ?? '원';
  const columns: Column[] = [
    documentColumn(),
    { key: 'kind', label: 'kind', kind: 'text', machineOnly: true },
    { key: 'program', label: 'program', kind: 'text' },
    { key: 'group', label: 'group', kind: 'text' },
    { key: 'ministry', label: 'ministry', kind: 'text' },
    { key: 'start', label: 'start', kind: 'text' },
    { key: 'end', label: 'end', kind: 'text' },
    { key: 'months', label: 'months', kind: 'int' },
    { key: 'total_budget_krw', label: 'total budget', kind: 'krw' },
    { key: 'year_budget_krw', label: 'year budget', kind: 'krw', displayOnly: true },
    { key: 'steps', label: 'steps', kind: 'int', displayOnly: true },
    { key: 'documents_required', label: 'docs', kind: 'int', displayOnly: true },
    { key: 'mentions', label: 'seen', kind: 'int', displayOnly: true },
    sourceColumn(),
    { key: 'page', label: 'page', kind: 'text', machineOnly: true },
  ];
  return { tables: [{ title: 'Programs', columns, rows, moneyUnit }] };
};

programs.uses = ['programs', 'budgetLines'];
