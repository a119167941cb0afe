// Blog post: Markdown, MDX or HTML with YAML, TOML or JSON front matter, or none
// (front-matter.ts). The body's layout blocks come from the shared layout reader
// (src/layout), or from blocks.ts for HTML-in-Markdown and plain-text posts, and the
// programs come from its structure (structure.ts): the title names the program
// the post describes, headings are its sections or name further programs, and
// related-post lists name programs only mentioned. Line numbers count from the
// top of the file, front matter included.

import { emptyDocument, type ParseResult } from '../../model/types.js';
import type { ParseInput, SourceLine } from '../lines.js';
import { isoDateTime, readFrontMatter } from './front-matter.js';
import { bodyBlocks, needsBlogReader } from '../../layout/post.js';
import type { Block } from '../../layout/types.js';
import { readPrograms } from './structure.js';
import { cleanText } from '../../layout/clean.js';

export { readDeadline, readPeriod, readAmounts } from './structure.js';
export { readHeading, cleanProgramName } from './headings.js';

/** `#청년 #월세지원` lines at the end of a plain post (Naver-blog habit) as tags. */
function hashtags(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!/^(#[^\s#]+\s*){2,}$/.test(t)) continue;
    for (const m of t.matchAll(/#([^\s#]+)/g)) if (!out.includes(m[1]!)) out.push(cleanText(m[1]!));
  }
  return out;
}

/**
 * Metadata an HTML page carries instead of front matter: the publication time
 * (`<meta property="article:published_time">`, the first `<time datetime>`) and
 * WordPress theme taxonomy links (`rel="category tag"`, `rel="tag"`).
 */
export function htmlMeta(html: string): { date?: string; categories: string[]; tags: string[] } {
  const out: { date?: string; categories: string[]; tags: string[] } = { categories: [], tags: [] };
  const published = /<meta[^>]+property=["']article:published_time["'][^>]+content=["']([^"']+)["']/i.exec(html) ?? /<time[^>]+datetime=["']([^"']+)["']/i.exec(html);
  const date = published ? isoDateTime(published[1]) : undefined;
  if (date) out.date = date;
  for (const m of html.matchAll(/<a\b[^>]*\brel=["']([^"']*\btag\b[^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    const list = /\bcategory\b/.test(m[1]!) ? out.categories : out.tags;
    const name = cleanText(m[2]!);
    if (name && !list.includes(name)) list.push(name);
  }
  return out;
}

const HASHTAGS = /^\s*(#[^\s#]+\s*){2,}$/;

/**
 * The body's blocks: the shared layout when the loader read one and it suits the
 * post, else this folder's blog reader. Module lines of MDX (`import …`) and
 * hashtag lines are not text of the post.
 */
function postBlocks(input: ParseInput, bodyLines: SourceLine[], bodyStartLine: number, tagLines: SourceLine[]): Block[] {
  const layout = input.layout;
  const own = !layout || layout.format === 'pdf' || (input.origin !== 'html' && needsBlogReader(bodyLines.map((l) => l.text)));
  if (own) return bodyBlocks(input.file, bodyLines.filter((l) => !tagLines.includes(l)), { html: input.origin === 'html' });
  const tagged = new Set(tagLines.map((l) => l.n));
  return layout.blocks.filter(
    (b) => b.source.line >= bodyStartLine && !tagged.has(b.source.line) && !(b.type === 'paragraph' && /^(import|export)\s[^\n]*(from\s|=)/.test(b.text)),
  );
}

export function parseBlogPost(input: ParseInput): ParseResult {
  const raw = input.lines.map((l) => l.text).join('\n');
  const fm = readFrontMatter(raw);
  const bodyLines = input.lines.slice(fm.bodyStartLine - 1);
  const tagLines = bodyLines.filter((l) => HASHTAGS.test(l.text));
  const blocks = postBlocks(input, bodyLines, fm.bodyStartLine, tagLines);
  const firstHeading = blocks.find((b) => b.type === 'heading' && b.level === 1);
  const titleFromBody = firstHeading?.type === 'heading' ? firstHeading.text : undefined;
  const title = fm.title ?? titleFromBody ?? '(untitled post)';
  const doc = emptyDocument(input.file, 'blog-post', title);
  if (input.origin === 'html') {
    const meta = htmlMeta(raw);
    if (!fm.date && meta.date) fm.date = meta.date;
    if (!fm.categories.length) fm.categories = meta.categories;
    if (!fm.tags.length) fm.tags = meta.tags;
  }
  if (fm.date) doc.date = fm.date;
  if (fm.status) doc.meta.status = fm.status;
  if (fm.excerpt) doc.meta.excerpt = fm.excerpt;
  if (fm.categories.length) doc.meta.categories = fm.categories;
  const tags = fm.tags.length ? fm.tags : hashtags(tagLines.map((l) => l.text));
  if (tags.length) doc.meta.tags = tags;
  if (fm.featuredImage) doc.meta.featuredImage = fm.featuredImage;
  if (fm.slug) doc.meta.slug = fm.slug;
  if (fm.updated) doc.meta.updated = fm.updated;
  if (fm.draft !== undefined) doc.meta.draft = fm.draft;
  doc.programs = readPrograms({
    title,
    titled: Boolean(fm.title ?? titleFromBody),
    blocks,
    ...(fm.categories[0] ? { group: fm.categories[0] } : {}),
  });
  return { document: doc, diagnostics: fm.diagnostics.map((message) => ({ severity: 'warning', code: 'front-matter', message })) };
}
