// Outputs are identical before and after a speed-up (issue 14): the JSON of every
// figure command, per document, hashed and compared with tests/cli/output-manifest.json,
// which was written from main before the optimisations. The real documents beside
// the repository are in the manifest too; their PDFs take minutes, so they are
// compared by `node scripts/output-manifest.mjs --check`, not in the suite.
// A change meant to alter outputs rewrites the manifest (`--write`) and says why.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/load.js';

type Manifest = Record<string, Record<string, Record<string, string>>>;

describe('outputs identical to the committed manifest (samples, corpus, generated corpus)', () => {
  it('every command, every document, same hash and exit code', async () => {
    const expected = JSON.parse(readFileSync(path.join(ROOT, 'tests/cli/output-manifest.json'), 'utf8')) as Manifest;
    const { manifest } = (await import('../../scripts/output-manifest.mjs')) as { manifest: (only?: string[]) => Promise<Manifest> };
    const groups = ['samples', 'corpus', 'generated'];
    const actual = await manifest(groups);
    for (const group of groups) expect(Object.keys(actual[group] ?? {}).length).toBe(Object.keys(expected[group]!).length);
    expect(actual).toEqual(Object.fromEntries(groups.map((g) => [g, expected[g]])));
  }, 300_000);
});
