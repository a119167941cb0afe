#!/usr/bin/env node
// Bundle the compiled CLI (dist/, from tsc) into one CommonJS file, dist/cli/policy-lens.cjs,
// which bin/policy-lens.js loads with a V8 code cache. One file instead of ~60 ES modules
// saves the module loader's resolve/link/compile work on every run (Node 20 keeps no
// compiled code between runs). The parsers' lazy `import()`s stay lazy: esbuild runs such
// a module's top level only when it is first imported. Libraries loaded only for some
// inputs (cheerio, gray-matter, pdf-parse, vega …) stay outside, loaded from node_modules
// when needed. dist/ keeps the ES modules too: tests, scripts and the worker threads use them.

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded only for some formats or commands, or large: required from node_modules when needed. */
const EXTERNAL = ['cheerio', 'gray-matter', 'iconv-lite', 'cfb', 'fflate', 'pdf-parse', 'pdfjs-dist', '@napi-rs/canvas', 'vega', 'vega-lite'];

await build({
  stdin: {
    contents: "export { run } from './run.js';\nexport { realIo } from './io.js';\n",
    resolveDir: path.join(root, 'dist/cli'),
    sourcefile: 'policy-lens-entry.js',
  },
  outfile: path.join(root, 'dist/cli/policy-lens.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: EXTERNAL,
  // The bundle sits in dist/cli beside the modules it replaces, so paths taken from
  // import.meta.url (the samples folder, the worker, createRequire) resolve as before.
  define: { 'import.meta.url': '__policyLensModuleUrl' },
  banner: { js: "const __policyLensModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  legalComments: 'none',
});

