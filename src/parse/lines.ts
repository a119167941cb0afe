// Numbered lines of decoded text, each able to say where it came from (file,
// 1-based line, PDF page): what the blog reader reads (front matter, hashtags,
// posts its own block reader splits). The plan and report kinds read layout blocks only.

import type { Source } from '../model/types.js';
import { stripMarkdown } from '../extract/text.js';
import type { PdfItem } from '../layout/pdf-text.js';
import type { Layout } from '../layout/types.js';

export interface SourceLine {
  /** 1-based line number in the text the parser read. */
  n: number;
  text: string;
  page?: number;
  /** PDF items with coordinates, when the line came from a PDF. */
  items?: PdfItem[];
  y?: number;
  /** PDF: left edge that wrapped continuation lines of this line start at. */
  contX?: number;
  /** The trimmed text, computed once by sourceOf. */
  trimmed?: string;
  /** The text without Markdown marks, computed once by plainText. */
  plain?: string;
}

export interface ParseInput {
  file: string;
  lines: SourceLine[];
  /** `pdf` when lines were rebuilt from a PDF's text layer. */
  origin: 'text' | 'pdf' | 'html';
  /** Extension, lower-case without dot. */
  extension: string;
  /** The document's layout blocks, when the loader read them (parsers that read blocks use it). */
  layout?: Layout;
}

export function sourceOf(file: string, line: SourceLine): Source {
  // One trimmed string per line, shared by every figure read from it (a report
  // holds thousands of figures; copies of their lines would dominate memory).
  const text = (line.trimmed ??= line.text.trim());
  const source: Source = { file, line: line.n, text };
  if (line.page !== undefined) source.page = line.page;
  return source;
}

export function textLines(text: string): SourceLine[] {
  return text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
}

/** A line's text without Markdown marks, computed once however many readers ask. */
export function plainText(line: SourceLine): string {
  return (line.plain ??= stripMarkdown(line.text));
}
