// One entry point from bytes to layout: picks the reader by extension and
// content. Unreadable input comes back as `{ error }` naming the reason.

import { normalizeText } from '../extract/text.js';
import { decodeBytes } from './decode.js';
import type { Layout } from './types.js';

export type LayoutResult = Layout | { error: string };

export function extensionOf(file: string): string {
  return (/\.([^./\\]+)$/.exec(file)?.[1] ?? '').toLowerCase();
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
}

/** A zip archive (HWPX) or an OLE compound file (HWP 5.0), by its first bytes. */
export function containerKind(bytes: Uint8Array): 'zip' | 'ole' | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return undefined;
}

export async function readLayout(file: string, bytes: Uint8Array): Promise<LayoutResult> {
  const extension = extensionOf(file);
  // 한글 documents: by extension, or by content for a .hwp that is really HWPX and the reverse.
  if (extension === 'hwpx' || extension === 'hwp') {
    const container = containerKind(bytes);
    if (container === 'ole' || (extension === 'hwp' && container !== 'zip')) {
      const { readHwpLayout } = await import('./hwp.js');
      return readHwpLayout(file, bytes);
    }
    const { readHwpxLayout } = await import('./hwpx.js');
    return readHwpxLayout(file, bytes);
  }
  if (extension === 'pdf' || isPdf(bytes)) {
    const { readPdfLayout } = await import('./pdf.js');
    return readPdfLayout(file, bytes);
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
