// A parsing worker: reads one file at a time, parses it and sends back the model
// reduced to the parts the command reads. Used by pool.ts for large batches.

import { parentPort } from 'node:worker_threads';
import { realIo } from './io.js';
import { loadInput } from './inputs.js';
import type { CommandOptions, ModelPart } from '../commands/types.js';
import { commands, type CommandName } from '../commands/index.js';
import { reduce } from './pool.js';
import { configurePdfEngine } from './pdf-setup.js';
import type { DocumentKind } from '../model/types.js';

export interface WorkerJob {
  index: number;
  path: string;
  error?: string;
  bytes?: Uint8Array;
  kind?: DocumentKind;
  kindAsFallback?: boolean;
  maxSize: number;
  uses?: readonly ModelPart[];
  /** A per-document command, whose digest of the model is sent back instead of the model. */
  command?: CommandName;
  options?: CommandOptions;
  figureLabels?: boolean;
}

const io = realIo();
configurePdfEngine();

parentPort?.on('message', async (job: WorkerJob) => {
  const input = job.error ? { path: job.path, error: job.error } : job.bytes ? { path: job.path, bytes: job.bytes } : { path: job.path };
  const result = await loadInput(io, input, { ...(job.kind ? { kind: job.kind, kindAsFallback: job.kindAsFallback === true } : {}), maxSize: job.maxSize });
  const perDocument = job.command ? (await commands[job.command]()).perDocument : undefined;
  const digest = perDocument ? { digest: perDocument.digest, options: job.options ?? {} } : undefined;
  parentPort?.postMessage({ index: job.index, result: reduce(result, job.uses, digest, job.figureLabels !== false) });
});
