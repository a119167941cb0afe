// Kind detection: a table of documents and the kind a reader would give them.
// Real documents are read in place from ../shared/real (skipped without it).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/parse/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REAL = fileURLToPath(new URL('../../../shared/real/', import.meta.url));

async function kindOf(file: string): Promise<{ kind: string; reasons: string[] }> {
  const result = await parseBytes(file, readFileSync(file));
  if ('error' in result) throw new Error(result.error);
  return { kind: result.document.kind, reasons: result.document.kindReasons ?? [] };
}

describe('kind detection on the repository documents', () => {
  it.each([
    ['fixtures/samples/blog-post.md', 'blog-post', 'front matter with post fields'],
    ['fixtures/samples/national-plan-2023.txt', 'national-plan', 'title names a national plan'],
    ['fixtures/samples/regional-report-2020h1.txt', 'regional-report', 'work report or work plan'],
    ['fixtures/plan/plain-layout-2024.txt', 'national-plan', 'issued by a central ministry'],
    ['fixtures/report/other-agency-2021h2.txt', 'regional-report', 'budget execution table'],
    ['fixtures/report/html-export-2022h1.html', 'regional-report', 'work report or work plan'],
    ['fixtures/broken/unknown-kind.txt', 'document', 'no kind scored 3 or more'],
    // Local education offices are local bodies: a 교육지원청 execution report and a 도 교육청 budget.
    ['fixtures/corpus/gimhae-education-office-execution-2024q3.txt', 'regional-report', 'issued by a local government'],
    ['fixtures/corpus/chungbuk-education-budget-2024.md', 'regional-report', 'issued by a local government'],
  ])('%s → %s (%s)', async (file, kind, reason) => {
    const found = await kindOf(ROOT + file);
    expect(found.kind).toBe(kind);
    expect(found.reasons.some((r) => r.startsWith(reason))).toBe(true);
  });
});

describe.skipIf(!existsSync(REAL))('kind detection on real published documents', () => {
  it.each([
    ['program-sheets/program-sheet-moel-national-learning-card-2024.pdf', 'national-plan', 'national budget program sheet'],
    ['program-sheets/program-sheet-mohw-senior-jobs-2024.pdf', 'national-plan', 'national budget program sheet'],
    ['program-sheets/program-sheet-molit-small-housing-renewal-2024.pdf', 'national-plan', 'national budget program sheet'],
    ['regional-plans/report-busan-transport-innovation-2025.pdf', 'regional-report', 'council committee addressed'],
    ['regional-plans/report-busan-women-family-2025.pdf', 'regional-report', 'issued by a local government'],
    ['regional-plans/report-busan-finance-startup-2025.pdf', 'regional-report', 'revenue and expenditure by department'],
    ['blogs/blog-senior-jobs-2026.mdx', 'blog-post', 'reader-facing guide wording'],
  ])('%s → %s (%s)', async (file, kind, reason) => {
    const found = await kindOf(REAL + file);
    expect(found.kind).toBe(kind);
    expect(found.reasons.some((r) => r.startsWith(reason))).toBe(true);
  });
});

describe.skipIf(!existsSync(REAL))('parse shows the tables of a real HWPX', () => {
  it('hwpx-public-data-standard-transfer-center-2023.hwpx: eight tables with their cell counts', async () => {
    // Counted in the document's section XML (hp:tc elements per hp:tbl), outside this tool.
    const result = await parseBytes('t.hwpx', readFileSync(REAL + 'hwp/hwpx-public-data-standard-transfer-center-2023.hwpx'));
    if ('error' in result) throw new Error(result.error);
    expect(result.document.meta.tables?.map((t) => t.cells)).toEqual([1, 14, 259, 11, 1, 1, 1, 56]);
  });
});
