// Turns one paragraph of text into a layout block by its printed marker, with
// the same vocabulary as the text reader (src/layout/text.ts): list items
// (□ ○ ① 1. 가. - · …), notes (※ * 주)), Roman-numbered section titles as
// headings, anything else a paragraph. Used by readers whose format carries
// paragraphs but not their role (HWPX, HWP). As in the text reader, a list
// item's depth is the order in which its marker family first appears in the
// document (Korean outlines nest □ → ○ → - in most documents, but not all).

import type { Source } from '../model/types.js';
import { LIST_MARKERS, NOTE, ROMAN } from './text.js';
import type { Block } from './types.js';

/**
 * The block for one paragraph, or undefined for an empty one. `families` is
 * the document's marker families in order of first appearance (updated here).
 * `outlineLevel` (1 = top) comes from the format's own outline numbering and
 * wins over markers.
 */
export function paragraphBlock(rawText: string, source: Source, families: string[], outlineLevel?: number): Block | undefined {
  const text = rawText.trim();
  if (text === '') return undefined;
  if (outlineLevel !== undefined) return { type: 'heading', level: outlineLevel, text, source };
  if (ROMAN.test(text)) return { type: 'heading', level: 1, text, source };
  const note = NOTE.exec(text);
  if (note && note[0].length < text.length) {
    return { type: 'note', marker: note[1]!.trim(), text: text.slice(note[0].length).trim(), source };
  }
  for (const { family, pattern } of LIST_MARKERS) {
    // `+` and `*` bullets belong to Markdown, not to 한글 documents.
    if (family === 'plus') continue;
    const m = pattern.exec(text);
    if (!m || m[0].length >= text.length) continue;
    if (!families.includes(family)) families.push(family);
    return { type: 'list-item', marker: m[1]!, depth: families.indexOf(family), text: text.slice(m[0].length).trim(), source };
  }
  return { type: 'paragraph', text, source };
}
