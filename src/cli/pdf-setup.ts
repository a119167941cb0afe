// The PDF engine's set-up that belongs to the CLI: where pdf.js's compiled code is kept
// between runs (the same private folder as the CLI's own code cache; none with
// POLICY_LENS_NO_CODE_CACHE), and starting its parser thread early when a PDF is named.

import { prepareParserThread, usePdfCodeCache } from '../layout/pdf-engine.js';
import { userCacheDir } from './code-cache.js';

let configured = false;

/** Once per thread, before the first PDF is read. */
export function configurePdfEngine(): void {
  if (configured) return;
  configured = true;
  try {
    usePdfCodeCache(process.env.POLICY_LENS_NO_CODE_CACHE === undefined ? userCacheDir() : undefined);
  } catch {
    // No private folder to be had: pdf.js is compiled on every run, as without a cache.
  }
}

/** Configure, and start pdf.js's parser thread so that it boots while the CLI is still loading. */
export function preparePdfEngine(): void {
  configurePdfEngine();
  prepareParserThread();
}
