// Front matter of a blog post: YAML (`---`, via gray-matter), JSON (`---json` or
// a leading `{…}` block), or TOML (`+++`, the flat `key = value` subset posts use).
// Returns the fields the model keeps and the 1-based line where the body starts.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface FrontMatter {
  title?: string;
  date?: string;
  status?: string;
  excerpt?: string;
  categories: string[];
  tags: string[];
  featuredImage?: string;
  bodyStartLine: number;
  diagnostics: string[];
}

type Data = Record<string, unknown>;

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Trimmed, non-empty strings from a list or a comma-separated string. */
export function cleanList(v: unknown): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
  const out: string[] = [];
  for (const item of items) {
    const s = typeof item === 'string' ? item.trim() : typeof item === 'number' ? String(item) : (str((item as Data)?.name) ?? '');
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A post date as ISO date-time without zone (`2023-11-30T07:45:46`), as the post wrote it. */
export function isoDateTime(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 19).replace(/T00:00:00$/, '');
  const s = str(v);
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (!m) return undefined;
  return m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}` : `${m[1]}-${m[2]}-${m[3]}`;
}

function parseToml(text: string): Data {
  const data: Data = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][\w-]*)\s*=\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const raw = m[2]!;
    if (/^\[.*\]$/.test(raw)) data[m[1]!] = raw.slice(1, -1).split(',').map((x) => x.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
    else data[m[1]!] = raw.replace(/^["']|["']$/g, '');
  }
  return data;
}

function fields(data: Data, bodyStartLine: number, diagnostics: string[]): FrontMatter {
  const taxonomy = (data.taxonomy ?? {}) as Data;
  const fm: FrontMatter = {
    categories: cleanList(taxonomy.category ?? data.categories ?? data.category),
    tags: cleanList(taxonomy.post_tag ?? data.tags ?? data.tag),
    bodyStartLine,
    diagnostics,
  };
  const title = str(data.title ?? data.post_title);
  if (title) fm.title = title;
  const date = isoDateTime(data.post_date ?? data.date);
  if (date) fm.date = date;
  const status = str(data.post_status ?? data.status);
  if (status) fm.status = status;
  const excerpt = str(data.post_excerpt ?? data.excerpt ?? data.description);
  if (excerpt) fm.excerpt = excerpt;
  const image = str(data.featured_image ?? data.image ?? data.cover);
  if (image) fm.featuredImage = image;
  return fm;
}

export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  const first = lines[0]?.trim() ?? '';
  if (first === '+++') {
    const end = lines.indexOf('+++', 1);
    if (end > 0) return fields(parseToml(lines.slice(1, end).join('\n')), end + 2, []);
  }
  if (first.startsWith('---')) {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      const matter = require('gray-matter') as (s: string, o?: unknown) => { data: Data };
      try {
        const block = lines.slice(0, end + 1).join('\n');
        return fields(matter(block + '\n').data, end + 2, []);
      } catch (error) {
        return fields({}, end + 2, [`front matter could not be read (${(error as Error).message.split('\n')[0]})`]);
      }
    }
  }
  if (first === '{') {
    const end = lines.findIndex((l) => l.trim() === '}');
    if (end > 0) {
      try {
        return fields(JSON.parse(lines.slice(0, end + 1).join('\n')) as Data, end + 2, []);
      } catch {
        return fields({}, 1, ['JSON front matter could not be read']);
      }
    }
  }
  return fields({}, 1, []);
}
