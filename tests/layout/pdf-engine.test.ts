// The PDF loader's side effects on the process (src/layout/pdf-engine.ts): the
// natives pdf.js replaces are put back, the canvas addon is not loaded, and the
// parser thread neither outlives a read in a way that keeps the process alive
// nor breaks reads made one after another or at the same time.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const nativePush = Array.prototype.push;
const nativeParse = JSON.parse;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(root, 'fixtures/pdf', name)));

describe('pdf loader', () => {
  it('puts back the native push and JSON.parse after a read', async () => {
    const { readPdfPages } = await import('../../src/layout/pdf-engine.js');
    const read = await readPdfPages(fixture('multipage-table.pdf'), { rules: true });
    expect('error' in read).toBe(false);
    expect(Array.prototype.push).toBe(nativePush);
    expect(JSON.parse).toBe(nativeParse);
    // The parser ran in its thread: pdf.js's worker module, which registers itself globally, never loaded here.
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
  });

  it('reads documents one after another and at the same time with the same results', async () => {
    const { readPdfPages } = await import('../../src/layout/pdf-engine.js');
    const names = ['multipage-table.pdf', 'centred-cells.pdf', 'cid-kscms-uhc.pdf', 'cid-uniks-ucs2.pdf'];
    const oneByOne = [];
    for (const name of names) oneByOne.push(JSON.stringify(await readPdfPages(fixture(name), { rules: true })));
    const together = (await Promise.all(names.map((name) => readPdfPages(fixture(name), { rules: true })))).map((r) => JSON.stringify(r));
    expect(together).toEqual(oneByOne);
    const pages = oneByOne.map((json) => (JSON.parse(json) as { pages: unknown[] }).pages.length);
    expect(pages).toEqual([3, 1, 1, 1]);
  });

  it('reports a damaged file as unreadable', async () => {
    const { readPdfPages } = await import('../../src/layout/pdf-engine.js');
    const read = await readPdfPages(new TextEncoder().encode('%PDF-1.4\nnot a pdf at all'));
    expect(read).toEqual({ error: expect.stringMatching(/^unreadable PDF \(/) });
  });

  it('lets the process exit after a read, without loading a native addon', () => {
    // The built loader, in a fresh process that does not call process.exit: it must end by itself.
    const script = `
      import { readFileSync } from 'node:fs';
      const { readPdfPages } = await import(${JSON.stringify(path.join(root, 'dist/layout/pdf-engine.js'))});
      const read = await readPdfPages(new Uint8Array(readFileSync(${JSON.stringify(path.join(root, 'fixtures/pdf/multipage-table.pdf'))})), { rules: true });
      const addons = process.report.getReport().sharedObjects.filter((f) => f.endsWith('.node'));
      console.log(JSON.stringify({ pages: read.pages?.length, addons }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ pages: 3, addons: [] });
  });
});
