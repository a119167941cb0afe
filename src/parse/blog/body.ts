// Body of a blog post as readable lines with their source line: headings,
// list items and paragraphs. WordPress block comments (`<!-- wp:… -->`, which may
// span lines) and layout markup are dropped; HTML is reduced to text with cheerio,
// loaded only when the body has HTML.

import { createRequire } from 'node:module';
import type { SourceLine } from '../lines.js';

const require = createRequire(import.meta.url);

export interface BodyLine {
  line: SourceLine;
  text: string;
  /** Heading level 1–6. */
  heading?: number;
  listItem?: boolean;
}

type CheerioApi = {
  load(html: string, options?: unknown, isDocument?: boolean): CheerioRoot;
};
type CheerioRoot = ((selector: unknown) => CheerioSelection) & { root(): CheerioSelection };
interface CheerioSelection {
  text(): string;
  each(fn: (i: number, el: unknown) => void): void;
  remove(): void;
  length: number;
}

/** Blank out comments (keeping line breaks, so line numbers stay true). */
export function blankComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''));
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function htmlLines(lines: SourceLine[]): BodyLine[] {
  const cheerio = require('cheerio') as CheerioApi;
  const html = lines.map((l) => l.text).join('\n');
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true }, false);
  $('script, style, nav, footer, form, noscript').remove();
  const out: BodyLine[] = [];
  $('h1, h2, h3, h4, h5, h6, p, li, td, blockquote').each((_, el) => {
    const node = el as { tagName: string; sourceCodeLocation?: { startLine: number }; parent?: { tagName?: string } };
    if (node.tagName === 'p' && node.parent?.tagName === 'li') return;
    const text = clean($(el).text());
    if (!text) return;
    const lineNo = node.sourceCodeLocation?.startLine ?? 1;
    const line = lines[Math.min(lines.length - 1, lineNo - 1)]!;
    const h = /^h([1-6])$/.exec(node.tagName);
    out.push({ line, text, ...(h ? { heading: Number(h[1]) } : {}), ...(node.tagName === 'li' ? { listItem: true } : {}) });
  });
  return out;
}

export function bodyLines(lines: SourceLine[], isHtmlFile: boolean): BodyLine[] {
  const texts = blankComments(lines.map((l) => l.text).join('\n')).split('\n');
  const stripped = lines.map((l, i) => ({ ...l, text: texts[i] ?? '' }));
  const markdownish = stripped.some((l) => /^\s{0,3}(#{1,6}\s|\d+\.\s|[-*]\s)/.test(l.text));
  if (isHtmlFile || (!markdownish && stripped.some((l) => /<(p|h[1-6]|li|div)\b/i.test(l.text)))) return htmlLines(stripped);
  const out: BodyLine[] = [];
  let cheerio: CheerioApi | undefined;
  for (const line of stripped) {
    let text = line.text;
    if (/<[a-z/][^>]*>/i.test(text)) {
      cheerio ??= require('cheerio') as CheerioApi;
      text = cheerio.load(text, null, false).root().text();
    }
    text = text.trim();
    if (!text) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading) {
      out.push({ line, text: clean(heading[2]!.replace(/\*\*/g, '')), heading: heading[1]!.length });
      continue;
    }
    const item = /^(?:\d+[.)]|[-*•])\s+(.*)$/.exec(text);
    if (item) {
      out.push({ line, text: clean(item[1]!), listItem: true });
      continue;
    }
    out.push({ line, text: clean(text.replace(/\*\*/g, '')) });
  }
  return out;
}
