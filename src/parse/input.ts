// What a kind's parser reads: the layout blocks it is meant to read, and the
// raw decoded text for what is not layout (a blog post's front matter, HTML
// meta tags and hashtag lines).

import type { Layout } from '../layout/types.js';

export interface ParseInput {
  file: string;
  /**
   * The raw text, line for line as the layout's sources count them: the decoded
   * text, an HWPX/HWP layout as printed, and for a blog post read from a PDF its
   * text layer (the kinds that read only blocks get '' for a PDF).
   */
  text: string;
  /** `pdf` when the text was rebuilt from a PDF's text layer. */
  origin: 'text' | 'pdf' | 'html';
  /** Extension, lower-case without dot. */
  extension: string;
  /** The layout blocks the kind reads (for a blog post, its post layout: src/layout/post.ts). */
  layout: Layout;
}
