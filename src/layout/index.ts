// One entry point from bytes to layout: picks the reader by extension and
// content. Unreadable input comes back as `{ error }` naming the reason.

import { normalizeText } from '../extract/text.js';
import { decodeBytes } from '../parse/decode.js';
import type { Layout } from './types.js';

export type LayoutResult = Layout | { error: string };

export function extensionOf(file: string): string {
  return (/\.([^./\\]+)$/.exec(file)?.[1] ?? '').toLowerCase();
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
}

export async function readLayout(file: string, bytes: Uint8Array): Promise<LayoutResult> {
  const extension = extensionOf(file);
  if (extension === 'pdf' || isPdf(bytes)) {
    const { readPdfLinesLayout } = await import('./pdf-lines.js');
    return readPdfLinesLayout(file, bytes);
  }
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) return decoded;
  if (decoded.text.trim() === '') return { error: 'empty file' };
  return readDecodedLayout(file, extension, normalizeText(decoded.text));
}

/** Layout of decoded text, by extension (HTML markup is also sniffed in text files). */
export async function readDecodedLayout(file: string, extension: string, text: string): Promise<Layout> {
  if (extension === 'html' || extension === 'htm' || (extension === 'txt' && /^\s*<(!doctype|html)\b/i.test(text))) {
    const { readHtmlLayout } = await import('./html.js');
    return readHtmlLayout(file, text);
  }
  const { readTextLayout } = await import('./text.js');
  const markdown = extension === 'md' || extension === 'markdown' || extension === 'mdx';
  return readTextLayout(file, text, { markdown });
}
