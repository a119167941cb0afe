// Command registry: the command list is this record (and the files beside it).

import type { Command } from './types.js';
import { parse } from './parse.js';
import { budget } from './budget.js';

export const commands = {
  parse,
  budget,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;
