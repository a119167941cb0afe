// Issue 17: the CLI as analysts and CI jobs use it. One describe per defect or
// convention; each expectation is written out by hand, not computed like the code.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/load.js';
import { run } from '../../src/cli/run.js';
import { realIo, type Io } from '../../src/cli/io.js';

const R = 'fixtures/samples/regional-report-2020h1.txt';
const RPDF = 'fixtures/samples/regional-report-2020h1.pdf';
const P = 'fixtures/samples/national-plan-2023.txt';
const B = 'fixtures/samples/blog-post.md';
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `pl-${name}-`));

/** Run in-process with a terminal of `columns` width (or other Io overrides). */
async function term(args: string[], over: Partial<Io> = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { ...realIo(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdoutIsTTY: true, stderrIsTTY: false, stdinIsPiped: false, env: {}, workers: false, ...over };
  const code = await run(args, io);
  return { stdout, stderr, code };
}

const csvRows = (text: string) => text.trimEnd().split('\n').slice(1);

describe('#2 --out to a folder or a missing folder', () => {
  it('a folder: one line, exit 2, nothing left behind', async () => {
    const dir = tmp('outdir');
    const t = await cli(['budget', R, '--format', 'csv', '--out', dir]);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe(`policy-lens: cannot write ${dir}: is a directory\n`);
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(path.dirname(dir)).filter((f) => f.startsWith(path.basename(dir)) && f.endsWith('.tmp'))).toEqual([]);
  });

  it('missing parent folders are created', async () => {
    const dir = tmp('outnew');
    const out = path.join(dir, 'a', 'b', 'budget.csv');
    const t = await cli(['budget', R, '-f', 'csv', '-o', out, '-q']);
    expect(t.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('document,group,program,budget_krw,executed_krw,remaining_krw,execution_rate_pct,stated_rate_pct,source,page');
    expect(readdirSync(path.join(dir, 'a', 'b'))).toEqual(['budget.csv']);
  });

  it('a path through a file: one line, exit 2', async () => {
    const dir = tmp('outfile');
    writeFileSync(path.join(dir, 'file'), 'x');
    const out = path.join(dir, 'file', 'budget.csv');
    const t = await cli(['budget', R, '-f', 'csv', '-o', out]);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe(`policy-lens: cannot write ${out}: a part of its path is a file, not a folder\n`);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});

describe('#4 budget options', () => {
  it('--sort name sorts within the five groups (five headings, not 27)', async () => {
    const t = await cli(['budget', R, '--sort', 'name', '-q']);
    const lines = t.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('▸ '))).toEqual([
      '▸ ICT 융합 혁신성장 플랫폼 구축',
      '▸ 뉴 콘텐츠 산업 혁신 주도 성장전인',
      '▸ 과학기술을 통한 지역혁신성장 동력 확보',
      '▸ 중소벤처 기업의 성장 발판 관련',
      '▸ 기관운영 (기타)',
    ]);
    // The last group, 기관운영: 자본예산 sorts before 충북과학기술혁신원운영.
    const last = lines.slice(lines.indexOf('▸ 기관운영 (기타)') + 1, lines.indexOf('▸ 기관운영 (기타)') + 3).map((l) => l.split(/\s{2,}/)[0]);
    expect(last).toEqual(['자본예산', '충북과학기술혁신원운영']);
  });

  it('--below works with --by group (groups under 12%: 뉴 콘텐츠 10.23%, 과학기술 2.48%)', async () => {
    const t = await cli(['budget', R, '--by', 'group', '--below', '12', '-f', 'csv', '-q']);
    expect(csvRows(t.stdout).map((r) => r.split(',')[1])).toEqual(['뉴 콘텐츠 산업 혁신 주도 성장전인', '과학기술을 통한 지역혁신성장 동력 확보']);
    const table = await cli(['budget', R, '--by', 'group', '--below', '12', '-q']);
    // The total is over the groups shown: 7 + 13 programs, 2,680,000 + 5,119,000 천원.
    expect(table.stdout).toMatch(/Total\s+20\s+7,799,000\s+401,287/);
  });

  it('--unit 조원 shows the figures, not 0.0 (26,507,677,000 원 = 0.027 조원)', async () => {
    const t = await cli(['budget', R, '--by', 'group', '--unit', '조원', '-q']);
    expect(t.stdout).toMatch(/^Total\s+52\s+0\.027\s+0\.0042\s+0\.022\s+15\.8/m);
    expect(t.stdout).not.toMatch(/\s0\.0\s/);
  });
});

describe('#5 the same document in two formats is one document', () => {
  it('budget --by group on the samples counts the report once: 26,507,677천원', async () => {
    const t = await cli(['budget', '--by', 'group', '--format', 'csv']);
    const rows = csvRows(t.stdout).map((r) => r.split(','));
    expect(rows).toHaveLength(5);
    expect(rows.reduce((s, r) => s + Number(r[3]), 0)).toBe(26_507_677_000);
    const said = t.stderr.split('\n').filter((l) => l.includes('is the same document as'));
    expect(said).toEqual([
      'policy-lens: fixtures/samples/national-plan-2023.pdf is the same document as fixtures/samples/national-plan-2023.txt (same kind, title and figures): counted once, from fixtures/samples/national-plan-2023.txt',
      'policy-lens: fixtures/samples/regional-report-2020h1.pdf is the same document as fixtures/samples/regional-report-2020h1.txt (same kind, title and figures): counted once, from fixtures/samples/regional-report-2020h1.txt',
    ]);
  }, 60_000);

  it('summary of the samples (npm start) shows three documents, not five', async () => {
    const t = await cli(['summary', '--format', 'csv']);
    expect(csvRows(t.stdout).map((r) => r.split(',')[0])).toEqual([B, P, R]);
  }, 60_000);

  it('two versions that read differently are compared: a warning names the difference', async () => {
    const dir = tmp('dup');
    const text = readFileSync(R, 'utf8');
    writeFileSync(path.join(dir, 'a.txt'), text);
    // One executed amount read differently in the second version (SW미래채움사업 773,554 → 773,555).
    writeFileSync(path.join(dir, 'b.md'), text.replace('773,554', '773,555'));
    const t = await cli(['budget', dir, '--by', 'group', '-f', 'csv']);
    const lines = t.stderr.trimEnd().split('\n').filter((l) => !l.includes('warning (output-unreadable)'));
    expect(lines).toEqual([
      `policy-lens: ${dir}/b.md is the same document as ${dir}/a.txt (same kind, title and figures): counted once, from ${dir}/a.txt`,
      `policy-lens: warning: ${dir}/a.txt and ${dir}/b.md differ in 2 figures (1 only in the first, 1 only in the second; e.g. ${dir}/a.txt has budget line SW미래채움사업 (2100000000 / 773554000 원, ${dir}/a.txt:1062))`,
    ]);
  });
});

describe('#6 a document with no budget table given to budget', () => {
  it('one line naming the file; no table, no total', async () => {
    const t = await cli(['budget', B]);
    expect(t.stdout).toBe('');
    expect(t.stderr).toBe(`policy-lens: ${B}: no budget table\n`);
    expect(t.code).toBe(0);
  });
});

describe('#7 diagnostics on stderr, per file', () => {
  it('file: N warnings (codes); --quiet and -q silence them', async () => {
    const t = await cli(['budget', R, '-f', 'csv']);
    expect(t.stderr).toBe(`policy-lens: ${R}: 1 warning (output-unreadable)\n`);
    expect((await cli(['budget', R, '-f', 'csv', '--quiet'])).stderr).toBe('');
    expect((await cli(['budget', R, '-f', 'csv', '-q'])).stderr).toBe('');
  });

  it('the progress bar is cleared before a file error is printed', async () => {
    const dir = tmp('bar');
    const { generate } = (await import('../../scripts/generate-corpus.mjs')) as { generate: (n: number, dir: string) => string[] };
    generate(21, dir);
    const t = await cli(['budget', dir, path.join(dir, 'missing.txt'), '--by', 'group', '-f', 'csv'], {}, true, false);
    const afterBar = t.stderr.split('\r\u001b[2K').at(-1)!;
    expect(afterBar.split('\n')).toContain(`policy-lens: ${path.join(dir, 'missing.txt')}: no such file or folder`);
    expect(afterBar).not.toContain('#');
    expect(t.stderr.split('\r\u001b[2K').slice(0, -1).join('')).not.toContain('policy-lens:');
    // Documents without a budget table in a mixed run: one line, not one each. The corpus has 7 posts
    // and 7 plans whose titles repeat every 5 (plan-16 is plan-1, plan-4 is plan-19): 7 + 5 documents.
    expect(afterBar.split('\n')).toContain(`policy-lens: 12 documents have no budget table (${dir}/plan-1.txt, ${dir}/plan-10.txt, ${dir}/plan-13.txt, …)`);
  }, 60_000);
});

describe('#8 contract drift', () => {
  it('CSV percentages have two decimals', async () => {
    const t = await cli(['budget', R, '-f', 'csv', '-q']);
    expect(csvRows(t.stdout)[0]).toBe(`${R},ICT 융합 혁신성장 플랫폼 구축,SW융합클러스터2.0,2094000000,200307000,1893693000,9.57,9.60,${R}:1061,`);
    expect(csvRows(t.stdout)[2]).toContain(',175000000,0,175000000,0.00,0.00,');
  });

  it('--kind document is accepted (the generic kind)', async () => {
    const t = await cli(['parse', R, '--kind', 'document', '-f', 'jsonl', '-q']);
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ file: R, kind: 'document' });
  });

  it('.mdx is read like .md', async () => {
    const dir = tmp('mdx');
    copyFileSync(B, path.join(dir, 'post.mdx'));
    const t = await cli(['programs', path.join(dir, 'post.mdx'), '-f', 'csv']);
    expect(t.code).toBe(0);
    expect(csvRows(t.stdout).map((r) => r.split(',')[2])).toEqual(['기술개발 지원', '지식서비스 거래지원', '해외진출', '네트워크 프로그램']);
  });

  it('PDF rows carry their page (SW융합클러스터2.0 is on page 21 of the report PDF)', async () => {
    const t = await cli(['budget', RPDF, '-f', 'csv', '-q']);
    expect(t.stdout.split('\n')[0]!.endsWith(',source,page')).toBe(true);
    expect(csvRows(t.stdout)[0]!.endsWith(`,${RPDF}:803,21`)).toBe(true);
  });

  it('docs/CONTRACT.md carries the contract, and docs/cli.md points to it', () => {
    const contract = readFileSync('docs/CONTRACT.md', 'utf8');
    for (const columns of ['`document,group,program,budget_krw,executed_krw,remaining_krw,execution_rate_pct,stated_rate_pct,source`', '`document,severity,code,message,stated,computed,source`']) {
      expect(contract).toContain(columns);
    }
    expect(readFileSync('docs/cli.md', 'utf8')).toContain('CONTRACT.md');
  });
});

describe('#9 messages', () => {
  it('commander errors: one line in the tool style, exit 2', async () => {
    const t = await cli(['budget', R, '--format', 'xml']);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe("policy-lens: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, csv, json, jsonl, md, html. (see policy-lens --help)\n");
    const unknown = await cli(['budget', '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("policy-lens: unknown option '--frobnicate' (see policy-lens --help)\n");
  });

  it('plain policy-lens prints the help to stdout, exit 0', async () => {
    const t = await cli([]);
    expect(t.code).toBe(0);
    expect(t.stderr).toBe('');
    expect(t.stdout.startsWith('Usage: policy-lens <command> [files or folders...] [options]')).toBe(true);
  });

  it('options before the command work as after it', async () => {
    const before = await cli(['--format', 'csv', '-q', 'budget', R]);
    const after = await cli(['budget', R, '--format', 'csv', '-q']);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(before.stdout.startsWith('document,group,program')).toBe(true);
  });

  it('--help says what --debug does, as the docs do', async () => {
    const t = await cli(['budget', '--help']);
    expect(t.stdout.replace(/\s+/g, ' ')).toContain('--debug print every reading diagnostic, and stack traces of internal errors');
    expect(readFileSync('docs/cli.md', 'utf8')).toContain('print every reading diagnostic, and stack traces of internal errors');
  });
});

describe('#10 check shows enough digits to see the truncation', () => {
  it('stated 15.7% is the computed 15.762% truncated (4,178,057 / 26,507,677 = 15.7618…%)', async () => {
    const t = await cli(['check', R, '-f', 'csv', '-q']);
    expect(t.stdout).toContain('계 execution rate: stated 15.7% is the computed 15.762% truncated, not rounded');
  });
});

describe('#11 a yoy pair cites both its values', () => {
  it('from_source and to_source (예산 전략분야: 2022 on line 37, 2023 on line 490)', async () => {
    const t = await cli(['yoy', P, '-f', 'csv', '-q']);
    // from_label,to_label trail: the plan also holds one undated change (line 399, 5억원→10억원).
    expect(t.stdout.split('\n')[0]).toBe('document,indicator,unit,from_period,to_period,from_value,to_value,change,change_pct,source,page,from_source,to_source,from_page,to_page,from_label,to_label');
    const row = csvRows(t.stdout).find((r) => r.includes(',예산 전략분야,'))!;
    expect(row).toBe(`${P},예산 전략분야,원,2022,2023,598700000000,530900000000,-67800000000,-11.32,${P}:490,,${P}:37,${P}:490,,,,`);
  });
});

describe('contract periods: YYYY or YYYY-H1/H2 in the period columns', () => {
  it('yoy: a change printed without years leaves from_period/to_period empty and names its ends in from_label/to_label', async () => {
    const t = await cli(['yoy', P, '-f', 'csv', '-q']);
    const row = csvRows(t.stdout).find((r) => r.includes('혁신조달 과제 지원규모'))!;
    expect(row).toBe(`${P},혁신조달 과제 지원규모,원,,,500000000,1000000000,500000000,100.00,${P}:399,,${P}:399,${P}:399,,,before,after`);
  });

  it('budget: a line for the money of several years has an empty year and its years in year_label', async () => {
    const G = 'fixtures/corpus/gwangju-culture-contest-projects-2025.html';
    const t = await cli(['budget', G, '-f', 'csv', '-q']);
    const lines = t.stdout.trim().split('\n');
    expect(lines[0]).toBe('document,group,program,budget_krw,executed_krw,remaining_krw,execution_rate_pct,stated_rate_pct,source,page,year,year_label');
    // 2023년까지: 2,000백만원 budget, 1,950백만원 spent (the 계 row at line 17, 단위: 백만원).
    expect(lines[1]).toBe(`${G},,아시아문화중심도시 미디어아트 플랫폼 구축,2000000000,1950000000,50000000,97.50,,${G}:17,,,2023 이전`);
    expect(lines.slice(1).every((l) => /,(\d{4})?,[^,]*$/.test(l))).toBe(true);
  });
});

describe('#12 summary for a CI step summary', () => {
  it('one # title, an overall line, one ## section per document', async () => {
    const t = await cli(['summary', R, P, '--format', 'md', '-q']);
    const lines = t.stdout.split('\n');
    expect(lines.filter((l) => /^# /.test(l))).toEqual(['# policy-lens summary']);
    expect(lines[2]).toBe('2 documents · 1 error · 1 warning · total budget 26,507,677천원 · executed 4,178,057천원 (15.76%)');
    expect(lines.filter((l) => /^## /.test(l))).toEqual(['## Documents', '## 2020년도 상반기 주요업무 추진상황', "## 제4차 중소기업 기술혁신 촉진계획('19~'23) 2023년도 시행계획(안)"]);
  });

  it('--fail-on sets the exit code (summary alone exits 0)', async () => {
    expect((await cli(['summary', R, '-q'])).code).toBe(0);
    expect((await cli(['summary', R, '--fail-on', 'error', '-q'])).code).toBe(1);
    expect((await cli(['summary', P, '--fail-on', 'error', '-q'])).code).toBe(0);
    expect((await cli(['summary', R, '--fail-on', 'warning', '-q'])).code).toBe(1);
    expect((await cli(['check', R, '--fail-on', 'none', '-q'])).code).toBe(0);
  });
});

/** Terminal columns as the East Asian Width table gives them: Hangul, CJK and full-width forms take two.
 * Written here, not taken from the renderer, so the width tests do not grade the renderer with itself. */
function terminalColumns(text: string): number {
  let columns = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
    columns += wide ? 2 : 1;
  }
  return columns;
}

describe('#14 terminal width', () => {
  it('on an 80-column terminal every line fits, names are shortened with …', async () => {
    const t = await term(['budget', R, '-q', '--no-color'], { stdoutColumns: 80 });
    const lines = t.stdout.trimEnd().split('\n');
    expect(lines.reduce((m, l) => Math.max(m, terminalColumns(l)), 0)).toBeLessThanOrEqual(80);
    // The header fills the terminal: program 12, budget (천원) 13, executed (천원) 15, remaining (천원) 16, rate % 6, stated % 8, five gaps of 2.
    expect(lines[1]).toBe('program       budget (천원)  executed (천원)  remaining (천원)  rate %  stated %');
    expect(terminalColumns(lines[1]!)).toBe(80);
    expect(t.stdout).toContain('…');
    expect(t.stdout).toContain('budget (천원)');
  });

  it('paths give way first: a check message keeps more room than its source, which keeps its end', async () => {
    const t = await term(['check', R, '-q', '--no-color'], { stdoutColumns: 80 });
    const row = t.stdout.split('\n').find((l) => l.startsWith('error'))!;
    expect(terminalColumns(row)).toBe(80);
    expect(row).toMatch(/growth 2019→2020 \(12,853,628천원…\s+…t-2020h1\.txt:55$/);
  });

  it('a narrow terminal (60 columns) drops the document column and still fits', async () => {
    const t = await term(['programs', B, '--no-color'], { stdoutColumns: 60 });
    expect(t.code).toBe(0);
    const lines = t.stdout.trimEnd().split('\n');
    // program 8, group 5, ministry 8, start 5, end 3, months 6, five gaps of 2: 45 columns, no document column.
    expect(lines[1]).toBe('program   group  ministry  start  end  months');
    expect(lines.reduce((m, l) => Math.max(m, terminalColumns(l)), 0)).toBe(45);
  });

  it('--wide, CSV and a pipe keep everything whole', async () => {
    const wide = await term(['budget', R, '-q', '--no-color', '--wide'], { stdoutColumns: 80 });
    expect(wide.stdout).not.toContain('…');
    expect(wide.stdout).toContain('충북인공지능진흥컨트론타워기반마련사업');
    const csv = await term(['budget', R, '-q', '-f', 'csv'], { stdoutColumns: 80 });
    expect(csv.stdout).not.toContain('…');
  });
});

describe('a folder of documents beside a README and other files', () => {
  it('leaves out README/CHANGELOG/LICENSE and files of other types; a README named on the command line is read', async () => {
    const dir = tmp('repo');
    copyFileSync(R, path.join(dir, 'report.txt'));
    writeFileSync(path.join(dir, 'README.md'), '# Reports\n\nThe reports we publish.\n');
    writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Changes\n\n- 2020: first report\n');
    writeFileSync(path.join(dir, 'contacts.csv'), 'name,phone\n');
    const t = await cli(['summary', dir, '-f', 'csv', '-q']);
    expect(t.code).toBe(0);
    expect(csvRows(t.stdout).map((r) => r.split(',')[0])).toEqual([path.join(dir, 'report.txt')]);
    const named = await cli(['parse', path.join(dir, 'README.md'), '-f', 'jsonl', '-q']);
    expect(JSON.parse(named.stdout)).toMatchObject({ kind: 'document' });
  });
});

describe('conventions', () => {
  it('`-` reads the document from standard input, named by --stdin-name', async () => {
    const bytes = new Uint8Array(readFileSync(R));
    const t = await term(['budget', '-', '--stdin-name', 'report.txt', '-f', 'csv', '-q'], { readStdin: async () => bytes, stdoutIsTTY: false });
    expect(t.code).toBe(0);
    expect(csvRows(t.stdout)).toHaveLength(52);
    expect(csvRows(t.stdout)[0]!.startsWith('report.txt,')).toBe(true);
  });

  it('piped standard input with no file is read; an empty pipe falls back to the samples', async () => {
    const bytes = new Uint8Array(readFileSync(P));
    const piped = await term(['targets', '-f', 'csv'], { readStdin: async () => bytes, stdinIsPiped: true, stdoutIsTTY: false });
    expect(csvRows(piped.stdout)).toHaveLength(8);
    expect(csvRows(piped.stdout)[0]!.startsWith('<stdin>,')).toBe(true);
    // The samples folder, here one with only the plan in it (the PDFs would only slow the test).
    const samples = tmp('samples');
    copyFileSync(P, path.join(samples, 'plan.txt'));
    const empty = await term(['targets', '-f', 'csv', '-q'], { readStdin: async () => new Uint8Array(), stdinIsPiped: true, stdoutIsTTY: false, samplesDir: samples });
    expect(csvRows(empty.stdout).map((r) => r.split(',')[0])).toEqual(Array(8).fill(path.join(samples, 'plan.txt')));
  });

  it('--columns and --limit', async () => {
    const t = await cli(['budget', R, '-f', 'csv', '--columns', 'program,execution_rate_pct', '--limit', '2', '-q']);
    expect(t.stdout).toBe('program,execution_rate_pct\nSW융합클러스터2.0,9.57\nSW미래채움사업,36.84\n');
    const bad = await cli(['budget', R, '--columns', 'nope', '-q']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^policy-lens: --columns: no column "nope" \(columns: document, group, program, /);
  });

  it('--format jsonl: one row per line', async () => {
    const t = await cli(['targets', P, '-f', 'jsonl']);
    const lines = t.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(JSON.parse(lines[2]!)).toMatchObject({ indicator: '스마트공장 보급', target_value: 30000, actual_value: 30144, achievement_pct: 100.48 });
    const parsed = await cli(['parse', P, B, '-f', 'jsonl', '-q']);
    expect(parsed.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind)).toEqual(['national-plan', 'blog-post']);
  });

  it('-k is --kind', async () => {
    const t = await cli(['parse', P, '-k', 'regional-report', '-f', 'json']);
    expect(t.code).toBe(0);
    const doc = (JSON.parse(t.stdout) as { documents: { kind: string; kindReasons: string[] }[] }).documents[0]!;
    expect([doc.kind, doc.kindReasons]).toEqual(['regional-report', ['forced with --kind regional-report']]);
  });

  it('color: FORCE_COLOR, NO_COLOR, --color', async () => {
    const esc = '\u001b[';
    expect((await term(['budget', R, '-q'], { stdoutIsTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
    expect((await term(['budget', R, '-q'], { env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await term(['budget', R, '-q', '--color', 'always'], { stdoutIsTTY: false })).stdout).toContain(esc);
    expect((await term(['budget', R, '-q', '--color', 'never'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await term(['budget', R, '-q'], { env: {} })).stdout).toContain(esc);
  });

  it('check --severity error shows errors only (the exit code still counts every finding)', async () => {
    const t = await cli(['check', R, '--severity', 'error', '-f', 'csv', '-q']);
    expect(csvRows(t.stdout).map((r) => r.split(',')[1])).toEqual(['error']);
    expect(t.code).toBe(1);
  });

  it('targets --indicator', async () => {
    const t = await cli(['targets', P, '--indicator', '스마트공장', '-f', 'csv']);
    expect(csvRows(t.stdout)).toEqual([`${P},생산성 혁신,스마트공장 보급,개,30000,2023,30144,2022,100.48,${P}:166,`]);
  });

  it('completion scripts for bash, zsh and fish name every command', async () => {
    for (const [shell, marker] of [['bash', 'complete -o default -F _policy_lens policy-lens'], ['zsh', '#compdef policy-lens'], ['fish', 'complete -c policy-lens -f']] as const) {
      const t = await cli(['completion', shell]);
      expect(t.code).toBe(0);
      expect(t.stdout).toContain(marker);
      for (const c of ['parse', 'programs', 'budget', 'yoy', 'targets', 'check', 'summary']) expect(t.stdout).toContain(c);
    }
    const bad = await cli(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('policy-lens: completion: no script for "tcsh" (shells: bash, zsh, fish)\n');
  });

  it('the bash script completes --format values', async () => {
    const t = await cli(['completion', 'bash']);
    expect(t.stdout).toContain("-f|--format) COMPREPLY=($(compgen -W 'table csv json jsonl md html' -- \"$cur\")); return ;;");
  });
});
