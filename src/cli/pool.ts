// Load many files: on worker threads (one per core) when a run is large enough
// for the workers' start-up to pay, else one after another in this thread with
// the next file's bytes read while the current one is parsed. Results come back
// in input order either way.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../parse/index.js';
import type { Diagnostic, DocumentKind } from '../model/types.js';
import { project, type CommandOptions, type ModelPart, type PerDocument } from '../commands/types.js';
import type { CommandName } from '../commands/index.js';
import { loadInput, type InputFile } from './inputs.js';
import type { Io } from './io.js';
import { fingerprintOf, type Fingerprint } from './duplicates.js';

/**
 * A loaded file: the model reduced to what the command reads, and the figures of
 * the whole model (to tell duplicates). For a per-document command, `digest` is
 * all it reads and the document keeps only its head (file, kind, title).
 */
export type Loaded = LoadResult & { fingerprint?: Fingerprint; digest?: unknown };

/** A per-document command's digest, named so a worker thread can find the same function. */
export interface DigestStep {
  command: CommandName;
  options: CommandOptions;
  digest: PerDocument['digest'];
}

/** Reduce a full result for the command; the fingerprint is taken first, from the whole model. */
export function reduce(result: LoadResult, uses: readonly ModelPart[] | undefined, digest?: Omit<DigestStep, 'command'>, figureLabels = true): Loaded {
  if ('error' in result) return result;
  const fingerprint = fingerprintOf(result.document, figureLabels);
  if (digest) {
    const taken = digest.digest(result.document, result.diagnostics, digest.options);
    return { ...result, diagnostics: result.diagnostics.map(withoutSourceText), fingerprint, digest: taken, document: project(result.document, []) };
  }
  return { ...result, fingerprint, document: project(result.document, uses) };
}

/**
 * After a per-document command's digest, a document's diagnostics serve only the lines
 * said on stderr (where, severity, message, code): the text of their source line is
 * not kept. Kept for 5,000 documents, those texts were about 50 KB a document.
 */
function withoutSourceText(d: Diagnostic): Diagnostic {
  return d.source ? { ...d, source: { ...d.source, text: '' } } : d;
}

/** The young generation of a parsing worker, in MB (see loadAll). */
const WORKER_YOUNG_GENERATION_MB = 16;

/** Below this many files, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 24;

export interface LoadOptions {
  kind?: DocumentKind;
  kindAsFallback?: boolean;
  maxSize: number;
  uses?: readonly ModelPart[];
  /** False when no note will be printed: the figures of a fingerprint are kept without their labels. */
  figureLabels?: boolean;
  /** For a per-document command: the step each file's model goes through before it is dropped. */
  digest?: DigestStep;
  /** Allow worker threads (the CLI passes false for a fake Io in tests). */
  workers: boolean;
}

/** The compiled worker; absent when running from TypeScript sources without a build. */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('../../dist/cli/worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** Files posted to a worker before its first answer: it never waits on a message round trip. */
const IN_FLIGHT = 3;

export async function loadAll(
  io: Io,
  inputs: InputFile[],
  options: LoadOptions,
  onDone: (index: number, result: Loaded) => void,
): Promise<void> {
  const opts = { ...(options.kind ? { kind: options.kind, kindAsFallback: options.kindAsFallback === true } : {}), maxSize: options.maxSize };
  // What is kept of a document parsed here is copied, as a worker's answer is: strings cut
  // from the document's text would otherwise keep the whole text alive until the run ends.
  const keep = inputs.length > 1 ? (loaded: Loaded) => structuredClone(loaded) : (loaded: Loaded) => loaded;
  const loadHere = async (index: number) => {
    const result = await loadInput(io, inputs[index]!, opts);
    onDone(index, keep(reduce(result, options.uses, options.digest, options.figureLabels !== false)));
  };
  const file = options.workers && inputs.length >= WORKER_THRESHOLD ? workerFile() : undefined;
  if (file) {
    const os = await import('node:os');
    // The main thread parses too, so one core takes one fewer worker.
    const threads = Math.min(os.availableParallelism(), 8) - 1;
    if (threads >= 1) {
      const { Worker } = await import('node:worker_threads');
      // A worker holds one document at a time, so a smaller young generation than V8 sizes for a
      // whole process does: on 5,000 generated documents peak RSS 397–422 → 369–395 MB (4 runs of 5), time unchanged.
      await loadOnWorkers((f) => new Worker(f, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }), file, threads, inputs, options, onDone, loadHere);
      return;
    }
  }
  for (let index = 0; index < inputs.length; index++) await loadHere(index);
}

/**
 * One queue of files shared by the workers and this thread: each worker keeps
 * IN_FLIGHT files posted; this thread takes the next file whenever it is free.
 */
function loadOnWorkers(
  spawn: (file: string) => import('node:worker_threads').Worker,
  file: string,
  threads: number,
  inputs: InputFile[],
  options: LoadOptions,
  onDone: (index: number, result: Loaded) => void,
  loadHere: (index: number) => Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let failed = false;
    const workers: import('node:worker_threads').Worker[] = [];
    const finish = () => {
      if (++done === inputs.length) {
        for (const x of workers) void x.terminate();
        resolve();
      }
    };
    const give = (w: import('node:worker_threads').Worker) => {
      if (next >= inputs.length) return;
      const input = inputs[next]!;
      w.postMessage({
        index: next++,
        path: input.path,
        ...(input.error ? { error: input.error } : {}),
        ...(input.bytes ? { bytes: input.bytes } : {}),
        ...(options.kind ? { kind: options.kind, kindAsFallback: options.kindAsFallback === true } : {}),
        maxSize: options.maxSize,
        ...(options.uses ? { uses: options.uses } : {}),
        ...(options.digest ? { command: options.digest.command, options: options.digest.options } : {}),
        ...(options.figureLabels === false ? { figureLabels: false } : {}),
      });
    };
    for (let t = 0; t < threads; t++) {
      const w = spawn(file);
      workers.push(w);
      w.on('message', (m: { index: number; result: Loaded }) => {
        onDone(m.index, m.result);
        give(w);
        finish();
      });
      w.on('error', (e) => {
        failed = true;
        for (const x of workers) void x.terminate();
        reject(e);
      });
      for (let k = 0; k < IN_FLIGHT; k++) give(w);
    }
    // This thread's share: one file at a time from the same queue, yielding between files so worker answers are taken promptly.
    const here = async () => {
      while (next < inputs.length && !failed) {
        const index = next++;
        await loadHere(index);
        finish();
        await new Promise<void>((r) => setImmediate(r));
      }
    };
    here().catch((e: unknown) => {
      failed = true;
      for (const x of workers) void x.terminate();
      reject(e);
    });
  });
}
