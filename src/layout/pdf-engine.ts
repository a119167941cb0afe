// Loading PDFs through pdf.js 5 (the build pdf-parse 2.4.5 depends on), shared
// by the line pipeline (layout/pdf-text.ts) and the layout reader (layout/pdf.ts).
// Text items come with positions; on request, the page's ruling lines (stroked
// segments and thin filled rectangles) come too, read from the operator list.
//
// Loading pdf.js has process-wide side effects that a text extractor does not
// need, so they are undone or avoided here (see docs/pdf.md for measurements):
// - the legacy build replaces `Array.prototype.push` and `JSON.parse` with
//   core-js versions that are slower; the native ones are put back;
// - it requires the `@napi-rs/canvas` native library at load, only to polyfill
//   DOMMatrix, ImageData and Path2D for drawing; nothing is drawn here, so a
//   stand-in module answers that require, and a small DOMMatrix serves the few
//   matrix sums the worker does (Type3 glyphs drawn as image masks).
// pdf.js's worker (the parser) runs in a worker thread, so parsing overlaps
// with the main thread's work; when no thread can be started it runs in-process.

import { maxOf, minOf } from '../extract/collections.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfItem } from './pdf-text.js';

/** An axis-parallel ruling line, in page coordinates from the top-left (y grows downward). */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** Physical page number, from 1. */
  n: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** Ruling lines, when asked for. */
  rules?: PdfRule[];
  /** Filled rectangles wider than a rule in a colour other than white (shaded cells), when rules are asked for. */
  shades?: PdfRule[];
}

export interface PdfPages {
  pages: PdfPage[];
}

export interface ReadPdfOptions {
  /** Also read the ruling lines of every page (costs an operator list per page). */
  rules?: boolean;
}

const require = createRequire(import.meta.url);

function cMapUrl(): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
}

/** A 2-D affine matrix with the DOMMatrix members pdf.js's worker and loader touch. */
class PlainMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [number, number, number, number, number, number];
  }
  multiplySelf(m: PlainMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }
  preMultiplySelf(m: PlainMatrix): this {
    const copy = new PlainMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    Object.assign(this, { a: copy.a, b: copy.b, c: copy.c, d: copy.d, e: copy.e, f: copy.f });
    return this;
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new PlainMatrix([1, 0, 0, 1, x, y]));
  }
  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new PlainMatrix([x, 0, 0, y, 0, 0]));
  }
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    this.a = d / det;
    this.b = -b / det;
    this.c = -c / det;
    this.d = a / det;
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }
}

class NoDrawing {
  constructor() {
    throw new Error('policy-lens reads text only; drawing is not available');
  }
}

interface PdfDocumentTask {
  promise: Promise<PdfDocLike>;
  destroy(): Promise<void>;
}

interface PdfJs {
  getDocument(options: object): PdfDocumentTask;
  PDFWorker: new (options: { port: unknown; verbosity: number }) => unknown;
  GlobalWorkerOptions: { workerSrc: string };
  OPS: OperatorCodes;
}

let engine: Promise<PdfJs> | undefined;

/** A module of pdf.js loaded by `loadCompiled`; `save` writes its code cache if it had none (once). */
interface CompiledModule {
  exports: Record<string, unknown>;
  save: () => void;
}

/**
 * Loads one of pdf.js's module files as a classic script, with a V8 code cache
 * kept in `cacheDir`: pdf.js is 1.5 MB of JavaScript, compiled in both threads
 * on every run, and Node 20 keeps no compiled code between runs (the parser
 * thread is ready in about 90 ms instead of 150). The file's closing
 * `export { … }` becomes the script's result and `import.meta.url` its own URL;
 * a file of another shape gives undefined, and the caller imports it as a
 * module. The cache is named by a hash of the script, the Node version and its
 * flags: V8 itself only checks the source's length, so a changed pdf.js must
 * not meet an old cache. A cache V8 rejects (damaged, other flags) is ignored
 * and written again. Writes go to a temporary file renamed into place, so that
 * processes writing at once leave a whole file.
 * Self-contained: its source text runs in the parser thread too.
 */
function loadCompiled(fileUrl: string, cacheDir: string | undefined): Promise<CompiledModule> | undefined {
  type Builtins = {
    fs: typeof import('node:fs');
    vm: typeof import('node:vm');
    url: typeof import('node:url');
    crypto: typeof import('node:crypto');
    threads: typeof import('node:worker_threads');
  };
  const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (typeof builtin !== 'function') return undefined;
  const { fs, vm, url, crypto, threads } = {
    fs: builtin('node:fs'),
    vm: builtin('node:vm'),
    url: builtin('node:url'),
    crypto: builtin('node:crypto'),
    threads: builtin('node:worker_threads'),
  } as Builtins;
  let script: import('node:vm').Script;
  let cacheFile: string | undefined;
  let cached = false;
  try {
    const file = url.fileURLToPath(fileUrl);
    const source = fs.readFileSync(file, 'utf8');
    const tail = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(source);
    if (!tail) return undefined;
    const names = tail[1]!.split(',').map((entry) => entry.trim().split(/\s+as\s+/));
    if (!names.every((pair) => pair.every((name) => /^[\w$]+$/.test(name)))) return undefined;
    const body = source.slice(0, tail.index).replaceAll('import.meta.url', '__moduleUrl');
    if (body.includes('import.meta')) return undefined;
    const result = names.map(([local, exported]) => `${JSON.stringify(exported ?? local)}: ${local}`).join(', ');
    const code = `(async function (__moduleUrl) {"use strict";\n${body}\nreturn { ${result} };\n})`;
    let cachedData: Buffer | undefined;
    if (cacheDir) {
      const key = crypto.createHash('sha256').update(code).update(`${process.version} ${process.arch} ${process.execArgv.join(' ')}`).digest('hex').slice(0, 24);
      cacheFile = `${cacheDir}/${file.replace(/^.*[\\/]/, '')}-${key}.cache`;
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
    }
    const dynamicImport = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
    script = new vm.Script(code, { filename: fileUrl, cachedData, ...(dynamicImport ? { importModuleDynamically: dynamicImport as never } : {}) });
    cached = cachedData !== undefined && !script.cachedDataRejected;
  } catch {
    return undefined;
  }
  const save = () => {
    if (cached || !cacheFile) return;
    cached = true;
    const temporary = `${cacheFile}.${process.pid}-${threads.threadId}.tmp`;
    try {
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temporary, cacheFile);
    } catch {
      try {
        fs.unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
      return;
    }
    // Each pdf.js version, Node version and set of flags gets its own file: without this,
    // every upgrade (and every run under other flags) would leave ~1.5 MB behind for good.
    // Only files a day old are removed: another install or flag set in use now keeps its
    // cache, and one removed by mistake is written again on its next run.
    const day = 24 * 60 * 60 * 1000;
    const prefix = cacheFile.slice(0, cacheFile.lastIndexOf('-') + 1);
    const folder = prefix.slice(0, prefix.lastIndexOf('/'));
    try {
      for (const name of fs.readdirSync(folder)) {
        const other = `${folder}/${name}`;
        if (!other.startsWith(prefix) || other === cacheFile || !/\.cache(\.[\w-]+\.tmp)?$/.test(name)) continue;
        if (Date.now() - fs.statSync(other).mtimeMs > day) fs.rmSync(other, { force: true });
      }
    } catch {
      // A cache left behind costs only disk space.
    }
  };
  return (script.runInThisContext() as (url: string) => Promise<Record<string, unknown>>)(fileUrl).then((exports) => ({ exports, save }));
}

/**
 * The folder for pdf.js's code cache, or undefined for none (the default). The CLI
 * chooses it (src/cli/pdf-setup.ts): deciding where files go is the CLI's business.
 */
let cacheDir: string | undefined;

/** Keep pdf.js's compiled code in `dir` between runs (a folder private to this user), or not (undefined). */
export function usePdfCodeCache(dir: string | undefined): void {
  cacheDir = dir;
}

function theCodeCacheDir(): string | undefined {
  return cacheDir;
}

/** A pdf.js module, compiled with its code cache where possible, else imported. */
async function loadModule(fileUrl: string): Promise<{ exports: Record<string, unknown>; save: () => void }> {
  const compiled = loadCompiled(fileUrl, theCodeCacheDir());
  if (compiled) {
    try {
      return await compiled;
    } catch {
      // Fall through to the module loader.
    }
  }
  return { exports: (await import(fileUrl)) as Record<string, unknown>, save: () => undefined };
}

/** Code caches of this thread's pdf.js modules, written after the first read (compiled functions included) when they had none. */
const pendingSaves: (() => void)[] = [];

let inProcessWorker: Promise<void> | undefined;

/** pdf.js's worker module in this thread, for reads without a parser thread (it registers itself as `globalThis.pdfjsWorker`). */
function loadInProcessWorker(): Promise<void> {
  inProcessWorker ??= loadModule(pdfjsFile('pdf.worker.min.mjs'))
    .then(({ exports, save }) => {
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= exports;
      pendingSaves.push(save);
    })
    .finally(restoreNatives);
  return inProcessWorker;
}

/** pdf.js's legacy build (the one for Node), minified: about half the source of the plain files to compile at start-up. */
function pdfjsFile(name: 'pdf.min.mjs' | 'pdf.worker.min.mjs'): string {
  return pathToFileURL(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy', 'build', name)).href;
}

/** Loads pdf.js once, without the canvas library and with the native `push` and `JSON.parse` put back. */
function loadEngine(): Promise<PdfJs> {
  engine ??= (async () => {
    try {
      // pdf.js requires the canvas package from its own folder: answer that require from the cache.
      const fromPdfjs = createRequire(require.resolve('pdfjs-dist/package.json'));
      const canvasPath = fromPdfjs.resolve('@napi-rs/canvas');
      if (!require.cache[canvasPath]) {
        const stub = { DOMMatrix: PlainMatrix, ImageData: NoDrawing, Path2D: NoDrawing, createCanvas: () => new NoDrawing() };
        require.cache[canvasPath] = { id: canvasPath, filename: canvasPath, loaded: true, exports: stub, children: [], paths: [] } as unknown as NodeJS.Module;
      }
    } catch {
      // No canvas package installed: pdf.js warns and goes on; nothing to avoid.
    }
    // The thread compiles pdf.js's worker module while this thread compiles the main one.
    if (!threadsFailed) spawnedThread ??= spawnThread();
    try {
      const loaded = await loadModule(pdfjsFile('pdf.min.mjs'));
      pendingSaves.push(loaded.save);
      const pdfjs = loaded.exports as unknown as PdfJs;
      pdfjs.GlobalWorkerOptions.workerSrc = pdfjsFile('pdf.worker.min.mjs');
      return pdfjs;
    } finally {
      restoreNatives();
    }
  })();
  return engine;
}

/** A worker thread running pdf.js's parser, shared by every document read in the process. */
interface ParserThread {
  /** The pdf.js PDFWorker talking to the thread, passed to getDocument. */
  worker: unknown;
  thread: Worker;
  /** Rejects when the thread dies, so that a read waiting on it ends instead of hanging. */
  failed: Promise<never>;
  reads: number;
}

let parserThread: ParserThread | undefined;

// The thread's entry: pdf.js's worker module behind a port that speaks the
// browser's MessagePort dialect pdf.js expects, with the same small DOMMatrix
// the main thread uses. Only dynamic imports, so it runs whether Node treats
// evaluated code as CommonJS or as a module (--input-type is inherited).
const threadSource = () => `globalThis.DOMMatrix ??= (${PlainMatrix.toString()});
const thinned = ${thinned.toString()};
const loadCompiled = ${loadCompiled.toString()};
const nativePush = Array.prototype.push;
const nativeParse = JSON.parse;
const workerUrl = ${JSON.stringify(pdfjsFile('pdf.worker.min.mjs'))};
// Built-in modules without starting the module loader where Node can (20.16 on).
const builtin = (id) => (process.getBuiltinModule ? Promise.resolve(process.getBuiltinModule(id)) : import(id));
const loadWorker = () => {
  const compiled = loadCompiled(workerUrl, ${JSON.stringify(theCodeCacheDir())});
  return (compiled ?? Promise.reject(new Error('not compiled'))).catch(() => import(workerUrl).then((exports) => ({ exports, save: () => undefined })));
};
Promise.all([builtin('node:worker_threads'), builtin('node:events'), loadWorker()]).then(([{ parentPort }, { setMaxListeners }, { exports: { WorkerMessageHandler }, save }]) => {
  // As in the main thread: core-js's push and JSON.parse are slower than the natives.
  Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(JSON, 'parse', { value: nativeParse, writable: true, configurable: true, enumerable: false });
  // Two listeners per open document: many documents read at once are not a leak.
  setMaxListeners(0, parentPort);
  const wrapped = new Map();
  // Set by the main thread's first message: the operators whose arguments the rule reader reads.
  let keepArgs;
  WorkerMessageHandler.initializeFromPort({
    postMessage: (message, transfer) => parentPort.postMessage(keepArgs ? thinned(message, keepArgs) : message, transfer),
    addEventListener: (type, listener, options) => {
      const onMessage = (data) => {
        if (data?.policyLensKeepArgs) keepArgs = new Set(data.policyLensKeepArgs);
        else {
          // The first document closed: its code cache, compiled functions included, is written (once).
          if (data?.action === 'Terminate') save();
          listener({ data });
        }
      };
      wrapped.set(listener, onMessage);
      parentPort.on('message', onMessage);
      options?.signal?.addEventListener('abort', () => { parentPort.off('message', onMessage); wrapped.delete(listener); }, { once: true });
    },
    removeEventListener: (type, listener) => {
      const onMessage = wrapped.get(listener);
      if (onMessage) parentPort.off('message', onMessage);
      wrapped.delete(listener);
    },
  });
});`;

/** The operators whose arguments `pageRules` reads (stroke and fill codes come inside constructPath's). */
const RULE_OPERATORS = ['save', 'restore', 'transform', 'constructPath', 'setStrokeRGBColor', 'setFillRGBColor'] as const;

/**
 * A message from the parser thread, without what the reader never reads: the
 * arguments of every operator but RULE_OPERATORS in operator-list chunks (the
 * glyph objects of each text operator are most of what is cloned between the
 * threads), and the drawing programs of Type3 glyphs sent with their font.
 * Changed in place, before it is cloned. Self-contained: its source text runs
 * in the parser thread.
 */
function thinned(message: unknown, keepArgs: Set<number>): unknown {
  const m = message as { stream?: unknown; chunk?: { fnArray?: unknown; argsArray?: unknown }; action?: unknown; data?: unknown } | null;
  const chunk = m?.chunk;
  // An operator-list chunk: pdf.js's stream message of kind ENQUEUE (4).
  if (m?.stream === 4 && chunk && Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) {
    const fnArray = chunk.fnArray as number[];
    const argsArray = chunk.argsArray as unknown[];
    for (let i = 0; i < argsArray.length; i++) if (!keepArgs.has(fnArray[i]!)) argsArray[i] = null;
  } else if (m?.action === 'commonobj' && Array.isArray(m.data) && m.data[1] === 'Font') {
    const font = m.data[2] as { charProcOperatorList?: unknown } | undefined;
    if (font?.charProcOperatorList) font.charProcOperatorList = undefined;
  }
  return message;
}

/** A thread started but not yet connected to pdf.js (see loadEngine). */
let spawnedThread: { thread: Worker; failed: Promise<never> } | undefined;

/** Starts a parser thread; it does not keep the process alive until a read refs it. */
function spawnThread(): { thread: Worker; failed: Promise<never> } | undefined {
  let thread: Worker;
  try {
    thread = new Worker(threadSource(), { eval: true });
  } catch {
    return undefined;
  }
  thread.unref();
  thread.setMaxListeners(0);
  const failed = new Promise<never>((_, reject) => {
    thread.once('error', (error) => reject(error));
    thread.once('exit', (code) => reject(new Error(`pdf.js worker thread stopped (exit code ${code})`)));
  });
  failed.catch(() => undefined);
  return { thread, failed };
}

/**
 * Starts the parser thread ahead of the first read, so that it boots and
 * compiles pdf.js's worker while the CLI is still loading (bin/policy-lens.js
 * calls this when a PDF is named). A run that then reads no PDF loses only the
 * thread's start-up: the thread does not keep the process alive.
 */
export function prepareParserThread(): void {
  if (!threadsFailed && !parserThread) spawnedThread ??= spawnThread();
}

/** The shared parser thread, started on first use; undefined when no thread can be started (pdf.js then parses in-process). */
function startParserThread(pdfjs: PdfJs): ParserThread | undefined {
  if (parserThread) return parserThread;
  const spawned = spawnedThread ?? spawnThread();
  spawnedThread = undefined;
  if (!spawned) return undefined;
  const { thread, failed } = spawned;
  const started: ParserThread = { worker: undefined, thread, failed, reads: 0 };
  failed.catch(() => {
    if (parserThread === started) parserThread = undefined;
  });
  const wrapped = new Map<unknown, (data: unknown) => void>();
  const port = {
    postMessage: (message: unknown, transfer?: Transferable[]) => thread.postMessage(message, transfer as never),
    // pdf.js stops listening by aborting the signal it passed, not by removeEventListener.
    addEventListener: (_type: string, listener: (event: { data: unknown }) => void, options?: { signal?: AbortSignal }) => {
      const onMessage = (data: unknown) => listener({ data });
      wrapped.set(listener, onMessage);
      thread.on('message', onMessage);
      options?.signal?.addEventListener('abort', () => {
        thread.off('message', onMessage);
        wrapped.delete(listener);
      }, { once: true });
    },
    removeEventListener: (_type: string, listener: unknown) => {
      const onMessage = wrapped.get(listener);
      if (onMessage) thread.off('message', onMessage);
      wrapped.delete(listener);
    },
    terminate: () => void thread.terminate(),
  };
  // Before pdf.js's first message, so that every operator list is thinned.
  thread.postMessage({ policyLensKeepArgs: RULE_OPERATORS.map((name) => pdfjs.OPS[name]) });
  // Warnings off from the start: the worker's level is set when it connects, before any document's options.
  started.worker = new pdfjs.PDFWorker({ port, verbosity: 0 });
  parserThread = started;
  return started;
}

/** The parser thread died under a read: the read is made again in-process. */
class ThreadFailure extends Error {}

let threadsFailed = false;

/**
 * Runs `read` with the parser thread, or in-process when there is none. While
 * a read is under way the thread keeps the process alive; between reads it
 * does not, so a finished CLI exits without stopping it. A thread that dies
 * (it should not) costs time, not a result: the read is made again in-process,
 * and later reads stay in-process.
 */
async function withParser<T>(pdfjs: PdfJs, read: (worker: unknown) => Promise<T>): Promise<T> {
  const parser = threadsFailed ? undefined : startParserThread(pdfjs);
  if (!parser) return read(undefined);
  if (parser.reads++ === 0) parser.thread.ref();
  try {
    return await Promise.race([read(parser.worker), parser.failed.catch((error: unknown) => Promise.reject(new ThreadFailure(String(error))))]);
  } catch (error) {
    if (!(error instanceof ThreadFailure)) throw error;
    threadsFailed = true;
    return read(undefined);
  } finally {
    if (--parser.reads === 0) parser.thread.unref();
  }
}

const nativePush = Array.prototype.push;
const nativeParse = JSON.parse;

/**
 * core-js in the legacy build forces its own push (and JSON.parse with source
 * access) on every array of the process; the worker bundle, when it loads in
 * this thread (no parser thread), does it again. Both times the native ones are
 * put back.
 */
function restoreNatives(): void {
  if (Array.prototype.push !== nativePush) Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
  if (JSON.parse !== nativeParse) Object.defineProperty(JSON, 'parse', { value: nativeParse, writable: true, configurable: true, enumerable: false });
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}

interface OperatorListLike {
  fnArray: number[];
  argsArray: unknown[][];
}

interface PdfPageProxyLike {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: TextItemLike[] }>;
  getOperatorList(): Promise<OperatorListLike>;
  cleanup(): void;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
}

/** The font's PostScript name without its subset tag (`ABCDEF+MalgunGothicBold` → `MalgunGothicBold`). */
function fontNameOf(page: PdfPageProxyLike, id: string): string | undefined {
  try {
    if (!page.commonObjs.has(id)) return undefined;
    const name = (page.commonObjs.get(id) as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name.replace(/^[A-Z]{6}\+/, '') : undefined;
  } catch {
    return undefined;
  }
}

interface PdfDocLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxyLike>;
}

/**
 * A stand-in for the DOM document pdf.js installs fonts into. Font faces stay
 * enabled (`disableFontFace: false`): with them disabled, pdf.js's worker turns
 * the outline of every glyph drawn into a path while building the operator list,
 * work only a canvas needs. The fonts it then hands over are installed nowhere.
 */
const noDocument = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/**
 * Loading options: only what text extraction needs. The CMaps make non-embedded
 * Korean CID fonts readable; the rest turns off work for display (glyph paths,
 * compiled glyph functions, system font lookups, image decoding) — see docs/pdf.md.
 */
function loadOptions(bytes: Uint8Array, worker: unknown) {
  return {
    data: new Uint8Array(bytes),
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    verbosity: 0,
    disableFontFace: false,
    ownerDocument: noDocument,
    isEvalSupported: false,
    useSystemFonts: false,
    fontExtraProperties: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    // No image is decoded: an image larger than this many pixels is left out of the operator list
    // before it is read, and the reader takes only paths from it (text comes without images).
    maxImageSize: 0,
    ...(worker ? { worker } : {}),
  };
}

/**
 * pdf.js would encode each font as a data URL for the stand-in document; the
 * fonts are never drawn, so installing them is skipped where the loader can be
 * reached (pdf.js 5.4 keeps it on the document's transport).
 */
function skipFontInstall(doc: PdfDocLike): void {
  const loader = (doc as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (loader && typeof loader.bind === 'function') loader.bind = async () => undefined;
}

export async function readPdfPages(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfPages | { error: string }> {
  try {
    const pdfjs = await loadEngine();
    const read = await withParser(pdfjs, async (worker) => {
      if (!worker) await loadInProcessWorker();
      return readDocument(pdfjs, loadOptions(bytes, worker), options);
    });
    for (const save of pendingSaves.splice(0)) save();
    return read;
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    const message = (error as { message?: string }).message ?? String(error);
    if (name === 'PasswordException' || /password/i.test(message)) return { error: 'encrypted PDF (password required)' };
    return { error: `unreadable PDF (${message.replace(/\s+/g, ' ').slice(0, 120)})` };
  }
}

async function readDocument(pdfjs: PdfJs, loadOptions: object, options: ReadPdfOptions): Promise<PdfPages> {
  const task = pdfjs.getDocument(loadOptions);
  try {
    const doc = await task.promise.finally(restoreNatives);
    skipFontInstall(doc);
    const ops = options.rules ? pdfjs.OPS : undefined;
    const pages: PdfPage[] = [];
    // The next page is asked for while this one is turned into items, so the
    // parser (in its thread) is not left waiting on this thread between pages.
    const fetchPage = (n: number) => {
      const fetched = (async () => {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const list = ops ? await page.getOperatorList() : undefined;
        return { page, content, list };
      })();
      // Awaited in the loop; if this page's work throws first, its failure must not go unhandled.
      fetched.catch(() => undefined);
      return fetched;
    };
    let next = doc.numPages >= 1 ? fetchPage(1) : undefined;
    for (let n = 1; n <= doc.numPages && next; n++) {
      const { page, content, list } = await next;
      next = n < doc.numPages ? fetchPage(n + 1) : undefined;
      const viewport = page.getViewport({ scale: 1 });
      const items: PdfItem[] = [];
      const fontIds: (string | undefined)[] = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || !it.transform) continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = it.transform;
        items.push({
          str: it.str,
          x: e,
          y: viewport.height - f,
          width: it.width ?? 0,
          height: it.height || Math.hypot(a, b) || 10,
        });
        fontIds.push(it.fontName);
      }
      const out: PdfPage = { n, width: viewport.width, height: viewport.height, items };
      if (ops && list) {
        const shades: PdfRule[] = [];
        out.rules = pageRules(list, ops, viewport.height, shades);
        out.shades = shades;
        // Once the operator list is read, the fonts are loaded and their real names known.
        const names = new Map<string, string | undefined>();
        items.forEach((item, k) => {
          const id = fontIds[k];
          if (!id) return;
          if (!names.has(id)) names.set(id, fontNameOf(page, id));
          const name = names.get(id);
          if (name) item.font = name;
        });
      }
      pages.push(out);
      page.cleanup();
    }
    return { pages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

interface OperatorCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
}

// pdf.js path drawing codes (DrawOPS) inside a constructPath argument.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

/** A filled rectangle this thin is a drawn rule (Chromium and some exporters draw borders as fills). */
const THIN_FILL = 2.5;
/** Dotted rules come as dots this short (한글 draws 0.5 pt dashes); layout/pdf-grid joins them and drops what stays short. */
const MIN_RULE = 0.3;

type Matrix = [number, number, number, number, number, number];

/**
 * The affine product, as PlainMatrix.multiplySelf computes it. Not shared: PlainMatrix
 * is sent to the parser thread as its source text, so it may not call module functions.
 */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function isWhite(color: unknown): boolean {
  return typeof color === 'string' && /^#f[0-9a-f]f[0-9a-f]f[0-9a-f]$/i.test(color);
}

/**
 * The ruling lines of a page: stroked axis-parallel segments, and the edges of
 * thin filled rectangles, in top-down page coordinates. White strokes and
 * fills are erasures or backgrounds, not rules.
 */
export function pageRules(list: OperatorListLike, ops: OperatorCodes, pageHeight: number, shades: PdfRule[] = []): PdfRule[] {
  const rules: PdfRule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let strokeWhite = false;
  let fillWhite = false;
  const stack: { ctm: Matrix; strokeWhite: boolean; fillWhite: boolean }[] = [];
  const point = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], pageHeight - (ctm[1] * x + ctm[3] * y + ctm[5])];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === ops.save) stack.push({ ctm, strokeWhite, fillWhite });
    else if (fn === ops.restore) ({ ctm, strokeWhite, fillWhite } = stack.pop() ?? { ctm, strokeWhite, fillWhite });
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === ops.setStrokeRGBColor) strokeWhite = isWhite(args?.[0]);
    else if (fn === ops.setFillRGBColor) fillWhite = isWhite(args?.[0]);
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || typeof data !== 'object') continue;
      const stroked = strokes.has(paint) && !strokeWhite;
      const filled = fills.has(paint) && !fillWhite;
      if (!stroked && !filled) continue;
      for (const poly of polylines(data)) {
        const pts = poly.map(([x, y]) => point(x, y));
        if (stroked) {
          for (let k = 1; k < pts.length; k++) addSegment(rules, pts[k - 1]!, pts[k]!);
        } else if (filled) addFill(rules, shades, pts);
      }
    }
  }
  return rules;
}

/** The subpaths of a pdf.js path as point lists (curves dropped: a curved path is no rule). */
function polylines(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      if (current.length > 1) out.push(current);
      current = [[data[i++]!, data[i++]!]];
    } else if (op === LINE_TO) {
      current.push([data[i++]!, data[i++]!]);
    } else if (op === CURVE_TO) {
      i += 6;
      current = [];
    } else if (op === CLOSE_PATH) {
      if (current.length > 1) current.push(current[0]!);
    } else {
      break; // unknown code: stop reading this path rather than misread it
    }
  }
  if (current.length > 1) out.push(current);
  return out;
}

function addSegment(rules: PdfRule[], [ax, ay]: [number, number], [bx, by]: [number, number]): void {
  const dx = Math.abs(bx - ax);
  const dy = Math.abs(by - ay);
  if (dy < 0.8 && dx >= MIN_RULE) rules.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
  else if (dx < 0.8 && dy >= MIN_RULE) rules.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
}

/** A filled axis-parallel rectangle thinner than THIN_FILL is a rule along its long side; a wider one is shading. */
function addFill(rules: PdfRule[], shades: PdfRule[], pts: [number, number][]): void {
  if (pts.length > 6) return; // a rectangle has 4 corners (5 with the closing point)
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = minOf(xs);
  const x1 = maxOf(xs);
  const y0 = minOf(ys);
  const y1 = maxOf(ys);
  // Only rectangles: every point on the bounding box's corners.
  if (!pts.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5))) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN_FILL && w >= MIN_RULE) rules.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
  else if (w <= THIN_FILL && h >= MIN_RULE) rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
  else if (w > THIN_FILL && h > THIN_FILL) shades.push({ x0, x1, y0, y1 });
}
