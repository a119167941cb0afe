#!/usr/bin/env node
// Writes N varied documents of the three kinds into a folder, for the scale
// benchmark and the large-input test: each is a sample with its figures,
// program names, years and table lengths changed by a seeded generator.
// Usage: node scripts/generate-corpus.mjs <N> <folder> [--big <MB>]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = {
  report: readFileSync(path.join(root, 'fixtures/samples/regional-report-2020h1.txt'), 'utf8'),
  plan: readFileSync(path.join(root, 'fixtures/samples/national-plan-2023.txt'), 'utf8'),
  blog: readFileSync(path.join(root, 'fixtures/samples/blog-post.md'), 'utf8'),
};

/** Mulberry32: small, seeded, good enough to vary documents reproducibly. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '혁', '신', '성', '장', '지', '원', '융', '합'];

function scaleNumbers(text, rand) {
  // Change every thousands-separated figure by the same per-document factor, so totals still add up.
  const factor = 0.5 + rand();
  return text.replace(/\b\d{1,3}(,\d{3})+\b/g, (m) => Math.round(Number(m.replace(/,/g, '')) * factor).toLocaleString('en-US'));
}

function renamePrograms(text, rand) {
  const suffix = Array.from({ length: 2 }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
  return text.replace(/(사업)(\t)/g, `$1${suffix}$2`);
}

/** A regional report whose budget table has `extraRows` more rows, or grows to `targetBytes` (for size). */
function report(rand, extraRows, targetBytes = 0) {
  let text = renamePrograms(samples.report, rand);
  if (extraRows > 0 || targetBytes > 0) {
    const rows = [];
    let bytes = Buffer.byteLength(text);
    for (let i = 0; targetBytes > 0 ? bytes < targetBytes : i < extraRows; i++) {
      const budget = 1000 + Math.floor(rand() * 900000);
      const executed = Math.floor(budget * rand());
      const row = `\t추가사업${i}\t${budget.toLocaleString('en-US')}\t${executed.toLocaleString('en-US')}\t${(budget - executed).toLocaleString('en-US')}\t${((executed / budget) * 100).toFixed(1)}%\t20.03.01.`;
      rows.push(row);
      bytes += Buffer.byteLength(row) + 1;
    }
    text = text.replace(/(\t자본예산\t[^\n]*)/, `$1\n${rows.join('\n')}`);
  }
  return text;
}

export function generate(n, dir, bigMb = 0) {
  mkdirSync(dir, { recursive: true });
  const rand = rng(20261122);
  const files = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    let name;
    let text;
    if (kind === 0) {
      name = `report-${i}.txt`;
      text = scaleNumbers(report(rand, Math.floor(rand() * 40)), rand);
    } else if (kind === 1) {
      name = `plan-${i}.txt`;
      text = samples.plan.replace(/2023년도 시행계획/g, `${2023 + (i % 5)}년도 시행계획`);
    } else {
      name = `post-${i}.md`;
      text = samples.blog.replace(/^title: '(.*)'$/m, `title: '$1 (${i})'`);
    }
    writeFileSync(path.join(dir, name), text);
    files.push(name);
  }
  if (bigMb > 0) {
    // One large report: its budget table grows until the file is about bigMb MB.
    const text = report(rand, 0, bigMb * 1e6);
    writeFileSync(path.join(dir, 'big-report.txt'), text);
    files.push('big-report.txt');
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100);
  const dir = process.argv[3] ?? path.join(root, 'bench/corpus');
  const bigIndex = process.argv.indexOf('--big');
  const big = bigIndex > 0 ? Number(process.argv[bigIndex + 1]) : 0;
  const files = generate(n, dir, big);
  console.log(`wrote ${files.length} documents to ${dir}`);
}
