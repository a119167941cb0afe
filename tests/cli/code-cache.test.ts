// The launcher runs the bundled CLI (dist/cli/policy-lens.cjs) compiled with a V8 code
// cache in the user's own folder of the temporary folder. A run with the cache, a run that writes it and a run
// that meets a corrupt one give the same output; code that comes from the cache can
// still load libraries with import() (pdf.js for PDFs, vega for the report).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync as makeTemp, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/load.js';

const BIN = path.join(ROOT, 'bin/policy-lens.js');
const bundled = existsSync(path.join(ROOT, 'dist/cli/policy-lens.cjs'));

function cli(args: string[], cacheDir: string, extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: cacheDir, NO_COLOR: '1', ...extra }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Temporary folders of these tests, removed after them. */
const made: string[] = [];
const mkdtempSync = (prefix: string) => {
  const dir = makeTemp(prefix);
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The user's cache folder in the temporary folder `dir`. */
const cacheFolder = (dir: string) => path.join(dir, `policy-lens-cache-${process.getuid?.() ?? 'user'}`);
/** The cache files in it. */
const caches = (dir: string) => (existsSync(cacheFolder(dir)) ? readdirSync(cacheFolder(dir)).filter((f) => f.endsWith('.v8cache')) : []);

describe.skipIf(!bundled)('code cache', () => {
  it.each([
    ['budget', 'fixtures/samples/regional-report-2020h1.txt'],
    // pdf.js is loaded with import() from code compiled from the cache.
    ['budget', 'fixtures/samples/regional-report-2020h1.pdf'],
  ])('%s %s: same output without a cache, writing it, and reading it', (command, file) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-cache-'));
    const plain = cli([command, file], dir, { POLICY_LENS_NO_CODE_CACHE: '1' });
    expect(caches(dir)).toEqual([]);
    const writing = cli([command, file], dir);
    expect(caches(dir)).toHaveLength(1);
    expect(caches(dir)[0]).toMatch(new RegExp(`^policy-lens-[\\d.]+-${command}-`));
    const written = statSync(path.join(cacheFolder(dir), caches(dir)[0]!));
    const reading = cli([command, file], dir);
    // The cache was read and accepted: a rejected one is written again as the run ends.
    const after = statSync(path.join(cacheFolder(dir), caches(dir)[0]!));
    expect([after.mtimeMs, after.size]).toEqual([written.mtimeMs, written.size]);
    expect(plain.code).toBe(0);
    for (const r of [writing, reading]) expect(r).toEqual(plain);
  }, 60_000);

  it('the HTML report loads its chart library through a cached run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-cache-'));
    const out = (n: number) => path.join(dir, `report-${n}.html`);
    const first = cli(['report', 'fixtures/samples/regional-report-2020h1.txt', '-q', '-o', out(1)], dir);
    const second = cli(['report', 'fixtures/samples/regional-report-2020h1.txt', '-q', '-o', out(2)], dir);
    expect([first.code, first.stderr, second.code, second.stderr]).toEqual([0, '', 0, '']);
    expect(caches(dir)).toHaveLength(1);
  }, 60_000);

  it('a corrupt cache is ignored and replaced: same output, nothing said', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-cache-'));
    const args = ['yoy', 'fixtures/samples/national-plan-2023.txt'];
    const good = cli(args, dir);
    const [name] = caches(dir);
    writeFileSync(path.join(cacheFolder(dir), name!), 'not a V8 code cache');
    const bad = cli(args, dir);
    expect(bad).toEqual(good);
    expect(caches(dir)).toEqual([name]);
    // Written again: compiled code, not the text put there.
    expect(readFileSync(path.join(cacheFolder(dir), name!), 'latin1')).not.toBe('not a V8 code cache');
    expect(statSync(path.join(cacheFolder(dir), name!)).size).toBeGreaterThan(1000);
  }, 60_000);

  it.skipIf(process.getuid === undefined)('a cache folder others can write to is not used', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-cache-'));
    mkdirSync(cacheFolder(dir), { mode: 0o777 });
    chmodSync(cacheFolder(dir), 0o777);
    const r = cli(['budget', 'fixtures/samples/regional-report-2020h1.txt', '-q'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(caches(dir)).toEqual([]);
  }, 60_000);

  it('a cache folder that cannot be written costs nothing but speed', () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'pl-cache-')), 'no', 'such', 'folder');
    const r = cli(['budget', 'fixtures/samples/regional-report-2020h1.txt', '-q'], missing);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('SW융합클러스터');
  }, 60_000);

  it("pdf.js's caches of other versions or flags are removed once a day old; newer ones and other files stay", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-cache-'));
    const folder = cacheFolder(dir);
    mkdirSync(folder, { mode: 0o700 });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const place = (name: string, old: boolean) => {
      writeFileSync(path.join(folder, name), 'x', { mode: 0o600 });
      if (old) utimesSync(path.join(folder, name), twoDaysAgo, twoDaysAgo);
    };
    place('pdf.worker.min.mjs-000000000000000000000000.cache', true);
    place('pdf.worker.min.mjs-000000000000000000000000.cache.123-1.tmp', true);
    place('pdf.min.mjs-000000000000000000000000.cache', true);
    place('pdf.worker.min.mjs-111111111111111111111111.cache', false);
    place('notes.txt', true);
    const r = cli(['budget', 'fixtures/samples/regional-report-2020h1.pdf', '-q'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const left = readdirSync(folder).filter((f) => !f.endsWith('.v8cache'));
    // The two written by this run (one per pdf.js module), the day-old ones gone.
    expect(left.filter((f) => /^pdf\.(worker\.)?min\.mjs-[0-9a-f]{24}\.cache$/.test(f) && !/-(0{24}|1{24})\./.test(f))).toHaveLength(2);
    expect(left.filter((f) => /-(0{24}|1{24})\./.test(f) || f === 'notes.txt').sort()).toEqual(['notes.txt', 'pdf.worker.min.mjs-111111111111111111111111.cache']);
  }, 60_000);
});
