// Text values of a blog post as a reader sees them: HTML entities decoded
// (`&nbsp;`, `&amp;`, `&#8211;`, `&#x2F;`), escaped markup unescaped and then
// dropped like real markup (`&lt;br&gt;`), inline tags removed (`<b>…</b>`,
// `<br/>`), Markdown emphasis and links reduced to their text, spaces collapsed.
// WordPress exports, Hugo/Jekyll front matter and MDX bodies all leak these.

import { collapseSpaces, decodeEntities as decodeOnce } from '../extract/text.js';

/** Entities decoded, twice over for doubly escaped exports (`&amp;nbsp;`). */
export function decodeEntitiesTwice(text: string): string {
  // Every entity starts with `&`; most texts have none.
  if (!text.includes('&')) return text;
  const once = decodeOnce(text);
  return /&(#x[0-9a-f]+|#\d+|[a-z]+);/i.test(once) ? decodeOnce(once) : once;
}

/** Tags removed; a line break or block tag becomes a space so words stay apart. */
export function stripTags(text: string): string {
  // Every comment and tag starts with `<`; most texts have none.
  if (!text.includes('<')) return text;
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(br|p|div|li|h[1-6]|tr|td|th|hr)\b[^>]*>/gi, ' ')
    .replace(/<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g, '');
}

/** The characters a Markdown inline mark is made of: `[` of links and images, `*` `_` of emphasis, backticks, `~~`. */
const INLINE_MARK = /[[*_`~]/;

/** Markdown inline marks reduced to their text: `**b**`, `_i_`, `` `c` ``, `[text](url)`, `![alt](src)`. */
export function stripInlineMarkdown(text: string): string {
  // Every mark needs one of these characters; most texts have none.
  if (!INLINE_MARK.test(text)) return text;
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/~~(.+?)~~/g, '$1');
}

/**
 * A text value cleaned for the model: entities decoded, escaped and real markup
 * dropped, Markdown emphasis removed, whitespace collapsed and trimmed.
 */
export function cleanText(text: string): string {
  let s = decodeEntitiesTwice(stripTags(text));
  // Decoding may reveal markup that was escaped (`&lt;br&gt;`): drop it too.
  if (/<[A-Za-z/!]/.test(s)) s = stripTags(s);
  return collapseSpaces(stripInlineMarkdown(s).replace(/[\u200b-\u200d\ufeff]/g, '')).trim();
}
