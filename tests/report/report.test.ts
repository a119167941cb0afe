// `report`: the figures it takes from the other commands, and the HTML page it
// renders (self-contained, expected numbers present, charts countable and labelled).
// Expected values are read off the sample by hand (see tests/commands for the same
// totals), never computed here.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, load, loadText, ROOT } from '../helpers/load.js';
import { report } from '../../src/commands/report.js';
import { renderHtml, htmlTable } from '../../src/render/html.js';
import type { CommandOptions } from '../../src/commands/types.js';
import type { ParseResult } from '../../src/model/types.js';

function input(results: ParseResult[], options: CommandOptions = {}) {
  return {
    documents: results.map((r) => r.document),
    diagnostics: new Map(results.map((r) => [r.document.file, r.diagnostics])),
    options,
  };
}

const regional = await load('fixtures/samples/regional-report-2020h1.txt');
const plan = await load('fixtures/samples/national-plan-2023.txt');
const blog = await load('fixtures/samples/blog-post.md');

/** How many items (paths) the SVG mark groups with this class hold. */
function markCount(html: string, markClass: string): number {
  let count = 0;
  for (const group of html.split(`class="mark-`).slice(1)) {
    const head = group.slice(0, group.indexOf('>'));
    if (!head.split(' ').includes(markClass) && !head.includes(` ${markClass}"`)) continue;
    // Items of a mark are its direct <path> children up to the group's end.
    const body = group.slice(0, group.indexOf('</g>'));
    count += (body.match(/<path /g) ?? []).length;
  }
  return count;
}

describe('report command', () => {
  const data = report(input([regional, plan, blog])).report!;

  it('takes the budget by group and the totals from `budget`: five groups, 26,507,677,000 원 budget, 4,178,057,000 원 executed, 15.76%', () => {
    const d = data.documents[0]!;
    expect(d.total).toEqual({ budget: 26_507_677_000, executed: 4_178_057_000, rate: 15.76 });
    expect(d.byGroup!.rows.map((r) => r.group)).toEqual([
      'ICT 융합 혁신성장 플랫폼 구축',
      '뉴 콘텐츠 산업 혁신 주도 성장전인',
      '과학기술을 통한 지역혁신성장 동력 확보',
      '중소벤처 기업의 성장 발판 관련',
      '기관운영 (기타)',
    ]);
    expect(d.lines!.rows).toHaveLength(52);
  });

  it('carries kind, title, period and file per document, and no budget for a document without one', () => {
    expect(data.documents.map((d) => [d.kind, d.period ?? null])).toEqual([
      ['regional-report', '2020-H1'],
      ['national-plan', '2023'],
      ['blog-post', null],
    ]);
    expect(data.documents[0]!.title).toBe('2020년도 상반기 주요업무 추진상황');
    expect(data.documents[2]!.total).toBeUndefined();
  });

  it('has the targets with their achievement and the findings of `check`', () => {
    const smart = data.documents[1]!.targets.rows.find((r) => r.indicator === '스마트공장 보급')!;
    // 30,144 of 30,000 → 100.48 %.
    expect(smart).toMatchObject({ target_value: 30000, actual_value: 30144, achievement_pct: 100.48 });
    const growth = data.documents[0]!.findings.find((f) => f.code === 'growth' && f.severity === 'error')!;
    expect(growth.source).toMatchObject({ file: 'fixtures/samples/regional-report-2020h1.txt', line: 55 });
  });

  it('gives one summary row per document for csv/json/md', () => {
    const rows = report(input([regional, blog])).tables[0]!.rows;
    expect(rows.map((r) => [r.document, r.budget_krw ?? null, r.execution_rate_pct ?? null])).toEqual([
      ['fixtures/samples/regional-report-2020h1.txt', 26_507_677_000, 15.76],
      ['fixtures/samples/blog-post.md', null, null],
    ]);
  });
});

const html = await renderHtml(report(input([regional, plan])), {});

describe('HTML report', () => {
  it('loads nothing from outside: no external src/href, no @import or url(), a CSP that forbids it', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it("shows the sample's totals in its own unit (천원)", () => {
    expect(html).toContain('26,507,677천원');
    expect(html).toContain('4,178,057천원');
    expect(html).toContain('15.76%');
    // A group row: ICT 융합 혁신성장 플랫폼 구축, 7,481,800천원 budget.
    expect(html).toMatch(/<td class="wide">ICT 융합 혁신성장 플랫폼 구축<\/td><td class="num" data-v="11">11<\/td><td class="num" data-v="7481800000">7,481,800<\/td>/);
  });

  it('shows money in the unit of --unit (억원)', async () => {
    const eok = await renderHtml(report(input([regional], { unit: '억원' })), { unit: '억원' });
    // 26,507,677,000 원 = 265.07677 억원; 4,178,057,000 원 = 41.78 억원.
    expect(eok).toContain('265.1억원');
    expect(eok).toContain('41.8억원');
    expect(eok).toContain('budget (억원)');
  });

  it('draws a budget bar and an executed bar per group, and a point per series point', () => {
    const regionalPart = html.slice(html.indexOf('data-file="fixtures/samples/regional-report-2020h1.txt"'), html.indexOf('data-file="fixtures/samples/national-plan-2023.txt"'));
    expect(markCount(regionalPart, 'budget_bar_marks')).toBe(5);
    expect(markCount(regionalPart, 'executed_bar_marks')).toBe(5);
    // Two series of four years each (2017–2020): 신규사업 확보 건수 and 총사업비.
    expect(markCount(regionalPart, 'series_point_marks')).toBe(8);
  });

  it('gives every chart a title and a text alternative naming its numbers', () => {
    const svgs = html.match(/<svg [^>]*>/g)!;
    // The regional report's budget chart and its two series (건수, 총사업비), and one chart per series of the plan (42 in its golden model).
    expect(svgs).toHaveLength(1 + 2 + 42);
    for (const open of svgs) expect(open).toMatch(/role="img" aria-label="[^"]+"/);
    expect(html.match(/<svg [^>]*><title>/g)).toHaveLength(svgs.length);
    expect(html).toMatch(/aria-label="Budget and executed amount by group, in 천원: ICT 융합 혁신성장 플랫폼 구축 7,481,800천원 budget, 1,889,723천원 executed, 25.3%/);
  });

  it('has sortable tables that are plain tables without script', () => {
    expect(html).toContain('<table class="sortable"><thead>');
    expect(html).toMatch(/<script>[\s\S]*table\.sortable[\s\S]*<\/script>/);
  });

  it('lists findings by severity with their file:line', () => {
    expect(html).toMatch(/<ul class="findings" data-severity="error"><li>growth 2019→2020 [^<]*<span class="src">\[growth\] fixtures\/samples\/regional-report-2020h1.txt:55<\/span>/);
  });

  it('charts the execution rate per document when two or more have budgets', async () => {
    const copy = await loadText('copy/regional.txt', readFileSync(path.join(ROOT, 'fixtures/samples/regional-report-2020h1.txt'), 'utf8'));
    const two = await renderHtml(report(input([regional, plan, copy])), {});
    const overview = two.slice(0, two.indexOf('<section class="card doc"'));
    expect(markCount(overview, 'document_rate_marks')).toBe(2);
    expect(overview).toContain('aria-label="Execution rate per document: fixtures/samples/regional-report-2020h1.txt 15.8%; copy/regional.txt 15.8%"');
    // One document with a budget: no chart of one bar.
    expect(html.slice(0, html.indexOf('<section class="card doc"'))).not.toContain('<svg');
  });

  it('names the page of a finding read from a PDF', async () => {
    const result = report(input([regional]));
    const doc = result.report!.documents[0]!;
    // The same finding as if read from page 3 of a PDF.
    doc.findings = [{ ...doc.findings[0]!, source: { file: 'x.pdf', line: 30, page: 3, text: '' } }];
    expect(await renderHtml(result, {})).toContain('x.pdf:30 (p. 3)</span>');
  });

  it('uses the Korean font stack', () => {
    expect(html).toContain('font-family: "Noto Sans CJK KR", "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif');
  });

  it('escapes text from documents', () => {
    const t = htmlTable({ columns: [{ key: 'p', label: 'p', kind: 'text' }], rows: [{ p: '<script>x</script> & "q"' }] }, undefined);
    expect(t).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;');
    expect(t).not.toContain('<script>');
  });

  it('keeps a large run small: charts and detail stop at their limits, every document stays in the summary', async () => {
    const many = report(input([regional, regional, regional, regional]));
    const out = await renderHtml(many, { limits: { chartBytes: 1, detailBytes: 1 } });
    // The summary alone passes the detail limit: no document section.
    expect(out).not.toContain('<section class="card doc"');
    expect(out).toContain('4 more documents are listed in the table above only');
    expect(out.match(/<tr><td>fixtures\/samples\/regional-report-2020h1.txt<\/td>/g)).toHaveLength(4);
    // Charts for the first document only (the limit is checked before each), detail for all four.
    const all = await renderHtml(many, { limits: { chartBytes: 1, detailBytes: 1e9 } });
    expect(all.match(/<section class="card doc"/g)).toHaveLength(4);
    expect(all.match(/class="chart group-bars"/g)).toHaveLength(1);
    expect(all).not.toContain('more documents are listed');
    // Summary rows link to the sections that exist, and only to them.
    expect(all).toContain('<td><a href="#doc-4">fixtures/samples/regional-report-2020h1.txt</a></td>');
    expect(out).not.toContain('href="#doc-');
  });
});

describe('report on the command line', () => {
  it('writes one HTML file with --out and exits 0', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-report-'));
    const out = path.join(dir, 'report.html');
    const t = await cli(['report', 'fixtures/samples/regional-report-2020h1.txt', '--out', out, '--unit', 'million']);
    expect(t.code).toBe(0);
    expect(t.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // 26,507,677,000 원 = 26,508 백만원 (rounded).
    expect(html).toContain('26,508백만원');
  });

  it('renders any command as an HTML page of tables with --format html', async () => {
    const t = await cli(['budget', 'fixtures/samples/regional-report-2020h1.txt', '--by', 'group', '--format', 'html']);
    expect(t.code).toBe(0);
    expect(t.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(t.stdout).toMatch(/<td class="wide">기관운영 \(기타\)<\/td><td class="num" data-v="2">2<\/td>/);
    expect(t.stdout).not.toContain('<svg');
  });

  it('prints the per-document figures with --format csv', async () => {
    const t = await cli(['report', 'fixtures/samples/regional-report-2020h1.txt', '--format', 'csv']);
    expect(t.stdout.split('\n')[0]).toBe('document,kind,title,period,budget_krw,executed_krw,execution_rate_pct,series,targets,errors,warnings,infos');
    expect(t.stdout.split('\n')[1]).toBe('fixtures/samples/regional-report-2020h1.txt,regional-report,2020년도 상반기 주요업무 추진상황,2020-H1,26507677000,4178057000,15.76,2,0,1,1,2');
  });
});

describe('chart library loading', () => {
  // A module-resolution hook that names on stderr every vega package the process loads.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-hook-'));
  writeFileSync(path.join(dir, 'hook.mjs'), "export async function resolve(s, c, next) { if (/^vega/.test(s)) process.stderr.write('LOADED ' + s + '\\n'); return next(s, c); }\n");
  writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hook.mjs')).href)});\n`);
  const stderrOf = (args: string[]) => spawnSync(process.execPath, ['--import', path.join(dir, 'register.mjs'), 'bin/policy-lens.js', ...args], { cwd: ROOT, encoding: 'utf8' }).stderr;
  const sample = 'fixtures/samples/regional-report-2020h1.txt';

  it('is loaded by report only (the built CLI in dist/)', () => {
    expect(stderrOf(['budget', sample, '--format', 'csv'])).not.toContain('LOADED vega');
    expect(stderrOf(['report', sample])).toContain('LOADED vega-lite');
  });
});
