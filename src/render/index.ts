// Renderer registry: one entry per output format, each loaded only when used
// (string-width and chalk cost start-up time a CSV run does not need). The same
// record feeds the CLI's `--format` choices, so a format without a renderer
// fails to compile. A renderer returns the text whole, or in pieces (CSV, JSON,
// JSON Lines) that the CLI writes one after another.

import type { CommandResult } from '../commands/types.js';

export const FORMATS = ['table', 'csv', 'json', 'jsonl', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  unit?: string;
  bom: boolean;
  /** Terminal width to fit tables to; absent: no limit (`--wide`, files, pipes). */
  width?: number;
}

/** The text whole, in pieces, or a promise where rendering needs an asynchronous library (the HTML report's charts). */
export type Renderer = (result: CommandResult, options: RenderOptions) => string | Iterable<string> | Promise<string>;

export const renderers = {
  table: async () => {
    const { renderTableText } = await import('./table.js');
    return (r, o) => renderTableText(r, { color: o.color, ...(o.unit ? { unit: o.unit } : {}), ...(o.width ? { width: o.width } : {}) });
  },
  csv: async () => {
    const { renderCsvChunks } = await import('./csv.js');
    return (r, o) => renderCsvChunks(r, { bom: o.bom });
  },
  json: async () => {
    const { renderJsonChunks } = await import('./json.js');
    return (r) => renderJsonChunks(r);
  },
  jsonl: async () => {
    const { renderJsonlChunks } = await import('./json.js');
    return (r) => renderJsonlChunks(r);
  },
  md: async () => {
    const { renderMd } = await import('./md.js');
    return (r, o) => renderMd(r, o.unit ? { unit: o.unit } : {});
  },
  html: async () => {
    const { renderHtml } = await import('./html.js');
    return (r, o) => renderHtml(r, o.unit ? { unit: o.unit } : {});
  },
} satisfies Record<Format, () => Promise<Renderer>>;
