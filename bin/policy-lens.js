#!/usr/bin/env node
// Thin shim: the compiled CLI does the work; this file only hands it the real process.
// `--version` alone is answered before the CLI (and commander) load: it is run often by scripts.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/cli/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const cli = await loadCli();
  process.exitCode = await cli.run(args, cli.realIo());
}

/**
 * The CLI: the one-file bundle (`npm run build` makes it) compiled with a V8 code cache,
 * or, where the bundle is missing (a build by tsc alone), the ES modules of dist/.
 */
async function loadCli() {
  const { existsSync } = await import('node:fs');
  const bundle = new URL('../dist/cli/policy-lens.cjs', import.meta.url);
  if (existsSync(bundle)) {
    const { requireWithCodeCache } = await import('../dist/cli/code-cache.js');
    const { VERSION } = await import('../dist/cli/version.js');
    const { fileURLToPath } = await import('node:url');
    return requireWithCodeCache(fileURLToPath(bundle), { name: `policy-lens-${VERSION}`, disabled: process.env.POLICY_LENS_NO_CODE_CACHE !== undefined });
  }
  // Node 22.1+ keeps compiled code between runs; older Node has no such cache and goes on as before.
  const { default: module } = await import('node:module');
  module.enableCompileCache?.();
  const { run } = await import('../dist/cli/run.js');
  const { realIo } = await import('../dist/cli/io.js');
  return { run, realIo };
}
