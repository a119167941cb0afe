// Turn file and folder arguments into an ordered list of documents to read, and
// read them. Order follows the arguments; a folder's files are sorted by path.

import path from 'node:path';
import type { Io } from './io.js';
import { SUPPORTED_EXTENSIONS } from '../parse/extensions.js';
import type { LoadResult } from '../parse/index.js';
import type { DocumentKind } from '../model/types.js';
import v8 from 'node:v8';

export interface InputFile {
  path: string;
  error?: string;
  /** The document's bytes when they do not come from a file (standard input). */
  bytes?: Uint8Array;
}

/** The name a document read from standard input goes by when `--stdin-name` does not give one. */
export const STDIN_NAME = '<stdin>';

function supported(file: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase());
}

/**
 * Files a repository keeps beside its documents (README, CHANGELOG, LICENSE …):
 * a folder walk leaves them out; named on the command line they are read.
 */
export const REPOSITORY_FILES = /^(readme|changelog|changes|license|licence|contributing|code_of_conduct|security|authors|notice)(\.[a-z]+)?$/i;

async function walk(io: Io, dir: string, out: InputFile[]): Promise<void> {
  for (const name of await io.listDir(dir)) {
    if (name.startsWith('.') || name === 'node_modules' || REPOSITORY_FILES.test(name)) continue;
    const full = path.join(dir, name);
    const kind = await io.kindOf(full);
    if (kind === 'dir') await walk(io, full, out);
    else if (kind === 'file' && supported(full)) out.push({ path: full });
  }
}

export async function collectInputs(io: Io, args: string[], stdinName?: string): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const arg of args) {
    if (arg === '-') {
      const name = stdinName ?? STDIN_NAME;
      if (!io.readStdin) out.push({ path: name, error: 'standard input is not available' });
      else out.push({ path: name, bytes: await io.readStdin() });
      continue;
    }
    const kind = await io.kindOf(arg);
    if (kind === undefined) out.push({ path: arg, error: 'no such file or folder' });
    else if (kind === 'dir') {
      const before = out.length;
      await walk(io, arg, out);
      if (out.length === before) out.push({ path: arg, error: `folder has no supported files (${SUPPORTED_EXTENSIONS.map((e) => '.' + e).join(' ')})` });
    } else if (!supported(arg)) {
      out.push({ path: arg, error: `unsupported file type (accepted: ${SUPPORTED_EXTENSIONS.map((e) => '.' + e).join(' ')})` });
    } else out.push({ path: arg });
  }
  return out;
}

/** Path shown in sources and messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  if (file === STDIN_NAME) return file;
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/**
 * Live heap a parse holds per input byte, rounded up: about 25 B on the bench's
 * table-heavy reports (100 MB held about 2.5 GB). A file that would need more than
 * the heap Node has left is refused with a clear line instead of ending the process
 * out of memory (Node's heap limit depends on the machine's memory: 4 GB here, less on small machines).
 */
const HEAP_PER_INPUT_BYTE = 30;

/** Why a file of `size` bytes cannot be read in this process's heap, or undefined when it fits. */
export function heapRefusal(size: number, heap = v8.getHeapStatistics()): string | undefined {
  const needed = size * HEAP_PER_INPUT_BYTE;
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (needed <= available) return undefined;
  const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  const suggested = Math.ceil((needed + heap.used_heap_size) / 2 ** 20 / 1000) * 1000;
  return `file is ${(size / 1e6).toFixed(1)} MB: reading it needs about ${gib(needed)} GiB of memory, more than Node's heap has (${gib(available)} GiB free of ${gib(heap.heap_size_limit)} GiB); run with NODE_OPTIONS=--max-old-space-size=${suggested}`;
}

export async function loadInput(
  io: Io,
  input: InputFile,
  options: { kind?: DocumentKind; kindAsFallback?: boolean; maxSize: number },
): Promise<LoadResult> {
  if (input.error) return { error: input.error };
  if (input.bytes) {
    if (input.bytes.length > options.maxSize) return { error: `input is ${(input.bytes.length / 1e6).toFixed(1)} MB, over the ${(options.maxSize / 1e6).toFixed(0)} MB limit (--max-size)` };
    if (input.bytes.length === 0) return { error: 'empty input' };
    const refusal = heapRefusal(input.bytes.length);
    if (refusal) return { error: refusal.replace(/^file/, 'input') };
    const { parseBytes } = await import('../parse/index.js');
    return await parseBytes(input.path, input.bytes, options.kind ? { kind: options.kind, kindAsFallback: options.kindAsFallback === true } : {});
  }
  try {
    const size = await io.size(input.path);
    if (size > options.maxSize) {
      return { error: `file is ${(size / 1e6).toFixed(1)} MB, over the ${(options.maxSize / 1e6).toFixed(0)} MB limit (--max-size)` };
    }
    const refusal = heapRefusal(size);
    if (refusal) return { error: refusal };
    const bytes = await io.readFile(input.path);
    const { parseBytes } = await import('../parse/index.js');
    return await parseBytes(displayPath(input.path), bytes, options.kind ? { kind: options.kind, kindAsFallback: options.kindAsFallback === true } : {});
  } catch (error) {
    return { error: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}
