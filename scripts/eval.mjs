#!/usr/bin/env node
// Corpus eval: every expected-values file in fixtures/corpus/expected/ against what
// the built tool reads from its document. Prints per document and in total:
// expected / found / wrong for line items, totals, series pairs and targets; the
// kind; planted wrong claims caught and correct claims falsely flagged as errors.
//
// Usage: node scripts/eval.mjs [--json] [--doc <id>]
// The format of the expected files is described in docs/corpus.md.
//
// The tool is reached through `parseDocument` and `findingsFor` only, so a new
// parse pipeline changes those two functions and nothing else.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
export const EXPECTED_DIR = path.join(ROOT, 'fixtures/corpus/expected');
/** Real documents live beside the clone, never in it. */
export const SHARED_DIR = process.env.POLICY_LENS_SHARED ? path.resolve(process.env.POLICY_LENS_SHARED) : path.resolve(ROOT, '../shared');

// ---------------------------------------------------------------------------
// Adapter to the tool (the only place that knows its API).

/** The tool's entry points out of its parse and check modules (built or, in tests, the sources). */
export function toolFrom(parseModule, checkModule) {
  return { parseBytes: parseModule.parseBytes, runChecks: checkModule.runChecks };
}

/** Loads the built tool (dist/). */
export async function builtTool() {
  const parseModule = await import(pathToFileURL(path.join(ROOT, 'dist/parse/index.js')).href);
  const checkModule = await import(pathToFileURL(path.join(ROOT, 'dist/commands/check.js')).href);
  return toolFrom(parseModule, checkModule);
}

/** Bytes → `{ document, diagnostics }` or `{ error }`. */
async function parseDocument(tool, file, bytes) {
  try {
    return await tool.parseBytes(file, bytes, {});
  } catch (error) {
    return { error: `threw: ${error?.message ?? String(error)}` };
  }
}

/** The findings `check` would print for the document. */
function findingsFor(tool, parsed) {
  return tool.runChecks(parsed.document, parsed.diagnostics ?? []).findings;
}

// ---------------------------------------------------------------------------
// Normalisation and matching (pure).

/** Names compared without spaces, brackets, punctuation and symbols. */
export function normName(s) {
  return String(s ?? '')
    .normalize('NFC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

const MONEY = { 원: 1, 천원: 1e3, 만원: 1e4, 백만원: 1e6, 천만원: 1e7, 억원: 1e8, 조원: 1e12 };

/** A value in 원 when its unit is money, else the value as is. */
export function inWon(value, unit) {
  const f = MONEY[String(unit ?? '').replace(/\s/g, '')];
  return f ? Math.round(value * f) : value;
}

/** `'23`, `’23년`, `2023년`, `2025(안)` → `2023`; other periods (`2024.6`, `상반기`) normalised as text. */
export function normPeriod(p) {
  // `’24. 3분기` and `2024년 3분기` alike: the two-digit year widened, 년 dropped.
  const s = String(p ?? '')
    .replace(/\s/g, '')
    .replace(/^['’‘`](\d{2})(?!\d)/, '20$1')
    .replace(/^((?:19|20)\d{2})년(?=.)/, '$1');
  const full = /^((?:19|20)\d{2})(?:년|년도)?(?:\(안\)|\(예산\)|\(계획\)|\(추정\))?$/.exec(s);
  if (full) return full[1];
  const short = /^['’‘`]?(\d{2})(?:년)?$/.exec(s);
  if (short) return `20${short[1]}`;
  return normName(s);
}

/**
 * Candidates among `found` (not yet used) whose name matches `name`: equal
 * normalised names; else names where one contains the other.
 */
export function nameCandidates(name, found, nameOf, used) {
  const n = normName(name);
  if (!n) return [];
  const open = found.map((f, i) => ({ f, i })).filter(({ i }) => !used.has(i));
  const equal = open.filter(({ f }) => normName(nameOf(f)) === n);
  if (equal.length) return equal;
  return open.filter(({ f }) => {
    const m = normName(nameOf(f));
    return m.length >= 2 && (m.includes(n) || n.includes(m));
  });
}

const moneyOf = (q) => (q && typeof q.value === 'number' ? inWon(q.value, q.unit ?? '원') : undefined);

/** Fields of an expected budget row compared with a found one: same / differs / absent. */
function compareAmounts(expected, found, fields) {
  let same = 0;
  const differs = [];
  const absent = [];
  for (const k of fields) {
    if (expected[k] === undefined) continue;
    const v = moneyOf(found[k]);
    if (v === undefined) absent.push(k);
    else if (v === expected[k]) same++;
    else differs.push(`${k} ${v} ≠ ${expected[k]}`);
  }
  return { same, differs, absent };
}

/** The fiscal year a found budget line is for, under whichever name the model gives it. */
const yearOf = (f) => f.year ?? f.fiscalYear ?? f.period;

const isExact = (c) => c.differs.length === 0 && c.absent.length === 0;

/**
 * Line items: a name match (unique, or disambiguated by exact amounts) with
 * every expected amount equal is found; with a differing amount it is wrong.
 */
export function scoreLineItems(expected, lines) {
  const used = new Set();
  const out = { expected: expected.length, found: 0, wrong: 0, misses: [] };
  const years = new Map();
  for (const e of expected) if (e.year) years.set(normName(e.name), (years.get(normName(e.name)) ?? new Set()).add(normPeriod(e.year)));
  const multiYear = new Set([...years].filter(([, y]) => y.size > 1).map(([n]) => n));
  for (const e of expected) {
    let cands = nameCandidates(e.name, lines, (l) => l.program, used);
    if (e.group && cands.length > 1) {
      const inGroup = cands.filter(({ f }) => f.group && (normName(f.group).includes(normName(e.group)) || normName(e.group).includes(normName(f.group))));
      if (inGroup.length) cands = inGroup;
    }
    // A line the tool dates to another year is another line.
    const sameYear = (f) => yearOf(f) !== undefined && normPeriod(yearOf(f)) === normPeriod(e.year);
    if (e.year) cands = cands.filter(({ f }) => yearOf(f) === undefined || sameYear(f));
    if (e.year && cands.length > 1) {
      const inYear = cands.filter(({ f }) => sameYear(f));
      if (inYear.length) cands = inYear;
    }
    const scored = cands.map((c) => ({ ...c, cmp: compareAmounts(e, c.f, ['budget', 'executed']) }));
    const exact = scored.filter((c) => isExact(c.cmp));
    // An undated line with other amounts may be the same programme in another year of a
    // multi-year table: that is a miss, not a wrong amount.
    const single = scored.length === 1 && (!e.year || sameYear(scored[0].f) || !multiYear.has(normName(e.name))) ? scored[0] : undefined;
    const pick = exact.length >= 1 ? exact[0] : single;
    const label = `${e.name}${e.year ? ` (${e.year})` : ''} [${e.cite ?? ''}]`;
    if (!pick) {
      out.misses.push(`line item missed: ${label}${scored.length > 1 ? ` (${scored.length} ambiguous name matches)` : ''}`);
      continue;
    }
    used.add(pick.i);
    if (pick.cmp.differs.length) {
      out.wrong++;
      out.misses.push(`line item WRONG: ${label}: ${pick.cmp.differs.join(', ')}`);
    } else if (pick.cmp.absent.length) {
      out.misses.push(`line item without ${pick.cmp.absent.join(', ')}: ${label}`);
    } else out.found++;
  }
  return out;
}

/**
 * Totals: recognised when a total row carries the expected amounts (labels such as
 * 합계/계/총계 repeat, so amounts decide); wrong when the only total with that
 * label and group has different amounts.
 */
export function scoreTotals(expected, totals) {
  const used = new Set();
  const out = { expected: expected.length, found: 0, wrong: 0, misses: [] };
  for (const e of expected) {
    const label = `${e.label}${e.group ? ` (${e.group})` : ''} [${e.cite ?? ''}]`;
    const idx = totals.findIndex((t, i) => !used.has(i) && isExact(compareAmounts(e, t, ['budget', 'executed'])) && compareAmounts(e, t, ['budget', 'executed']).same > 0);
    if (idx >= 0) {
      used.add(idx);
      out.found++;
      continue;
    }
    const same = totals.filter((t, i) => !used.has(i) && normName(t.label) === normName(e.label) && normName(t.group) === normName(e.group));
    if (same.length === 1) {
      const cmp = compareAmounts(e, same[0], ['budget', 'executed']);
      if (cmp.differs.length) {
        out.wrong++;
        out.misses.push(`total WRONG: ${label}: ${cmp.differs.join(', ')}`);
        continue;
      }
    }
    out.misses.push(`total missed: ${label}`);
  }
  return out;
}

/** Consecutive point pairs of every found series. */
function foundPairs(series) {
  const pairs = [];
  for (const s of series) {
    const pts = s.points ?? [];
    for (let k = 0; k + 1 < pts.length; k++) {
      pairs.push({ indicator: s.indicator, unit: s.unit, from: pts[k], to: pts[k + 1] });
    }
  }
  return pairs;
}

/** A count unit with a magnitude word in front (`만건`, `천명`): its base unit and factor. */
const MAGNITUDE = { 천: 1e3, 만: 1e4, 십만: 1e5, 백만: 1e6, 천만: 1e7, 억: 1e8 };
function countScale(unit) {
  const u = String(unit ?? '').replace(/\s/g, '');
  const m = /^(천만|십만|백만|천|만|억)(.+)$/.exec(u);
  return m ? { base: m[2], factor: MAGNITUDE[m[1]] } : { base: u, factor: 1 };
}

/** Equal as quantities: money in 원; a count printed `2,324만건` equals 23,240,000 건 (same base unit). */
const sameValue = (expectedValue, expectedUnit, value, unit) => {
  if (MONEY[String(expectedUnit ?? '').replace(/\s/g, '')]) return inWon(value, unit) === expectedValue;
  if (value === expectedValue) return true;
  const e = countScale(expectedUnit);
  const f = countScale(unit);
  return unit !== undefined && e.base === f.base && e.factor !== f.factor && Math.abs(value * f.factor - expectedValue * e.factor) < 1e-6 * Math.max(1, Math.abs(expectedValue * e.factor));
};

/**
 * Series pairs: periods and values equal (values in 원 when money). The indicator
 * name is used to tell a wrong value (same indicator and periods, other values).
 */
export function scoreSeries(expected, series) {
  const pairs = foundPairs(series);
  const used = new Set();
  const out = { expected: expected.length, found: 0, wrong: 0, misses: [] };
  for (const e of expected) {
    const label = `${e.indicator} ${e.from.period}→${e.to.period} [${e.cite ?? ''}]`;
    // `before` → `after`: a change written with an arrow and no periods; values alone decide.
    const unperiodized = e.from.period === 'before' && e.to.period === 'after';
    const periodsMatch = (p) => unperiodized || (normPeriod(p.from.period) === normPeriod(e.from.period) && normPeriod(p.to.period) === normPeriod(e.to.period));
    const valuesMatch = (p) => sameValue(e.from.value, e.unit, p.from.value, p.unit) && sameValue(e.to.value, e.unit, p.to.value, p.unit);
    const idx = pairs.findIndex((p, i) => !used.has(i) && periodsMatch(p) && valuesMatch(p));
    if (idx >= 0) {
      used.add(idx);
      out.found++;
      continue;
    }
    const named = nameCandidates(e.indicator, pairs, (p) => p.indicator, used).filter(({ f }) => periodsMatch(f));
    if (named.length === 1) {
      out.wrong++;
      const p = named[0].f;
      out.misses.push(`series WRONG: ${label}: found ${p.from.value} → ${p.to.value} ${p.unit ?? ''}`);
      continue;
    }
    out.misses.push(`series pair missed: ${label}`);
  }
  return out;
}

/** Targets: indicator name and target value (and actual when printed). */
export function scoreTargets(expected, targets) {
  const used = new Set();
  const out = { expected: expected.length, found: 0, wrong: 0, misses: [] };
  const valueOk = (e, t) => sameValue(e.target, e.unit, t.target?.value, t.target?.unit ?? t.unit);
  const actualOk = (e, t) => e.actual === undefined || (t.actual !== undefined && sameValue(e.actual, e.unit, t.actual.value, t.actual.unit ?? t.unit));
  for (const e of expected) {
    const label = `${e.indicator} ${e.target}${e.unit ?? ''}${e.targetYear ? ` (${e.targetYear})` : ''} [${e.cite ?? ''}]`;
    const named = nameCandidates(e.indicator, targets, (t) => t.indicator, used);
    const exact = named.filter(({ f }) => valueOk(e, f) && actualOk(e, f));
    let pick = exact[0];
    if (!pick) {
      // Indicator worded differently: the same target value and year still identify it.
      const i = targets.findIndex((t, k) => !used.has(k) && valueOk(e, t) && actualOk(e, t) && (!e.targetYear || !t.targetYear || normPeriod(t.targetYear) === normPeriod(e.targetYear)));
      if (i >= 0) pick = { f: targets[i], i };
    }
    if (pick) {
      used.add(pick.i);
      out.found++;
      continue;
    }
    if (named.length === 1) {
      const t = named[0].f;
      used.add(named[0].i);
      out.wrong++;
      out.misses.push(`target WRONG: ${label}: found ${t.target?.value}${t.unit ?? ''}${t.actual ? ` actual ${t.actual.value}` : ''}`);
      continue;
    }
    out.misses.push(`target missed: ${label}`);
  }
  return out;
}

/** `line 12` → { line: 12 }; `p.5` → { page: 5 }. */
export function parseCite(cite) {
  const s = String(cite ?? '');
  const line = /line\s*(\d+)/i.exec(s);
  const page = /p\.\s*(\d+)/i.exec(s);
  return { line: line ? Number(line[1]) : undefined, page: page ? Number(page[1]) : undefined };
}

/** Two texts share a run of at least 10 normalised characters (or one holds the other). */
export function textsOverlap(x, y) {
  const a = normName(x);
  const b = normName(y);
  if (a.length < 4 || b.length < 4) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const k = 10;
  if (a.length < k || b.length < k) return false;
  for (let i = 0; i + k <= b.length; i++) if (a.includes(b.slice(i, i + k))) return true;
  return false;
}

/** Whether a finding points at the claim: the cited line, or (on a page) text in common. */
export function findingTouchesClaim(finding, claim) {
  const src = finding.source;
  if (!src) return false;
  const { line, page } = parseCite(claim.cite);
  // A text document's claim is pinned to its line: a finding elsewhere that merely names the same programme is another finding.
  if (line !== undefined && src.page === undefined) return src.line === line;
  const overlap = textsOverlap(src.text, claim.text);
  if (page !== undefined) return src.page === page && overlap;
  return overlap;
}

/** Planted wrong claims caught (error or warning) and correct claims flagged as errors. */
export function scoreClaims(expected, findings) {
  const out = { planted: 0, caught: 0, correct: 0, falseErrors: 0, misses: [] };
  const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  for (const c of expected) {
    const touching = serious.filter((f) => findingTouchesClaim(f, c));
    if (c.correct === false) {
      out.planted++;
      if (touching.length) out.caught++;
      else out.misses.push(`wrong claim not caught: "${c.text}" [${c.cite ?? ''}]`);
    } else {
      out.correct++;
      const errors = touching.filter((f) => f.severity === 'error');
      if (errors.length) {
        out.falseErrors++;
        out.misses.push(`correct claim flagged as error: "${c.text}" [${c.cite ?? ''}]: ${errors[0].message}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Loading and scoring documents.

/** Every expected file, sorted by id. */
export function loadExpectations(dir = EXPECTED_DIR) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
}

/** Where the document is on disk; `shared:` paths resolve against ../shared. */
export function documentPath(ref, sharedDir = SHARED_DIR) {
  if (ref.startsWith('shared:')) return path.join(sharedDir, ref.slice('shared:'.length));
  return path.join(ROOT, ref);
}

const EMPTY = () => ({ expected: 0, found: 0, wrong: 0, misses: [] });

/** Scores one document; a parse error counts every expected value as missed. */
export async function evaluateDocument(tool, exp, sharedDir = SHARED_DIR) {
  const file = documentPath(exp.document, sharedDir);
  const result = { id: exp.id, document: exp.document, shared: exp.document.startsWith('shared:') };
  if (!existsSync(file)) return { ...result, skipped: `not found: ${file}` };
  const parsed = await parseDocument(tool, exp.document.replace(/^shared:/, ''), new Uint8Array(readFileSync(file)));
  const lines = 'error' in parsed ? [] : parsed.document.budgetLines ?? [];
  const totals = 'error' in parsed ? [] : parsed.document.budgetTotals ?? [];
  const series = 'error' in parsed ? [] : parsed.document.series ?? [];
  const targets = 'error' in parsed ? [] : parsed.document.targets ?? [];
  let findings = [];
  if (!('error' in parsed)) {
    try {
      findings = findingsFor(tool, parsed);
    } catch (error) {
      findings = [];
      result.checkError = String(error?.message ?? error);
    }
  }
  return {
    ...result,
    error: 'error' in parsed ? parsed.error : undefined,
    // A document that must be refused (encrypted, say) is right when parsing returns an error.
    kind: exp.expectError
      ? { expected: 'error', found: 'error' in parsed ? 'error' : parsed.document.kind }
      : { expected: exp.kind, found: 'error' in parsed ? undefined : parsed.document.kind },
    lineItems: exp.lineItems ? scoreLineItems(exp.lineItems, lines) : EMPTY(),
    totals: exp.totals ? scoreTotals(exp.totals, totals) : EMPTY(),
    series: exp.series ? scoreSeries(exp.series, series) : EMPTY(),
    targets: exp.targets ? scoreTargets(exp.targets, targets) : EMPTY(),
    claims: exp.claims ? scoreClaims(exp.claims, findings) : { planted: 0, caught: 0, correct: 0, falseErrors: 0, misses: [] },
    extra: { lineItems: lines.length, totals: totals.length, series: series.length, targets: targets.length },
  };
}

const SECTIONS = ['lineItems', 'totals', 'series', 'targets'];

/** Sums over scored documents. */
export function totalsOf(results) {
  const scored = results.filter((r) => !r.skipped);
  const t = { documents: scored.length, skipped: results.length - scored.length, errors: scored.filter((r) => r.error).length };
  for (const s of SECTIONS) {
    t[s] = { expected: 0, found: 0, wrong: 0 };
    for (const r of scored) for (const k of ['expected', 'found', 'wrong']) t[s][k] += r[s][k];
    t[s].pct = t[s].expected ? Math.round((1000 * t[s].found) / t[s].expected) / 10 : 100;
  }
  t.kinds = { expected: scored.length, right: scored.filter((r) => r.kind.found === r.kind.expected).length };
  t.claims = { planted: 0, caught: 0, correct: 0, falseErrors: 0 };
  for (const r of scored) for (const k of Object.keys(t.claims)) t.claims[k] += r.claims[k];
  return t;
}

/** Runs the whole corpus (or one document). */
export async function evaluate({ tool, only, sharedDir = SHARED_DIR, expectedDir = EXPECTED_DIR, concurrency = 4 } = {}) {
  const t = tool ?? (await builtTool());
  const exps = loadExpectations(expectedDir).filter((e) => !only || e.id === only);
  // A few documents at a time: PDF reading waits on pdf.js between pages.
  const results = new Array(exps.length);
  let next = 0;
  const worker = async () => {
    while (next < exps.length) {
      const i = next++;
      results[i] = await evaluateDocument(t, exps[i], sharedDir);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, exps.length) }, worker));
  return { results, totals: totalsOf(results) };
}

// ---------------------------------------------------------------------------
// Printing.

const efw = (s) => `${s.found}/${s.expected}${s.wrong ? ` ✗${s.wrong}` : ''}`;

function printText({ results, totals }, detail) {
  const head = ['document', 'kind', 'items', 'totals', 'series', 'targets', 'claims caught', 'false err'];
  const rows = results.map((r) => {
    if (r.skipped) return [r.id, 'skipped', '', '', '', '', '', ''];
    const kind = r.kind.found === r.kind.expected ? 'ok' : `✗ ${r.kind.found ?? 'none'}≠${r.kind.expected}`;
    return [r.id, kind, efw(r.lineItems), efw(r.totals), efw(r.series), efw(r.targets), r.claims.planted ? `${r.claims.caught}/${r.claims.planted}` : '-', String(r.claims.falseErrors)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log('found/expected (✗ wrong amounts)');
  console.log(fmt(head));
  for (const r of rows) console.log(fmt(r));
  for (const r of results) if (r.error) console.log(`  ${r.id}: parse error${r.kind.expected === 'error' ? ' (expected)' : ''}: ${r.error}`);
  for (const r of results) if (r.skipped) console.log(`  ${r.id}: ${r.skipped}`);
  const t = totals;
  const line = (name, s) => `${name.padEnd(12)} expected ${String(s.expected).padStart(4)}  found ${String(s.found).padStart(4)} (${s.pct}%)  wrong ${s.wrong}`;
  console.log('');
  console.log(`Totals over ${t.documents} documents (${t.skipped} skipped, ${t.errors} parse errors):`);
  console.log(line('line items', t.lineItems));
  console.log(line('totals', t.totals));
  console.log(line('series pairs', t.series));
  console.log(line('targets', t.targets));
  console.log(`kinds        right ${t.kinds.right} of ${t.kinds.expected}`);
  console.log(`claims       planted wrong caught ${t.claims.caught} of ${t.claims.planted}; correct flagged as error ${t.claims.falseErrors} of ${t.claims.correct}`);
  if (detail) {
    for (const r of results) {
      if (r.skipped) continue;
      console.log(`\n${r.id} (${r.document}): tool found ${r.extra.lineItems} budget lines, ${r.extra.totals} totals, ${r.extra.series} series, ${r.extra.targets} targets`);
      if (r.error) console.log(`  parse error: ${r.error}`);
      for (const s of [...SECTIONS, 'claims']) for (const m of r[s].misses) console.log(`  ${m}`);
    }
  }
}

async function main(argv) {
  const json = argv.includes('--json');
  const di = argv.indexOf('--doc');
  const only = di >= 0 ? argv[di + 1] : undefined;
  if (di >= 0 && !only) {
    console.error('eval: --doc needs a document id (the expected file name without .json)');
    process.exit(2);
  }
  const out = await evaluate({ only });
  if (only && out.results.length === 0) {
    console.error(`eval: no expected file ${only}.json in ${path.relative(ROOT, EXPECTED_DIR)}`);
    process.exit(2);
  }
  if (json) {
    const strip = (r) => (only ? r : Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v && typeof v === 'object' && 'misses' in v ? { ...v, misses: undefined } : v])));
    console.log(JSON.stringify({ totals: out.totals, documents: out.results.map(strip) }, null, 2));
  } else printText(out, Boolean(only));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
