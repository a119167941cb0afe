// The HTML report in a real browser: headless Chromium (Debian's, at
// /usr/bin/chromium; no browser download) driven by playwright-core. Checks that
// the page makes no request and logs no error, that the charts hold one bar per
// group and one point per series point, that the tables sort, and that Hangul is
// drawn with real glyphs. Saves a 1280×800 screenshot (docs/report.png with
// UPDATE_SCREENSHOT=1, like a golden; a temp file otherwise).

import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { load, ROOT } from '../helpers/load.js';
import { report } from '../../src/commands/report.js';
import { renderHtml } from '../../src/render/html.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!hasChromium)('report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    const results = await Promise.all(['fixtures/samples/regional-report-2020h1.txt', 'fixtures/samples/national-plan-2023.txt', 'fixtures/samples/blog-post.md'].map((f) => load(f)));
    const result = report({ documents: results.map((r) => r.document), diagnostics: new Map(results.map((r) => [r.document.file, r.diagnostics])), options: {} });
    dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-browser-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, await renderHtml(result, {}));
    const { chromium } = await import('playwright-core');
    // A fresh profile each run (playwright passes it as --user-data-dir).
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 800 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|about):/.test(url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    page.on('pageerror', (e) => void consoleErrors.push(e.message));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs no console error and requests nothing outside the file', () => {
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('draws one budget bar and one executed bar per group (five groups)', async () => {
    const doc = page.locator('section.doc[data-file="fixtures/samples/regional-report-2020h1.txt"]');
    const groupRows = await doc.locator('h3:has-text("by group") + .chart-row table tbody tr').count();
    expect(groupRows).toBe(5);
    expect(await doc.locator('svg .budget_bar_marks path').count()).toBe(groupRows);
    expect(await doc.locator('svg .executed_bar_marks path').count()).toBe(groupRows);
    // The bars are laid out: each has a visible width.
    const widths = await doc.locator('svg .budget_bar_marks path').evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().width));
    expect(widths.every((w) => w > 0)).toBe(true);
  });

  it('draws one line-chart point per series point', async () => {
    const regional = page.locator('section.doc[data-file="fixtures/samples/regional-report-2020h1.txt"]');
    // Two series of four years (2017–2020) in the regional report.
    expect(await regional.locator('svg .series_point_marks path').count()).toBe(8);
    const plan = page.locator('section.doc[data-file="fixtures/samples/national-plan-2023.txt"]');
    // The plan's 42 series hold 97 points (its golden model, fixtures/samples/national-plan-2023.txt.model.json,
    // reviewed against the text: e.g. smart factories ('19) 12,660 → ('20) 19,799 → ('21) 25,039 → ('22) 30,144,
    // and line 399's 혁신조달 과제 지원규모 5억원→10억원 as a before → after pair).
    expect(await plan.locator('svg .series_point_marks path').count()).toBe(97);
    // Each chart is labelled with its values: one text label per point.
    expect(await plan.locator('svg .series_label_marks text').count()).toBe(97);
  });

  it('sorts a table by a clicked column', async () => {
    const table = page.locator('section.doc[data-file="fixtures/samples/regional-report-2020h1.txt"] h3:has-text("Line items") ~ .scroll table');
    const header = table.locator('thead th', { hasText: 'rate %' });
    const rateColumn = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    const rates = () => table.locator('tbody tr').evaluateAll((rows, col) => rows.map((r) => (r as HTMLTableRowElement).cells[col]!.getAttribute('data-v')), rateColumn);
    await header.click();
    const ascending = (await rates()).filter((v): v is string => v !== null).map(Number);
    expect(ascending.length).toBeGreaterThan(40);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.click();
    const descending = (await rates()).filter((v): v is string => v !== null).map(Number);
    expect(descending).toEqual([...ascending].reverse());
    expect(await header.getAttribute('aria-sort')).toBe('descending');
  });

  it('renders Hangul with real glyphs, not missing-glyph boxes', async () => {
    const heading = page.locator('section.doc h2').first();
    expect(await heading.textContent()).toBe('2020년도 상반기 주요업무 추진상황');
    // 1. The font Chromium drew the heading with is a Korean one, for all its glyphs.
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'section.doc h2' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => f.familyName).join(', ')).toMatch(/CJK KR|Nanum|Malgun|Apple SD Gothic/);
    // 2. Drawn in the page's font, distinct syllables give distinct pictures, and none is the
    //    picture of a character no font has (U+0378, unassigned): boxes would all look alike.
    //    Their width differs from a box's too.
    const glyphs = await heading.evaluate((el) => {
      const font = `40px ${getComputedStyle(el).fontFamily}`;
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const picture = (ch: string) => {
        ctx.clearRect(0, 0, 64, 64);
        ctx.font = font;
        ctx.fillText(ch, 4, 48);
        return { pixels: Array.from(ctx.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3)).join(','), width: ctx.measureText(ch).width };
      };
      const box = picture('\u0378');
      return ['집', '행', '률', '예', '산'].map((ch) => {
        const p = picture(ch);
        return { ch, pixels: p.pixels, isBox: p.pixels === box.pixels, width: p.width, boxWidth: box.width };
      });
    });
    expect(glyphs.filter((g) => g.isBox)).toEqual([]);
    expect(new Set(glyphs.map((g) => g.pixels)).size).toBe(glyphs.length);
    // The heading's width against the same number of boxes in the same font.
    const widths = await heading.evaluate((el) => {
      const measure = (text: string) => {
        const span = document.createElement('span');
        span.style.font = getComputedStyle(el).font;
        span.style.whiteSpace = 'pre';
        span.textContent = text;
        document.body.appendChild(span);
        const w = span.getBoundingClientRect().width;
        span.remove();
        return w;
      };
      const hangul = '주요업무추진상황';
      return { hangul: measure(hangul), boxes: measure('\u0378'.repeat(hangul.length)) };
    });
    expect(widths.hangul).toBeGreaterThan(0);
    expect(Math.abs(widths.hangul - widths.boxes)).toBeGreaterThan(1);
  });

  it('saves a 1280×800 screenshot', async () => {
    const target = process.env.UPDATE_SCREENSHOT ? path.join(ROOT, 'docs/report.png') : path.join(dir, 'report.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = await page.screenshot({ path: target });
    // PNG header: width and height are big-endian at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
    expect(statSync(target).size).toBeGreaterThan(20_000);
  });
});
