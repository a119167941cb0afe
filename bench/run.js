#!/usr/bin/env node
// `npm run bench`: start-up, one document, PDF and scale timings on this
// machine. Prints a table and writes bench/results.json. No assertions: the
// numbers are for reading against the targets in the README.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../scripts/generate-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/policy-lens.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const SCALE = (process.env.BENCH_SCALE ?? '100,1000,5000').split(',').map(Number);

function time(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(cmd, args, runs = RUNS) {
  const xs = Array.from({ length: runs }, () => time(cmd, args)).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

const results = { date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`, startup: {}, documents: [], pdf: [], scale: [] };
const rows = [];

/** Medians of two commands run alternately, so drift on a shared machine hits both alike. */
function pairMedians(a, b, runs = RUNS) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < runs; i++) {
    xs.push(time(...a));
    ys.push(time(...b));
  }
  const mid = (v) => v.sort((p, q) => p - q)[Math.floor(v.length / 2)];
  return [mid(xs), mid(ys)];
}

const [bare, version] = pairMedians([process.execPath, ['-e', '0']], [process.execPath, [bin, '--version']]);
results.startup = { bareNodeMs: bare, versionMs: version, ratio: version / bare };
rows.push(['start-up: node -e 0', `${bare.toFixed(0)} ms`, '']);
rows.push(['start-up: policy-lens --version', `${version.toFixed(0)} ms`, `${(version / bare).toFixed(2)}× bare node (target ≤ 1.5×)`]);

for (const [label, args] of [
  ['budget regional-report-2020h1.txt', ['budget', 'fixtures/samples/regional-report-2020h1.txt']],
  ['yoy national-plan-2023.txt', ['yoy', 'fixtures/samples/national-plan-2023.txt']],
  ['programs blog-post.md', ['programs', 'fixtures/samples/blog-post.md']],
]) {
  const [base, ms] = pairMedians([process.execPath, ['-e', '0']], [process.execPath, [bin, ...args]]);
  results.documents.push({ label, ms, bareNodeMs: base, ratio: ms / base });
  rows.push([`one document: ${label}`, `${ms.toFixed(0)} ms`, `${(ms / base).toFixed(2)}× bare node${label.startsWith('budget') ? ' (target ≤ 3×)' : ''}`]);
}

const pdftotext = spawnSync('pdftotext', ['-v']).error ? undefined : 'pdftotext';
for (const file of ['fixtures/samples/regional-report-2020h1.pdf', 'fixtures/samples/national-plan-2023.pdf']) {
  const [ref, ms] = pdftotext
    ? pairMedians(['pdftotext', [file, '-']], [process.execPath, [bin, 'parse', file]], Math.min(RUNS, 5))
    : [undefined, median(process.execPath, [bin, 'parse', file], Math.min(RUNS, 5))];
  results.pdf.push({ file, ms, pdftotextMs: ref ?? null, ratio: ref ? ms / ref : null });
  rows.push([`PDF: parse ${path.basename(file)}`, `${ms.toFixed(0)} ms`, ref ? `${(ms / ref).toFixed(2)}× pdftotext (target ≤ 3×)` : 'pdftotext not installed: no reference']);
}

for (const n of SCALE) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-'));
  generate(n, dir);
  const bytes = readdirSync(dir).reduce((s, f) => s + statSync(path.join(dir, f)).size, 0);
  const r = spawnSync(process.execPath, [path.join(root, 'bench/measure.js'), 'budget', dir, '--by', 'group', '--format', 'csv'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop();
  const m = JSON.parse(last);
  rmSync(dir, { recursive: true, force: true });
  const entry = { documents: n, mb: bytes / 1e6, seconds: m.ms / 1000, documentsPerSecond: n / (m.ms / 1000), mbPerSecond: bytes / 1e6 / (m.ms / 1000), peakRssMb: m.maxRssMb };
  results.scale.push(entry);
  rows.push([`scale: ${n} documents (${entry.mb.toFixed(1)} MB), budget --by group`, `${entry.seconds.toFixed(1)} s`, `${entry.documentsPerSecond.toFixed(0)} docs/s, ${entry.mbPerSecond.toFixed(1)} MB/s, peak RSS ${entry.peakRssMb.toFixed(0)} MB`]);
}

writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`policy-lens benchmark — ${results.date.slice(0, 10)} — ${results.machine}\n`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
console.log('\nwritten: bench/results.json');
