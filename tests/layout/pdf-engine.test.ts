// The PDF loader's side effects on the process (src/layout/pdf-engine.ts): the
// natives pdf.js replaces are put back, the canvas addon is not loaded, and the
// parser thread neither outlives a read in a way that keeps the process alive
// nor breaks reads made one after another or at the same time.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('starts the parser thread ahead of a read without keeping a process that reads nothing alive', () => {
    const engine = JSON.stringify(path.join(root, 'dist/layout/pdf-engine.js'));
    const file = JSON.stringify(path.join(root, 'fixtures/pdf/multipage-table.pdf'));
    const idle = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import(${engine})).prepareParserThread(); console.log('done');`], { encoding: 'utf8', timeout: 60_000 });
    expect([idle.status, idle.stdout.trim()]).toEqual([0, 'done']);
    const script = `
      import { readFileSync } from 'node:fs';
      const { prepareParserThread, readPdfPages } = await import(${engine});
      prepareParserThread();
      const read = await readPdfPages(new Uint8Array(readFileSync(${file})), { rules: true });
      console.log(JSON.stringify({ pages: read.pages?.length, inProcess: Boolean(globalThis.pdfjsWorker) }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ pages: 3, inProcess: false });
  });

  // The built loader in fresh processes: `threads: false` makes the thread fail to start, so pdf.js parses in-process.
  const readInChild = (files: string[], env: Record<string, string>, threads = true) => {
    const script = `
      import threads from 'node:worker_threads';
      import { syncBuiltinESMExports } from 'node:module';
      import { readFileSync } from 'node:fs';
      if (${!threads}) {
        threads.Worker = function () { throw new Error('no threads here'); };
        syncBuiltinESMExports();
      }
      const { readPdfPages } = await import(${JSON.stringify(path.join(root, 'dist/layout/pdf-engine.js'))});
      // The cache folder is the CLI's choice (src/cli/pdf-setup.ts), as in a real run.
      (await import(${JSON.stringify(path.join(root, 'dist/cli/pdf-setup.js'))})).configurePdfEngine();
      const out = [];
      for (const file of ${JSON.stringify(files)}) out.push(await readPdfPages(new Uint8Array(readFileSync(file)), { rules: true }));
      console.log(JSON.stringify({ out, inProcess: Boolean(globalThis.pdfjsWorker) }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout.trim()) as { out: unknown[]; inProcess: boolean };
  };
  const files = [
    ...['multipage-table.pdf', 'centred-cells.pdf', 'cid-kscms-uhc.pdf', 'cid-uniks-ucs2.pdf'].map((name) => path.join(root, 'fixtures/pdf', name)),
    path.join(root, 'fixtures/samples/regional-report-2020h1.pdf'),
  ];

  it('gives the same pages from the parser thread (operator lists thinned) as in-process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-engine-'));
    try {
      const threaded = readInChild(files, { TMPDIR: dir });
      const inProcess = readInChild(files, { TMPDIR: dir }, false);
      expect([threaded.inProcess, inProcess.inProcess]).toEqual([false, true]);
      expect(JSON.stringify(threaded.out)).toBe(JSON.stringify(inProcess.out));
      // The regional report has ruled tables: the rules came through the thinned operator lists.
      const pages = (threaded.out[4] as { pages: { rules: unknown[] }[] }).pages;
      expect(pages.length).toBe(23);
      expect(pages.some((page) => page.rules.length > 0)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a code cache of pdf.js per user, and reads the same with a missing, valid or damaged cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-engine-'));
    try {
      const sample = files.slice(0, 2);
      const first = readInChild(sample, { TMPDIR: dir });
      const cacheDirs = readdirSync(dir).filter((name) => name.startsWith('policy-lens-cache'));
      expect(cacheDirs.length).toBe(1);
      const cacheDir = path.join(dir, cacheDirs[0]!);
      const caches = readdirSync(cacheDir).sort();
      // One cache for each of pdf.js's two files, written whole (no temporary file left).
      expect(caches.map((name) => name.replace(/-[0-9a-f]{24}\.cache$/, ''))).toEqual(['pdf.min.mjs', 'pdf.worker.min.mjs']);
      const second = readInChild(sample, { TMPDIR: dir });
      for (const name of caches) writeFileSync(path.join(cacheDir, name), 'not compiled code');
      const damaged = readInChild(sample, { TMPDIR: dir });
      expect(JSON.stringify(second.out)).toBe(JSON.stringify(first.out));
      expect(JSON.stringify(damaged.out)).toBe(JSON.stringify(first.out));
      // A damaged cache is rejected by V8 and written again.
      for (const name of caches) expect(readFileSync(path.join(cacheDir, name), 'utf8')).not.toBe('not compiled code');
      expect(readdirSync(cacheDir).sort()).toEqual(caches);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
