// Parser registry and kind detection. Bytes in, `{ document, diagnostics }` out;
// unreadable input comes back as `{ error }` naming the reason. Never throws for
// bad input, never prints.

import { DOCUMENT_KINDS, type DocumentKind, type ParseResult } from '../model/types.js';
import { normalizeText } from '../extract/text.js';
import { decodeBytes } from './decode.js';
import { textLines, type ParseInput, type SourceLine } from './lines.js';
export type Parser = (input: ParseInput) => Promise<ParseResult> | ParseResult;

/** Each kind's parser, loaded on first use (a run over blog posts never loads the plan parser). */
export const parsers = {
  'blog-post': async () => (await import('./blog/index.js')).parseBlogPost,
  'national-plan': async () => (await import('./plan/index.js')).parsePlan,
  'regional-report': async () => (await import('./report/index.js')).parseReport,
} satisfies Record<DocumentKind, () => Promise<Parser>>;

export { SUPPORTED_EXTENSIONS } from './extensions.js';

/** Content cues per kind; the kind with the highest score wins if it scores at all. */
const CUES: Record<DocumentKind, RegExp[]> = {
  'blog-post': [/^---\s*\n[\s\S]*?\n---/, /<!--\s*wp:/, /^\s*(post_title|post_date|title)\s*:/m, /<(html|article|body)\b/i],
  'national-plan': [/시행\s*계획/, /촉진\s*계획|기본\s*계획|종합\s*계획/, /[[【]\s*전략\s*\d/, /추진\s*실적/, /추진\s*일정/, /중점\s*추진/],
  'regional-report': [/예산\s*집행\s*현황/, /주요\s*업무\s*추진\s*상황/, /현안\s*사업/, /집\s*행\s*[률율]/, /신규\s*사업\s*확보/, /정\s*원\s*\/?\s*현\s*원/],
};

export function detectKind(text: string): DocumentKind | undefined {
  let best: DocumentKind | undefined;
  let bestScore = 0;
  for (const kind of DOCUMENT_KINDS) {
    const score = CUES[kind].reduce((s, re) => s + (re.test(text) ? 1 : 0), 0);
    // Front matter or WordPress markup is decisive for a blog post.
    const weighted = kind === 'blog-post' && score > 0 && (CUES[kind][0]!.test(text) || CUES[kind][1]!.test(text)) ? score + 3 : score;
    if (weighted > bestScore) {
      best = kind;
      bestScore = weighted;
    }
  }
  return bestScore >= 2 ? best : undefined;
}

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export type LoadResult = ParseResult | { error: string };

export interface LoadOptions {
  kind?: DocumentKind;
  /** Use `kind` only for a file whose kind the content does not tell (else it forces the kind). */
  kindAsFallback?: boolean;
}

/** Decode (or read the PDF), detect the kind, run its parser. */
export async function parseBytes(file: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  const extension = (/\.([^./\\]+)$/.exec(file)?.[1] ?? '').toLowerCase();
  let lines: SourceLine[];
  let origin: ParseInput['origin'] = extension === 'html' || extension === 'htm' ? 'html' : 'text';
  if (extension === 'pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    const { readPdf } = await import('./pdf.js');
    const pdf = await readPdf(bytes);
    if ('error' in pdf) return pdf;
    lines = pdf.lines.map((l, i) => ({ n: i + 1, text: l.text, page: l.page, items: l.items, y: l.y }));
    origin = 'pdf';
  } else {
    const decoded = decodeBytes(bytes);
    if ('error' in decoded) return decoded;
    if (decoded.text.trim() === '') return { error: 'empty file' };
    lines = textLines(normalizeText(decoded.text));
  }
  const whole = lines.map((l) => l.text).join('\n');
  const kind = options.kindAsFallback ? (detectKind(whole) ?? options.kind) : (options.kind ?? detectKind(whole));
  if (!kind) return { error: 'unknown document kind (not a blog post, national plan or regional report; use --kind to force one)' };
  if (origin === 'html' && kind !== 'blog-post') {
    // Plans and reports exported as HTML: tables to tab rows, headings to `##` lines.
    const { htmlToLines } = await import('./html.js');
    lines = htmlToLines(lines);
    origin = 'text';
  }
  try {
    const parser = await parsers[kind]();
    return await parser({ file, lines, origin, extension });
  } catch (error) {
    // A parser bug must not take the other files down; the message names it as such.
    return { error: `internal parser error (${(error as Error).message ?? String(error)})` };
  }
}
