// Command registry: the command list is this record (and the files beside it).

import type { Command } from './types.js';
import { parse } from './parse.js';
import { programs } from './programs.js';
import { budget } from './budget.js';
import { yoy } from './yoy.js';
import { targets } from './targets.js';
import { check } from './check.js';
import { summary } from './summary.js';

export const commands = {
  parse,
  programs,
  budget,
  yoy,
  targets,
  check,
  summary,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;
