// Load a CommonJS file with V8's compiled code kept on disk between runs. Node 22.1+
// has module.enableCompileCache for this; Node 20 has not, and compiling the bundled
// CLI was about a fifth of a one-document run. The cache is only ever an optimisation:
// a missing, stale, foreign or corrupt cache is rejected by V8 (it checks the V8
// version, flags and source) and the file is compiled as usual; a cache that cannot
// be read or written is ignored.
//
// Reusable for any CommonJS file that is loaded whole and whose functions are
// needed on most runs (the PDF engine's bundle, for instance), with one limit: code
// compiled here must not use `import()`. Node 20 cannot give code that comes from a
// V8 cache its dynamic-import callback ("A dynamic import callback was not specified");
// scripts/bundle.mjs routes the CLI's through a plain CommonJS file instead.

import { createRequire } from 'node:module';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** CommonJS's function wrapper: the file's code runs as this function's body. */
const WRAP_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_END = '\n})';

export interface CodeCacheOptions {
  /** Name of the cache file, which also tells a stale one apart: include the tool's version. */
  name: string;
  /** Folder of the cache; default: a folder of this user's in the system's temporary folder. */
  dir?: string;
  /** No cache (the file is required as usual): POLICY_LENS_NO_CODE_CACHE does this for the CLI. */
  disabled?: boolean;
}

/** A short hash of a text (FNV-1a): tells the caches of two installs apart without loading crypto. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The cache files of one install of `file` under one V8 start with this; only the newest
 * build's is kept. Two Node versions keep a cache each rather than rejecting each other's.
 */
function cachePrefix(file: string, options: CodeCacheOptions): string {
  return `${options.name}-${shortHash(`${path.resolve(file)}\0${process.versions.v8}`)}-`;
}

/**
 * The user's own cache folder in the temporary folder, made if missing, or undefined when
 * it cannot be trusted. Cached code is run as it is: a folder that another user could
 * write to (the temporary folder itself is one) could hand this process their code.
 */
export function userCacheDir(): string | undefined {
  const uid = process.getuid?.();
  const dir = path.join(os.tmpdir(), `policy-lens-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  const s = lstatSync(dir);
  if (!s.isDirectory()) return undefined;
  if (uid !== undefined && (s.uid !== uid || (s.mode & 0o022) !== 0)) return undefined;
  return dir;
}

/**
 * The cache file for `file` whose text is `source`: a hash of the text in the name, so
 * a rebuilt or replaced file never meets the code of another (V8 checks the source's
 * length, not its text; size, time and inode can all repeat across a reinstall).
 */
export function cacheFile(file: string, options: CodeCacheOptions, source: string): string | undefined {
  const dir = options.dir ?? userCacheDir();
  if (dir === undefined) return undefined;
  const tag = createHash('sha1').update(source).digest('hex').slice(0, 20);
  return path.join(dir, `${cachePrefix(file, options)}${tag}.v8cache`);
}

/** Remove the caches of earlier builds of the same install (a rebuild leaves its old cache behind otherwise). */
function removeStale(current: string, prefix: string): void {
  const dir = path.dirname(current);
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.v8cache') && path.join(dir, name) !== current) rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // Stale caches only cost disk space.
  }
}

/** Write `data` to `target` whole or not at all: a temporary file beside it, then a rename. */
function writeAtomic(target: string, data: Uint8Array): void {
  const tmp = `${target}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/**
 * `require(file)`, compiled with the code cache when one is there and accepted. When
 * none is (or it was rejected), the cache is written as the process exits, so it holds
 * the functions this run compiled, not only the top level.
 */
export function requireWithCodeCache(file: string, options: CodeCacheOptions): unknown {
  const require = createRequire(file);
  if (options.disabled) return require(file);
  let source = '';
  let cachePath: string | undefined;
  try {
    source = readFileSync(file, 'utf8');
    cachePath = cacheFile(file, options, source);
  } catch {
    cachePath = undefined;
  }
  if (cachePath === undefined) return require(file);
  const target = cachePath;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(WRAP_START + source.replace(/^#!.*/, '') + WRAP_END, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        writeAtomic(target, script.createCachedData());
        removeStale(target, cachePrefix(file, options));
      } catch {
        // No cache this time: the next run compiles again.
      }
    });
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, require, module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}
