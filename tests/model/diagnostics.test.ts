// The diagnostic catalogue against the code that emits diagnostics: tsc rejects a code
// outside the catalogue; this test rejects a catalogue entry nothing emits any more.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/model/diagnostics.js';
import { ROOT } from '../helpers/load.js';

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (entry.name.endsWith('.ts') && !full.endsWith(path.join('model', 'diagnostics.ts'))) out.push(readFileSync(full, 'utf8'));
  }
  return out;
}

describe('diagnostic code catalogue (src/model/diagnostics.ts)', () => {
  const text = sources(path.join(ROOT, 'src')).join('\n');
  const quoted = new Set([...text.matchAll(/'([a-z][a-z0-9]*(?:-[a-z0-9]+)+)'/g)].map((m) => m[1]!));

  it('every catalogued code is emitted somewhere in src/', () => {
    expect(Object.keys(DIAGNOSTIC_CODES).filter((code) => !quoted.has(code))).toEqual([]);
  });

  it('every code written as code:/warning(/diag( in src/ is catalogued', () => {
    const emitted = [...text.matchAll(/(?:code: |warning\(|diag\()'([a-z0-9-]+)'/g)].map((m) => m[1]!);
    expect(emitted.length).toBeGreaterThan(10); // the grep itself still finds the emitters
    expect(emitted.filter((code) => !(code in DIAGNOSTIC_CODES))).toEqual([]);
  });

  it('is the table of docs/CONTRACT.md, code for code and meaning for meaning', () => {
    const contract = readFileSync(path.join(ROOT, 'docs/CONTRACT.md'), 'utf8').split('## Diagnostic codes')[1]!.split('\n## ')[0]!;
    const rows = Object.fromEntries([...contract.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(rows).toEqual(DIAGNOSTIC_CODES);
  });

  it('gives each code a one-line meaning', () => {
    expect(Object.entries(DIAGNOSTIC_CODES).filter(([, meaning]) => meaning.length < 20 || meaning.includes('\n'))).toEqual([]);
  });
});
