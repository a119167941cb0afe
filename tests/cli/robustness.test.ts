import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { cli, load, loadText } from '../helpers/load.js';
import { parseBytes } from '../../src/parse/index.js';
import { budget } from '../../src/commands/budget.js';
import { check } from '../../src/commands/check.js';
import { formatAmount, parseKoreanAmount, parseNumber } from '../../src/extract/amounts.js';
import { normalizeText } from '../../src/extract/text.js';

const SEED = 20261122;

describe('bad input: one line naming the file and the reason, exit code 2, other files still processed', () => {
  const R = 'fixtures/samples/regional-report-2020h1.txt';
  it.each([
    ['no/such/file.txt', 'no such file or folder'],
    ['fixtures/broken/no-documents', 'folder has no supported files (.md .markdown .mdx .txt .html .htm .pdf .hwpx .hwp)'],
    ['fixtures/broken/empty.md', 'empty file'],
    ['fixtures/broken/garbage.txt', 'binary file, not a text document'],
    ['fixtures/broken/truncated.pdf', 'unreadable PDF (Invalid PDF structure.)'],
    ['fixtures/broken/encrypted.pdf', 'encrypted PDF (password required)'],
    ['fixtures/broken/scanned.pdf', 'no text layer — scanned PDF?'],
    ['fixtures/broken/no-documents/notes.csv', 'unsupported file type (accepted: .md .markdown .mdx .txt .html .htm .pdf .hwpx .hwp)'],
    ['fixtures/hwpx/zip-bomb.hwpx', 'zip bomb suspected: Contents/section0.xml expands 1009 times (limit 200)'],
    ['fixtures/hwpx/malformed-xml.hwpx', 'malformed XML in Contents/section0.xml: <hp:t> closed by </hp:run>'],
  ])('%s', async (file, reason) => {
    const t = await cli(['budget', file, R, '--format', 'csv']);
    expect(t.code).toBe(2);
    expect(t.stderr.split('\n')[0]).toBe(`policy-lens: ${file}: ${reason}`);
    expect(t.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(t.stdout.trimEnd().split('\n')).toHaveLength(53); // the good file's 52 rows and the header
  });

  it('a file over --max-size is refused', async () => {
    const t = await cli(['budget', R, '--max-size', '0.01']);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe(`policy-lens: ${R}: file is 0.1 MB, over the 0 MB limit (--max-size)\n`);
  });

  const MiB = 2 ** 20;
  it.each([
    // 100 MB needs about 3e9 B (2.8 GiB): it fits a 4,144 MiB heap with 10 MiB used…
    [100e6, 4144, 10, undefined],
    // …not a 2,048 MiB one: 2,038 MiB (2.0 GiB) free; 3e9 B + 10 MiB = 2,871 MiB, rounded up to 3,000.
    [100e6, 2048, 10, "file is 100.0 MB: reading it needs about 2.8 GiB of memory, more than Node's heap has (2.0 GiB free of 2.0 GiB); run with NODE_OPTIONS=--max-old-space-size=3000"],
    // 1 MB needs 30e6 B: 34 MiB (35.7e6 B) are free.
    [1e6, 64, 30, undefined],
  ])('a %d-byte file with a %d MiB heap (%d MiB used)', async (size, limit, used, expected) => {
    const { heapRefusal } = await import('../../src/cli/inputs.js');
    expect(heapRefusal(size, { heap_size_limit: limit * MiB, used_heap_size: used * MiB } as never)).toBe(expected);
  });

  it('a file too big for the heap is refused before it is read, and the other files are read', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { generate } = await import('../../scripts/generate-corpus.mjs' as string);
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-heap-'));
    try {
      generate(0, dir, 4);
      const big = path.join(dir, 'big-report.txt');
      // 4 MB needs about 120 MB of heap: more than a 64 MB heap has.
      const run = spawnSync(process.execPath, ['--max-old-space-size=64', 'bin/policy-lens.js', 'budget', big, R, '-f', 'csv'], { encoding: 'utf8', env: { ...process.env, POLICY_LENS_NO_CODE_CACHE: '1' } });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^policy-lens: ${big.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: file is 4\\.0 MB: reading it needs about 0\\.1 GiB of memory, more than Node's heap has \\(0\\.\\d GiB free of 0\\.\\d GiB\\); run with NODE_OPTIONS=--max-old-space-size=1000\n`));
      expect(run.stdout.trimEnd().split('\n')).toHaveLength(53);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('encodings', () => {
  const strip = (csv: string) => csv.replace(/^([^,\n]*),/gm, '').replace(/fixtures\/[^,;\n]*?\.txt:\d+/g, 'SOURCE');
  // Rows: the report's 52 budget lines; the plan's 55 year-on-year pairs and 8 targets (its golden model).
  it.each([
    ['regional-report-2020h1', 'budget', 52],
    ['national-plan-2023', 'yoy', 55],
    ['national-plan-2023', 'targets', 8],
  ])('%s re-encoded as CP949 (CRLF), UTF-16 LE and BE gives the same %s output', async (base, command, rows) => {
    const original = await cli([command, `fixtures/samples/${base}.txt`, '--format', 'csv']);
    // A header line, the rows, the final line end.
    expect(original.stdout.split('\n')).toHaveLength(rows + 2);
    for (const enc of ['cp949', 'utf16le', 'utf16be']) {
      const other = await cli([command, `fixtures/encodings/${base}.${enc}.txt`, '--format', 'csv']);
      expect(strip(other.stdout), enc).toBe(strip(original.stdout));
    }
  });

  it('reads a UTF-8 BOM, CR line ends, NBSP and full-width digits', async () => {
    const text = '\uFEFF# 2020년도 상반기 주요업무 추진상황\r## 예산집행 현황\r(단위\u00A0: 천원)\r구분\t사업명\t예산액\t집행액\t잔액\t집행률\r분야\t가사업\t１，２００\t300\t900\t25.0%\r';
    const r = await loadText('bom.txt', text);
    expect(r.document.budgetLines[0]).toMatchObject({ program: '가사업', budget: { value: 1_200_000 }, source: { line: 5 } });
  });
});

describe('PDFs with a non-embedded Korean CID font', () => {
  it.each([['fixtures/pdf/cid-uniks-ucs2.pdf'], ['fixtures/pdf/cid-kscms-uhc.pdf']])('%s gives its budget table', async (file) => {
    const { document } = await load(file);
    expect(document.budgetLines.map((l) => [l.group, l.program, l.budget?.value, l.executed?.value])).toEqual([
      ['지역혁신', '가나다사업', 1_000_000_000, 400_000_000],
      ['지역혁신', '라마바사업', 500_000_000, 50_000_000],
    ]);
    expect(document.budgetTotals[0]!.budget!.value).toBe(1_500_000_000);
  });
});

describe('a budget table over three PDF pages, header repeated, with running headers and page numbers', () => {
  it('reads five rows, the group continuing across the page break, and no page furniture', async () => {
    const { document } = await load('fixtures/pdf/multipage-table.pdf');
    expect(document.budgetLines.map((l) => [l.group, l.program, l.budget?.value, l.source.page])).toEqual([
      ['분야가', '첫째사업', 100_000_000, 1],
      ['분야가', '둘째사업', 200_000_000, 1],
      ['분야가', '셋째사업', 100_000_000, 2],
      ['분야나', '넷째사업', 100_000_000, 2],
      ['분야나', '다섯째사업', 100_000_000, 3],
    ]);
    expect(document.budgetTotals.map((t) => t.budget?.value)).toEqual([600_000_000]);
    const json = JSON.stringify(document);
    expect(json).not.toContain('충북과학기술혁신원 업무보고');
    expect(json).not.toContain('- 2 -');
  });
});

describe('a PDF table whose cells are centred vertically (names wrap above and below the figures)', () => {
  it('gives each wrapped line to the row whose figure line is nearer', async () => {
    const { document } = await load('fixtures/pdf/centred-cells.pdf');
    // Names compared without spaces: a name wrapped inside a cell cannot tell whether a space stood at the wrap.
    expect(document.budgetLines.map((l) => [l.group, l.program.replace(/\s+/g, ''), l.budget?.value, l.executed?.value])).toEqual([
      ['분야', '가나다라마바사업', 1_000_000, 400_000],
      ['분야', '아자차카타사업', 500_000, 100_000],
    ]);
    expect(document.budgetTotals[0]!.budget!.value).toBe(1_500_000);
  });
});

describe('properties (fast-check, fixed seed)', () => {
  it('the loader returns a model or an error for any bytes, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.pdf'), async (bytes, name) => {
        const r = await parseBytes(name, bytes);
        expect('error' in r || 'document' in r).toBe(true);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('any text the parsers are forced onto gives a model, never throws', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('구분\t사업명\t예산액\t집행액\t잔액\t집행률', '(단위 : 천원)', '- (키워드) 1조 1,081억원', "('21) 5 → ('22) 7개", '□ 활동 : 3건/추진중', '계\t\t100\t50\t50\t50.0%', '## 현안사업 1 : 가', '- 총사업비 : 100천원(국비 60, 지방비 40)'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.constantFrom('blog-post', 'national-plan', 'regional-report'), async (lines, kind) => {
        const r = await parseBytes('x.txt', new TextEncoder().encode(lines.join('\n')), { kind: kind as never });
        if ('error' in r) return;
        // Every source a figure carries must name a line that exists and hold that line's text.
        const text = normalizeText(lines.join('\n')).split('\n'); // what the parser read
        const sources = [...JSON.stringify(r.document).matchAll(/"line":(\d+)/g)].map((m) => Number(m[1]));
        for (const n of sources) expect(n >= 1 && n <= text.length, `line ${n} of ${text.length}`).toBe(true);
        for (const l of r.document.budgetLines) expect(text[l.source.line - 1]!.trim()).toBe(l.source.text);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('budget totals equal the row sums and each rate equals executed/budget', async () => {
    // Amounts within four orders of magnitude of each other: the table extractor sets aside a figure
    // 10,000 times the column's median as implausible (a misread), so 1 beside 10,000 is not a table it sums.
    const row = fc.record({ budget: fc.integer({ min: 1_000, max: 9_999_999 }), executed: fc.oneof(fc.constant(0), fc.integer({ min: 1_000, max: 9_999_999 })) });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows) => {
        const lines = rows.map((r, i) => `${i === 0 ? '분야' : ''}\t사업${i}\t${r.budget.toLocaleString('en-US')}\t${r.executed.toLocaleString('en-US')}\t\t`);
        const text = ['# 2020년도 상반기 주요업무 추진상황', '## 예산집행 현황', '(단위 : 천원)', '구분\t사업명\t예산액\t집행액\t잔액\t집행률', ...lines].join('\n');
        const r = await loadText('gen.txt', text);
        const t = budget({ documents: [r.document], diagnostics: new Map(), options: {} }).tables[0]!;
        expect(t.rows).toHaveLength(rows.length);
        const sumB = rows.reduce((s, x) => s + x.budget, 0) * 1000;
        const sumE = rows.reduce((s, x) => s + x.executed, 0) * 1000;
        expect(t.totals![0]).toMatchObject({ budget_krw: sumB, executed_krw: sumE });
        // Each printed rate is within half a hundredth of a percent of executed/budget (a bound, not the code's rounding).
        t.rows.forEach((tr, i) => expect(Math.abs(Number(tr.execution_rate_pct) - (100 * rows[i]!.executed) / rows[i]!.budget)).toBeLessThanOrEqual(0.005 + 1e-9));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('the figure reader round-trips the amounts it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom('원', '천원', '백만원'), (n, unit) => {
        const krw = n * { 원: 1, 천원: 1000, 백만원: 1e6 }[unit]!;
        const text = formatAmount(krw, unit);
        expect(parseNumber(text)).toBe(n);
        expect(parseKoreanAmount(text + unit)?.krw).toBe(krw);
        expect(parseKoreanAmount(text, unit)?.krw).toBe(krw);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('mutations of the samples', () => {
  const sample = readFileSync('fixtures/samples/regional-report-2020h1.txt', 'utf8').split('\n');
  const tableStart = sample.findIndex((l) => l.startsWith('<b>계</b>'));

  it('deleting, duplicating or shuffling lines never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'swap'), fc.nat(sample.length - 1), fc.nat(sample.length - 1)), { minLength: 1, maxLength: 8 }), async (ops) => {
        const lines = [...sample];
        for (const [op, a, b] of ops) {
          if (op === 'delete') lines.splice(a % lines.length, 1);
          else if (op === 'duplicate') lines.splice(a % lines.length, 0, lines[a % lines.length]!);
          else [lines[a % lines.length], lines[b % lines.length]] = [lines[b % lines.length]!, lines[a % lines.length]!];
        }
        const r = await parseBytes('m.txt', new TextEncoder().encode(lines.join('\n')));
        if ('error' in r) {
          expect(r.error).not.toContain('\n');
          return;
        }
        // Every budget line still cites a line of the mutated text that holds its program's name.
        for (const l of r.document.budgetLines) expect(lines[l.source.line - 1]?.trim()).toBe(l.source.text);
        const result = check({ documents: [r.document], diagnostics: new Map([[r.document.file, r.diagnostics]]), options: {} });
        for (const f of result.findings!) expect(['error', 'warning', 'info']).toContain(f.severity);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('deleting any budget row is caught: the total no longer adds up', async () => {
    for (const offset of [1, 7, 20, 33, 52]) {
      const lines = [...sample];
      const removed = lines.splice(tableStart + offset, 1)[0]!;
      if (!/\d/.test(removed)) continue;
      const r = await loadText('m.txt', lines.join('\n'));
      const findings = check({ documents: [r.document], diagnostics: new Map(), options: {} }).findings!;
      expect(findings.some((f) => f.code === 'total' && f.severity === 'error'), removed).toBe(true);
    }
  });

  it('duplicating a budget row is caught too', async () => {
    const lines = [...sample];
    lines.splice(tableStart + 3, 0, lines[tableStart + 3]!);
    const r = await loadText('m.txt', lines.join('\n'));
    const findings = check({ documents: [r.document], diagnostics: new Map(), options: {} }).findings!;
    // The duplicated row (충북인공지능진흥컨트론타워…, 175,000천원 with nothing executed) breaks the budget and remaining totals; executed still adds up.
    expect(findings.filter((f) => f.code === 'total').map((f) => [f.stated, f.computed])).toEqual([
      [26_507_677_000, 26_682_677_000],
      [22_329_620_000, 22_504_620_000],
    ]);
  });
});

describe('size', () => {
  it('reads a 10 MB generated report in one pass: every row, totals intact', async () => {
    const { generate } = (await import('../../scripts/generate-corpus.mjs')) as { generate: (n: number, dir: string, bigMb?: number) => string[] };
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-big-'));
    generate(0, dir, 10);
    const bytes = readFileSync(path.join(dir, 'big-report.txt'));
    expect(bytes.length).toBeGreaterThan(9_000_000);
    const r = await parseBytes('big-report.txt', new Uint8Array(bytes));
    if ('error' in r) throw new Error(r.error);
    // The sample's 52 rows plus every generated row.
    const generated = bytes.toString('utf8').split('\n').filter((l) => l.startsWith('\t추가사업')).length;
    expect(generated).toBeGreaterThan(150_000);
    expect(r.document.budgetLines.length).toBe(52 + generated);
    const findings = check({ documents: [r.document], diagnostics: new Map(), options: {} }).findings!;
    // The generated rows are not in the stated 계, so the grand total must now fail — and nothing else.
    expect(new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))).toEqual(new Set(['total', 'growth']));
  }, 120_000);
});

describe('tables with cells missing or extra', () => {
  const head = ['# 2020년도 상반기 주요업무 추진상황', '## 예산집행 현황', '(단위 : 천원)', '구분\t사업명\t예산액\t집행액\t잔액\t집행률\t비고'];
  it('a row with an extra trailing cell and one with a missing leading cell are both read', async () => {
    const text = [...head, '분야\t가사업\t100\t10\t90\t10.0%\t20.03.01.\t덧붙은 칸', '나사업\t200\t20\t180\t10.0%\t미교부'].join('\n');
    const r = await loadText('cells.txt', text);
    expect(r.document.budgetLines.map((l) => [l.group, l.program, l.budget?.value, l.allocationDate ?? l.status])).toEqual([
      ['분야', '가사업', 100_000, '2020-03-01'],
      ['분야', '나사업', 200_000, '미교부'],
    ]);
  });
});
