// The corpus eval run in-process on the TypeScript sources: the totals must not
// fall under the floors in floors.json (raised by hand as the extractors improve).
// The matcher itself is tested on small hand-made cases first, so a floor of 0
// still rests on a scorer that can fail.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as parseModule from '../../src/parse/index.js';
import * as checkModule from '../../src/commands/check.js';

type Section = { expected: number; found: number; wrong: number; pct: number; misses?: string[] };
type Totals = {
  documents: number;
  skipped: number;
  lineItems: Section;
  totals: Section;
  series: Section;
  targets: Section;
  kinds: { expected: number; right: number };
  claims: { planted: number; caught: number; correct: number; falseErrors: number };
};
type Result = { id: string; shared: boolean; skipped?: string; lineItems: Section };
interface EvalModule {
  ROOT: string;
  SHARED_DIR: string;
  toolFrom: (p: unknown, c: unknown) => unknown;
  evaluate: (o: { tool: unknown; sharedDir?: string }) => Promise<{ results: Result[]; totals: Totals }>;
  loadExpectations: () => { id: string; document: string }[];
  normName: (s: string) => string;
  normPeriod: (s: string) => string;
  inWon: (v: number, unit: string) => number;
  scoreLineItems: (e: object[], found: object[]) => Section;
  scoreTotals: (e: object[], found: object[]) => Section;
  scoreSeries: (e: object[], found: object[]) => Section;
  scoreTargets: (e: object[], found: object[]) => Section;
  scoreClaims: (e: object[], findings: object[]) => { planted: number; caught: number; correct: number; falseErrors: number };
}

const ev = (await import('../../scripts/eval.mjs')) as unknown as EvalModule;
const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, number>;
const q = (value: number, unit = '원') => ({ value, unit });

describe('eval matcher', () => {
  it('normalises names, periods and money units', () => {
    expect(ev.normName('노인일자리 및 사회활동지원 (확대)')).toBe('노인일자리및사회활동지원확대');
    expect(ev.normPeriod("'23")).toBe('2023');
    expect(ev.normPeriod('’24년')).toBe('2024');
    expect(ev.normPeriod('2025(계획)')).toBe('2025');
    expect(ev.normPeriod('1999')).toBe('1999');
    expect(ev.inWon(968.4, '백만원')).toBe(968_400_000);
    expect(ev.inWon(7, '억원')).toBe(700_000_000);
    expect(ev.inWon(48, '%')).toBe(48);
  });

  it('line items: exact amounts found, a different amount wrong, a contained name matched when unique', () => {
    const expected = [
      { name: '총무과', budget: 8_412_000_000, executed: 4_105_000_000 },
      { name: '재무과', budget: 3_920_000_000 },
      { name: '세무1과', budget: 1_288_000_000 },
      { name: '없는과', budget: 1 },
    ];
    const found = [
      { program: '총무과', budget: q(8412, '백만원'), executed: q(4105, '백만원') },
      { program: '재무과', budget: q(3_920_000_001) },
      { program: '(세무1과)', budget: q(1_288_000_000) },
    ];
    const s = ev.scoreLineItems(expected, found);
    expect([s.expected, s.found, s.wrong]).toEqual([4, 2, 1]);
  });

  it('line items of the same name are told apart by year and amounts', () => {
    const expected = [
      { name: '가로주택정비사업', year: '2022', budget: 311_400_000_000, executed: 306_121_000_000 },
      { name: '가로주택정비사업', year: '2023', budget: 475_444_000_000, executed: 474_546_000_000 },
    ];
    const found = [
      { program: '가로주택정비사업', year: '2023', budget: q(475_444_000_000), executed: q(474_546_000_000) },
      { program: '가로주택정비사업', year: '2022', budget: q(311_400_000_000), executed: q(306_121_000_000) },
    ];
    expect(ev.scoreLineItems(expected, found).found).toBe(2);
    // Only the 2023 line read, undated: the 2022 item is missed, not wrong.
    const one = ev.scoreLineItems(expected, [{ program: '가로주택정비사업', budget: q(475_444_000_000), executed: q(474_546_000_000) }]);
    expect([one.found, one.wrong]).toEqual([1, 0]);
    // Dated 2022 with another amount: wrong.
    const off = ev.scoreLineItems(expected, [{ program: '가로주택정비사업', year: '2022', budget: q(311_400_000_000), executed: q(306_000_000_000) }]);
    expect([off.found, off.wrong]).toEqual([0, 1]);
  });

  it('totals are recognised by amounts; series pairs by periods and values; before → after by values', () => {
    const t = ev.scoreTotals([{ label: '합계', budget: 10 }, { label: '소계', group: 'A', budget: 7 }], [{ label: '계', budget: q(10) }, { label: '소계', group: 'A', budget: q(8) }]);
    expect([t.found, t.wrong]).toEqual([1, 1]);
    const s = ev.scoreSeries(
      [
        { indicator: '사업비', unit: '원', from: { period: '2020', value: 106_069_000_000 }, to: { period: '2021', value: 297_934_000_000 } },
        { indicator: '대기시간', unit: '분', from: { period: 'before', value: 21 }, to: { period: 'after', value: 17 } },
        { indicator: '이용률', unit: '%', from: { period: '2023', value: 46 }, to: { period: '2024', value: 48 } },
      ],
      [
        { indicator: '최근 5년 사업비', unit: '백만원', points: [{ period: "'20", value: 106069 }, { period: "'21", value: 297934 }] },
        { indicator: '배차 대기시간', unit: '분', points: [{ period: '기존', value: 21 }, { period: '개선', value: 17 }] },
        { indicator: '이용률', unit: '%', points: [{ period: '2023', value: 46 }, { period: '2024', value: 49 }] },
      ],
    );
    expect([s.found, s.wrong]).toEqual([2, 1]);
  });

  it('a count printed with a magnitude word equals the same count in its base unit, and nothing else', () => {
    // 2,324만건 = 23,240,000건 (Busan ocean plan p.11); 5,979만건 is not 5,979,000건.
    const expected = [
      { indicator: '해상특송 물동량', unit: '만건', from: { period: '2020', value: 2324 }, to: { period: '2023', value: 5979 } },
      { indicator: '참여자', unit: '천명', from: { period: '2023', value: 12 }, to: { period: '2024', value: 15 } },
    ];
    const s = ev.scoreSeries(expected, [
      { indicator: '해상특송 물동량', unit: '건', points: [{ period: '2020', value: 23_240_000 }, { period: '2023', value: 59_790_000 }] },
      { indicator: '참여자', unit: '명', points: [{ period: '2023', value: 12_000 }, { period: '2024', value: 15_000 }] },
    ]);
    expect([s.found, s.wrong]).toEqual([2, 0]);
    const off = ev.scoreSeries(expected.slice(0, 1), [{ indicator: '해상특송 물동량', unit: '건', points: [{ period: '2020', value: 23_240_000 }, { period: '2023', value: 5_979_000 }] }]);
    expect([off.found, off.wrong]).toEqual([0, 1]);
  });

  it('targets match by indicator and value; claims by line', () => {
    const t = ev.scoreTargets(
      [{ indicator: '거래물량', unit: '천톤', target: 338, targetYear: '2025' }, { indicator: '취업률', unit: '%', target: 70 }],
      [{ indicator: '2025년도 거래물량', unit: '천톤', target: q(338, '천톤'), targetYear: '2025' }, { indicator: '취업률', unit: '%', target: q(75, '%') }],
    );
    expect([t.found, t.wrong]).toEqual([1, 1]);
    const c = ev.scoreClaims(
      [
        { text: '소계 1,000', correct: false, cite: 'line 12' },
        { text: '합계 2,000', correct: true, cite: 'line 14' },
        { text: '계 3,000', correct: true, cite: 'line 20' },
      ],
      [
        { severity: 'error', source: { line: 12, text: '소계 1,000' } },
        { severity: 'error', source: { line: 14, text: '합계 2,000' } },
        { severity: 'warning', source: { line: 20, text: '계 3,000' } },
      ],
    );
    expect(c).toMatchObject({ planted: 1, caught: 1, correct: 2, falseErrors: 1 });
  });
});

type Money = { budget?: number; executed?: number; group?: string; year?: string; cite?: string; label?: string; name?: string };
type Expected = {
  id: string;
  document: string;
  kind: string;
  lineItems?: Money[];
  totals?: Money[];
  series?: { indicator: string; unit: string; from: { period: string; value: number }; to: { period: string; value: number }; cite: string }[];
  targets?: { indicator: string; unit: string; target: number; cite: string }[];
  claims?: { text: string; correct: boolean; cite: string }[];
};

describe('expected files', () => {
  const exps = ev.loadExpectations() as unknown as Expected[];

  it('follow the format: kinds, integer 원, a cite on every value', () => {
    for (const e of exps) {
      expect(['regional-report', 'national-plan', 'blog-post', 'document'], e.id).toContain(e.kind);
      for (const m of [...(e.lineItems ?? []), ...(e.totals ?? [])]) {
        expect(m.name ?? m.label, e.id).toBeTruthy();
        expect(m.cite, `${e.id} ${m.name ?? m.label}`).toBeTruthy();
        for (const v of [m.budget, m.executed]) if (v !== undefined) expect(Number.isInteger(v) && v >= 0, `${e.id} ${m.name ?? m.label} ${v}`).toBe(true);
      }
      for (const s of e.series ?? []) {
        expect(s.cite && s.unit && s.from.period && s.to.period, `${e.id} ${s.indicator}`).toBeTruthy();
        expect(typeof s.from.value === 'number' && typeof s.to.value === 'number', `${e.id} ${s.indicator}`).toBe(true);
      }
      for (const t of e.targets ?? []) expect(typeof t.target === 'number' && !!t.cite && !!t.unit, `${e.id} ${t.indicator}`).toBe(true);
      for (const c of e.claims ?? []) expect(typeof c.correct === 'boolean' && !!c.text && !!c.cite, `${e.id} ${c.text}`).toBe(true);
    }
  });

  it('written documents add up: each total is the sum of its line items (group and year), unless a claim says it is wrong', () => {
    const written = exps.filter((e) => !e.document.startsWith('shared:') && !e.id.startsWith('claims-'));
    let checked = 0;
    for (const e of written) {
      const wrongLines = new Set((e.claims ?? []).filter((c) => !c.correct).map((c) => c.cite));
      for (const t of e.totals ?? []) {
        const items = (e.lineItems ?? []).filter((l) => (!t.group || l.group === t.group) && (!t.year || l.year === t.year));
        const off: string[] = [];
        for (const k of ['budget', 'executed'] as const) {
          if (t[k] === undefined || items.some((l) => l[k] === undefined)) continue;
          const sum = items.reduce((s, l) => s + l[k]!, 0);
          if (sum !== t[k]) off.push(`${k}: rows ${sum}, total ${t[k]}`);
          checked++;
        }
        // A total a claim marks as wrong must be off somewhere; every other total adds up.
        if (wrongLines.has(t.cite!)) expect(off.length, `${e.id} ${t.label} should not add up`).toBeGreaterThan(0);
        else expect(off, `${e.id} ${t.label} ${t.group ?? ''} ${t.year ?? ''}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

const sharedPresent = existsSync(path.join(ev.SHARED_DIR, 'real'));

describe('corpus eval', () => {
  it('every expected file names a document that exists (real ones when ../shared is present)', () => {
    const exps = ev.loadExpectations();
    expect(exps.length).toBeGreaterThanOrEqual(30);
    for (const e of exps) {
      if (e.document.startsWith('shared:')) {
        if (sharedPresent) expect(existsSync(path.join(ev.SHARED_DIR, e.document.slice(7))), e.id).toBe(true);
      } else expect(existsSync(path.join(ev.ROOT, e.document)), e.id).toBe(true);
    }
  });

  it('totals stay at or above the floors', async () => {
    if (!sharedPresent) console.log('corpus eval: ../shared/real absent, real documents skipped');
    const tool = ev.toolFrom(parseModule, checkModule);
    const { totals: t } = await ev.evaluate({ tool });
    const pct = (s: Section) => (s.expected ? (100 * s.found) / s.expected : 100);
    const measured = {
      lineItemsFoundPct: pct(t.lineItems),
      wrongAmountsMax: t.lineItems.wrong + t.totals.wrong,
      totalsRecognisedPct: pct(t.totals),
      seriesPairsPct: pct(t.series),
      targetsPct: pct(t.targets),
      kindsRight: t.kinds.right,
      plantedWrongClaimsCaught: t.claims.caught,
      falseErrorsMax: t.claims.falseErrors,
    };
    // Floors are measured with ../shared present; without it only the maxima apply.
    if (sharedPresent) {
      expect(measured.lineItemsFoundPct).toBeGreaterThanOrEqual(floors.lineItemsFoundPct!);
      expect(measured.totalsRecognisedPct).toBeGreaterThanOrEqual(floors.totalsRecognisedPct!);
      expect(measured.seriesPairsPct).toBeGreaterThanOrEqual(floors.seriesPairsPct!);
      expect(measured.targetsPct).toBeGreaterThanOrEqual(floors.targetsPct!);
      expect(measured.kindsRight).toBeGreaterThanOrEqual(floors.kindsRight!);
      expect(measured.plantedWrongClaimsCaught).toBeGreaterThanOrEqual(floors.plantedWrongClaimsCaught!);
    }
    expect(measured.wrongAmountsMax).toBeLessThanOrEqual(floors.wrongAmountsMax!);
    expect(measured.falseErrorsMax).toBeLessThanOrEqual(floors.falseErrorsMax!);
  }, 120_000); // about 9 s of CPU; the margin is for a loaded machine
});
