// Blog post. Filled in by the blog issue.
import { emptyDocument, type ParseResult } from '../../model/types.js';
import type { ParseInput } from '../lines.js';

export function parseBlogPost(input: ParseInput): ParseResult {
  const title = /^title:\s*'?(.*?)'?\s*$/m.exec(input.lines.map((l) => l.text).join('\n'))?.[1] ?? '(untitled post)';
  return { document: emptyDocument(input.file, 'blog-post', title), diagnostics: [] };
}
