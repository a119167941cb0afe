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
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SCALE = (process.env.BENCH_SCALE ?? '5000').split(',').map(Number);

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
/** Written after every stage, so a stage that runs out of time or memory leaves the others' figures. */
const save = () => writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

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

// The sample PDF through `budget`, against bare node (target ≤ 6×).
{
  const file = 'fixtures/samples/regional-report-2020h1.pdf';
  const [base, ms] = pairMedians([process.execPath, ['-e', '0']], [process.execPath, [bin, 'budget', file, '-q']], Math.min(RUNS, 5));
  results.pdfBudget = { file, ms, bareNodeMs: base, ratio: ms / base };
  rows.push([`PDF: budget ${path.basename(file)}`, `${ms.toFixed(0)} ms`, `${(ms / base).toFixed(2)}× bare node (target ≤ 6×)`]);
}

/** One command in a child process through bench/measure.js: its time, peak RSS and exit code, or its failure. */
function measure(args, cwd = root, env = process.env) {
  const r = spawnSync(process.execPath, [path.join(root, 'bench/measure.js'), ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  try {
    const m = JSON.parse(last);
    return { ok: m.code === 0 || m.code === 1, code: m.code, ms: m.ms, cpuMs: m.cpuMs, peakRssMb: m.maxRssMb, ...(m.mainCpuMs === undefined ? {} : { mainCpuMs: m.mainCpuMs }), ...(m.message ? { error: m.message } : {}) };
  } catch {
    return { ok: false, code: r.status, error: (r.stderr ?? '').trim().split('\n').slice(-3).join(' ').slice(0, 300) || `signal ${r.signal}` };
  }
}

/** The floor: a node process that reads the file and splits it into lines, nothing else. */
function readAndSplit(file) {
  return median(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(file)}, 'utf8').split('\\n').length`], 3);
}

// Large reports (one table-heavy document): linear time, throughput against the read-and-split floor, peak RSS.
const [SMALL_MB, LARGE_MB] = (process.env.BENCH_SIZES ?? '4,16').split(',').map(Number);
results.large = [];
{
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-large-'));
  const files = {};
  for (const mb of [SMALL_MB, LARGE_MB]) {
    const sub = path.join(dir, String(mb));
    generate(0, sub, mb);
    files[mb] = path.join(sub, 'big-report.txt');
  }
  for (const command of ['budget', 'parse']) {
    const args = (file) => [command, file, '-q', ...(command === 'parse' ? ['-f', 'csv'] : ['--by', 'group', '-f', 'csv'])];
    const small = measure(args(files[SMALL_MB]));
    const large = measure(args(files[LARGE_MB]));
    const bytes = statSync(files[LARGE_MB]).size;
    const floor = readAndSplit(files[LARGE_MB]);
    const entry = { command, smallMb: SMALL_MB, largeMb: bytes / 1e6, smallMs: small.ms, largeMs: large.ms, linearRatio: large.ms / small.ms, smallCpuMs: small.cpuMs, largeCpuMs: large.cpuMs, linearCpuRatio: large.cpuMs / small.cpuMs, sizeRatio: bytes / statSync(files[SMALL_MB]).size, mbPerSecond: bytes / 1e6 / (large.ms / 1000), mbPerCpuSecond: bytes / 1e6 / (large.cpuMs / 1000), floorMs: floor, floorRatio: large.ms / floor, peakRssMb: large.peakRssMb, rssLimitMb: 5 * (bytes / 2 ** 20) + 150 };
    results.large.push(entry);
    save();
    rows.push([`large report: ${command} ${SMALL_MB} MB → ${LARGE_MB} MB`, `${(small.ms / 1000).toFixed(1)} s → ${(large.ms / 1000).toFixed(1)} s`, `${entry.linearRatio.toFixed(2)}× time (CPU ${entry.linearCpuRatio.toFixed(2)}×) for ${entry.sizeRatio.toFixed(2)}× input (target ≤ 4.4×)`]);
    rows.push([`large report: ${command} ${LARGE_MB} MB throughput`, `${entry.mbPerSecond.toFixed(1)} MB/s`, `${entry.mbPerCpuSecond.toFixed(1)} MB per CPU-second · ${entry.floorRatio.toFixed(1)}× read-and-split (${floor.toFixed(0)} ms; target ≥ 25 MB/s, ≤ 4×) · peak RSS ${entry.peakRssMb.toFixed(0)} MB (target ≤ ${entry.rssLimitMb.toFixed(0)} MB)`]);
  }
  rmSync(dir, { recursive: true, force: true });
}

// Parallel speed-up: a generated corpus through summary with worker threads and with them off,
// alternately. On a shared machine read the CPU figures too: the main thread's CPU bounds the wall time.
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 400);
results.parallel = [];
if (PARALLEL > 0) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-parallel-'));
  generate(PARALLEL, dir);
  const args = ['summary', dir, '-f', 'csv', '-q', '--fail-on', 'none'];
  const on = [];
  const off = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    on.push(measure(args));
    off.push(measure(args, root, { ...process.env, MEASURE_WORKERS: '0' }));
  }
  const mid = (xs) => xs.sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)];
  const [a, b] = [mid(on), mid(off)];
  const entry = { documents: PARALLEL, workers: a, noWorkers: b, speedup: b.ms / a.ms };
  results.parallel.push(entry);
  save();
  rows.push([`parallel: ${PARALLEL} documents, summary`, `${(a.ms / 1000).toFixed(1)} s`, `${entry.speedup.toFixed(2)}× workers off (${(b.ms / 1000).toFixed(1)} s; target ≥ 1.7× on 2 idle cores) · CPU ${(a.cpuMs / 1000).toFixed(1)} s, main thread ${((a.mainCpuMs ?? NaN) / 1000).toFixed(1)} s · off: CPU ${(b.cpuMs / 1000).toFixed(1)} s`]);
  rmSync(dir, { recursive: true, force: true });
}

// Many documents: the generated corpus through summary and budget.
for (const n of SCALE) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-'));
  generate(n, dir);
  const bytes = readdirSync(dir).reduce((s, f) => s + statSync(path.join(dir, f)).size, 0);
  for (const command of ['summary', 'budget']) {
    const m = measure([command, dir, '-f', 'csv', '-q', ...(command === 'summary' ? ['--fail-on', 'none'] : [])]);
    const entry = { documents: n, command, mb: bytes / 1e6, seconds: m.ms / 1000, cpuSeconds: m.cpuMs / 1000, documentsPerSecond: n / (m.ms / 1000), mbPerSecond: bytes / 1e6 / (m.ms / 1000), peakRssMb: m.peakRssMb };
    results.scale.push(entry);
    save();
    rows.push([`scale: ${n} documents (${entry.mb.toFixed(1)} MB), ${command}`, `${entry.seconds.toFixed(1)} s`, `CPU ${entry.cpuSeconds.toFixed(1)} s, ${entry.documentsPerSecond.toFixed(0)} docs/s, ${entry.mbPerSecond.toFixed(1)} MB/s, peak RSS ${entry.peakRssMb.toFixed(0)} MB`]);
  }
  rmSync(dir, { recursive: true, force: true });
}

// The largest input: every command must finish (no stack overflow, no `Invalid string length`, no heap exhaustion).
const HUGE_MB = Number(process.env.BENCH_HUGE_MB ?? 100);
results.huge = [];
if (HUGE_MB > 0) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-huge-'));
  generate(0, dir, HUGE_MB);
  const file = path.join(dir, 'big-report.txt');
  for (const args of [['budget', file, '--by', 'group', '-f', 'csv', '-q'], ['check', file, '-f', 'csv', '-q', '--fail-on', 'none'], ['parse', file, '-f', 'csv', '-q']]) {
    const m = measure(args);
    results.huge.push({ command: args[0], mb: HUGE_MB, ...m });
    save();
    rows.push([`${HUGE_MB} MB report: ${args[0]}`, m.ok ? `${(m.ms / 1000).toFixed(1)} s` : 'failed', m.ok ? `exit ${m.code}, peak RSS ${m.peakRssMb.toFixed(0)} MB` : `exit ${m.code}: ${m.error}`]);
  }
  rmSync(dir, { recursive: true, force: true });
}

writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`policy-lens benchmark — ${results.date.slice(0, 10)} — ${results.machine}\n`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
console.log('\nwritten: bench/results.json');
