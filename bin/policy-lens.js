#!/usr/bin/env node
// Thin shim: the compiled CLI does the work; this file only hands it the real process.
// `--version` alone is answered before the CLI (and commander) load: it is run often by scripts.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/cli/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const cli = await loadCli();
  // A PDF is named: pdf.js's parser thread starts now and boots while the command gets going.
  if (args.some((arg) => /\.pdf$/i.test(arg))) cli.preparePdfEngine();
  process.exitCode = await cli.run(args, cli.realIo());
}

/**
 * One code cache per command: a cache holds the functions the run that wrote it compiled,
 * and a command's own (its readers, its renderer) load faster than another's or all of them.
 */
function cacheGroup(argv) {
  const commands = ['parse', 'programs', 'budget', 'yoy', 'targets', 'check', 'summary', 'report'];
  return commands.includes(argv[0]) ? argv[0] : 'other';
}

/**
 * The CLI: the one-file bundle (`npm run build` makes it) compiled with a V8 code cache,
 * or, where the bundle is missing or older than dist/ (a build by tsc alone), the ES modules of dist/.
 */
async function loadCli() {
  const { statSync } = await import('node:fs');
  const bundle = new URL('../dist/cli/policy-lens.cjs', import.meta.url);
  const built = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
  if ((built(bundle) ?? -Infinity) >= (built(new URL('../dist/cli/run.js', import.meta.url)) ?? Infinity)) {
    const { requireWithCodeCache } = await import('../dist/cli/code-cache.js');
    const { VERSION } = await import('../dist/cli/version.js');
    const { fileURLToPath } = await import('node:url');
    return requireWithCodeCache(fileURLToPath(bundle), { name: `policy-lens-${VERSION}-${cacheGroup(args)}`, disabled: process.env.POLICY_LENS_NO_CODE_CACHE !== undefined });
  }
  // Node 22.1+ keeps compiled code between runs; older Node has no such cache and goes on as before.
  const { default: module } = await import('node:module');
  module.enableCompileCache?.();
  const { run } = await import('../dist/cli/run.js');
  const { realIo } = await import('../dist/cli/io.js');
  const { preparePdfEngine } = await import('../dist/cli/pdf-setup.js');
  return { run, realIo, preparePdfEngine };
}
