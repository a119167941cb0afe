// The post reader: the body of a blog post as layout blocks (types.ts), for the posts
// the shared layout reader (src/layout/text.ts) does not read as a blog means
// them (see needsBlogReader): headings with
// their level, paragraphs, list items with marker and depth, notes (`>`, `※`)
// and pipe tables. Markdown and MDX are read line by line; MDX `import`/`export`
// lines and JSX tags are markup (a component with an `href`, such as
// `<LinkButton href="…" label="…" />`, becomes a paragraph holding a Markdown
// link, so the link stays in its place); HTML bodies (WordPress exports) are read
// with cheerio. Plain-text posts (Naver-blog style) mark headings with `■ ◆ 【 】`
// or a whole line in brackets. Block texts keep inline Markdown (`**`, links);
// readers clean them with cleanText. Line numbers count from the top of the file.

import { createRequire } from 'node:module';
import type { Source } from '../model/types.js';
import type { Block, Layout, ListItemBlock, TableBlock } from './types.js';
import { plainRow } from './types.js';
import { cleanText, decodeEntitiesTwice } from './clean.js';

const require = createRequire(import.meta.url);

/** A numbered line of the text a layout was read from (PDF text-layer lines keep their page). */
export interface NumberedLine {
  /** 1-based line number in the text read. */
  n: number;
  text: string;
  page?: number;
}

function sourceOf(file: string, line: NumberedLine): Source {
  const source: Source = { file, line: line.n, text: line.text.trim() };
  if (line.page !== undefined) source.page = line.page;
  return source;
}

/** Blank out comments (keeping line breaks, so line numbers stay true). */
export function blankComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ''));
}

const LIST_ITEM = /^(\s*)([-*+•·▪◦○●◎▶▷►✔✓☑]|\d{1,2}[.)]|\(\d{1,2}\)|[①-⑳]|[가-하][.)])\s+(.+)$/;
const PLAIN_HEADING = /^\s*(?:[■◆◇□▣★☆✅📌📍🔎💡]\s*(.+?)|【\s*(.+?)\s*】|\[\s*([^\]]{2,40}?)\s*\]|<\s*([^<>]{2,40}?)\s*>)\s*$/u;

/** Attributes of a JSX/HTML tag: `href="…"`, `label='…'`, `text={"…"}`. */
export function tagAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g)) {
    out[m[1]!] = decodeEntitiesTwice(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** A component or anchor with an href as a Markdown link; undefined when it links nowhere. */
function tagAsLink(tag: string, inner = ''): string | undefined {
  const a = tagAttributes(tag);
  const href = a.href ?? a.url ?? a.link ?? a.to;
  if (!href) return undefined;
  const text = cleanText(a.label ?? a.text ?? a.title ?? a.children ?? inner) || href;
  return `[${text}](${href})`;
}

/** HTML anchors inside a Markdown line become Markdown links, so their targets survive tag stripping. */
function anchorsToMarkdown(line: string): string {
  return line.replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi, (_whole, attrs: string, inner: string) => tagAsLink(`<a ${attrs}>`, inner) ?? inner);
}

function isTableLine(text: string): boolean {
  return /^\s*\|.*\|\s*$/.test(text);
}

function tableCells(text: string): string[] {
  return text.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => cleanText(c.replace(/\\\|/g, '|')));
}

function isSeparatorRow(text: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(text);
}

export interface BodyOptions {
  /** The file is HTML (read the whole body with cheerio). */
  html: boolean;
}

/**
 * Whether a post body needs this blog reader rather than the shared layout
 * reader: HTML markup without Markdown (WordPress exports keep `<h2>`, `<ol>` in
 * a .md file), or plain text that marks its headings with `■ 【 】 [ ]` (blog
 * habit; in government documents `■` starts a list item instead).
 */
export function needsBlogReader(lines: string[]): boolean {
  // Without a comment opening in any line (and no line holding a break) the lines are their own blanked text.
  const texts = lines.some((l) => l.includes('<!--') || l.includes('\n')) ? blankComments(lines.join('\n')).split('\n') : lines;
  if (looksLikeHtml(texts)) return true;
  const hasMarkdownHeadings = texts.some((l) => /^\s{0,3}#{1,6}\s/.test(l));
  return !hasMarkdownHeadings && texts.filter((l) => PLAIN_HEADING.test(l)).length >= 2;
}

/** Whether a body is HTML markup rather than Markdown with a few tags. */
function looksLikeHtml(lines: string[]): boolean {
  const markdownish = lines.some((l) => /^\s{0,3}(#{1,6}\s|\d+\.\s|[-*]\s|\|)/.test(l));
  return !markdownish && lines.some((l) => /<(p|h[1-6]|li|div|table)\b/i.test(l));
}

export function bodyBlocks(file: string, lines: NumberedLine[], options: BodyOptions): Block[] {
  const texts = blankComments(lines.map((l) => l.text).join('\n')).split('\n');
  const stripped = lines.map((l, i) => ({ ...l, text: texts[i] ?? '' }));
  if (options.html || looksLikeHtml(texts)) return htmlBlocks(file, stripped);
  return markdownBlocks(file, stripped);
}

function markdownBlocks(file: string, lines: NumberedLine[]): Block[] {
  const blocks: Block[] = [];
  const hasMarkdownHeadings = lines.some((l) => /^\s{0,3}#{1,6}\s/.test(l.text));
  const indents: number[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const raw = line.text;
    const source = sourceOf(file, line);
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence || !raw.trim()) continue;
    // MDX: module lines are code, not text.
    if (/^(import|export)\s/.test(raw)) continue;
    // A JSX component (capitalised tag), possibly over several lines.
    if (/^\s*<[A-Z]/.test(raw)) {
      let tag = raw;
      while (!/\/?>\s*$/.test(tag) && i + 1 < lines.length) tag += ' ' + lines[++i]!.text;
      const link = tagAsLink(tag.slice(0, tag.indexOf('>') + 1) || tag);
      if (link) blocks.push({ type: 'paragraph', text: link, source });
      continue;
    }
    if (/^\s*<\/[A-Z]/.test(raw)) continue;
    if (isTableLine(raw)) {
      const rows: string[] = [];
      const sources: NumberedLine[] = [];
      while (i < lines.length && isTableLine(lines[i]!.text)) {
        rows.push(lines[i]!.text);
        sources.push(lines[i]!);
        i++;
      }
      i--;
      const table: TableBlock = { type: 'table', headerRows: 0, rows: [], source };
      rows.forEach((r, k) => {
        if (isSeparatorRow(r)) {
          if (k === 1) table.headerRows = 1;
          return;
        }
        table.rows.push(plainRow(tableCells(r), sourceOf(file, sources[k]!)));
      });
      blocks.push(table);
      continue;
    }
    const text = anchorsToMarkdown(raw);
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, text: cleanText(heading[2]!), source });
      indents.length = 0;
      continue;
    }
    if (!hasMarkdownHeadings) {
      const plain = PLAIN_HEADING.exec(text);
      const headingText = plain && cleanText(plain[1] ?? plain[2] ?? plain[3] ?? plain[4] ?? '');
      if (headingText && [...headingText].length <= 40) {
        blocks.push({ type: 'heading', level: 2, text: headingText, source });
        indents.length = 0;
        continue;
      }
    }
    const note = /^\s*(>|※|\*\s*주\)|주\))\s*(.*)$/.exec(text);
    if (note) {
      const body = stripTagsKeepLinks(note[2]!);
      if (cleanText(body)) blocks.push({ type: 'note', marker: note[1]!, text: body.trim(), source });
      continue;
    }
    const item = LIST_ITEM.exec(text);
    if (item) {
      const indent = item[1]!.replace(/\t/g, '    ').length;
      while (indents.length && indents[indents.length - 1]! > indent) indents.pop();
      if (!indents.length || indents[indents.length - 1]! < indent) indents.push(indent);
      const body = stripTagsKeepLinks(item[3]!);
      if (cleanText(body)) {
        const block: ListItemBlock = { type: 'list-item', marker: item[2]!, depth: indents.length - 1, text: body.trim(), source };
        blocks.push(block);
      }
      continue;
    }
    indents.length = 0;
    const body = stripTagsKeepLinks(text).trim();
    if (cleanText(body)) blocks.push({ type: 'paragraph', text: body, source });
  }
  return blocks;
}

/** HTML tags dropped and entities decoded, Markdown (links, emphasis) kept for the reader. */
function stripTagsKeepLinks(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return decodeEntitiesTwice(text.replace(/<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g, ' ')).replace(/<\/?[A-Za-z][^<>]*>/g, ' ').replace(/[ \t]+/g, ' ');
}

type CheerioApi = { load(html: string, options?: unknown, isDocument?: boolean): CheerioRoot };
type CheerioRoot = ((selector: unknown) => CheerioSelection) & { root(): CheerioSelection };
interface CheerioNode {
  tagName: string;
  sourceCodeLocation?: { startLine: number };
  parent?: CheerioNode;
}
interface CheerioSelection {
  text(): string;
  attr(name: string): string | undefined;
  each(fn: (i: number, el: CheerioNode) => void): void;
  find(selector: string): CheerioSelection;
  first(): CheerioSelection;
  parents(selector: string): CheerioSelection;
  index(): number;
  replaceWith(content: string): void;
  remove(): void;
  length: number;
}

function htmlBlocks(file: string, lines: NumberedLine[]): Block[] {
  const cheerio = require('cheerio') as CheerioApi;
  const $ = cheerio.load(lines.map((l) => l.text).join('\n'), { sourceCodeLocationInfo: true }, false);
  $('script, style, nav, footer, form, noscript').remove();
  const at = (node: CheerioNode) => sourceOf(file, lines[Math.min(lines.length - 1, (node.sourceCodeLocation?.startLine ?? 1) - 1)]!);
  const blocks: Block[] = [];
  // Anchors keep their target as a Markdown link.
  $('a[href]').each((_, el) => {
    const a = $(el);
    a.replaceWith(`[${cleanText(a.text()) || a.attr('href')}](${a.attr('href')})`);
  });
  $('h1, h2, h3, h4, h5, h6, p, li, blockquote, table').each((_, el) => {
    const node = el as CheerioNode;
    const tag = node.tagName.toLowerCase();
    // Text inside a list item, table or quote belongs to that block (nested list items are their own).
    if (tag !== 'table' && $(el).parents(tag === 'li' ? 'table, blockquote' : 'li, table, blockquote').length > 0) return;
    const source = at(node);
    if (tag === 'table') {
      const table: TableBlock = { type: 'table', headerRows: $(el).find('thead tr').length, rows: [], source };
      $(el)
        .find('tr')
        .each((__, tr) => {
          const cells: string[] = [];
          $(tr)
            .find('th, td')
            .each((___, td) => void cells.push(cleanText($(td).text())));
          table.rows.push(plainRow(cells, at(tr)));
        });
      if (!table.headerRows && $(el).find('tr').first().find('th').length) table.headerRows = 1;
      blocks.push(table);
      return;
    }
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (!cleanText(text)) return;
    const h = /^h([1-6])$/.exec(tag);
    if (h) blocks.push({ type: 'heading', level: Number(h[1]), text: cleanText(text), source });
    else if (tag === 'li') {
      const ordered = node.parent?.tagName?.toLowerCase() === 'ol';
      const depth = Math.max(0, $(el).parents('ul, ol').length - 1);
      blocks.push({ type: 'list-item', marker: ordered ? `${$(el).index() + 1}.` : '-', depth, text, source });
    } else if (tag === 'blockquote') blocks.push({ type: 'note', marker: '>', text, source });
    else blocks.push({ type: 'paragraph', text, source });
  });
  return blocks;
}

/**
 * The front matter at the top of a post, by its fences: TOML between `+++`
 * lines, YAML between `---` (or `---json`) and `---`/`...`, or a JSON object
 * from `{` to a `}` line. `end` is the 0-based index of the closing line.
 */
export function frontMatterBlock(lines: string[]): { fence: '+++' | '---' | '{'; first: string; end: number } | undefined {
  const first = lines[0]?.replace(/^\ufeff/, '').trim() ?? '';
  if (first === '+++') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '+++');
    if (end > 0) return { fence: '+++', first, end };
  }
  if (first.startsWith('---')) {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) return { fence: '---', first, end };
  }
  if (first === '{') {
    const end = lines.findIndex((l) => l.trim() === '}');
    if (end > 0) return { fence: '{', first, end };
  }
  return undefined;
}

/** The 1-based line the body starts at: after the front matter (a JSON object only when it parses), else 1. */
export function bodyStartLine(text: string): number {
  return bodyStartOf(text.split('\n'));
}

/** `bodyStartLine` of the text these lines make (each line without a break of its own). */
function bodyStartOf(lines: string[]): number {
  const block = frontMatterBlock(lines);
  if (!block) return 1;
  if (block.fence === '{') {
    try {
      JSON.parse(lines.slice(0, block.end + 1).join('\n'));
    } catch {
      return 1;
    }
  }
  return block.end + 2;
}

/** `#청년 #월세지원` on a line of its own (Naver-blog habit): tags, not text of the post. */
export const HASHTAG_LINE = /^\s*(#[^\s#]+\s*){2,}$/;

const MODULE_LINE = /^(import|export)\s[^\n]*(from\s|=)/;

/**
 * The layout a blog post's body is read from: the post reader's blocks for a
 * PDF's text lines and for bodies the shared reader does not read as a post
 * means them (needsBlogReader), else the shared layout's blocks. Either way
 * the front matter, hashtag lines and MDX module lines are left out.
 * `lines` are the numbered lines of the text the shared layout was read from.
 */
export function readPostLayout(shared: Layout, lines: NumberedLine[], options: BodyOptions): Layout {
  const texts = lines.map((l) => l.text);
  // Lines read from a text are its lines as they are; only a line holding a break (if a reader gave one) needs the text split again.
  const start = texts.some((t) => t.includes('\n')) ? bodyStartLine(texts.join('\n')) : bodyStartOf(texts);
  const body = lines.slice(start - 1);
  const tagLines = body.filter((l) => HASHTAG_LINE.test(l.text));
  const own = shared.format === 'pdf' || (!options.html && needsBlogReader(body.map((l) => l.text)));
  if (own) return { ...shared, blocks: bodyBlocks(shared.file, body.filter((l) => !tagLines.includes(l)), options) };
  const tagged = new Set(tagLines.map((l) => l.n));
  return { ...shared, blocks: shared.blocks.filter((b) => b.source.line >= start && !tagged.has(b.source.line) && !(b.type === 'paragraph' && MODULE_LINE.test(b.text))) };
}
