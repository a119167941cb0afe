// Blog post: Markdown, MDX or HTML with YAML, TOML or JSON front matter, or none
// (front-matter.ts, read from the raw text). The body's layout blocks come from
// the post layout (src/layout/post.ts: the shared reader's blocks, or the post
// reader's for PDFs, HTML-in-Markdown and plain-text posts), and the
// programs come from its structure (structure.ts): the title names the program
// the post describes, headings are its sections or name further programs, and
// related-post lists name programs only mentioned. Line numbers count from the
// top of the file, front matter included.

import { emptyDocument, type ParseResult } from '../../model/types.js';
import type { ParseInput } from '../input.js';
import { isoDateTime, readFrontMatter } from './front-matter.js';
import { HASHTAG_LINE } from '../../layout/post.js';
import { readPrograms } from './structure.js';
import { cleanText } from '../../layout/clean.js';

export { readDeadline, readPeriod, readAmounts } from './structure.js';
export { readHeading, cleanProgramName } from './headings.js';

/** `#청년 #월세지원` lines of the body (Naver-blog habit) as tags. */
function hashtags(bodyLines: string[]): string[] {
  const out: string[] = [];
  for (const line of bodyLines) {
    if (!HASHTAG_LINE.test(line)) continue;
    for (const m of line.trim().matchAll(/#([^\s#]+)/g)) if (!out.includes(m[1]!)) out.push(cleanText(m[1]!));
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

export function parseBlogPost(input: ParseInput): ParseResult {
  const raw = input.text;
  const fm = readFrontMatter(raw);
  // The post's layout (src/layout/post.ts): its body only, without hashtag or MDX module lines.
  const blocks = input.layout.blocks;
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
  const tags = fm.tags.length ? fm.tags : hashtags(raw.split('\n').slice(fm.bodyStartLine - 1));
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
