// Test helpers: parse a fixture the way the CLI does, and run the CLI in-process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBytes, type LoadResult } from '../../src/parse/index.js';
import type { ParseResult } from '../../src/model/types.js';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import { realIo } from '../../src/cli/io.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLES = path.join(ROOT, 'fixtures/samples');

export async function load(rel: string, kind?: Parameters<typeof parseBytes>[2]): Promise<ParseResult> {
  const file = path.join(ROOT, rel);
  const result: LoadResult = await parseBytes(rel, new Uint8Array(readFileSync(file)), kind ?? {});
  if ('error' in result) throw new Error(`${rel}: ${result.error}`);
  return result;
}

export async function loadText(name: string, text: string, kind?: Parameters<typeof parseBytes>[2]): Promise<ParseResult> {
  const result = await parseBytes(name, new TextEncoder().encode(text), kind ?? {});
  if ('error' in result) throw new Error(`${name}: ${result.error}`);
  return result;
}

export interface Transcript {
  stdout: string;
  stderr: string;
  code: number;
}

/** Run the CLI in-process with the real file system but captured streams, color off. */
export async function cli(args: string[], env: Record<string, string> = {}, stderrIsTTY = false, workers = true): Promise<Transcript> {
  let stdout = '';
  let stderr = '';
  const real = realIo();
  const io: Io = {
    ...real,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY,
    stdinIsPiped: false,
    env: { ...env },
    workers,
  };
  const code = await run(args, io);
  return { stdout, stderr, code };
}
