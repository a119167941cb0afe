// The real executable in child processes: a closed pipe (#1), a large report on
// the main thread's stack (issue 14), `npm pack` + install (#13) and the CI
// recipe of docs/cli.md run as written.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/load.js';

const BIN = path.join(ROOT, 'bin/policy-lens.js');
const R = path.join(ROOT, 'fixtures/samples/regional-report-2020h1.txt');

/** Run the CLI in a child process; resolves with its exit code, stdout and stderr. */
function child(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('#1 a closed pipe ends the run quietly', () => {
  it('parse | head -1: exit 0, no EPIPE, nothing on stderr but the warning line', () => {
    // parse of the report is ~340 kB of JSON, far more than a pipe holds, so the writer meets the closed pipe.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" parse "${R}" -q | head -1; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toBe('exit 0\n');
  });
});

describe('no spread of an array into a call anywhere in src/ (it overflows the stack on a large document)', () => {
  it('no push(...x), Math.max(...x), Math.min(...x), fromCharCode(...x)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, name.name);
        if (name.isDirectory()) walk(full);
        else if (name.name.endsWith('.ts')) {
          readFileSync(full, 'utf8').split('\n').forEach((line, i) => {
            if (/\.push\(\s*\.\.\.|Math\.(max|min)\(\s*\.\.\.|fromCharCode\(\s*\.\.\./.test(line)) offenders.push(`${path.relative(ROOT, full)}:${i + 1}`);
          });
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});

describe('a large report through the real executable (main-thread stack, streamed output)', () => {
  // 8 MB: about 140,000 budget rows, past what a spread into a call can take (the code before this
  // change failed on it with "Maximum call stack size exceeded"; at 6 MB it did not). 20 MB takes
  // 20–30 s a command on this machine, too long for the suite. The 100 MB report of issue 14 runs
  // through the same three commands in `npm run bench` (reported there, not asserted); that JSON is
  // written in pieces that do not grow with the document is tested in tests/render/stream.test.ts.
  const SIZE_MB = 8;
  let file = '';
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pl-large-'));
    const { generate } = (await import('../../scripts/generate-corpus.mjs')) as { generate: (n: number, dir: string, bigMb?: number) => string[] };
    generate(0, dir, SIZE_MB);
    file = path.join(dir, 'big-report.txt');
  });

  it('budget, check and parse each finish with their output', async () => {
    const [budget, check, parse] = await Promise.all([
      child(['budget', file, '--by', 'group', '-f', 'csv', '-q']),
      child(['check', file, '-f', 'csv', '-q', '--fail-on', 'none']),
      child(['parse', file, '-f', 'csv', '-q']),
    ]);
    for (const r of [budget, check, parse]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(budget.stdout.split('\n')[0]).toBe('document,group,programs,budget_krw,executed_krw,remaining_krw,execution_rate_pct');
    expect(budget.stdout.trimEnd().split('\n').length).toBeGreaterThan(1);
    expect(check.stdout.split('\n')[0]).toBe('document,severity,code,message,stated,computed,source,tolerance,operands,page');
    const parsed = parse.stdout.trimEnd().split('\n');
    expect(parsed).toHaveLength(2);
    expect(Number(parsed[1]!.split(',').at(-4))).toBeGreaterThan(130_000); // budget lines
  }, 90_000);
});

/** npm, when this machine has it (CI does). */
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!npm) console.log('npm is not available: the pack and CI-recipe tests are skipped');

describe.skipIf(!npm)('#13 npm pack installs and runs; the CI recipe of docs/cli.md runs as written', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'pl-pack-'));
  const prefix = path.join(work, 'prefix');
  const env = { ...process.env, npm_config_prefix: prefix, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}` };

  beforeAll(() => {
    // dist/ is built (npm test builds first); --ignore-scripts keeps `prepare` from rebuilding it
    // while other tests run the executable from it.
    execFileSync('npm', ['pack', ROOT, '--pack-destination', work, '--silent', '--ignore-scripts'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  }, 120_000);

  it('the package holds dist/, the launcher and the samples', () => {
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const files = execFileSync('tar', ['tzf', path.join(work, tgz)], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/dist/cli/run.js');
    expect(files).toContain('package/bin/policy-lens.js');
    expect(files).toContain('package/fixtures/samples/regional-report-2020h1.txt');
    expect(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/tests/'))).toEqual([]);
  });

  it('runs the GitHub Actions recipe: install, summary into the step summary (exit 1 on an error), CSV upload', () => {
    // The recipe's `run:` lines, as written in docs/cli.md.
    const doc = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
    const yaml = /<!-- ci-recipe -->\s*```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const steps: { run: string; always: boolean }[] = [];
    const lines = yaml.split('\n');
    lines.forEach((l, i) => {
      const m = /^\s*- run: (.*)$/.exec(l);
      if (m) steps.push({ run: m[1]!, always: /^\s+if: always\(\)/.test(lines[i + 1] ?? '') });
    });
    expect(steps.length).toBeGreaterThanOrEqual(3);

    // A repository whose reports folder also holds a README and an unrelated file.
    const repo = path.join(work, 'repo');
    mkdirSync(path.join(repo, 'reports'), { recursive: true });
    copyFileSync(R, path.join(repo, 'reports', 'regional-report-2020h1.txt'));
    copyFileSync(path.join(ROOT, 'fixtures/samples/national-plan-2023.txt'), path.join(repo, 'reports', 'national-plan-2023.txt'));
    writeFileSync(path.join(repo, 'reports', 'README.md'), '# Reports\n\nThe agency reports we publish each half-year.\n');
    writeFileSync(path.join(repo, 'reports', 'contacts.csv'), 'name,phone\n');
    for (const f of readdirSync(work).filter((f) => f.endsWith('.tgz'))) copyFileSync(path.join(work, f), path.join(repo, f));
    const summaryFile = path.join(work, 'step-summary.md');
    writeFileSync(summaryFile, '');

    // GitHub Actions: after a failed step only `if: always()` steps run.
    const codes: (number | null)[] = [];
    let failed = false;
    for (const step of steps) {
      if (failed && !step.always) {
        codes.push(null);
        continue;
      }
      const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: repo, env: { ...env, GITHUB_STEP_SUMMARY: summaryFile, CI: 'true' }, encoding: 'utf8' });
      codes.push(r.status);
      if (r.status !== 0) failed = true;
    }
    // install 0 · summary 1 (the report states a 48% growth the figures put at 106.23%) · CSV 0 · …
    expect(codes.slice(0, 3)).toEqual([0, 1, 0]);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.split('\n').slice(0, 3)).toEqual(['# policy-lens summary', '', '2 documents · 1 error · 1 warning · total budget 26,507,677천원 · executed 4,178,057천원 (15.76%)']);
    const csv = readFileSync(path.join(repo, 'policy-figures', 'budget.csv'), 'utf8');
    expect(csv.trimEnd().split('\n')).toHaveLength(53);
    expect(execFileSync(path.join(prefix, 'bin', 'policy-lens'), ['--version'], { encoding: 'utf8' }).trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  }, 120_000);
});
