// Load many files: on worker threads (one per core) when a run is large enough
// for the workers' start-up to pay, else one after another in this thread with
// the next file's bytes read while the current one is parsed. Results come back
// in input order either way.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../parse/index.js';
import type { DocumentKind } from '../model/types.js';
import { project, type ModelPart } from '../commands/types.js';
import { loadInput, type InputFile } from './inputs.js';
import type { Io } from './io.js';
import { fingerprintOf, type Fingerprint } from './duplicates.js';

/** A loaded file: the model reduced to what the command reads, and the figures of the whole model (to tell duplicates). */
export type Loaded = LoadResult & { fingerprint?: Fingerprint };

/** Reduce a full result for the command; the fingerprint is taken first, from the whole model. */
export function reduce(result: LoadResult, uses: readonly ModelPart[] | undefined): Loaded {
  if ('error' in result) return result;
  return { ...result, fingerprint: fingerprintOf(result.document), document: project(result.document, uses) };
}

/** Below this many files, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 24;

export interface LoadOptions {
  kind?: DocumentKind;
  kindAsFallback?: boolean;
  maxSize: number;
  uses?: readonly ModelPart[];
  /** Allow worker threads (the CLI passes false for a fake Io in tests). */
  workers: boolean;
}

/** The compiled worker; absent when running from TypeScript sources without a build. */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('../../dist/cli/worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

export async function loadAll(
  io: Io,
  inputs: InputFile[],
  options: LoadOptions,
  onDone: (index: number, result: Loaded) => void,
): Promise<void> {
  const file = options.workers && inputs.length >= WORKER_THRESHOLD ? workerFile() : undefined;
  if (file) {
    const os = await import('node:os');
    const threads = Math.min(os.availableParallelism(), 8);
    if (threads > 1) {
      const { Worker } = await import('node:worker_threads');
      await loadOnWorkers((f) => new Worker(f), file, threads, inputs, options, onDone);
      return;
    }
  }
  const opts = { ...(options.kind ? { kind: options.kind, kindAsFallback: options.kindAsFallback === true } : {}), maxSize: options.maxSize };
  for (const [index, input] of inputs.entries()) {
    const result = await loadInput(io, input, opts);
    onDone(index, reduce(result, options.uses));
  }
}

function loadOnWorkers(
  spawn: (file: string) => import('node:worker_threads').Worker,
  file: string,
  threads: number,
  inputs: InputFile[],
  options: LoadOptions,
  onDone: (index: number, result: Loaded) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    const workers: import('node:worker_threads').Worker[] = [];
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
      });
    };
    for (let t = 0; t < threads; t++) {
      const w = spawn(file);
      workers.push(w);
      w.on('message', (m: { index: number; result: Loaded }) => {
        onDone(m.index, m.result);
        if (++done === inputs.length) {
          for (const x of workers) void x.terminate();
          resolve();
        } else give(w);
      });
      w.on('error', (e) => {
        for (const x of workers) void x.terminate();
        reject(e);
      });
      give(w);
    }
  });
}
