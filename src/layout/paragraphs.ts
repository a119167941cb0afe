// Turns one paragraph of text into a layout block by its printed marker:
// list items (□ ○ - · ① 가. 1) …), notes (※ * 주)), Roman-numbered section
// titles as headings, anything else a paragraph. Used by readers whose format
// carries paragraphs but not their role (HWPX, HWP). Markers are data below.

import type { Source } from '../model/types.js';
import type { Block } from './types.js';

/** Note markers, as printed before the note's text. */
const NOTE = /^(※|\*{1,3}(?=[^*])|주\s*\d*\s*\)|주\s*[:：]|註\s*\)?)\s*/;

/** List markers with the depth their family usually has in Korean plans and reports. */
const LIST_MARKERS: { pattern: RegExp; depth: number }[] = [
  { pattern: /^([□■◻◼❏❑▣◈◆◇])\s*/, depth: 0 },
  { pattern: /^([○◦❍◯●⚬ㅇ])\s+/, depth: 1 },
  // A dash right before a digit is a minus sign, not a marker.
  { pattern: /^([-―–—‐])(?:\s+|(?=[^\d\s.,]))/, depth: 2 },
  { pattern: /^([·∙•▪▫⋅‧])\s*/, depth: 3 },
  { pattern: /^([▶►▷▸➢➤☞→])\s*/, depth: 1 },
  { pattern: /^([①-⑳㉠-㉭㈀-㈍])\s*/, depth: 2 },
  { pattern: /^(\d{1,2}\.)\s+(?=\S)/, depth: 0 },
  { pattern: /^([가-하]\.)\s*(?=\S)/, depth: 1 },
  { pattern: /^(\d{1,2}\))\s*(?=\S)/, depth: 2 },
  { pattern: /^(\(\d{1,2}\))\s*(?=\S)/, depth: 2 },
  { pattern: /^([가-하]\))\s*(?=\S)/, depth: 3 },
  { pattern: /^(\([가-하]\))\s*(?=\S)/, depth: 3 },
];

/** Roman-numbered section titles (`Ⅰ. 추진 배경`, `II. 현황`). */
const ROMAN_HEADING = /^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|(?:X{0,1}(?:IX|IV|V?I{1,3}|V)))\s*[.．]\s*\S/;

/**
 * The block for one paragraph, or undefined for an empty one.
 * `outlineLevel` (1 = top) comes from the format's own outline numbering and wins over markers.
 */
export function paragraphBlock(rawText: string, source: Source, outlineLevel?: number): Block | undefined {
  const text = rawText.replace(/\s+$/u, '').replace(/^\s+/u, '');
  if (text === '') return undefined;
  if (outlineLevel !== undefined) return { type: 'heading', level: outlineLevel, text, source };
  const note = NOTE.exec(text);
  if (note && note[0].length < text.length) {
    return { type: 'note', marker: note[1]!.replace(/\s+/g, ''), text: text.slice(note[0].length), source };
  }
  if (ROMAN_HEADING.test(text)) return { type: 'heading', level: 1, text, source };
  for (const { pattern, depth } of LIST_MARKERS) {
    const m = pattern.exec(text);
    if (m && m[0].length < text.length) return { type: 'list-item', marker: m[1]!, depth, text: text.slice(m[0].length), source };
  }
  return { type: 'paragraph', text, source };
}
