import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/load.js';

const R = 'fixtures/samples/regional-report-2020h1.txt';
const P = 'fixtures/samples/national-plan-2023.txt';
const B = 'fixtures/samples/blog-post.md';

function transcript(args: string[], t: { stdout: string; stderr: string; code: number }): string {
  return [`$ policy-lens ${args.join(' ')}`, '', '## stdout', '', '```', t.stdout.trimEnd(), '```', '', '## stderr', '', '```', t.stderr.trimEnd(), '```', '', `exit code: ${t.code}`, ''].join('\n');
}

const CASES: [string, string[]][] = [
  ['budget-csv', ['budget', R, '--format', 'csv']],
  ['budget-by-group', ['budget', R, '--by', 'group']],
  ['budget-below', ['budget', R, '--below', '1', '--sort', 'rate', '--unit', 'million']],
  ['yoy-indicator', ['yoy', P, '--indicator', '스마트공장']],
  ['targets', ['targets', P]],
  ['programs-blog', ['programs', B]],
  ['check-report', ['check', R]],
  ['check-plan', ['check', P, '--format', 'csv']],
  ['summary-md', ['summary', R, '--format', 'md']],
  ['missing-file', ['budget', 'no/such.txt', R, '--format', 'csv']],
  ['bad-unit', ['budget', R, '--unit', 'dollars']],
  ['bad-format', ['budget', R, '--format', 'xml']],
  ['budget-no-table', ['budget', B]],
  ['budget-sort-name', ['budget', R, '--sort', 'name', '--group', '기관운영']],
  ['budget-by-group-below', ['budget', R, '--by', 'group', '--below', '12', '--unit', 'jo']],
  ['options-before-command', ['--format', 'csv', '-q', 'targets', P, '--indicator', '스마트공장']],
  ['yoy-sources', ['yoy', P, '--indicator', '전략분야', '--format', 'csv']],
  ['check-severity', ['check', R, '--severity', 'error']],
  ['unknown-option', ['budget', '--frobnicate']],
  ['no-command', []],
];

describe('CLI transcripts (color off)', () => {
  it.each(CASES)('%s', async (name, args) => {
    const t = await cli(args);
    await expect(transcript(args, t)).toMatchFileSnapshot(`transcripts/${name}.md`);
  });
});

describe('CLI behaviour', () => {
  it('budget CSV: 52 items summing to 26,507,677,000 원 and 4,178,057,000 원', async () => {
    const t = await cli(['budget', R, '--format', 'csv']);
    const rows = t.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(52);
    expect(rows.reduce((s, r) => s + Number(r[3]), 0)).toBe(26_507_677_000);
    expect(rows.reduce((s, r) => s + Number(r[4]), 0)).toBe(4_178_057_000);
    expect(t.code).toBe(0);
  });

  it('check exits 1 on errors; --strict does too on warnings', async () => {
    expect((await cli(['check', R])).code).toBe(1);
    expect((await cli(['check', P])).code).toBe(0);
    expect((await cli(['check', P, '--strict'])).code).toBe(0);
  });

  it('a missing file gives one line naming it, exit 2, and the other file is still processed', async () => {
    const t = await cli(['targets', 'nope.md', P, '--format', 'json']);
    expect(t.code).toBe(2);
    expect(t.stderr.split('\n')[0]).toBe('policy-lens: nope.md: no such file or folder');
    expect(JSON.parse(t.stdout)).toHaveLength(8);
  });

  it('parse --format json prints one document per sample file with the right kind', async () => {
    const t = await cli(['parse', 'fixtures/samples', '--format', 'json']);
    const out = JSON.parse(t.stdout) as { schemaVersion: number; documents: { file: string; kind: string }[] };
    expect(out.schemaVersion).toBe(1);
    const samples = readdirSync('fixtures/samples').filter((f) => /\.(md|txt|pdf)$/.test(f));
    expect(out.documents.map((d) => path.basename(d.file)).sort()).toEqual(samples.sort());
    for (const d of out.documents) {
      const expected = d.file.includes('blog') ? 'blog-post' : d.file.includes('plan') ? 'national-plan' : 'regional-report';
      expect(d.kind).toBe(expected);
    }
  }, 60_000);

  it('--out writes the file atomically and prints nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-'));
    const out = path.join(dir, 'budget.csv');
    const t = await cli(['budget', R, '--format', 'csv', '--bom', '--out', out]);
    expect(t.stdout).toBe('');
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFdocument,group,program')).toBe(true);
    expect(readdirSync(dir)).toEqual(['budget.csv']);
    expect(existsSync(out + '.tmp')).toBe(false);
  });

  it('shows a progress bar on a terminal for more than 20 files, and none on CI', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-many-'));
    const { generate } = (await import('../../scripts/generate-corpus.mjs')) as { generate: (n: number, dir: string) => string[] };
    generate(21, dir);
    const tty = await cli(['budget', dir, '--by', 'group', '--format', 'csv'], {}, true);
    expect(tty.stderr).toContain('] 21/21 ');
    expect(tty.stdout.trimEnd().split('\n')).toHaveLength(1 + 7 * 5); // 7 reports × 5 groups
    const onCi = await cli(['budget', dir, '--by', 'group', '--format', 'csv'], { CI: 'true' }, true);
    expect(onCi.stderr).not.toContain('21/21');
  }, 60_000);

  it('large batches parsed on worker threads give the same output, in input order, as one thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-workers-'));
    const { generate } = (await import('../../scripts/generate-corpus.mjs')) as { generate: (n: number, dir: string) => string[] };
    generate(30, dir);
    const args = ['programs', dir, path.join(dir, 'missing.txt'), '--format', 'csv'];
    const threaded = await cli(args);
    const single = await cli(args, {}, false, false);
    expect(threaded.stdout).toBe(single.stdout);
    expect(threaded.stderr).toBe(single.stderr);
    expect(threaded.code).toBe(2); // the missing file
    expect(threaded.stdout.split('\n').length).toBeGreaterThan(30 * 4);
  }, 120_000);

  it('prints the version (the one in package.json) and exits 0', async () => {
    const t = await cli(['--version']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(t.stdout.trim()).toBe(pkg.version);
    expect(t.code).toBe(0);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync(process.execPath, ['bin/policy-lens.js', '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });
});

describe('programs --kind', () => {
  it('lists only documents of that kind, detected from content (the kind only names files detection cannot tell)', async () => {
    const t = await cli(['programs', 'fixtures/samples', '--kind', 'blog-post', '--format', 'csv']);
    const rows = t.stdout.trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.split(',')[2])).toEqual(['기술개발 지원', '지식서비스 거래지원', '해외진출', '네트워크 프로그램']);
    const forced = await cli(['programs', 'fixtures/broken/unknown-kind.txt', '--kind', 'blog-post', '--format', 'csv']);
    expect(forced.code).toBe(0);
    // Forced to another kind, the kind is the one forced, and the layout extractors still read the plan's targets.
    const other = await cli(['targets', 'fixtures/samples/national-plan-2023.txt', '--kind', 'regional-report', '--format', 'csv']);
    // Line 43: "보급 목표(3만개)를 초과 달성(누계 30,144개)" → target 30,000, actual 30,144.
    const cells = other.stdout.split('\n')[1]!.split(',');
    expect([cells[3], cells[4], cells[6], cells[9]]).toEqual(['개', '30000', '30144', 'fixtures/samples/national-plan-2023.txt:43']);
  });
});

describe('what is kept of a document after a per-document digest', () => {
  it('its diagnostics without their source line text (stderr needs only where, message and code)', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { parseBytes } = await import('../../src/parse/index.js');
    const { reduce } = await import('../../src/cli/pool.js');
    const { summary } = await import('../../src/commands/summary.js');
    const parsed = await parseBytes(R, read(R));
    if ('error' in parsed) throw new Error(parsed.error);
    const kept = reduce(parsed, undefined, { options: {}, digest: summary.perDocument!.digest });
    if ('error' in kept) throw new Error(kept.error);
    // The sample's two warnings: the activity figure at line 241 and the realigned row at line 1103.
    expect(kept.diagnostics.map((d) => [d.code, d.source?.line, d.source?.text])).toEqual([
      ['output-unreadable', 241, ''],
      ['table-row-realigned', 1103, ''],
    ]);
    expect(parsed.diagnostics.map((d) => d.source?.text === '')).toEqual([false, false]);
  });
});

describe('check: labels of growth claims', () => {
  it('an undated growth claim is labelled by its operands alone, without a bare arrow', async () => {
    // Line 11 of the press release: 78,000,000톤 → 84,000,000톤 is 7.69%, printed as 9.2%.
    const t = await cli(['check', 'fixtures/corpus/claims-city-waterworks-press-2025.txt', '-f', 'csv', '-q']);
    const growth = t.stdout.split('\n').filter((l) => l.includes(',growth,'));
    expect(growth).toHaveLength(1);
    expect(growth[0]).toContain('"growth (78,000,000톤 → 84,000,000톤): stated 9.2% but the figures give 7.69%');
  });
});
