// The process boundary: standard streams, files, environment. Tests pass a fake.

import { createWriteStream, fstatSync, promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

/** Where output goes, chunk by chunk: stdout, or a file written atomically. */
export interface Sink {
  /** Resolves when the chunk may be followed by the next (back-pressure). */
  write(text: string): void | Promise<void>;
  /** Finish: for a file, rename the temporary file into place. */
  close(): Promise<void>;
  /** Give up: for a file, remove the temporary file and leave the target as it was. */
  abort(): Promise<void>;
}

/** A write target the user named that cannot be written; the message is shown as is. */
export class OutputError extends Error {}

export interface Io {
  /** Write to stdout; may return a promise to wait on before writing more. */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  /** All of standard input (for `-`). */
  readStdin?(): Promise<Uint8Array>;
  /** 'file', 'dir', or undefined when missing. */
  kindOf(file: string): Promise<'file' | 'dir' | undefined>;
  size(file: string): Promise<number>;
  listDir(dir: string): Promise<string[]>;
  writeFileAtomic(file: string, text: string): Promise<void>;
  /** Open `file` for writing atomically (temp file beside it, then rename); missing parent folders are created. */
  openFile?(file: string): Promise<Sink>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input is a pipe or a file with a document in it (not a terminal, not /dev/null). */
  stdinIsPiped?: boolean;
  /** Terminal width of stdout, when it is a terminal. */
  stdoutColumns?: number;
  env: Record<string, string | undefined>;
  /** The bundled samples folder (default input). */
  samplesDir: string;
  /** False to keep all parsing in this thread (workers read the real file system, not this Io). */
  workers?: boolean;
}

export const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/samples');

/** The reason a path cannot be written, in words. */
function writeReason(error: NodeJS.ErrnoException, file: string): string {
  switch (error.code) {
    case 'EISDIR':
      return `cannot write ${file}: is a directory`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `cannot write ${file}: a part of its path is a file, not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${file}: permission denied`;
    case 'EROFS':
      return `cannot write ${file}: read-only file system`;
    case 'ENOSPC':
      return `cannot write ${file}: no space left on device`;
    default:
      return `cannot write ${file}: ${error.code ?? error.message}`;
  }
}

/** Open `file` for an atomic write: refuse a folder, create missing parent folders, write a temp file beside it. */
export async function openAtomic(file: string): Promise<Sink> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat?.isDirectory()) throw new OutputError(`cannot write ${file}: is a directory`);
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  } catch (error) {
    throw new OutputError(writeReason(error as NodeJS.ErrnoException, file));
  }
  const tmp = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp);
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (e) => (failure ??= e));
  await new Promise<void>((resolve) => {
    stream.once('open', () => resolve());
    stream.once('error', () => resolve());
  });
  const cleanup = () => fs.rm(tmp, { force: true });
  if (failure) {
    await cleanup();
    throw new OutputError(writeReason(failure, file));
  }
  return {
    write: (text) => {
      if (failure) return;
      if (!stream.write(text)) return new Promise<void>((resolve) => stream.once('drain', resolve));
    },
    close: async () => {
      await new Promise<void>((resolve) => stream.end(resolve));
      try {
        if (failure) throw failure;
        await fs.rename(tmp, file);
      } catch (error) {
        await cleanup();
        throw new OutputError(writeReason(error as NodeJS.ErrnoException, file));
      }
    },
    abort: async () => {
      stream.destroy();
      await cleanup();
    },
  };
}

/** Whether standard input holds data to read: a pipe or a redirected file (not a terminal, not /dev/null). */
function stdinHasData(): boolean {
  try {
    const s = fstatSync(0);
    return s.isFIFO() || (s.isFile() && s.size > 0);
  } catch {
    return false;
  }
}

let pipeWatched = false;

export function realIo(): Io {
  if (isMainThread && !pipeWatched) {
    pipeWatched = true;
    // `policy-lens parse | head -1`: the reader closed the pipe, so there is nothing left to say.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    stdout: (t) => {
      if (!process.stdout.write(t)) return new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    },
    stderr: (t) => void process.stderr.write(t),
    // Input is read with synchronous calls: a document is read whole before it is parsed, and
    // fs/promises' open, stat, read and close each wait a turn of the thread pool (on 1,000
    // documents of 40 KB the main thread sat idle ~1 ms a file between them).
    readFile: async (f) => {
      const b = readFileSync(f);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    kindOf: async (f) => {
      try {
        const s = statSync(f);
        return s.isDirectory() ? 'dir' : 'file';
      } catch {
        return undefined;
      }
    },
    size: async (f) => statSync(f).size,
    listDir: async (d) => readdirSync(d).sort(),
    writeFileAtomic: async (file, text) => {
      const sink = await openAtomic(file);
      await sink.write(text);
      await sink.close();
    },
    openFile: openAtomic,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsPiped: isMainThread && process.stdin.isTTY !== true && stdinHasData(),
    ...(process.stdout.isTTY && process.stdout.columns ? { stdoutColumns: process.stdout.columns } : {}),
    env: process.env,
    samplesDir: SAMPLES_DIR,
  };
}
