// Front matter of a blog post: YAML (`---`, via gray-matter: nested keys, inline
// and block lists), JSON (`---json` or a leading `{…}` block), or TOML (`+++`:
// strings, numbers, booleans, bare dates, inline and multi-line arrays, `[tables]`).
// The keys of WordPress exports (post_title, post_date, taxonomy.category /
// taxonomy.post_tag), Hugo (date, lastmod, summary, draft, slug, [taxonomies]),
// Jekyll (categories as a list or a string, excerpt, last_modified_at) and Astro
// (pubDate, updatedDate, description, heroImage) are read into one shape; every
// text value is decoded and stripped of markup (src/layout/clean.ts), so no tag holds HTML.
// Returns the fields the model keeps and the 1-based line where the body starts.

import { createRequire } from 'node:module';
import { cleanText } from '../../layout/clean.js';
import { frontMatterBlock } from '../../layout/post.js';

const require = createRequire(import.meta.url);

export interface FrontMatter {
  title?: string;
  date?: string;
  updated?: string;
  status?: string;
  excerpt?: string;
  slug?: string;
  draft?: boolean;
  categories: string[];
  tags: string[];
  featuredImage?: string;
  bodyStartLine: number;
  diagnostics: string[];
}

type Data = Record<string, unknown>;

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return cleanText(v) || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/**
 * Clean, non-empty, distinct strings from a list, a comma-separated string, or
 * WordPress term objects (`{ name }`). Each item is decoded and stripped of markup.
 */
export function cleanList(v: unknown): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,，]/) : [];
  const out: string[] = [];
  for (const item of items) {
    const s = typeof item === 'string' ? cleanText(item).replace(/^#/, '').replace(/^["'“‘「『](.*)["'”’」』]$/, '$1').trim() : typeof item === 'number' ? String(item) : (str((item as Data)?.name) ?? '');
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * A post date as ISO date-time without zone (`2023-11-30T07:45:46`), as the post
 * wrote it: `2023-11-30 07:45:46`, `2024-01-05T09:30:00+09:00`, `2024.01.05`,
 * `2024년 1월 5일`, Astro's `Jul 08 2022`; a YAML date without time is a date.
 */
export function isoDateTime(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 19).replace(/T00:00:00$/, '');
  const s = str(v);
  if (!s) return undefined;
  const m = /^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})(?:\s*일)?\.?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (m) {
    const day = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    return m[4] ? `${day}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}` : day;
  }
  const en = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s) ?? undefined;
  const month = en ? MONTHS.indexOf(en[1]!.toLowerCase()) + 1 : 0;
  return en && month ? `${en[3]}-${pad(month)}-${pad(en[2]!)}` : undefined;
}

/** One TOML value: a quoted string, a number, a boolean, a bare date, or an array of those. */
function tomlValue(raw: string): unknown {
  const v = raw.trim();
  if (v.startsWith('[')) {
    const inner = v.replace(/^\[|\]$/g, '');
    const items = inner.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,\s][^,]*/g) ?? [];
    return items.map((x) => tomlValue(x)).filter((x) => x !== '');
  }
  const quoted = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(v);
  if (quoted) return quoted[1] !== undefined ? quoted[1].replace(/\\(["\\])/g, '$1').replace(/\\n/g, '\n') : quoted[2];
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v.replace(/\s+#.*$/, '');
}

/** TOML front matter: `key = value` lines, `[table]` headers (nested one level), arrays over several lines. */
export function parseToml(text: string): Data {
  const data: Data = {};
  let table = data;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      table = (data[header[1]!.trim()] ??= {}) as Data;
      continue;
    }
    const m = /^([A-Za-z_][\w-]*|"[^"]+")\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let raw = m[2]!;
    // A multi-line array runs until its closing bracket.
    while (raw.trim().startsWith('[') && !/\]\s*(#.*)?$/.test(raw.trim()) && i + 1 < lines.length) raw += ' ' + lines[++i]!.trim();
    table[m[1]!.replace(/"/g, '')] = tomlValue(raw.replace(/\s+#[^"'\]]*$/, ''));
  }
  return data;
}

/** The first key present, looked up in the top level and in the tables platforms nest taxonomies in. */
function pick(data: Data, keys: string[]): unknown {
  const scopes = [data, data.taxonomy, data.taxonomies, data.params, data.extra].filter((x): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x));
  for (const key of keys) for (const scope of scopes) if (scope[key] !== undefined && scope[key] !== null) return scope[key];
  return undefined;
}

/**
 * A date value as the post wrote it: YAML turns `2024-03-02 10:00:00 +0900` into a
 * UTC instant (or drops what it cannot read), so the key's own line is read again.
 */
function writtenDate(data: Data, keys: string[], raw: string): string | undefined {
  for (const key of keys) {
    const v = pick(data, [key]);
    if (v === undefined) continue;
    if (v instanceof Date && raw) {
      const line = new RegExp(`^\\s*${key}\\s*:\\s*["']?([^"'\\n]+?)["']?\\s*$`, 'm').exec(raw);
      const written = line ? isoDateTime(line[1]) : undefined;
      if (written) return written;
    }
    return isoDateTime(v);
  }
  return undefined;
}

function fields(data: Data, bodyStartLine: number, diagnostics: string[], raw = ''): FrontMatter {
  const fm: FrontMatter = {
    categories: cleanList(pick(data, ['category', 'categories'])),
    tags: cleanList(pick(data, ['post_tag', 'tags', 'tag'])),
    bodyStartLine,
    diagnostics,
  };
  const title = str(pick(data, ['title', 'post_title']));
  if (title) fm.title = title;
  const date = writtenDate(data, ['post_date', 'date', 'pubDate', 'publishDate', 'published', 'created'], raw);
  if (date) fm.date = date;
  const updated = writtenDate(data, ['post_modified', 'lastmod', 'updatedDate', 'updated', 'modified', 'last_modified_at'], raw);
  if (updated) fm.updated = updated;
  const draft = pick(data, ['draft']);
  if (typeof draft === 'boolean') fm.draft = draft;
  const status = str(pick(data, ['post_status', 'status'])) ?? (draft === true ? 'draft' : undefined);
  if (status) fm.status = status;
  const excerpt = str(pick(data, ['post_excerpt', 'excerpt', 'description', 'summary']));
  if (excerpt) fm.excerpt = excerpt;
  const slug = str(pick(data, ['slug', 'post_name']));
  if (slug) fm.slug = slug;
  const image = str(pick(data, ['featured_image', 'image', 'cover', 'heroImage', 'thumbnail']));
  if (image) fm.featuredImage = image;
  return fm;
}

export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  const block = frontMatterBlock(lines);
  if (block?.fence === '+++') return fields(parseToml(lines.slice(1, block.end).join('\n')), block.end + 2, []);
  if (block?.fence === '---') {
    const end = block.end;
    if (block.first === '---json') {
      try {
        return fields(JSON.parse(lines.slice(1, end).join('\n')) as Data, end + 2, []);
      } catch {
        return fields({}, end + 2, ['JSON front matter could not be read']);
      }
    }
    const matter = require('gray-matter') as (s: string, o?: unknown) => { data: Data };
    try {
      const fenced = lines.slice(0, end + 1).join('\n');
      return fields(matter(fenced + '\n').data, end + 2, [], fenced);
    } catch (error) {
      return fields({}, end + 2, [`front matter could not be read (${(error as Error).message.split('\n')[0]})`]);
    }
  }
  if (block?.fence === '{') {
    try {
      return fields(JSON.parse(lines.slice(0, block.end + 1).join('\n')) as Data, block.end + 2, []);
    } catch {
      // Not front matter: the body starts at the top (bodyStartLine in src/layout/post.ts agrees).
      return fields({}, 1, ['JSON front matter could not be read']);
    }
  }
  return fields({}, 1, []);
}
