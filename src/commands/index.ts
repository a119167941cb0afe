// Command registry: the command list is this record (and the files beside it).
// Each command is loaded when it runs, so `--version` and `--help` load none.

import type { Command } from './types.js';

export const commands = {
  parse: async () => (await import('./parse.js')).parse,
  programs: async () => (await import('./programs.js')).programs,
  budget: async () => (await import('./budget.js')).budget,
  yoy: async () => (await import('./yoy.js')).yoy,
  targets: async () => (await import('./targets.js')).targets,
  check: async () => (await import('./check.js')).check,
  summary: async () => (await import('./summary.js')).summary,
  report: async () => (await import('./report.js')).report,
} satisfies Record<string, () => Promise<Command>>;

export type CommandName = keyof typeof commands;
