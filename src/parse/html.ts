// HTML exports of plans and reports (HWP and office suites save them so) read
// as the text versions do: a table row becomes one tab-separated line, a heading
// a `## ` line, a list item a `- ` line, a paragraph its text. Each line keeps the
// number of the source line its element starts on. cheerio is loaded only here.

import { createRequire } from 'node:module';
import type { SourceLine } from './lines.js';

const require = createRequire(import.meta.url);

interface Node {
  type: string;
  tagName?: string;
  data?: string;
  children?: Node[];
  sourceCodeLocation?: { startLine: number };
}

type Load = (html: string, options: unknown, isDocument: boolean) => { root(): { toArray(): Node[] } };

const BLOCK = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'br', 'section', 'article', 'blockquote', 'pre', 'caption']);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template']);

function text(node: Node): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type !== 'tag' && node.type !== 'root') return '';
  if (node.tagName === 'br') return ' ';
  return (node.children ?? []).map(text).join('');
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function htmlToLines(source: SourceLine[]): SourceLine[] {
  const cheerio = require('cheerio') as { load: Load };
  const html = source.map((l) => l.text).join('\n');
  const root = cheerio.load(html, { sourceCodeLocationInfo: true }, false).root().toArray()[0]!;
  const out: SourceLine[] = [];
  const lineOf = (node: Node) => node.sourceCodeLocation?.startLine ?? 1;
  const emit = (node: Node, t: string) => {
    if (t) out.push({ n: lineOf(node), text: t });
  };
  const walk = (node: Node): void => {
    if (node.type === 'text') {
      // Loose text between blocks (a bare line of an export) is a line of its own.
      (node.data ?? '').split('\n').forEach((part, k) => {
        if (clean(part)) out.push({ n: lineOf(node) + k, text: clean(part) });
      });
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const tag = node.tagName ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'tr') {
      const cells = (node.children ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th');
      // colspan keeps cells under their headers: a spanned cell is followed by empty ones.
      const row: string[] = [];
      for (const c of cells) {
        row.push(clean(text(c)));
        const span = Number((c as Node & { attribs?: Record<string, string> }).attribs?.colspan ?? 1);
        for (let k = 1; k < span && k < 20; k++) row.push('');
      }
      emit(node, row.join('\t'));
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) return emit(node, `${'#'.repeat(Math.min(6, Number(heading[1]) + 1))} ${clean(text(node))}`);
    if (tag === 'li') return emit(node, `- ${clean(text(node))}`);
    const children = node.children ?? [];
    const hasBlocks = children.some((c) => c.type === 'tag' && (BLOCK.has(c.tagName ?? '') || ['table', 'tbody', 'thead', 'ul', 'ol'].includes(c.tagName ?? '')));
    if (!hasBlocks && BLOCK.has(tag)) return emit(node, clean(text(node)));
    for (const c of children) walk(c);
  };
  walk(root);
  return out;
}
