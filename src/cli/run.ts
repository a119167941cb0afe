// argv → exit code. The only place that decides exit codes, reads files (via Io),
// sets color and writes output. 0 success · 1 findings at the --fail-on level
// (`check`: errors by default) · 2 bad usage, an unreadable input (other files
// are still processed) or an output that cannot be written.

import { Command as Commander, CommanderError, Option } from 'commander';
import { commands, type CommandName } from '../commands/index.js';
import type { CommandOptions, CommandResult, TableResult } from '../commands/types.js';
import { FORMATS, renderers, type Format } from '../render/index.js';
import { MONEY_UNITS } from '../extract/amounts.js';
import { DOCUMENT_KINDS, type Diagnostic, type DocumentKind, type PolicyDocument, type Severity } from '../model/types.js';
import { collectInputs } from './inputs.js';
import { loadAll, type Loaded } from './pool.js';
import { OutputError, type Io, type Sink } from './io.js';
import { differenceNote, duplicateNote, findDuplicates } from './duplicates.js';
import { completionScript, SHELLS } from './completion.js';
import { VERSION } from './version.js';
import { configurePdfEngine } from './pdf-setup.js';

const UNIT_ALIASES: Record<string, string> = { won: '원', thousand: '천원', million: '백만원', eok: '억원', jo: '조원' };
const DISPLAY_UNITS = ['원', '천원', '백만원', '억원', '조원'];
/** Kinds `--kind` accepts: the parsers' kinds, `document` (the generic kind) among them even where a build lacks its reader. */
export const KIND_CHOICES = [...new Set<string>([...DOCUMENT_KINDS, 'document'])];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const FAIL_ON = ['error', 'warning', 'none'] as const;
const COLOR_WHEN = ['always', 'never', 'auto'] as const;

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
  kind?: string;
  stdinName?: string;
  color?: boolean | string;
  wide?: boolean;
  columns?: string;
  limit?: string;
  quiet?: boolean;
  strict?: boolean;
  failOn?: string;
  severity?: Severity;
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

/** Options that take a value, so moving them after the command keeps their value with them. */
const VALUE_OPTIONS = new Set(['-f', '--format', '-o', '--out', '--unit', '-k', '--kind', '--stdin-name', '--color', '--columns', '--limit', '--max-size', '--fail-on', '--severity', '--by', '--sort', '--group', '--below', '--indicator', '--grep']);
const PROGRAM_OPTIONS = new Set(['-V', '--version', '-h', '--help']);

/**
 * `policy-lens --format csv budget x.txt` → `policy-lens budget --format csv x.txt`:
 * options given before the command belong to it (commander reads them only after).
 */
export function hoistOptions(argv: string[], names: readonly string[]): string[] {
  const moved: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-' || PROGRAM_OPTIONS.has(arg)) break;
    moved.push(arg);
    i++;
    if (VALUE_OPTIONS.has(arg) && i < argv.length) moved.push(argv[i++]!);
  }
  if (moved.length === 0 || i >= argv.length || !names.includes(argv[i]!)) return argv;
  return [argv[i]!, ...moved, ...argv.slice(i + 1)];
}

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
    .argument('[paths...]', 'files or folders (default: the bundled samples; `-` or piped input: standard input)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]))
    .option('-o, --out <file>', 'write to a file (atomically; missing folders are created) instead of stdout')
    .option('--bom', 'prefix CSV with a UTF-8 BOM for Excel')
    .option('--unit <unit>', 'money display unit: 원 천원 백만원 억원 조원 (won thousand million eok jo)')
    .addOption(new Option('-k, --kind <kind>', 'force the document kind').choices(KIND_CHOICES))
    .option('--stdin-name <name>', 'file name for the document read from standard input (its extension tells the format)')
    .option('--columns <list>', 'only these columns, in this order (comma-separated CSV names)')
    .option('--limit <n>', 'only the first n rows of each table')
    .option('--wide', 'do not fit tables to the terminal width')
    .addOption(new Option('--color <when>', 'color: always, never or auto (FORCE_COLOR and NO_COLOR are read too)').choices([...COLOR_WHEN]))
    .option('--no-color', 'plain output (same as --color never)')
    .option('-q, --quiet', 'no warnings or notes on stderr (errors are still shown)')
    .option('--max-size <mb>', 'refuse files larger than this many MB', '200')
    .option('--debug', 'print every reading diagnostic, and stack traces of internal errors');
  if (name === 'budget') {
    cmd
      .option('--by <what>', 'roll up: group')
      .addOption(new Option('--sort <key>', 'sort rows (name: within each group)').choices(['rate', 'budget', 'executed', 'name']))
      .option('--group <text>', 'only groups whose name contains this text')
      .option('--below <pct>', 'only programs (or with --by group, groups) whose execution rate is under this percent');
  }
  if (name === 'check') {
    cmd
      .option('--strict', 'exit 1 on warnings as well as errors (same as --fail-on warning)')
      .addOption(new Option('--severity <level>', 'show findings of this severity and worse').choices(SEVERITIES));
  }
  if (name === 'check' || name === 'summary') {
    cmd.addOption(new Option('--fail-on <level>', `exit 1 when a finding is this severe or worse${name === 'check' ? ' (default: error)' : ' (default: none)'}`).choices([...FAIL_ON]));
  }
  if (name === 'yoy' || name === 'targets') cmd.option('--indicator <text>', 'only indicators that contain this text');
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
  if (opts.severity) o.severity = opts.severity;
  return o;
}

/** Whether to color: the flag, then FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal. */
export function useColor(opts: { color?: boolean | string; out?: string }, io: Pick<Io, 'env' | 'stdoutIsTTY'>): boolean {
  if (opts.color === false || opts.color === 'never') return false;
  if (opts.color === 'always') return true;
  if (opts.out) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}

/** A one-line progress bar on stderr (only for many files on a terminal; never on CI). */
function progressBar(io: Io, total: number): { step: (done: number, file: string) => void; clear: () => void } {
  const width = 24;
  let shown = false;
  return {
    step: (done, file) => {
      const filled = Math.round((done / total) * width);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      io.stderr(`\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done + 1}/${total} ${name}`);
      shown = true;
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[2K');
      shown = false;
    },
  };
}

function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${d.source.file}:${d.source.line}` : '';
  return `${where ? where + ': ' : ''}${d.severity}: ${d.message} [${d.code}]`;
}

/** `file: 2 warnings (output-unreadable, rate-unreadable)`, or undefined when the file read cleanly. */
export function warningLine(file: string, diagnostics: Diagnostic[]): string | undefined {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length === 0) return undefined;
  const codes = [...new Set(warnings.map((d) => d.code))].join(', ');
  return `${file}: ${warnings.length} warning${warnings.length > 1 ? 's' : ''} (${codes})`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `--columns a,b`: keep those columns, in that order, shown in every format. */
function selectColumns(table: TableResult, list: string): TableResult {
  const wanted = list.split(',').map((s) => s.trim()).filter(Boolean);
  const columns = wanted.map((key) => {
    const c = table.columns.find((x) => x.key === key) ?? table.columns.find((x) => x.label === key && x.label !== '');
    if (!c) throw new UsageError(`--columns: no column "${key}" (columns: ${table.columns.filter((x) => !x.displayOnly).map((x) => x.key).join(', ')})`);
    const { displayOnly: _d, machineOnly: _m, ...shown } = c;
    return shown;
  });
  const { groupKey: _g, ...rest } = table;
  return { ...rest, columns };
}

/** Output-shaping options applied to a command's result: severity, columns, limit. */
function shape(result: CommandResult, opts: GlobalOptions): CommandResult {
  let tables = result.tables;
  if (opts.severity) {
    const max = RANK[opts.severity];
    tables = tables.map((t) => ({ ...t, rows: t.rows.filter((r) => typeof r.severity !== 'string' || RANK[r.severity as Severity] <= max) }));
  }
  if (opts.columns) tables = tables.map((t) => selectColumns(t, opts.columns!));
  if (opts.limit !== undefined) {
    const n = Number(opts.limit);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--limit takes a whole number, not "${opts.limit}"`);
    // A total over rows that are no longer shown would mislead: it goes with them.
    tables = tables.map((t) => (t.rows.length > n ? { ...t, rows: t.rows.slice(0, n), totals: [] } : t));
  }
  if (tables === result.tables) return result;
  // A section that shows one of the result's tables shows the shaped one.
  const swap = new Map(result.tables.map((t, i) => [t, tables[i]!]));
  const sections = result.sections?.map((s) => (s.table && swap.has(s.table) ? { ...s, table: swap.get(s.table)! } : s));
  return { ...result, tables, ...(sections ? { sections } : {}) };
}

/** The exit code findings give at a `--fail-on` level. */
function findingsCode(result: CommandResult, failOn: string | undefined): number {
  if (!result.findings || !failOn || failOn === 'none') return 0;
  const max = RANK[failOn as Severity];
  return result.findings.some((f) => RANK[f.severity] <= max) ? 1 : 0;
}

/** Pieces are gathered to about this many characters per write. */
const WRITE_BATCH = 1 << 16;

async function writeOutput(sink: Sink, output: string | Iterable<string>): Promise<void> {
  if (typeof output === 'string') {
    await sink.write(output);
    return;
  }
  let batch = '';
  for (const chunk of output) {
    batch += chunk;
    if (batch.length < WRITE_BATCH) continue;
    const wait = sink.write(batch);
    batch = '';
    if (wait) await wait;
  }
  if (batch) await sink.write(batch);
}

function stdoutSink(io: Io): Sink {
  return { write: (t) => io.stdout(t), close: async () => {}, abort: async () => {} };
}

async function openSink(io: Io, out: string | undefined): Promise<Sink> {
  if (!out) return stdoutSink(io);
  if (io.openFile) return io.openFile(out);
  // An Io without streaming writes (a test fake): collect, then write atomically.
  let text = '';
  return { write: (t) => void (text += t), close: () => io.writeFileAtomic(out, text), abort: async () => {} };
}

async function execute(io: Io, name: CommandName, paths: string[], opts: GlobalOptions): Promise<number> {
  const options = commandOptions(opts);
  const maxSize = Number(opts.maxSize ?? '200') * 1e6;
  if (!Number.isFinite(maxSize) || maxSize <= 0) throw new UsageError(`--max-size takes a positive number of MB, not "${opts.maxSize}"`);
  const failOn = opts.failOn ?? (name === 'check' ? (opts.strict ? 'warning' : 'error') : undefined);
  const say = (line: string) => io.stderr(`policy-lens: ${line}\n`);
  const note = (line: string) => void (opts.quiet ? undefined : say(line));
  // The output is opened first: a target that cannot be written fails before any work.
  const sink = await openSink(io, opts.out);
  try {
    let args = paths;
    if (!args.length) args = io.stdinIsPiped ? ['-'] : [io.samplesDir];
    let inputs = await collectInputs(io, args, opts.stdinName);
    // Piped input that turns out empty (a CI job's closed stdin) is no input: the samples are read.
    if (!paths.length && inputs.length === 1 && inputs[0]!.bytes?.length === 0) inputs = await collectInputs(io, [io.samplesDir]);
    const format: Format = opts.format ?? (name === 'parse' ? 'json' : name === 'report' ? 'html' : 'table');
    // The renderer loads while the files are read and parsed (its failure, if any, is met where it is awaited).
    const rendering = renderers[format]();
    rendering.catch(() => {});
    const command = await commands[name]();
    // Sections are printed by table, md and html only.
    if (format === 'csv' || format === 'json' || format === 'jsonl') options.tablesOnly = true;
    const progress = inputs.length > 20 && io.stderrIsTTY && !io.env.CI && !opts.quiet ? progressBar(io, inputs.length) : undefined;
    const results: Loaded[] = new Array(inputs.length);
    let finished = 0;
    // `programs --kind K` lists documents of kind K: detection decides, K only names files it cannot tell.
    const kindAsFallback = name === 'programs';
    const forced = opts.kind && (DOCUMENT_KINDS as readonly string[]).includes(opts.kind) ? (opts.kind as DocumentKind) : undefined;
    // A per-document command's digest is taken as each file is parsed: the models are not kept.
    const digest = command.perDocument ? { command: name, options, digest: command.perDocument.digest } : undefined;
    await loadAll(io, inputs, { ...(forced ? { kind: forced, kindAsFallback } : {}), maxSize, ...(command.uses ? { uses: command.uses } : {}), ...(digest ? { digest } : {}), figureLabels: !opts.quiet, workers: io.workers !== false }, (index, result) => {
      results[index] = result;
      progress?.step(finished++, inputs[index]!.path);
    });
    // The bar is cleared before anything else is said, so no message glues onto it.
    progress?.clear();

    // The same document in two formats is one document (`parse` still shows each file's model).
    const counted = name !== 'parse';
    const duplicates = findDuplicates(results.map((r) => ('error' in r || !r.fingerprint ? undefined : { file: r.document.file, fingerprint: r.fingerprint })));
    const dropped = new Set<number>();
    if (counted) for (const d of duplicates) dropped.add(d.dropped);

    // Reported in input order, whatever order the workers finished in. A version counted
    // from its twin is not reported on: the comparison below speaks for it.
    let failed = false;
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const [index, loaded] of results.entries()) {
      if ('error' in loaded) {
        failed = true;
        say(`${inputs[index]!.path}: ${loaded.error}`);
        continue;
      }
      if (dropped.has(index)) continue;
      diagnostics.set(loaded.document.file, loaded.diagnostics);
      if (opts.debug) for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
      else {
        const line = warningLine(loaded.document.file, loaded.diagnostics);
        if (line) note(line);
      }
    }
    for (const d of duplicates) {
      const kept = (results[d.kept] as { document: PolicyDocument }).document.file;
      const other = (results[d.dropped] as { document: PolicyDocument }).document.file;
      note(duplicateNote(kept, other, counted));
      const diff = differenceNote(kept, other, d);
      if (diff) note(diff);
    }
    const documents: PolicyDocument[] = [];
    const digests: unknown[] = [];
    for (const [index, loaded] of results.entries()) {
      if ('error' in loaded || dropped.has(index)) continue;
      documents.push(loaded.document);
      digests.push(loaded.digest);
    }

    const result = shape(command.perDocument ? command.perDocument.combine(digests, options) : command({ documents, diagnostics, options }), opts);
    const width = !opts.wide && !opts.out && io.stdoutIsTTY && io.stdoutColumns ? io.stdoutColumns : undefined;
    const render = await rendering;
    await writeOutput(sink, await render(result, { color: useColor(opts, io), bom: opts.bom === true, ...(options.unit ? { unit: options.unit } : {}), ...(width ? { width } : {}) }));
    await sink.close();
    for (const line of result.notes ?? []) note(line);
    return failed ? 2 : findingsCode(result, failOn);
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

/** Commander's messages in the tool's one-line style: `policy-lens: unknown option '--x' (see --help)`. */
function oneLine(message: string): string {
  const text = message.replace(/^error:\s*/i, '').trim().replace(/\s*\n\s*/g, ' ');
  return `policy-lens: ${text} (see policy-lens --help)\n`;
}

export function buildProgram(io: Io, onRun: (p: Promise<number>) => void): Commander {
  const output = { writeOut: (t: string) => void io.stdout(t), writeErr: io.stderr, outputError: (t: string, write: (s: string) => void) => write(oneLine(t)) };
  const program = new Commander('policy-lens')
    .description('Figures from Korean public-policy documents: budgets, execution rates, year-over-year series, targets, consistency checks.')
    .usage('<command> [files or folders...] [options]')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput(output);
  for (const name of Object.keys(commands) as CommandName[]) {
    const cmd = program.command(name).description(DESCRIPTIONS[name]).exitOverride().configureOutput(output);
    addCommonOptions(cmd, name).action((paths: string[], opts: GlobalOptions) => {
      onRun(execute(io, name, paths, opts));
    });
  }
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', SHELLS.join(', '))
    .exitOverride()
    .configureOutput(output)
    .action((shell: string) => {
      if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`completion: no script for "${shell}" (shells: ${SHELLS.join(', ')})`);
      onRun(Promise.resolve(io.stdout(completionScript(shell as (typeof SHELLS)[number], program))).then(() => 0));
    });
  return program;
}

export async function run(argv: string[], io: Io): Promise<number> {
  configurePdfEngine();
  let pending: Promise<number> | undefined;
  const program = buildProgram(io, (p) => (pending = p));
  try {
    if (argv.length === 0) {
      // Plain `policy-lens`: the help, on stdout like --help.
      await io.stdout(program.helpInformation());
      return 0;
    }
    await program.parseAsync(hoistOptions(argv, program.commands.map((c) => c.name())), { from: 'user' });
    if (!pending) {
      await io.stdout(program.helpInformation());
      return 0;
    }
    return await pending;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof UsageError || error instanceof OutputError) {
      io.stderr(`policy-lens: ${error.message}\n`);
      return 2;
    }
    io.stderr(`policy-lens: internal error: ${(error as Error).message}\n`);
    if (argv.includes('--debug')) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}
