// Guarded zip reading for container formats (HWPX). Bytes in, the wanted
// entries' bytes out, or `{ error }` with one reason. The central directory is
// checked before anything is inflated (entry names, declared sizes and
// ratios), and the same limits are enforced again while inflating, because
// declared sizes can lie. Uses fflate; never touches the file system.

import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export interface ZipLimits {
  /** Largest uncompressed size of one wanted entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all wanted entries together, in bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for a wanted entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are never judged by their ratio (tiny files compress absurdly well). */
  ratioFloorBytes: number;
  maxEntries: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 256 * MB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MB,
  maxEntries: 10_000,
};

export interface ZipEntryInfo {
  name: string;
  compressedBytes: number;
  bytes: number;
  compression: number;
}

export interface ZipContents {
  /** Every entry of the central directory, in order. */
  entries: ZipEntryInfo[];
  /** The wanted entries, inflated. */
  files: Map<string, Uint8Array>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Size of one slice of input pushed to the inflater: bounds what one step can produce. */
const PUSH_SLICE = 64 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** A name that would leave the extraction folder, or is absolute, if it were ever written out. */
export function isUnsafeEntryName(name: string): boolean {
  if (name.includes('\0')) return true;
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((part) => part === '..');
}

/** A size as people read it: whole MB from 1 MB up, else whole KB. */
function megabytes(n: number): string {
  return n >= MB ? `${Math.ceil(n / MB)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Reads the central directory only (nothing is inflated). */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] | { error: string } {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, compressedBytes: file.size, bytes: file.originalSize, compression: file.compression });
        return false;
      },
    });
  } catch {
    return { error: 'damaged zip archive (central directory unreadable)' };
  }
  return entries;
}

/** Checks of the central directory, before inflating: the first failing reason, if any. */
export function checkZipDirectory(entries: ZipEntryInfo[], wanted: (name: string) => boolean, limits: ZipLimits): string | undefined {
  if (entries.length > limits.maxEntries) return `zip archive has too many entries (${entries.length}; limit ${limits.maxEntries})`;
  const unsafe = entries.find((e) => isUnsafeEntryName(e.name));
  if (unsafe) return `unsafe entry name in zip archive (path traversal): ${unsafe.name}`;
  let total = 0;
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    if (e.compression !== 0 && e.compression !== 8) return `unsupported zip compression method ${e.compression} in ${e.name}`;
    if (e.bytes > limits.ratioFloorBytes && e.bytes > e.compressedBytes * limits.maxRatio) {
      return `zip bomb suspected: ${e.name} expands ${Math.round(e.bytes / Math.max(1, e.compressedBytes))} times (limit ${limits.maxRatio})`;
    }
    if (e.bytes > limits.maxEntryBytes) return `zip entry too large: ${e.name} is ${megabytes(e.bytes)} (limit ${megabytes(limits.maxEntryBytes)})`;
    total += e.bytes;
  }
  if (total > limits.maxTotalBytes) return `zip bomb suspected: contents expand to ${megabytes(total)} (limit ${megabytes(limits.maxTotalBytes)})`;
  return undefined;
}

/**
 * Inflates the wanted entries, stopping as soon as an entry produces more
 * bytes than its central directory declared or than the limits allow.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipContents | { error: string } {
  if (!isZip(bytes)) return { error: 'not a zip archive' };
  const entries = listZip(bytes);
  if ('error' in entries) return entries;
  const reason = checkZipDirectory(entries, wanted, limits);
  if (reason) return { error: reason };
  const declared = new Map(entries.map((e) => [e.name, e]));

  const files = new Map<string, Uint8Array>();
  let total = 0;
  let failure: string | undefined;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const info = declared.get(file.name);
    // Local headers not in the central directory are ignored: the directory is what was checked.
    if (failure || !info || !wanted(file.name) || files.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = `damaged zip entry ${file.name}`;
        return;
      }
      size += data.length;
      total += data.length;
      if (size > info.bytes || size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        failure =
          size > info.bytes
            ? `zip bomb suspected: ${file.name} expands beyond its declared size`
            : `zip bomb suspected: contents expand beyond ${megabytes(size > limits.maxEntryBytes ? limits.maxEntryBytes : limits.maxTotalBytes)}`;
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) files.set(file.name, concat(chunks, size));
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length && !failure; at += PUSH_SLICE) {
      const end = Math.min(bytes.length, at + PUSH_SLICE);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    failure ??= 'damaged zip archive';
  }
  if (failure) return { error: failure };
  for (const e of entries) {
    if (wanted(e.name) && !files.has(e.name)) return { error: `damaged zip entry ${e.name}` };
    const got = files.get(e.name);
    if (got && got.length !== e.bytes) return { error: `damaged zip entry ${e.name} (size differs from its directory)` };
  }
  return { entries, files };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
