// National implementation plan (시행계획). Filled in by the plan issue.
import { emptyDocument, type ParseResult } from '../../model/types.js';
import { stripMarkdown } from '../../extract/text.js';
import type { ParseInput } from '../lines.js';

export function parsePlan(input: ParseInput): ParseResult {
  const title = input.lines.map((l) => stripMarkdown(l.text)).find((t) => /시행\s*계획/.test(t)) ?? '(untitled plan)';
  return { document: emptyDocument(input.file, 'national-plan', title.trim()), diagnostics: [] };
}
