// Data flows one way (bytes → layout → extract → kinds/parse → commands → render → cli):
// a module imports only from its own layer and the layers below it. These read the
// import lines of src/ so a backwards import fails here rather than in review.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/load.js';

const SRC = path.join(ROOT, 'src');

/** Every .ts file under src/<dir>, as paths relative to src/. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) out.push(path.relative(SRC, full));
    }
  };
  walk(path.join(SRC, dir));
  return out.sort();
}

/** The src/ modules a file imports (static and dynamic), as paths relative to src/ without extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\(\s*)'(\.[^']+)'/g)) {
    out.push(path.join(path.dirname(file), m[1]!).replace(/\.js$/, ''));
  }
  return out;
}

/** `file → import` for every import of the files under `dir` that `allowed` refuses. */
function offenders(dir: string, allowed: (target: string) => boolean): string[] {
  return filesUnder(dir).flatMap((f) => importsOf(f).filter((t) => !allowed(t)).map((t) => `${f} → ${t}`));
}

/** Helpers with no imports of their own (or only each other), so any layer may use them. */
const IMPORT_FREE = ['extract/text', 'extract/collections', 'extract/units'];

describe('layering of src/', () => {
  it('layout imports only layout, model and the import-free helpers (the unit grammar among them)', () => {
    expect(offenders('layout', (t) => t.startsWith('layout/') || t.startsWith('model/') || IMPORT_FREE.includes(t))).toEqual([]);
  });

  it('extract imports only extract, layout and model', () => {
    expect(offenders('extract', (t) => /^(extract|layout|model)\//.test(t))).toEqual([]);
  });

  it('kinds imports only kinds, extract, layout and model (shared helpers do not live in src/parse)', () => {
    expect(offenders('kinds', (t) => /^(kinds|extract|layout|model)\//.test(t))).toEqual([]);
  });

  it('the import-free helpers import only each other', () => {
    const found = IMPORT_FREE.flatMap((m) => importsOf(`${m}.ts`).filter((t) => !IMPORT_FREE.includes(t)).map((t) => `${m} → ${t}`));
    expect(found).toEqual([]);
  });
});
