// XML for container formats (HWPX parts): a well-formedness check, because
// cheerio's parser silently repairs broken markup and a repaired section
// would give wrong tables, and a small typed view of cheerio's XML tree.

import { load } from 'cheerio';

export interface XmlElement {
  name: string;
  attribs: Record<string, string>;
  children: XmlElement[];
  /** Child elements and text (entities decoded) in document order. */
  content: (XmlElement | string)[];
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTES = /^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
const BAD_ENTITY = /&(?!(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z_][\w.-]*);)/;

/** The first well-formedness error of an XML text, or undefined when it is well formed. */
export function xmlError(text: string): string | undefined {
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    const chunk = text.slice(at, open < 0 ? text.length : open);
    if (BAD_ENTITY.test(chunk)) return 'stray "&" in text';
    if (stack.length === 0 && chunk.trim() !== '' && !(at === 0 && chunk === '\uFEFF')) return 'text outside the root element';
    if (open < 0) break;
    if (text.startsWith('<?', open)) {
      const end = text.indexOf('?>', open + 2);
      if (end < 0) return 'unterminated processing instruction';
      at = end + 2;
    } else if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      if (end < 0) return 'unterminated comment';
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', open)) {
      if (stack.length === 0) return 'CDATA outside the root element';
      const end = text.indexOf(']]>', open + 9);
      if (end < 0) return 'unterminated CDATA section';
      at = end + 3;
    } else if (text.startsWith('<!', open)) {
      return 'document type declarations are not allowed';
    } else {
      const end = tagEnd(text, open + 1);
      if (end < 0) return 'unterminated tag';
      const closing = text[open + 1] === '/';
      NAME.lastIndex = open + (closing ? 2 : 1);
      const name = NAME.exec(text)?.[0];
      if (!name) return 'bad tag name';
      const selfClosing = !closing && text[end - 1] === '/';
      const rest = text.slice(NAME.lastIndex, selfClosing ? end - 1 : end);
      if (closing) {
        if (rest.trim() !== '') return `bad closing tag </${name}>`;
        const expected = stack.pop();
        if (expected !== name) return expected ? `<${expected}> closed by </${name}>` : `unexpected closing tag </${name}>`;
      } else {
        if (!ATTRIBUTES.test(rest)) return `bad attributes in <${name}>`;
        if (stack.length === 0) {
          roots++;
          if (roots > 1) return 'more than one root element';
        }
        if (!selfClosing) stack.push(name);
      }
      at = end + 1;
    }
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots === 0) return 'no root element';
  return undefined;
}

/** Index of the `>` that ends a tag, skipping quoted attribute values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
}

function toElement(node: DomNode): XmlElement {
  const children: XmlElement[] = [];
  const content: (XmlElement | string)[] = [];
  for (const child of node.children ?? []) {
    if (child.type === 'tag') {
      const element = toElement(child);
      children.push(element);
      content.push(element);
    } else if (child.type === 'text') content.push(child.data ?? '');
    else if (child.type === 'cdata') content.push(cdataText(child));
  }
  return { name: node.name ?? '', attribs: node.attribs ?? {}, children, content };
}

function cdataText(node: DomNode): string {
  return (node.children ?? []).map((c) => c.data ?? '').join('');
}

/** Parses well-formed XML into its root element, or returns the well-formedness error. */
export function parseXml(text: string): XmlElement | { error: string } {
  const error = xmlError(text);
  if (error) return { error };
  const $ = load(text, { xml: { xmlMode: true, decodeEntities: true } });
  const root = ($.root()[0] as unknown as DomNode).children?.find((c) => c.type === 'tag');
  if (!root) return { error: 'no root element' };
  return toElement(root);
}

/** The local part of a qualified name (`hp:tbl` → `tbl`). */
export function localName(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}
