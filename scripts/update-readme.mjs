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
  const rows = [
    [`start-up: \`policy-lens --version\` vs \`node -e 0\``, `${r.startup.versionMs.toFixed(0)} ms vs ${r.startup.bareNodeMs.toFixed(0)} ms`, `${r.startup.ratio.toFixed(2)}× — target ≤ 1.5×: ${met(r.startup.ratio <= 1.5)}`],
    ...r.documents.map((d) => [`one document: \`${d.label}\``, `${d.ms.toFixed(0)} ms`, `${d.ratio.toFixed(2)}× bare node${d.label.startsWith('budget') ? ` — target ≤ 3×: ${met(d.ratio <= 3)}` : ''}`]),
    ...r.pdf.map((p) => [`PDF: \`parse ${path.basename(p.file)}\``, `${p.ms.toFixed(0)} ms`, p.ratio ? `${p.ratio.toFixed(1)}× pdftotext (${p.pdftotextMs.toFixed(0)} ms) — target ≤ 3×: ${met(p.ratio <= 3)}` : 'no pdftotext on the machine: no reference']),
    ...r.scale.map((x) => [`scale: ${x.documents.toLocaleString('en-US')} documents (${x.mb.toFixed(1)} MB), \`budget --by group\``, `${x.seconds.toFixed(1)} s`, `${x.documentsPerSecond.toFixed(0)} docs/s · ${x.mbPerSecond.toFixed(1)} MB/s (target ≥ 20: ${met(x.mbPerSecond >= 20)}) · peak RSS ${x.peakRssMb.toFixed(0)} MB (target < 500: ${met(x.peakRssMb < 500)})${x.documents >= 5000 ? ` · target < 30 s: ${met(x.seconds < 30)}` : ''}`]),
  ];
  return [`Measured ${r.date.slice(0, 10)} on ${r.machine}:`, '', '| measure | time | result |', '|---|---:|---|', ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

const table = benchTable();
const final = table ? out.replace(/<!-- bench -->[\s\S]*?<!-- \/bench -->/, `<!-- bench -->\n${table}\n<!-- /bench -->`) : out;
writeFileSync(readme, final);
console.log('README examples refreshed');
