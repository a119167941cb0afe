#!/usr/bin/env node
// Refreshes every `<!-- example: policy-lens … -->` block of the README with the
// command's real output (color off), so the README's examples stay true.
// A trailing `| head -N` keeps the first N lines. Run after a build: node scripts/update-readme.mjs

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = path.join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const out = text.replace(/<!-- example: (.+?) -->\n[\s\S]*?<!-- \/example -->/g, (_, command) => {
  const [cmd, head] = command.split(/\s*\|\s*head -/);
  const args = cmd.replace(/^policy-lens\s+/, '').match(/"[^"]*"|\S+/g).map((a) => a.replace(/^"|"$/g, ''));
  let stdout = '';
  let code = 0;
  try {
    stdout = execFileSync(process.execPath, [path.join(root, 'bin/policy-lens.js'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    stdout = error.stdout ?? '';
    code = error.status ?? 2;
  }
  let lines = stdout.trimEnd().split('\n');
  if (head) lines = [...lines.slice(0, Number(head)), '…'];
  const tail = code ? [`(exit code ${code})`] : [];
  return `<!-- example: ${command} -->\n\`\`\`\n$ ${command}\n${[...lines, ...tail].join('\n')}\n\`\`\`\n<!-- /example -->`;
});
/** The benchmark table from bench/results.json, with each result against its target. */
function benchTable() {
  let r;
  try {
    r = JSON.parse(readFileSync(path.join(root, 'bench/results.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const met = (ok) => (ok ? 'met' : '**not met**');
  const mb = (x) => `${x.toFixed(0)} MB`;
  const rows = [
    [`start-up: \`policy-lens --version\` vs \`node -e 0\``, `${r.startup.versionMs.toFixed(0)} ms vs ${r.startup.bareNodeMs.toFixed(0)} ms`, `${r.startup.ratio.toFixed(2)}× — target ≤ 1.5×: ${met(r.startup.ratio <= 1.5)}`],
    ...r.documents.map((d) => [`one document: \`${d.label}\``, `${d.ms.toFixed(0)} ms`, `${d.ratio.toFixed(2)}× bare node${d.label.startsWith('budget') ? ` — target ≤ 3×: ${met(d.ratio <= 3)}` : ''}`]),
    ...r.pdf.map((p) => [`PDF: \`parse ${path.basename(p.file)}\``, `${p.ms.toFixed(0)} ms`, p.ratio ? `${p.ratio.toFixed(1)}× pdftotext (${p.pdftotextMs.toFixed(0)} ms)` : 'no pdftotext on the machine: no reference']),
    ...(r.pdfBudget ? [[`PDF: \`budget ${path.basename(r.pdfBudget.file)}\``, `${r.pdfBudget.ms.toFixed(0)} ms`, `${r.pdfBudget.ratio.toFixed(2)}× bare node — target ≤ 6×: ${met(r.pdfBudget.ratio <= 6)}`]] : []),
    ...(r.large ?? []).flatMap((x) => [
      [`large report: \`${x.command}\` ${x.smallMb} MB → ${x.largeMb.toFixed(0)} MB`, `${(x.smallMs / 1000).toFixed(1)} s → ${(x.largeMs / 1000).toFixed(1)} s`, `${x.linearRatio.toFixed(2)}× the time (CPU time ${x.linearCpuRatio?.toFixed(2)}×) for ${x.sizeRatio.toFixed(2)}× the input — target ≤ 4.4×: ${met(x.linearRatio <= 4.4)}`],
      [`large report: \`${x.command}\` ${x.largeMb.toFixed(0)} MB, throughput and memory`, `${x.mbPerSecond.toFixed(1)} MB/s`, `${x.mbPerCpuSecond?.toFixed(1)} MB per CPU-second · ${x.floorRatio.toFixed(1)}× read-and-split (${x.floorMs.toFixed(0)} ms) — target ≥ 25 MB/s and ≤ 4×: ${met(x.mbPerSecond >= 25 && x.floorRatio <= 4)} · peak RSS ${mb(x.peakRssMb)} — target ≤ ${mb(x.rssLimitMb)}: ${met(x.peakRssMb <= x.rssLimitMb)}`],
    ]),
    ...(r.huge ?? []).map((x) => [`${x.mb} MB report: \`${x.command}\``, x.ok ? `${(x.ms / 1000).toFixed(1)} s` : 'failed', x.ok ? `exit ${x.code}, peak RSS ${mb(x.peakRssMb)} — finishes: met` : `${String(x.error).replace(/^policy-lens: \S+: /, "")} — finishes: **not met**`]),
    ...r.scale.map((x) => {
      const limits = x.command === 'summary' ? [15, 400] : x.command === 'budget' ? [8, undefined] : [undefined, undefined];
      const t = limits[0] ? ` — target ≤ ${limits[0]} s: ${met(x.seconds <= limits[0])}` : '';
      const m = limits[1] ? ` — target ≤ ${limits[1]} MB: ${met(x.peakRssMb <= limits[1])}` : '';
      return [`scale: ${x.documents.toLocaleString('en-US')} documents (${x.mb.toFixed(1)} MB), \`${x.command ?? 'budget --by group'}\``, `${x.seconds.toFixed(1)} s`, `CPU ${x.cpuSeconds?.toFixed(1)} s · ${x.documentsPerSecond.toFixed(0)} docs/s${t} · peak RSS ${mb(x.peakRssMb)}${m}`];
    }),
  ];
  return [`Measured ${r.date.slice(0, 10)} on ${r.machine}:`, '', '| measure | time | result |', '|---|---:|---|', ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

const table = benchTable();
const final = table ? out.replace(/<!-- bench -->[\s\S]*?<!-- \/bench -->/, `<!-- bench -->\n${table}\n<!-- /bench -->`) : out;
writeFileSync(readme, final);
console.log('README examples refreshed');
