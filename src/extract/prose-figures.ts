// One entry point for everything read from prose blocks: claims, series and
// targets, with their diagnostics. For the kind parsers (and `document`, the
// generic kind) to call on a layout. Pure.

import type { Claim, Diagnostic, Series, Target } from '../model/types.js';
import type { Block, Layout } from '../layout/types.js';
import { extractClaims } from './claims.js';
import { extractProseSeries } from './prose-series.js';
import { extractProseTargets } from './prose-targets.js';

export interface ProseFiguresOptions {
  /** The document's year (`2024년도 … 추진실적` → 2024): for 전년/금년 labels. */
  year?: string;
  /** Target year for targets that name none (a plan's horizon end). */
  targetYear?: string;
}

export interface ProseFigures {
  claims: Claim[];
  series: Series[];
  targets: Target[];
  diagnostics: Diagnostic[];
}

export function extractProseFigures(input: Layout | Block[], options: ProseFiguresOptions = {}): ProseFigures {
  const blocks = Array.isArray(input) ? input : input.blocks;
  const claims = extractClaims(blocks);
  const series = extractProseSeries(blocks, options.year ? { year: options.year } : {});
  const targets = extractProseTargets(blocks, options.targetYear ? { targetYear: options.targetYear } : {});
  return {
    claims: claims.claims,
    series: series.series,
    targets: targets.targets,
    diagnostics: [...claims.diagnostics, ...series.diagnostics, ...targets.diagnostics],
  };
}
