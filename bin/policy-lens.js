#!/usr/bin/env node
// Thin shim: the compiled CLI does the work; this file only hands it the real process.
// `--version` alone is answered before the CLI (and commander) load: it is run often by scripts.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/cli/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  // Node 22.1+ keeps compiled code between runs (most of a one-document run's start-up is compiling the
  // parsers); older Node has no such cache and goes on as before.
  const { default: module } = await import('node:module');
  module.enableCompileCache?.();
  // A PDF is named: pdf.js's parser thread starts now and boots while the CLI loads.
  if (args.some((arg) => /\.pdf$/i.test(arg))) import('../dist/layout/pdf-engine.js').then((engine) => engine.prepareParserThread(), () => undefined);
  const { run } = await import('../dist/cli/run.js');
  const { realIo } = await import('../dist/cli/io.js');
  process.exitCode = await run(args, realIo());
}
