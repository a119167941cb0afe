// Parser registry and kind detection. Bytes in, `{ document, diagnostics }` out;
// unreadable input comes back as `{ error }` naming the reason. Never throws for
// bad input, never prints.

import type { DocumentKind, ParseResult } from '../model/types.js';
import type { Layout } from '../layout/types.js';
import { detectKindOf, viewOf, type KindDecision } from '../kinds/sniff.js';
import { normalizeText } from '../extract/text.js';
import { decodeBytes } from '../layout/decode.js';
import { withTextMemo } from '../extract/memo.js';
import type { NumberedLine } from '../layout/post.js';
import type { ParseInput } from './input.js';
export type Parser = (input: ParseInput) => ParseResult;

/** Each kind's parser, loaded on first use (a run over blog posts never loads the plan parser). */
export const parsers = {
  'blog-post': async () => (await import('./blog/index.js')).parseBlogPost,
  // Read from layout blocks only: head, meta, goal targets, programs, and the figures of its outline.
  'national-plan': async () => {
    const { parsePlan } = await import('../kinds/plan.js');
    return (input: ParseInput) => parsePlan(input.layout);
  },
  // Read from layout blocks only: head, staff table, activities, project descriptions and lists.
  'regional-report': async () => {
    const { parseReportLayout } = await import('../kinds/report.js');
    return (input: ParseInput) => parseReportLayout(input.layout);
  },
} satisfies Record<Exclude<DocumentKind, 'document'>, () => Promise<Parser>>;

export { SUPPORTED_EXTENSIONS } from './extensions.js';

export type LoadResult = ParseResult | { error: string };

export interface LoadOptions {
  kind?: DocumentKind;
  /** Use `kind` only for a file whose kind the content does not tell (else it forces the kind). */
  kindAsFallback?: boolean;
}

/** The kind of a document from its layout (and raw text, for front matter and markup). */
export function detectKind(layout: Layout, rawText = ''): KindDecision {
  return detectKindOf(viewOf(layout, rawText));
}

/** A blog post's parser input: its post layout, and the text its lines print (front matter, meta, hashtags). */
async function postInput(file: string, lines: NumberedLine[], origin: ParseInput['origin'], extension: string, shared: Layout, rawText: string): Promise<ParseInput> {
  const { readPostLayout } = await import('../layout/post.js');
  const layout = readPostLayout(shared, lines, { html: origin === 'html' });
  // The lines of a text file (or of a 한글 document's printed text) are its raw text split at line ends: joined, they are that text.
  return { file, text: origin === 'pdf' ? lines.map((l) => l.text).join('\n') : rawText, origin, extension, layout };
}

/**
 * The decoded, normalized text of a text file. A function of its own: the decoded text
 * (before normalizing) is a second copy of the file, and a local of the async reader
 * below would be kept alive across its awaits, as long as the whole parse.
 */
function normalizedTextOf(bytes: Uint8Array): string | { error: string } {
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) return decoded;
  if (decoded.text.trim() === '') return { error: 'empty file' };
  return normalizeText(decoded.text);
}

/** Decode (or read the PDF), read the layout, detect the kind, run every extractor and the kind's own reader. */
export async function parseBytes(file: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadResult> {
  const extension = (/\.([^./\\]+)$/.exec(file)?.[1] ?? '').toLowerCase();
  // The numbered lines of the text the layout was read from, for a blog post's own layout (src/layout/post.ts).
  let lines: () => NumberedLine[];
  let layout: Layout;
  let rawText = '';
  let origin: ParseInput['origin'] = extension === 'html' || extension === 'htm' ? 'html' : 'text';
  if (extension === 'hwpx' || extension === 'hwp') {
    // 한글 documents are read straight into a layout; printed as text, it serves kind detection and posts.
    const { readLayout } = await import('../layout/index.js');
    const read = await readLayout(file, bytes);
    if ('error' in read) return read;
    layout = read;
    const { printedLines } = await import('../layout/printed.js');
    const printed = printedLines(layout);
    lines = () => printed;
    rawText = printed.map((l) => l.text).join('\n');
  } else if (extension === 'pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    // One load of the PDF gives both the text layer's lines (for a post's own layout) and the layout.
    const { readPdfWithLayout } = await import('../layout/pdf.js');
    const read = await readPdfWithLayout(file, bytes);
    if ('error' in read) return read;
    layout = read.layout;
    lines = () => read.text.lines.map((l, i) => ({ n: i + 1, text: l.text, page: l.page }));
    origin = 'pdf';
  } else {
    const text = normalizedTextOf(bytes);
    if (typeof text !== 'string') return text;
    rawText = text;
    lines = () => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
    const { readDecodedLayout } = await import('../layout/index.js');
    layout = await readDecodedLayout(file, extension, rawText);
  }
  const decision = options.kind && !options.kindAsFallback ? undefined : detectKind(layout, rawText);
  let kind: DocumentKind = decision?.kind ?? options.kind ?? 'document';
  if (options.kindAsFallback && options.kind && decision?.kind === 'document') kind = options.kind;
  const reasons = decision && decision.kind === kind ? decision.reasons : [`forced with --kind ${kind}`];
  try {
    let result: ParseResult;
    if (kind === 'document') {
      const { parseGenericDocument } = await import('../kinds/document.js');
      result = parseGenericDocument(layout);
    } else {
      const parser = await parsers[kind]();
      const { enrich, missingBudgetTable } = await import('../kinds/enrich.js');
      const input: ParseInput = kind === 'blog-post' ? await postInput(file, lines(), origin, extension, layout, rawText) : { file, text: rawText, origin, extension, layout };
      // One text memo for the kind's reader and the extractors: they read the same lines and sentences.
      result = withTextMemo(() => {
        const read = parser(input);
        // The report kind reads no prose claims of its own any more (growth claims are the extractors').
        enrich(read, layout);
        if (kind === 'regional-report') missingBudgetTable(read, layout);
        return read;
      });
    }
    result.document.kindReasons = reasons;
    const { summarizeTables } = await import('../kinds/tables-summary.js');
    const tables = summarizeTables(layout);
    if (tables.length) result.document.meta.tables = tables;
    return result;
  } catch (error) {
    // A parser bug must not take the other files down; the message names it as such.
    return { error: `internal parser error (${(error as Error).message ?? String(error)})` };
  }
}
