// Renderer registry: one entry per output format, each loaded only when used
// (string-width and chalk cost start-up time a CSV run does not need). The same
// record feeds the CLI's `--format` choices, so a format without a renderer
// fails to compile.

import type { CommandResult } from '../commands/types.js';

export const FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  unit?: string;
  bom: boolean;
}

/** Returns a promise where rendering needs an asynchronous library (the HTML report's charts). */
export type Renderer = (result: CommandResult, options: RenderOptions) => string | Promise<string>;

export const renderers = {
  table: async () => {
    const { renderTable } = await import('./table.js');
    return (r, o) => renderTable(r, { color: o.color, ...(o.unit ? { unit: o.unit } : {}) });
  },
  csv: async () => {
    const { renderCsv } = await import('./csv.js');
    return (r, o) => renderCsv(r, { bom: o.bom });
  },
  json: async () => {
    const { renderJson } = await import('./json.js');
    return (r) => renderJson(r);
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
