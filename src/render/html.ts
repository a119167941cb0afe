// HTML: one self-contained page (inline style and a few lines of script, no
// external resource; a Content-Security-Policy forbids any). For `report` it
// draws, per document, the budget by group, line items, year-over-year series,
// targets and findings; charts are SVG rendered here (html-charts.ts) and every
// chart's numbers are also in a table. Other commands' results render as plain
// tables. Large runs stay small: charts until CHART_BYTES of them, detail
// sections until DETAIL_BYTES, and every document in the summary table.

import type { CommandResult, Finding, Row, TableResult } from '../commands/types.js';
import type { ReportData, ReportDocument } from '../commands/report.js';
import type { Series, Severity } from '../model/types.js';
import { formatQuantity } from '../extract/amounts.js';
import { formatCell, headerLabel, isRightAligned, type HumanFormat } from './format.js';
import { documentRatesSpec, groupBarsSpec, rateHistogramSpec, renderChart, seriesSpec } from './html-charts.js';

/** Charts are drawn until the sections drawn with them reach this size; later documents show the tables only. */
export const CHART_BYTES = 2_000_000;
/** Detail sections stop once the page reaches this size (the summary table lists every document). */
export const DETAIL_BYTES = 3_500_000;
/** Document sections start open up to this many documents, folded above. */
const OPEN_DOCUMENTS = 10;
/** A per-document bar chart of rates up to this many documents; a histogram above. */
const RATE_BARS_MAX = 30;

export const FONT_STACK = '"Noto Sans CJK KR", "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 14px; line-height: 1.5; color: #1f2328; background: #f4f6f9; word-break: keep-all; overflow-wrap: anywhere; }
header.page { background: #1f3b63; color: #fff; padding: 18px 32px 14px; }
header.page h1 { margin: 0 0 2px; font-size: 22px; font-weight: 700; }
header.page p { margin: 0; opacity: .85; }
main { padding: 16px 32px 40px; max-width: 1280px; }
section.card { background: #fff; border: 1px solid #dde3ea; border-radius: 8px; padding: 14px 20px; margin: 0 0 16px; }
h2 { font-size: 18px; margin: 0; }
h3 { font-size: 15px; margin: 18px 0 8px; color: #1f3b63; }
details > summary { cursor: pointer; list-style-position: outside; }
details > summary h2 { display: inline; }
.kind { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 10px; background: #e6eef8; color: #1f3b63; margin-left: 8px; vertical-align: 2px; }
dl.meta { display: flex; flex-wrap: wrap; gap: 2px 22px; margin: 8px 0 4px; color: #444; }
dl.meta div { display: flex; gap: 6px; }
dl.meta dt { color: #6a737d; }
dl.meta dd { margin: 0; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.tile { border: 1px solid #dde3ea; border-radius: 6px; padding: 6px 14px; min-width: 150px; }
.tile b { display: block; font-size: 20px; font-variant-numeric: tabular-nums; }
.tile span { color: #6a737d; font-size: 12px; }
.tile.error b { color: #b42318; } .tile.warning b { color: #9a6700; }
.chart-row { display: flex; flex-wrap: wrap; gap: 16px 28px; align-items: flex-start; }
figure { margin: 0; }
figure svg.chart { max-width: 100%; height: auto; display: block; }
.series-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; }
.series-grid figure { border: 1px solid #eceff3; border-radius: 6px; padding: 8px; }
figcaption { font-size: 12px; color: #555; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll.tall { max-height: 480px; overflow-y: auto; }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid #eceff3; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; white-space: nowrap; position: sticky; top: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.wide { min-width: 12em; }
a { color: #1f5fa8; text-decoration: none; } a:hover { text-decoration: underline; }
tfoot td { font-weight: 700; border-top: 2px solid #c8d3e3; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th[aria-sort=ascending]::after { content: " ▲"; font-size: 10px; }
table.sortable th[aria-sort=descending]::after { content: " ▼"; font-size: 10px; }
table.points { font-size: 12px; margin-top: 4px; }
table.points th, table.points td { padding: 1px 6px; }
meter { width: 90px; height: 12px; vertical-align: middle; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 11px; padding: 1px 6px; border-radius: 4px; }
.sev.error { background: #fde2e1; color: #b42318; } .sev.warning { background: #fff4d6; color: #9a6700; } .sev.info { background: #e6eef8; color: #1f3b63; }
ul.findings { margin: 4px 0; padding-left: 18px; }
ul.findings li { margin: 2px 0; }
.src { color: #6a737d; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.note { color: #6a737d; font-size: 13px; }
`;

// Sorts a table by the clicked column: numbers by their data-v value, text in Korean order; empty cells last.
const SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.tHead ? table.tHead.rows[0].cells : [];
  Array.prototype.forEach.call(heads, function (th, col) {
    th.tabIndex = 0;
    function sort() {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var collator = new Intl.Collator('ko');
      var rows = Array.prototype.map.call(body.rows, function (row) {
        var c = row.cells[col];
        return { row: row, key: !c ? '' : c.hasAttribute('data-v') ? Number(c.getAttribute('data-v')) : c.textContent.trim() };
      });
      rows.sort(function (a, b) {
        var x = a.key, y = b.key;
        if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
        var d = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        return asc ? d : -d;
      });
      var sorted = document.createDocumentFragment();
      rows.forEach(function (r) { sorted.appendChild(r.row); });
      body.appendChild(sorted);
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  });
});
`;

// No request of any kind may leave the page: styles and scripts inline, images only as data: URLs.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export interface HtmlOptions {
  unit?: string;
  /** Size limits for large runs (defaults CHART_BYTES, DETAIL_BYTES); tests set small ones. */
  limits?: { chartBytes: number; detailBytes: number };
}

function cell(value: Row[string], column: TableResult['columns'][number], fmt: HumanFormat, href?: string): string {
  const text = formatCell(value, column, fmt);
  if (column.kind === 'rate-bar') {
    return typeof value === 'number' ? `<td><meter min="0" max="100" value="${Math.max(0, Math.min(100, value))}" title="${value.toFixed(1)}%"></meter></td>` : '<td></td>';
  }
  const numeric = typeof value === 'number';
  const attrs = numeric ? ` class="num" data-v="${value}"` : isRightAligned(column) ? ' class="num"' : NOWRAP.has(column.key) ? ' class="nowrap"' : WIDE.has(column.key) ? ' class="wide"' : '';
  return `<td${attrs}>${href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text)}</td>`;
}

/** Names and sentences that need room to read. */
const WIDE = new Set(['title', 'group', 'program', 'indicator', 'message']);

/** Short identifiers that read badly broken over lines. */
const NOWRAP = new Set(['kind', 'period', 'from_period', 'to_period', 'target_year', 'actual_period', 'status']);

/**
 * A table of a command's rows with the terminal's cell formatting. Columns left
 * out of table/md are left out here too unless named in `also`.
 */
export function htmlTable(
  table: TableResult,
  unit: string | undefined,
  options: { also?: string[]; sortable?: boolean; caption?: string; link?: { key: string; href: (rowIndex: number) => string | undefined } } = {},
): string {
  const fmt: HumanFormat = { unit: unit ?? table.moneyUnit ?? '원' };
  const columns = table.columns.filter((c) => !c.machineOnly || options.also?.includes(c.key));
  const head = columns.map((c) => `<th scope="col"${isRightAligned(c) ? ' class="num"' : ''}>${escapeHtml(c.kind === 'rate-bar' ? '' : headerLabel(c, fmt))}</th>`).join('');
  const link = options.link;
  const body = table.rows.map((r, i) => `<tr>${columns.map((c) => cell(r[c.key], c, fmt, link?.key === c.key ? link.href(i) : undefined)).join('')}</tr>`).join('\n');
  const foot = (table.totals ?? []).map((r) => `<tr>${columns.map((c) => cell(r[c.key], c, fmt)).join('')}</tr>`).join('');
  const caption = options.caption ? `<caption class="note">${escapeHtml(options.caption)}</caption>` : '';
  return `<table${options.sortable ? ' class="sortable"' : ''}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot ? `<tfoot>${foot}</tfoot>` : ''}</table>`;
}

function page(title: string, subtitle: string, body: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="page"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p></header>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Any command's result as a page of tables (`--format html`). */
function renderPlain(result: CommandResult, options: HtmlOptions): string {
  const parts: string[] = [];
  for (const s of result.sections ?? []) {
    parts.push(`<section class="card"><h2>${escapeHtml(s.title)}</h2><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>${s.table ? `<div class="scroll">${htmlTable(s.table, options.unit, { sortable: true })}</div>` : ''}</section>`);
  }
  for (const t of result.tables) {
    parts.push(`<section class="card">${t.title ? `<h2>${escapeHtml(t.title)}</h2>` : ''}<div class="scroll">${htmlTable(t, options.unit, { sortable: true })}</div></section>`);
  }
  return page('policy-lens', '', parts.join('\n'));
}

function money(krw: number, unit: string): string {
  return formatQuantity(krw, '원', unit);
}

function sourceText(source: Finding['source']): string {
  if (!source) return '';
  return `${source.file}:${source.line}${source.page !== undefined ? ` (p. ${source.page})` : ''}`;
}

function metaList(d: ReportDocument): string {
  const items: [string, string | undefined][] = [
    ['kind', d.kind],
    ['file', d.file],
    ['period', d.period],
    ['issuer', d.issuer],
    ['figures as of', d.asOf],
    ['dated', d.date],
  ];
  return `<dl class="meta">${items
    .filter((i): i is [string, string] => !!i[1])
    .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
    .join('')}</dl>`;
}

function tiles(d: ReportDocument, unit: string): string {
  const count = (s: Severity) => d.findings.filter((f) => f.severity === s).length;
  const t: string[] = [];
  if (d.total) {
    t.push(`<div class="tile"><span>budget 예산${d.total.year ? ` ${escapeHtml(d.total.year)}` : ''}</span><b>${escapeHtml(money(d.total.budget, unit))}</b></div>`);
    if (d.total.executed !== undefined) t.push(`<div class="tile"><span>executed 집행</span><b>${escapeHtml(money(d.total.executed, unit))}</b></div>`);
    if (d.total.rate !== undefined) t.push(`<div class="tile"><span>execution rate 집행률</span><b>${d.total.rate.toFixed(2)}%</b></div>`);
  }
  t.push(`<div class="tile"><span>series · targets</span><b>${d.series.length} · ${d.targets.rows.length}</b></div>`);
  t.push(`<div class="tile error"><span>errors</span><b>${count('error')}</b></div>`);
  t.push(`<div class="tile warning"><span>warnings</span><b>${count('warning')}</b></div>`);
  return `<div class="tiles">${t.join('')}</div>`;
}

async function budgetSection(d: ReportDocument, unit: string, charts: boolean): Promise<string> {
  if (!d.byGroup || !d.lines) return '';
  const groups = d.byGroup.rows.map((r) => ({
    group: String(r.group || '(no group)'),
    budget: typeof r.budget_krw === 'number' ? r.budget_krw : 0,
    executed: typeof r.executed_krw === 'number' ? r.executed_krw : 0,
    rate: typeof r.execution_rate_pct === 'number' ? r.execution_rate_pct : undefined,
  }));
  const parts = ['<h3>Budget execution by group 그룹별 예산 집행</h3><div class="chart-row">'];
  if (charts && groups.length) {
    const alt = `Budget and executed amount by group, in ${unit}: ` + groups.map((g) => `${g.group} ${money(g.budget, unit)} budget, ${money(g.executed, unit)} executed${g.rate !== undefined ? `, ${g.rate.toFixed(1)}%` : ''}`).join('; ');
    const svg = await renderChart(groupBarsSpec(groups, unit, `그룹별 예산 대비 집행 (${unit})`), alt, 'group-bars');
    parts.push(`<figure>${svg}</figure>`);
  }
  const byGroup = { ...d.byGroup, columns: d.byGroup.columns.filter((c) => c.key !== 'document') };
  parts.push(`<div class="scroll">${htmlTable(byGroup, unit, { sortable: true })}</div></div>`);
  const lines = { ...d.lines, columns: d.lines.columns.filter((c) => c.key !== 'document') };
  parts.push(`<h3>Line items 세부사업 (${d.lines.rows.length})</h3><p class="note">Click a column header to sort.</p><div class="scroll tall">${htmlTable(lines, unit, { sortable: true, also: ['source'] })}</div>`);
  return parts.join('\n');
}

/** Money series are in 원 in the model and shown in the display unit. */
function seriesTitle(s: Series, unit: string): string {
  return `${s.indicator} (${s.unit === '원' ? unit : s.unit})`;
}

async function seriesSection(d: ReportDocument, unit: string, charts: boolean): Promise<string> {
  if (!d.series.length) return '';
  const figures: string[] = [];
  for (const s of d.series) {
    const money = s.unit === '원';
    const shown = money ? unit : s.unit;
    const title = seriesTitle(s, unit);
    const points = s.points.map((p) => ({ period: p.period, value: p.value }));
    const valueText = (v: number, max?: number) => formatQuantity(v, s.unit, unit, max);
    const table = `<table class="points"><thead><tr><th scope="row">period</th>${s.points.map((p) => `<th class="num">${escapeHtml(p.period)}</th>`).join('')}</tr></thead><tbody><tr><th scope="row">${escapeHtml(shown)}</th>${s.points.map((p) => `<td class="num" data-v="${p.value}">${escapeHtml(valueText(p.value, p.max))}</td>`).join('')}</tr></tbody></table>`;
    let svg = '';
    if (charts) {
      const alt = `${s.indicator}: ` + s.points.map((p) => `${p.period} ${valueText(p.value, p.max)}`).join(', ');
      svg = await renderChart(seriesSpec(points, shown, title, money), alt, 'series-chart');
    }
    const where = s.group ? `${s.group} · ` : '';
    figures.push(`<figure data-points="${s.points.length}">${svg}<figcaption>${escapeHtml(where)}<span class="src">${escapeHtml(sourceText(s.source))}</span>${charts ? '' : `<br><b>${escapeHtml(title)}</b>`}${table}</figcaption></figure>`);
  }
  return `<h3>Year-over-year series 연도별 추이 (${d.series.length})</h3><div class="series-grid">${figures.join('\n')}</div>`;
}

function targetsSection(d: ReportDocument, unit: string): string {
  if (!d.targets.rows.length) return '';
  const t = d.targets;
  // A meter of the achievement right after its percentage.
  const columns = t.columns
    .filter((c) => c.key !== 'document')
    .flatMap((c) => (c.key === 'achievement_pct' ? [c, { key: 'achievement_bar', label: '', kind: 'rate-bar' as const, displayOnly: true }] : [c]));
  const rows = t.rows.map((r) => ({ ...r, achievement_bar: r.achievement_pct }));
  return `<h3>Targets and actuals 목표 대비 실적 (${t.rows.length})</h3><div class="scroll">${htmlTable({ ...t, columns, rows }, unit, { sortable: true, also: ['source'] })}</div>`;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

function findingsSection(d: ReportDocument): string {
  const parts = [`<h3>Findings 점검 결과</h3><p class="note">${d.checked} checks, ${d.passed} consistent.</p>`];
  for (const severity of SEVERITY_ORDER) {
    const list = d.findings.filter((f) => f.severity === severity);
    if (!list.length) continue;
    parts.push(
      `<p><span class="sev ${severity}">${severity}</span> ${list.length}</p><ul class="findings" data-severity="${severity}">${list
        .map((f) => `<li>${escapeHtml(f.message)} <span class="src">[${escapeHtml(f.code)}] ${escapeHtml(sourceText(f.source) || f.document)}</span></li>`)
        .join('')}</ul>`,
    );
  }
  if (!d.findings.length) parts.push('<p class="note">No findings.</p>');
  return parts.join('\n');
}

async function documentSection(d: ReportDocument, index: number, options: HtmlOptions, charts: boolean, open: boolean): Promise<string> {
  const unit = options.unit ?? d.moneyUnit;
  const body = [
    metaList(d),
    tiles(d, unit),
    charts ? '' : `<p class="note">Charts are drawn for the first documents of a large run only; run <code>policy-lens report ${escapeHtml(d.file)}</code> for this one's.</p>`,
    await budgetSection(d, unit, charts),
    await seriesSection(d, unit, charts),
    targetsSection(d, unit),
    findingsSection(d),
  ];
  return `<section class="card doc" id="doc-${index + 1}" data-file="${escapeHtml(d.file)}"><details${open ? ' open' : ''}><summary><h2>${escapeHtml(d.title)}</h2><span class="kind">${escapeHtml(d.kind)}</span></summary>\n${body.filter(Boolean).join('\n')}\n</details></section>`;
}

async function overviewChart(data: ReportData): Promise<string> {
  const rated = data.documents.filter((d) => d.total?.rate !== undefined);
  if (rated.length < 2) return '';
  const title = `문서별 예산 집행률 execution rate (${rated.length} documents)`;
  const few = rated.length <= RATE_BARS_MAX;
  const spec = few ? documentRatesSpec(rated.map((d) => ({ document: d.file, rate: d.total!.rate! })), title) : rateHistogramSpec(rated.map((d) => d.total!.rate!), title);
  const alt = few
    ? `Execution rate per document: ${rated.map((d) => `${d.file} ${d.total!.rate!.toFixed(1)}%`).join('; ')}`
    : `Number of documents per 10-point band of execution rate, ${rated.length} documents`;
  return `<figure>${await renderChart(spec, alt, 'overview-chart')}</figure>`;
}

/** The summary table; a document with a section below links to it. */
function overview(data: ReportData, chart: string, options: HtmlOptions, linked: number): string {
  const table = htmlTable(data.summary, options.unit, { sortable: true, link: { key: 'document', href: (i) => (i < linked ? `#doc-${i + 1}` : undefined) } });
  return `<section class="card" id="overview"><h2>Documents 문서 (${data.documents.length})</h2>${chart}<div class="scroll tall">${table}</div></section>`;
}

async function renderReport(data: ReportData, options: HtmlOptions): Promise<string> {
  const n = data.documents.length;
  const chart = await overviewChart(data);
  const sections: string[] = [];
  const limits = options.limits ?? { chartBytes: CHART_BYTES, detailBytes: DETAIL_BYTES };
  let bytes = Buffer.byteLength(overview(data, chart, options, 0));
  let chartBytes = 0;
  for (const [i, d] of data.documents.entries()) {
    if (bytes > limits.detailBytes) break;
    const charts = chartBytes < limits.chartBytes;
    const section = await documentSection(d, i, options, charts, n <= OPEN_DOCUMENTS);
    sections.push(section);
    const size = Buffer.byteLength(section);
    bytes += size;
    if (charts) chartBytes += size;
  }
  const shown = sections.length;
  if (shown < n) sections.push(`<section class="card note" id="more">${n - shown} more documents are listed in the table above only (this page keeps its detail under ${(limits.detailBytes / 1e6).toFixed(1)} MB); run <code>policy-lens report</code> on fewer files for their details.</section>`);
  const unit = options.unit ? `money in ${options.unit}` : "money in each document's own unit";
  return page('policy-lens report', `${n} document${n === 1 ? '' : 's'} · ${unit} · generated offline by policy-lens`, [overview(data, chart, options, shown), ...sections].join('\n'));
}

export async function renderHtml(result: CommandResult, options: HtmlOptions): Promise<string> {
  return result.report ? renderReport(result.report, options) : renderPlain(result, options);
}

