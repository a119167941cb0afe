// The process boundary: standard streams, files, environment. Tests pass a fake.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  /** 'file', 'dir', or undefined when missing. */
  kindOf(file: string): Promise<'file' | 'dir' | undefined>;
  size(file: string): Promise<number>;
  listDir(dir: string): Promise<string[]>;
  writeFileAtomic(file: string, text: string): Promise<void>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** The bundled samples folder (default input). */
  samplesDir: string;
  /** False to keep all parsing in this thread (workers read the real file system, not this Io). */
  workers?: boolean;
}

export const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/samples');

export function realIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: async (f) => new Uint8Array(await fs.readFile(f)),
    kindOf: async (f) => {
      try {
        const s = await fs.stat(f);
        return s.isDirectory() ? 'dir' : 'file';
      } catch {
        return undefined;
      }
    },
    size: async (f) => (await fs.stat(f)).size,
    listDir: async (d) => (await fs.readdir(d)).sort(),
    writeFileAtomic: async (file, text) => {
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, text);
      await fs.rename(tmp, file);
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    samplesDir: SAMPLES_DIR,
  };
}
