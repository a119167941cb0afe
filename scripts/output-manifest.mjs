#!/usr/bin/env node
// The outputs of the figure commands, hashed per document, so a change meant to
// be output-neutral (a speed-up) can prove it is: `tests/cli/identity.test.ts`
// compares a fresh manifest with the committed one. Documents: the samples, the
// corpus, the real documents beside the repository (when present) and a seeded
// generated corpus. Run after a build:
//   node scripts/output-manifest.mjs            print the manifest
//   node scripts/output-manifest.mjs --write    write tests/cli/output-manifest.json
//   node scripts/output-manifest.mjs --check    compare every group with it (the test skips the slow real PDFs)
// A change that means to alter outputs regenerates the file and says why.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST = path.join(root, 'tests/cli/output-manifest.json');
/** The commands whose JSON is hashed per document: the model and every figure command built on it. */
export const COMMANDS = ['parse', 'budget', 'check', 'yoy', 'targets', 'programs', 'summary'];
/** Outputs JSON leaves out (the sections of summary and check, the HTML report), hashed as `command.format`. */
export const VARIANTS = [['summary', 'md'], ['check', 'md'], ['report', 'json'], ['report', 'html']];
/** Groups also run as one folder (key `<folder>`, worker threads allowed): duplicates, overall lines and the pool's ordering count too. */
const FOLDER_GROUPS = ['corpus', 'generated'];
/** The generated corpus: every kind several times, plus one report grown to about 1 MB. */
const GENERATED = { documents: 30, bigMb: 1 };
const DOCUMENT = /\.(txt|md|mdx|html?|pdf|hwpx?)$/i;

function filesIn(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'expected') for (const f of filesIn(full)) out.push(f);
    } else if (DOCUMENT.test(name)) out.push(full);
  }
  return out;
}

async function outputOf(run, io, args, workers = false) {
  let text = '';
  const code = await run(args, { ...io, stdout: (t) => void (text += t), stderr: () => {}, workers });
  return { code, text };
}

/** `{ 'command' | 'command.format': 'sha256:exit' }` for one input (a file, or a folder with workers allowed). */
async function hashes(run, io, input, dir, workers, skip = []) {
  const entry = {};
  const runs = [...COMMANDS.map((c) => [c, 'json', c]), ...VARIANTS.map(([c, f]) => [c, f, `${c}.${f}`])].filter(([, , key]) => !skip.includes(key));
  for (const [command, format, key] of runs) {
    const { code, text } = await outputOf(run, io, [command, input, '-f', format, '-q', ...(command === 'check' || command === 'summary' ? ['--fail-on', 'none'] : [])], workers);
    // The folder differs from run to run (generated corpus, checkouts): only the name counts.
    const normalized = text.split(dir + path.sep).join('');
    entry[key] = `${createHash('sha256').update(normalized).digest('hex').slice(0, 16)}:${code}`;
  }
  return entry;
}

/** `{ group: { 'doc': { command: 'sha256:exit' } } }` for every document found (of `only`'s groups, when given). */
export async function manifest(only) {
  const { run } = await import(path.join(root, 'dist/cli/run.js'));
  const { realIo } = await import(path.join(root, 'dist/cli/io.js'));
  const io = realIo();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pl-manifest-'));
  try {
    const generated = path.join(tmp, 'generated');
    generate(GENERATED.documents, generated, GENERATED.bigMb);
    const groups = {
      samples: { dir: path.join(root, 'fixtures/samples'), files: filesIn(path.join(root, 'fixtures/samples')) },
      corpus: { dir: path.join(root, 'fixtures/corpus'), files: filesIn(path.join(root, 'fixtures/corpus')) },
      real: { dir: path.resolve(root, '../shared/real'), files: filesIn(path.resolve(root, '../shared/real')) },
      generated: { dir: generated, files: filesIn(generated) },
    };
    const result = {};
    for (const [group, { dir, files }] of Object.entries(groups)) {
      if (!files.length || (only && !only.includes(group))) continue;
      const t0 = Date.now();
      result[group] = {};
      for (const file of files) result[group][path.relative(dir, file)] = await hashes(run, io, file, dir, false);
      // The report's charts label documents by the end of their path, cut to a width: under a random
      // temporary folder (the generated corpus) that cut shows part of the folder's name, so the HTML is left out there.
      if (FOLDER_GROUPS.includes(group)) result[group]['<folder>'] = await hashes(run, io, dir, dir, true, group === 'generated' ? ['report.html'] : []);
      if (process.env.MANIFEST_TIMES) process.stderr.write(`${group}: ${files.length} documents, ${Date.now() - t0} ms\n`);
    }
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const m = await manifest();
  const text = JSON.stringify(m, null, 1) + '\n';
  if (process.argv.includes('--check')) {
    const expected = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const differ = [];
    for (const [group, docs] of Object.entries(m)) {
      for (const [doc, hashes] of Object.entries(docs)) {
        for (const [command, hash] of Object.entries(hashes)) if (expected[group]?.[doc]?.[command] !== hash) differ.push(`${group}/${doc} ${command}`);
      }
    }
    console.log(differ.length ? `differ:\n${differ.join('\n')}` : `identical: ${Object.values(m).reduce((s, g) => s + Object.keys(g).length, 0)} documents × ${COMMANDS.length + VARIANTS.length} outputs`);
    process.exitCode = differ.length ? 1 : 0;
  } else if (process.argv.includes('--write')) {
    writeFileSync(MANIFEST, text);
    console.log(`written: ${path.relative(root, MANIFEST)} (${Object.values(m).reduce((s, g) => s + Object.keys(g).length, 0)} documents)`);
  } else process.stdout.write(text);
}
