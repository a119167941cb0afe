// Charts for the HTML report: Vega-Lite specs built from report rows, compiled
// and rendered to SVG strings by vega's headless view (no browser, no canvas, no
// network: data is inline). vega and vega-lite are imported on first use, so
// only `report` pays for loading them.
//
// Marks are named so a reader (and the browser test) can count them in the SVG:
// `.budget_bar_marks path` (one per group), `.executed_bar_marks path`,
// `.series_point_marks path` (one per series point), `.document_rate_marks path`.

import { MONEY_UNITS } from '../extract/amounts.js';

/** The report's Korean font stack, quoted for an SVG attribute (vega writes it in double quotes). */
export const CHART_FONT = "'Noto Sans CJK KR', 'Nanum Gothic', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif";

const BUDGET_COLOR = '#c8d3e3';
const EXECUTED_COLOR = '#2f6db5';

type Spec = Record<string, unknown>;

interface VegaModules {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
}

let modules: Promise<VegaModules> | undefined;

function load(): Promise<VegaModules> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return modules;
}

const CONFIG = {
  font: CHART_FONT,
  background: 'transparent',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelColor: '#333', titleColor: '#555', gridColor: '#eceff3', domainColor: '#999', tickColor: '#999' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'top' },
  title: { fontSize: 13, fontWeight: 600, anchor: 'start', color: '#222', limit: 0 },
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Render one Vega-Lite spec to an SVG string with a `<title>` and an
 * `aria-label` (the text alternative) on the root element.
 */
export async function renderChart(spec: Spec, alt: string, className: string): Promise<string> {
  const { vega, vegaLite } = await load();
  const compiled = vegaLite.compile({ ...spec, config: CONFIG } as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const label = escapeXml(alt);
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${label}" class="chart ${className}" `).replace(/^(<svg[^>]*>)/, `$1<title>${label}</title>`).replace(/ class="marks"/, '')
      // Inline SVG in HTML needs no namespace declarations; dropping them leaves no URL in the page.
      .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
      // Geometry to a hundredth of a pixel: vega prints float noise (110.50000000000001) that only costs bytes.
      .replace(/ (d|transform|x|y|x2|y2|width|height)="([^"]*)"/g, (_, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d\d)\d+/g, '$1')}"`);
  } finally {
    view.finalize();
  }
}

/** d3-format pattern for money in a display unit: decimals only for 억원/조원. */
function moneyFormat(unit: string): string {
  return unit === '억원' || unit === '조원' ? ',.1~f' : ',.0f';
}

export interface GroupBar {
  group: string;
  budget: number;
  executed: number;
  rate?: number | undefined;
}

/** Horizontal bars per group: budget (light) with executed (dark) over it, and the rate at the end. */
export function groupBarsSpec(rows: GroupBar[], unit: string, title: string): Spec {
  const mult = MONEY_UNITS[unit] ?? 1;
  const values = rows.map((r) => ({
    group: r.group,
    budget: r.budget / mult,
    executed: r.executed / mult,
    rate: r.rate === undefined ? '' : `${r.rate.toFixed(1)}%`,
  }));
  const legend = { domain: ['예산 budget', '집행 executed'], range: [BUDGET_COLOR, EXECUTED_COLOR] };
  const x = (field: string) => ({ field, type: 'quantitative', title: unit, axis: { format: moneyFormat(unit), tickCount: 5 } });
  return {
    title,
    width: 520,
    height: { step: 30 },
    data: { values },
    encoding: { y: { field: 'group', type: 'nominal', sort: null, title: null, axis: { labelLimit: 240, labelFontSize: 12 } } },
    layer: [
      { name: 'budget_bar', mark: { type: 'bar', size: 22 }, encoding: { x: x('budget'), color: { datum: '예산 budget', scale: legend, title: null } } },
      { name: 'executed_bar', mark: { type: 'bar', size: 12 }, encoding: { x: x('executed'), color: { datum: '집행 executed', scale: legend, title: null } } },
      { name: 'rate_label', mark: { type: 'text', align: 'left', dx: 5, fontSize: 12, fontWeight: 600, color: '#222' }, encoding: { x: x('budget'), text: { field: 'rate' } } },
    ],
  };
}

export interface SeriesChartPoint {
  period: string;
  value: number;
}

/** One small line chart: the series' points in period order, each labelled with its value. */
export function seriesSpec(points: SeriesChartPoint[], unit: string, title: string, money: boolean): Spec {
  const mult = money ? (MONEY_UNITS[unit] ?? 1) : 1;
  const format = money ? moneyFormat(unit) : ',.2~f';
  const values = points.map((p) => ({ period: p.period, value: p.value / mult }));
  const x = { field: 'period', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0 }, scale: { padding: 0.6 } };
  // The unit is in the chart's title; a rotated Korean axis title reads badly.
  const y = { field: 'value', type: 'quantitative', title: null, axis: { format, tickCount: 4 }, scale: { zero: false, nice: true } };
  return {
    title: { text: title, limit: 280, fontSize: 12 },
    width: 280,
    height: 120,
    data: { values },
    encoding: { x, y },
    layer: [
      { name: 'series_line', mark: { type: 'line', color: EXECUTED_COLOR, strokeWidth: 2 } },
      { name: 'series_point', mark: { type: 'point', filled: true, size: 45, color: EXECUTED_COLOR } },
      { name: 'series_label', mark: { type: 'text', dy: -10, fontSize: 11, color: '#222' }, encoding: { text: { field: 'value', type: 'quantitative', format } } },
    ],
  };
}

export interface DocumentRate {
  document: string;
  rate: number;
}

/** Execution rate per document (a bar each), for a run of a few documents. */
export function documentRatesSpec(rows: DocumentRate[], title: string): Spec {
  return {
    title,
    width: 520,
    height: { step: 22 },
    data: { values: rows.map((r) => ({ document: r.document, rate: r.rate, label: `${r.rate.toFixed(1)}%` })) },
    encoding: {
      // Long paths keep their end (the file name), which is what tells documents apart.
      y: { field: 'document', type: 'nominal', sort: null, title: null, axis: { labelLimit: 0, labelExpr: "length(datum.label) > 36 ? '…' + slice(datum.label, -35) : datum.label" } },
      x: { field: 'rate', type: 'quantitative', title: '%', scale: { domainMin: 0 } },
    },
    layer: [
      { name: 'document_rate', mark: { type: 'bar', size: 14, color: EXECUTED_COLOR } },
      { name: 'document_rate_label', mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'label' } } },
    ],
  };
}

/** How many documents fall in each 10-point band of execution rate, for large runs. */
export function rateHistogramSpec(rates: number[], title: string): Spec {
  return {
    title,
    width: 520,
    height: 160,
    data: { values: rates.map((rate) => ({ rate })) },
    mark: { type: 'bar', color: EXECUTED_COLOR },
    name: 'rate_band',
    encoding: {
      x: { field: 'rate', type: 'quantitative', bin: { step: 10 }, title: '집행률 execution rate (%)', axis: { format: 'd' } },
      y: { aggregate: 'count', type: 'quantitative', title: 'documents' },
    },
  };
}
