// Renderer registry: one entry per output format. The same record feeds the CLI's
// `--format` choices, so a format without a renderer fails to compile.

import type { CommandResult } from '../commands/types.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMd } from './md.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  unit?: string;
  bom: boolean;
}

export type Renderer = (result: CommandResult, options: RenderOptions) => string;

export const renderers = {
  table: (r, o) => renderTable(r, { color: o.color, ...(o.unit ? { unit: o.unit } : {}) }),
  csv: (r, o) => renderCsv(r, { bom: o.bom }),
  json: (r) => renderJson(r),
  md: (r, o) => renderMd(r, o.unit ? { unit: o.unit } : {}),
} satisfies Record<Format, Renderer>;
