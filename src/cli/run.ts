// argv → exit code. The only place that decides exit codes, reads files (via Io),
// sets color and writes output. 0 success · 1 `check` findings · 2 bad usage or
// an unreadable input (other files are still processed).

import { Command as Commander, CommanderError, Option } from 'commander';
import { commands, type CommandName } from '../commands/index.js';
import type { CommandOptions } from '../commands/types.js';
import { FORMATS, renderers, type Format } from '../render/index.js';
import { MONEY_UNITS } from '../extract/amounts.js';
import { DOCUMENT_KINDS, type Diagnostic, type DocumentKind, type PolicyDocument } from '../model/types.js';
import { collectInputs } from './inputs.js';
import { loadAll } from './pool.js';
import type { LoadResult } from '../parse/index.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';


const UNIT_ALIASES: Record<string, string> = { won: '원', thousand: '천원', million: '백만원', eok: '억원', jo: '조원' };
const DISPLAY_UNITS = ['원', '천원', '백만원', '억원', '조원'];

const DESCRIPTIONS: Record<CommandName, string> = {
  parse: 'the normalized model of each document (JSON by default)',
  programs: 'every program/project found, across all documents',
  budget: 'budget lines with execution rate; --by group rolls up by strategy group',
  yoy: 'year-over-year changes for every time series and year pair found',
  targets: 'targets with their actuals and achievement rate where known',
  check: 'consistency findings (totals, rates, breakdowns, stated growth claims)',
  summary: 'a one-page budget summary per document, for terminals and CI',
  report: 'a self-contained HTML report with charts (--out report.html)',
};

interface GlobalOptions {
  format?: Format;
  out?: string;
  bom?: boolean;
  unit?: string;
  kind?: DocumentKind;
  color?: boolean;
  strict?: boolean;
  debug?: boolean;
  maxSize?: string;
  by?: string;
  sort?: string;
  group?: string;
  below?: string;
  indicator?: string;
  grep?: string;
}

class UsageError extends Error {}

function resolveUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  const u = UNIT_ALIASES[unit.toLowerCase()] ?? unit;
  if (!DISPLAY_UNITS.includes(u) || !(u in MONEY_UNITS)) {
    throw new UsageError(`--unit must be one of ${DISPLAY_UNITS.join(', ')} (or won, thousand, million, eok, jo), not "${unit}"`);
  }
  return u;
}

function addCommonOptions(cmd: Commander, name: CommandName): Commander {
  cmd
    .argument('[paths...]', 'files or folders (default: the bundled samples)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS as unknown as string[]))
    .option('--out <file>', 'write to a file (atomically) instead of stdout')
    .option('--bom', 'prefix CSV with a UTF-8 BOM for Excel')
    .option('--unit <unit>', 'money display unit: 원 천원 백만원 억원 조원 (won thousand million eok jo)')
    .addOption(new Option('--kind <kind>', 'force the document kind').choices([...DOCUMENT_KINDS]))
    .option('--no-color', 'plain output (NO_COLOR and non-TTY stdout also turn color off)')
    .option('--max-size <mb>', 'refuse files larger than this many MB', '50')
    .option('--debug', 'show stack traces for internal errors');
  if (name === 'budget') {
    cmd
      .option('--by <what>', 'roll up: group')
      .addOption(new Option('--sort <key>', 'sort rows').choices(['rate', 'budget', 'executed', 'name']))
      .option('--group <text>', 'only groups whose name contains this text')
      .option('--below <pct>', 'only programs whose execution rate is under this percent');
  }
  if (name === 'check') cmd.option('--strict', 'exit 1 on warnings as well as errors');
  if (name === 'yoy') cmd.option('--indicator <text>', 'only series whose indicator contains this text');
  if (name === 'programs') cmd.option('--grep <text>', 'only programs whose name contains this text');
  return cmd;
}

function commandOptions(opts: GlobalOptions): CommandOptions {
  const o: CommandOptions = {};
  const unit = resolveUnit(opts.unit);
  if (unit) o.unit = unit;
  if (opts.by !== undefined) {
    if (opts.by !== 'group') throw new UsageError(`--by takes "group", not "${opts.by}"`);
    o.by = opts.by;
  }
  if (opts.sort) o.sort = opts.sort;
  if (opts.group) o.group = opts.group;
  if (opts.below !== undefined) {
    const below = Number(opts.below);
    if (!Number.isFinite(below)) throw new UsageError(`--below takes a number, not "${opts.below}"`);
    o.below = below;
  }
  if (opts.indicator) o.indicator = opts.indicator;
  if (opts.grep) o.grep = opts.grep;
  if (opts.kind) o.kind = opts.kind;
  if (opts.strict) o.strict = true;
  return o;
}

/** A one-line progress bar on stderr (only for many files on a terminal; never on CI). */
function progressBar(io: Io, total: number): (done: number, file: string) => void {
  const width = 24;
  return (done, file) => {
    if (done >= total) {
      io.stderr('\r\u001b[2K');
      return;
    }
    const filled = Math.round((done / total) * width);
    const name = file.length > 40 ? `…${file.slice(-39)}` : file;
    io.stderr(`\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done + 1}/${total} ${name}`);
  };
}

function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${d.source.file}:${d.source.line}` : '';
  return `${where ? where + ': ' : ''}${d.severity}: ${d.message} [${d.code}]`;
}

async function execute(io: Io, name: CommandName, paths: string[], opts: GlobalOptions): Promise<number> {
  const options = commandOptions(opts);
  const maxSize = Number(opts.maxSize ?? '50') * 1e6;
  if (!Number.isFinite(maxSize) || maxSize <= 0) throw new UsageError(`--max-size takes a positive number of MB, not "${opts.maxSize}"`);
  const inputs = await collectInputs(io, paths.length ? paths : [io.samplesDir]);
  const documents: PolicyDocument[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  let failed = false;
  const command = await commands[name]();
  const progress = inputs.length > 20 && io.stderrIsTTY && !io.env.CI ? progressBar(io, inputs.length) : undefined;
  const results: LoadResult[] = new Array(inputs.length);
  let finished = 0;
  // `programs --kind K` lists documents of kind K: detection decides, K only names files it cannot tell.
  const kindAsFallback = name === 'programs';
  await loadAll(io, inputs, { ...(opts.kind ? { kind: opts.kind, kindAsFallback } : {}), maxSize, ...(command.uses ? { uses: command.uses } : {}), workers: io.workers !== false }, (index, result) => {
    results[index] = result;
    progress?.(finished++, inputs[index]!.path);
  });
  // Reported in input order, whatever order the workers finished in.
  for (const [index, loaded] of results.entries()) {
    if ('error' in loaded) {
      failed = true;
      io.stderr(`policy-lens: ${inputs[index]!.path}: ${loaded.error}\n`);
      continue;
    }
    documents.push(loaded.document);
    diagnostics.set(loaded.document.file, loaded.diagnostics);
    if (opts.debug) for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  }
  progress?.(inputs.length, '');
  const result = command({ documents, diagnostics, options });
  const format: Format = opts.format ?? (name === 'parse' ? 'json' : name === 'report' ? 'html' : 'table');
  const color = opts.color !== false && io.stdoutIsTTY && !opts.out && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
  const render = await renderers[format]();
  const text = await render(result, { color, bom: opts.bom === true, ...(options.unit ? { unit: options.unit } : {}) });
  if (opts.out) await io.writeFileAtomic(opts.out, text);
  else io.stdout(text);
  const warnings = [...diagnostics.values()].flat().filter((d) => d.severity === 'warning').length;
  if (warnings > 0 && !opts.debug) {
    io.stderr(`policy-lens: ${warnings} warning${warnings > 1 ? 's' : ''} while reading (see \`parse\` output or --debug)\n`);
  }
  let code = failed ? 2 : 0;
  if (result.findings && code === 0) {
    const errors = result.findings.some((f) => f.severity === 'error');
    const warns = result.findings.some((f) => f.severity === 'warning');
    if (errors || (options.strict && warns)) code = 1;
  }
  return code;
}

export function buildProgram(io: Io, onRun: (p: Promise<number>) => void): Commander {
  const program = new Commander('policy-lens')
    .description('Figures from Korean public-policy documents: budgets, execution rates, year-over-year series, targets, consistency checks.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const name of Object.keys(commands) as CommandName[]) {
    const cmd = program.command(name).description(DESCRIPTIONS[name]).exitOverride();
    addCommonOptions(cmd, name).action((paths: string[], opts: GlobalOptions) => {
      onRun(execute(io, name, paths, opts));
    });
  }
  return program;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let pending: Promise<number> | undefined;
  const program = buildProgram(io, (p) => (pending = p));
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (!pending) {
      io.stderr(program.helpInformation());
      return 2;
    }
    return await pending;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`policy-lens: ${error.message}\n`);
      return 2;
    }
    io.stderr(`policy-lens: internal error: ${(error as Error).message}\n`);
    if (argv.includes('--debug')) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}
