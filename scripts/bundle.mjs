#!/usr/bin/env node
// Bundle the compiled CLI (dist/, from tsc) into one CommonJS file, dist/cli/policy-lens.cjs,
// which bin/policy-lens.js loads with a V8 code cache. One file instead of ~60 ES modules
// saves the module loader's resolve/link/compile work on every run (Node 20 keeps no
// compiled code between runs). The parsers' lazy `import()`s stay lazy: esbuild runs such
// a module's top level only when it is first imported. Libraries loaded only for some
// inputs (cheerio, gray-matter, pdf-parse, vega …) stay outside, loaded from node_modules
// when needed. dist/ keeps the ES modules too: tests, scripts and the worker threads use them.

import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded only for some formats or commands, or large: required from node_modules when needed. */
const EXTERNAL = ['cheerio', 'iconv-lite', 'cfb', 'fflate', 'pdf-parse', 'pdfjs-dist', '@napi-rs/canvas', 'vega', 'vega-lite'];

/**
 * Edits made to the bundle's copy of a module (never to the sources):
 * - front-matter.js requires gray-matter through createRequire, which a bundler cannot
 *   follow: without that line its `require('gray-matter')` is the bundle's own, so gray-matter
 *   and js-yaml are bundled (and code-cached) and still run only when a post has YAML front
 *   matter. Resolving and compiling them from node_modules was 35 ms of a Markdown run.
 * - js-yaml loads esprima (a JavaScript parser, 280 kB) for its `!!js/function` type, which
 *   only its unsafe load reads; gray-matter reads YAML with safeLoad, so it is not loaded.
 */
const PATCHES = [
  { file: /dist[\\/]parse[\\/]blog[\\/]front-matter\.js$/, from: 'const require = createRequire(import.meta.url);', to: '' },
  { file: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/, from: "esprima = _require('esprima');", to: 'esprima = undefined;' },
];

/**
 * commander requires child_process (and with it net, dgram …) at load, for subcommands
 * that are separate executables, which this CLI has none of: it gets the module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });\n",
      loader: 'js',
    }));
  },
};

/** The patches whose file was met: one whose file is not met any more fails the build too. */
const applied = new Set();

const patches = {
  name: 'patches',
  setup(b) {
    for (const patch of PATCHES) {
      b.onLoad({ filter: patch.file }, async (args) => {
        applied.add(patch);
        const text = await readFile(args.path, 'utf8');
        // A patch that no longer applies fails the build rather than silently bundling the original.
        if (!text.includes(patch.from)) throw new Error(`bundle patch does not apply to ${args.path}: ${patch.from}`);
        return { contents: text.replace(patch.from, patch.to), loader: 'js' };
      });
    }
  },
};

/**
 * V8 code caches do not keep what `import()` needs (Node 20: "A dynamic import callback was
 * not specified" once the code comes from the cache). So the bundle has none: esbuild writes
 * each dynamic import of a library as `Promise.resolve().then(() => __toESM(require(x)))`,
 * and that is turned into a call of import-module.cjs, a plain CommonJS file that Node
 * compiles itself and whose `import()` works.
 */
const CONVERTED_IMPORT = 'Promise.resolve().then(() => __toESM(require(';

function routeDynamicImports(code) {
  let out = '';
  let at = 0;
  let count = 0;
  for (let start = code.indexOf(CONVERTED_IMPORT); start >= 0; start = code.indexOf(CONVERTED_IMPORT, at)) {
    // The argument of require( … ), to its balancing parenthesis.
    let depth = 1;
    let i = start + CONVERTED_IMPORT.length;
    const argStart = i;
    for (; depth > 0; i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')') depth--;
      if (i >= code.length) throw new Error('bundle: unbalanced dynamic import');
    }
    const arg = code.slice(argStart, i - 1);
    const rest = /^(?:, 1)?\)\)/.exec(code.slice(i));
    if (!rest) throw new Error(`bundle: unexpected dynamic import form at ${start}`);
    out += code.slice(at, start) + `__policyLensImport(${arg})`;
    at = i + rest[0].length;
    count++;
  }
  return { code: out + code.slice(at), count };
}

const result = await build({
  stdin: {
    contents: "export { run } from './run.js';\nexport { realIo } from './io.js';\nexport { preparePdfEngine } from './pdf-setup.js';\n",
    resolveDir: path.join(root, 'dist/cli'),
    sourcefile: 'policy-lens-entry.js',
  },
  outfile: path.join(root, 'dist/cli/policy-lens.cjs'),
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported: { 'dynamic-import': false },
  external: EXTERNAL,
  plugins: [patches, lazyChildProcess],
  // The bundle sits in dist/cli beside the modules it replaces, so paths taken from
  // import.meta.url (the samples folder, the worker, createRequire) resolve as before.
  define: { 'import.meta.url': '__policyLensModuleUrl' },
  banner: {
    js: [
      "const __policyLensModuleUrl = require('node:url').pathToFileURL(__filename).href;",
      "const __policyLensImport = (specifier) => require('./import-module.cjs')(specifier);",
    ].join('\n'),
  },
  logLevel: 'warning',
  legalComments: 'none',
});

for (const patch of PATCHES) if (!applied.has(patch)) throw new Error(`bundle patch found no file matching ${patch.file}`);
const [output] = result.outputFiles;
const routed = routeDynamicImports(output.text);
// The parsers import libraries lazily (pdf.js, cheerio, vega …): none rerouted means esbuild
// wrote them in another shape, and they would fail at run time from cached code.
if (routed.count === 0) throw new Error('bundle: no dynamic import was rerouted through import-module.cjs');
await writeFile(path.join(root, 'dist/cli/import-module.cjs'), "'use strict';\n// import() for the bundle (see scripts/bundle.mjs): here Node compiles the code, so import() works.\nmodule.exports = (specifier) => import(specifier);\n");
await writeFile(output.path, routed.code);
